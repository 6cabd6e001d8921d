"""The case store: every change is one database transaction — the case's new state, its
log entry and its obligations are written together or not at all. The store's clock dates
every step; only an official's explicit late recording states an earlier day."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Mapping
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
from ..engine.rules_hash import program_rules_hash
from ..report import plain
from .db import connect
from .documents import completeness_problem
from .ledger import Problem, seal, verify
from .models import Call, Case, Obligation, RegisterEntry, Transition
from .procedure import (
    FromData,
    PartyError,
    Procedure,
    ProcedureError,
    Step,
    StepContext,
    StepInputError,
    get_procedure,
)

Clock = Callable[[], dt.datetime]  # an aware "now"


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ConflictError(IsupportError):
    """Someone else changed the case first; read it again and retry."""


class NotFoundError(IsupportError):
    pass


class IdempotencyConflict(ConflictError):
    """The key was used before for a different request."""

    def __init__(self, key: str, case_id: int) -> None:
        super().__init__(
            f"Idempotency-Key: {key!r} was already used for a different request (case {case_id})"
        )
        self.key = key
        self.case_id = case_id


class DuplicateApplication(ConflictError):
    """The enterprise already applied to this call and the procedure takes one application."""


@dataclass(frozen=True)
class LateRecording:
    """An official records a step that happened earlier (e.g. signed on paper): the day it
    took effect and why it is recorded only now."""

    effective_on: dt.date
    reason: str


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

    def __init__(
        self,
        url: str | None = None,
        engine: Engine | None = None,
        *,
        clock: Clock = system_clock,
        owner_url: str | None = None,
    ) -> None:
        self.engine = engine or connect(url, owner_url=owner_url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.clock = clock

    def today(self) -> dt.date:
        return self.clock().date()

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
                created_at=self.clock(),
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
        call_id: int | None = None,
        procedure_id: str | None = None,
        amount: Money | None = None,
        subject: str | None = None,
        idempotency_key: str | None = None,
    ) -> CaseView:
        """Store an application, dated by the store's clock inside the numbering transaction
        (so arrival numbers and times agree). With a call it gets the next arrival number; a
        retry with the same idempotency key and request returns the first application, the
        same key with another request is refused, and so is a second application of the
        enterprise to the call unless the procedure takes repeats."""
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
        request_hash = _request_hash(
            procedure.id, call_id, enterprise_id, stored_facts, subject, amount
        )
        if idempotency_key is not None and (
            existing := self._by_key(idempotency_key, request_hash)
        ):
            return existing
        try:
            with self.sessions.begin() as session:
                number = None
                if call_id is not None:
                    # the call row is locked from here to the commit: arrivals queue
                    number = session.execute(
                        update(Call)
                        .where(Call.id == call_id)
                        .values(last_arrival_number=Call.last_arrival_number + 1)
                        .returning(Call.last_arrival_number)
                    ).scalar_one()
                    if idempotency_key is not None:
                        _answer_retry(session, idempotency_key, request_hash)
                    if not procedure.repeat_applications:
                        _refuse_second_application(session, call_id, enterprise_id)
                # inside the lock: number order = time order
                submitted_at = self.clock().astimezone(dt.UTC)
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
                    request_hash=request_hash,
                    submitted_at=submitted_at,
                    version=1,
                )
                session.add(case)
                session.flush()
                log = self._log(
                    session,
                    case,
                    action="submit",
                    source=None,
                    target=procedure.initial,
                    actor=actor,
                    party="applicant",
                    on=submitted_at.date(),
                    basis=procedure.submit_basis,
                    recorded_at=submitted_at,
                )
                context = self._context(session, case, submitted_at.date(), {})
                self._open(session, case, log, procedure.submit_opens, context)
                return _view(case)
        except _Retry as retry:  # the number taken above is rolled back with the rest
            return retry.case
        except IntegrityError:
            if (
                idempotency_key is not None
                and (existing := self._by_key(idempotency_key, request_hash)) is not None
            ):
                return existing  # a concurrent retry stored it first; its number stands
            raise

    def _by_key(self, key: str, request_hash: str) -> CaseView | None:
        with self.sessions() as session:
            case = session.scalars(select(Case).where(Case.idempotency_key == key)).one_or_none()
            if case is None:
                return None
            if case.request_hash != request_hash:
                raise IdempotencyConflict(key, case.id)
            return _view(case)

    # --- steps ---------------------------------------------------------------------------
    def act(
        self,
        case_id: int,
        action: str,
        *,
        actor: str,
        party: str,
        reason: str | None = None,
        note: str | None = None,
        data: Mapping[str, Any] | None = None,
        late: LateRecording | None = None,
    ) -> CaseView:
        """Take one step of the case's procedure, atomically, dated by the store's clock
        (or, for an official's late recording, by the day it states). A four-eyes step is
        first prepared, then takes effect when a second official of the same party confirms
        it by taking the same step."""
        now = self.clock()
        with self.sessions.begin() as session:
            case = session.get(Case, case_id)
            if case is None:
                raise NotFoundError(f"case: no case {case_id}")
            procedure = get_procedure(case.procedure)
            step = procedure.step(action)
            procedure.check(step, case.state, party, reason)
            last = self._last_entry(session, case.id)
            on = self._effective_on(procedure, step, case, last, now.date(), late)
            prepared = _pending(step, case, last)
            if prepared is not None:
                if prepared.actor == actor:
                    raise PartyError(
                        f"four eyes: {actor} prepared {action!r}; another official of "
                        f"{procedure.party_label(step.party)} must confirm it"
                    )
                if (data and dict(data) != (prepared.data or {})) or (
                    reason is not None and reason != prepared.reason_code
                ):
                    raise ProcedureError(
                        f"{action}: confirm the step as {prepared.actor} prepared it "
                        f"(reason {prepared.reason_code!r}, data {prepared.data or {}})"
                    )
                data, reason = prepared.data, prepared.reason_code
                note = note or prepared.note
            context = self._context(session, case, on, dict(data or {}), reason)
            if step.guard is not None and (problem := step.guard(context)) is not None:
                raise ProcedureError(f"{action}: {problem}")
            if self.require_documents and (
                missing := completeness_problem(session, case.id, case.procedure, action)
            ):
                raise ProcedureError(f"{action}: {missing}")
            rules = (
                program_rules_hash(procedure.program, on)
                if step.evaluates and procedure.program
                else None
            )
            if step.four_eyes and prepared is None:
                self._bump(session, case, case.state, case.amount_minor, case.currency)
                self._log(
                    session,
                    case,
                    action=action,
                    source=case.state,
                    target=case.state,
                    actor=actor,
                    party=party,
                    on=on,
                    basis=step.basis,
                    reason=reason,
                    note=note,
                    data=plain(dict(data or {})) or None,
                    recorded_at=now,
                    phase="prepared",
                    late=late,
                    rules_hash=rules,
                )
            else:
                self._apply(
                    session,
                    case,
                    step,
                    context,
                    actor=actor,
                    party=party,
                    note=note,
                    late=late,
                    now=now,
                    prepared=prepared,
                    rules=rules,
                )
        return self.get(case_id)

    def _apply(
        self,
        session: Session,
        case: Case,
        step: Step,
        context: StepContext,
        *,
        actor: str,
        party: str,
        note: str | None,
        late: LateRecording | None,
        now: dt.datetime,
        prepared: Transition | None,
        rules: str | None,
    ) -> None:
        """The step takes effect: its effect, the new state, the log entry, obligations."""
        action, data, reason, on = step.action, context.data, context.reason, context.event_date
        effects = Effects(session, case, context)
        if step.effect is not None:
            try:
                step.effect(effects)
            except ValueError as error:
                raise ProcedureError(f"{action}: {error}") from None
        new_state = step.target_from(case.state)
        source = case.state
        self._bump(session, case, new_state, effects.amount_minor, effects.currency)
        extra = {"prepared_by": prepared.actor} if prepared is not None else {}
        log = self._log(
            session,
            case,
            action=action,
            source=source,
            target=new_state,
            actor=actor,
            party=party,
            on=on,
            basis=step.basis,
            reason=reason,
            note=note,
            data={**plain(dict(data or {})), **effects.data, **extra} or None,
            recorded_at=now,
            phase="confirmed" if prepared is not None else None,
            late=late,
            rules_hash=rules,
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

    def _bump(
        self,
        session: Session,
        case: Case,
        state: str,
        amount_minor: int | None,
        currency: str | None,
    ) -> None:
        """Write the case's new state under its version: a concurrent step loses."""
        changed = session.execute(
            update(Case)
            .where(Case.id == case.id, Case.version == case.version)
            .values(
                state=state,
                version=case.version + 1,
                amount_minor=amount_minor,
                currency=currency,
            )
            .execution_options(synchronize_session=False)
        )
        if changed.rowcount != 1:  # type: ignore[attr-defined]
            raise ConflictError(f"case {case.id}: changed by someone else; read it again")
        case.amount_minor, case.currency = amount_minor, currency

    @staticmethod
    def _last_entry(session: Session, case_id: int) -> Transition | None:
        return session.scalars(
            select(Transition)
            .where(Transition.case_id == case_id)
            .order_by(Transition.id.desc())
            .limit(1)
        ).first()

    @staticmethod
    def _effective_on(
        procedure: Procedure,
        step: Step,
        case: Case,
        last: Transition | None,
        today: dt.date,
        late: LateRecording | None,
    ) -> dt.date:
        """Today, or the earlier day of an official's late recording — never before the
        case's previous step or its submission, never after today."""
        if late is None:
            return today
        if procedure.parties[step.party].kind != "authority":
            raise PartyError(
                f"late: only an official may record a step late; {step.action!r} is "
                f"{procedure.party_label(step.party)}'s and is dated today"
            )
        problems = []
        if not late.reason.strip():
            problems.append("late.reason: expected why the step is recorded only now")
        if late.effective_on > today:
            problems.append(f"late.effective_on: expected today ({today}) or earlier")
        floor = max(case.submitted_at.date(), last.event_date if last else dt.date.min)
        if late.effective_on < floor:
            problems.append(
                f"late.effective_on: expected {floor} or later (the case's previous step)"
            )
        if problems:
            raise StepInputError("; ".join(problems))
        return late.effective_on

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
        *,
        action: str,
        source: str | None,
        target: str,
        actor: str,
        party: str,
        on: dt.date,
        basis: str,
        recorded_at: dt.datetime,
        reason: str | None = None,
        note: str | None = None,
        data: Any = None,
        phase: str | None = None,
        late: LateRecording | None = None,
        rules_hash: str | None = None,
    ) -> Transition:
        entry = Transition(
            case_id=case.id,
            action=action,
            from_state=source,
            to_state=target,
            actor=actor,
            party=party,
            event_date=on,
            # in UTC: SQLite keeps no zone, and the hash must read back what was written
            recorded_at=recorded_at.astimezone(dt.UTC),
            basis=basis,
            reason_code=reason,
            note=note,
            data=data,
            phase=phase,
            late_reason=late.reason if late else None,
            rules_hash=rules_hash,
            amount_minor=case.amount_minor,
            currency=case.currency,
        )
        seal(session, entry)
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

    def verify(self) -> tuple[int, int, list[Problem]]:
        """Every case's chain and replay (cases/ledger.py)."""
        with self.sessions() as session:
            return verify(session)

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


