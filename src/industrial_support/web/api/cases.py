"""Calls, applications, cases, their steps and logs, and what is due — as the signed-in
account may see and move them (the permission rules live in web/casework.py, shared with
the pages). Writes from a browser session need its CSRF token; token clients need none."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StringConstraints

from ...accounts.service import Principal
from ...cases.models import Call, Transition
from ...cases.procedure import (
    PartyError,
    Procedure,
    ProcedureError,
    Step,
    StepInputError,
    get_procedure,
)
from ...cases.store import (
    CaseStore,
    CaseView,
    ConflictError,
    DueItem,
    IdempotencyConflict,
    LateRecording,
    from_minor,
)
from ...engine.errors import IsupportError
from ..casework import due_items, may_take, readable_case, steps_for, visible_cases, who_may
from ..context import CallerDep, ForbiddenError, Services, ServicesDep, check_csrf
from ..serialize import MoneyOut, Out, Text, Value, aware, labels, money, text
from ..serialize import facts as facts_of
from .common import (
    CONFLICT,
    DAY_HELP,
    INVALID,
    NOT_FOUND,
    SIGNED_IN,
    Day,
    Facts,
    Identifier,
    InputError,
    Jurisdiction,
    MoneyIn,
    Storable,
    Year,
    checked_facts,
    currency_of,
)

router = APIRouter(tags=["cases"], responses={**INVALID, **SIGNED_IN})

# Row ids are 32-bit integers on PostgreSQL; a larger id cannot exist.
RowId = Annotated[int, Path(ge=1, le=2**31 - 1, examples=[1])]
Role = Literal["applicant", "official", "auditor"]  # an account's role (not a party)


# --- shapes -------------------------------------------------------------------------------
class EnterpriseOut(Out):
    id: str
    name: str
    jurisdiction: Jurisdiction


class Me(Out):
    username: str
    display_name: str
    role: Role
    enterprise: EnterpriseOut | None = Field(description="the enterprise an applicant acts for")
    authorities: list[str] = Field(description="procedures an official is the authority of")
    signed_in_with: Literal["token", "session"]


class CallOut(Out):
    id: int
    procedure: str = Field(examples=["ru.pp1176"])
    procedure_title: Text
    title: str
    published_on: dt.date
    closes_on: dt.date = Field(description="the last day to apply")
    budget_year: int
    budget_limit: MoneyOut
    open: bool = Field(description="applications are accepted today")


class CallDetail(CallOut):
    committed: MoneyOut | None = Field(description="budget committed (officials, auditors)")
    counts: dict[str, int] | None = Field(
        description="applications per state (officials of the procedure, auditors)"
    )


class CallRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "procedure": "ru.pp1176",
                    "title": "Decree 1176 selection 2025",
                    "published_on": "2025-06-02",
                    "closes_on": "2025-07-15",
                    "budget_limit": {"amount": "500000000.00", "currency": "RUB"},
                    "budget_year": 2025,
                }
            ]
        },
    )
    procedure: Identifier
    title: Annotated[str, StringConstraints(min_length=1, max_length=300), Storable]
    published_on: Day
    closes_on: Day
    budget_limit: MoneyIn
    budget_year: Year


class ApplicationRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    facts: Facts = Field(
        default_factory=dict,
        description="facts that differ from the enterprise's profile (null = unknown)",
    )
    subject: Annotated[str, StringConstraints(max_length=120), Storable] | None = Field(
        None, description="e.g. the product code of a register entry"
    )
    amount: MoneyIn | None = None


class DirectApplication(ApplicationRequest):
    procedure: Identifier = Field(examples=["kz.producers_register"])


class ObligationOut(Out):
    case_id: int
    procedure: str
    enterprise_id: str
    kind: str = Field(examples=["sign_agreement"])
    kind_label: Text | None
    party: str
    due_on: dt.date
    rule: str
    basis: str = Field(examples=["003 §9(c)"])
    overdue: bool


class CaseOut(Out):
    id: int
    procedure: str
    procedure_title: Text
    call_id: int | None
    arrival_number: int | None = Field(description="order of arrival within the call")
    enterprise_id: str
    subject: str | None
    state: str = Field(examples=["agreement_sent"])
    state_label: Text | None
    final: bool
    amount: MoneyOut | None
    submitted_at: dt.datetime
    version: int


class CaseDetail(CaseOut):
    facts: dict[str, Value]
    obligations: list[ObligationOut] = Field(description="open obligations of the case")


class ReasonOut(Out):
    code: str
    label: Text


class StepOut(Out):
    action: str = Field(examples=["admit"])
    label: Text
    party: str = Field(description="who the law names for the step", examples=["ministry"])
    party_label: Text
    four_eyes: bool = Field(description="prepared by one official, confirmed by another")
    basis: str = Field(examples=["003 §9(b)-(c)"])
    reason_required: bool
    reasons: list[ReasonOut]


class TransitionOut(Out):
    id: int
    action: str
    action_label: Text | None
    from_state: str | None
    to_state: str
    actor: str
    party: str = Field(description="the procedure party that acted")
    phase: str | None = Field(description="'prepared' / 'confirmed' for four-eyes steps")
    date: dt.date = Field(description="the day the step takes effect (deadlines count from it)")
    recorded_at: dt.datetime = Field(description="the server's time of recording")
    late: bool = Field(description="recorded later than the day it took effect")
    late_reason: str | None
    rules_hash: str | None = Field(description="the rules the step was decided under")
    entry_hash: str | None = Field(description="sha256 chained over the case's previous entry")
    basis: str = Field(examples=["003 §9(a)"])
    reason: str | None
    reason_label: Text | None
    note: str | None
    data: dict[str, Any] | None


StepDatum = (
    StrictBool
    | Annotated[StrictInt, Field(ge=-(10**15), le=10**15)]
    | Annotated[str, StringConstraints(max_length=200), Storable]
    | None
)


class LateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    effective_on: Day = Field(description=f"the day the step took effect, {DAY_HELP}")
    reason: Annotated[str, StringConstraints(min_length=1, max_length=500), Storable] = Field(
        description="why it is recorded only now"
    )


class TransitionRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"action": "register"}, {"action": "admit"}]},
    )
    action: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    reason: Annotated[str, StringConstraints(max_length=64)] | None = Field(
        None, description="reason code, for refusals (see the steps)"
    )
    note: Annotated[str, StringConstraints(max_length=2000), Storable] | None = None
    data: dict[Annotated[str, StringConstraints(max_length=64), Storable], StepDatum] = Field(
        default_factory=dict,
        max_length=20,
        description="what the step needs, e.g. {project_last_year: 2025}",
    )
    late: LateIn | None = Field(
        None,
        description="officials only: record a step that took effect on an earlier day "
        "(the server dates every other step today)",
    )


# --- conversions --------------------------------------------------------------------------
def _procedure(identifier: str, field: str = "procedure") -> Procedure:
    try:
        return get_procedure(identifier)
    except ProcedureError:
        raise InputError(f"{field}: unknown procedure {identifier!r}") from None


def _label(labels_of: Any, key: str | None) -> Text | None:
    found = labels_of.get(key) if key is not None else None
    return text(found) if found else None


def _call(call: Call, today: dt.date) -> dict[str, Any]:
    limit = from_minor(call.budget_limit_minor, call.currency)
    assert limit is not None
    return {
        "id": call.id,
        "procedure": call.procedure,
        "procedure_title": text(get_procedure(call.procedure).title),
        "title": call.title,
        "published_on": call.published_on,
        "closes_on": call.closes_on,
        "budget_year": call.budget_year,
        "budget_limit": money(limit),
        "open": call.published_on <= today <= call.closes_on,
    }


def _oversees(principal: Principal, procedure: str) -> bool:
    return principal.role == "auditor" or (
        principal.role == "official" and procedure in principal.authorities
    )


def _call_detail(store: CaseStore, principal: Principal, call: Call, today: dt.date) -> CallDetail:
    counts: dict[str, int] | None = None
    committed = None
    if _oversees(principal, call.procedure):
        counts = {}
        for case in store.cases(call.id):
            counts[case.state] = counts.get(case.state, 0) + 1
        committed = money(store.committed(call.id))
    return CallDetail(**_call(call, today), committed=committed, counts=counts)


def _obligation(item: DueItem) -> ObligationOut:
    procedure = get_procedure(item.procedure)
    return ObligationOut(
        case_id=item.case_id,
        procedure=item.procedure,
        enterprise_id=item.enterprise_id,
        kind=item.kind,
        kind_label=_label(procedure.obligation_labels, item.kind),
        party=item.party,
        due_on=item.due_on,
        rule=item.rule,
        basis=item.basis,
        overdue=item.overdue,
    )


def _case(case: CaseView) -> dict[str, Any]:
    procedure = get_procedure(case.procedure)
    return {
        "id": case.id,
        "procedure": case.procedure,
        "procedure_title": text(procedure.title),
        "call_id": case.call_id,
        "arrival_number": case.arrival_number,
        "enterprise_id": case.enterprise_id,
        "subject": case.subject,
        "state": case.state,
        "state_label": _label(procedure.state_labels, case.state),
        "final": case.state in procedure.final,
        "amount": money(case.amount) if case.amount else None,
        "submitted_at": aware(case.submitted_at),
        "version": case.version,
    }


def _case_detail(stores: Services, case: CaseView) -> CaseDetail:
    due = [d for d in stores.cases.due(stores.today()) if d.case_id == case.id]
    return CaseDetail(
        **_case(case),
        facts=facts_of(get_procedure(case.procedure).jurisdiction, case.facts),
        obligations=[_obligation(d) for d in due],
    )


def _step(procedure: Procedure, step: Step) -> StepOut:
    return StepOut(
        action=step.action,
        label=labels(step.en, step.ja),
        party=step.party,
        party_label=labels(
            procedure.party_label(step.party), procedure.party_label(step.party, "ja")
        ),
        four_eyes=step.four_eyes,
        basis=step.basis,
        reason_required=bool(step.reasons),
        reasons=[ReasonOut(code=code, label=text(label)) for code, label in step.reasons.items()],
    )


def _transition(procedure: Procedure, row: Transition) -> TransitionOut:
    step = next((s for s in procedure.steps if s.action == row.action), None)
    return TransitionOut(
        id=row.id,
        action=row.action,
        action_label=labels(step.en, step.ja) if step else None,
        from_state=row.from_state,
        to_state=row.to_state,
        actor=row.actor,
        party=row.party,
        phase=row.phase,
        date=row.event_date,
        recorded_at=aware(row.recorded_at),
        late=row.late_reason is not None,
        late_reason=row.late_reason,
        rules_hash=row.rules_hash,
        entry_hash=row.entry_hash,
        basis=row.basis,
        reason=row.reason_code,
        reason_label=_label(step.reasons, row.reason_code) if step else None,
        note=row.note,
        data=row.data,
    )


def _submit(
    stores: Services,
    principal: Principal,
    procedure: Procedure,
    body: ApplicationRequest,
    idempotency_key: str | None,
    call_id: int | None = None,
) -> CaseDetail:
    if principal.role != "applicant" or principal.enterprise_id is None:
        raise ForbiddenError("role: applications are made by an applicant for its enterprise")
    enterprise = stores.accounts.enterprise(principal.enterprise_id)
    if enterprise is None:
        raise ForbiddenError(f"enterprise: {principal.enterprise_id} is not registered")
    if enterprise.jurisdiction != procedure.jurisdiction:
        raise InputError(
            f"procedure: {procedure.id} takes {procedure.jurisdiction} enterprises; "
            f"{enterprise.id} is {enterprise.jurisdiction}"
        )
    facts = checked_facts(enterprise.jurisdiction, {**enterprise.facts, **body.facts})
    amount = body.amount.money() if body.amount else None
    if amount is not None and amount.currency != currency_of(procedure.jurisdiction):
        raise InputError(f"amount: expected {currency_of(procedure.jurisdiction)}")
    # Keys are per account: another account's key can never return its application.
    key = f"{principal.account_id}:{idempotency_key}" if idempotency_key else None
    try:
        case = stores.cases.submit(
            enterprise_id=enterprise.id,
            facts=facts,
            actor=principal.username,
            call_id=call_id,
            procedure_id=None if call_id is not None else procedure.id,
            amount=amount,
            subject=body.subject,
            idempotency_key=key,
        )
    except IdempotencyConflict as error:  # name the key as the client sent it
        raise ConflictError(
            f"Idempotency-Key: {idempotency_key!r} was already used for a different request "
            f"(case {error.case_id}); use a new key for a new application"
        ) from None
    except ProcedureError as error:  # here every refusal is about the input
        raise InputError(str(error)) from None
    if case.procedure != procedure.id or case.call_id != call_id:
        raise ConflictError("Idempotency-Key: already used for another application")
    return _case_detail(stores, case)


IdempotencyKey = Annotated[
    str | None,
    Header(
        min_length=1,
        max_length=100,
        description="a retry with the same key returns the first application, never a second",
    ),
]


# --- endpoints ----------------------------------------------------------------------------
@router.get("/me", summary="Who is asking")
def me(who: CallerDep, stores: ServicesDep) -> Me:
    principal = who.require()
    enterprise = (
        stores.accounts.enterprise(principal.enterprise_id) if principal.enterprise_id else None
    )
    return Me(
        username=principal.username,
        display_name=principal.display_name,
        role=principal.role,  # one of ROLES, checked on creation
        enterprise=EnterpriseOut(
            id=enterprise.id,
            name=enterprise.name,
            jurisdiction=Jurisdiction(enterprise.jurisdiction),
        )
        if enterprise
        else None,
        authorities=list(principal.authorities),
        signed_in_with="token" if who.via_token else "session",
    )


@router.get("/calls", summary="Calls for applications (open ones unless asked for all)")
def list_calls(
    who: CallerDep,
    stores: ServicesDep,
    include_closed: Annotated[bool, Query(description="also calls not open today")] = False,
) -> list[CallOut]:
    who.require()
    today = stores.today()
    return [
        CallOut(**row)
        for row in (_call(call, today) for call in stores.cases.calls())
        if include_closed or row["open"]
    ]


@router.get("/calls/{call_id}", summary="One call with its budget", responses=NOT_FOUND)
def call_detail(call_id: RowId, who: CallerDep, stores: ServicesDep) -> CallDetail:
    principal = who.require()
    return _call_detail(stores.cases, principal, stores.cases.call(call_id), stores.today())


@router.post("/calls", status_code=201, summary="Open a call (the procedure's official)")
def open_call(
    body: CallRequest, request: Request, who: CallerDep, stores: ServicesDep
) -> CallDetail:
    principal = who.require()
    check_csrf(request, who, None)
    procedure = _procedure(body.procedure)
    if principal.role != "official" or procedure.id not in principal.authorities:
        raise ForbiddenError(f"procedure: only an official of {procedure.id} may open its calls")
    limit = body.budget_limit.money()
    if limit.currency != currency_of(procedure.jurisdiction):
        raise InputError(f"budget_limit.currency: expected {currency_of(procedure.jurisdiction)}")
    try:
        call_id = stores.cases.open_call(
            procedure.id,
            title=body.title,
            published_on=body.published_on,
            closes_on=body.closes_on,
            budget_limit=limit,
            budget_year=body.budget_year,
        )
    except ProcedureError as error:  # the window or the procedure: the input is at fault
        raise InputError(str(error)) from None
    return _call_detail(stores.cases, principal, stores.cases.call(call_id), stores.today())


@router.post(
    "/calls/{call_id}/applications",
    status_code=201,
    summary="Apply to a call for your enterprise",
    responses={**NOT_FOUND, **CONFLICT},
)
def apply_to_call(
    call_id: RowId,
    body: ApplicationRequest,
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
    idempotency_key: IdempotencyKey = None,
) -> CaseDetail:
    principal = who.require()
    check_csrf(request, who, None)
    call = stores.cases.call(call_id)
    return _submit(stores, principal, get_procedure(call.procedure), body, idempotency_key, call_id)


@router.post(
    "/applications",
    status_code=201,
    summary="Apply under a procedure without calls (e.g. kz.producers_register)",
    responses=CONFLICT,
)
def apply_directly(
    body: DirectApplication,
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
    idempotency_key: IdempotencyKey = None,
) -> CaseDetail:
    principal = who.require()
    check_csrf(request, who, None)
    procedure = _procedure(body.procedure)
    if procedure.uses_calls:
        raise InputError(
            f"procedure: {procedure.id} applications answer a call "
            "(POST /api/calls/{call_id}/applications)"
        )
    return _submit(stores, principal, procedure, body, idempotency_key)


@router.get("/cases", summary="Cases this account may read, in order of arrival")
def list_cases(
    who: CallerDep,
    stores: ServicesDep,
    call_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    procedure: Annotated[str | None, Query(max_length=64)] = None,
    state: Annotated[str | None, Query(max_length=64)] = None,
) -> list[CaseOut]:
    principal = who.require()
    return [
        CaseOut(**_case(case))
        for case in visible_cases(stores.cases, principal, call_id)
        if (procedure is None or case.procedure == procedure)
        and (state is None or case.state == state)
    ]


@router.get("/cases/{case_id}", summary="One case with its facts and open obligations")
def case_detail(case_id: RowId, who: CallerDep, stores: ServicesDep) -> CaseDetail:
    case = readable_case(stores.cases, who.require(), case_id)
    return _case_detail(stores, case)


@router.get("/cases/{case_id}/log", summary="The case's append-only log of transitions")
def case_log(case_id: RowId, who: CallerDep, stores: ServicesDep) -> list[TransitionOut]:
    case = readable_case(stores.cases, who.require(), case_id)
    procedure = get_procedure(case.procedure)
    return [_transition(procedure, row) for row in stores.cases.log(case.id)]


@router.get("/cases/{case_id}/steps", summary="The steps this account may take on the case now")
def case_steps(case_id: RowId, who: CallerDep, stores: ServicesDep) -> list[StepOut]:
    principal = who.require()
    case = readable_case(stores.cases, principal, case_id)
    procedure = get_procedure(case.procedure)
    return [_step(procedure, step) for step in steps_for(principal, case)]


@router.post(
    "/cases/{case_id}/transitions",
    summary="Take a step: register, admit, refuse, sign, request, approve, pay …",
    responses={**NOT_FOUND, **CONFLICT},
)
def take_step(
    case_id: RowId,
    body: TransitionRequest,
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
) -> CaseDetail:
    principal = who.require()
    check_csrf(request, who, None)
    case = readable_case(stores.cases, principal, case_id)
    procedure = get_procedure(case.procedure)
    step = next((s for s in procedure.steps if s.action == body.action), None)
    if step is None:
        known = ", ".join(s.action for s in procedure.steps)
        raise InputError(f"action: {body.action!r} is not a step of {procedure.id}; steps: {known}")
    if not may_take(principal, case, step):
        raise ForbiddenError(
            f"action: {step.action!r} is taken by {who_may(procedure, step)}; you may not take it"
        )
    late = LateRecording(body.late.effective_on, body.late.reason) if body.late else None
    try:
        # the procedure's own checks decide (state, party, reason, guard, four eyes, dates)
        view = stores.cases.act(
            case.id,
            step.action,
            actor=principal.username,
            party=step.party,
            reason=body.reason,
            note=body.note,
            data=body.data,
            late=late,
        )
    except PartyError as error:  # four eyes, or a late recording of the applicant's step
        raise ForbiddenError(str(error)) from None
    except StepInputError as error:  # the reason code, the late recording: the input
        raise InputError(str(error)) from None
    except IsupportError:
        raise
    except (ValueError, OverflowError):
        # A step's data (a date, a year) the procedure could not use; nothing was written.
        # Python's own text ("not enough values to unpack") would mean nothing to the user.
        names = ", ".join(sorted(body.data or {})) or "data"
        raise InputError(
            f"data: {names}: a value this step cannot use; expected dates as YYYY-MM-DD "
            "and years or counts as whole numbers"
        ) from None
    return _case_detail(stores, view)


@router.get("/obligations", summary="What is due, and overdue, in the cases this account reads")
def obligations(
    who: CallerDep,
    stores: ServicesDep,
    as_of: Annotated[Day | None, Query(description=f"the day to judge by, {DAY_HELP}")] = None,
    party: Annotated[
        str | None, Query(max_length=64, description="whose obligations (a procedure party)")
    ] = None,
) -> list[ObligationOut]:
    principal = who.require()
    items = due_items(stores.cases, principal, as_of or stores.today())
    return [_obligation(item) for item in items if party is None or item.party == party]
