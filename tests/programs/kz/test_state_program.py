"""State Program 2020–2025 (seed 001): deadlines, batch evaluation, loud errors.

Eligibility and amounts are tested in cases/program2025_*.yaml; this file covers what a case
file cannot: deadline rules computing real dates, the same rules over many rows at once, and
errors for bad input or dates outside the Program.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import polars as pl
import pytest

import industrial_support.programs.kz.state_program_2020_2025 as sp
from industrial_support.engine.errors import FactError, ParameterError
from industrial_support.engine.evaluate import RuleSet, column
from industrial_support.engine.facts import catalog
from industrial_support.engine.program import all_programs, get_program

IDS = {
    "ownership",
    "new_industrial_player",
    "strong_rear",
    "growth_driver",
    "national_champion",
    "power_centre",
    "competitiveness_agreement",
    "dbk_loan",
    "modernisation_leasing",
    "revolving_leasing_funds",
    "vehicle_leasing",
    "damu_guarantee",
    "damu_interest_subsidy",
    "kcm_equity",
    "qtv_venture",
    "qtv_innovation",
    "innovation_voucher",
}


def test_every_program_is_registered_and_cites_seed_001() -> None:
    ours = {
        p.id.removeprefix("kz.program2025.")
        for p in all_programs()
        if p.id.startswith("kz.program2025.")
    }
    assert ours == IDS
    for identifier in IDS:
        program = get_program(f"kz.program2025.{identifier}")
        assert program.citation.source == "001"
        assert all(c.citation.source == "001" for c in program.criteria)
        assert all(v.citation.source == "001" for v in program.values)


def test_every_fact_is_prefixed_and_described() -> None:
    ours = [spec for spec in catalog("KZ").specs() if spec.name.startswith("kz_sp_")]
    assert len(ours) > 50
    assert all(spec.en and spec.ja for spec in ours)


def test_every_parameter_value_cites_seed_001() -> None:
    for name, parameter in sp.PARAMETERS.parameters.items():
        resolved = parameter.as_of(dt.date(2022, 1, 1))
        assert all(c.source == "001" for c in resolved.citations), name


@pytest.mark.parametrize(
    ("concluded", "expires"),
    [
        (dt.date(2021, 3, 15), dt.date(2026, 3, 15)),  # 5 years, corresponding day
        (dt.date(2020, 2, 29), dt.date(2025, 2, 28)),  # no 29 February in 2025
        (dt.date(2025, 12, 31), dt.date(2030, 12, 31)),
    ],
)
def test_agreement_term_is_five_years(concluded: dt.date, expires: dt.date) -> None:
    # 001 §5.2 CIA: "5年間（更新も可能）"; reading: corresponding-day rule.
    rule = sp.agreement_term(concluded)
    assert rule.due(concluded) == expires
    assert str(rule.citation) == "001 §5.2 CIA"
    # The deadline rule and the program's end_date value agree (one rule source for the term).
    (result,) = RuleSet([sp.agreement], concluded).explain(
        {"kz_sp_category": "strong_rear", "kz_sp_cia_start_date": concluded}
    )
    assert {v.value.id: v.result for v in result.values}["end_date"] == expires


def test_regional_programmes_due_by_end_of_first_half_2020() -> None:
    # 001 §5.3: akimats adjust regional programmes by the end of H1 2020 → 30 June 2020.
    rule = sp.regional_programme_deadline()
    assert rule.due(dt.date(2020, 1, 1)) == dt.date(2020, 6, 30)
    assert rule.due(dt.date(2020, 5, 1)) == dt.date(2020, 6, 30)


def test_the_same_rules_screen_many_rows_at_once() -> None:
    # Three firms in one frame: 49.99% state (met), 50% (not met), unknown share (unknown).
    frame = catalog("KZ").frame(
        [
            {"kz_sp_state_share": "0.4999", "kz_sp_ownership_exception": False},
            {"kz_sp_state_share": "0.5", "kz_sp_ownership_exception": False},
            {"kz_sp_ownership_exception": False},
        ]
    )
    out = RuleSet([sp.ownership], dt.date(2021, 6, 1)).evaluate(frame)
    assert out[column("kz.program2025.ownership", "status")].to_list() == [
        "eligible",
        "ineligible",
        "undetermined",
    ]


def test_guarantee_caps_over_a_batch_are_exact_decimals() -> None:
    # 001 §5.1.2(5)(1), the KZT figures capping the guarantee: max(min(0.5 L, 3bn),
    # min(0.2 L, 5bn)): 2bn → 1bn; 4bn → max(2bn, 0.8bn) = 2bn; 6bn → max(3bn, 1.2bn) = 3bn.
    rows = [
        {"kz_sp_bank_loan": loan, "kz_sp_state_share": 0}
        for loan in (2_000_000_000, 4_000_000_000, 6_000_000_000)
    ]
    out = RuleSet([sp.damu_guarantee], dt.date(2021, 6, 1)).evaluate(catalog("KZ").frame(rows))
    caps = out[column("kz.program2025.damu_guarantee", "guarantee_max")]
    assert caps.dtype == pl.Decimal(38, 10)
    assert caps.to_list() == [Decimal("1000000000"), Decimal("2000000000"), Decimal("3000000000")]


def test_programs_are_not_in_force_after_2025() -> None:
    rules = RuleSet([sp.dbk_loan], dt.date(2026, 1, 1))
    assert rules.not_in_force == [sp.dbk_loan]
    with pytest.raises(ParameterError, match="no value in force"):
        sp.PARAMETERS["dbk_rate_max"].as_of(dt.date(2026, 1, 1))


@pytest.mark.parametrize(
    ("fact", "raw", "message"),
    [
        ("kz_sp_state_share", "1.5", "at most 1"),
        ("kz_sp_bank_loan", "-1", "at least 0"),
        ("kz_sp_bank_loan", "100.001", "at most 2 decimals"),
        ("kz_sp_vehicle_category", "truck", "expected one of"),
        ("kz_sp_dbk_rate", 0.11, "exact number"),
    ],
)
def test_bad_facts_fail_loudly(fact: str, raw: object, message: str) -> None:
    with pytest.raises(FactError, match=message):
        RuleSet([sp.dbk_loan], dt.date(2021, 6, 1)).explain({fact: raw})