def _pending(step: Step, case: Case, last: Transition | None) -> Transition | None:
    """The preparation this step would confirm: the case's newest entry, if it prepared
    the same step in the state the case is still in."""
    if not step.four_eyes or last is None or last.phase != "prepared":
        return None
    if last.action != step.action or last.from_state != case.state:
        return None
    return last


def _request_hash(
    procedure: str,
    call_id: int | None,
    enterprise_id: str,
    facts: Any,
    subject: str | None,
    amount: Money | None,
) -> str:
    asked = [procedure, call_id, enterprise_id, facts, subject, str(amount) if amount else None]
    text = json.dumps(asked, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class _Retry(Exception):
    def __init__(self, case: CaseView) -> None:
        self.case = case


def _answer_retry(session: Session, key: str, request_hash: str) -> None:
    """A retry that arrives while the first is being stored finds it here, under the lock."""
    first = session.scalars(select(Case).where(Case.idempotency_key == key)).one_or_none()
    if first is None:
        return
    if first.request_hash != request_hash:
        raise IdempotencyConflict(key, first.id)
    raise _Retry(_view(first))


def _refuse_second_application(session: Session, call_id: int, enterprise_id: str) -> None:
    first = session.scalars(
        select(Case)
        .where(Case.call_id == call_id, Case.enterprise_id == enterprise_id)
        .order_by(Case.arrival_number)
        .limit(1)
    ).first()
    if first is not None:
        raise DuplicateApplication(
            f"enterprise_id: {enterprise_id} already applied to call {call_id} "
            f"(case {first.id}, arrival number {first.arrival_number}); the procedure takes "
            "one application per enterprise and call"
        )
