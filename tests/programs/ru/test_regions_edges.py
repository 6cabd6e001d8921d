"""Samara (004 §3) rates the comparison tests do not reach: the investment relief's tier 2
property exemption (col.1) and the Chapaevsk single-industry town's tier 1 and 2 schedules
(col.2). Worked out by hand from the seed's table; bases of 1,000,000 a year, so the tax is
the rate × 1,000,000. Standard rates after the relief: profit 20%, property 2.2%."""

from __future__ import annotations

from decimal import Decimal as D

from industrial_support.programs.ru.regions.projection import project
from tests.programs.ru.test_regions import by_year, plan_of


def test_samara_relief_tier_2_property_exempt_four_years() -> None:
    """004 §3 col.1 property tax: 100m-500m of investment → exempt 4 years, then 2.2%."""
    plan = plan_of(range(2021, 2027), prop="1000000")
    result = project("ru.samara.investment_relief", plan, ["tier_2"])
    assert by_year(result, "property") == {
        2021: D("0"), 2022: D("0"), 2023: D("0"), 2024: D("0"),  # years 1-4 exempt
        2025: D("22000"), 2026: D("22000"),  # 1,000,000 x 0.022
    }  # fmt: skip


def test_chapaevsk_tier_2_profit_six_years_at_165_then_155() -> None:
    """004 §3 col.2 profit tax: 100m-500m → 15.5% for 6 years (16.5% in 2017-2020), then 20%.
    Residence from 2019: years 1-2 in 2019-2020 at 16.5%, years 3-6 at 15.5%, year 7 at 20%."""
    plan = plan_of(range(2019, 2027), profit="1000000")
    result = project("ru.samara.monotown_chapaevsk", plan, ["tier_2", "industrial_land"])
    assert by_year(result, "profit") == {
        2019: D("165000"), 2020: D("165000"),  # 16.5% while 2017-2020
        2021: D("155000"), 2022: D("155000"), 2023: D("155000"), 2024: D("155000"),
        2025: D("200000"), 2026: D("200000"),  # year 7: the 6 years are over
    }  # fmt: skip


def test_chapaevsk_property_exempt_four_years_below_100m_six_years_to_500m() -> None:
    """004 §3 col.2 property tax: below 100m exempt 4 years; 100m-500m 6 years; then 2.2%."""
    plan = plan_of(range(2021, 2029), prop="1000000")
    tier1 = project("ru.samara.monotown_chapaevsk", plan, ["tier_1", "industrial_land"])
    tier2 = project("ru.samara.monotown_chapaevsk", plan, ["tier_2", "industrial_land"])
    exempt, taxed = D("0"), D("22000")
    assert by_year(tier1, "property") == {
        year: exempt if year <= 2024 else taxed for year in range(2021, 2029)
    }
    assert by_year(tier2, "property") == {
        year: exempt if year <= 2026 else taxed for year in range(2021, 2029)
    }
