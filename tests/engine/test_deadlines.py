"""Deadline rules and periods."""

from __future__ import annotations

import datetime as dt

import pytest

from industrial_support.engine.citations import cite
from industrial_support.engine.deadlines import (
    CalendarDays,
    FixedDate,
    Period,
    WorkingDays,
    period_end,
)
from industrial_support.engine.errors import CalendarError

C = cite("003 §6")


@pytest.mark.parametrize(
    ("start", "years", "counted", "end"),
    [
        # start day counted (JP "起算して"): the day before the corresponding day
        (dt.date(2024, 3, 31), 2, True, dt.date(2026, 3, 30)),
        # no 29 Feb in 2026: the month's last day (JP Civil Code Art.143(2) proviso)
        (dt.date(2024, 2, 29), 2, True, dt.date(2026, 2, 28)),
        (dt.date(2024, 2, 29), 4, True, dt.date(2028, 2, 28)),
        # corresponding-day rule (RU Civil Code Art.192(3))
        (dt.date(2024, 3, 31), 2, False, dt.date(2026, 3, 31)),
        (dt.date(2024, 2, 29), 1, False, dt.date(2025, 2, 28)),
    ],
)
def test_period_end(start: dt.date, years: int, counted: bool, end: dt.date) -> None:
    assert period_end(start, years=years, start_day_counted=counted) == end


def test_month_periods() -> None:
    # 2 months from 31 Dec: no 31 Feb → last day of February
    assert Period(2, C).due(dt.date(2025, 12, 31)) == dt.date(2026, 2, 28)
    assert Period(4, C).due(dt.date(2025, 1, 15)) == dt.date(2025, 5, 15)
    with pytest.raises(CalendarError, match="positive"):
        period_end(dt.date(2025, 1, 1), months=0, start_day_counted=False)


def test_calendar_days_and_rolling() -> None:
    # 14 calendar days after Mon 21 Apr 2025 = Mon 5 May 2025, a Russian day off
    assert CalendarDays(14, C).due(dt.date(2025, 4, 21)) == dt.date(2025, 5, 5)
    # rolled: 2 May (Fri) is off, 3-4 weekend → Mon 5 May 2025 is a working day
    rolled = CalendarDays(9, C, roll_to_working_day=True, jurisdiction="RU")
    assert rolled.due(dt.date(2025, 4, 23)) == dt.date(2025, 5, 5)


def test_working_days_rule() -> None:
    assert WorkingDays(20, "RU", C).due(dt.date(2025, 4, 25)) == dt.date(2025, 5, 29)


def test_fixed_dates() -> None:
    assert FixedDate(11, 10, C).due(dt.date(2025, 3, 1)) == dt.date(2025, 11, 10)
    assert FixedDate(4, 1, C, year_offset=1).due(dt.date(2025, 6, 1)) == dt.date(2026, 4, 1)
    with pytest.raises(CalendarError, match="not a real date"):
        FixedDate(2, 30, C).due(dt.date(2025, 1, 1))
