"""Papers to download: the receipt of an application, the paper of each recorded decision,
the results record of a call (003 §9(e), also as a page), a screening result; and CSV of
the queues, the due lists and screening results. Each is the reader's language; each is
served only to those who may read what it is about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from ...cases.procedure import get_procedure
from ...cases.store import NotFoundError
from ...engine.calendars import JURISDICTIONS
from ...engine.errors import IsupportError
from ...engine.money import CURRENCY_DIGITS
from ...engine.outcomes import Outcome
from ...engine.program import text
from ...i18n import show, status_label
from ...papers.csvfile import to_csv
from ...papers.pdf import to_pdf
from ...papers.records import results_record
from ..casework import calls, due_items, readable_case, visible_cases
from ..context import CallerDep, ForbiddenError, Services, ServicesDep, language
from ..documents import case_checklist
from ..i18n import N_, gettext, render
from .catalogue import COUNTRIES, choice, parse_date
from .common import page
from .screening import screen

router = APIRouter(include_in_schema=False)
RowId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def _download(content: bytes, media_type: str, filename: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _pdf(request: Request, template: str, filename: str, **context: Any) -> Response:
    lang = language(request)
    html = render(lang, template, issued_at=dt.datetime.now(dt.UTC), **context)
    return _download(to_pdf(html), "application/pdf", filename)


def _csv(filename: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Response:
    return _download(to_csv(header, rows), "text/csv; charset=utf-8", filename)


def _case_context(stores: Services, case_id: RowId, principal: Any) -> dict[str, Any]:
    case = readable_case(stores.cases, principal, case_id)
    return {
        "case": case,
        "procedure": get_procedure(case.procedure),
        "call": stores.cases.call(case.call_id) if case.call_id else None,
        "enterprise": stores.accounts.enterprise(case.enterprise_id),
    }


# --- Case papers ---------------------------------------------------------------------------
@router.get("/cases/{case_id}/receipt.pdf")
def receipt_pdf(case_id: RowId, request: Request, who: CallerDep, stores: ServicesDep) -> Response:
    context = _case_context(stores, case_id, who.require())
    context["checklist"] = case_checklist(stores.cases, context["case"])
    return _pdf(request, "papers/receipt.html", f"case-{case_id}-receipt.pdf", **context)


@router.get("/cases/{case_id}/steps/{entry_id}.pdf")
def decision_pdf(
    case_id: RowId, entry_id: RowId, request: Request, who: CallerDep, stores: ServicesDep
) -> Response:
    """The paper of one recorded step of the case: what was decided, on what ground and
    basis, by whom and when, and what is due now."""
    context = _case_context(stores, case_id, who.require())
    entry = next((t for t in stores.cases.log(case_id) if t.id == entry_id), None)
    if entry is None or entry.action == "submit":
        raise NotFoundError(f"entry: case {case_id} has no decision {entry_id}")
    procedure = context["procedure"]
    obligations = [item for item in stores.cases.due(stores.today()) if item.case_id == case_id]
    return _pdf(
        request,
        "papers/decision.html",
        f"case-{case_id}-{entry.action}-{entry_id}.pdf",
        entry=entry,
        step=procedure.step(entry.action),
        obligations=obligations,
        **context,
    )


# --- The results record of a call (003 §9(e)) ---------------------------------------------
# The record is published on the ministry's site (003 §9(e)) with the participants'
# consent to publication (§8(f)), so it is public here too.
def _record(stores: Services, call_id: RowId) -> Any:
    def name(enterprise_id: str) -> str | None:
        found = stores.accounts.enterprise(enterprise_id)
        return found.name if found else None

    return results_record(stores.cases, call_id, name)


@router.get("/calls/{call_id}/results", response_class=HTMLResponse)
def results_page(call_id: RowId, request: Request, stores: ServicesDep) -> Response:
    return page(request, "call_results.html", section="work", record=_record(stores, call_id))


@router.get("/calls/{call_id}/results.pdf")
def results_pdf(call_id: RowId, request: Request, stores: ServicesDep) -> Response:
    record = _record(stores, call_id)
    return _pdf(request, "papers/results.html", f"call-{call_id}-results.pdf", record=record)


@router.get("/calls/{call_id}/results.csv")
def results_csv(call_id: RowId, request: Request, stores: ServicesDep) -> Response:
    lang = language(request)
    record = _record(stores, call_id)
    header = [
        gettext(lang, N_("Arrival number")),
        gettext(lang, N_("Case number")),
        gettext(lang, N_("Enterprise")),
        gettext(lang, N_("Submitted")),
        gettext(lang, N_("State")),
        gettext(lang, N_("Ground of refusal")),
        gettext(lang, N_("Citation")),
        gettext(lang, N_("Amount")),
    ]
    rows = [
        [
            row.case.arrival_number,
            row.case.id,
            row.enterprise_name,
            row.case.submitted_at.isoformat(),
            text(record.procedure.state_labels[row.case.state], lang),
            text(row.refusal_label, lang) if row.refusal_label else "",
            row.refusal.basis if row.refusal else "",
            row.case.amount.amount if row.case.amount else "",
        ]
        for row in record.rows
    ]
    return _csv(f"call-{call_id}-results.csv", header, rows)


# --- Queues and due lists as CSV ----------------------------------------------------------
@router.get("/work/calls/{call_id}/queue.csv")
def queue_csv(call_id: RowId, request: Request, who: CallerDep, stores: ServicesDep) -> Response:
    principal = who.require()
    if principal.role == "applicant":
        raise ForbiddenError("role: the call queue is for officials and auditors")
    today = stores.today()
    summary = next((s for s in calls(stores.cases, principal, today) if s.call.id == call_id), None)
    if summary is None:
        stores.cases.call(call_id)  # 404 when unknown
        raise ForbiddenError(f"call: {call_id} is not a call of your authority")
    lang = language(request)
    due: dict[int, list[str]] = {}
    for item in due_items(stores.cases, principal, today):
        label = text(summary.procedure.obligation_labels[item.kind], lang)
        due.setdefault(item.case_id, []).append(f"{label}: {item.due_on.isoformat()}")
    header = [
        gettext(lang, N_("Arrival number")),
        gettext(lang, N_("Case number")),
        gettext(lang, N_("Enterprise")),
        gettext(lang, N_("Subject")),
        gettext(lang, N_("Submitted")),
        gettext(lang, N_("State")),
        gettext(lang, N_("Amount")),
        gettext(lang, N_("Currency")),
        gettext(lang, N_("Next deadline")),
    ]
    rows = [
        [
            case.arrival_number,
            case.id,
            case.enterprise_id,
            case.subject,
            case.submitted_at.isoformat(),
            text(summary.procedure.state_labels[case.state], lang),
            case.amount.amount if case.amount else "",
            case.amount.currency if case.amount else "",
            "; ".join(due.get(case.id, [])),
        ]
        for case in visible_cases(stores.cases, principal, call_id)
    ]
    return _csv(f"call-{call_id}-queue.csv", header, rows)


@router.get("/due.csv")
def due_csv(request: Request, who: CallerDep, stores: ServicesDep) -> Response:
    """Every open obligation the account may see (an applicant: its enterprise's)."""
    principal = who.require()
    lang = language(request)
    header = [
        gettext(lang, N_("Case number")),
        gettext(lang, N_("Enterprise")),
        gettext(lang, N_("What")),
        gettext(lang, N_("Who")),
        gettext(lang, N_("Due on")),
        gettext(lang, N_("Overdue")),
        gettext(lang, N_("Rule")),
        gettext(lang, N_("Citation")),
    ]
    rows = []
    for item in due_items(stores.cases, principal, stores.today()):
        procedure = get_procedure(item.procedure)
        rows.append(
            [
                item.case_id,
                item.enterprise_id,
                text(procedure.obligation_labels[item.kind], lang),
                item.party,
                item.due_on.isoformat(),
                gettext(lang, N_("yes")) if item.overdue else gettext(lang, N_("no")),
                item.rule,
                item.basis,
            ]
        )
    return _csv("due.csv", header, rows)


# --- A screening result ------------------------------------------------------------------
def _screening(request: Request, stores: Services) -> Any:
    params = {key: value for key, value in request.query_params.items()}
    country = choice(params.get("country", "").upper(), "country", JURISDICTIONS)
    if not country:
        raise IsupportError("country: expected one of JP, RU, KZ")
    as_of = parse_date(params.get("as_of"), "as_of", stores.today())
    result = screen(country, as_of, params)
    if result.errors:
        problems = "; ".join(f"{name}: {message}" for name, message in result.errors.items())
        raise IsupportError(problems)
    return result


@router.get("/screen/result.pdf")
async def screening_pdf(request: Request, stores: ServicesDep) -> Response:
    result = await run_in_threadpool(_screening, request, stores)
    return await run_in_threadpool(
        _pdf,
        request,
        "papers/screening.html",
        f"screening-{result.country}-{result.as_of.isoformat()}.pdf",
        s=result,
        countries=COUNTRIES,
        Outcome=Outcome,
        currencies=sorted(CURRENCY_DIGITS),
    )


@router.get("/screen/result.csv")
async def screening_csv(request: Request, stores: ServicesDep) -> Response:
    result = await run_in_threadpool(_screening, request, stores)
    lang = language(request)
    header = [
        gettext(lang, N_("Program")),
        gettext(lang, N_("Program id")),
        gettext(lang, N_("Result")),
        gettext(lang, N_("Amounts")),
        gettext(lang, N_("Citation")),
        gettext(lang, N_("Facts still needed")),
    ]
    rows = []
    for item in result.results:
        status = item.status.value
        amounts = [
            f"{getattr(v.value, lang)}: {show(v.result, lang)}"
            for v in item.values
            if v.result is not None and v.value.unit in CURRENCY_DIGITS and status != "ineligible"
        ]
        rows.append(
            [
                text(item.program.title, lang),
                item.program.id,
                status_label(status, item.program.kind, lang),
                "; ".join(amounts),
                item.program.citation,
                " ".join(item.missing_facts),
            ]
        )
    return _csv(f"screening-{result.country}-{result.as_of.isoformat()}.csv", header, rows)
