"""KZ contracts for industrial development (seed 000 Arts.46–49, 60, 61-1): the procurement-plan
cycle with real dates, the offtake floor and supply-share calculators, dates in force and the
MCI in the trace. Every expected value is worked out by hand in the comment beside it."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from industrial_support.cli import app
from industrial_support.engine.errors import ParameterError, ProgramError
from industrial_support.engine.evaluate import RuleSet
from industrial_support.programs.kz import contracts
from industrial_support.programs.kz.contracts import (
    offset,
    offtake_floor,
    procurement_cycle,
    raw_producer,
    supply_shares,
)

D = dt.date
runner = CliRunner()


def _due(steps: list[contracts.CycleStep]) -> dict[str, dt.date]:
    return {step.id: step.due for step in steps}


# --- Art.47: the procurement-plan cycle -----------------------------------------------------


def test_cycle_without_remarks_for_2027() -> None:
    """000 Art.47(1),(2),(4)-(7): plans for 2027 are due 10 Dec 2026; the rest counts on."""
    due = _due(procurement_cycle(2027))
    assert due == {
        "plans_due": D(2026, 12, 10),  # 10 December of the year before the first year
        "review_due": D(2027, 1, 9),  # 10 Dec + 30 calendar days: 21 left in Dec + 9 = 9 Jan
        "list_posting_due": D(2027, 2, 1),  # 1 February of the procurement year
        "applications_due": D(2027, 3, 3),  # 1 Feb + 30: Feb 2027 has 28 days → 3 March
        "conclusion_due": D(2027, 4, 2),  # 3 Mar + 30: 28 left in March + 2 = 2 April
    }


def test_cycle_in_a_leap_year() -> None:
    """000 Art.47(6)-(7): February 2028 has 29 days, so each date is one day earlier."""
    due = _due(procurement_cycle(2028))
    assert due["list_posting_due"] == D(2028, 2, 1)
    assert due["applications_due"] == D(2028, 3, 2)  # 1 Feb + 30: 28 days to 29 Feb + 2
    assert due["conclusion_due"] == D(2028, 4, 1)  # 2 Mar + 30: 29 left in March + 1


def test_review_counts_from_the_day_the_plan_came_in() -> None:
    """000 Art.47(4): 30 calendar days of review from receipt."""
    due = _due(procurement_cycle(2027, plan_received=D(2026, 11, 20)))
    assert due["review_due"] == D(2026, 12, 20)  # 20 Nov + 30: 10 left in Nov + 20


def test_resubmission_across_new_year_and_christmas() -> None:
    """000 Art.47(4): 5 working days (KZ calendar) from receiving the remarks.

    Remarks received Tue 29 Dec 2026: Wed 30 (1), Thu 31 (2), Fri 1 – Mon 4 Jan off (New Year
    1–2 Jan, weekend, 4 Jan New Year observed), Tue 5 (3), Wed 6 (4), Thu 7 off (Orthodox
    Christmas), Fri 8 (5).
    """
    due = _due(procurement_cycle(2027, remarks_received=D(2026, 12, 29)))
    assert due["resubmission_due"] == D(2027, 1, 8)


def test_resubmission_across_independence_day() -> None:
    """000 Art.47(4): remarks Fri 11 Dec 2026: Mon 14 (1), Tue 15 (2), Wed 16 off
    (Independence Day), Thu 17 (3), Fri 18 (4), Mon 21 (5)."""
    due = _due(procurement_cycle(2027, remarks_received=D(2026, 12, 11)))
    assert due["resubmission_due"] == D(2026, 12, 21)


def test_coordination_of_the_resubmitted_plan() -> None:
    """000 Art.47(4), reading: at most 10 working days from resubmission.

    Resubmitted Fri 8 Jan 2027: 11–15 Jan (1–5), 18–22 Jan (6–10) → Fri 22 Jan.
    """
    due = _due(procurement_cycle(2027, resubmitted=D(2027, 1, 8)))
    assert due["coordination_due"] == D(2027, 1, 22)


def test_applications_count_from_an_early_posting() -> None:
    """000 Art.47(6)-(7): list posted 20 Jan 2027 (before the 1 Feb limit)."""
    due = _due(procurement_cycle(2027, list_posted=D(2027, 1, 20)))
    assert due["applications_due"] == D(2027, 2, 19)  # 20 Jan + 30: 11 left in Jan + 19
    assert due["conclusion_due"] == D(2027, 3, 21)  # 19 Feb + 30: 9 left in Feb + 21


def test_remark_steps_only_when_there_were_remarks() -> None:
    steps = procurement_cycle(2027)
    assert {"resubmission_due", "coordination_due"}.isdisjoint(step.id for step in steps)


def test_every_step_is_cited() -> None:
    cited = {step.id: str(step.citation) for step in procurement_cycle(2027)}
    assert cited["plans_due"] == "000 Art.47(1)-(2)"
    assert cited["review_due"] == "000 Art.47(4)"
    assert cited["list_posting_due"] == "000 Art.47(5)"
    assert cited["applications_due"] == "000 Art.47(6)"
    assert cited["conclusion_due"] == "000 Art.47(7)"


def test_cycle_before_the_wording_in_the_seed_is_refused() -> None:
    """Plans for 2025 were due 10 Dec 2024, before Law 188-VIII gave Art.47 the seed's wording."""
    with pytest.raises(ParameterError):
        procurement_cycle(2025)


