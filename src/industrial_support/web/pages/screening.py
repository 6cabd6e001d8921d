"""Guided screening: the page asks only for the facts that still decide some program.

Each round evaluates every program of the country with the facts given so far
(``RuleSet.explain``, the engine's one evaluation path) and asks for the union of the
missing facts of the programs still undetermined, most decisive first; answers already
given stay editable. With htmx each change re-evaluates through ``POST /screen/answers``
(a partial); without JavaScript the same form posts to ``POST /screen``.

Screening changes nothing on the server, so its POSTs need no CSRF token.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from ...accounts.service import EnterpriseView
from ...engine.calendars import JURISDICTIONS
from ...engine.errors import FactError, IsupportError
from ...engine.evaluate import ProgramResult, RuleSet
from ...engine.facts import FactCatalog, FactSpec, catalog
from ...engine.money import CURRENCY_DIGITS, Money, normalise
from ...engine.outcomes import Outcome, Status
from ...engine.parameters import Resolved
from ...engine.program import KINDS, Program, all_programs
from ..context import Caller, CallerDep, ForbiddenError, Services, ServicesDep
from ..i18n import N_
from .catalogue import COUNTRIES, UNITS, choice, parse_date
from .common import page

router = APIRouter(include_in_schema=False)

PREFIX = "fact_"  # form fields are named fact_<name>
STATUS_ORDER = (Status.ELIGIBLE, Status.NEEDS_REVIEW, Status.UNDETERMINED, Status.INELIGIBLE)
SHARED_GROUP = N_("Asked by several programs")
AMOUNTS_GROUP = N_("For the amounts")


@dataclass(frozen=True)
class Question:
    spec: FactSpec
    programs: tuple[Program, ...]  # the programs whose answer (or amount) it decides


@dataclass(frozen=True)
class Group:
    title: str  # a message to translate, or empty when ``program`` names the group
    program: Program | None
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Answer:
    spec: FactSpec
    raw: str
    error: str | None = None


@dataclass
class Screening:
    country: str
    as_of: dt.date
    answers: list[Answer]
    groups: list[Group]
    results: list[ProgramResult]
    not_in_force: list[Program]
    unavailable: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)  # field → message

    @property
    def asked(self) -> int:
        return sum(len(group.questions) for group in self.groups)

    def count(self, status: Status) -> int:
        return sum(result.status is status for result in self.results)


# --- Form values ↔ typed facts --------------------------------------------------------------
def raw_of(spec: FactSpec, value: Any) -> str:
    """A typed fact as the text its form field holds."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if spec.kind in ("money", "decimal"):
        return normalise(value)
    return str(value)


def _typed(spec: FactSpec, raw: str) -> Any:
    if spec.kind == "boolean":
        if raw not in ("true", "false"):
            raise FactError(spec.name, f"expected yes (true) or no (false), got {raw!r}")
        return raw == "true"
    return spec.parse(raw)


def read_form(
    facts: FactCatalog, form: Mapping[str, str]
) -> tuple[dict[str, Any], list[Answer], dict[str, str]]:
    """Valid facts, every answer given (valid or not, in catalog order) and the errors."""
    given = {
        key[len(PREFIX) :]: value.strip()
        for key, value in form.items()
        if key.startswith(PREFIX) and value.strip()
    }
    errors = {name: f"not a known {facts.jurisdiction} fact" for name in given if name not in facts}
    valid: dict[str, Any] = {}
    answers = []
    for spec in facts:
        if spec.name not in given:
            continue
        try:
            valid[spec.name] = _typed(spec, given[spec.name])
        except FactError as error:
            errors[spec.name] = error.problem
        answers.append(Answer(spec, given[spec.name], errors.get(spec.name)))
    return valid, answers, errors


# --- Which facts to ask -------------------------------------------------------------------------
def ask(results: list[ProgramResult], facts: FactCatalog, answered: set[str]) -> list[Group]:
    """The facts that still decide an undetermined program — those deciding several programs
    first, by how many, then per program (closest to a decision first) — and last the facts
    the amounts of eligible (or reviewable) programs still need."""
    order = {spec.name: index for index, spec in enumerate(facts)}
    deciding: dict[str, list[Program]] = defaultdict(list)
    for result in results:
        if result.status is Status.UNDETERMINED:
            for name in result.missing_facts:
                if name not in answered:
                    deciding[name].append(result.program)
    amounts: dict[str, list[Program]] = defaultdict(list)
    for result in results:
        if result.status not in (Status.ELIGIBLE, Status.NEEDS_REVIEW):
            continue  # an amount matters once the program is (or may be) granted
        for value in result.values:
            if value.result is None:
                for name, known in value.facts.items():
                    missing = known is None and name not in answered and name not in deciding
                    if missing and result.program not in amounts[name]:
                        amounts[name].append(result.program)

    def question(name: str, programs: list[Program]) -> Question:
        return Question(facts[name], tuple(programs))

    shared = sorted(
        (name for name, programs in deciding.items() if len(programs) > 1),
        key=lambda name: (-len(deciding[name]), order[name]),
    )
    groups = []
    if shared:
        groups.append(Group(SHARED_GROUP, None, tuple(question(n, deciding[n]) for n in shared)))
    single: dict[Program, list[str]] = defaultdict(list)
    for name in sorted(deciding, key=order.__getitem__):
        if len(deciding[name]) == 1:
            single[deciding[name][0]].append(name)
    for program, names in sorted(single.items(), key=lambda item: (len(item[1]), item[0].id)):
        groups.append(Group("", program, tuple(question(n, [program]) for n in names)))
    if amounts:
        names = sorted(amounts, key=order.__getitem__)
        groups.append(Group(AMOUNTS_GROUP, None, tuple(question(n, amounts[n]) for n in names)))
    return groups


