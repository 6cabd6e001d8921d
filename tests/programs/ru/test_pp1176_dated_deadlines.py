"""Decree 1176 (seed 003): every time limit as read on a date, ``deadlines(as_of)``, worked out
by hand on the Russian calendar for events in July 2025 (no public holiday in July or August
2025; 2025-07-01 is a Tuesday). The import-time ``SCHEDULE`` is checked in test_pp1176.py;
this file pins the dated function the parameters feed, so that a changed number is noticed
(make mutate perturbs the parameters in-process, after import)."""

from __future__ import annotations

import datetime as dt

import pytest

from industrial_support.programs.ru.pp1176 import deadlines

D = dt.date
EVENT = D(2025, 7, 1)


@pytest.mark.parametrize(
    ("name", "due"),
    [
        # §9(b)-(c): 20 working days after the closing day — Jul 2-4 (3), 7-11 (8),
        # 14-18 (13), 21-25 (18), 28 (19), 29 (20)
        ("application_review", D(2025, 7, 29)),
        # §9(d): 10 working days to sign — Jul 2-4 (3), 7-11 (8), 14 (9), 15 (10)
        ("agreement_signing", D(2025, 7, 15)),
        # §12: 30 working days to decide — 20 reach Jul 29; Jul 30-31 (22), Aug 1 (23),
        # Aug 4-8 (28), Aug 11 (29), Aug 12 (30)
        ("subsidy_decision", D(2025, 8, 12)),
        # §14: 2 working days to transfer — Jul 2, Jul 3
        ("payment", D(2025, 7, 3)),
        # §15: 10 working days to return the documents — as for signing, Jul 15
        ("documents_return", D(2025, 7, 15)),
        # §18(a): 15 working days to refund — Jul 2-4 (3), 7-11 (8), 14-18 (13), 21 (14), 22 (15)
        ("refund", D(2025, 7, 22)),
        # §6(m): 14 calendar days — Jul 1 + 14 = Jul 15
        ("selection_results_publication", D(2025, 7, 15)),
        # §10: by 31 December of the year after the project's last year (2025 → 2026)
        ("agreement_conclusion", D(2026, 12, 31)),
        # §17(a): a quarter's report during the following month — Q3 2025 → by 31 October
        ("quarterly_report", D(2025, 10, 31)),
        # §17(b), reading: a month's report during the following month — July → 31 August
        ("monthly_report", D(2025, 8, 31)),
    ],
)
def test_deadline_as_of_july_2025(name: str, due: dt.date) -> None:
    assert deadlines(EVENT)[name].due(EVENT) == due
