"""FRP loans (seed 004 §1-1, §1-2): the repayment schedule and the application stages.

Every expected figure and date is worked out by hand below; stage limits of §1-1(5) are
calendar days (see docs/readings.md), months end on the corresponding day.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from industrial_support.programs.ru.frp import (
    ScheduleYear,
    answer_due,
    council_documents_due,
    desk_review_due,
    development_rates,
    development_schedule,
    due_diligence_due,
    leasing_schedule,
    loan_agreement_due,
    precheck_due,
    repayment_schedule,
    revision_due,
)

ON = dt.date(2019, 1, 15)
D = Decimal


def _row(year: int, opening: str, rate: str, interest: str, repayment: str) -> ScheduleYear:
    return ScheduleYear(
        year, D(opening), D(rate), D(interest), D(repayment), D(opening) - D(repayment)
    )


# --- schedule (004 §1-1(4): 5%, or 3% for the first 3 years with a guarantee and 5% after) ---


def test_guaranteed_loan_steps_from_3_to_5_percent_after_year_3() -> None:
    # 100,000,000 over 5 years, equal principal 20,000,000 a year:
    # y1 100m x 3% = 3,000,000; y2 80m x 3% = 2,400,000; y3 60m x 3% = 1,800,000;
    # y4 40m x 5% = 2,000,000; y5 20m x 5% = 1,000,000 -> total interest 10,200,000
    rows = development_schedule(D("100000000.00"), 5, guaranteed=True, on=ON)
    assert rows == [
        _row(1, "100000000", "0.03", "3000000", "20000000"),
        _row(2, "80000000", "0.03", "2400000", "20000000"),
        _row(3, "60000000", "0.03", "1800000", "20000000"),
        _row(4, "40000000", "0.05", "2000000", "20000000"),
        _row(5, "20000000", "0.05", "1000000", "20000000"),
    ]
    assert sum(row.interest for row in rows) == D("10200000")
    assert rows[-1].closing == 0


def test_unguaranteed_bullet_loan_pays_5_percent_on_the_full_principal() -> None:
    # 100,000,000 x 5% = 5,000,000 each year; the principal at the end of year 5
    rows = development_schedule(D("100000000"), 5, guaranteed=False, on=ON, profile="bullet")
    assert [row.interest for row in rows] == [D("5000000")] * 5
    assert [row.repayment for row in rows] == [D(0)] * 4 + [D("100000000")]
    assert rows[-1].closing == 0


def test_equal_instalments_leave_the_odd_kopeck_to_the_last_year() -> None:
    # 100,000,000 / 3 = 33,333,333.333... -> 33,333,333.33; last = 100,000,000 - 66,666,666.66
    #   = 33,333,333.34
    # interest at 5%: y1 5,000,000.00; y2 66,666,666.67 x 0.05 = 3,333,333.3335 -> 3,333,333.33;
    # y3 33,333,333.34 x 0.05 = 1,666,666.667 -> 1,666,666.67
    rows = development_schedule(D("100000000"), 3, guaranteed=False, on=ON)
    assert rows == [
        _row(1, "100000000", "0.05", "5000000.00", "33333333.33"),
        _row(2, "66666666.67", "0.05", "3333333.33", "33333333.33"),
        _row(3, "33333333.34", "0.05", "1666666.67", "33333333.34"),
    ]


def test_interest_rounds_half_up_to_the_kopeck() -> None:
    # 50,000,000.10 x 5% = 2,500,000.005 -> 2,500,000.01 (half-even would give .00)
    (row,) = development_schedule(D("50000000.10"), 1, guaranteed=False, on=ON)
    assert row.interest == D("2500000.01")


def test_guaranteed_rate_covers_a_shorter_term_whole() -> None:
    assert development_rates(2, guaranteed=True, on=ON) == [D("0.03"), D("0.03")]
    assert development_rates(4, guaranteed=True, on=ON) == [D("0.03")] * 3 + [D("0.05")]
    assert development_rates(4, guaranteed=False, on=ON) == [D("0.05")] * 4


def test_leasing_loan_at_1_percent() -> None:
    # 10,000,000 over 3 years at 1% (004 §1-2(4)): y1 100,000.00;
    # y2 6,666,666.67 x 1% = 66,666.6667 -> 66,666.67; y3 3,333,333.34 x 1% = 33,333.3334
    #   -> 33,333.33
    rows = leasing_schedule(D("10000000"), 3, on=ON)
    assert [row.interest for row in rows] == [D("100000.00"), D("66666.67"), D("33333.33")]
    assert [row.repayment for row in rows] == [D("3333333.33"), D("3333333.33"), D("3333333.34")]


@pytest.mark.parametrize("years", [0, 6])
def test_term_outside_1_to_5_years_is_refused(years: int) -> None:
    with pytest.raises(ValueError, match="term"):
        development_schedule(D("100000000"), years, guaranteed=False, on=ON)


@pytest.mark.parametrize("loan", ["0", "-1", "100000000.001"])
def test_loan_must_be_a_positive_amount_in_kopecks(loan: str) -> None:
    with pytest.raises(ValueError, match="loan"):
        development_schedule(D(loan), 5, guaranteed=False, on=ON)


def test_one_rate_per_year_is_required() -> None:
    with pytest.raises(ValueError, match="rates"):
        repayment_schedule(D("100000000"), 2, [D("0.05")], on=ON)


def test_no_schedule_before_the_surveyed_terms() -> None:
    from industrial_support.engine.errors import ParameterError

    with pytest.raises(ParameterError):
        development_schedule(D("100000000"), 5, guaranteed=False, on=dt.date(2018, 9, 30))


# --- application stages (004 §1-1(5)) --------------------------------------------------------


def test_precheck_5_days() -> None:
    assert precheck_due(dt.date(2019, 1, 15)) == dt.date(2019, 1, 20)  # 15 + 5


def test_desk_review_5_days_plus_2_per_additional_document() -> None:
    assert desk_review_due(dt.date(2019, 1, 15)) == dt.date(2019, 1, 20)  # 15 + 5
    assert desk_review_due(dt.date(2019, 1, 15), 1) == dt.date(2019, 1, 22)  # 15 + 5 + 2
    assert desk_review_due(dt.date(2019, 1, 15), 3) == dt.date(2019, 1, 26)  # 15 + 5 + 6
    with pytest.raises(ValueError):
        desk_review_due(dt.date(2019, 1, 15), -1)


def test_four_months_to_revise() -> None:
    assert revision_due(dt.date(2019, 1, 15)) == dt.date(2019, 5, 15)
    # 31 October + 4 months: no 31 February -> the month's last day, 28 February 2019
    assert revision_due(dt.date(2018, 10, 31)) == dt.date(2019, 2, 28)


def test_due_diligence_40_days_and_30_days_to_answer() -> None:
    assert due_diligence_due(dt.date(2019, 1, 15)) == dt.date(2019, 2, 24)  # 16 Jan..24 Feb
    assert answer_due(dt.date(2019, 1, 15)) == dt.date(2019, 2, 14)  # 16 days Jan + 14 Feb


def test_council_documents_5_days_after_notice_and_15_days_before_meeting() -> None:
    notice = dt.date(2019, 3, 1)  # notice + 5 = 6 March
    # meeting 1 April: 15 days before = 17 March, later than 6 March -> 6 March
    assert council_documents_due(notice, dt.date(2019, 4, 1)) == dt.date(2019, 3, 6)
    # meeting 21 March: 15 days before = 6 March, the two limits meet -> 6 March
    assert council_documents_due(notice, dt.date(2019, 3, 21)) == dt.date(2019, 3, 6)
    # meeting 18 March: 15 days before = 3 March, earlier -> 3 March
    assert council_documents_due(notice, dt.date(2019, 3, 18)) == dt.date(2019, 3, 3)


def test_loan_agreement_within_2_months_of_approval() -> None:
    assert loan_agreement_due(dt.date(2019, 1, 15)) == dt.date(2019, 3, 15)
    # 31 December 2019 + 2 months: no 31 February -> 29 February 2020 (leap year)
    assert loan_agreement_due(dt.date(2019, 12, 31)) == dt.date(2020, 2, 29)