def screen(country: str, as_of: dt.date, form: Mapping[str, str]) -> Screening:
    programs = [p for p in all_programs() if p.jurisdiction == country]
    facts = catalog(country)
    valid, answers, errors = read_form(facts, form)
    rules = RuleSet(programs, as_of)
    results = rules.explain(valid)
    # Decided programs first; among the undetermined, those closest to a decision.
    results.sort(key=lambda r: (STATUS_ORDER.index(r.status), len(r.missing_facts), r.program.id))
    groups = ask(results, facts, {answer.spec.name for answer in answers})
    return Screening(
        country, as_of, answers, groups, results, rules.not_in_force, rules.unavailable, errors
    )


# --- What the templates need -------------------------------------------------------------------
def shown(spec: FactSpec, value: Any) -> Any:
    """A fact's value for display: money with its currency."""
    if spec.kind == "money" and value is not None:
        return Money(value, spec.currency or "")
    return value


def used_parameters(result: ProgramResult) -> list[Resolved]:
    """Every parameter value the result read, once each, by name."""
    found: dict[str, Resolved] = {}
    read = [p for c in result.criteria for p in c.parameters]
    for resolved in read + [p for v in result.values for p in v.parameters]:
        found.setdefault(resolved.name, resolved)
    return sorted(found.values(), key=lambda resolved: resolved.name)


def step(spec: FactSpec) -> str:
    """The ``step`` of a number field: the currency's minor unit, 1, or any."""
    if spec.kind == "money":
        return str(Decimal(1).scaleb(-CURRENCY_DIGITS[spec.currency or ""]))
    return "1" if spec.kind == "integer" else "any"


def _context(result: Screening | None, **extra: Any) -> dict[str, Any]:
    return {
        "screening": result,
        "countries": COUNTRIES,
        "kinds": KINDS,
        "Outcome": Outcome,
        "Status": Status,
        "STATUS_ORDER": STATUS_ORDER,
        "shown": shown,
        "used_parameters": used_parameters,
        "step": step,
        "raw_of": raw_of,
        "currencies": sorted(CURRENCY_DIGITS),
        "units": UNITS,
        "screening_specs": catalog(result.country) if result else None,
        **extra,
    }


def _enterprise(who: Caller, stores: Services) -> EnterpriseView:
    principal = who.require()
    found = stores.accounts.enterprise(principal.enterprise_id) if principal.enterprise_id else None
    if found is None:
        raise ForbiddenError("start: only an applicant's account has an enterprise's facts")
    return found


@router.get("/screen", response_class=HTMLResponse)
def screen_page(
    request: Request,
    stores: ServicesDep,
    who: CallerDep,
    country: str = "",
    as_of: str = "",
    start: str = "",
) -> Response:
    date = parse_date(as_of, "as_of", stores.today())
    enterprise = None
    form: dict[str, str] = {}
    if choice(start, "start", ("enterprise",)):
        enterprise = _enterprise(who, stores)
        country = enterprise.jurisdiction
        facts = catalog(country)
        typed = facts.validate(enterprise.facts)
        form = {PREFIX + name: raw_of(facts[name], value) for name, value in typed.items()}
    country = choice(country.upper(), "country", JURISDICTIONS)
    result = screen(country, date, form) if country else None
    return page(request, "screen.html", section="screen", **_context(result, enterprise=enterprise))


async def _posted(request: Request, stores: Services) -> tuple[Screening, int]:
    form = {key: value for key, value in (await request.form()).items() if isinstance(value, str)}
    country = choice(form.get("country", "").upper(), "country", JURISDICTIONS)
    if not country:
        raise IsupportError("country: expected one of JP, RU, KZ")
    as_of_error = None
    try:
        date = parse_date(form.get("as_of"), "as_of", stores.today())
    except IsupportError as error:
        as_of_error, date = str(error), stores.today()
    # the evaluation is CPU work: keep it off the event loop
    result = await run_in_threadpool(screen, country, date, form)
    if as_of_error:
        result.errors["as_of"] = as_of_error
    return result, 422 if result.errors else 200


@router.post("/screen", response_class=HTMLResponse)
async def screen_post(request: Request, stores: ServicesDep) -> Response:
    result, status = await _posted(request, stores)
    return page(request, "screen.html", status_code=status, section="screen", **_context(result))


@router.post("/screen/answers", response_class=HTMLResponse)
async def screen_answers(request: Request, stores: ServicesDep) -> Response:
    """The questions and results only, for htmx to swap in place."""
    result, status = await _posted(request, stores)
    return page(request, "_screen_body.html", status_code=status, **_context(result))
