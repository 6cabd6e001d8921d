"""The officials' workbench (auditors see it read-only): queues per call, due and overdue
obligations, and the applications that answer no call."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ...cases.procedure import get_procedure
from ..casework import calls, due_items, visible_cases
from ..context import CallerDep, ForbiddenError, ServicesDep
from .common import page

router = APIRouter(include_in_schema=False)


@router.get("/work", response_class=HTMLResponse)
def workbench(request: Request, who: CallerDep, stores: ServicesDep) -> Response:
    principal = who.require()
    if principal.role == "applicant":
        return RedirectResponse("/cases", status_code=303)
    today = stores.today()
    due = due_items(stores.cases, principal, today)
    return page(
        request,
        "work.html",
        section="work",
        calls=calls(stores.cases, principal, today),
        overdue=[item for item in due if item.overdue],
        upcoming=[item for item in due if not item.overdue],
        without_call=[c for c in visible_cases(stores.cases, principal) if c.call_id is None],
        procedure=get_procedure,
        today=today,
    )


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
