"""The officials' workbench (auditors see it read-only): queues per call, due and overdue
obligations, and the applications that answer no call."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ...accounts.service import Principal
from ...cases.procedure import Procedure, get_procedure
from ...engine.errors import IsupportError, given
from ...engine.money import Money
from ...i18n import render_message, render_problem
from ..api.common import CURRENCY
from ..casework import calls, due_items, visible_cases
from ..context import CallerDep, ForbiddenError, LangDep, Services, ServicesDep, check_csrf
from ..errors import status_of
from ..i18n import N_, gettext
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
    form: dict[str, str] | None = None,
    field_errors: dict[str, str] | None = None,
) -> Response:
    today = stores.today()
    due = due_items(stores.cases, principal, today)
    return page(
        request,
        "work.html",
        status_code=status_code,
        form=form or {},
        field_errors=field_errors or {},
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


CALL_FIELDS = ("procedure", "title", "published_on", "closes_on", "budget_limit", "budget_year")
CALL_LABELS = {
    "procedure": N_("Procedure"),
    "title": N_("Title"),
    "published_on": N_("Published on"),
    "closes_on": N_("Closes on"),
    "budget_limit": N_("Budget limit"),
    "budget_year": N_("Budget year"),
}


def _say(name: str, template: str, lang: str, **params: Any) -> str:
    """A problem of the form's field ``name`` in ``lang``: the field's label and id first."""
    text = gettext(lang, template).format(**{k: str(v) for k, v in params.items()})
    return _labelled(name, text, lang)


def _labelled(name: str, text: str, lang: str) -> str:
    return f"{gettext(lang, CALL_LABELS[name])} ({name}){'：' if lang == 'ja' else ': '}{text}"


FIRST_YEAR, LAST_YEAR = 2000, 2100  # budget years the workbench takes


def _call_form(
    posted: dict[str, str], procedures: list[Procedure], lang: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """The call's typed values and, by field, every problem (in ``lang``) at once."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}

    def bad(name: str, template: str, **params: Any) -> None:
        errors.setdefault(name, _say(name, template, lang, **params))

    chosen = next((p for p in procedures if p.id == posted.get("procedure")), None)
    if chosen is None:
        bad(
            "procedure",
            N_("expected one of {allowed}"),
            allowed=", ".join(p.id for p in procedures),
        )
    values["procedure"] = chosen
    title = posted.get("title", "").strip()
    if not 1 <= len(title) <= 300:
        bad("title", N_("expected a title of 1 to 300 characters"))
    values["title"] = title
    for name in ("published_on", "closes_on"):
        raw = posted.get(name, "").strip()
        try:
            day = dt.date.fromisoformat(raw)
        except ValueError:
            bad(name, N_("expected a date as YYYY-MM-DD, got {given}"), given=given(raw))
            continue
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            bad(
                name,
                N_("expected a date from {first} to {last}, got {given}"),
                first=FIRST_YEAR,
                last=LAST_YEAR,
                given=raw,
            )
            continue
        values[name] = day
    raw_year = posted.get("budget_year", "").strip()
    if raw_year.isdigit() and FIRST_YEAR <= int(raw_year) <= LAST_YEAR:
        values["budget_year"] = int(raw_year)
    else:
        bad(
            "budget_year",
            N_("expected a year from {first} to {last}, got {given}"),
            first=FIRST_YEAR,
            last=LAST_YEAR,
            given=given(raw_year),
        )
    raw_limit = posted.get("budget_limit", "").replace(",", "").strip()
    if chosen is not None:
        try:
            limit = Money.of(raw_limit, CURRENCY[chosen.jurisdiction])
            if limit.amount < 0 or limit.amount >= LARGEST_LIMIT:
                raise ValueError
            values["budget_limit"] = limit.rounded() if limit.rounded() == limit else None
            if values["budget_limit"] is None:
                raise ValueError
        except (IsupportError, ValueError):
            bad(
                "budget_limit",
                N_("expected an amount in {currency} from 0, got {given}"),
                currency=CURRENCY[chosen.jurisdiction],
                given=given(posted.get("budget_limit", "")),
            )
    # A call spends one budget year's money: it is published in that year or the one before
    # and closes by the end of the year after (a reading; the decree names no such limit).
    year, published = values.get("budget_year"), values.get("published_on")
    if year is not None and published is not None and not year - 1 <= published.year <= year:
        bad(
            "published_on",
            N_("expected a date in budget year {year} or the year before, got {given}"),
            year=year,
            given=published,
        )
    closes = values.get("closes_on")
    if year is not None and closes is not None and closes.year > year + 1:
        bad(
            "closes_on",
            N_("expected a date by the end of {last} (budget year {year}), got {given}"),
            last=year + 1,
            year=year,
            given=closes,
        )
    return values, errors


LARGEST_LIMIT = 10**15  # a call's budget in the currency's units; beyond is a typing error


@router.post("/work/calls")
async def open_call(
    request: Request, who: CallerDep, stores: ServicesDep, lang: LangDep
) -> Response:
    """Open a call. A problem re-renders the workbench with the form open, its values kept
    and each problem beside its field; nothing is stored."""
    principal = who.require_role("official")
    posted = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    check_csrf(request, who, posted.get("csrf_token"))
    procedures = _call_procedures(principal)
    if posted.get("procedure") and all(p.id != posted["procedure"] for p in procedures):
        raise ForbiddenError(f"procedure: you may not open calls for {posted['procedure']!r}")
    form = {name: posted.get(name, "")[:300] for name in CALL_FIELDS}
    values, errors = _call_form(posted, procedures, lang)
    if errors:
        return _workbench(request, stores, principal, 422, form=form, field_errors=errors)
    try:
        stores.cases.open_call(
            values["procedure"].id,
            title=values["title"],
            published_on=values["published_on"],
            closes_on=values["closes_on"],
            budget_limit=values["budget_limit"],
            budget_year=values["budget_year"],
        )
    except IsupportError as error:
        field_errors = {
            (p.field if p.field in CALL_FIELDS else "form"): (
                _labelled(p.field, render_message(p, lang), lang)
                if p.field in CALL_FIELDS
                else render_problem(p, lang)
            )
            for p in error.problems
        }
        return _workbench(
            request, stores, principal, status_of(error), form=form, field_errors=field_errors
        )
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
