"""Investment-plan files for the regional comparison (``isupport regions``).

as_of: 2019-01-15          # optional evaluation date
facts: {...}               # RU facts of the enterprise and its sites (see ``isupport facts``)
plan:                      # consecutive calendar years; the first is residence year 1
  - {year: 2019, investment: 300000000, taxable_profit: 10000000, property_value: 50000000,
     land_value: 4000000, payroll: 20000000, jobs: 30}
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from ....engine.errors import N_, InputErrors, IsupportError, Problem, given
from ....engine.facts import parse_date_value, suggest
from ....engine.inputs import read_data
from ....engine.money import MoneyError, to_decimal
from .projection import InvestmentPlan, PlanYear

_KEYS = {"as_of", "facts", "plan"}
MONEY_KEYS = ("investment", "taxable_profit", "property_value", "land_value", "payroll")
_YEAR_KEYS = {"year", *MONEY_KEYS, "jobs"}
# A plan amount beyond 10^18 RUB (a hundred times Russia's GDP) is a typing error, and the
# tax arithmetic (28 significant digits) could not hold it to the kopeck.
LARGEST_AMOUNT = Decimal(10) ** 18
LARGEST_JOBS = 10_000_000
YEARS = (1900, 2200)


def _problem(field: str, template: str, **params: Any) -> Problem:
    return Problem(field, template, {key: str(value) for key, value in params.items()})


def check_year(row: Mapping[str, Any], where: str) -> tuple[PlanYear | None, list[Problem]]:
    """One plan row typed, or every problem of it (``where``: the row's field prefix)."""
    problems: list[Problem] = []
    for key in row:
        if key not in _YEAR_KEYS:
            hint = suggest(key, _YEAR_KEYS) if isinstance(key, str) else None
            problems.append(
                _problem(f"{where}.{key}", N_("unknown key; did you mean {hint}?"), hint=hint)
                if hint
                else _problem(
                    f"{where}.{key}",
                    N_("unknown key; expected one of {allowed}"),
                    allowed=", ".join(sorted(_YEAR_KEYS)),
                )
            )
    cells: dict[str, Any] = {}
    for key in sorted(_YEAR_KEYS - set(row)):
        problems.append(_problem(f"{where}.{key}", N_("missing; expected a value")))
    for key in MONEY_KEYS:
        if key not in row:
            continue
        raw = row[key]
        try:
            amount = to_decimal(raw, key)
        except MoneyError:
            problems.append(
                _problem(
                    f"{where}.{key}",
                    N_("expected a number (an amount in RUB), got {given}"),
                    given=given(raw),
                )
            )
            continue
        if not 0 <= amount < LARGEST_AMOUNT:
            problems.append(
                _problem(
                    f"{where}.{key}",
                    N_("expected an amount from 0 to below 10^18 RUB, got {given}"),
                    given=given(raw),
                )
            )
        elif amount != amount.quantize(Decimal("0.01")):
            problems.append(
                _problem(
                    f"{where}.{key}",
                    N_("RUB amounts have at most 2 decimals, got {given}"),
                    given=given(raw),
                )
            )
        else:
            cells[key] = amount
    for key, low, high in (("year", *YEARS), ("jobs", 0, LARGEST_JOBS)):
        if key not in row:
            continue
        raw = row[key]
        value = _whole(raw)
        if value is None or not low <= value <= high:
            problems.append(
                _problem(
                    f"{where}.{key}",
                    N_("expected a year from {low} to {high}, got {given}")
                    if key == "year"
                    else N_("expected a whole number from {low} to {high}, got {given}"),
                    low=low,
                    high=high,
                    given=given(raw),
                )
            )
        else:
            cells[key] = value
    if problems:
        return None, problems
    try:
        return PlanYear(**cells), []
    except (TypeError, ValueError) as error:
        return None, [_problem(where, N_("{reason}"), reason=error)]


def _whole(raw: Any) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.strip().isdigit() and len(raw.strip()) <= 12:
        return int(raw.strip())
    return None


def load_plan(path: Path) -> tuple[InvestmentPlan, dict[str, Any], dt.date | None]:
    """A plan file read and checked: every problem of the file is reported at once."""
    raw = read_data(path, N_("no such plan file"))
    source = str(path)
    if not isinstance(raw, dict) or "plan" not in raw:
        raise InputErrors(
            [_problem(source, N_("expected keys {keys} with at least 'plan'"), keys=sorted(_KEYS))]
        )
    problems: list[Problem] = []
    for key in raw:
        if key not in _KEYS:
            problems.append(
                _problem(
                    given(key).strip("'\""),
                    N_("unknown key; expected one of {allowed}"),
                    allowed=", ".join(sorted(_KEYS)),
                )
            )
    rows = raw["plan"] or []
    years: list[PlanYear] = []
    if not isinstance(rows, list):
        problems.append(_problem("plan", N_("expected a list of plan years")))
        rows = []
    for index, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            problems.append(
                _problem(f"plan[{index}]", N_("expected exactly {keys}"), keys=sorted(_YEAR_KEYS))
            )
            continue
        year, found = check_year(row, f"plan[{index}]")
        problems.extend(found)
        if year is not None:
            years.append(year)
    if not problems and not years:
        problems.append(_problem("plan", N_("expected at least one plan year")))
    for earlier, later in itertools.pairwise(years):
        if later.year != earlier.year + 1:
            problems.append(
                _problem(
                    "plan",
                    N_("years must be consecutive, got {earlier} then {later}"),
                    earlier=earlier.year,
                    later=later.year,
                )
            )
    plan = None
    if not problems:
        try:
            plan = InvestmentPlan(tuple(years))
        except ValueError as error:
            problems.append(_problem("plan", N_("{reason}"), reason=error))
    as_of = raw.get("as_of")
    if as_of is not None:
        try:
            as_of = parse_date_value(as_of, _as_of_error)
        except IsupportError as error:
            problems.extend(error.problems)
    facts = raw.get("facts") or {}
    if not isinstance(facts, dict):
        problems.append(_problem("facts", N_("expected a mapping of fact names to values")))
    if problems:
        raise InputErrors(problems, source)
    assert plan is not None
    return plan, dict(facts), as_of


def _as_of_error(template: str, **params: Any) -> IsupportError:
    return InputErrors([_problem("as_of", template, **params)])
