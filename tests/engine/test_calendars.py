"""Working-day calendars: holidays package + cited overrides, scalar and vectorised."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from industrial_support.engine.calendars import calendar_for
from industrial_support.engine.errors import CalendarError

RU = calendar_for("RU")


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (dt.date(2025, 5, 2), False),  # transferred from 4 January by the 2025 decree
        (dt.date(2025, 5, 8), False),  # transferred from 23 February
        (dt.date(2025, 11, 1), True),  # a Saturday made a working day
        (dt.date(2025, 11, 3), False),  # the day off it was moved to
        (dt.date(2025, 5, 1), False),  # Spring and Labour Day
        (dt.date(2025, 5, 5), True),
    ],
)
def test_russian_transfers_2025(day: dt.date, working: bool) -> None:
    assert RU.is_working_day(day) is working


def test_twenty_russian_working_days_after_25_april_2025() -> None:
    # Apr 28-30 (3), May 5-7 (6), 12-16 (11), 19-23 (16), 26-29 (20)
    assert RU.add_working_days(dt.date(2025, 4, 25), 20) == dt.date(2025, 5, 29)


def test_working_saturday_counts() -> None:
    # Fri 31 Oct 2025 + 1 working day = Sat 1 Nov (working); + 2 = Wed 5 Nov (3-4 Nov off)
    assert RU.add_working_days(dt.date(2025, 10, 31), 1) == dt.date(2025, 11, 1)
    assert RU.add_working_days(dt.date(2025, 10, 31), 2) == dt.date(2025, 11, 5)


def test_japanese_year_end_closure_comes_from_the_cited_override() -> None:
    jp = calendar_for("JP")
    info = jp.day(dt.date(2025, 12, 30))
    assert not info.working and info.citation is not None
    assert "Administrative Organs" in str(info.citation)
    # 26 Dec 2025 (Fri) + 1 working day: 29 Dec - 3 Jan closed, 4 Jan Sunday → Mon 5 Jan 2026
    assert jp.add_working_days(dt.date(2025, 12, 26), 1) == dt.date(2026, 1, 5)


def test_kazakhstan_independence_day() -> None:
    assert not calendar_for("KZ").is_working_day(dt.date(2025, 12, 16))


def test_unknown_jurisdiction_and_negative_count_are_errors() -> None:
    with pytest.raises(CalendarError, match="jurisdiction"):
        calendar_for("FR")
    with pytest.raises(CalendarError, match="0 or more"):
        RU.add_working_days(dt.date(2025, 1, 1), -1)


@settings(max_examples=60, deadline=None)
@given(
    jurisdiction=st.sampled_from(["RU", "KZ", "JP"]),
    start=st.dates(dt.date(2020, 1, 1), dt.date(2027, 12, 31)),
    count=st.integers(0, 60),
)
def test_vectorised_working_days_agree_with_scalar(
    jurisdiction: str, start: dt.date, count: int
) -> None:
    calendar = calendar_for(jurisdiction)
    frame = pl.DataFrame({"start": [start]})
    vectorised = frame.select(calendar.add_working_days_expr(pl.col("start"), count)).item()
    assert vectorised == calendar.add_working_days(start, count)
