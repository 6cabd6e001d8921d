"""GET /api/deadlines: N working or calendar days on each country's calendar, with the days
not counted and why. Expected dates worked out by hand on the 2025 calendars."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def _deadline(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/deadlines", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_ru_agreement_signing_ten_working_days(client: TestClient) -> None:
    # 003 §9(c): the agreement is signed within 10 working days. From Thu 10 April 2025:
    # 11, 14-18, 21-24 April are working days; two weekends are skipped → Thu 24 April.
    body = _deadline(client, jurisdiction="RU", **{"from": "2025-04-10"}, working_days=10)
    assert body["due"] == "2025-04-24"
    assert body["kind"] == "working_days" and body["days"] == 10
    assert body["due_is_working_day"] is True
    assert [d["date"] for d in body["days_not_counted"]] == [
        "2025-04-12",
        "2025-04-13",
        "2025-04-19",
        "2025-04-20",
    ]
    assert {d["reason"] for d in body["days_not_counted"]} == {"weekend"}
    assert body["calendar"].startswith("holidays ")


def test_jp_golden_week_is_not_counted(client: TestClient) -> None:
    # From Fri 25 April 2025, 10 JP working days: 28, 30 Apr, 1, 2, 7, 8, 9, 12, 13, 14 May.
    # Showa Day (29 Apr), 3-5 May and the substitute holiday of 6 May are days off.
    body = _deadline(client, jurisdiction="JP", **{"from": "2025-04-25"}, working_days=10)
    assert body["due"] == "2025-05-14"
    reasons = {d["date"]: d["reason"] for d in body["days_not_counted"]}
    assert reasons["2025-04-29"] == "Showa Day"
    assert reasons["2025-05-06"] == "Substitute Holiday"
    assert len(reasons) == 9


def test_jp_year_end_closure_cites_its_act(client: TestClient) -> None:
    # Government offices close 29 Dec - 3 Jan (JP Act on Holidays of Administrative Organs):
    # 3 working days from Fri 26 Dec 2025 are 5, 6, 7 January 2026.
    body = _deadline(client, jurisdiction="JP", **{"from": "2025-12-26"}, working_days=3)
    assert body["due"] == "2026-01-07"
    closure = next(d for d in body["days_not_counted"] if d["date"] == "2025-12-29")
    assert closure["reason"] == "year-end closure"
    assert closure["citation"] == "JP Act on Holidays of Administrative Organs Art.1(1)(iii)"


def test_kz_nauryz_with_its_observed_days(client: TestClient) -> None:
    # Nauryz 21-23 March 2025; the two falling on the weekend move to Mon 24 and Tue 25.
    # From Wed 19 March, 5 KZ working days: 20, 26, 27, 28, 31 March.
    body = _deadline(client, jurisdiction="KZ", **{"from": "2025-03-19"}, working_days=5)
    assert body["due"] == "2025-03-31"
    assert [d["date"] for d in body["days_not_counted"]][:5] == [
        "2025-03-21",
        "2025-03-22",
        "2025-03-23",
        "2025-03-24",
        "2025-03-25",
    ]


def test_calendar_days_count_every_day(client: TestClient) -> None:
    # 30 calendar days after 30 May 2025 is 29 June 2025 (a Sunday: calendar days do not roll).
    body = _deadline(client, jurisdiction="RU", **{"from": "2025-05-30"}, calendar_days=30)
    assert body["due"] == "2025-06-29"
    assert body["kind"] == "calendar_days"
    assert body["due_is_working_day"] is False
    assert body["days_not_counted"] == []


def test_exactly_one_count_is_required(client: TestClient) -> None:
    for params in ({}, {"working_days": 1, "calendar_days": 1}):
        response = client.get(
            "/api/deadlines", params={"jurisdiction": "RU", "from": "2025-04-10", **params}
        )
        assert response.status_code == 422
        assert response.json()["error"]["fields"][0]["field"] == "working_days"


def test_far_dates_and_counts_are_refused_not_crashed(client: TestClient) -> None:
    cases: list[dict[str, Any]] = [
        {"from": "0001-01-01", "working_days": 1},
        {"from": "9999-12-31", "working_days": 1},
        {"from": "2025-04-10", "working_days": -1},
        {"from": "2025-04-10", "working_days": 10**9},
        {"from": "2025-04-10", "calendar_days": 10**9},
    ]
    for params in cases:
        response = client.get("/api/deadlines", params={"jurisdiction": "KZ", **params})
        assert response.status_code == 422, params
        assert response.json()["error"]["fields"], params
    unknown = client.get(
        "/api/deadlines", params={"jurisdiction": "FR", "from": "2025-04-10", "working_days": 1}
    )
    assert unknown.status_code == 422
    assert unknown.json()["error"]["fields"][0]["field"] == "query.jurisdiction"
