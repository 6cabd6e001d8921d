"""Screen an enterprise's facts against every program of its country, or explain one
program with the trace (facts and parameters each criterion read, with citations)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from ...engine.evaluate import CriterionResult, ProgramResult, ValueResult, rule_set
from ...engine.outcomes import Status
from ...engine.program import KINDS, ValueKind
from ..context import ServicesDep
from ..serialize import Out, ParameterOut, Text, Value, computed, labels, parameter, text
from ..serialize import facts as facts_of
from .common import (
    DAY_HELP,
    INVALID,
    Day,
    Facts,
    Identifier,
    InputError,
    Jurisdiction,
    ProgramKind,
    checked_facts,
    known_program,
    programs_of,
)

router = APIRouter(tags=["screening"], responses=INVALID)

OutcomeLabel = Literal["met", "not_applicable", "review", "unknown", "not_met"]

_EXAMPLE_FACTS: JsonDict = {
    "pp1176_loan_amount": 100000000,
    "pp1176_requested_amount": 80000000,
    "pp1176_offshore_share": "0.5",
    "pp1176_application_date": "2025-03-15",
}


class ScreenRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"jurisdiction": "RU", "facts": _EXAMPLE_FACTS, "as_of": "2025-06-02"}]
        },
    )
    jurisdiction: Jurisdiction
    facts: Facts = Field(default_factory=dict)
    as_of: Day | None = Field(None, description=f"evaluation date (default today), {DAY_HELP}")
    programs: list[Identifier] | None = Field(
        None, max_length=100, description="only these programs (default: all of the country's)"
    )


class ExplainRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"jurisdiction": "RU", "facts": _EXAMPLE_FACTS, "program": "ru.pp1176"}]
        },
    )
    jurisdiction: Jurisdiction
    facts: Facts = Field(default_factory=dict)
    program: Identifier = Field(examples=["ru.pp1176"])
    as_of: Day | None = Field(None, description=f"evaluation date (default today), {DAY_HELP}")


ValueKindName = ValueKind  # the OpenAPI enum of a value's kind


class ValueOut(Out):
    id: str = Field(examples=["subsidy_amount"])
    label: Text
    kind: ValueKindName = Field(
        description="entitlement: what the program gives (null when refused); requirement or "
        "deadline: what the law asks, given whatever the status"
    )
    unit: str = Field(examples=["RUB"])
    value: Value = Field(
        description="money as {amount, currency}; null when unknown, or for an entitlement "
        "when refused"
    )
    citation: str = Field(examples=["003 §4"])


class CriterionResultOut(Out):
    id: str
    label: Text
    outcome: OutcomeLabel
    citation: str
    requires: str | None = Field(description="the program whose eligibility this criterion is")


class ProgramResultOut(Out):
    id: str = Field(examples=["ru.pp1176"])
    title: Text
    kind: ProgramKind
    kind_label: Text
    status: Status
    source: str
    values: list[ValueOut]
    criteria: list[CriterionResultOut]
    missing_facts: list[str] = Field(description="facts whose absence leaves it undetermined")


class Unavailable(Out):
    id: str
    reason: str


class ScreenResponse(Out):
    jurisdiction: Jurisdiction
    evaluated_as_of: dt.date
    programs: list[ProgramResultOut]
    not_in_force: list[str]
    unavailable: list[Unavailable] = Field(description="in force, but numbers missing that day")


class ValueTrace(ValueOut):
    facts: dict[str, Value]
    parameters: list[ParameterOut]


class CriterionTrace(CriterionResultOut):
    facts: dict[str, Value] = Field(description="the facts it read, as given")
    parameters: list[ParameterOut] = Field(description="the parameter values it read")


class Explanation(Out):
    id: str
    title: Text
    kind: ProgramKind
    kind_label: Text
    status: Status
    source: str
    evaluated_as_of: dt.date
    values: list[ValueTrace]
    criteria: list[CriterionTrace]
    missing_facts: list[str]


def _parameters(criterion: CriterionResult | ValueResult) -> list[ParameterOut]:
    unique = {p.name: p for p in criterion.parameters}  # read by several rules: once
    return [parameter(p) for p in unique.values()]


def _value(v: ValueResult) -> dict[str, Any]:
    return {
        "id": v.value.id,
        "label": labels(v.value.en, v.value.ja),
        "kind": v.value.kind,
        "unit": v.value.unit,
        "value": computed(v.result, v.value.unit),
        "citation": str(v.value.citation),
    }


def _criterion(c: CriterionResult) -> dict[str, Any]:
    return {
        "id": c.criterion.id,
        "label": labels(c.criterion.en, c.criterion.ja),
        "outcome": c.outcome.label,
        "citation": str(c.criterion.citation),
        "requires": c.criterion.requires.id if c.criterion.requires else None,
    }


def _head(result: ProgramResult) -> dict[str, Any]:
    program = result.program
    return {
        "id": program.id,
        "title": text(program.title),
        "kind": program.kind,
        "kind_label": text(KINDS[program.kind]),
        "status": result.status,
        "source": str(program.citation),
    }


def program_result(result: ProgramResult) -> ProgramResultOut:
    return ProgramResultOut(
        **_head(result),
        values=[ValueOut(**_value(v)) for v in result.values],
        criteria=[CriterionResultOut(**_criterion(c)) for c in result.criteria],
        missing_facts=list(result.missing_facts),
    )


@router.post("/screen", summary="Screen facts against every program of the country")
def screen(request: ScreenRequest, stores: ServicesDep) -> ScreenResponse:
    code = request.jurisdiction.value
    date = request.as_of or stores.today()
    facts = checked_facts(code, request.facts)
    rules = rule_set(programs_of(code, request.programs), date)
    return ScreenResponse(
        jurisdiction=request.jurisdiction,
        evaluated_as_of=date,
        programs=[program_result(r) for r in rules.explain(facts)],
        not_in_force=[p.id for p in rules.not_in_force],
        unavailable=[Unavailable(id=k, reason=v) for k, v in rules.unavailable.items()],
    )


@router.post("/explain", summary="One program for the facts, with the full trace and citations")
def explain(request: ExplainRequest, stores: ServicesDep) -> Explanation:
    code = request.jurisdiction.value
    date = request.as_of or stores.today()
    program = known_program(request.program)
    if program.jurisdiction != code:
        raise InputError(f"program: {program.id} is not a {code} program")
    facts = checked_facts(code, request.facts)
    rules = rule_set([program], date)
    if rules.not_in_force:
        raise InputError(f"as_of: {program.id} is not in force on {date}")
    if program.id in rules.unavailable:
        raise InputError(
            f"as_of: {program.id} cannot be evaluated: {rules.unavailable[program.id]}"
        )
    (result,) = rules.explain(facts)
    return Explanation(
        **_head(result),
        evaluated_as_of=date,
        values=[
            ValueTrace(**_value(v), facts=facts_of(code, v.facts), parameters=_parameters(v))
            for v in result.values
        ],
        criteria=[
            CriterionTrace(
                **_criterion(c), facts=facts_of(code, c.facts), parameters=_parameters(c)
            )
            for c in result.criteria
        ],
        missing_facts=list(result.missing_facts),
    )
