"""Programs as of a date (criteria, computed values, parameters in force) and the facts a
case can give."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import Field

from ...cases.store import NotFoundError
from ...engine.errors import ParameterError, ProgramError
from ...engine.evaluate import CompiledProgram, rule_set
from ...engine.facts import FactKind, FactSpec, catalog
from ...engine.parameters import Resolved
from ...engine.program import KINDS, Program, all_programs, get_program
from ...engine.sectors import SECTORS, covers
from ...programs.ru.regions.projection import REGIMES
from ..context import ServicesDep
from ..serialize import Out, ParameterOut, Text, labels, parameter, text
from .common import (
    DAY_HELP,
    INVALID,
    NOT_FOUND,
    Day,
    InputError,
    Jurisdiction,
    ProgramKind,
    known_program,
)

router = APIRouter(tags=["programs"], responses=INVALID)


class ProgramOut(Out):
    id: str = Field(examples=["ru.pp1176"])
    jurisdiction: Jurisdiction
    kind: ProgramKind
    kind_label: Text
    title: Text
    summary: Text | None
    provider: Text | None
    source: str = Field(description="citation of the act", examples=["003 §1"])
    sectors: list[str] = Field(description="industries it is meant for ('any' if open to all)")
    in_force: bool = Field(description="in force on the evaluation date")
    in_force_from: dt.date | None
    in_force_to: dt.date | None


class ProgramList(Out):
    as_of: dt.date
    programs: list[ProgramOut]


class CriterionOut(Out):
    id: str
    label: Text
    citation: str = Field(examples=["003 §4(e)"])
    requires: str | None = Field(description="the program whose eligibility this criterion is")
    if_not_met: str = Field(description="ineligible, or review where the law leaves it open")
    if_unknown: str = Field(description="undetermined, or review")
    facts: list[str] = Field(description="facts it reads (empty when not evaluable that day)")


class ComputedOut(Out):
    id: str
    label: Text
    unit: str = Field(examples=["RUB"])
    citation: str
    rounding: str | None
    facts: list[str]


class Availability(Out):
    in_force: bool
    evaluable: bool = Field(description="its numbers are in force on the date too")
    reason: str | None = Field(description="why it cannot be evaluated on that date")


class ProgramDetail(ProgramOut):
    as_of: dt.date
    availability: Availability
    criteria: list[CriterionOut]
    values: list[ComputedOut]
    parameters: list[ParameterOut] = Field(description="values in force on as_of that it reads")


class AllowedValue(Out):
    value: str
    label: Text | None


class FactOut(Out):
    name: str = Field(examples=["pp1176_loan_amount"])
    kind: FactKind
    type: str = Field(examples=["amount in RUB"])
    currency: str | None
    unit: str | None
    values: list[AllowedValue] | None = Field(description="the allowed values of an enum fact")
    minimum: str | None
    maximum: str | None
    description: Text


class FactList(Out):
    jurisdiction: Jurisdiction
    program: str | None
    facts: list[FactOut]


def summary(program: Program, as_of: dt.date) -> ProgramOut:
    return ProgramOut(
        id=program.id,
        jurisdiction=Jurisdiction(program.jurisdiction),
        kind=program.kind,  # one of KINDS, checked at definition
        kind_label=text(KINDS[program.kind]),
        title=text(program.title),
        summary=text(program.summary) if program.summary else None,
        provider=text(program.provider) if program.provider else None,
        source=str(program.citation),
        sectors=list(program.sectors),
        in_force=program.in_force(as_of),
        in_force_from=program.in_force_from,
        in_force_to=program.in_force_to,
    )


def _program(program_id: str) -> Program:
    all_programs()
    try:
        return get_program(program_id)
    except ProgramError:
        raise NotFoundError(
            f"program_id: no program {program_id!r} (see GET /api/programs)"
        ) from None


def _own_parameters(compiled: CompiledProgram, date: dt.date) -> list[Resolved]:
    """The parameters the program's own rules read (a required program lists its own), and
    a regional tax regime's rate schedules, which the year-by-year projection reads."""
    program = compiled.program
    used = [p for c in compiled.criteria if c.criterion.requires is None for p in c.parameters] + [
        p for v in compiled.values for p in v.parameters
    ]
    regime = REGIMES.get(program.id)
    if regime is not None and program.parameters is not None:
        for name in regime.schedules.values():
            try:
                used.append(program.parameters[name].as_of(date))
            except ParameterError:
                continue  # no row that day: the projection uses the standard rate
    return sorted({p.name: p for p in used}.values(), key=lambda p: p.name)


