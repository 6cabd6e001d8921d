"""``isupport case …`` end to end on a SQLite file, and the register answering the
Kazakhstan gate's C4 by date (000 Art.25(5), Art.51-1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from industrial_support.cli import app

ROOT = Path(__file__).parent.parent.parent
runner = CliRunner()


def _run(db: str, *args: str, today: str | None = None) -> Any:
    """Run a command; ``today`` is the server's day (the clock a test may fix)."""
    result = runner.invoke(
        app,
        [*args, "--db", db, *([] if args[1] == "registered" else ["--json"])],
        env={"ISUPPORT_TODAY": today} if today else None,
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_call_submit_steps_due_and_log(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    call = _run(
        db,
        "case",
        "open-call",
        "--procedure",
        "ru.pp1176",
        "--title",
        "2025",
        "--published",
        "2025-03-03",
        "--closes",
        "2025-04-04",
        "--budget",
        "100000000 RUB",
        "--year",
        "2025",
    )["call_id"]
    case_file = str(ROOT / "examples" / "ru_components_maker.yaml")
    first = _run(
        db,
        "case",
        "submit",
        case_file,
        "--call",
        str(call),
        "--key",
        "k",
        today="2025-03-15",
    )
    retry = _run(
        db,
        "case",
        "submit",
        case_file,
        "--call",
        str(call),
        "--key",
        "k",
        today="2025-03-15",
    )
    assert first["id"] == retry["id"] and first["arrival_number"] == 1
    # registered on paper on 7 April, entered on the 8th: a late recording with its reason
    _run(
        db,
        "case",
        "act",
        str(first["id"]),
        "register",
        "--as",
        "ministry",
        "--on",
        "2025-04-07",
        "--late-reason",
        "registered on paper at the front desk",
        today="2025-04-08",
    )
    admitted = _run(
        db, "case", "act", str(first["id"]), "admit", "--as", "ministry", today="2025-04-10"
    )
    assert [s["action"] for s in admitted["next_steps"]] == ["sign", "refuse_unsigned"]
    # the admission evaluated ru.pp1176: show gives the rules it was decided under
    shown = _run(db, "case", "show", str(first["id"]), today="2025-04-10")
    assert shown["rules_hash"].startswith("2025-04-10#") and len(shown["rules_hash"]) == 27
    due = _run(db, "case", "due", "--as-of", "2025-04-30")
    # 003 §10: the example's project ended in 2024 → agreement concluded by 31 December 2025
    assert [(d["kind"], d["due_on"], d["overdue"]) for d in due] == [
        ("sign_agreement", "2025-04-24", True),
        ("conclude_agreement", "2025-12-31", False),
    ]
    late = runner.invoke(
        app,
        [
            "case",
            "act",
            str(first["id"]),
            "sign",
            "--as",
            "applicant",
            "--db",
            db,
        ],
        env={"ISUPPORT_TODAY": "2025-04-30"},
    )
    assert late.exit_code == 2 and "ended on 2025-04-24" in late.output
    # the applicant cannot date its signature back into the window
    backdated = runner.invoke(
        app,
        [
            "case",
            "act",
            str(first["id"]),
            "sign",
            "--as",
            "applicant",
            "--on",
            "2025-04-24",
            "--late-reason",
            "signed earlier",
            "--db",
            db,
        ],
        env={"ISUPPORT_TODAY": "2025-04-30"},
    )
    assert backdated.exit_code == 2 and "only an official may record a step late" in (
        backdated.output
    )
    log = _run(db, "case", "log", str(first["id"]))
    assert [row["action"] for row in log] == ["submit", "register", "admit"]
    assert [(row["date"], row["late_reason"]) for row in log][1] == (
        "2025-04-07",
        "registered on paper at the front desk",
    )
    assert log[1]["at"].startswith("2025-04-08")
    _run(
        db,
        "case",
        "act",
        str(first["id"]),
        "refuse_unsigned",
        "--as",
        "ministry",
        "--reason",
        "agreement_not_signed",
        today="2025-04-30",
    )
    record = runner.invoke(app, ["case", "results", str(call), "--db", db])
    assert json.loads(record.stdout)["publish_by"] == "2025-04-01"  # 003 §9(e)
    (row,) = json.loads(record.stdout)["applications"]
    assert (row["arrival_number"], row["state"], row["refusal_ground"], row["refusal_basis"]) == (
        1,
        "refused",
        "agreement_not_signed",
        "003 §9(d)",
    )


def _kz_case(tmp_path: Path, facts: dict[str, Any]) -> Path:
    path = tmp_path / "kz.json"
    path.write_text(
        json.dumps({"id": "BIN-1", "jurisdiction": "KZ", "facts": facts}), encoding="utf-8"
    )
    return path


def test_register_answers_the_gate_by_date(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    application = _kz_case(
        tmp_path,
        {
            "kz_reg_consent_personal_data": True,
            "kz_reg_consent_site_access": True,
            "kz_reg_consent_video": True,
            "kz_reg_production_evidence": True,
            "kz_reg_wholly_produced": True,
            "kz_reg_product": "2601.11",
        },
    )
    case = _run(
        db,
        "case",
        "submit",
        str(application),
        "--procedure",
        "kz.producers_register",
        "--subject",
        "2601.11",
        today="2026-02-02",
    )
    _run(
        db,
        "case",
        "act",
        str(case["id"]),
        "include_wholly_produced",
        "--as",
        "authority",
        today="2026-02-10",
    )
    gate = {
        "kz_industrial_innovative_entity": True,
        "kz_agro_industrial": False,
        "kz_priority_goods_orientation": True,
        "kz_accepts_cross_obligations": True,
        "kz_documents_meet_measure_rules": True,
        "kz_reg_product": "2601.11",
    }
    enterprise = _kz_case(tmp_path, gate)

    def c4(on: str) -> str:
        result = runner.invoke(
            app,
            [
                "screen",
                str(enterprise),
                "--program",
                "kz.gate",
                "--as-of",
                on,
                "--db",
                db,
                "--format",
                "json",
            ],
        )
        assert result.exit_code == 0, result.output
        (program,) = json.loads(result.stdout)["cases"][0]["programs"]
        return str(
            next(c["status"] for c in program["criteria"] if c["id"] == "c4_producers_register")
        )

    assert c4("2026-02-09") == "not_met"  # the day before inclusion
    assert c4("2026-02-10") == "met"
    answer = _run(
        db,
        "case",
        "registered",
        "--enterprise",
        "BIN-1",
        "--product",
        "2601.11",
        "--on",
        "2026-02-10",
    )
    assert answer["registered"] is True
