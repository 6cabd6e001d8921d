"""KZ special investment contracts (seed 000 Arts.42-1, 42-2): in force from 2026-01-01, the
report dates, the amendment ceiling, the cure period and the 15-working-day preparation rule.
Expected dates are worked out by hand beside each assertion."""

from __future__ import annotations

import datetime as dt

import pytest

from industrial_support.engine.errors import ParameterError, ProgramError
from industrial_support.engine.evaluate import RuleSet
from industrial_support.programs.kz.sic import (
    amendment_allowed,
    contract,
    cure_deadline,
    preparation_rule,
    report_deadlines,
)

D = dt.date


def test_not_in_force_the_day_before_2026() -> None:
    """Law 215-VIII adds Arts.42-1 and 42-2 from 2026-01-01."""
    assert RuleSet([contract], D(2025, 12, 31)).not_in_force == [contract]
    assert RuleSet([contract], D(2026, 1, 1)).not_in_force == []


def test_report_deadlines() -> None:
    """000 Art.42-2(5), reading: first half by 25 July, second half by 25 January next."""
    assert report_deadlines(2026) == {"first_half": D(2026, 7, 25), "second_half": D(2027, 1, 25)}
    assert report_deadlines(2027) == {"first_half": D(2027, 7, 25), "second_half": D(2028, 1, 25)}


def test_no_reports_before_the_articles_exist() -> None:
    with pytest.raises(ParameterError):
        report_deadlines(2025)


@pytest.mark.parametrize(("made", "allowed"), [(0, True), (1, True), (2, False), (3, False)])
def test_at_most_two_amendments_a_year(made: int, allowed: bool) -> None:
    """000 Art.42-2(4): amendments by mutual agreement twice a year."""
    assert amendment_allowed(made, D(2026, 9, 1)) is allowed


def test_amendment_count_cannot_be_negative() -> None:
    with pytest.raises(ProgramError):
        amendment_allowed(-1, D(2026, 9, 1))


@pytest.mark.parametrize(
    ("notice", "deadline"),
    [
        (D(2026, 3, 15), D(2026, 6, 15)),  # corresponding day
        (D(2026, 8, 31), D(2026, 11, 30)),  # no 31 November → last day of November
    ],
)
def test_cure_deadline(notice: dt.date, deadline: dt.date) -> None:
    """000 Art.42-2(6): 3 months to cure a breach of the work programme."""
    assert cure_deadline(notice) == deadline


def test_cure_before_2026_is_refused() -> None:
    with pytest.raises(ParameterError):
        cure_deadline(D(2025, 12, 31))


def test_preparation_rule_matches_the_value() -> None:
    """000 Art.42-2(3): received Mon 2 Mar 2026 → Fri 27 Mar 2026 (hand count in sic.yaml)."""
    rule = preparation_rule(D(2026, 3, 2))
    assert (rule.days, rule.jurisdiction, str(rule.citation)) == (15, "KZ", "000 Art.42-2(3)")
    assert rule.due(D(2026, 3, 2)) == D(2026, 3, 27)
