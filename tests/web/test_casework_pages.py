"""Applicants apply and follow their cases; officials decide from the workbench; auditors
read only; nobody opens another enterprise's case. Dates on the Russian calendar of 2025
(12-13 June off)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from .conftest import login
from .documents import file_section_8

# The demonstration call is published three days before TODAY (2 June 2025), on 30 May,
# and stays open 40 days; ru-bearing-works' application is case 1 (arrival number 1).
CALL = 1
OTHER_ENTERPRISES_CASE = 1


def _apply(client: TestClient, csrf: str, key: str = "key-0001") -> str:
    response = client.post(
        f"/calls/{CALL}/apply",
        data={"csrf_token": csrf, "idempotency_key": key, "subject": "Brake callipers"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def _act(client: TestClient, csrf: str, case_url: str, action: str, **fields: str) -> None:
    response = client.post(
        f"{case_url}/act",
        data={"csrf_token": csrf, "action": action, **fields},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def test_applicant_checks_eligibility_and_applies_once(client: TestClient) -> None:
    csrf = login(client, "applicant-ru")
    listing = client.get("/cases")
    assert "Decree 1176 selection 2025" in listing.text
    form = client.get(f"/calls/{CALL}/apply")
    # 003 §4: the subsidy is the amount asked (80m), within the 100m loan
    assert "eligible" in form.text and "80,000,000 RUB" in form.text
    first = _apply(client, csrf)
    again = _apply(client, csrf)  # the same form sent twice stores one application
    assert first == again == "/cases/2"
    case = client.get(first)
    assert "Submitted" in case.text and "Arrival number</th><td>" not in case.text
    assert re.search(r"Arrival number\s*2", case.text)
    # the review is due 20 working days after the call closes on 9 July → 6 August (003 §9)
    assert "Aug 6, 2025" in case.text


def test_official_decides_and_the_applicant_sees_it(client: TestClient) -> None:
    applicant = login(client, "applicant-ru")
    case_url = _apply(client, applicant)
    file_section_8(client, applicant, int(case_url.rsplit("/", 1)[1]))
    client.cookies.clear()
    official = login(client, "official-ru")
    work = client.get("/work")
    assert "Decree 1176 selection 2025" in work.text and "Submitted: 2" in work.text
    queue = client.get(f"/work/calls/{CALL}")
    assert queue.text.index("ru-bearing-works") < queue.text.index("ru-components-maker")
    _act(client, official, case_url, "register")
    _act(client, official, case_url, "admit")
    decided = client.get(case_url)
    # 10 working days from 2 June to sign: 3-6, 9-11, 16-18 June (12-13 June off) → 18 June
    assert "Admitted: agreement sent" in decided.text and "Jun 18, 2025" in decided.text
    client.cookies.clear()
    login(client, "applicant-ru")
    seen = client.get(case_url)
    assert "Admitted: agreement sent" in seen.text
    assert "Admit and send the draft agreement" in seen.text  # the log entry
    assert "Sign the agreement" in seen.text  # the applicant's next step is offered


def test_another_enterprises_case_is_refused(client: TestClient) -> None:
    login(client, "applicant-ru")
    assert client.get(f"/cases/{OTHER_ENTERPRISES_CASE}").status_code == 403
    assert client.get("/cases/999").status_code == 403  # unknown ids look the same
    client.cookies.clear()
    login(client, "official-kz")  # no authority for Decree 1176
    assert client.get(f"/cases/{OTHER_ENTERPRISES_CASE}").status_code == 403
    assert client.get(f"/work/calls/{CALL}").status_code == 403


def test_auditor_reads_everything_and_changes_nothing(client: TestClient) -> None:
    csrf = login(client, "auditor")
    case = client.get(f"/cases/{OTHER_ENTERPRISES_CASE}")
    assert case.status_code == 200 and 'id="act-form"' not in case.text
    refused = client.post(
        f"/cases/{OTHER_ENTERPRISES_CASE}/act",
        data={"csrf_token": csrf, "action": "register"},
        follow_redirects=False,
    )
    assert refused.status_code == 403


def test_writes_need_the_sessions_csrf_token(client: TestClient) -> None:
    login(client, "official-ru")
    forged = client.post(
        f"/cases/{OTHER_ENTERPRISES_CASE}/act", data={"action": "register"}, follow_redirects=False
    )
    assert forged.status_code == 403 and "csrf_token" in forged.text


def test_a_step_the_procedure_refuses_is_explained_in_place(client: TestClient) -> None:
    csrf = login(client, "official-ru")
    # refusing as late when the application arrived in time (003 §9(d)) is not allowed
    response = client.post(
        f"/cases/{OTHER_ENTERPRISES_CASE}/act",
        data={"csrf_token": csrf, "action": "refuse", "reason": "late_submission"},
    )
    assert response.status_code == 409 and "arrived by the closing day" in response.text
    bad_date = client.post(
        f"/cases/{OTHER_ENTERPRISES_CASE}/act",
        data={"csrf_token": csrf, "action": "register", "late_on": "2025-13-01"},
    )
    # the step form has no date: only a late recording states one, with a reason
    assert bad_date.status_code == 422
    assert "late_on: expected the day it took effect" in bad_date.text
    assert "late_reason: expected why" in bad_date.text
    future = client.post(
        f"/cases/{OTHER_ENTERPRISES_CASE}/act",
        data={
            "csrf_token": csrf,
            "action": "register",
            "late_on": "2025-06-03",  # the day after TODAY
            "late_reason": "typed ahead",
        },
    )
    assert future.status_code == 422 and "expected today (2025-06-02) or earlier" in future.text


def test_pages_come_in_japanese(client: TestClient) -> None:
    login(client, "official-ru")
    work = client.get("/work?lang=ja")
    assert "ワークベンチ" in work.text and "申込受付: 1" in work.text
    case = client.get(f"/cases/{OTHER_ENTERPRISES_CASE}")  # the language choice is remembered
    assert "案件ログ" in case.text and "2025年7月9日" not in case.text


def test_official_opens_a_call_within_the_rules(client: TestClient) -> None:
    csrf = login(client, "official-ru")
    form = {
        "csrf_token": csrf,
        "procedure": "ru.pp1176",
        "title": "Second selection 2025",
        "published_on": "2025-06-02",
        "budget_limit": "250,000,000",
        "budget_year": "2025",
    }
    # 003 §6(b): published 2 June, the window must stay open until at least 2 July
    short = client.post("/work/calls", data={**form, "closes_on": "2025-07-01"})
    assert short.status_code == 409 and "2025-07-02" in short.text
    opened = client.post(
        "/work/calls", data={**form, "closes_on": "2025-07-02"}, follow_redirects=False
    )
    assert opened.status_code == 303
    work = client.get("/work")
    assert "Second selection 2025" in work.text and "250,000,000 RUB" in work.text
    client.cookies.clear()
    csrf = login(client, "official-kz")  # no authority for Decree 1176
    refused = client.post(
        "/work/calls", data={**form, "csrf_token": csrf, "closes_on": "2025-07-02"}
    )
    assert refused.status_code == 403


def test_kz_register_application_without_a_call(client: TestClient) -> None:
    csrf = login(client, "applicant-kz")
    listing = client.get("/cases")
    assert "/procedures/kz.producers_register/apply" in listing.text
    form = client.get("/procedures/kz.producers_register/apply")
    assert form.status_code == 200
    applied = client.post(
        "/procedures/kz.producers_register/apply",
        data={"csrf_token": csrf, "idempotency_key": "kz-key-001", "subject": "Tractor trailers"},
        follow_redirects=False,
    )
    assert applied.status_code == 303
    case_url = applied.headers["location"]
    client.cookies.clear()
    official = login(client, "official-kz")
    work = client.get("/work")
    assert "Applications without a call" in work.text and "Tractor trailers" in work.text
    # digital verification confirms production (000 Art.51-1(3)), recorded by the official
    _act(client, official, case_url, "verification_pass")
    assert "Production assessment" in client.get(case_url).text
    log = client.app.state.services.cases.log(int(case_url.rsplit("/", 1)[1]))  # type: ignore[attr-defined]
    assert [(t.action, t.party, t.actor) for t in log][-1] == (
        "verification_pass",
        "system",
        "official-kz",
    )
    # the Decree 1176 call is not a procedure without calls
    assert client.get("/procedures/ru.pp1176/apply").status_code == 403
