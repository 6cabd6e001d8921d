"""SPIC procedure (seed 004 §1-3(6)): working-day limits on the Russian calendar.

Dates are counted by hand from the 2019–2020 Russian calendar: days off 1–8 January,
23 February (a Saturday), 8 March, 1–5 and 9–12 May 2019 (with the transfers of 2–3 and
10 May), 12 June, 4 November; 1–8 January 2020. 31 December 2019 was a working day.
"""

from __future__ import annotations

import datetime as dt

from industrial_support.programs.ru.spic import (
    SpicTimeline,
    approval_due,
    conclusion_sent_due,
    final_conclusion_due,
    frp_opinion_due,
    preliminary_conclusion_due,
    spic_timeline,
)


def test_full_timeline_from_a_submission_on_15_january_2019() -> None:
    # step 3, 7 wd from Tue 15 Jan: 16,17,18,21,22,23,24 -> Thu 24 Jan
    # step 4, 30 wd from 24 Jan: 25 Jan (1), 28 Jan-22 Feb (2-21), 25 Feb-1 Mar (22-26),
    #   4-7 Mar (27-30) -> Thu 7 Mar
    # step 5, 60 wd from 15 Jan: to 7 Mar = 37 (8 Mar off), 11 Mar-5 Apr (38-57),
    #   8, 9, 10 Apr (58-60) -> Wed 10 Apr
    # step 6, 15 wd from 10 Apr: 11,12 (2), 15-19 (7), 22-26 (12), 29,30 (14),
    #   1-5 May off, 6 May (15) -> Mon 6 May
    # step 7, 10 wd from 6 May: 7, 8 (2), 9-12 May off, 13-17 (7), 20, 21, 22 (10) -> Wed 22 May
    assert spic_timeline(dt.date(2019, 1, 15)) == SpicTimeline(
        submitted=dt.date(2019, 1, 15),
        frp_opinion=dt.date(2019, 1, 24),
        preliminary_conclusion=dt.date(2019, 3, 7),
        final_conclusion=dt.date(2019, 4, 10),
        conclusion_sent=dt.date(2019, 5, 6),
        approval=dt.date(2019, 5, 22),
    )


def test_fund_opinion_over_the_new_year_holidays() -> None:
    # 7 wd from Fri 27 Dec 2019: 30 (1), 31 (2), 1-8 Jan off, 9 (3), 10 (4), 13 (5), 14 (6),
    #   15 (7) -> Wed 15 Jan 2020
    assert frp_opinion_due(dt.date(2019, 12, 27)) == dt.date(2020, 1, 15)


def test_each_step_counts_from_its_own_event() -> None:
    # 30 wd from Mon 4 Feb 2019: 5-8 Feb (4), 11 Feb-1 Mar (19), 4-7 Mar (23; 8 Mar off),
    #   11-15 Mar (28), 18, 19 Mar (30) -> Tue 19 Mar
    assert preliminary_conclusion_due(dt.date(2019, 2, 4)) == dt.date(2019, 3, 19)
    # 60 wd from Mon 4 Feb 2019: to 19 Mar = 30, 20-22 Mar (33), 25 Mar-19 Apr (53),
    #   22-26 Apr (58), 29, 30 Apr (60) -> Tue 30 Apr
    assert final_conclusion_due(dt.date(2019, 2, 4)) == dt.date(2019, 4, 30)
    # 15 wd from Mon 3 Jun 2019: 4-7 Jun (4), 10, 11 Jun (6; 12 Jun off), 13, 14 (8),
    #   17-21 (13), 24, 25 (15) -> Tue 25 Jun
    assert conclusion_sent_due(dt.date(2019, 6, 3)) == dt.date(2019, 6, 25)
    # 10 wd from Thu 31 Oct 2019: 1 Nov (1), 4 Nov off, 5-8 Nov (5), 11-15 Nov (10) -> 15 Nov
    assert approval_due(dt.date(2019, 10, 31)) == dt.date(2019, 11, 15)
