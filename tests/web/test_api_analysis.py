"""POST /api/regions (where to build, 004 §2-§3) and the monitoring of Kazakhstan's State
Program 2020-2025 targets (001 §4): hand-worked figures, same validation as the CLI."""

from __future__ import annotations

import datetime as dt
from csv import DictReader
from pathlib import Path
from typing import Any

import yaml
from fastapi.testclient import TestClient

from industrial_support.monitoring import monitor_report

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _plan() -> dict[str, Any]:
    """examples/plans/ru_plant_2019.yaml as a JSON client sends it."""
    raw = yaml.safe_load((EXAMPLES / "plans" / "ru_plant_2019.yaml").read_text(encoding="utf-8"))
    raw["as_of"] = raw["as_of"].isoformat()
    raw["facts"] = {
        k: v.isoformat() if isinstance(v, dt.date) else v for k, v in raw["facts"].items()
    }
    return dict(raw)


def _rub(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "RUB"}


def test_the_plant_is_cheapest_in_the_dimitrovgrad_tor(client: TestClient) -> None:
    response = client.post("/api/regions", json=_plan())
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["evaluated_as_of"] == "2019-01-15"
    first = body["ranking"][0]
    assert (first["rank"], first["regime"], first["status"]) == (
        1,
        "ru.ulyanovsk.tor_dimitrovgrad",
        "eligible",
    )
    # Standard rates (004 §2 row headings): profit 20% of 10m, property 2.2% of 50m, land
    # 1.5% of 4m, social 30% of 20m = 9.16m a year, 54.96m over 2019-2024. In the TOR
    # (004 §2 col.4) years 1-5 pay only 7.6% social (1.52m); year 6 pays profit 10% (1m),
    # standard property (1.1m) and social (1.52m): 5 × 1.52m + 3.62m = 11.22m.
    assert first["total_standard_tax"] == _rub("54960000.00")
    assert first["total_tax"] == _rub("11220000.00")
    assert first["total_saving"] == _rub("43740000.00")
    year_6 = next(
        row
        for row in body["years"]
        if row["regime"] == "ru.ulyanovsk.tor_dimitrovgrad" and row["year"] == 2024
    )
    assert year_6["residence_year"] == 6
    assert year_6["tax"] == _rub("3620000.00")
    profit = next(line for line in year_6["taxes"] if line["kind"] == "profit")
    assert (profit["rate"], profit["standard_rate"]) == ("0.1", "0.2")
    assert profit["tax"] == _rub("1000000.00")
    assert profit["citation"] == "004 §2 col.4 profit tax"


def test_a_bad_plan_names_the_row_and_field(client: TestClient) -> None:
    plan = _plan()
    plan["plan"][2]["year"] = 2030
    gap = client.post("/api/regions", json=plan)
    assert gap.status_code == 422
    assert gap.json()["error"]["fields"][0]["field"] == "plan"
    plan = _plan()
    plan["plan"][1]["payroll"] = 1.5
    inexact = client.post("/api/regions", json=plan)
    assert inexact.status_code == 422
    assert inexact.json()["error"]["fields"][0]["field"].startswith("plan.1.payroll")
    plan = _plan()
    plan["facts"]["uly_manufacturing"] = "maybe"
    fact = client.post("/api/regions", json=plan)
    assert fact.status_code == 422
    assert fact.json()["error"]["fields"][0]["field"] == "uly_manufacturing"


def test_a_date_before_the_regimes_numbers_is_refused(client: TestClient) -> None:
    plan = _plan() | {"as_of": "2000-01-01"}
    response = client.post("/api/regions", json=plan)
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "as_of"


def test_targets_of_the_state_program(client: TestClient) -> None:
    response = client.get("/api/monitoring/targets")
    assert response.status_code == 200
    body = response.json()
    assert (body["source"], body["base_year"]) == ("001", 2018)
    assert body["plan_years"] == [2020, 2021, 2022, 2023, 2024, 2025]
    t1 = next(i for i in body["indicators"] if i["id"] == "T1_yoy")
    assert (t1["pair"], t1["direction"], t1["citation"]) == (
        "T1_cum",
        "higher_is_better",
        "001 §4 Table 1 No.1",
    )
    years = {v["year"]: v for v in t1["values"]}
    assert years[2018] == {"year": 2018, "year_status": "fact", "printed": "104.7", "target": None}
    assert years[2020]["target"] == "108"  # printed "108.0", judged as the number 108


def test_actuals_are_judged_against_targets(client: TestClient) -> None:
    # T1_yoy 2020: 104.4 against 108.0 → off track. T1_cum is derived: 100 × 1.089 × 1.044
    # = 113.6916 against 117.4 in 2020 → off track too (001 §4 Table 1 No.1).
    response = client.post(
        "/api/monitoring",
        json={
            "actuals": [
                {"indicator": "T1_yoy", "year": 2019, "value": "108.9"},
                {"indicator": "T1_yoy", "year": 2020, "value": "104.4"},
            ]
        },
    )
    assert response.status_code == 200
    body = response.json()
    rows = {(r["indicator"], r["year"]): r for r in body["rows"]}
    assert rows["T1_yoy", 2020]["status"] == "off_track"
    derived = rows["T1_cum", 2020]
    assert (derived["actual"], derived["target"], derived["derived_from"]) == (
        "113.6916",
        "117.4",
        "T1_yoy",
    )
    assert derived["status"] == "off_track"
    assert body["counts"]["off_track"] == len(body["off_track"]) == 2


def test_the_api_judges_as_the_cli_does(client: TestClient) -> None:
    csv = EXAMPLES / "kz_actuals_sample.csv"
    expected = [row.as_dict() for row in monitor_report(csv).rows]
    lines = [
        line
        for line in csv.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    actuals = [
        {"indicator": row["indicator"], "year": int(row["year"]), "value": row["value"]}
        for row in DictReader(lines)
    ]
    response = client.post("/api/monitoring", json={"actuals": actuals})
    assert response.status_code == 200
    assert response.json()["rows"] == expected


def test_bad_actuals_name_the_row_and_column(client: TestClient) -> None:
    cases = [
        ([{"indicator": "T9", "year": 2020, "value": "1"}], "actuals.0.indicator"),
        ([{"indicator": "T1_yoy", "year": 2020, "value": "1e5"}], "actuals.0.value"),
        ([{"indicator": "T1_yoy", "year": 2020, "value": ""}], "actuals.0.value"),
        (
            [
                {"indicator": "T1_yoy", "year": 2020, "value": "1"},
                {"indicator": "T1_yoy", "year": 2020, "value": "2"},
            ],
            "actuals.1",
        ),
        ([{"indicator": "T1_yoy", "year": 20200, "value": "1"}], "actuals.0.year"),
        ([{"indicator": "T1_yoy", "year": 2020, "value": 1.5}], "actuals.0.value"),
    ]
    for actuals, field in cases:
        response = client.post("/api/monitoring", json={"actuals": actuals})
        assert response.status_code == 422, actuals
        fields = [f["field"] for f in response.json()["error"]["fields"]]
        assert fields and all(f.startswith(field) for f in fields), (actuals, fields)
