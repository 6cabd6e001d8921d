"""A deadline on a country's working-day calendar (what ``isupport deadline`` prints)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import ConfigDict, Field

from ...engine.calendars import calendar_for
from ...engine.citations import Citation
from ...engine.deadlines import CalendarDays, WorkingDays
from ..serialize import Out
from .common import DAY_HELP, INVALID, Day, InputError, Jurisdiction

router = APIRouter(tags=["deadlines"], responses=INVALID)

# Laws count at most a few hundred days; the bound keeps every answer inside the calendars.
MAX_WORKING_DAYS = 1000
MAX_CALENDAR_DAYS = 3660


class DayOff(Out):
    date: dt.date
    reason: str = Field(examples=["weekend", "Victory Day"])
    citation: str | None = Field(description="the act behind a calendar override")


class Deadline(Out):
    jurisdiction: Jurisdiction
    start: dt.date = Field(alias="from", description="the event the period runs from")
    kind: Literal["working_days", "calendar_days"]
    days: int
    rule: str = Field(examples=["10 working days (RU calendar) after the event"])
    due: dt.date
    due_is_working_day: bool
    calendar: str = Field(description="the calendar data used", examples=["holidays 0.109 + …"])
    days_not_counted: list[DayOff] = Field(description="days off between the event and the due day")

    model_config = ConfigDict(extra="forbid", validate_by_name=True, validate_by_alias=True)


@router.get(
    "/deadlines",
    summary="N working days or N calendar days after an event",
)
def deadline(
    jurisdiction: Annotated[Jurisdiction, Query(description="whose calendar counts")],
    start: Annotated[Day, Query(alias="from", description=f"the event date, {DAY_HELP}")],
    working_days: Annotated[
        int | None, Query(ge=0, le=MAX_WORKING_DAYS, description="N working days after")
    ] = None,
    calendar_days: Annotated[
        int | None, Query(ge=0, le=MAX_CALENDAR_DAYS, description="N calendar days after")
    ] = None,
) -> Deadline:
    if (working_days is None) == (calendar_days is None):
        raise InputError("working_days: give exactly one of working_days or calendar_days")
    code = jurisdiction.value
    calendar = calendar_for(code)
    basis = Citation(code, "working-day calendar")
    rule = (
        WorkingDays(working_days, code, basis)
        if working_days is not None
        else CalendarDays(calendar_days or 0, basis)
    )
    due = rule.due(start)
    skipped = (
        calendar.non_working_days(start + dt.timedelta(days=1), due)
        if working_days is not None
        else []
    )
    return Deadline(
        jurisdiction=jurisdiction,
        start=start,
        kind="working_days" if working_days is not None else "calendar_days",
        days=working_days if working_days is not None else calendar_days or 0,
        rule=rule.describe(),
        due=due,
        due_is_working_day=calendar.is_working_day(due),
        calendar=calendar.source,
        days_not_counted=[
            DayOff(date=d.date, reason=d.reason, citation=str(d.citation) if d.citation else None)
            for d in skipped
        ],
    )
