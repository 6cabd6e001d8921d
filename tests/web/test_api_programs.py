"""GET /api/programs, /api/programs/{id} and /api/facts: programs as of a date, with their
criteria, citations and the parameter values in force; the facts a case can give."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def _parameters(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in body["parameters"]}


def test_programs_are_filtered_by_country_and_kind(client: TestClient) -> None:
    response = client.get("/api/programs", params={"jurisdiction": "RU", "kind": "subsidy"})
    assert response.status_code == 200
    body = response.json()
    assert body["as_of"] == "2025-06-02"  # the service's today
    programs = {p["id"]: p for p in body["programs"]}
    assert "ru.pp1176" in programs
    assert {(p["jurisdiction"], p["kind"]) for p in programs.values()} == {("RU", "subsidy")}
    pp1176 = programs["ru.pp1176"]
    assert pp1176["source"] == "003 §1"
    assert pp1176["in_force"] is True
    assert pp1176["kind_label"] == {"en": "subsidy", "ja": "補助金"}
    assert pp1176["title"]["ja"].endswith("（部品製造者、政府決定第1176号）")


def test_programs_are_filtered_by_industry(client: TestClient) -> None:
    # Decree 1176 is for makers of components (003 §1); a filter for components finds it,
    # a filter for trade does not; programs open to any industry are found by both.
    def ids(sector: str) -> set[str]:
        response = client.get("/api/programs", params={"jurisdiction": "RU", "sector": sector})
        assert response.status_code == 200
        return {p["id"] for p in response.json()["programs"]}

    components, trade = ids("components"), ids("trade")
    assert "ru.pp1176" in components and "ru.pp1176" not in trade
    everyone = {
        p["id"]
        for p in client.get("/api/programs", params={"jurisdiction": "RU"}).json()["programs"]
        if p["sectors"] == ["any"]
    }
    assert everyone <= components & trade
    unknown = client.get("/api/programs", params={"sector": "fishing"})
    assert unknown.status_code == 422
    assert unknown.json()["error"]["fields"][0]["field"] == "sector"


def test_a_program_of_the_2020_2025_state_program_is_not_in_force_in_2026(
    client: TestClient,
) -> None:
    # 001: the State Program runs 2020-2025; on 1 June 2026 its instruments have lapsed.
    listing = client.get("/api/programs", params={"jurisdiction": "KZ", "as_of": "2026-06-01"})
    lapsed = {p["id"]: p["in_force"] for p in listing.json()["programs"]}
    assert lapsed["kz.program2025.dbk_loan"] is False
    assert lapsed["kz.producers_register.application"] is True
    detail = client.get("/api/programs/kz.program2025.dbk_loan", params={"as_of": "2026-06-01"})
    assert detail.status_code == 200
    availability = detail.json()["availability"]
    assert availability["in_force"] is False and availability["evaluable"] is False
    assert "not in force on 2026-06-01" in availability["reason"]
    assert detail.json()["parameters"] == []


def test_program_detail_gives_criteria_values_and_parameters_in_force(
    client: TestClient,
) -> None:
    response = client.get("/api/programs/ru.pp1176", params={"as_of": "2025-06-02"})
    assert response.status_code == 200
    body = response.json()
    assert body["availability"] == {"in_force": True, "evaluable": True, "reason": None}
    criteria = {c["id"]: c for c in body["criteria"]}
    assert criteria["project_completed"]["citation"] == "003 §4(a)"
    assert criteria["project_completed"]["facts"] == ["pp1176_project_completed"]
    assert criteria["project_completed"]["label"]["en"].startswith("The project financed")
    values = {v["id"]: v for v in body["values"]}
    assert values["subsidy_amount"]["unit"] == "RUB"
    assert values["subsidy_amount"]["citation"] == "003 §4"
    parameters = _parameters(body)
    # 003 §16: V = C / P may be at most 1; 003 §7: requirements judged at most one month back.
    assert parameters["v_max"]["value"] == "1"
    assert parameters["v_max"]["citations"] == ["003 §16"]
    months = parameters["requirements_check_months_before"]
    assert (months["value"], months["unit"]) == (1, "months")
    assert months["citations"] == ["003 §7"]


def test_a_rate_resolves_by_date(client: TestClient) -> None:
    # 004 §3 col.1: Samara's investment-relief profit tax is 16.5% in 2017-2020, 15.5% after.
    def rate(as_of: str) -> dict[str, Any]:
        response = client.get("/api/programs/ru.samara.investment_relief", params={"as_of": as_of})
        assert response.status_code == 200
        return _parameters(response.json())["relief_profit_rate"]

    in_2019, in_2022 = rate("2019-06-01"), rate("2022-06-01")
    assert in_2019["value"]["tier_2/1-4"] == "0.165"
    assert in_2019["effective_to"] == "2020-12-31"
    assert in_2022["value"]["tier_2/1-4"] == "0.155"
    assert in_2022["effective_from"] == "2021-01-01"
    assert in_2022["citations"] == ["004 §3 col.1 profit tax"]


def test_a_date_before_the_numbers_exist_says_why(client: TestClient) -> None:
    # The FRP loan bounds (004 §1-1(4)) are entered from 2018-10-01 only.
    response = client.get("/api/programs/ru.frp.development", params={"as_of": "1995-01-01"})
    assert response.status_code == 200
    availability = response.json()["availability"]
    assert availability["evaluable"] is False
    assert "no value in force on 1995-01-01" in availability["reason"]


def test_unknown_program_is_404_naming_the_field(client: TestClient) -> None:
    response = client.get("/api/programs/ru.nothing")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "not_found"
    assert error["fields"][0]["field"] == "program_id"


def test_bad_dates_are_422_naming_the_field(client: TestClient) -> None:
    for bad in ("0001-01-01", "9999-12-31", "2025-02-30", "tomorrow"):
        response = client.get("/api/programs", params={"as_of": bad})
        assert response.status_code == 422, bad
        assert [f["field"] for f in response.json()["error"]["fields"]] == ["query.as_of"]
    response = client.get("/api/programs", params={"jurisdiction": "XX"})
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "query.jurisdiction"


def test_facts_of_a_program_are_the_ones_its_rules_read(client: TestClient) -> None:
    response = client.get("/api/facts", params={"program": "ru.pp1176"})
    assert response.status_code == 200
    body = response.json()
    assert (body["jurisdiction"], body["program"]) == ("RU", "ru.pp1176")
    facts = {f["name"]: f for f in body["facts"]}
    loan = facts["pp1176_loan_amount"]
    assert (loan["kind"], loan["currency"], loan["type"]) == ("money", "RUB", "amount in RUB")
    assert "frp_loan_amount" not in facts  # an FRP fact Decree 1176 does not read


def test_facts_of_a_country_carry_allowed_values_with_labels(client: TestClient) -> None:
    response = client.get("/api/facts", params={"jurisdiction": "KZ"})
    assert response.status_code == 200
    enums = [f for f in response.json()["facts"] if f["kind"] == "enum"]
    assert enums and all(f["values"] for f in enums)
    assert all(set(v) == {"value", "label"} for f in enums for v in f["values"])


def test_facts_need_a_country_or_a_program(client: TestClient) -> None:
    response = client.get("/api/facts")
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "jurisdiction"
    mismatch = client.get("/api/facts", params={"program": "ru.pp1176", "jurisdiction": "JP"})
    assert mismatch.status_code == 422
    assert mismatch.json()["error"]["fields"][0]["field"] == "program"
