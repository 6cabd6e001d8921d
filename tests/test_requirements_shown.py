"""Requirements are answers too (issue 12): what a program *asks* (minimums, caps, shares) and
its deadlines show for a refused applicant, in the CLI, the API, the pages and the batch;
what it *gives* does not. Every expected value is worked out by hand from the seed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow.parquet as pq
import yaml
from fastapi.testclient import TestClient

from industrial_support.batch.layout import read_table
from industrial_support.engine.cases import load_case
from industrial_support.engine.facts import catalog

from .web.conftest import demo_app

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "ru_components_maker.yaml"


def _isupport(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).with_name("isupport")), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _refused_case(tmp_path: Path, **changes: Any) -> Path:
    """The example components maker with some facts changed (003 §4(a): not completed)."""
    raw = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    raw["facts"].update(changes)
    path = tmp_path / "refused.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def _by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


def test_cli_explain_shows_a_refused_applicant_the_cap_v_refund_and_deadlines(
    tmp_path: Path,
) -> None:
    case = _refused_case(tmp_path, pp1176_project_completed=False)
    done = _isupport(
        "explain", str(case), "--program", "ru.pp1176", "--as-of", "2025-06-01", "--format", "json"
    )
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert body["status"] == "ineligible"
    values = _by_id(body["values"])
    # what it gives: not shown to a refused applicant
    assert (values["subsidy_amount"]["kind"], values["subsidy_amount"]["value"]) == (
        "entitlement",
        None,
    )
    # 003 §4: cap = the loan, 100,000,000; §16: V = 80m / 80m = 1; §19: R = 0
    assert (values["subsidy_max"]["kind"], values["subsidy_max"]["value"]) == (
        "requirement",
        "100000000",
    )
    assert values["indicator_v"]["value"] == "1"
    assert values["projected_refund"]["value"] == "0"
    # §10: last project year 2024 → agreement by 31 Dec 2025; §11: request by 10 Nov 2025
    assert values["agreement_conclusion_due"] | {"facts": None, "parameters": None} == {
        "id": "agreement_conclusion_due",
        "label": values["agreement_conclusion_due"]["label"],
        "kind": "deadline",
        "value": "2025-12-31",
        "unit": "date",
        "citation": "003 §10",
        "facts": None,
        "parameters": None,
    }
    assert values["subsidy_request_due"]["value"] == "2025-11-10"


def test_cli_screen_table_marks_deadlines_for_a_refused_program(tmp_path: Path) -> None:
    case = _refused_case(tmp_path, pp1176_project_completed=False)
    done = _isupport(
        "screen", str(case), "--program", "ru.pp1176", "--as-of", "2025-06-01", "--lang", "en"
    )
    assert done.returncode == 0, done.stderr
    assert "[deadline]" in done.stdout and "Dec 31, 2025" in done.stdout.replace("\n", " ")


def test_cli_explains_the_desk_review_deadline_of_004(tmp_path: Path) -> None:
    # 004 §1-1(5) step 4: 5 days + 2 per additional document; filed 2 June 2025 with 2 more
    # documents → 5 + 4 = 9 calendar days → 11 June 2025
    case = _refused_case(
        tmp_path, frp_application_submitted_on="2025-06-02", frp_additional_documents=2
    )
    done = _isupport(
        "explain",
        str(case),
        "--program",
        "ru.frp.development",
        "--as-of",
        "2025-06-01",
        "--format",
        "json",
    )
    assert done.returncode == 0, done.stderr
    due = _by_id(json.loads(done.stdout)["values"])["desk_review_due"]
    assert (due["kind"], due["value"], due["citation"]) == (
        "deadline",
        "2025-06-11",
        "004 §1-1(5) step 4",
    )


def _api_facts() -> dict[str, Any]:
    facts = load_case(EXAMPLE).facts
    return {
        key: str(value) if not isinstance(value, bool | int) else value
        for key, value in facts.items()
    }


def test_api_screen_gives_a_refused_program_its_requirements(tmp_path: Path) -> None:
    facts = _api_facts() | {"pp1176_project_completed": False}
    with TestClient(demo_app(tmp_path / "web.db")) as client:
        response = client.post(
            "/api/screen",
            json={
                "jurisdiction": "RU",
                "facts": facts,
                "as_of": "2025-06-01",
                "programs": ["ru.pp1176", "ru.frp.development"],
            },
        )
    assert response.status_code == 200, response.text
    programs = _by_id(response.json()["programs"])
    pp1176 = _by_id(programs["ru.pp1176"]["values"])
    assert programs["ru.pp1176"]["status"] == "ineligible"
    assert pp1176["subsidy_amount"]["value"] is None
    assert pp1176["subsidy_max"]["kind"] == "requirement"
    assert pp1176["subsidy_max"]["value"] == {"amount": "100000000.00", "currency": "RUB"}
    assert pp1176["agreement_conclusion_due"]["value"] == "2025-12-31"
    # the FRP loan of the example is eligible: its loan (entitlement) is shown, 100,000,000
    frp = _by_id(programs["ru.frp.development"]["values"])
    assert programs["ru.frp.development"]["status"] == "eligible"
    assert frp["loan"]["value"] == {"amount": "100000000.00", "currency": "RUB"}
    # 004 §1-1(4): co-financing at least 50% of the 200,000,000 budget
    assert frp["min_cofinancing"]["value"] == {"amount": "100000000.00", "currency": "RUB"}


def test_screening_page_lists_requirements_of_a_refused_program(tmp_path: Path) -> None:
    facts = load_case(EXAMPLE).facts
    form = {"country": "RU", "as_of": "2025-06-01"}
    form |= {
        f"fact_{k}": str(v).lower() if isinstance(v, bool) else str(v) for k, v in facts.items()
    }
    form["fact_pp1176_project_completed"] = "false"
    with TestClient(demo_app(tmp_path / "web.db")) as client:
        html = client.post("/screen?lang=en", data=form).text
    card = html[html.index('id="result-ru.pp1176"') :]
    card = card[: card.index("</article>")]
    assert 'data-status="ineligible"' in html[html.index('id="result-ru.pp1176"') - 200 :][:400]
    assert 'class="requirements"' in card
    assert 'data-kind="deadline"' in card and "Dec 31, 2025" in card  # 003 §10
    assert "100,000,000 RUB" in card  # 003 §4 cap: the loan
    assert 'class="amounts"' not in card  # no subsidy for a refusal


def test_batch_key_amount_is_the_support_and_requirements_have_columns(tmp_path: Path) -> None:
    facts = load_case(EXAMPLE).facts
    ru = catalog("RU")
    rows = [
        ru.validate(facts),
        # 004 §1-1(3): military manufacture bars the project (refused)
        ru.validate(facts | {"frp_cost_military": 1000000, "frp_cost_other": 42000000}),
    ]
    frame = ru.frame(rows).with_columns(
        pl.Series("enterprise_id", ["ok", "military"]), pl.lit("RU").alias("jurisdiction")
    )
    register = tmp_path / "register.parquet"
    frame.write_parquet(register)
    out = tmp_path / "out"
    done = _isupport("batch", str(register), "--out", str(out), "--as-of", "2025-06-01")
    assert done.returncode == 0, done.stderr
    table = read_table(out, "RU").sort("enterprise_id")
    programs = pl.read_parquet(out / "programs.parquet")
    dev = programs.filter(pl.col("program") == "ru.frp.development").row(0, named=True)
    # the key amount is the loan (what the Fund gives), not the first money value (a cost)
    assert (dev["amount_column"], dev["currency"]) == ("ru.frp.development::loan", "RUB")
    assert "ru.frp.development::min_cofinancing" in dev["requirement_columns"]
    by_id = {row["enterprise_id"]: row for row in table.iter_rows(named=True)}
    assert by_id["ok"]["ru.frp.development::loan"] == 100000000
    assert by_id["military"]["ru.frp.development::status"] == "ineligible"
    assert by_id["military"]["ru.frp.development::loan"] is None
    # 50% of the 200,000,000 budget, shown to the refused row too
    assert by_id["military"]["ru.frp.development::min_cofinancing"] == 100000000
    schema = pq.read_schema(next((out / "RU").glob("*.parquet")))
    meta = schema.field("ru.pp1176::agreement_conclusion_due").metadata
    assert meta[b"isupport.kind"] == b"requirement" and meta[b"isupport.unit"] == b"date"


def test_cli_explain_flags_v_above_1_and_shows_the_refund(tmp_path: Path) -> None:
    # 003 §16: C = 100,000,000 (the loan), P = 80,000,000 → V = 1.25 > 1, flagged;
    # §19: R = C − C / V = 100,000,000 − 80,000,000 = 20,000,000
    case = _refused_case(tmp_path, pp1176_requested_amount=100000000)
    done = _isupport("explain", str(case), "--program", "ru.pp1176", "--as-of", "2025-06-01")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert "✗" in text and "1.25" in text and "20,000,000" in text