# --- Art.48(2): the offtake floor -----------------------------------------------------------


def test_offtake_floor_per_calendar_year() -> None:
    """000 Art.48(2): 100 % in the first contract year (twelve months from the start), at
    least 50 % after, measured on each calendar year's volume. Start 1 Apr 2026: the first
    contract year ends 31 Mar 2027, so 2027 weighs 90 days at 100 % and 275 at 50 %."""
    floors = offtake_floor(
        {2027: Decimal(730), 2026: Decimal(1200), 2028: Decimal(0)},
        D(2026, 6, 1),
        start=D(2026, 4, 1),
        end=D(2030, 12, 31),
    )
    assert floors == {
        2026: Decimal(1200),  # 275 days, all in the first contract year: 1,200 × 1
        2027: Decimal(455),  # 730 × (90 + 275 × 0.5) / 365 = 730 × 227.5 / 365
        2028: Decimal(0),  # 0 × 0.5
    }


def test_offtake_floor_refuses_nonsense() -> None:
    term = {"start": D(2026, 1, 1), "end": D(2027, 12, 31)}
    with pytest.raises(ProgramError):
        offtake_floor({}, D(2026, 6, 1), **term)
    with pytest.raises(ProgramError):
        offtake_floor({2026: Decimal(-1)}, D(2026, 6, 1), **term)
    with pytest.raises(ProgramError, match="outside the contract's term"):
        offtake_floor({2029: Decimal(1)}, D(2026, 6, 1), **term)
    with pytest.raises(ParameterError):  # Art.48 wording in force from 2025-01-01
        offtake_floor({2024: Decimal(10)}, D(2024, 12, 31), start=D(2024, 1, 1), end=D(2025, 1, 1))


# --- Art.60(5): supply shares ---------------------------------------------------------------


def test_supply_shares_of_the_whole_domestic_output() -> None:
    """000 Art.60(5): outputs 600 / 300 / 100 of a domestic 1,200 (200 from producers that are
    not listed); 10,000 t to supply."""
    quotas = supply_shares(
        {"A": Decimal(600), "B": Decimal(300), "C": Decimal(100)}, Decimal(1200), Decimal(10000)
    )
    assert quotas == {
        "A": Decimal(5000),  # 600/1,200 = 0.5 → 5,000
        "B": Decimal(2500),  # 300/1,200 = 0.25 → 2,500
        "C": Decimal("833.333333"),  # 100/1,200 = 0.0833333333 → 833.333333
    }
    assert sum(quotas.values()) < Decimal(10000)  # unlisted output is not re-allocated