@router.get("/programs", summary="Programs, with whether each is in force on a date")
def list_programs(
    stores: ServicesDep,
    jurisdiction: Annotated[Jurisdiction | None, Query(description="JP, RU or KZ")] = None,
    kind: Annotated[ProgramKind | None, Query(description="kind of support")] = None,
    sector: Annotated[
        str | None,
        Query(max_length=40, description=f"industry, one of {', '.join(SECTORS)}"),
    ] = None,
    as_of: Annotated[Day | None, Query(description=f"evaluation date, {DAY_HELP}")] = None,
) -> ProgramList:
    if sector is not None and sector not in SECTORS:
        raise InputError(f"sector: expected one of {', '.join(SECTORS)}; got {sector!r}")
    date = as_of or stores.today()
    chosen = [
        p
        for p in all_programs()
        if (jurisdiction is None or p.jurisdiction == jurisdiction.value)
        and (kind is None or p.kind == kind)
        and (sector is None or covers(p.sectors, sector))
    ]
    return ProgramList(as_of=date, programs=[summary(p, date) for p in chosen])


@router.get(
    "/programs/{program_id}",
    summary="One program as of a date: criteria, values and the parameters in force",
    responses=NOT_FOUND,
)
def program_detail(
    stores: ServicesDep,
    program_id: Annotated[str, Path(max_length=100, examples=["ru.pp1176"])],
    as_of: Annotated[Day | None, Query(description=f"evaluation date, {DAY_HELP}")] = None,
) -> ProgramDetail:
    program = _program(program_id)
    date = as_of or stores.today()
    rules = rule_set([program], date)
    compiled = next((c for c in rules.programs if c.program is program), None)
    reason = None
    if not program.in_force(date):
        span = f"{program.in_force_from or '…'} to {program.in_force_to or '…'}"
        reason = f"not in force on {date} (in force {span})"
    elif program.id in rules.unavailable:
        reason = rules.unavailable[program.id]
    criteria_facts = {c.criterion.id: list(c.facts) for c in compiled.criteria} if compiled else {}
    value_facts = {v.value.id: list(v.facts) for v in compiled.values} if compiled else {}
    return ProgramDetail(
        **summary(program, date).model_dump(),
        as_of=date,
        availability=Availability(
            in_force=program.in_force(date), evaluable=compiled is not None, reason=reason
        ),
        criteria=[
            CriterionOut(
                id=c.id,
                label=labels(c.en, c.ja),
                citation=str(c.citation),
                requires=c.requires.id if c.requires else None,
                if_not_met=c.on_fail,
                if_unknown=c.on_unknown,
                facts=criteria_facts.get(c.id, []),
            )
            for c in program.criteria
        ],
        values=[
            ComputedOut(
                id=v.id,
                label=labels(v.en, v.ja),
                unit=v.unit,
                citation=str(v.citation),
                rounding=v.rounding,
                facts=value_facts.get(v.id, []),
            )
            for v in program.values
        ],
        parameters=[parameter(p) for p in (_own_parameters(compiled, date) if compiled else [])],
    )


def fact_out(spec: FactSpec) -> FactOut:
    return FactOut(
        name=spec.name,
        kind=spec.kind,
        type=spec.describe_type(),
        currency=spec.currency,
        unit=spec.unit,
        values=[
            AllowedValue(
                value=value,
                label=text(spec.value_labels[value]) if value in spec.value_labels else None,
            )
            for value in spec.values
        ]
        or None,
        minimum=str(spec.minimum) if spec.minimum is not None else None,
        maximum=str(spec.maximum) if spec.maximum is not None else None,
        description=labels(spec.en, spec.ja),
    )


@router.get("/facts", summary="The facts a case can give: a country's, or those a program reads")
def list_facts(
    stores: ServicesDep,
    jurisdiction: Annotated[Jurisdiction | None, Query(description="JP, RU or KZ")] = None,
    program: Annotated[
        str | None, Query(max_length=100, description="only the facts this program reads")
    ] = None,
    as_of: Annotated[
        Day | None, Query(description=f"date whose rules decide what a program reads, {DAY_HELP}")
    ] = None,
) -> FactList:
    all_programs()  # fills the fact catalogs
    if program is None:
        if jurisdiction is None:
            raise InputError("jurisdiction: give a jurisdiction or a program")
        specs = sorted(catalog(jurisdiction.value).specs(), key=lambda s: s.name)
        return FactList(jurisdiction=jurisdiction, program=None, facts=list(map(fact_out, specs)))
    chosen = known_program(program)
    if jurisdiction is not None and chosen.jurisdiction != jurisdiction.value:
        raise InputError(f"program: {chosen.id} is not a {jurisdiction.value} program")
    date = as_of or stores.today()
    if not chosen.in_force(date):  # what it reads while it is in force
        date = chosen.in_force_from or chosen.in_force_to or date
    rules = rule_set([chosen], date)
    if chosen.id in rules.unavailable:
        raise InputError(f"as_of: {chosen.id} cannot be evaluated: {rules.unavailable[chosen.id]}")
    known = catalog(chosen.jurisdiction)
    return FactList(
        jurisdiction=Jurisdiction(chosen.jurisdiction),
        program=chosen.id,
        facts=[fact_out(known[name]) for name in rules.facts_needed()],
    )
