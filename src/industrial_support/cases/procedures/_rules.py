"""Guards that ask the rules engine: one rule source for screening and for decisions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ...engine.evaluate import ProgramResult, RuleSet
from ...engine.program import get_program


def evaluate(program_id: str, facts: Mapping[str, Any], on: dt.date) -> ProgramResult:
    (result,) = RuleSet([get_program(program_id)], on).explain(facts)
    return result


def explain_status(result: ProgramResult) -> str:
    """One line: the status and what decides it (failed criteria or missing facts)."""
    failed = [
        f"{c.criterion.id} ({c.criterion.citation})"
        for c in result.criteria
        if c.outcome.label == "not_met"
    ]
    if failed:
        return f"{result.program.id} is ineligible: not met {', '.join(failed)}"
    if result.missing_facts:
        return (
            f"{result.program.id} is undetermined: facts missing {', '.join(result.missing_facts)}"
        )
    return f"{result.program.id} is {result.status.value}"
