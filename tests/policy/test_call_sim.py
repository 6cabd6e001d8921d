"""``isupport call-sim`` (issue 16 §3, done-when 2): ten applicants, a 100m RUB limit.

Every applicant has the facts of examples/ru_components_maker.yaml (eligible under 003 §4
and §7) with its own loan and request (C = the request, at most the loan, §4); A10's
offshore share is 0.6, over the 50% of §7(e), so the admission guard refuses it. In order of
arrival (§9(a)) each approval commits C against the limit (§12(c)); one the remaining limit
cannot cover is deferred (§13(b)) and a later, smaller one may still fit:

    arrival  applicant  C     committed after
    1        A03        30m    30m  funded
    2        A07        25m    55m  funded
    3        A01        20m    75m  funded
    4        A10        —            refused (§7(e))
    5        A05        15m    90m  funded
    6        A02        20m          deferred (90 + 20 > 100)  ← cut-off
    7        A08         5m    95m  funded
    8        A04        40m          deferred
    9        A06         8m          deferred (95 + 8 > 100)
    10       A09        12m          deferred

Committed 95m. At 25m only A07 (25m) fits after A03 (30m) is deferred; at 200m all nine
eligible are funded: 30+25+20+15+20+5+40+8+12 = 175m.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from industrial_support.engine.parameters import load_yaml

from .test_reform import ROOT, isupport

ARRIVALS = [
    ("A03", 30), ("A07", 25), ("A01", 20), ("A10", 10), ("A05", 15),
    ("A02", 20), ("A08", 5), ("A04", 40), ("A06", 8), ("A09", 12),
]  # fmt: skip


def _files(tmp_path: Path) -> tuple[Path, Path]:
    facts = load_yaml(ROOT / "examples" / "ru_components_maker.yaml")["facts"]
    register, arrivals = tmp_path / "register.csv", tmp_path / "arrivals.csv"
    with register.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ["enterprise_id", "jurisdiction", *facts])
        writer.writeheader()
        for enterprise, millions in sorted(ARRIVALS):
            row = {n: str(v).lower() if isinstance(v, bool) else str(v) for n, v in facts.items()}
            amount = str(millions * 1_000_000)
            row |= {"pp1176_loan_amount": amount, "pp1176_requested_amount": amount}
            if enterprise == "A10":
                row["pp1176_offshore_share"] = "0.6"
            writer.writerow({"enterprise_id": enterprise, "jurisdiction": "RU"} | row)
    with arrivals.open("w", newline="", encoding="utf-8") as handle:
        lines = csv.writer(handle)
        lines.writerow(["enterprise_id", "submitted_at"])
        for minute, (enterprise, _) in enumerate(ARRIVALS):
            lines.writerow([enterprise, f"2025-03-17T10:{minute:02d}:00+03:00"])
    return register, arrivals


def test_ten_applicants_funded_and_deferred_as_worked_by_hand(tmp_path: Path) -> None:
    register, arrivals = _files(tmp_path)
    done = isupport(
        "call-sim",
        "--procedure",
        "ru.pp1176",
        "--budget",
        "1e8 RUB",
        "--register",
        str(register),
        "--arrivals",
        str(arrivals),
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["arrival_order"] == [e for e, _ in ARRIVALS]
    assert [(f["enterprise_id"], f["amount"]) for f in data["funded"]] == [
        ("A03", "30000000"), ("A07", "25000000"), ("A01", "20000000"),
        ("A05", "15000000"), ("A08", "5000000"),
    ]  # fmt: skip
    assert [d["enterprise_id"] for d in data["deferred"]] == ["A02", "A04", "A06", "A09"]
    assert [r["enterprise_id"] for r in data["refused"]] == ["A10"]
    assert "not_foreign_or_offshore_owned" in data["refused"][0]["why"]
    assert data["committed"] == "95000000" and data["cut_off"] == "A02"
    curve = {point["budget"]: point for point in data["sensitivity"]}
    assert (curve["25000000"]["committed"], curve["25000000"]["cut_off"]) == ("25000000", "A03")
    assert curve["25000000"]["funded"] == 1
    assert (curve["200000000"]["committed"], curve["200000000"]["cut_off"]) == ("175000000", None)
    assert curve["200000000"]["funded"] == 9


def test_bad_budget_and_missing_arrivals_are_clear_errors(tmp_path: Path) -> None:
    register, _ = _files(tmp_path)
    done = isupport(
        "call-sim",
        "--procedure",
        "ru.pp1176",
        "--budget",
        "lots",
        "--register",
        str(register),
        "--seed",
        "1",
    )
    assert done.returncode == 2 and "budget: expected an amount and RUB" in done.stderr
    done = isupport(
        "call-sim", "--procedure", "ru.pp1176", "--budget", "1e8 RUB", "--register", str(register)
    )
    assert done.returncode == 2 and "give either --arrivals FILE or --seed N" in done.stderr
