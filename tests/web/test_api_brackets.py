"""A bracket parameter (004 §4's production caps) goes out through the API as its bands."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_program_detail_and_explain_give_the_bands(site_client: TestClient) -> None:
    detail = site_client.get("/api/programs/ru.auto.electricity", params={"as_of": "2019-06-30"})
    assert detail.status_code == 200, detail.text
    (caps,) = [p for p in detail.json()["parameters"] if p["name"] == "electricity_quarterly_cap"]
    # 004 §4 No.30: M1 half, first band "less than 8,750" → 2,970万 = 29,700,000
    assert caps["value"]["M1"][0] == {"below": "8750", "value": "29700000"}
    assert caps["value"]["M1"][-1] == {"value": "412500000"}  # more than 70,000: 4億1,250万
    explained = site_client.post(
        "/api/explain",
        json={
            "jurisdiction": "RU",
            "program": "ru.auto.electricity",
            "as_of": "2019-06-30",
            "facts": {"auto_vehicles_quarter": 8750, "auto_m1_vehicles_quarter": 8750},
        },
    )
    assert explained.status_code == 200, explained.text
    cap = {v["id"]: v for v in explained.json()["values"]}["quarterly_cap"]
    # 8,750 opens "8,750～17,500" (reading): 7,425万 = 74,250,000, shown as a requirement
    assert cap["kind"] == "requirement"
    assert cap["value"] == {"amount": "74250000.00", "currency": "RUB"}
