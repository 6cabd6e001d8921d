"""Readable case files for program tests.

Each ``tests/programs/<country>/cases/*.yaml`` file holds hand-worked cases::

    program: jp.sme
    as_of: 2026-04-01             # evaluation date (a case may give its own)
    cases:
      - name: manufacturer exactly at the capital limit
        cite: 002 Art.2(1)(i)       # the article the case checks (required)
        facts: {legal_form: company, main_industry: manufacturing, capital: 300000000}
        expect:
          status: eligible
          criteria: {company_size: met}
          values: {item: i}          # money as a plain amount in the value's currency
          missing: [regular_employees]

Top-level keys starting with "_" may hold YAML anchors (``&base``) for facts shared by cases.
Expected values are worked out by hand from the seed, never produced by the code under test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from industrial_support.engine.citations import cite
from industrial_support.engine.evaluate import ProgramResult, RuleSet
from industrial_support.engine.money import Money
from industrial_support.engine.parameters import load_yaml
from industrial_support.engine.program import get_program

ROOT = Path(__file__).parent / "programs"
_FILE_KEYS = {"program", "as_of", "cases"}
_CASE_KEYS = {"name", "cite", "facts", "expect", "as_of"}
_EXPECT_KEYS = {"status", "criteria", "values", "missing"}


@dataclass(frozen=True)
class CaseSpec:
    file: Path
    program: str
    name: str
    citation: str
    as_of: dt.date
    facts: dict[str, Any]
    expect: dict[str, Any]

    @property
    def test_id(self) -> str:
        return f"{self.file.parent.parent.name}/{self.file.stem}: {self.name}"


def discover(root: Path = ROOT) -> Iterator[CaseSpec]:
    for path in sorted(root.glob("*/cases/*.yaml")):
        raw = load_yaml(path)
        # keys starting with "_" hold YAML anchors for facts shared by several cases
        keys = {key for key in raw if not key.startswith("_")}
        assert keys <= _FILE_KEYS, f"{path}: unknown keys {keys - _FILE_KEYS}"
        for case in raw["cases"]:
            assert set(case) <= _CASE_KEYS, f"{path}: {case.get('name')}: unknown keys"
            assert set(case["expect"]) <= _EXPECT_KEYS, f"{path}: {case['name']}: bad expect"
            cite(case["cite"])  # every case names a valid citation
            yield CaseSpec(
                path,
                raw["program"],
                case["name"],
                case["cite"],
                case.get("as_of", raw["as_of"]),
                case.get("facts") or {},
                case["expect"],
            )


def run(spec: CaseSpec) -> ProgramResult:
    program = get_program(spec.program)
    (result,) = RuleSet([program], spec.as_of).explain(spec.facts)
    return result


def check(spec: CaseSpec) -> None:
    result = run(spec)
    expect = spec.expect
    where = f"{spec.test_id} ({spec.citation})"
    if "status" in expect:
        assert result.status.value == expect["status"], f"{where}: status {result.status.value}"
    outcomes = {c.criterion.id: c.outcome.label for c in result.criteria}
    for criterion, wanted in (expect.get("criteria") or {}).items():
        assert criterion in outcomes, f"{where}: no criterion {criterion!r}"
        assert outcomes[criterion] == wanted, f"{where}: {criterion} is {outcomes[criterion]}"
    values = {v.value.id: v.result for v in result.values}
    for name, wanted in (expect.get("values") or {}).items():
        assert name in values, f"{where}: no value {name!r}"
        assert _same(values[name], wanted), f"{where}: {name} = {values[name]!r}, want {wanted!r}"
    if "missing" in expect:
        assert sorted(result.missing_facts) == sorted(expect["missing"]), (
            f"{where}: missing {list(result.missing_facts)}"
        )


def _same(actual: Any, wanted: Any) -> bool:
    if wanted is None or actual is None:
        return actual is wanted
    if isinstance(actual, Money):
        return actual.amount == Decimal(str(wanted).split()[0])
    if isinstance(actual, Decimal):
        return actual == Decimal(str(wanted))
    if isinstance(actual, dt.date):
        wanted_date = wanted if isinstance(wanted, dt.date) else dt.date.fromisoformat(str(wanted))
        return actual == wanted_date
    return bool(actual == wanted)
