"""Each account's obligations as an iCalendar feed (RFC 5545, the ``icalendar`` library):
one all-day event per open obligation the account may see and its party must meet, on its due date, with what is
due, for which case, by which rule and citation — in the reader's language."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import Response
from icalendar import Calendar, Event

from ...cases.procedure import get_procedure
from ...engine.program import text
from ..casework import due_items
from ..context import CallerDep, ServicesDep, language
from ..i18n import N_, gettext

router = APIRouter(include_in_schema=False)


def _concerns(role: str, party: str) -> bool:
    """An applicant's feed holds what its enterprise must do; an official's, what the
    authority (or its systems) must do; an auditor's, everything."""
    if role == "applicant":
        return party == "applicant"
    if role == "official":
        return party != "applicant"  # every body of the procedure and its automated checks
    return True


@router.get("/calendar.ics")
def calendar_feed(request: Request, who: CallerDep, stores: ServicesDep) -> Response:
    """Signed in by session or ``Authorization: Bearer`` (a token from the account page)."""
    principal = who.require()
    lang = language(request)
    feed = Calendar()
    feed.add("prodid", "-//industrial-support//obligations//EN")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", f"industrial-support: {principal.display_name}")
    stamp = dt.datetime.now(dt.UTC)
    for item in due_items(stores.cases, principal, stores.today()):
        if not _concerns(principal.role, item.party):
            continue
        procedure = get_procedure(item.procedure)
        what = text(procedure.obligation_labels[item.kind], lang)
        event = Event()
        # one obligation of a kind is open per case at a time: case, kind and day name it
        event.add("uid", f"case-{item.case_id}-{item.kind}-{item.due_on.isoformat()}@isupport")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due_on)
        event.add("dtend", item.due_on + dt.timedelta(days=1))
        event.add("summary", f"{what} · {gettext(lang, N_('Case number'))} {item.case_id}")
        event.add("description", f"{item.rule} ({item.basis})")
        event.add("url", str(request.base_url).rstrip("/") + f"/cases/{item.case_id}")
        feed.add_component(event)
    return Response(
        feed.to_ical(),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'inline; filename="obligations.ics"'},
    )
