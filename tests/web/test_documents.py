"""Documents the law requires, through the pages and the API: the checklist with its
citations (003 §8, §11, §17, §10; 000 Art.51-1(4)-(5)), uploads checked by content and
size, files kept under their SHA-256, the admission waiting for completeness, and files
served only to readers of the case."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from .conftest import login, token
from .documents import MP4, PDF, file_section_8, upload

CALL = 1


def _apply(client: TestClient, csrf: str) -> int:
    response = client.post(
        f"/calls/{CALL}/apply",
        data={"csrf_token": csrf, "idempotency_key": "docs-key-01", "subject": "Brake callipers"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def _act(client: TestClient, csrf: str, case_id: int, action: str, **fields: str) -> int:
    response = client.post(
        f"/cases/{case_id}/act",
        data={"csrf_token": csrf, "action": action, **fields},
        follow_redirects=False,
    )
    return response.status_code


def test_checklist_names_every_required_document_with_its_citation(client: TestClient) -> None:
    csrf = login(client, "applicant-ru")
    case_id = _apply(client, csrf)
    page = client.get(f"/cases/{case_id}").text
    # 003 §8(a)-(f): six attachments, of which (c) (a loan agreement, where there is one)
    # and (d) (the ministry requests the tax certificate itself) may be left out
    for basis in ("003 §8(a)", "003 §8(b)", "003 §8(c)", "003 §8(d)", "003 §8(e)", "003 §8(f)"):
        assert basis in page
    assert "003 §11(b)" in page and "003 §17(a)" in page and "003 §10" in page
    assert "Missing: 9 required document(s)." in page  # 4 of §8, 1 agreement, 2 of §11, 2 of §17
    listed = client.get(f"/api/cases/{case_id}/documents", headers=token(client, "applicant-ru"))
    by_id = {item["document"]: item for item in listed.json()}
    assert by_id["loan_agreement"]["required"] is False
    assert by_id["business_plan"]["before"] == "admit" and by_id["business_plan"]["missing"]
    ja = client.get(f"/cases/{case_id}?lang=ja").text
    assert "代表者が証明した事業計画書の写し" in ja and "未提出の必須書類：9件" in ja


def test_uploads_are_checked_by_content_and_size(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    csrf = login(client, "applicant-ru")
    case_id = _apply(client, csrf)
    # a program renamed .pdf is refused for what it is, not for its name
    refused = upload(
        client, csrf, case_id, "business_plan", b"MZ\x90\x00" + bytes(200), "plan.pdf", expect=422
    )
    assert "plan.pdf" in refused and "expected application/pdf, image/jpeg, image/png" in refused
    monkeypatch.setenv("ISUPPORT_UPLOAD_MAX_BYTES", "1000")
    too_large = upload(client, csrf, case_id, "business_plan", PDF + bytes(1000), expect=422)
    assert "over the limit of 1,000 bytes" in too_large
    unknown = upload(client, csrf, case_id, "no_such_document", expect=422)
    assert "no_such_document" in unknown and "business_plan" in unknown
    monkeypatch.delenv("ISUPPORT_UPLOAD_MAX_BYTES")
    upload(client, csrf, case_id, "business_plan")
    page = client.get(f"/cases/{case_id}").text
    assert "Missing: 8 required document(s)." in page
    link = re.search(rf'href="(/cases/{case_id}/files/\d+)"', page)
    assert link is not None
    # the file is kept under its SHA-256, beside the SQLite file
    digest = hashlib.sha256(PDF).hexdigest()
    assert digest[:12] in page
    root = Path(str(client.app.state.services.cases.engine.url.database)).with_suffix(".files")  # type: ignore[attr-defined]
    assert (root / digest[:2] / digest[2:4] / digest).read_bytes() == PDF
    served = client.get(link.group(1))
    assert served.content == PDF and served.headers["content-type"] == "application/pdf"
    # another enterprise's applicant cannot read it, nor give its documents
    client.cookies.clear()
    other = login(client, "applicant-ru2")
    assert client.get(link.group(1)).status_code == 403
    assert upload(client, other, case_id, "fund_minutes", expect=403)


def test_admission_waits_for_the_section_8_documents(client: TestClient) -> None:
    applicant = login(client, "applicant-ru")
    case_id = _apply(client, applicant)
    client.cookies.clear()
    official = login(client, "official-ru")
    assert _act(client, official, case_id, "register") == 303
    refused = client.post(f"/cases/{case_id}/act", data={"csrf_token": official, "action": "admit"})
    assert refused.status_code == 409
    assert "Business plan of the project" in refused.text and "003 §8(a)" in refused.text
    # the official may instead refuse citing the missing item (003 §9(d))
    client.cookies.clear()
    applicant = login(client, "applicant-ru")
    file_section_8(client, applicant, case_id)
    # the agreement, §11 and §17 remain: 9 - 4
    assert "Missing: 5 required document(s)." in client.get(f"/cases/{case_id}").text
    client.cookies.clear()
    official = login(client, "official-ru")
    assert _act(client, official, case_id, "admit") == 303


def test_kz_inclusion_waits_for_the_video_of_production(client: TestClient) -> None:
    applicant = token(client, "applicant-kz")
    case = client.post(
        "/api/applications",
        headers=applicant,
        json={"procedure": "kz.producers_register", "subject": "8708"},
    ).json()
    official = token(client, "official-kz")
    step = {"action": "verification_pass"}
    assert (
        client.post(f"/api/cases/{case['id']}/transitions", headers=official, json=step).status_code
        == 200
    )
    include = {"action": "include"}
    early = client.post(f"/api/cases/{case['id']}/transitions", headers=official, json=include)
    assert early.status_code == 409 and "000 Art.51-1(4)" in early.text
    # footage, not a PDF, is the evidence of Art.51-1(4)
    pdf = client.post(
        f"/api/cases/{case['id']}/documents",
        headers=applicant,
        data={"document": "production_video"},
        files={"file": ("line.pdf", PDF)},
    )
    assert pdf.status_code == 422 and "video/mp4" in pdf.text
    video = client.post(
        f"/api/cases/{case['id']}/documents",
        headers=applicant,
        data={"document": "production_video"},
        files={"file": ("line.mp4", MP4)},
    )
    assert video.status_code == 201 and video.json()["sha256"] == hashlib.sha256(MP4).hexdigest()
    done = client.post(f"/api/cases/{case['id']}/transitions", headers=official, json=include)
    assert done.status_code == 200, done.text
