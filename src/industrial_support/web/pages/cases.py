"""Applications: an applicant's cases and calls, applying to a call, and the case page
every permitted reader sees (with the steps the reader may take)."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ...accounts.service import Principal
from ...case_cli import parse_data
from ...cases.procedure import PartyError, StepInputError, all_procedures, get_procedure
from ...cases.procedures._rules import evaluate
from ...cases.store import CaseView, LateRecording
from ...engine.errors import IsupportError
from ..casework import calls, due_items, readable_case, steps_for, visible_cases
from ..context import Caller, CallerDep, ForbiddenError, Services, ServicesDep, check_csrf
from ..documents import case_checklist
from ..errors import status_of
from .common import page

router = APIRouter(include_in_schema=False)


@router.get("/cases", response_class=HTMLResponse)
def my_cases(request: Request, who: CallerDep, stores: ServicesDep) -> Response:
    principal = who.require()
    if principal.role != "applicant":
        return RedirectResponse("/work", status_code=303)
    today = stores.today()
    enterprise = stores.accounts.enterprise(principal.enterprise_id or "")
    jurisdiction = enterprise.jurisdiction if enterprise else None
    open_calls = [
        summary
        for summary in calls(stores.cases, principal, today)
        if summary.open and summary.procedure.jurisdiction == jurisdiction
    ]
    return page(
        request,
        "cases.html",
        section="cases",
        enterprise=enterprise,
        cases=visible_cases(stores.cases, principal),
        open_calls=open_calls,
        registers=[
            p for p in all_procedures() if not p.uses_calls and p.jurisdiction == jurisdiction
        ],
        due=due_items(stores.cases, principal, today),
        today=today,
        procedure=get_procedure,
    )


def _apply_context(
    stores: Services, principal: Principal, call_id: int | None, procedure_id: str | None
) -> dict[str, Any]:
    """What the application form shows: the call (or the procedure taking applications
    without calls), and the enterprise's eligibility under the procedure's program today."""
    if principal.role != "applicant":
        raise ForbiddenError("role: only an applicant applies, for its own enterprise")
    call = stores.cases.call(call_id) if call_id is not None else None
    procedure = get_procedure(call.procedure if call else str(procedure_id))
    if call is None and procedure.uses_calls:
        raise ForbiddenError(f"procedure: {procedure.id} takes applications through its calls")
    enterprise = stores.accounts.enterprise(principal.enterprise_id or "")
    if enterprise is None or enterprise.jurisdiction != procedure.jurisdiction:
        raise ForbiddenError(
            f"procedure: {procedure.id} is not open to enterprises of your country"
        )
    today = stores.today()
    result = evaluate(procedure.program, enterprise.facts, today) if procedure.program else None
    return {
        "call": call,
        "procedure": procedure,
        "enterprise": enterprise,
        "result": result,
        "today": today,
        "window_open": call is None or call.published_on <= today <= call.closes_on,
        "action": f"/calls/{call.id}/apply" if call else f"/procedures/{procedure.id}/apply",
    }


@router.get("/calls/{call_id}/apply", response_class=HTMLResponse)
def apply_to_call_form(
    call_id: int, request: Request, who: CallerDep, stores: ServicesDep
) -> Response:
    context = _apply_context(stores, who.require(), call_id, None)
    # one key per form: a double click or a resent form stores one application
    return page(request, "apply.html", section="cases", key=secrets.token_urlsafe(16), **context)


@router.get("/procedures/{procedure_id}/apply", response_class=HTMLResponse)
def apply_to_procedure_form(
    procedure_id: str, request: Request, who: CallerDep, stores: ServicesDep
) -> Response:
    context = _apply_context(stores, who.require(), None, procedure_id)
    return page(request, "apply.html", section="cases", key=secrets.token_urlsafe(16), **context)


ApplicationKey = Annotated[str, Form(min_length=8, max_length=64)]
Subject = Annotated[str, Form(max_length=300)]
CsrfField = Annotated[str | None, Form()]


@router.post("/calls/{call_id}/apply")
def apply_to_call(
    call_id: int,
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
    idempotency_key: ApplicationKey,
    subject: Subject = "",
    csrf_token: CsrfField = None,
) -> Response:
    return _apply(request, who, stores, call_id, None, idempotency_key, subject, csrf_token)


@router.post("/procedures/{procedure_id}/apply")
def apply_to_procedure(
    procedure_id: str,
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
    idempotency_key: ApplicationKey,
    subject: Subject = "",
    csrf_token: CsrfField = None,
) -> Response:
    return _apply(request, who, stores, None, procedure_id, idempotency_key, subject, csrf_token)


def _apply(
    request: Request,
    who: Caller,
    stores: Services,
    call_id: int | None,
    procedure_id: str | None,
    key: str,
    subject: str,
    csrf_token: str | None,
) -> Response:
    principal = who.require()
    check_csrf(request, who, csrf_token)
    context = _apply_context(stores, principal, call_id, procedure_id)
    enterprise = context["enterprise"]
    try:
        case = stores.cases.submit(
            call_id=call_id,
            procedure_id=None if call_id is not None else context["procedure"].id,
            enterprise_id=enterprise.id,
            facts=enterprise.facts,
            actor=principal.username,
            subject=subject.strip() or None,
            idempotency_key=f"web:{principal.account_id}:{key}",
        )
    except IsupportError as error:
        return page(
            request,
            "apply.html",
            status_code=status_of(error),
            section="cases",
            key=key,
            error=str(error),
            **context,
        )
    return RedirectResponse(f"/cases/{case.id}", status_code=303)


def _case_page(
    request: Request,
    stores: Services,
    principal: Principal,
    case: CaseView,
    status_code: int = 200,
    error: str | None = None,
) -> Response:
    procedure = get_procedure(case.procedure)
    today = stores.today()
    obligations = [item for item in stores.cases.due(today) if item.case_id == case.id]
    call = stores.cases.call(case.call_id) if case.call_id else None
    enterprise = stores.accounts.enterprise(case.enterprise_id)
    return page(
        request,
        "case.html",
        status_code=status_code,
        section="cases" if principal.role == "applicant" else "work",
        case=case,
        call=call,
        enterprise=enterprise,
        procedure=procedure,
        log=stores.cases.log(case.id),
        obligations=obligations,
        steps=steps_for(principal, case),
        today=today,
        error=error,
        checklist=case_checklist(stores.cases, case),
    )


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(case_id: int, request: Request, who: CallerDep, stores: ServicesDep) -> Response:
    principal = who.require()
    return _case_page(request, stores, principal, readable_case(stores.cases, principal, case_id))


@router.post("/cases/{case_id}/act")
def act(
    case_id: int,
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
    action: Annotated[str, Form(max_length=64)],
    reason: Annotated[str, Form(max_length=64)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
    late_on: Annotated[str, Form(max_length=10)] = "",
    late_reason: Annotated[str, Form(max_length=500)] = "",
    data: Annotated[str, Form(max_length=4000)] = "",
    csrf_token: Annotated[str | None, Form()] = None,
) -> Response:
    principal = who.require()
    check_csrf(request, who, csrf_token)
    case = readable_case(stores.cases, principal, case_id)
    step = next((s for s in steps_for(principal, case) if s.action == action), None)
    if step is None:
        raise ForbiddenError(f"action: you may not take {action!r} on case {case_id} now")
    late = None
    if late_on or late_reason.strip():  # the server dates the step unless recorded late
        problems = []
        try:
            effective_on = dt.date.fromisoformat(late_on)
        except ValueError:
            problems.append(
                f"late_on: expected the day it took effect (YYYY-MM-DD), got {late_on!r}"
            )
        if not late_reason.strip():
            problems.append("late_reason: expected why the step is recorded only now")
        if problems:
            return _case_page(request, stores, principal, case, 422, "; ".join(problems))
        late = LateRecording(effective_on, late_reason.strip())
    try:
        stores.cases.act(
            case_id,
            action,
            actor=principal.username,
            party=step.party,  # an official records a system step in the system's name
            reason=reason or None,
            note=note.strip() or None,
            data=parse_data([line.strip() for line in data.splitlines() if line.strip()]),
            late=late,
        )
    except PartyError as error:
        return _case_page(request, stores, principal, case, 403, str(error))
    except StepInputError as error:
        return _case_page(request, stores, principal, case, 422, str(error))
    except IsupportError as error:
        return _case_page(request, stores, principal, case, status_of(error), str(error))
    return RedirectResponse(f"/cases/{case_id}", status_code=303)
