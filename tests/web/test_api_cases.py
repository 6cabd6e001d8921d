"""The cases API: who may read and move which case (401/403/404), CSRF for browser
sessions, idempotent applications, and the Decree 1176 journey from application to the
draft agreement (003 §8-§9)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from industrial_support.cases.documents import documents_of

from .conftest import login, token
from .documents import MP4, PDF, SECTION_8

DEMO_CASE = 1  # Bearing Works' application in the demo call (web/demo.py)


def _call_id(app: FastAPI) -> int:
    call_id: int = app.state.demo.call_id
    return call_id


def _apply(
    client: TestClient, app: FastAPI, headers: dict[str, str], **body: Any
) -> dict[str, Any]:
    response = client.post(f"/api/calls/{_call_id(app)}/applications", headers=headers, json=body)
    assert response.status_code == 201, response.text
    case: dict[str, Any] = response.json()
    return case


def _upload(
    client: TestClient,
    headers: dict[str, str],
    case_id: int,
    document: str,
    content: bytes = PDF,
    filename: str = "scan.pdf",
) -> None:
    response = client.post(
        f"/api/cases/{case_id}/documents",
        headers=headers,
        data={"document": document},
        files={"file": (filename, content)},
    )
    assert response.status_code == 201, response.text


def _step(
    client: TestClient, headers: dict[str, str], case_id: int, action: str, **body: Any
) -> Any:
    return client.post(
        f"/api/cases/{case_id}/transitions", headers=headers, json={"action": action, **body}
    )


def test_signing_in_is_required(client: TestClient) -> None:
    for path in ("/api/me", "/api/calls", "/api/cases", f"/api/cases/{DEMO_CASE}"):
        response = client.get(path)
        assert response.status_code == 401, path
        assert response.json()["error"]["code"] == "unauthenticated"
        assert response.headers["www-authenticate"] == "Bearer"
    bad = client.get("/api/me", headers={"Authorization": "Bearer isu_not-a-token"})
    assert bad.status_code == 401


def test_me_says_who_is_asking(client: TestClient) -> None:
    response = client.get("/api/me", headers=token(client, "applicant-ru"))
    assert response.status_code == 200
    me = response.json()
    assert (me["role"], me["signed_in_with"]) == ("applicant", "token")
    assert me["enterprise"]["id"] == "ru-components-maker"
    official = client.get("/api/me", headers=token(client, "official-kz")).json()
    assert official["authorities"] == ["kz.producers_register"]


def test_an_applicant_cannot_read_another_enterprises_case(client: TestClient) -> None:
    applicant = token(client, "applicant-ru")
    for path in ("", "/log", "/steps"):
        response = client.get(f"/api/cases/{DEMO_CASE}{path}", headers=applicant)
        assert response.status_code == 403, path
        assert response.json()["error"]["code"] == "forbidden"
    assert client.get("/api/cases", headers=applicant).json() == []
    own = client.get(f"/api/cases/{DEMO_CASE}", headers=token(client, "applicant-ru2"))
    assert own.status_code == 200
    assert own.json()["enterprise_id"] == "ru-bearing-works"


def test_an_applicant_cannot_take_an_officials_step(client: TestClient, app: FastAPI) -> None:
    applicant = token(client, "applicant-ru")
    case = _apply(client, app, applicant)
    assert client.get(f"/api/cases/{case['id']}/steps", headers=applicant).json() == []
    response = _step(client, applicant, case["id"], "register")
    assert response.status_code == 403
    assert response.json()["error"]["fields"][0]["field"] == "action"


def test_an_official_of_another_procedure_cannot_act(client: TestClient) -> None:
    official_kz = token(client, "official-kz")
    response = _step(client, official_kz, DEMO_CASE, "register")
    assert response.status_code == 403
    assert client.get("/api/cases", headers=official_kz).json() == []
    assert client.get(f"/api/calls/{DEMO_CASE}", headers=official_kz).json()["counts"] is None


def test_the_auditor_reads_everything_and_changes_nothing(client: TestClient, app: FastAPI) -> None:
    auditor = token(client, "auditor")
    assert client.get(f"/api/cases/{DEMO_CASE}", headers=auditor).status_code == 200
    log = client.get(f"/api/cases/{DEMO_CASE}/log", headers=auditor).json()
    assert [(t["action"], t["basis"]) for t in log] == [("submit", "003 §8")]
    assert client.get(f"/api/cases/{DEMO_CASE}/steps", headers=auditor).json() == []
    assert _step(client, auditor, DEMO_CASE, "register").status_code == 403
    refused = client.post(f"/api/calls/{_call_id(app)}/applications", headers=auditor, json={})
    assert refused.status_code == 403
    call = client.get(f"/api/calls/{_call_id(app)}", headers=auditor).json()
    assert call["counts"] == {"submitted": 1}


def test_an_unknown_case_is_404_for_an_official(client: TestClient) -> None:
    response = client.get("/api/cases/999", headers=token(client, "official-ru"))
    assert response.status_code == 404
    # An applicant cannot tell an unknown id from another enterprise's case.
    assert client.get("/api/cases/999", headers=token(client, "applicant-ru")).status_code == 403
    huge = client.get(f"/api/cases/{2**40}", headers=token(client, "official-ru"))
    assert huge.status_code == 422


def test_browser_sessions_need_the_csrf_token_to_write(client: TestClient, app: FastAPI) -> None:
    csrf = login(client, "applicant-ru")
    path = f"/api/calls/{_call_id(app)}/applications"
    refused = client.post(path, json={})
    assert refused.status_code == 403
    assert refused.json()["error"]["fields"][0]["field"] == "csrf_token"
    assert client.get("/api/cases").json() == []  # nothing was stored
    wrong = client.post(path, json={}, headers={"X-CSRF-Token": "guess"})
    assert wrong.status_code == 403
    accepted = client.post(path, json={}, headers={"X-CSRF-Token": csrf})
    assert accepted.status_code == 201
    assert client.get("/api/me").json()["signed_in_with"] == "session"


def test_token_clients_need_no_csrf_token(client: TestClient, app: FastAPI) -> None:
    case = _apply(client, app, token(client, "applicant-ru"))
    assert case["state"] == "submitted"


def test_the_decree_1176_journey(client: TestClient, app: FastAPI) -> None:
    applicant = token(client, "applicant-ru")
    official = token(client, "official-ru")
    # The applicant applies twice with one idempotency key (a retry): one application.
    retry = {**applicant, "Idempotency-Key": "sample-components-2025"}
    first = _apply(client, app, retry, subject="Wheel hubs")
    second = _apply(client, app, retry, subject="Wheel hubs")
    assert second["id"] == first["id"]
    assert first["arrival_number"] == 2  # after Bearing Works' (003 §9(a): order of arrival)
    assert [c["id"] for c in client.get("/api/cases", headers=applicant).json()] == [first["id"]]
    assert first["facts"]["pp1176_requested_amount"] == {
        "amount": "80000000.00",
        "currency": "RUB",
    }
    call = client.get(f"/api/calls/{_call_id(app)}", headers=official).json()
    assert call["counts"] == {"submitted": 2}
    assert call["committed"] == {"amount": "0.00", "currency": "RUB"}
    # The official registers and admits it (003 §9(a)-(c)).
    steps = client.get(f"/api/cases/{first['id']}/steps", headers=official).json()
    assert [s["action"] for s in steps] == ["register", "refuse"]
    assert steps[1]["reason_required"] is True
    assert _step(client, official, first["id"], "register").status_code == 200
    for document in SECTION_8:  # the admission waits for the §8 documents
        _upload(client, applicant, first["id"], document)
    admitted = _step(client, official, first["id"], "admit")
    assert admitted.status_code == 200, admitted.text
    # The applicant sees the draft agreement and the log.
    case = client.get(f"/api/cases/{first['id']}", headers=applicant).json()
    assert case["state"] == "agreement_sent"
    assert case["state_label"]["en"] == "Admitted: agreement sent"
    log = client.get(f"/api/cases/{first['id']}/log", headers=applicant).json()
    assert [(t["action"], t["to_state"], t["basis"], t["actor"]) for t in log] == [
        ("submit", "submitted", "003 §8", "applicant-ru"),
        ("register", "registered", "003 §9(a)", "official-ru"),
        ("admit", "agreement_sent", "003 §9(b)-(c)", "official-ru"),
    ]
    assert [t["date"] for t in log] == ["2025-06-02"] * 3
    # 003 §9(c): 10 working days to sign, from Mon 2 June 2025: 3-6, 9-11 June, then Russia
    # Day (12 June) and the day off moved to 13 June, then 16, 17, 18 June.
    sign, conclude = case["obligations"]
    # 003 §10: the example's project ended in 2024 → the agreement by 31 December 2025
    assert (conclude["kind"], conclude["party"], conclude["due_on"]) == (
        "conclude_agreement",
        "ministry",
        "2025-12-31",
    )
    assert (sign["kind"], sign["party"], sign["due_on"]) == (
        "sign_agreement",
        "applicant",
        "2025-06-18",
    )
    due = client.get("/api/obligations", headers=applicant, params={"party": "applicant"})
    assert [(o["case_id"], o["kind"]) for o in due.json()] == [(first["id"], "sign_agreement")]
    steps = client.get(f"/api/cases/{first['id']}/steps", headers=applicant).json()
    assert [s["action"] for s in steps] == ["sign"]


def test_an_idempotency_key_belongs_to_one_application(client: TestClient, app: FastAPI) -> None:
    official = token(client, "official-ru")
    second_call = {
        "procedure": "ru.pp1176",
        "title": "Decree 1176 second selection 2025",
        "published_on": "2025-06-02",
        "closes_on": "2025-07-15",
        "budget_limit": {"amount": "250000000", "currency": "RUB"},
        "budget_year": 2025,
    }
    call_id = client.post("/api/calls", headers=official, json=second_call).json()["id"]
    key = {"Idempotency-Key": "one"}
    first = _apply(client, app, token(client, "applicant-ru") | key)
    reused = client.post(
        f"/api/calls/{call_id}/applications", headers=token(client, "applicant-ru") | key, json={}
    )
    assert reused.status_code == 409
    assert reused.json()["error"]["fields"][0]["field"] == "Idempotency-Key"
    # Keys are per account: another applicant's "one" is another application (Bearing
    # Works has applied to the demo call already, so it applies to the second call).
    other = client.post(
        f"/api/calls/{call_id}/applications", headers=token(client, "applicant-ru2") | key, json={}
    )
    assert other.status_code == 201, other.text
    assert other.json()["id"] != first["id"]
    assert other.json()["enterprise_id"] == "ru-bearing-works"


def test_step_errors_name_the_field_or_the_state(client: TestClient) -> None:
    official = token(client, "official-ru")
    unknown = _step(client, official, DEMO_CASE, "approve_everything")
    assert unknown.status_code == 422
    assert unknown.json()["error"]["fields"][0]["field"] == "action"
    no_reason = _step(client, official, DEMO_CASE, "refuse")
    assert no_reason.status_code == 422
    assert no_reason.json()["error"]["fields"][0]["field"] == "reason"
    too_early = _step(client, official, DEMO_CASE, "admit")  # not registered yet
    assert too_early.status_code == 409
    assert too_early.json()["error"]["code"] == "not_allowed_now"
    # the server dates steps: a date field typed by the user is refused, naming it
    far = _step(client, official, DEMO_CASE, "register", on="9999-01-01")
    assert far.status_code == 422
    assert far.json()["error"]["fields"][0]["field"] == "on"
    future = _step(
        client,
        official,
        DEMO_CASE,
        "register",
        late={"effective_on": "2100-01-01", "reason": "typed by mistake"},
    )
    assert future.status_code == 422
    assert "late.effective_on: expected today" in future.json()["error"]["message"]
    nul = _step(client, official, DEMO_CASE, "register", note="checked\x00")
    assert nul.status_code == 422  # PostgreSQL cannot store a NUL character
    assert nul.json()["error"]["fields"][0]["field"] == "note"


def test_facts_of_an_application_default_to_the_profile(client: TestClient, app: FastAPI) -> None:
    applicant = token(client, "applicant-ru")
    case = _apply(client, app, applicant, facts={"pp1176_requested_amount": "90000000.00"})
    assert case["facts"]["pp1176_requested_amount"]["amount"] == "90000000.00"
    assert case["facts"]["pp1176_loan_amount"]["amount"] == "100000000.00"  # from the profile
    bad = client.post(
        f"/api/calls/{_call_id(app)}/applications",
        headers=applicant,
        json={"facts": {"pp1176_requested_amount": "ninety"}},
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["fields"][0]["field"] == "pp1176_requested_amount"


def test_opening_a_call(client: TestClient) -> None:
    official = token(client, "official-ru")
    call = {
        "procedure": "ru.pp1176",
        "title": "Decree 1176 second selection 2025",
        "published_on": "2025-06-02",
        "closes_on": "2025-07-15",
        "budget_limit": {"amount": "250000000.00", "currency": "RUB"},
        "budget_year": 2025,
    }
    opened = client.post("/api/calls", headers=official, json=call)
    assert opened.status_code == 201, opened.text
    assert opened.json()["budget_limit"] == {"amount": "250000000.00", "currency": "RUB"}
    assert opened.json()["open"] is True
    # 003 §6(b): the window stays open at least 30 calendar days (2 June → 2 July).
    short = client.post("/api/calls", headers=official, json=call | {"closes_on": "2025-06-20"})
    assert short.status_code == 422
    assert short.json()["error"]["fields"][0]["field"] == "closes_on"
    tenge = call | {"budget_limit": {"amount": "1", "currency": "KZT"}}
    wrong_currency = client.post("/api/calls", headers=official, json=tenge)
    assert wrong_currency.status_code == 422
    assert (
        client.post("/api/calls", headers=token(client, "official-kz"), json=call).status_code
        == 403
    )
    assert (
        client.post("/api/calls", headers=token(client, "applicant-ru"), json=call).status_code
        == 403
    )
    listed = client.get("/api/calls", headers=token(client, "applicant-jp")).json()
    assert [c["title"] for c in listed] == [
        "Decree 1176 second selection 2025",
        "Decree 1176 selection 2025",
    ]


def test_a_register_application_goes_without_a_call(client: TestClient) -> None:
    applicant = token(client, "applicant-kz")
    response = client.post(
        "/api/applications",
        headers=applicant,
        json={"procedure": "kz.producers_register", "subject": "8708"},
    )
    assert response.status_code == 201, response.text
    case = response.json()
    assert (case["procedure"], case["call_id"], case["state"]) == (
        "kz.producers_register",
        None,
        "submitted",
    )
    official_kz = token(client, "official-kz")
    assert [c["id"] for c in client.get("/api/cases", headers=official_kz).json()] == [case["id"]]
    # The official records the digital verification (a system step, 000 Art.51-1(3)) and
    # includes the processed goods after the production assessment (Art.51-1(6)).
    steps = client.get(f"/api/cases/{case['id']}/steps", headers=official_kz).json()
    assert "verification_pass" in [s["action"] for s in steps]
    verified = _step(client, official_kz, case["id"], "verification_pass")
    assert verified.status_code == 200, verified.text
    # the video of production (000 Art.51-1(4)) is on file before the inclusion
    _upload(client, applicant, case["id"], "production_video", MP4, "line.mp4")
    included = _step(client, official_kz, case["id"], "include")
    assert included.status_code == 200, included.text
    assert included.json()["state"] == "included"
    # Art.51-4(1): monitored at least once a quarter, the quarter of inclusion too: included
    # on 2 June 2025 (Q2) → due 30 June.
    (monitoring,) = included.json()["obligations"]
    assert (monitoring["kind"], monitoring["due_on"]) == ("monitoring", "2025-06-30")
    log = client.get(f"/api/cases/{case['id']}/log", headers=applicant).json()
    assert [(t["action"], t["party"], t["actor"]) for t in log][1] == (
        "verification_pass",
        "system",
        "official-kz",
    )
    assert (
        client.get(f"/api/cases/{case['id']}", headers=token(client, "official-ru")).status_code
        == 403
    )
    needs_call = client.post(
        "/api/applications", headers=token(client, "applicant-ru"), json={"procedure": "ru.pp1176"}
    )
    assert needs_call.status_code == 422
    assert needs_call.json()["error"]["fields"][0]["field"] == "procedure"
    foreign = client.post(
        "/api/applications",
        headers=token(client, "applicant-jp"),
        json={"procedure": "kz.producers_register"},
    )
    assert foreign.status_code == 422


def test_money_steps_belong_to_the_right_hands_with_four_eyes(client: TestClient) -> None:
    ministry, ministry2 = token(client, "official-ru"), token(client, "official-ru2")
    treasury, treasury2 = token(client, "treasury-ru"), token(client, "treasury-ru2")
    applicant = token(client, "applicant-ru2")  # Bearing Works, the demo case's enterprise

    def ok(headers: dict[str, str], action: str, **body: Any) -> Any:
        response = _step(client, headers, DEMO_CASE, action, **body)
        assert response.status_code == 200, response.text
        return response.json()

    ok(ministry, "register")
    # every document the applicant gives, before the steps that wait for them (003 §8-§11)
    for spec in documents_of("ru.pp1176"):
        if spec.party == "applicant":
            _upload(client, applicant, DEMO_CASE, spec.id)
    ok(ministry, "admit")
    ok(applicant, "sign")
    ok(applicant, "request_subsidy", data={"project_last_year": 2025})
    # the ministry grants (003 §12(c)): the preparer cannot confirm, a second official does
    assert ok(ministry, "approve")["state"] == "subsidy_requested"
    again = _step(client, ministry, DEMO_CASE, "approve")
    assert again.status_code == 403 and "another official" in again.json()["error"]["message"]
    assert ok(ministry2, "approve")["state"] == "subsidy_approved"
    ok(applicant, "payment_order")
    # the Federal Treasury pays (003 §14), not the ministry
    wrong = _step(client, ministry, DEMO_CASE, "pay")
    assert wrong.status_code == 403
    assert "Federal Treasury" in wrong.json()["error"]["message"]
    assert "'ru.pp1176:treasury'" in wrong.json()["error"]["message"]
    ok(treasury, "pay")
    assert ok(treasury2, "pay")["state"] == "paid"
    ok(ministry, "demand_refund", data={"principal_repaid": "50000000"})
    # the applicant cannot declare the refund paid; the treasury side confirms receipt
    declared = _step(client, applicant, DEMO_CASE, "refund_received")
    assert declared.status_code == 403
    assert "Federal Treasury" in declared.json()["error"]["message"]
    ok(treasury, "refund_received")
    assert ok(treasury2, "refund_received")["state"] == "completed"
    log = client.get(f"/api/cases/{DEMO_CASE}/log", headers=ministry).json()
    assert [(t["action"], t["phase"]) for t in log if t["phase"]] == [
        ("approve", "prepared"),
        ("approve", "confirmed"),
        ("pay", "prepared"),
        ("pay", "confirmed"),
        ("refund_received", "prepared"),
        ("refund_received", "confirmed"),
    ]
    admit = next(t for t in log if t["action"] == "admit")
    assert admit["rules_hash"].startswith("2025-06-02#") and admit["entry_hash"]


def test_a_reused_key_with_another_body_and_a_second_application_are_refused(
    client: TestClient, app: FastAPI
) -> None:
    applicant = token(client, "applicant-ru")
    key = {"Idempotency-Key": "twenty"}
    first = _apply(client, app, applicant | key)
    other_body = client.post(
        f"/api/calls/{_call_id(app)}/applications",
        headers=applicant | key,
        json={"facts": {"pp1176_requested_amount": "1.00"}},
    )
    assert other_body.status_code == 409
    assert "'twenty' was already used for a different request" in other_body.text
    second = client.post(f"/api/calls/{_call_id(app)}/applications", headers=applicant, json={})
    assert second.status_code == 409
    assert f"case {first['id']}, arrival number {first['arrival_number']}" in second.text
