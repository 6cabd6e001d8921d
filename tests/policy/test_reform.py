"""Reforms as data (issue 16 §1): ``programs --reform`` and ``explain --reform`` through the CLI.

Hand reading of 003 §7(e): the law admits an offshore-registered share of the charter capital
"not exceeding 50%" (offshore_share_max = 0.5 in pp1176.yaml). The example enterprise
(examples/ru_components_maker.yaml) has exactly 0.5: met under the law, not met under a
reform lowering the ceiling to 0.25 from 2025-01-01, and met again on a day before the reform.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
REFORM = ROOT / "examples" / "reforms" / "ru_offshore_25.yaml"
CASE = ROOT / "examples" / "ru_components_maker.yaml"


def isupport(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).with_name("isupport")), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def as_json(*args: str) -> Any:
    done = isupport(*args, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _offshore(body: Any) -> dict[str, Any]:
    return next(c for c in body["criteria"] if c["id"] == "not_foreign_or_offshore_owned")


def test_programs_marks_the_changed_value() -> None:
    data = as_json(
        "programs", "--jurisdiction", "RU", "--reform", str(REFORM), "--as-of", "2025-06-01"
    )
    (change,) = data["reform"]["changes"]
    assert change == {
        "program": "ru.pp1176",
        "kind": "parameter",
        "name": "offshore_share_max",
        "from": "2025-01-01",
        "citation": "proposal ru-offshore-25 §1",
        "in_effect": True,
        "law": "0.5",
        "reform": "0.25",
    }
    marked = {p["id"] for p in data["programs"] if p["reformed"]}
    assert marked == {"ru.pp1176"}


def test_explain_under_the_reform_refuses_a_half_offshore_owner() -> None:
    law = as_json("explain", str(CASE), "--program", "ru.pp1176", "--as-of", "2025-06-01")
    assert _offshore(law)["status"] == "met"
    reformed = as_json(
        "explain",
        str(CASE),
        "--program",
        "ru.pp1176",
        "--as-of",
        "2025-06-01",
        "--reform",
        str(REFORM),
    )
    criterion = _offshore(reformed)
    assert criterion["status"] == "not_met"
    assert reformed["status"] == "ineligible"
    (parameter,) = criterion["parameters"]
    assert parameter["value"] == "0.25" and parameter["reformed"] is True
    assert parameter["citations"] == ["proposal ru-offshore-25 §1"]


def test_before_the_reform_day_the_law_applies() -> None:
    reformed = as_json(
        "explain",
        str(CASE),
        "--program",
        "ru.pp1176",
        "--as-of",
        "2024-12-31",
        "--reform",
        str(REFORM),
    )
    (parameter,) = _offshore(reformed)["parameters"]
    assert parameter["value"] == "0.5" and parameter["reformed"] is False
    assert parameter["effective_to"] == "2024-12-31"


def test_bad_reform_lists_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        """
reform: {id: x, en: x, ja: x}
programs:
  ru.pp1176:
    parameters:
      offshore_share_max:
        en: a
        ja: a
        unit: RUB
        values: [{from: 2025-01-01, value: 0.25, cite: "003 §7(e)"}]
      no_such_number:
        en: a
        ja: a
        unit: ratio
        values: [{from: 2025-01-01, value: 1, cite: "proposal x"}]
    switch_off:
      - {criterion: nope, from: 2025-01-01, cite: "proposal x §2"}
""",
        encoding="utf-8",
    )
    done = isupport("programs", "--reform", str(bad), "--as-of", "2025-06-01")
    assert done.returncode == 2
    message = " ".join(done.stderr.split())
    assert "Traceback" not in done.stderr
    for expected in (
        "offshore_share_max.unit: expected 'ratio'",
        "offshore_share_max.values[0].cite: expected 'proposal <reference>'",
        "has no parameter 'no_such_number'",
        "switch_off[0].criterion: ru.pp1176 has no criterion 'nope'",
    ):
        assert expected in message, message


def test_cap_and_switch_off(tmp_path: Path) -> None:
    """A cap of 50m on C (003 §4: C = the request, 80m here, at most the loan of 100m) and
    §7(f) switched off from 2025-01-01: C becomes 50m and §7(f) is no longer judged."""
    reform = tmp_path / "cap.yaml"
    reform.write_text(
        """
reform: {id: cap, en: cap, ja: 上限}
programs:
  ru.pp1176:
    switch_off:
      - {criterion: no_other_federal_funds, from: 2025-01-01, cite: "proposal cap §2"}
    caps:
      subsidy_amount:
        en: Proposed ceiling on the subsidy
        ja: 補助金の上限案
        unit: RUB
        values: [{from: 2025-01-01, value: 50000000, cite: "proposal cap §1"}]
""",
        encoding="utf-8",
    )
    args = ("explain", str(CASE), "--program", "ru.pp1176", "--reform", str(reform))
    after = as_json(*args, "--as-of", "2025-06-01")
    values = {v["id"]: v["value"] for v in after["values"]}
    assert values["subsidy_amount"] == "50000000" and after["status"] == "eligible"
    assert "no_other_federal_funds" not in {c["id"] for c in after["criteria"]}
    before = as_json(*args, "--as-of", "2024-12-31")
    assert {v["id"]: v["value"] for v in before["values"]}["subsidy_amount"] == "80000000"
    assert "no_other_federal_funds" in {c["id"] for c in before["criteria"]}
