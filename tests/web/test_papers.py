"""Papers through the public interface: the receipt, the decisions (admission and refusal)
with their grounds and citations, the results record of a call (003 §9(e)) as a page, PDF
and CSV, a screening result, the queue and due lists as CSV — in English and Japanese, and
only for those who may read them. Dates on the Russian calendar of 2025 (TODAY 2 June)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from .conftest import login
from .documents import file_section_8
from .papers import csv_rows, embedded_fonts, pdf_text

CALL = 1
DEMO_CASE = 1  # ru-bearing-works, arrival number 1


def _apply(client: TestClient, csrf: str) -> int:
    response = client.post(
        f"/calls/{CALL}/apply",
        data={"csrf_token": csrf, "idempotency_key": "paper-key-1", "subject": "Brake callipers"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def _act(client: TestClient, csrf: str, case_id: int, action: str, **fields: str) -> None:
    response = client.post(
        f"/cases/{case_id}/act",
        data={"csrf_token": csrf, "action": action, **fields},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def _paper_link(client: TestClient, case_id: int, action: str) -> str:
    page = client.get(f"/cases/{case_id}").text
    found = re.search(rf'data-action="{action}" href="([^"]+)"', page)
    assert found, f"no paper link for {action}"
    return found.group(1)


def test_receipt_names_the_case_its_arrival_and_basis(client: TestClient) -> None:
    csrf = login(client, "applicant-ru")
    case_id = _apply(client, csrf)
    text = pdf_text(client.get(f"/cases/{case_id}/receipt.pdf"))
    # the second application to the call, received under 003 §8
    assert f"Case number {case_id}" in text and "Arrival number 2" in text
    assert "Application received" in text and "003 §8" in text
    assert "Sample Components LLC" in text
    japanese = pdf_text(client.get(f"/cases/{case_id}/receipt.pdf?lang=ja"))
    assert f"案件番号 {case_id}" in japanese and "申請受付" in japanese and "003 §8" in japanese


def test_admission_and_refusal_papers_carry_ground_and_citation(client: TestClient) -> None:
    applicant = login(client, "applicant-ru")
    case_id = _apply(client, applicant)
    file_section_8(client, applicant, case_id)
    client.cookies.clear()
    official = login(client, "official-ru")
    _act(client, official, case_id, "register")
    _act(client, official, case_id, "admit")
    text = pdf_text(client.get(_paper_link(client, case_id, "admit")))
    assert f"Decision on case {case_id}" in text
    assert "Admit and send the draft agreement" in text and "003 §9(b)-(c)" in text
    # 10 working days to sign from 2 June, 12-13 June off (003 §9(c)) → 18 June
    assert "Sign the agreement" in text and "Jun 18, 2025" in text
    admitted_ja = client.get(_paper_link(client, case_id, "admit") + "?lang=ja")
    # the Japanese glyphs are in an embedded font, not left to the reader's machine
    assert any("IPAex" in name for name in embedded_fonts(admitted_ja))
    ja = pdf_text(admitted_ja)
    assert f"案件番号 {case_id}" in ja and "選抜通過を決定し協定書案を送付" in ja
    assert "003 §9(b)-(c)" in ja and "2025年6月18日" in ja
    # a refusal names its one ground (003 §9(d)): the demo's first application
    _act(client, official, DEMO_CASE, "refuse", reason="documents_nonconforming")
    refused = pdf_text(client.get(_paper_link(client, DEMO_CASE, "refuse")))
    assert f"Decision on case {DEMO_CASE}" in refused
    assert "Application or documents do not meet the call" in refused and "003 §9(d)" in refused
    refused_ja = pdf_text(client.get(_paper_link(client, DEMO_CASE, "refuse") + "?lang=ja"))
    assert "申込書類が告示の要件に不適合" in refused_ja and "003 §9(d)" in refused_ja


def test_papers_are_only_for_those_who_may_read_the_case(client: TestClient) -> None:
    login(client, "applicant-ru")  # case 1 is another enterprise's
    assert client.get(f"/cases/{DEMO_CASE}/receipt.pdf").status_code == 403
    client.cookies.clear()
    signed_out = client.get(f"/cases/{DEMO_CASE}/receipt.pdf", follow_redirects=False)
    assert signed_out.status_code == 303 and signed_out.headers["location"].startswith("/login")
    login(client, "auditor")
    assert client.get(f"/cases/{DEMO_CASE}/steps/999.pdf").status_code == 404


def test_results_record_of_the_call(client: TestClient) -> None:
    applicant = login(client, "applicant-ru")
    case_id = _apply(client, applicant)
    client.cookies.clear()
    official = login(client, "official-ru")
    _act(client, official, DEMO_CASE, "refuse", reason="documents_nonconforming")
    _act(client, official, case_id, "register")
    client.cookies.clear()
    # published on the ministry's site (003 §9(e)): no sign-in needed
    page = client.get(f"/calls/{CALL}/results")
    assert page.status_code == 200 and "Results record of the call" in page.text
    assert "Bearing Works JSC" in page.text and "Sample Components LLC" in page.text
    # published by 1 April of the budget year 2025 (003 §9(e))
    assert "Apr 1, 2025" in page.text
    text = pdf_text(client.get(f"/calls/{CALL}/results.pdf"))
    assert "Decree 1176 selection 2025" in text and "003 §9(e)" in text
    assert "Application or documents do not meet the call" in text and "003 §9(d)" in text
    ja = pdf_text(client.get(f"/calls/{CALL}/results.pdf?lang=ja"))
    assert "選抜結果記録" in ja and "申込書類が告示の要件に不適合" in ja and "2025年4月1日" in ja
    rows = csv_rows(client.get(f"/calls/{CALL}/results.csv"))
    assert rows[0][:3] == ["Arrival number", "Case number", "Enterprise"]
    assert rows[1][:3] == ["1", str(DEMO_CASE), "Bearing Works JSC (АО «Подшипник»)"]
    assert rows[1][4:7] == ["Refused", "Application or documents do not meet the call", "003 §9(d)"]
    assert rows[2][:2] == ["2", str(case_id)] and rows[2][4] == "Registered"


def test_queue_and_due_lists_as_csv(client: TestClient) -> None:
    login(client, "official-ru")
    rows = csv_rows(client.get(f"/work/calls/{CALL}/queue.csv"))
    assert rows[0][0] == "Arrival number" and len(rows) == 2
    # the review is due 20 working days after the call closes on 9 July → 6 August (003 §9)
    assert rows[1][:3] == ["1", str(DEMO_CASE), "ru-bearing-works"]
    assert rows[1][-1] == "Review the application: 2025-08-06"
    due = csv_rows(client.get("/due.csv?lang=ja"))
    assert due[0][:3] == ["案件番号", "企業", "内容"]
    assert due[1][2] == "申込の審査" and due[1][4] == "2025-08-06" and due[1][7] == "003 §9"
    client.cookies.clear()
    login(client, "applicant-ru")  # nothing of its own is due yet; case 1 is not its
    assert len(csv_rows(client.get("/due.csv"))) == 1
    assert client.get(f"/work/calls/{CALL}/queue.csv").status_code == 403


def test_screening_result_as_pdf_and_csv(client: TestClient) -> None:
    query = "country=RU&as_of=2025-06-02"
    rows = csv_rows(client.get(f"/screen/result.csv?{query}"))
    assert rows[0][:3] == ["Program", "Program id", "Result"]
    assert "ru.pp1176" in [row[1] for row in rows[1:]]
    text = pdf_text(client.get(f"/screen/result.pdf?{query}&lang=ja"))
    assert "判定結果" in text and "ru.pp1176" in text and "2025年6月2日" in text
    bad = client.get("/screen/result.csv?country=RU&fact_no_such_fact=1")
    assert bad.status_code == 422 and "no_such_fact" in bad.text
