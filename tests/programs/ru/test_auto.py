"""Automotive subsidies (seed 004 §4): the cap tables are complete for the bands the code
builds, the bands follow the chosen readings for any volume, the subsidy is the smaller of
its bounds, the batch screen gives the single-case answers, and the programs are dated.
Expected values are worked out by hand from the seed (see the comments)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from industrial_support.engine import brackets
from industrial_support.engine.brackets import edges
from industrial_support.engine.evaluate import RuleSet, column
from industrial_support.engine.facts import catalog
from industrial_support.programs.ru import auto
from industrial_support.programs.ru.auto import (
    EURO_GROUP,
    PARAMETERS,
    electricity,
    employment_retention,
    euro_standards,
)

D = dt.date
AS_OF = D(2019, 6, 30)
PROGRAMS = (
    auto.employment_retention,
    auto.rnd,
    auto.electricity,
    auto.euro_standards,
    auto.autonomous,
)


def _resolved(name: str, date: dt.date = AS_OF) -> object:
    return PARAMETERS[name].as_of(date).value


# --- the tables hold a row for every key the code can build ----------------------------------
def test_production_tables_have_every_band_of_both_halves() -> None:  # 004 §4 No.32, No.30
    # The printed edges; "less than" the first, inner edges open the higher band (reading),
    # the last closes the band below "more than" it: below, below, below, up_to, the rest.
    for table, printed in (
        ("employment_monthly_cap", [2870, 5810, 11620, 23100]),
        ("electricity_quarterly_cap", [8750, 17500, 35000, 70000]),
    ):
        halves = _resolved(table)
        assert isinstance(halves, dict) and set(halves) == {"M1", "non_M1"}
        for bands in halves.values():
            assert edges(bands) == printed
            assert [next(iter(band)) for band in bands] == [
                "below",
                "below",
                "below",
                "up_to",
                "value",
            ]


def test_euro_table_has_every_row_as_printed() -> None:  # 004 §4 No.31 cap table
    # 3 + 5 + 2 + 2 + 5 size rows under the five headings, each for Euro 4 and Euro 5: 34 rows
    table = _resolved("euro_vehicle_cap")
    assert isinstance(table, dict)
    assert sum(len(bands) for bands in table.values()) == 34
    assert set(EURO_GROUP.values()) == {key.split(":")[0] for key in table}
    assert brackets.labels(table["M1:euro4"], auto._cc) == ["<=2000cc", "2000-2400cc", ">2400cc"]
    assert brackets.labels(table["N1_N2_N3:euro5"], auto._tonnes) == [
        "<6.5t",
        "6.5-8t",
        "8-12t",
        "12-20t",
        ">20t",
    ]


# --- bands: any volume falls where the readings put it ---------------------------------------
def _reference_band(n: int) -> str:
    """004 §4 No.32 by hand: <2,870 | 2,870～5,810 | 5,810～11,620 | 11,620～23,100 | >23,100,
    inner edges opening the higher band, 23,100 closing the fourth."""
    if n < 2870:
        return "<2870"
    if n < 5810:
        return "2870-5810"
    if n < 11620:
        return "5810-11620"
    if n <= 23100:
        return "11620-23100"
    return ">23100"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40_000), min_size=1, max_size=40))
def test_employment_band_matches_the_reading(volumes: list[int]) -> None:  # 004 §4 No.32
    frame = catalog("RU").frame(
        {"auto_vehicles_month": n, "auto_m1_vehicles_month": n} for n in volumes
    )
    result = RuleSet([employment_retention], AS_OF).evaluate(frame)
    bands = result[column(employment_retention.id, "production_band")].to_list()
    assert bands == [_reference_band(n) for n in volumes]


@settings(max_examples=60, deadline=None)
@given(
    costs=st.integers(min_value=0, max_value=3_000_000_000_00),
    vehicles=st.integers(min_value=1, max_value=100_000),
    m1=st.integers(min_value=0, max_value=100),
)
def test_electricity_subsidy_is_the_smaller_bound(costs: int, vehicles: int, m1: int) -> None:
    # 004 §4 No.30 amount: at most 90% of the bills and at most the quarter's cap; it is one
    # of the two. Costs are drawn in kopecks.
    m1_vehicles = vehicles * m1 // 100
    bills = Decimal(costs) / 100
    row = {
        "auto_vehicles_quarter": vehicles,
        "auto_m1_vehicles_quarter": m1_vehicles,
        "auto_electricity_costs_quarter": bills,
    }
    (result,) = RuleSet([electricity], AS_OF).explain(row)
    values = {v.value.id: v.result for v in result.values}
    subsidy = values["subsidy"].amount
    share = bills * Decimal("0.9")
    cap = values["quarterly_cap"].amount
    assert subsidy == min(share, cap)
    assert values["cap_table"] == ("M1" if 2 * m1_vehicles >= vehicles else "non_M1")


# --- one rule source: the batch screen and the single case agree ----------------------------
def test_batch_screen_equals_single_cases() -> None:  # 004 §4 No.31 cap table
    rows = [
        # N2, 8,000 kg, Euro 4: edge opens 8～12 t → 973,028 × 3 = 2,919,084
        {
            "auto_euro_category": "N2",
            "auto_euro_gross_weight_kg": 8000,
            "auto_euro_class": "euro4",
            "auto_euro_vehicles": 3,
            "auto_euro_costs_quarter": 10_000_000,
        },
        # M1, 2,400cc, Euro 5: 279,660 × 2 = 559,320
        {
            "auto_euro_category": "M1",
            "auto_euro_engine_cc": 2400,
            "auto_euro_class": "euro5",
            "auto_euro_vehicles": 2,
            "auto_euro_costs_quarter": 10_000_000,
        },
        # M3, 6,000cc, Euro 4: 275,223 × 1 = 275,223; 90% of 200,000 = 180,000 binds
        {
            "auto_euro_category": "M3",
            "auto_euro_engine_cc": 6000,
            "auto_euro_class": "euro4",
            "auto_euro_vehicles": 1,
            "auto_euro_costs_quarter": 200_000,
        },
        # category unknown: no row, no cap
        {"auto_euro_class": "euro4", "auto_euro_vehicles": 1},
    ]
    rules = RuleSet([euro_standards], AS_OF)
    screened = rules.evaluate(catalog("RU").frame(rows))[column(euro_standards.id, "subsidy")]
    by_hand = [Decimal("2919084"), Decimal("559320"), Decimal("180000"), None]
    assert screened.to_list() == by_hand
    for row, wanted in zip(rows, by_hand, strict=True):
        (single,) = rules.explain(row)
        subsidy = {v.value.id: v.result for v in single.values}["subsidy"]
        assert (subsidy.amount if subsidy is not None else None) == wanted


# --- helpers ---------------------------------------------------------------------------------


# --- dates ------------------------------------------------------------------------------------
def test_programs_are_entered_from_2018() -> None:  # 004 §4 (survey of October 2018)
    before = RuleSet(PROGRAMS, D(2017, 12, 31))
    assert {p.id for p in before.not_in_force} == {p.id for p in PROGRAMS}
    assert not RuleSet(PROGRAMS, D(2018, 1, 1)).not_in_force


@pytest.mark.parametrize(
    ("agreement", "deadline"),
    [
        (D(2019, 3, 15), D(2024, 3, 15)),  # corresponding day, 60 months on
        (D(2016, 2, 29), D(2021, 2, 28)),  # no 29 February in 2021: last day of the month
        (D(2020, 2, 29), D(2025, 2, 28)),
        (D(2018, 12, 31), D(2023, 12, 31)),  # a Sunday: not moved (reading)
    ],
)
def test_rnd_production_start_deadline(agreement: dt.date, deadline: dt.date) -> None:
    # 004 §4 No.29 req.5(1): start within 5 years of the agreement (RU Civil Code Art.192(3))
    (result,) = RuleSet([auto.rnd], AS_OF).explain({"auto_rnd_agreement_date": agreement})
    values = {v.value.id: v.result for v in result.values}
    assert values["production_start_deadline"] == deadline
