"""Decree 1176 (seed 003): year-end indicator and refund (§16, §19) and every time limit of
the procedure, on the Russian working calendar. Expected values are worked out by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from industrial_support.engine.citations import cite
from industrial_support.engine.errors import ParameterError
from industrial_support.engine.money import Money
from industrial_support.programs.ru.pp1176 import (
    DEADLINES,
    SCHEDULE,
    application_window_ok,
    deadlines,
    indicator,
    pp1176,
    refund,
    subsidy_request_in_time,
)

D = dt.date


def rub(amount: str | int) -> Money:
    return Money.of(amount, "RUB")


# --- §16 indicator V = C / P -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("c", "p", "v"),
    [
        (80_000_000, 100_000_000, Decimal("0.8")),  # 80m / 100m
        (100_000_000, 80_000_000, Decimal("1.25")),  # 100m / 80m
        (100_000_000, 100_000_000, Decimal(1)),
        (1, 3, Decimal("0.3333333333")),  # 0.333… to 10 places
        (0, 5, Decimal(0)),
    ],
)
def test_indicator(c: int, p: int, v: Decimal) -> None:  # 003 §16
    assert indicator(rub(c), rub(p)) == v


def test_indicator_without_principal_is_undefined() -> None:  # 003 §16: P = 0
    assert indicator(rub(50_000_000), rub(0)) is None


# --- §19 refund R = C − C / V_fact ------------------------------------------------------------
@pytest.mark.parametrize(
    ("c", "p", "r"),
    [
        # V_fact = 100m / 80m = 1.25 > 1: R = 100m − 100m / 1.25 = 100m − 80m = 20m
        ("100000000", "80000000", "20000000"),
        # V_fact = 1 = V_plan: achieved, R = 100m − 100m / 1 = 0
        ("100000000", "100000000", "0"),
        # V_fact = 100,000,000 / 99,999,999.99 > 1 by a hair:
        # R = C − C / (C / P) = C − P = 100,000,000 − 99,999,999.99 = 0.01
        ("100000000", "99999999.99", "0.01"),
        # V_fact = 60m / 80m = 0.75 ≤ 1: achieved; the formula would give 60m − 80m < 0 → 0
        ("60000000", "80000000", "0"),
        # V_fact = 100 / 3 = 33.33…: R = 100 − 100 / (100 / 3) = 100 − 3 = 97, exactly
        ("100", "3", "97"),
        # V_fact = 12,345,678.91 / 10,000,000.50: R = 12,345,678.91 − 10,000,000.50 = 2,345,678.41
        ("12345678.91", "10000000.50", "2345678.41"),
    ],
)
def test_refund(c: str, p: str, r: str) -> None:  # 003 §19
    assert refund(rub(c), rub(p)) == rub(r)


def test_refund_when_no_principal_repaid_is_the_whole_subsidy() -> None:  # 003 §19, §16
    # P_fact = 0: V_fact = C / 0 is unbounded, C / V_fact → 0, R = C − 0 = C
    assert refund(rub(50_000_000), rub(0)) == rub(50_000_000)


def test_refund_with_nothing_received_is_zero() -> None:  # 003 §19: C = 0
    assert refund(rub(0), rub(0)) == rub(0)
    assert refund(rub(0), rub(10)) == rub(0)


def test_refund_against_a_lower_planned_v_is_never_negative() -> None:  # 003 §19
    # V_plan 0.8, V_fact = 90m / 100m = 0.9 > 0.8: not achieved, but
    # R = 90m − 90m / 0.9 = 90m − 100m = −10m → 0
    assert refund(rub(90_000_000), rub(100_000_000), Decimal("0.8")) == rub(0)
    # V_plan 0.8, V_fact = 0.8: achieved → 0
    assert refund(rub(80_000_000), rub(100_000_000), Decimal("0.8")) == rub(0)


def test_refund_refuses_a_plan_above_the_limit_and_other_currencies() -> None:  # 003 §16
    with pytest.raises(ValueError, match="exceeds"):
        refund(rub(10), rub(10), Decimal("1.1"))
    with pytest.raises(ValueError, match="RUB"):
        refund(Money.of(10, "EUR"), rub(10))
    with pytest.raises(ValueError, match="negative"):
        refund(rub(-1), rub(10))


# --- deadlines on the Russian calendar ---------------------------------------------------------
# Days off used below (RU 2025/26 production calendar): 2025-05-01..04 and 05-08..11 (May
# holidays with the 23 Feb and 4 Jan transfers); 2025-06-12..15; Saturday 2025-11-01 is a
# working day and 2025-11-03..04 are off; 2025-12-31 and 2026-01-01..11 are off.
@pytest.mark.parametrize(
    ("name", "event", "due"),
    [
        # 20 WD after Fri 2025-04-25: Apr 28-30 (3), May 5-7 (6), May 12-16 (11),
        # May 19-23 (16), May 26-29 (20)
        ("application_review", D(2025, 4, 25), D(2025, 5, 29)),
        # 10 WD after 2025-04-25: Apr 28-30 (3), May 5-7 (6), May 12-15 (10)
        ("agreement_signing", D(2025, 4, 25), D(2025, 5, 15)),
        # 30 WD after Mon 2025-10-20: Oct 21-24 (4), Oct 27-31 (9), Sat Nov 1 (10),
        # Nov 5-7 (13), Nov 10-14 (18), Nov 17-21 (23), Nov 24-28 (28), Dec 1-2 (30)
        ("subsidy_decision", D(2025, 10, 20), D(2025, 12, 2)),
        # 2 WD after Tue 2025-12-30: Dec 31 and Jan 1-11 off → Jan 12 (1), Jan 13 (2)
        ("payment", D(2025, 12, 30), D(2026, 1, 13)),
        # 10 WD after Tue 2025-06-10: Jun 11 (1), Jun 12-15 off, Jun 16-20 (6), Jun 23-26 (10)
        ("documents_return", D(2025, 6, 10), D(2025, 6, 26)),
        # 15 WD after Thu 2025-02-20: Feb 21 (1), Feb 24-28 (6), Mar 3-7 (11), Mar 10-13 (15)
        ("refund", D(2025, 2, 20), D(2025, 3, 13)),
        # 30 calendar days after publication on 2025-03-03: Mar 3 + 28 = Mar 31, + 2 = Apr 2
        ("application_window", D(2025, 3, 3), D(2025, 4, 2)),
        # 14 calendar days after 2025-12-25: Dec 31 is +6, Jan 8 is +14 (a holiday: no roll)
        ("selection_results_publication", D(2025, 12, 25), D(2026, 1, 8)),
        # by 1 April of the fiscal year
        ("review_results_publication", D(2026, 2, 10), D(2026, 4, 1)),
        # project's last year 2025 → 31 December of 2026
        ("agreement_conclusion", D(2025, 6, 30), D(2026, 12, 31)),
        # project's last year 2025 → last possible request 10 November 2026
        ("subsidy_request", D(2025, 3, 1), D(2026, 11, 10)),
        # quarterly reports during the month after the quarter
        ("quarterly_report", D(2025, 2, 14), D(2025, 4, 30)),
        ("quarterly_report", D(2025, 6, 30), D(2025, 7, 31)),
        ("quarterly_report", D(2025, 12, 31), D(2026, 1, 31)),
        # monthly reports: reading — during the month after the month
        ("monthly_report", D(2025, 1, 31), D(2025, 2, 28)),
        ("monthly_report", D(2024, 1, 15), D(2024, 2, 29)),
        ("monthly_report", D(2025, 12, 1), D(2026, 1, 31)),
    ],
)
def test_deadline(name: str, event: dt.date, due: dt.date) -> None:
    assert DEADLINES[name].due(event) == due
    assert SCHEDULE[name].due(event) == due


def test_every_deadline_cites_its_paragraph() -> None:
    expected = {
        "application_window": "003 §6(b)",
        "selection_results_publication": "003 §6(m)",
        "application_review": "003 §9",
        "agreement_signing": "003 §9(d)",
        "review_results_publication": "003 §9(e)",
        "agreement_conclusion": "003 §10",
        "subsidy_request": "003 §11",
        "subsidy_decision": "003 §12",
        "payment": "003 §14",
        "documents_return": "003 §15",
        "quarterly_report": "003 §17",
        "monthly_report": "003 §10",
        "refund": "003 §18(a)",
    }
    assert {name: deadline.citation for name, deadline in SCHEDULE.items()} == {
        name: cite(text) for name, text in expected.items()
    }
    assert SCHEDULE["application_window"].bound == "earliest"
    assert all(d.bound == "latest" for n, d in SCHEDULE.items() if n != "application_window")


def test_application_window_of_at_least_30_days() -> None:  # 003 §6(b)
    published = D(2025, 3, 3)
    assert application_window_ok(published, D(2025, 4, 2))  # Mar 3 + 30 days
    assert not application_window_ok(published, D(2025, 4, 1))  # only 29 days


def test_subsidy_request_by_10_november() -> None:  # 003 §11
    assert subsidy_request_in_time(2025, D(2025, 11, 10))
    assert subsidy_request_in_time(2025, D(2025, 11, 15))  # reading: the later day counts
    assert subsidy_request_in_time(2025, D(2026, 11, 10))
    assert not subsidy_request_in_time(2025, D(2026, 11, 11))


def test_in_force_from_2024() -> None:  # 003 decree item 2
    assert pp1176.in_force_from == D(2024, 1, 1)
    assert pp1176.in_force(D(2024, 1, 1))
    assert not pp1176.in_force(D(2023, 12, 31))
    with pytest.raises(ParameterError):
        deadlines(D(2023, 12, 31))
