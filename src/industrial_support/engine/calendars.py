"""Working-day calendars per jurisdiction: the `holidays` package plus a cited override table.

`holidays` already knows each country's public holidays and Russia's and Kazakhstan's
decree transfers (days off moved onto weekdays, Saturdays made working days). The override
files in ``industrial_support/calendars/<jurisdiction>.yaml`` add what it does not cover
(Japan's administrative year-end closure) and correct it when a decree disagrees; every
override row cites its act.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.metadata import version
from typing import TYPE_CHECKING, Any

import holidays
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .citations import Citation, cite
from .errors import CalendarError
from .parameters import load_yaml

if TYPE_CHECKING:  # Polars only for the vectorised form: `isupport deadline` starts without it
    import polars as pl

JURISDICTIONS = ("JP", "RU", "KZ")
# The span over which vectorised working-day arithmetic is tabulated.
TABLE_YEARS = range(2010, 2041)


class _Override(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    working: bool
    cite: str
    note: str = ""

    @field_validator("cite")
    @classmethod
    def _cite(cls, text: str) -> str:
        cite(text)
        return text


class DateOverride(_Override):
    date: dt.date


class RecurringOverride(_Override):
    from_: str
    to: str

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def covers(self, day: dt.date) -> bool:
        key = day.strftime("%m-%d")
        return self.from_ <= key <= self.to


class OverrideFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    recurring: list[RecurringOverride]
    dates: list[DateOverride]


@dataclass(frozen=True)
class DayInfo:
    date: dt.date
    working: bool
    reason: str  # "weekend", a holiday's name, an override's note, or "" for a plain working day
    citation: Citation | None = None


class WorkingCalendar:
    def __init__(self, jurisdiction: str, overrides: OverrideFile) -> None:
        if jurisdiction not in JURISDICTIONS:
            raise CalendarError(
                f"jurisdiction: expected one of {', '.join(JURISDICTIONS)}, got {jurisdiction!r}"
            )
        self.jurisdiction = jurisdiction
        self.overrides = overrides
        self._holidays: Any = holidays.country_holidays(jurisdiction)
        self._dates = {row.date: row for row in overrides.dates}
        self.source = f"holidays {version('holidays')} + calendars/{jurisdiction.lower()}.yaml"

    def day(self, date: dt.date) -> DayInfo:
        if (row := self._dates.get(date)) is not None:
            return DayInfo(date, row.working, row.note, cite(row.cite))
        for recurring in self.overrides.recurring:
            if recurring.covers(date):
                return DayInfo(date, recurring.working, recurring.note, cite(recurring.cite))
        working = bool(self._holidays.is_working_day(date))
        name = self._holidays.get(date)
        if name:
            return DayInfo(date, working, str(name))
        if date.weekday() >= 5:
            return DayInfo(
                date, working, "weekend" if not working else "working weekend (transfer)"
            )
        return DayInfo(date, working, "")

    def is_working_day(self, date: dt.date) -> bool:
        return self.day(date).working

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start`` (``start`` itself is not counted)."""
        if count < 0:
            raise CalendarError(f"working days: expected a count of 0 or more, got {count}")
        current = start
        remaining = count
        while remaining:
            current += dt.timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def next_working_day(self, date: dt.date) -> dt.date:
        """``date`` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(date):
            date += dt.timedelta(days=1)
        return date

    def non_working_days(self, start: dt.date, end: dt.date) -> list[DayInfo]:
        days = (start + dt.timedelta(days=n) for n in range((end - start).days + 1))
        return [info for info in map(self.day, days) if not info.working]

    def add_working_days_expr(self, dates: pl.Expr, count: int) -> pl.Expr:
        """Vectorised :meth:`add_working_days` for a column of dates (same calendar data)."""
        if count < 0:
            raise CalendarError(f"working days: expected a count of 0 or more, got {count}")
        import polars as pl

        if count == 0:
            return dates
        days, ordinals, working = _tables(self.jurisdiction)
        target = dates.replace_strict(days, ordinals, default=None, return_dtype=pl.Int64) + count
        return target.replace_strict(
            working["ordinal"], working["date"], default=None, return_dtype=pl.Date
        )


@cache
def _tables(jurisdiction: str) -> tuple[pl.Series, pl.Series, pl.DataFrame]:
    """Every day of TABLE_YEARS with the number of working days up to and including it,
    and the working days with their ordinal (the n-th working day of the table)."""
    import polars as pl

    calendar = calendar_for(jurisdiction)
    start = dt.date(TABLE_YEARS.start, 1, 1)
    days = pl.date_range(start, dt.date(TABLE_YEARS.stop - 1, 12, 31), "1d", eager=True)
    flags = pl.Series([calendar.is_working_day(day) for day in days], dtype=pl.Boolean)
    ordinals = flags.cast(pl.Int64).cum_sum()
    working = pl.DataFrame({"date": days, "ordinal": ordinals}).filter(flags)
    return days, ordinals, working


@cache
def calendar_for(jurisdiction: str) -> WorkingCalendar:
    if jurisdiction not in JURISDICTIONS:
        raise CalendarError(
            f"jurisdiction: expected one of {', '.join(JURISDICTIONS)}, got {jurisdiction!r}"
        )
    text = resources.files("industrial_support.calendars").joinpath(f"{jurisdiction.lower()}.yaml")
    with resources.as_file(text) as path:
        raw = load_yaml(path)
    try:
        for row in raw.get("recurring", []):
            row["from_"] = row.pop("from")
        overrides = OverrideFile.model_validate(raw)
    except (ValidationError, KeyError) as error:
        raise CalendarError(f"calendars/{jurisdiction.lower()}.yaml: {error}") from None
    return WorkingCalendar(jurisdiction, overrides)
