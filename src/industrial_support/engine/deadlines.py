"""Deadline rules: calendar days, working days, months/years, fixed yearly dates.

Calendar days and working days are different types, and a working-day rule always names
the jurisdiction whose calendar counts. Periods in months or years end on the day that
corresponds to the start; :func:`period_end_expr` is the one implementation, used both by
rules over columns and by single deadlines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .calendars import calendar_for
from .citations import Citation, cite
from .errors import CalendarError

if TYPE_CHECKING:  # Polars only for the vectorised forms: `isupport deadline` starts without it
    import polars as pl


def period_end_expr(
    start: pl.Expr, *, years: int = 0, months: int = 0, start_day_counted: bool
) -> pl.Expr:
    """Last day of a period of whole months/years that begins on ``start``.

    * ``start_day_counted=False`` — the corresponding-day rule (RU Civil Code Art.192(3)):
      the period ends on the day of the last month that corresponds to ``start``; where no
      such day exists, on that month's last day.
    * ``start_day_counted=True`` — ``start`` is the first day of the period (JP: a period
      "counted from" a date, 起算して): it ends on the day before the day corresponding to
      ``start``; where none exists, on that month's last day (JP Civil Code Art.143(2)).
      A Japanese period that does not count its first day (Civil Code Art.140) is this rule
      applied from the next day.
    """
    total = years * 12 + months
    if total <= 0:
        raise CalendarError(f"period: expected a positive length, got {years}y{months}mo")
    shifted = start.dt.offset_by(f"{total}mo")  # clamps to the month's last day if needed
    if not start_day_counted:
        return shifted
    import polars as pl

    corresponding_exists = shifted.dt.day() == start.dt.day()
    return pl.when(corresponding_exists).then(shifted.dt.offset_by("-1d")).otherwise(shifted)


def period_end(
    start: dt.date, *, years: int = 0, months: int = 0, start_day_counted: bool
) -> dt.date:
    import polars as pl

    frame = pl.DataFrame({"start": [start]})
    result = frame.select(
        period_end_expr(
            pl.col("start"), years=years, months=months, start_day_counted=start_day_counted
        )
    )
    value: dt.date = result.item()
    return value


@dataclass(frozen=True)
class CalendarDays:
    days: int
    citation: Citation
    # Some laws move a deadline that falls on a day off to the next working day.
    roll_to_working_day: bool = False
    jurisdiction: str | None = None

    def due(self, event: dt.date) -> dt.date:
        if self.days < 0:
            raise CalendarError(f"calendar days: expected 0 or more, got {self.days}")
        result = event + dt.timedelta(days=self.days)
        if self.roll_to_working_day:
            if self.jurisdiction is None:
                raise CalendarError("rolling to a working day needs a jurisdiction")
            result = calendar_for(self.jurisdiction).next_working_day(result)
        return result

    def describe(self) -> str:
        return f"{self.days} calendar days after the event"


@dataclass(frozen=True)
class WorkingDays:
    days: int
    jurisdiction: str
    citation: Citation

    def due(self, event: dt.date) -> dt.date:
        return calendar_for(self.jurisdiction).add_working_days(event, self.days)

    def describe(self) -> str:
        return f"{self.days} working days ({self.jurisdiction} calendar) after the event"


@dataclass(frozen=True)
class Period:
    months: int
    citation: Citation
    start_day_counted: bool = False

    def due(self, event: dt.date) -> dt.date:
        return period_end(event, months=self.months, start_day_counted=self.start_day_counted)

    def describe(self) -> str:
        counted = ", the start day counted" if self.start_day_counted else ""
        return f"{self.months} months after the event{counted}"


@dataclass(frozen=True)
class FixedDate:
    """A fixed day of a year relative to the event: 10 November of the same year (offset 0),
    1 April of the next (offset 1)."""

    month: int
    day: int
    citation: Citation
    year_offset: int = 0

    def due(self, event: dt.date) -> dt.date:
        try:
            return dt.date(event.year + self.year_offset, self.month, self.day)
        except ValueError:
            raise CalendarError(f"fixed date: {self.month}-{self.day} is not a real date") from None

    def describe(self) -> str:
        year = {0: "the same year", 1: "the next year"}.get(
            self.year_offset, f"year +{self.year_offset}"
        )
        return f"{self.day:02d}-{self.month:02d} of {year}"


@dataclass(frozen=True)
class EndOfQuarter:
    """The last day of the calendar quarter ``quarters_ahead`` after the event's quarter
    (0: the event's own quarter) — for duties due "once a quarter"."""

    quarters_ahead: int
    citation: Citation

    def due(self, event: dt.date) -> dt.date:
        index = event.year * 4 + (event.month - 1) // 3 + self.quarters_ahead
        year, quarter = divmod(index, 4)
        first_of_next = dt.date(year + (quarter == 3), (quarter + 1) % 4 * 3 + 1, 1)
        return first_of_next - dt.timedelta(days=1)

    def describe(self) -> str:
        return f"last day of the quarter {self.quarters_ahead} after the event's"


DeadlineRule = CalendarDays | WorkingDays | Period | FixedDate | EndOfQuarter
Kind = Literal["calendar", "working"]


def rule(kind: Kind, days: int, jurisdiction: str, citation: str) -> DeadlineRule:
    """Small factory for CLI/API use: N calendar or working days in a jurisdiction."""
    if kind == "working":
        return WorkingDays(days, jurisdiction, cite(citation))
    return CalendarDays(days, cite(citation), jurisdiction=jurisdiction)
