"""A comparison on a date when the regional regimes are not in force lists them as not
projected instead of failing (004 §2-§3 regimes begin in the 2010s)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from industrial_support.programs.ru.regions.plans import load_plan
from industrial_support.programs.ru.regions.projection import compare

PLAN = Path(__file__).parents[3] / "examples" / "plans" / "ru_plant_2019.yaml"


def test_regimes_not_in_force_are_listed_not_projected() -> None:
    plan, facts, _ = load_plan(PLAN)
    comparison = compare(plan, facts, dt.date(2000, 1, 1))
    assert not comparison.projections
    assert comparison.not_projected
    assert {item.status for item in comparison.not_projected} == {"not_in_force"}
