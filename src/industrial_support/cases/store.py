"""The case store: every change is one database transaction — the case's new state, its
log entry and its obligations are written together or not at all."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ..engine.errors import IsupportError
from ..engine.facts import catalog
from ..engine.money import CURRENCY_DIGITS, Money
from ..engine.program import all_programs
from ..report import plain
from .db import connect
from .documents import completeness_problem
from .models import Call, Case, Obligation, RegisterEntry, Transition
from .procedure import FromData, ProcedureError, StepContext, get_procedure


class ConflictError(IsupportError):
    """Someone else changed the case first; read it again and retry."""


class NotFoundError(IsupportError):
    pass


def to_minor(money: Money) -> int:
    scaled = money.amount.scaleb(CURRENCY_DIGITS[money.currency])
    if scaled != scaled.to_integral_value():
        raise IsupportError(f"amount: {money} has more decimals than {money.currency} allows")
    return int(scaled)


def from_minor(minor: int | None, currency: str | None) -> Money | None:
    if minor is None or currency is None:
        return None
    return Money(Decimal(minor).scaleb(-CURRENCY_DIGITS[currency]), currency)


def _fault(point: str) -> None:
    """Crash-test hook: die without cleanup at a named point (tests only set it)."""
    if os.environ.get("ISUPPORT_FAULT") == point:
        os._exit(86)


@dataclass(frozen=True)
class CaseView:
    id: int
    procedure: str
    call_id: int | None
    arrival_number: int | None
    enterprise_id: str
    subject: str | None
    state: str
    facts: dict[str, Any]
    amount: Money | None
    submitted_at: dt.datetime
    version: int


@dataclass(frozen=True)
class DueItem:
    case_id: int
    procedure: str
    enterprise_id: str
    kind: str
    party: str
    due_on: dt.date
    rule: str
    basis: str
    overdue: bool


def _view(case: Case) -> CaseView:
    return CaseView(
        case.id,
        case.procedure,
        case.call_id,
        case.arrival_number,
        case.enterprise_id,
        case.subject,
        case.state,
        dict(case.facts),
        from_minor(case.amount_minor, case.currency),
        case.submitted_at,
        case.version,
    )


class Effects:
    """What a step's effect may do, inside the step's transaction."""

    def __init__(self, session: Session, case: Case, context: StepContext) -> None:
        self.session = session
        self.case = case
        self.context = context
        self.data: dict[str, Any] = {}
        self.amount_minor: int | None = case.amount_minor
        self.currency: str | None = case.currency

    def set_amount(self, money: Money) -> None:
        self.amount_minor = to_minor(money)
        self.currency = money.currency

    def commit_budget(self, minor: int) -> None:
        """Take ``minor`` from the call's budget, or refuse if it would be over-committed.

        One conditional UPDATE: concurrent decisions cannot both pass the check."""
        if self.case.call_id is None:
            raise ProcedureError("budget: this case answers no call")
        result = self.session.execute(
            update(Call)
            .where(
                Call.id == self.case.call_id,
                Call.committed_minor + minor <= Call.budget_limit_minor,
            )
            .values(committed_minor=Call.committed_minor + minor)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise ProcedureError(
                "budget: the call's remaining limit is smaller than the amount; "
                "refuse for budget shortage instead"
            )
        self.amount_minor = minor
        self.data["committed"] = minor

    def register_include(self, register: str, on: dt.date) -> None:
        self.session.add(
            RegisterEntry(
                register=register,
                enterprise_id=self.case.enterprise_id,
                product=self.case.subject or "",
                included_on=on,
                case_id=self.case.id,
            )
        )

    def register_remove(self, register: str, on: dt.date, reason: str) -> None:
        entry = self.session.scalars(
            select(RegisterEntry).where(
                RegisterEntry.register == register,
                RegisterEntry.case_id == self.case.id,
                RegisterEntry.removed_on.is_(None),
            )
        ).one_or_none()
        if entry is None:
            raise ProcedureError("register: the enterprise has no open entry to remove")
        entry.removed_on = on
        entry.removal_reason = reason


class CaseStore:
    # Steps wait for the documents the law requires before them (cases/documents.py); the
    # web application turns this on, bare stores (procedure tests) leave it off.
    require_documents = False

    def __init__(self, url: str | None = None, engine: Engine | None = None) -> None:
        self.engine = engine or connect(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    # --- calls ---------------------------------------------------------------------------
    def open_call(
        self,
        procedure_id: str,
        *,
        title: str,
        published_on: dt.date,
        closes_on: dt.date,
        budget_limit: Money,
        budget_year: int,
    ) -> int:
        procedure = get_procedure(procedure_id)
        if not procedure.uses_calls:
            raise ProcedureError(f"procedure: {procedure_id} takes applications without calls")
        if closes_on < published_on:
            raise ProcedureError("closes_on: expected a day on or after published_on")
        if procedure.call_check and (problem := procedure.call_check(published_on, closes_on)):
            raise ProcedureError(f"closes_on: {problem}")
        if budget_limit.amount < 0:
            raise ProcedureError("budget_limit: expected 0 or more")
        with self.sessions.begin() as session:
            call = Call(
                procedure=procedure_id,
                title=title,
                published_on=published_on,
                closes_on=closes_on,
                budget_year=budget_year,
                currency=budget_limit.currency,
                budget_limit_minor=to_minor(budget_limit),
                committed_minor=0,
                last_arrival_number=0,
                created_at=dt.datetime.now(dt.UTC),
            )
            session.add(call)
            session.flush()
            return call.id

    def call(self, call_id: int) -> Call:
        with self.sessions() as session:
            call = session.get(Call, call_id)
            if call is None:
                raise NotFoundError(f"call: no call {call_id}")
            return call

    def calls(self) -> list[Call]:
        """Every call, newest first."""
        with self.sessions() as session:
            query = select(Call).order_by(Call.published_on.desc(), Call.id.desc())
            return list(session.scalars(query))

    # --- applications --------------------------------------------------------------------
    def submit(
        self,
        *,
        enterprise_id: str,
        facts: Mapping[str, Any],
        actor: str,
        submitted_at: dt.datetime,
        call_id: int | None = None,
        procedure_id: str | None = None,
        amount: Money | None = None,
        subject: str | None = None,
        idempotency_key: str | None = None,
    ) -> CaseView:
        """Store an application. With a call it gets the next arrival number; a retry with
        the same idempotency key returns the first application instead of a second one."""
        if call_id is not None:
            procedure = get_procedure(self.call(call_id).procedure)
        elif procedure_id is not None:
            procedure = get_procedure(procedure_id)
            if procedure.uses_calls:
                raise ProcedureError(f"call_id: {procedure.id} applications answer a call")
        else:
            raise ProcedureError("call_id: give the call (or the procedure) the application is for")
        if not enterprise_id.strip():
            raise ProcedureError("enterprise_id: expected a non-empty identifier")
        all_programs()  # fills the fact catalogs
        stored_facts = plain(catalog(procedure.jurisdiction).validate(facts))
        if idempotency_key is not None and (existing := self._by_key(idempotency_key)) is not None:
            return existing
        try:
            with self.sessions.begin() as session:
                number = None
                if call_id is not None:
                    number = session.execute(
                        update(Call)
                        .where(Call.id == call_id)
                        .values(last_arrival_number=Call.last_arrival_number + 1)
                        .returning(Call.last_arrival_number)
                    ).scalar_one()
                case = Case(
                    procedure=procedure.id,
                    call_id=call_id,
                    arrival_number=number,
                    enterprise_id=enterprise_id,
                    subject=subject,
                    state=procedure.initial,
                    facts=stored_facts,
                    currency=amount.currency if amount else None,
                    amount_minor=to_minor(amount) if amount else None,
                    idempotency_key=idempotency_key,
                    submitted_at=submitted_at,
                    version=1,
                )
                session.add(case)
                session.flush()
                log = self._log(
                    session,
                    case,
                    "submit",
                    None,
                    procedure.initial,
                    actor,
                    "applicant",
                    submitted_at.date(),
                    procedure.submit_basis,
                    None,
                    None,
                    None,
                )
                context = self._context(session, case, submitted_at.date(), {})
                self._open(session, case, log, procedure.submit_opens, context)
                return _view(case)
        except IntegrityError:
            if (
                idempotency_key is not None
                and (existing := self._by_key(idempotency_key)) is not None
            ):
                return existing  # a concurrent retry stored it first; its number stands
            raise

    def _by_key(self, key: str) -> CaseView | None:
        with self.sessions() as session:
            case = session.scalars(select(Case).where(Case.idempotency_key == key)).one_or_none()
            return _view(case) if case else None

    # --- steps ---------------------------------------------------------------------------
    def act(
        self,
        case_id: int,
        action: str,
        *,
        actor: str,
        role: str,
        on: dt.date,
        reason: str | None = None,
        note: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> CaseView:
        """Take one step of the case's procedure, atomically."""
        with self.sessions.begin() as session:
            case = session.get(Case, case_id)
            if case is None:
                raise NotFoundError(f"case: no case {case_id}")
            procedure = get_procedure(case.procedure)
            step = procedure.step(action)
            procedure.check(step, case.state, role, reason)
            context = self._context(session, case, on, dict(data or {}), reason)
            if step.guard is not None and (problem := step.guard(context)) is not None:
                raise ProcedureError(f"{action}: {problem}")
            if self.require_documents and (
                missing := completeness_problem(session, case.id, case.procedure, action)
            ):
                raise ProcedureError(f"{action}: {missing}")
            effects = Effects(session, case, context)
            if step.effect is not None:
                try:
                    step.effect(effects)
                except ValueError as error:
                    raise ProcedureError(f"{action}: {error}") from None
            new_state = step.target_from(case.state)
            changed = session.execute(
                update(Case)
                .where(Case.id == case.id, Case.version == case.version)
                .values(
                    state=new_state,
                    version=case.version + 1,
                    amount_minor=effects.amount_minor,
                    currency=effects.currency,
                )
                .execution_options(synchronize_session=False)
            )
            if changed.rowcount != 1:  # type: ignore[attr-defined]
                raise ConflictError(f"case {case_id}: changed by someone else; read it again")
            log = self._log(
                session,
                case,
                action,
                case.state,
                new_state,
                actor,
                role,
                on,
                step.basis,
                reason,
                note,
                {**plain(dict(data or {})), **effects.data} or None,
            )
            _fault("after_log")
            if step.closes:
                session.execute(
                    update(Obligation)
                    .where(
                        Obligation.case_id == case.id,
                        Obligation.kind.in_(step.closes),
                        Obligation.closed_by.is_(None),
                    )
                    .values(closed_by=log.id)
                    .execution_options(synchronize_session=False)
                )
            self._open(session, case, log, step.opens, context)
            _fault("before_commit")
        return self.get(case_id)

    def _context(
        self,
        session: Session,
        case: Case,
        on: dt.date,
        data: dict[str, Any],
        reason: str | None = None,
    ) -> StepContext:
        call = session.get(Call, case.call_id) if case.call_id else None
        open_obligations = (
            {
                o.kind: o.due_on
                for o in session.scalars(
                    select(Obligation).where(
                        Obligation.case_id == case.id, Obligation.closed_by.is_(None)
                    )
                )
            }
            if case.id
            else {}
        )
        return StepContext(
            state=case.state,
            facts=dict(case.facts),
            event_date=on,
            data=data,
            reason=reason,
            call_closes_on=call.closes_on if call else None,
            submitted_on=case.submitted_at.date(),
            amount_minor=case.amount_minor,
            currency=case.currency,
            open_obligations=open_obligations,
        )

    def _log(
        self,
        session: Session,
        case: Case,
        action: str,
        source: str | None,
        target: str,
        actor: str,
        role: str,
        on: dt.date,
        basis: str,
        reason: str | None,
        note: str | None,
        data: Any,
    ) -> Transition:
        entry = Transition(
            case_id=case.id,
            action=action,
            from_state=source,
            to_state=target,
            actor=actor,
            role=role,
            event_date=on,
            recorded_at=dt.datetime.now(dt.UTC),
            basis=basis,
            reason_code=reason,
            note=note,
            data=data,
        )
        session.add(entry)
        session.flush()
        return entry

    def _open(
        self, session: Session, case: Case, log: Transition, opens: Any, context: StepContext
    ) -> None:
        for spec in opens:
            if isinstance(spec.rule, FromData):
                raw = context.data.get(spec.rule.key)
                try:
                    due = dt.date.fromisoformat(str(raw))
                except ValueError:
                    raise ProcedureError(
                        f"{spec.rule.key}: expected the date {spec.rule.what} as YYYY-MM-DD"
                    ) from None
            else:
                due = spec.rule.due(spec.counted_from(context))
            session.add(
                Obligation(
                    case_id=case.id,
                    kind=spec.kind,
                    party=spec.party,
                    due_on=due,
                    rule=spec.rule.describe()[:200],
                    basis=str(spec.rule.citation),
                    opened_by=log.id,
                )
            )

    # --- queries -------------------------------------------------------------------------
    def get(self, case_id: int) -> CaseView:
        with self.sessions() as session:
            case = session.get(Case, case_id)
            if case is None:
                raise NotFoundError(f"case: no case {case_id}")
            return _view(case)

    def cases(self, call_id: int | None = None) -> list[CaseView]:
        with self.sessions() as session:
            query = select(Case).order_by(Case.call_id, Case.arrival_number, Case.id)
            if call_id is not None:
                query = query.where(Case.call_id == call_id)
            return [_view(case) for case in session.scalars(query)]

    def log(self, case_id: int) -> list[Transition]:
        with self.sessions() as session:
            return list(
                session.scalars(
                    select(Transition).where(Transition.case_id == case_id).order_by(Transition.id)
                )
            )

    def due(self, as_of: dt.date, party: str | None = None) -> list[DueItem]:
        """Every open obligation across all cases, overdue ones marked, earliest first."""
        with self.sessions() as session:
            query = (
                select(Obligation, Case)
                .join(Case, Case.id == Obligation.case_id)
                .where(Obligation.closed_by.is_(None))
                .order_by(Obligation.due_on, Obligation.case_id, Obligation.id)
            )
            if party is not None:
                query = query.where(Obligation.party == party)
            return [
                DueItem(
                    o.case_id,
                    c.procedure,
                    c.enterprise_id,
                    o.kind,
                    o.party,
                    o.due_on,
                    o.rule,
                    o.basis,
                    o.due_on < as_of,
                )
                for o, c in session.execute(query)
            ]

    def committed(self, call_id: int) -> Money:
        call = self.call(call_id)
        money = from_minor(call.committed_minor, call.currency)
        assert money is not None
        return money

    def registered(self, register: str, enterprise_id: str, product: str, on: dt.date) -> bool:
        """Was the enterprise in the register for the product on that day?"""
        with self.sessions() as session:
            count = session.scalar(
                select(func.count())
                .select_from(RegisterEntry)
                .where(
                    RegisterEntry.register == register,
                    RegisterEntry.enterprise_id == enterprise_id,
                    RegisterEntry.product == product,
                    RegisterEntry.included_on <= on,
                    (RegisterEntry.removed_on.is_(None)) | (RegisterEntry.removed_on > on),
                )
            )
            return bool(count)
