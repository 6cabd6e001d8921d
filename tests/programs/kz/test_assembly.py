"""KZ industrial assembly agreements (seed 000 Art.62(4), (6)): the 3-month cure with real
dates, unilateral termination and the refund of benefits; the MCI in the assets criterion's
trace. Expected values are worked out by hand beside each assertion."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from industrial_support.engine.errors import ParameterError, ProgramError
from industrial_support.engine.evaluate import RuleSet
from industrial_support.engine.money import Money
from industrial_support.programs.kz.assembly import (
    Benefit,
    agreement,
    benefits_to_refund,
    cure_deadline,
    cure_rule,
    may_terminate,
)

D = dt.date


@pytest.mark.parametrize(
    ("notice", "deadline"),
    [
        (D(2026, 3, 15), D(2026, 6, 15)),  # corresponding day three months on
        (D(2026, 1, 31), D(2026, 4, 30)),  # no 31 April → last day of April
        (D(2026, 11, 30), D(2027, 2, 28)),  # no 30 February → 28 February 2027
        (D(2027, 11, 30), D(2028, 2, 29)),  # 2028 is a leap year → 29 February
    ],
)
def test_cure_deadline(notice: dt.date, deadline: dt.date) -> None:
    """000 Art.62(4): a breach is cured within 3 months of the notice."""
    assert cure_deadline(notice) == deadline


def test_cure_rule_is_cited() -> None:
    rule = cure_rule(D(2026, 3, 15))
    assert (rule.months, str(rule.citation)) == (3, "000 Art.62(4)")


def test_cure_before_the_2026_wording_is_refused() -> None:
    """Art.62 is in the seed only as amended by Law 215-VIII, in force 2026-01-01."""
    with pytest.raises(ParameterError):
        cure_deadline(D(2025, 12, 31))


def test_termination_only_after_the_cure_period() -> None:
    """000 Art.62(4): notice 15 Mar 2026 → cure by 15 Jun 2026; terminable from 16 Jun."""
    notice = D(2026, 3, 15)
    assert not may_terminate(notice, D(2026, 6, 15), cured_on=None)  # last day of the period
    assert may_terminate(notice, D(2026, 6, 16), cured_on=None)  # the day after, not cured


def test_cure_on_the_last_day_is_in_time() -> None:
    assert not may_terminate(D(2026, 3, 15), D(2026, 7, 1), cured_on=D(2026, 6, 15))


def test_late_cure_does_not_save_the_agreement() -> None:
    assert may_terminate(D(2026, 3, 15), D(2026, 6, 20), cured_on=D(2026, 6, 16))


def test_cure_before_notice_is_refused() -> None:
    with pytest.raises(ProgramError):
        may_terminate(D(2026, 3, 15), D(2026, 7, 1), cured_on=D(2026, 3, 14))


def test_refund_of_benefits_since_the_agreement_date_by_tnved() -> None:
    """000 Art.62(6): agreement 1 Feb 2026 for codes 8703 and 8704.

    1,000,000.00 (8703, on the agreement date) + 250,000.50 (8704) = 1,250,000.50; the
    benefit of 31 Jan (before the agreement) and the one under 8701 (not the agreement's code)
    are not refunded.
    """
    benefits = [
        Benefit("8703", D(2026, 2, 1), Money.of("1000000.00", "KZT")),
        Benefit("8704", D(2026, 5, 10), Money.of("250000.50", "KZT")),
        Benefit("8703", D(2026, 1, 31), Money.of("999", "KZT")),
        Benefit("8701", D(2026, 3, 1), Money.of("5000", "KZT")),
    ]
    refund = benefits_to_refund(benefits, D(2026, 2, 1), ["8703", "8704"])
    assert refund == Money(Decimal("1250000.50"), "KZT")


def test_refund_refuses_other_currencies() -> None:
    with pytest.raises(ProgramError):
        benefits_to_refund(
            [Benefit("8703", D(2026, 2, 1), Money.of(1, "RUB"))], D(2026, 1, 1), ["8703"]
        )


@pytest.mark.parametrize(("as_of", "mci"), [(D(2025, 6, 1), 3932), (D(2026, 3, 1), 4325)])
def test_assets_criterion_shows_the_mci_it_used(as_of: dt.date, mci: int) -> None:
    """000 Art.64(2)(2): the explanation carries the year's MCI with its budget-law citation."""
    (result,) = RuleSet([agreement], as_of).explain(
        {
            "kz_assembly_category": "other_agricultural_machinery",
            "kz_assembly_kz_legal_entity": True,
            "kz_assembly_design_operations_done": True,
            "kz_assembly_production_assets": 1,
        }
    )
    (criterion,) = [c for c in result.criteria if c.criterion.id == "production_assets"]
    used = {parameter.name: parameter for parameter in criterion.parameters}
    assert used["mci"].value == Decimal(mci)
    assert str(used["mci"].citations[0]).startswith("KZ Law on the Republican Budget")
    assert used["assets_min_mci"].value["other_agricultural_machinery"] == 100000
