"""``isupport whatif`` (issue 16 §2, done-when 1): a reform lowering Decree 1176's offshore
ceiling (003 §7(e): the offshore-registered foreign share "does not exceed" 50%) to 25%.

Hand-made register: six RU enterprises that meet every other condition of 003 §4 and §7
(the facts of examples/ru_components_maker.yaml: customers bought 150m and 100m, so any
loan up to 100m meets §4(e)), differing only in offshore share and in the FRP loan. The
amount the batch reports for ru.pp1176 (its first money value) is the §4 ceiling,
subsidy_max = the loan:

    row  share  loan    law (<= 0.50)   reform (<= 0.25)
    R1   0.10    10m    eligible        eligible
    R2   0.25    20m    eligible        eligible      (at the new ceiling: not exceeding)
    R3   0.26    30m    eligible        ineligible
    R4   0.50    40m    eligible        ineligible    (at the law's ceiling)
    R5   0.51    50m    ineligible      ineligible
    R6   —       60m    undetermined    undetermined  (share unknown)

So exactly R3 and R4 turn eligible → ineligible by not_foreign_or_offshore_owned; the
ceilings of eligible results total 10+20+30+40 = 100m under the law and 10+20 = 30m under
the reform. A JP row is screened too and changes nothing.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from industrial_support.engine.parameters import load_yaml

from .test_reform import REFORM, ROOT, isupport

ROWS = [
    ("R1", "0.10", 10_000_000),
    ("R2", "0.25", 20_000_000),
    ("R3", "0.26", 30_000_000),
    ("R4", "0.50", 40_000_000),
    ("R5", "0.51", 50_000_000),
    ("R6", "", 60_000_000),
]


def _register(path: Path) -> Path:
    facts = load_yaml(ROOT / "examples" / "ru_components_maker.yaml")["facts"]
    names = ["enterprise_id", "jurisdiction", "region", *facts]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, names)
        writer.writeheader()
        for enterprise, share, loan in ROWS:
            row = {n: str(v).lower() if isinstance(v, bool) else str(v) for n, v in facts.items()}
            row |= {"pp1176_offshore_share": share, "pp1176_loan_amount": str(loan)}
            writer.writerow(
                {"enterprise_id": enterprise, "jurisdiction": "RU", "region": "Ulyanovsk"} | row
            )
        writer.writerow({"enterprise_id": "J1", "jurisdiction": "JP"})
    return path


def test_lower_offshore_ceiling_turns_exactly_the_predicted_enterprises(tmp_path: Path) -> None:
    out = tmp_path / "whatif"
    done = isupport(
        "whatif",
        str(_register(tmp_path / "register.csv")),
        "--reform",
        str(REFORM),
        "--as-of",
        "2025-06-01",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert data["rows"] == 7
    programs = {p["program"]: p for p in data["programs"]}
    pp1176 = programs["ru.pp1176"]
    assert pp1176["counts"] == {
        "law": {"eligible": 4, "ineligible": 1, "undetermined": 1},
        "reform": {"eligible": 2, "ineligible": 3, "undetermined": 1},
    }
    assert pp1176["transitions"] == [{"from": "eligible", "to": "ineligible", "count": 2}]
    totals = {(t["side"], t["key"]): t["amount"] for t in pp1176["totals"]["country"]}
    assert totals == {("law", "RU"): "100000000", ("reform", "RU"): "30000000"}
    regions = {(t["side"], t["key"]): t["amount"] for t in pp1176["totals"]["region"]}
    assert regions == {("law", "Ulyanovsk"): "100000000", ("reform", "Ulyanovsk"): "30000000"}
    assert pp1176["rules_hash"]["law"] != pp1176["rules_hash"]["reform"]
    # Nothing else moves: no other program changes status.
    assert [p for p, body in programs.items() if body["transitions"]] == ["ru.pp1176"]
    with (out / "changed.csv").open(encoding="utf-8") as handle:
        changed = sorted(
            (r["enterprise_id"], r["law_status"], r["reform_status"], r["criteria_changed"])
            for r in csv.DictReader(handle)
        )
    assert changed == [
        ("R3", "eligible", "ineligible", "not_foreign_or_offshore_owned"),
        ("R4", "eligible", "ineligible", "not_foreign_or_offshore_owned"),
    ]
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "<svg" in report and "eligible → ineligible" in report


def test_unreadable_reform_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("reform: {id: x}\nprograms: {}\n", encoding="utf-8")
    out = tmp_path / "whatif"
    done = isupport(
        "whatif",
        str(_register(tmp_path / "register.csv")),
        "--reform",
        str(bad),
        "--as-of",
        "2025-06-01",
        "--out",
        str(out),
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "reform.en: Field required" in done.stderr and "reform.ja: Field required" in done.stderr
    assert not out.exists()
