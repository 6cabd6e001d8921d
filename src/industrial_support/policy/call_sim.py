"""``isupport call-sim``: what a Decree 1176 call would fund with a given budget.

Not a second implementation of the procedure: every applicant of the register goes, in order
of arrival, through the case store's own steps and guards (cases/procedures/ru_pp1176.py) in
a throwaway SQLite store — submit, register (003 §9(a)), admit (§9(b)-(c), whose guard
screens §4 and §7), sign, request (§11, which sets C), then approve, whose effect commits the
call's limit (§12(c)); where the store refuses that commitment for lack of limit, the case
is deferred (§13(b)). What the store decides is the simulation's result.

Reading: §13(b) defers an application the remaining limit cannot cover; the store checks
each application by itself, so a later, smaller one may still be funded after a deferral
(alternative: strict arrival order, everyone after the first deferral deferred).
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl

from ..batch.validate import ENTERPRISE, JURISDICTION, split_valid
from ..engine.errors import IsupportError
from ..engine.facts import catalog
from ..engine.money import Money
from ..engine.program import all_programs

PROCEDURE = "ru.pp1176"
CURRENCY = "RUB"
CURVE_FACTORS = (
    Decimal("0.25"),
    Decimal("0.5"),
    Decimal("0.75"),
    Decimal(1),
    Decimal("1.5"),
    Decimal(2),
)


@dataclass(frozen=True)
class Applicant:
    enterprise_id: str
    submitted_at: dt.datetime
    facts: Mapping[str, Any]


@dataclass
class CallResult:
    budget: Money
    funded: list[tuple[str, Money]] = field(default_factory=list)  # in arrival order
    deferred: list[tuple[str, Money]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (enterprise, why)
    order: list[str] = field(default_factory=list)

    @property
    def committed(self) -> Money:
        return Money(sum((m.amount for _, m in self.funded), Decimal(0)), self.budget.currency)

    @property
    def cut_off(self) -> str | None:
        """The first applicant, in arrival order, the limit did not cover."""
        return self.deferred[0][0] if self.deferred else None


def parse_budget(text: str) -> Money:
    parts = text.split()
    if len(parts) != 2 or parts[1] != CURRENCY:
        raise IsupportError(
            f"budget: expected an amount and {CURRENCY}, e.g. '3e9 RUB', got {text!r}"
        )
    try:
        amount = Decimal(parts[0])
    except ArithmeticError:
        raise IsupportError(f"budget: {parts[0]!r} is not a number") from None
    if not amount.is_finite() or amount < 0:
        raise IsupportError(f"budget: expected 0 or more, got {parts[0]!r}")
    return Money(amount, CURRENCY)


def load_applicants(
    register: Path, arrivals: Path | None, seed: int | None, start: dt.date
) -> list[Applicant]:
    """The register's RU rows, typed as the batch validates them, in order of arrival:
    from a file of ``enterprise_id,submitted_at`` (ISO date-time) or drawn with a seed
    (arrivals spread over the 30 days from ``start``). Ties go by enterprise id."""
    all_programs()
    if not register.exists():
        raise IsupportError(f"register: no such file {register}")
    raw = (
        pl.read_csv(register, infer_schema=False)
        if register.suffix.lower() == ".csv"
        else pl.read_parquet(register)
    )
    for required in (ENTERPRISE, JURISDICTION):
        if required not in raw.columns:
            raise IsupportError(f"register: column {required!r} is missing")
    rows = raw.filter(pl.col(JURISDICTION).cast(pl.String) == "RU")
    specs = tuple(s for s in catalog("RU").specs() if s.name in rows.columns)
    checked, rejected = split_valid(rows.select(ENTERPRISE, *(s.name for s in specs)), specs, "RU")
    valid, rejects = checked.lazy().collect(), rejected.lazy().collect()
    if rejects.height:
        first = rejects.row(0, named=True)
        raise IsupportError(
            f"register: {rejects.height} rows are not valid, e.g. {first[ENTERPRISE]}: {first['reason']}"
        )
    facts = {
        row[ENTERPRISE]: {k: v for k, v in row.items() if k != ENTERPRISE and v is not None}
        for row in valid.iter_rows(named=True)
    }
    times = _arrivals(list(facts), arrivals, seed, start)
    order = sorted(times, key=lambda e: (times[e], e))
    return [Applicant(e, times[e], facts[e]) for e in order]


def _arrivals(
    ids: list[str], path: Path | None, seed: int | None, start: dt.date
) -> dict[str, dt.datetime]:
    if (path is None) == (seed is None):
        raise IsupportError("arrivals: give either --arrivals FILE or --seed N")
    if path is None:
        rng = random.Random(seed)
        begin = dt.datetime.combine(start, dt.time(9), dt.UTC)
        return {e: begin + dt.timedelta(minutes=rng.randrange(30 * 24 * 60)) for e in ids}
    table = pl.read_csv(path, infer_schema=False)
    if set(table.columns) < {ENTERPRISE, "submitted_at"}:
        raise IsupportError("arrivals: expected columns enterprise_id, submitted_at")
    times: dict[str, dt.datetime] = {}
    problems = []
    for enterprise, stamp in table.select(ENTERPRISE, "submitted_at").iter_rows():
        try:
            moment = dt.datetime.fromisoformat(stamp)
        except (TypeError, ValueError):
            problems.append(f"{enterprise}: submitted_at {stamp!r} is not an ISO date-time")
            continue
        times[enterprise] = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    missing = [e for e in ids if e not in times]
    if missing:
        problems.append(f"no arrival time for {', '.join(missing)}")
    if problems:
        raise IsupportError("arrivals: " + "; ".join(problems))
    return {e: times[e] for e in ids}


def simulate(applicants: Sequence[Applicant], budget: Money) -> CallResult:
    """One call through the case store's steps (see the module docstring)."""
    from ..cases.procedure import ProcedureError, get_procedure
    from ..cases.store import CaseStore
    from ..programs.ru import pp1176

    result = CallResult(budget)
    if not applicants:
        return result
    first = min(a.submitted_at for a in applicants).date()
    last = max(a.submitted_at for a in applicants).date()
    closes = max(last, pp1176.SCHEDULE["application_window"].rule.due(first))
    with tempfile.TemporaryDirectory(prefix="isupport-call-sim-") as folder:
        # The store dates every step by its clock: the simulation moves that clock to each
        # applicant's arrival, as the server's would read then.
        moment = [dt.datetime.combine(first, dt.time(9), tzinfo=dt.UTC)]
        store = CaseStore(f"sqlite:///{Path(folder) / 'call.db'}", clock=lambda: moment[0])
        call = store.open_call(
            PROCEDURE,
            title="simulated call",
            published_on=first,
            closes_on=closes,
            budget_limit=budget,
            budget_year=first.year,
        )
        for applicant in applicants:
            result.order.append(applicant.enterprise_id)
            moment[0] = applicant.submitted_at
            case = store.submit(
                enterprise_id=applicant.enterprise_id,
                facts=applicant.facts,
                actor=applicant.enterprise_id,
                call_id=call,
            )
            on = applicant.submitted_at.date()

            def step(action: str, party: str, case_id: int = case.id, **extra: Any) -> Any:
                # the parties the procedure names; a four-eyes step is prepared and confirmed
                # by two officials of the same body, as the case store requires
                view = store.act(case_id, action, actor=f"sim-{party}", party=party, **extra)
                if get_procedure(PROCEDURE).step(action).four_eyes:
                    extra.pop("data", None)
                    extra.pop("reason", None)
                    view = store.act(case_id, action, actor=f"sim-{party}-2", party=party, **extra)
                return view

            try:
                step("register", "ministry")
                step("admit", "ministry")
                step("sign", "applicant")
                view = step("request_subsidy", "applicant", data={"project_last_year": on.year})
            except ProcedureError as error:
                result.refused.append((applicant.enterprise_id, str(error)))
                continue
            try:
                view = step("approve", "ministry")
                result.funded.append((applicant.enterprise_id, view.amount))
            except ProcedureError:
                view = step(
                    "defer_budget",
                    "ministry",
                    reason="budget_shortage",
                    data={"confirmed_shortage": True},
                )
                result.deferred.append((applicant.enterprise_id, view.amount))
        store.engine.dispose()
    return result


def sensitivity(applicants: Sequence[Applicant], budget: Money) -> list[CallResult]:
    """The same call with budgets of 25% to 200% of ``budget``: where the cut-off falls."""
    return [
        simulate(applicants, Money(budget.amount * factor, budget.currency))
        for factor in CURVE_FACTORS
    ]