def test_supply_shares_refuses_nonsense() -> None:
    with pytest.raises(ProgramError):
        supply_shares({"A": Decimal(1)}, Decimal(0), Decimal(10))
    with pytest.raises(ProgramError):
        supply_shares({"A": Decimal(700), "B": Decimal(600)}, Decimal(1200), Decimal(10))


# --- dates in force and the MCI in the trace ------------------------------------------------


@pytest.mark.parametrize(
    ("program", "last_day_before", "first_day"),
    [
        # Art.49 is base law (86-VII of 27 Dec 2021, +10 calendar days: 28 Dec-6 Jan)
        ("kz.contract.offset", "2022-01-06", "2022-01-07"),
        # Art.48 as amended by Law 107-VIII, in force 1 Jan 2025 (note to Art.48)
        ("kz.contract.offtake", "2024-12-31", "2025-01-01"),
        ("kz.contract.offtake_take_or_pay", "2024-12-31", "2025-01-01"),
        # Art.48-1 exists only as added by Law 188-VIII of 19 May 2025, +60 calendar days
        ("kz.contract.guaranteed_purchase", "2025-07-18", "2025-07-19"),
    ],
)
def test_contract_programs_in_force_from_their_articles_notes(
    program: str, last_day_before: str, first_day: str, tmp_path: Path
) -> None:
    """Through the CLI: ``explain`` refuses the day before and answers from the first day."""
    case = tmp_path / "case.yaml"
    case.write_text("id: c\nname: c\njurisdiction: KZ\nfacts: {}\n", encoding="utf-8")
    before = runner.invoke(
        app, ["explain", str(case), "--program", program, "--as-of", last_day_before]
    )
    assert before.exit_code == 2 and "not in force" in before.output
    after = runner.invoke(
        app, ["explain", str(case), "--program", program, "--as-of", first_day, "--format", "json"]
    )
    assert after.exit_code == 0, after.output
    assert json.loads(after.stdout)["evaluated_as_of"] == first_day


def test_raw_programs_start_with_law_71() -> None:
    """The seed's Art.60 wording applies from 2024-10-07 (71-VIII, +6 months)."""
    assert RuleSet([raw_producer], D(2024, 10, 6)).not_in_force == [raw_producer]
    assert RuleSet([raw_producer], D(2024, 10, 7)).not_in_force == []


@pytest.mark.parametrize(
    ("as_of", "mci", "threshold"),
    [
        (D(2025, 9, 1), Decimal(3932), Decimal(1966000000)),  # 500,000 × 3,932
        (D(2026, 3, 1), Decimal(4325), Decimal(2162500000)),  # 500,000 × 4,325
    ],
)
def test_offset_threshold_shows_the_mci_it_used(
    as_of: dt.date, mci: Decimal, threshold: Decimal
) -> None:
    """000 Art.49(1): the explanation shows the MCI of the year beside the article's multiple."""
    (result,) = RuleSet([offset], as_of).explain(
        {
            "kz_contract_large_customer": True,
            "kz_contract_nwf_share": 0,
            "kz_contract_annual_purchases": 1,
        }
    )
    (criterion,) = [c for c in result.criteria if c.criterion.id == "purchases_above_threshold"]
    used = {parameter.name: parameter for parameter in criterion.parameters}
    assert used["mci"].value == mci
    assert str(used["mci"].citations[0]).startswith("KZ Law on the Republican Budget")
    assert used["offset_threshold_mci"].value == 500000
    (value,) = [v for v in result.values if v.value.id == "threshold"]
    assert value.result is None  # 1 KZT is not above the threshold: ineligible, value hidden
    (result,) = RuleSet([offset], as_of).explain(
        {"kz_contract_large_customer": True, "kz_contract_nwf_share": 0}
    )
    (value,) = [v for v in result.values if v.value.id == "threshold"]
    assert value.result.amount == threshold
