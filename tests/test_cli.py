"""The command line: stable JSON, readable errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from industrial_support.cli import app

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
runner = CliRunner()


def _json(*args: str) -> Any:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_screen_json_shape_and_values() -> None:
    data = _json("screen", str(EXAMPLES / "jp_precision_parts.yaml"), "--as-of", "2026-04-01")
    (case,) = data["cases"]
    assert case["case"]["jurisdiction"] == "JP" and case["evaluated_as_of"] == "2026-04-01"
    programs = {p["id"]: p for p in case["programs"]}
    assert set(programs["jp.sme"]) == {
        "id",
        "title",
        "kind",
        "status",
        "source",
        "values",
        "criteria",
        "missing_facts",
    }
    assert programs["jp.sme"]["status"] == "eligible"
    insurance = programs["jp.monozukuri.credit_insurance"]
    values = {v["id"]: v for v in insurance["values"]}
    # 150,000,000 × 80% = 120,000,000 insured (002 Art.7(3)); × 2% = 2,400,000 (Art.7(4))
    assert values["insured_amount"] == {
        "id": "insured_amount",
        "label": values["insured_amount"]["label"],
        "kind": "entitlement",
        "value": "120000000",
        "unit": "JPY",
        "citation": "002 Art.7(3)",
    }
    assert values["annual_premium"]["value"] == "2400000"
    assert all(c["citation"] for p in case["programs"] for c in p["criteria"])


def test_screen_limited_to_one_program_in_japanese() -> None:
    data = _json(
        "screen",
        str(EXAMPLES / "jp_large_wholesaler.yaml"),
        "--program",
        "jp.sme",
        "--lang",
        "ja",
        "--as-of",
        "2026-04-01",
    )
    (program,) = data["cases"][0]["programs"]
    assert program["status"] == "ineligible"  # wholesale over 100m and 100 persons (Art.2(1)(ii))
    assert program["title"].startswith("中小企業者")


def test_explain_shows_facts_and_dated_cited_parameters() -> None:
    data = _json(
        "explain",
        str(EXAMPLES / "jp_precision_parts.yaml"),
        "--program",
        "jp.sme",
        "--as-of",
        "2026-04-01",
    )
    size = next(c for c in data["criteria"] if c["id"] == "company_size")
    assert size["facts"]["capital"] == "90000000"
    capital = next(p for p in size["parameters"] if p["name"] == "capital_max")
    assert capital["value"]["manufacturing"] == "300000000"
    assert capital["effective_from"] == "2006-06-13"
    assert "002 Art.2(1)(i)" in capital["citations"]


def test_deadline_counts_russian_working_days() -> None:
    data = _json("deadline", "--jurisdiction", "RU", "--from", "2025-04-25", "--working-days", "20")
    assert data["due"] == "2025-05-29"
    skipped = [d["date"] for d in data["days_not_counted"]]
    assert "2025-05-02" in skipped and "2025-05-08" in skipped


def test_programs_cover_three_countries() -> None:
    data = _json("programs")
    assert {p["jurisdiction"] for p in data} == {"JP", "RU", "KZ"}
    assert {"ru.pp1176", "ru.frp.development", "jp.sme"} <= {p["id"] for p in data}


def test_facts_of_a_program() -> None:
    data = _json("facts", "--program", "jp.sme")
    assert [f["name"] for f in data] == [
        "capital",
        "legal_form",
        "main_industry",
        "regular_employees",
    ]


def test_regions_rank_the_sample_plan() -> None:
    data = _json("regions", str(EXAMPLES / "plans" / "ru_plant_2019.yaml"))
    first = data["ranking"][0]
    # hand-worked in tests/programs/ru/test_regions.py: 54,960,000 − 11,220,000
    assert (
        first["regime"] == "ru.ulyanovsk.tor_dimitrovgrad" and first["total_saving"] == "43740000"
    )


def test_monitor_judges_and_draws(tmp_path: Path) -> None:
    data = _json("monitor", str(EXAMPLES / "kz_actuals_sample.csv"), "--charts", str(tmp_path))
    assert data["rows"] and data["charts"]
    assert all(Path(chart).stat().st_size > 0 for chart in data["charts"])


def test_bad_input_is_one_clear_line_and_exit_2(tmp_path: Path) -> None:
    case = tmp_path / "bad.yaml"
    case.write_text("jurisdiction: JP\nfacts: {capitl: 5}\n", encoding="utf-8")
    result = runner.invoke(app, ["screen", str(case)])
    assert result.exit_code == 2
    assert "fact 'capitl': not a known JP fact" in result.output
    assert "Traceback" not in result.output
    missing = runner.invoke(app, ["screen", str(tmp_path / "none.yaml")])
    assert missing.exit_code == 2 and "no such case file" in missing.output
    wrong = runner.invoke(
        app, ["deadline", "--jurisdiction", "FR", "--from", "2025-01-01", "--working-days", "1"]
    )
    assert wrong.exit_code == 2 and "jurisdiction" in wrong.output
