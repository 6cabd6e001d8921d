"""The program catalogue (filters: country, kind, industry, text, as-of date) and a page per
program: criteria, computed values and the parameter values in force on a chosen date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from ...engine.calendars import JURISDICTIONS
from ...engine.errors import IsupportError, ParameterError, ProgramError
from ...engine.evaluate import RuleSet
from ...engine.parameters import Resolved
from ...engine.program import KINDS, Program, all_programs, get_program
from ...engine.sectors import SECTORS, covers
from ..context import ServicesDep
from ..i18n import N_
from .common import page

router = APIRouter(include_in_schema=False)

COUNTRIES = {"JP": N_("Japan"), "RU": N_("Russia"), "KZ": N_("Kazakhstan")}
UNITS = {
    "ratio": N_("ratio"),
    "date": N_("date"),
    "years": N_("years"),
    "months": N_("months"),
    "days": N_("days"),
    "count": N_("count"),
    "persons": N_("persons"),
    "units": N_("units"),
    "text": N_("text"),
    "flag": N_("yes/no"),
}


def parse_date(raw: str | None, field: str, default: dt.date) -> dt.date:
    """A date from a query or form field; empty means ``default``; bad input is a 422."""
    if not raw:
        return default
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise IsupportError(f"{field}: expected a date as YYYY-MM-DD, got {raw!r}") from None


def choice(raw: str, field: str, allowed: Collection[str]) -> str:
    """A value from a fixed list; empty means "any"; anything else is a 422 naming the field."""
    if raw and raw not in allowed:
        raise IsupportError(f"{field}: expected one of {', '.join(sorted(allowed))}, got {raw!r}")
    return raw


def _matches(program: Program, text: str) -> bool:
    words = text.casefold().split()
    haystack = " ".join(
        [
            program.id,
            str(program.citation),
            *program.title.values(),
            *program.summary.values(),
            *program.provider.values(),
        ]
    ).casefold()
    return all(word in haystack for word in words)


@router.get("/programs", response_class=HTMLResponse)
def catalogue(
    request: Request,
    stores: ServicesDep,
    country: str = "",
    kind: str = "",
    industry: str = "",
    q: str = "",
    as_of: str = "",
    in_force: str = "",
) -> Response:
    country = choice(country.upper(), "country", JURISDICTIONS)
    kind = choice(kind, "kind", KINDS)
    industry = choice(industry, "industry", SECTORS)
    date = parse_date(as_of, "as_of", stores.today())
    programs = [
        program
        for program in all_programs()
        if (not country or program.jurisdiction == country)
        and (not kind or program.kind == kind)
        and (not industry or covers(program.sectors, industry))
        and (not q.strip() or _matches(program, q))
        and (not in_force or program.in_force(date))
    ]
    return page(
        request,
        "catalogue.html",
        section="programs",
        programs=programs,
        total=len(all_programs()),
        country=country,
        kind=kind,
        industry=industry,
        q=q,
        as_of=date,
        in_force=bool(in_force),
        countries=COUNTRIES,
        kinds=KINDS,
        sectors=SECTORS,
    )


@dataclass(frozen=True)
class ParameterRow:
    name: str
    resolved: Resolved | None
    problem: str | None  # why there is no value on the date


def _parameters(program: Program, rules: RuleSet) -> tuple[list[ParameterRow], list[ParameterRow]]:
    """The parameters the program's rules read as of the rule set's date (taken from the
    compiled rules, so those of required programs are included), and the other values of its
    parameter file (e.g. the rate schedules the regional projection reads)."""
    date = rules.as_of
    read: dict[str, ParameterRow] = {}
    for compiled in rules.programs:
        used = [p for c in compiled.criteria for p in c.parameters]
        used += [p for v in compiled.values for p in v.parameters]
        for resolved in used:
            read.setdefault(resolved.name, ParameterRow(resolved.name, resolved, None))
    others = []
    for name, parameter in (program.parameters.parameters if program.parameters else {}).items():
        if name in read:
            continue
        try:
            others.append(ParameterRow(name, parameter.as_of(date), None))
        except ParameterError as error:
            others.append(ParameterRow(name, None, str(error)))
    return sorted(read.values(), key=lambda row: row.name), others


@router.get("/programs/{program_id}", response_class=HTMLResponse)
def program_page(
    request: Request, stores: ServicesDep, program_id: str, as_of: str = ""
) -> Response:
    try:
        program = get_program(program_id)
    except ProgramError:
        raise HTTPException(404, f"program: no program {program_id!r}") from None
    date = parse_date(as_of, "as_of", stores.today())
    # A program not in force is not compiled: nothing is read, the file's values are shown.
    rules = RuleSet([program], date)
    read, others = _parameters(program, rules)
    return page(
        request,
        "program.html",
        section="programs",
        program=program,
        as_of=date,
        in_force=program.in_force(date),
        unavailable=rules.unavailable.get(program.id),
        read=read,
        others=others,
        countries=COUNTRIES,
        kinds=KINDS,
        sectors=SECTORS,
        units=UNITS,
    )
