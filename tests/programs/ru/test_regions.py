"""Regional tax regimes of Ulyanovsk (004 §2) and Samara (004 §3): year-by-year projection
and the "where should we build?" comparison. Every expected number is worked out by hand from
the seed's rates; the arithmetic is in the comments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from typing import Any

import pytest

from industrial_support.engine.errors import ParameterError
from industrial_support.programs.ru.regions.projection import (
    InvestmentPlan,
    PlanYear,
    _parse_key,
    compare,
    project,
)


def plan_of(
    years: range,
    *,
    profit: str = "0",
    prop: str = "0",
    land: str = "0",
    payroll: str = "0",
    investment: dict[int, str] | None = None,
    jobs: dict[int, int] | None = None,
) -> InvestmentPlan:
    """The same bases every year; investment and jobs by year where given (else 0)."""
    investment = investment or {}
    jobs = jobs or {}
    return InvestmentPlan(
        tuple(
            PlanYear(
                year,
                D(investment.get(year, "0")),
                D(profit),
                D(prop),
                D(land),
                D(payroll),
                jobs.get(year, 0),
            )
            for year in years
        )
    )


def by_year(projection: Any, kind: str) -> dict[int, D]:
    return {row.year: row.lines[kind].tax for row in projection.rows}


# --- rates by calendar year --------------------------------------------------------------


def test_sez_togliatti_profit_rate_follows_the_calendar() -> None:
    """004 §3 col.4 profit tax: 2% to 2018, 5% to 2020, 9% to 2022, 12% to 2024, then 15.5%
    — whatever the year of residence. Profit 1,000,000 a year."""
    result = project("ru.samara.sez_togliatti", plan_of(range(2018, 2026), profit="1000000"))
    assert by_year(result, "profit") == {
        2018: D("20000"),  # 1,000,000 x 0.02
        2019: D("50000"),  # x 0.05
        2020: D("50000"),
        2021: D("90000"),  # x 0.09
        2022: D("90000"),
        2023: D("120000"),  # x 0.12
        2024: D("120000"),
        2025: D("155000"),  # x 0.155
    }
    # standard 20%: 200,000 a year
    assert {row.lines["profit"].standard_tax for row in result.rows} == {D("200000")}
    assert result.rows[0].lines["profit"].saving == D("180000")  # 200,000 - 20,000


def test_samara_relief_rate_is_165_in_2017_to_2020_and_155_after() -> None:
    """004 §3 col.1 profit tax: tier 2 (100m-500m) has 4 years at 15.5%, 16.5% in 2017-2020;
    from year 5 the standard 20%. Profit 1,000,000 a year, residence from 2019."""
    result = project(
        "ru.samara.investment_relief", plan_of(range(2019, 2025), profit="1000000"), ["tier_2"]
    )
    assert by_year(result, "profit") == {
        2019: D("165000"),  # year 1, 16.5%
        2020: D("165000"),  # year 2, 16.5%
        2021: D("155000"),  # year 3, 15.5%
        2022: D("155000"),  # year 4, 15.5%
        2023: D("200000"),  # year 5: tier 2 relief is over, 20%
        2024: D("200000"),
    }


def test_samara_relief_tier_3_runs_five_years_and_tier_1_has_no_profit_relief() -> None:
    """004 §3 col.1: 500m or more → 5 years; below 100m → property relief (2 years) only."""
    plan = plan_of(range(2021, 2027), profit="1000000", prop="1000000")
    tier3 = project("ru.samara.investment_relief", plan, ["tier_3"])
    assert by_year(tier3, "profit")[2025] == D("155000")  # year 5 still 15.5%
    assert by_year(tier3, "profit")[2026] == D("200000")  # year 6 standard
    assert by_year(tier3, "property") == {
        2021: D("0"), 2022: D("0"), 2023: D("0"), 2024: D("0"), 2025: D("0"),
        2026: D("22000"),  # 1,000,000 x 0.022
    }  # fmt: skip
    tier1 = project("ru.samara.investment_relief", plan, ["tier_1"])
    assert set(by_year(tier1, "profit").values()) == {D("200000")}
    assert by_year(tier1, "property") == {
        2021: D("0"), 2022: D("0"),  # 2 years exempt
        2023: D("22000"), 2024: D("22000"), 2025: D("22000"), 2026: D("22000"),
    }  # fmt: skip


# --- rates by year of residence ----------------------------------------------------------


def test_ulyanovsk_sez_profit_2_percent_ten_years_then_155() -> None:
    """004 §2 col.3: 2% in years 1-10, 15.5% in 11-45. Profit 1,000,000; residence 2019-2030."""
    result = by_year(
        project("ru.ulyanovsk.sez", plan_of(range(2019, 2031), profit="1000000")), "profit"
    )
    assert result[2028] == D("20000")  # year 10: 2%
    assert result[2029] == D("155000")  # year 11: 15.5%
    assert result[2030] == D("155000")


def test_special_significance_property_exempt_ten_years_then_11_percent() -> None:
    """004 §2 col.2 property tax: none in years 1-10, 1.1% in 11-15, then the standard 2.2%.
    Property 10,000,000; residence 2019-2034 (16 years)."""
    result = by_year(
        project("ru.ulyanovsk.special_significance", plan_of(range(2019, 2035), prop="10000000")),
        "property",
    )
    assert result[2028] == D("0")  # year 10
    assert result[2029] == D("110000")  # year 11: 10,000,000 x 0.011
    assert result[2033] == D("110000")  # year 15
    assert result[2034] == D("220000")  # year 16: 10,000,000 x 0.022


def test_tor_dimitrovgrad_social_insurance_76_for_ten_years() -> None:
    """004 §2 col.4: social insurance 7.6% for 10 years (extension not applied), then 30%.
    Payroll 12,345,678.91."""
    result = by_year(
        project("ru.ulyanovsk.tor_dimitrovgrad", plan_of(range(2019, 2030), payroll="12345678.91")),
        "social",
    )
    # 12,345,678.91 x 0.076 = 938,271.59716 (exact, not rounded)
    assert result[2028] == D("938271.59716")  # year 10
    # 12,345,678.91 x 0.30 = 3,703,703.673
    assert result[2029] == D("3703703.673")  # year 11


def test_chapaevsk_land_rate_only_on_industrial_land() -> None:
    """004 §3 col.2 land tax 0.0235% on industrial land; other land pays the standard 1.5%.
    Land 4,000,000: 4,000,000 x 0.000235 = 940; x 0.015 = 60,000."""
    plan = plan_of(range(2019, 2021), land="4000000")
    industrial = project("ru.samara.monotown_chapaevsk", plan, ["tier_1", "industrial_land"])
    other = project("ru.samara.monotown_chapaevsk", plan, ["tier_1", "other_land"])
    assert by_year(industrial, "land") == {2019: D("940"), 2020: D("940")}
    assert by_year(other, "land") == {2019: D("60000"), 2020: D("60000")}
    assert industrial.rows[0].lines["land"].cite == "004 §3 col.2 land tax"
    assert other.rows[0].lines["land"].cite == "004 §3 land-tax row (standard)"


def test_exact_products_are_not_rounded() -> None:
    """123,456.78 x 0.155 = 12,345.678 + 6,172.839 + 617.2839 = 19,135.8009 (year 3, 2021)."""
    plan = plan_of(range(2019, 2022), profit="123456.78")
    result = by_year(project("ru.ulyanovsk.priority_project", plan), "profit")
    assert result[2021] == D("19135.8009")
    # 2019 (16.5% = 0.1 + 0.06 + 0.005): 12,345.678 + 7,407.4068 + 617.2839 = 20,370.3687
    assert result[2019] == D("20370.3687")


def test_a_year_before_the_seed_has_no_rates() -> None:
    """The seed gives no rate before 2017: asking for 2016 is an error, never a guess."""
    with pytest.raises(ParameterError):
        project("ru.ulyanovsk.sez", plan_of(range(2016, 2018), profit="1"))


def test_schedule_keys() -> None:
    assert _parse_key("tier_2/1-4") == ("tier_2", 1, 4)
    assert _parse_key("11-45") == (None, 11, 45)
    assert _parse_key("1-") == (None, 1, None)
    assert _parse_key("7") == (None, 7, 7)
    for bad in ("0-5", "5-1", "a-b", "tier 2/1-4", ""):
        with pytest.raises(ParameterError):
            _parse_key(bad)


# --- the plan ----------------------------------------------------------------------------


def test_plan_facts_are_sums_over_the_first_years() -> None:
    plan = plan_of(
        range(2019, 2031),
        investment={
            2019: "5000000",
            2020: "1000000.50",
            2021: "2000000",
            2022: "3000000",
            2030: "7",
        },
        jobs={2019: 20, 2030: 35},
    )
    assert plan.facts() == {
        "invest_total_amount": D(
            "11000007.50"
        ),  # 5,000,000 + 1,000,000.50 + 2,000,000 + 3,000,000 + 7
        "invest_first_year_amount": D("5000000"),
        "invest_first_three_years_amount": D("8000000.50"),  # 2019-2021
        "invest_first_ten_years_amount": D("11000000.50"),  # 2019-2028: without 2030's 7
        "invest_jobs_first_year": 20,
        "invest_jobs_created": 35,  # jobs in place at the end of the last year
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"taxable_profit": -1}, "expected 0 or more"),
        ({"payroll": 1.5}, "exact number"),
        ({"land_value": D("0.001")}, "at most 2 decimals"),
        ({"jobs": -1}, "jobs"),
        ({"jobs": True}, "jobs"),
    ],
)
def test_plan_refuses_bad_numbers(change: dict[str, Any], message: str) -> None:
    fields: dict[str, Any] = {
        "year": 2020, "investment": D(0), "taxable_profit": D(0), "property_value": D(0),
        "land_value": D(0), "payroll": D(0), "jobs": 0,
    }  # fmt: skip
    with pytest.raises(ValueError, match=message):
        PlanYear(**{**fields, **change})


def test_plan_years_must_be_consecutive() -> None:
    first = plan_of(range(2019, 2020)).years[0]
    third = plan_of(range(2021, 2022)).years[0]
    with pytest.raises(ValueError, match="consecutive"):
        InvestmentPlan((first, third))
    with pytest.raises(ValueError, match="at least one"):
        InvestmentPlan(())


# --- where should we build? --------------------------------------------------------------

# The sample project: 2019-2024, the same bases every year —
#   taxable profit 10,000,000; property 50,000,000; land 4,000,000; payroll 20,000,000;
#   investment 300,000,000 (2019) + 200,000,000 (2020) = 500,000,000 (tier 3 in Samara);
#   30 jobs in the first year, 60 at the end.
# Standard taxes a year: profit 2,000,000 (20%) + property 1,100,000 (2.2%) + land 60,000
# (1.5%) + social 6,000,000 (30%) = 9,160,000; over 6 years 54,960,000.
SAMPLE = plan_of(
    range(2019, 2025),
    profit="10000000",
    prop="50000000",
    land="4000000",
    payroll="20000000",
    investment={2019: "300000000", 2020: "200000000"},
    jobs={2019: 30, 2020: 45, 2021: 60, 2022: 60, 2023: 60, 2024: 60},
)

# Facts under which every one of the eight regimes is open (one hypothetical site each).
SITES: dict[str, Any] = {
    # Ulyanovsk: a regional entity set up 2018-06-01, applying 2019-01-15; manufacturing in
    # Ulyanovsk city (priority 50m, special 200m: 500m passes both); wage 1.5 x the average.
    "uly_applicant_form": "regional_entity",
    "uly_established_on": "2018-06-01",
    "uly_application_date": "2019-01-15",
    "uly_location": "ulyanovsk_city",
    "uly_manufacturing": True,
    "uly_avg_monthly_wage": 45000,
    "uly_regional_avg_monthly_wage": 30000,
    "uly_project_completion_date": "2020-12-31",
    "uly_wage_standard_met": True,
    "uly_sez_entity_in_cherdaklinsky": True,
    "uly_sez_activity": "agreed_production",
    "uly_sez_port_infrastructure": "none",
    "uly_tor_activity": "automotive_manufacturing",
    # Samara
    "sam_project_in_region": True,
    "sam_financial_or_insurance": False,
    "sam_leasing_revenue_share": 0,
    "sam_chapaevsk_form": "chapaevsk_entity",
    "sam_chapaevsk_established_on": "2018-01-01",
    "sam_chapaevsk_budget_contribution_accepted": True,
    "sam_chapaevsk_industrial_land": True,
    "sam_tor_resident_kind": "new_resident",
    "sam_tor_foreign_staff_share": D("0.1"),
    "sam_tor_activity": "vehicles_and_parts_other_than_passenger_cars",
    "sam_sez_entity_in_stavropolsky": True,
    "sam_sez_activity": "production",
    "invest_entry_date": "2019-01-15",
}

# Hand-worked totals over 2019-2024 (residence years 1-6):
EXPECTED = {
    # TOR Dimitrovgrad: profit 0 (years 1-5) + 10% x 10m (year 6) = 1,000,000; property 0
    # (years 1-5) + 1,100,000 (year 6); land 0 (years 1-10); social 7.6% x 20m = 1,520,000
    # x 6 = 9,120,000. Tax 11,220,000; saving 54,960,000 - 11,220,000 = 43,740,000.
    "ru.ulyanovsk.tor_dimitrovgrad": (D("11220000"), D("43740000")),
    # TOR Togliatti: profit 2% x 10m = 200,000 x 5 + 12% x 10m = 1,200,000 → 2,200,000;
    # property, land 0; social 9,120,000. Tax 11,320,000; saving 43,640,000.
    "ru.samara.tor_togliatti": (D("11320000"), D("43640000")),
    # SEZ Ulyanovsk: profit 2% → 200,000 x 6 = 1,200,000; property, land 0; social 30%
    # 36,000,000. Tax 37,200,000; saving 17,760,000.
    "ru.ulyanovsk.sez": (D("37200000"), D("17760000")),
    # SEZ Togliatti: profit 500,000 + 500,000 (2019-20, 5%) + 900,000 x 2 (2021-22, 9%)
    # + 1,200,000 x 2 (2023-24, 12%) = 5,200,000; property 0; land 0 (years 1-5) + 60,000
    # (year 6); social 36,000,000. Tax 41,260,000; saving 13,700,000.
    "ru.samara.sez_togliatti": (D("41260000"), D("13700000")),
    # Chapaevsk, tier 3 (7 years), industrial land: profit 1,650,000 x 2 (16.5%) + 1,550,000
    # x 4 (15.5%) = 9,500,000; property 0; land 4,000,000 x 0.000235 = 940 x 6 = 5,640;
    # social 36,000,000. Tax 45,505,640; saving 9,454,360.
    "ru.samara.monotown_chapaevsk": (D("45505640"), D("9454360")),
    # Special significance: profit 1,650,000 x 2 + 1,550,000 x 3 + 2,000,000 (year 6) =
    # 9,950,000; property 0 (years 1-10); land 0 (years 1-8); social 36,000,000.
    # Tax 45,950,000; saving 9,010,000.
    "ru.ulyanovsk.special_significance": (D("45950000"), D("9010000")),
    # Samara investment relief, tier 3 (5 years): profit 9,950,000 as above; property 0 x 5
    # + 1,100,000; land 60,000 x 6 = 360,000; social 36,000,000. Tax 47,410,000; saving 7,550,000.
    "ru.samara.investment_relief": (D("47410000"), D("7550000")),
    # Priority project: the same numbers (5 years profit and property relief) — 47,410,000 and
    # 7,550,000; the tie is broken by regime id, so it ranks after the Samara relief.
    "ru.ulyanovsk.priority_project": (D("47410000"), D("7550000")),
}


def test_where_should_we_build() -> None:
    result = compare(SAMPLE, SITES, dt.date(2019, 1, 15))
    assert result.not_projected == ()
    ranking = result.ranking()
    assert [r.regime for r in ranking] == list(EXPECTED)
    assert [r.rank for r in ranking] == [1, 2, 3, 4, 5, 6, 7, 8]
    for rank in ranking:
        tax, saving = EXPECTED[rank.regime]
        assert (rank.total_tax, rank.total_saving) == (tax, saving), rank.regime
        assert rank.total_standard_tax == D("54960000")
        assert rank.status == "eligible"


def test_where_should_we_build_year_by_year_table() -> None:
    rows = compare(SAMPLE, SITES, dt.date(2019, 1, 15)).rows()
    assert len(rows) == 8 * 6
    top = [row for row in rows if row["regime"] == "ru.ulyanovsk.tor_dimitrovgrad"]
    assert [row["year"] for row in top] == [2019, 2020, 2021, 2022, 2023, 2024]
    # Year 1: profit 0, property 0, land 0, social 1,520,000 → tax 1,520,000; saving
    # 9,160,000 - 1,520,000 = 7,640,000 (of which social 6,000,000 - 1,520,000 = 4,480,000).
    first = top[0]
    assert first["residence_year"] == 1
    assert (first["profit_tax"], first["property_tax"], first["land_tax"]) == (0, 0, 0)
    assert first["social_tax"] == D("1520000")
    assert first["social_saving"] == D("4480000")
    assert (first["tax"], first["standard_tax"], first["saving"]) == (
        D("1520000"), D("9160000"), D("7640000"),
    )  # fmt: skip
    # Year 6: profit 10% = 1,000,000; property 2.2% = 1,100,000; land 0; social 1,520,000
    # → 3,620,000; saving 5,540,000.
    assert (top[5]["tax"], top[5]["saving"]) == (D("3620000"), D("5540000"))
    assert all(isinstance(row["tax"], D) for row in rows)
    frame = compare(SAMPLE, SITES, dt.date(2019, 1, 15)).frame()
    assert frame.height == 48


def test_comparison_leaves_out_what_does_not_qualify_and_says_why() -> None:
    sites = {
        **SITES,
        "sam_sez_activity": "other",  # SEZ Togliatti: production or logistics only
        "uly_tor_activity": "other",  # TOR Dimitrovgrad: the manager must confirm → review
        "sam_chapaevsk_industrial_land": None,  # Chapaevsk qualifies, but its land rate is unknown
        "sam_tor_foreign_staff_share": None,  # TOR Togliatti: undetermined
    }
    result = compare(SAMPLE, sites, dt.date(2019, 1, 15))
    others = {n.regime: n for n in result.not_projected}
    assert others["ru.samara.sez_togliatti"].status == "ineligible"
    assert others["ru.samara.tor_togliatti"].status == "undetermined"
    assert others["ru.samara.tor_togliatti"].missing == ("sam_tor_foreign_staff_share",)
    assert others["ru.samara.monotown_chapaevsk"].missing == ("sam_chapaevsk_industrial_land",)
    ranked = {r.regime: r for r in result.ranking()}
    assert ranked["ru.ulyanovsk.tor_dimitrovgrad"].status == "needs_review"
    assert ranked["ru.ulyanovsk.tor_dimitrovgrad"].rank == 1
    assert len(ranked) == 5

    strict = compare(SAMPLE, sites, dt.date(2019, 1, 15), include_review=False)
    assert "ru.ulyanovsk.tor_dimitrovgrad" not in {r.regime for r in strict.ranking()}
    assert strict.ranking()[0].regime == "ru.ulyanovsk.sez"


def test_tier_is_read_from_the_plan() -> None:
    """A plan investing 100,000,000 in total is Samara tier 2: 4 years of profit relief.
    Profit 10,000,000 a year 2021-2025: 1,550,000 x 4 + 2,000,000 = 8,200,000."""
    plan = plan_of(range(2021, 2026), profit="10000000", investment={2021: "100000000"})
    result = compare(plan, SITES, dt.date(2021, 1, 15), regimes=["ru.samara.investment_relief"])
    (projection,) = result.projections
    assert projection.total("profit").tax == D("8200000")
    assert projection.total("profit").saving == D("1800000")  # 10,000,000 - 8,200,000
