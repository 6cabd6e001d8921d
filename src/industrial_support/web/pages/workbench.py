"""The officials' workbench (auditors see it read-only): queues per call, due and overdue
obligations, and the applications that answer no call."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ...accounts.service import Principal
from ...cases.procedure import Procedure, get_procedure
from ...engine.errors import IsupportError
from ...engine.money import Money
from ..api.common import CURRENCY
from ..casework import calls, due_items, visible_cases
from ..context import CallerDep, ForbiddenError, Services, ServicesDep, check_csrf
from ..errors import status_of
from .common import page

router = APIRouter(include_in_schema=False)


def _call_procedures(principal: Principal) -> list[Procedure]:
    """Procedures this account may open calls for: an official's, those taking calls."""
    if principal.role != "official":
        return []
    return [p for p in map(get_procedure, principal.authorities) if p.uses_calls]


def _workbench(
    request: Request,
    stores: Services,
    principal: Principal,
    status_code: int = 200,
    error: str | None = None,
) -> Response:
    today = stores.today()
    due = due_items(stores.cases, principal, today)
    return page(
        request,
        "work.html",
        status_code=status_code,
        error=error,
        call_procedures=_call_procedures(principal),
        section="work",
        calls=calls(stores.cases, principal, today),
        overdue=[item for item in due if item.overdue],
        upcoming=[item for item in due if not item.overdue],
        without_call=[c for c in visible_cases(stores.cases, principal) if c.call_id is None],
        procedure=get_procedure,
        today=today,
    )


@router.get("/work", response_class=HTMLResponse)
def workbench(request: Request, who: CallerDep, stores: ServicesDep) -> Response:
    principal = who.require()
    if principal.role == "applicant":
        return RedirectResponse("/cases", status_code=303)
    return _workbench(request, stores, principal)


@router.post("/work/calls")
def open_call(
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
    procedure: Annotated[str, Form(max_length=64)],
    title: Annotated[str, Form(min_length=1, max_length=300)],
    published_on: Annotated[dt.date, Form()],
    closes_on: Annotated[dt.date, Form()],
    budget_limit: Annotated[str, Form(max_length=40)],
    budget_year: Annotated[int, Form(ge=2000, le=2100)],
    csrf_token: Annotated[str | None, Form()] = None,
) -> Response:
    principal = who.require_role("official")
    check_csrf(request, who, csrf_token)
    chosen = next((p for p in _call_procedures(principal) if p.id == procedure), None)
    if chosen is None:
        raise ForbiddenError(f"procedure: you may not open calls for {procedure!r}")
    currency = CURRENCY[chosen.jurisdiction]
    try:
        stores.cases.open_call(
            chosen.id,
            title=title.strip(),
            published_on=published_on,
            closes_on=closes_on,
            budget_limit=Money.of(budget_limit.replace(",", "").strip(), currency),
            budget_year=budget_year,
        )
    except IsupportError as error:
        return _workbench(request, stores, principal, status_of(error), str(error))
    return RedirectResponse("/work", status_code=303)


@router.get("/work/calls/{call_id}", response_class=HTMLResponse)
def call_queue(call_id: int, request: Request, who: CallerDep, stores: ServicesDep) -> Response:
    principal = who.require()
    if principal.role == "applicant":
        raise ForbiddenError("role: the call queue is for officials and auditors")
    today = stores.today()
    summary = next((s for s in calls(stores.cases, principal, today) if s.call.id == call_id), None)
    if summary is None:
        stores.cases.call(call_id)  # 404 when unknown
        raise ForbiddenError(f"call: {call_id} is not a call of your authority")
    due = {(item.case_id, item.kind): item for item in due_items(stores.cases, principal, today)}
    return page(
        request,
        "work_call.html",
        section="work",
        summary=summary,
        cases=visible_cases(stores.cases, principal, call_id),
        due=due,
        today=today,
    )
