"""POST /api/screen and /api/explain on the example enterprises: statuses, exact amounts
with their currency, the trace with citations, and bad facts refused naming the fact."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from industrial_support.engine.cases import load_case

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _json_facts(name: str) -> dict[str, Any]:
    """An example case's facts as a JSON client sends them (exact numbers as strings)."""
    facts = load_case(EXAMPLES / name).facts

    def plain(value: Any) -> Any:
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    return {key: plain(value) for key, value in facts.items()}


@pytest.fixture
def ru_facts() -> dict[str, Any]:
    return _json_facts("ru_components_maker.yaml")


def _by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


def test_ru_components_maker_gets_80m_rub_under_decree_1176(
    client: TestClient, ru_facts: dict[str, Any]
) -> None:
    # 003 §4: the subsidy is the amount asked (80m) within the loan amount (100m).
    response = client.post(
        "/api/screen",
        json={"jurisdiction": "RU", "facts": ru_facts, "as_of": "2025-06-02"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["evaluated_as_of"] == "2025-06-02"
    pp1176 = _by_id(body["programs"])["ru.pp1176"]
    assert pp1176["status"] == "eligible"
    values = _by_id(pp1176["values"])
    assert values["subsidy_amount"]["value"] == {"amount": "80000000.00", "currency": "RUB"}
    assert values["subsidy_amount"]["citation"] == "003 §4"
    assert values["subsidy_max"]["value"] == {"amount": "100000000.00", "currency": "RUB"}
    assert values["indicator_v"]["value"] == "1"  # V = C / P = 80m / 80m (003 §16)
    assert pp1176["missing_facts"] == []
    assert {c["outcome"] for c in pp1176["criteria"]} <= {"met", "not_applicable"}


def test_screen_limited_to_chosen_programs_and_missing_facts_listed(client: TestClient) -> None:
    response = client.post(
        "/api/screen",
        json={
            "jurisdiction": "RU",
            "facts": {"pp1176_loan_amount": 100000000},
            "programs": ["ru.pp1176"],
            "as_of": "2025-06-02",
        },
    )
    assert response.status_code == 200
    (result,) = response.json()["programs"]
    assert result["status"] == "undetermined"
    assert "pp1176_project_completed" in result["missing_facts"]
    assert "pp1176_loan_amount" not in result["missing_facts"]


def test_a_refused_program_shows_no_amount(client: TestClient, ru_facts: dict[str, Any]) -> None:
    # 003 §4(a): a project not completed is refused; the amount is then not shown.
    facts = ru_facts | {"pp1176_project_completed": False}
    response = client.post(
        "/api/screen", json={"jurisdiction": "RU", "facts": facts, "programs": ["ru.pp1176"]}
    )
    (result,) = response.json()["programs"]
    assert result["status"] == "ineligible"
    assert _by_id(result["criteria"])["project_completed"]["outcome"] == "not_met"
    assert _by_id(result["values"])["subsidy_amount"]["value"] is None


def test_programs_not_in_force_are_listed_apart(client: TestClient) -> None:
    response = client.post(
        "/api/screen", json={"jurisdiction": "KZ", "facts": {}, "as_of": "2026-06-01"}
    )
    assert response.status_code == 200
    body = response.json()
    assert "kz.program2025.dbk_loan" in body["not_in_force"]
    assert "kz.program2025.dbk_loan" not in _by_id(body["programs"])


def test_a_bad_fact_is_422_naming_the_fact(client: TestClient) -> None:
    cases = [
        ({"pp1176_loan_amount": "lots"}, "pp1176_loan_amount"),
        ({"pp1176_loan_amount": -5}, "pp1176_loan_amount"),
        ({"pp1176_offshore_share": "1.5"}, "pp1176_offshore_share"),  # a share is at most 1
        ({"no_such_fact": True}, "no_such_fact"),
        ({"pp1176_application_date": "0001-01-01"}, "pp1176_application_date"),
        ({"pp1176_application_date": "9999-12-31"}, "pp1176_application_date"),
        ({"pp1176_loan_amount": {"amount": "5", "currency": "JPY"}}, "pp1176_loan_amount"),
        ({"pp1176_loan_amount": 10**30}, "pp1176_loan_amount"),
        ({"pp1176_loan_amount": 10**16}, "pp1176_loan_amount"),
        ({"pp1176_offshore_share": "0.00000000001"}, "pp1176_offshore_share"),
    ]
    for facts, field in cases:
        response = client.post("/api/screen", json={"jurisdiction": "RU", "facts": facts})
        assert response.status_code == 422, facts
        error = response.json()["error"]
        assert error["code"] == "invalid_input"
        assert [f["field"] for f in error["fields"]] == [field], facts


def test_a_float_amount_is_refused_as_inexact(client: TestClient) -> None:
    response = client.post(
        "/api/screen", json={"jurisdiction": "RU", "facts": {"pp1176_loan_amount": 1.5}}
    )
    assert response.status_code == 422
    assert "'pp1176_loan_amount': expected an exact number" in response.json()["error"]["message"]


def test_a_program_of_another_country_or_unknown_is_refused(client: TestClient) -> None:
    for programs in (["jp.sme"], ["ru.nothing"]):
        response = client.post(
            "/api/screen", json={"jurisdiction": "RU", "facts": {}, "programs": programs}
        )
        assert response.status_code == 422
        assert response.json()["error"]["fields"][0]["field"] == "programs"


def test_explain_gives_the_trace_with_citations(
    client: TestClient, ru_facts: dict[str, Any]
) -> None:
    response = client.post(
        "/api/explain",
        json={
            "jurisdiction": "RU",
            "facts": ru_facts,
            "program": "ru.pp1176",
            "as_of": "2025-06-02",
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["status"], body["evaluated_as_of"]) == (
        "ru.pp1176",
        "eligible",
        "2025-06-02",
    )
    amount = _by_id(body["values"])["subsidy_amount"]
    assert amount["facts"] == {
        "pp1176_requested_amount": {"amount": "80000000.00", "currency": "RUB"},
        "pp1176_loan_amount": {"amount": "100000000.00", "currency": "RUB"},
    }
    limit = _by_id(body["values"])["indicator_within_limit"]
    (v_max,) = limit["parameters"]
    assert (v_max["name"], v_max["value"], v_max["citations"]) == ("v_max", "1", ["003 §16"])
    completed = _by_id(body["criteria"])["project_completed"]
    assert completed["facts"] == {"pp1176_project_completed": True}
    assert completed["citation"] == "003 §4(a)"


def test_explain_refuses_a_program_not_in_force_or_of_another_country(
    client: TestClient,
) -> None:
    lapsed = client.post(
        "/api/explain",
        json={"jurisdiction": "KZ", "program": "kz.program2025.dbk_loan", "as_of": "2026-06-01"},
    )
    assert lapsed.status_code == 422
    assert lapsed.json()["error"]["fields"][0]["field"] == "as_of"
    foreign = client.post("/api/explain", json={"jurisdiction": "JP", "program": "ru.pp1176"})
    assert foreign.status_code == 422
    assert foreign.json()["error"]["fields"][0]["field"] == "program"


def test_jp_precision_parts_is_an_sme(client: TestClient) -> None:
    # 002 Art.2(1)(i): a manufacturer with capital up to 300m yen or up to 300 employees;
    # Sample Precision Parts has 90m yen and 120 employees.
    facts = _json_facts("jp_precision_parts.yaml")
    response = client.post(
        "/api/screen", json={"jurisdiction": "JP", "facts": facts, "programs": ["jp.sme"]}
    )
    assert response.status_code == 200
    (result,) = response.json()["programs"]
    assert result["status"] == "eligible"
