"""Investment-plan files for the regional comparison (``isupport regions``).

as_of: 2019-01-15          # optional evaluation date
facts: {...}               # RU facts of the enterprise and its sites (see ``isupport facts``)
plan:                      # consecutive calendar years; the first is residence year 1
  - {year: 2019, investment: 300000000, taxable_profit: 10000000, property_value: 50000000,
     land_value: 4000000, payroll: 20000000, jobs: 30}
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ....engine.errors import CaseFileError
from ....engine.parameters import load_yaml
from .projection import InvestmentPlan, PlanYear

_KEYS = {"as_of", "facts", "plan"}
_YEAR_KEYS = {
    "year",
    "investment",
    "taxable_profit",
    "property_value",
    "land_value",
    "payroll",
    "jobs",
}


def load_plan(path: Path) -> tuple[InvestmentPlan, dict[str, Any], dt.date | None]:
    try:
        raw = load_yaml(path)
    except FileNotFoundError:
        raise CaseFileError(f"{path}: no such plan file") from None
    if not isinstance(raw, dict) or set(raw) - _KEYS or "plan" not in raw:
        raise CaseFileError(f"{path}: expected keys {sorted(_KEYS)} with at least 'plan'")
    years = []
    for index, row in enumerate(raw["plan"] or [], start=1):
        if not isinstance(row, dict) or set(row) != _YEAR_KEYS:
            raise CaseFileError(f"{path}: plan row {index}: expected exactly {sorted(_YEAR_KEYS)}")
        try:
            years.append(PlanYear(**row))
        except (TypeError, ValueError) as error:
            raise CaseFileError(f"{path}: plan row {index}: {error}") from None
    try:
        plan = InvestmentPlan(tuple(years))
    except ValueError as error:
        raise CaseFileError(f"{path}: {error}") from None
    as_of = raw.get("as_of")
    if as_of is not None and not isinstance(as_of, dt.date):
        raise CaseFileError(f"{path}: as_of: expected YYYY-MM-DD, got {as_of!r}")
    return plan, dict(raw.get("facts") or {}), as_of
