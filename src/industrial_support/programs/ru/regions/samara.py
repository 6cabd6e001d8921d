"""Russia, Samara region: the four investment tax regimes of seed 004 §3.

Citations name the column of the §3 table — col.1 tax relief by amount of investment,
col.2 single-industry town "Chapaevsk", col.3 TOR "Togliatti", col.4 SEZ "Togliatti" — and
the requirement item ("req.N") or the tax row. Rates by tax and year are schedules in
``samara.yaml``, projected by :mod:`.projection`; where the rows depend on the amount of
investment, the program's ``investment_tier`` value chooses them.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import polars as pl

from ....engine.deadlines import period_end_expr
from ....engine.facts import FactsView as F
from ....engine.facts import catalog
from ....engine.parameters import ParameterSet
from ....engine.parameters import ParameterView as P
from ....engine.program import Program, ValuesView
from ....engine.rules import amount
from .projection import register_regime, transport_exemption

facts = catalog("RU")

facts.define(
    "sam_project_in_region",
    "boolean",
    en="The investment project is carried out in Samara region",
    ja="投資事業がサマラ州内で実施されること",
)
facts.define(
    "sam_financial_or_insurance",
    "boolean",
    en="The enterprise is a financial institution (bank) or an insurance company",
    ja="金融機関又は保険会社であること",
)
facts.define(
    "sam_leasing_revenue_share",
    "decimal",
    unit="share",
    maximum=1,
    en="Share of total revenue that comes from leasing out the project's fixed assets (0 to 1)",
    ja="投資プロジェクトの固定資産のリース事業が総収入に占める割合（0～1）",
)
facts.define(
    "sam_chapaevsk_form",
    "enum",
    values=("chapaevsk_entity", "chapaevsk_branch", "other"),
    en="A legal entity set up in Chapaevsk; a branch set up in Chapaevsk by an entity of "
    "another Russian region; or other",
    ja="チャパエフスク市内で設立された法人、ロシアの他地域の法人が同市内に設立した支店、又はその他",
)
facts.define(
    "sam_chapaevsk_established_on",
    "date",
    en="Date the entity or branch was set up in Chapaevsk",
    ja="チャパエフスク市内での法人・支店の設立日",
)
facts.define(
    "sam_chapaevsk_budget_contribution_accepted",
    "boolean",
    en="Finding of the region: the project's contribution to the regional budget is sufficient",
    ja="州の判断：事業による州予算への貢献度合いが十分であること",
)
facts.define(
    "sam_chapaevsk_industrial_land",
    "boolean",
    en="The project's land in Chapaevsk is industrial land",
    ja="チャパエフスクの事業用地が産業用地であること",
)
NEW_RESIDENT, EXISTING_BUSINESS = "new_resident", "existing_business"
facts.define(
    "sam_tor_resident_kind",
    "enum",
    values=(NEW_RESIDENT, EXISTING_BUSINESS),
    en="A new resident of the TOR, or a business already located in the TOR area",
    ja="TORへの新規入居者、又はTOR区域内に以前から立地していた企業",
)
facts.define(
    "sam_tor_headcount",
    "integer",
    unit="persons",
    en="Number of employees after becoming a resident",
    ja="入居後の従業員数",
)
facts.define(
    "sam_tor_avg_headcount_3y",
    "decimal",
    unit="persons",
    en="Average number of employees over the past three years",
    ja="過去3年平均の従業員数",
)
facts.define(
    "sam_tor_foreign_staff_share",
    "decimal",
    unit="share",
    maximum=1,
    en="Share of foreign employees (0 to 1)",
    ja="外国人従業員の比率（0～1）",
)
TOR_EXCLUDED = ("passenger_cars", "oil_products", "real_estate")
TOR_NAMED_ADMITTED = "vehicles_and_parts_other_than_passenger_cars"
facts.define(
    "sam_tor_activity",
    "enum",
    values=(*TOR_EXCLUDED, TOR_NAMED_ADMITTED, "other"),
    en="Activity in the TOR: passenger-car production, oil products, real-estate transactions "
    "(excluded); vehicles or parts other than passenger cars (admitted); or another activity",
    ja="TORでの事業：乗用車生産、石油製品生産、不動産取引（対象外）、乗用車以外の自動車・同部品生産"
    "（対象）、又はその他",
)
facts.define(
    "sam_tor_activity_confirmed",
    "boolean",
    en="Finding of the TOR manager: an activity the seed does not name is not among the "
    "excluded ones",
    ja="TOR管理者の判断：資料に記載のない事業が対象外事業に当たらないこと",
)
facts.define(
    "sam_sez_entity_in_stavropolsky",
    "boolean",
    en="The resident is a legal entity set up in Stavropolsky district, where the SEZ lies",
    ja="SEZのあるスタプロポリスキー地区を設立地とする法人であること",
)
facts.define(
    "sam_sez_activity",
    "enum",
    values=("production", "logistics", "other"),
    en="Activity in the SEZ: production, logistics, or other",
    ja="SEZでの事業：生産、物流、又はその他",
)

PARAMETERS = ParameterSet.load(Path(__file__).parent / "samara.yaml")

PROVIDER = {"en": "Samara Region Development Corporation", "ja": "サマラ州開発公社"}


def _tier(f: F, lower: Decimal, upper: Decimal) -> pl.Expr:
    """tier_1 below ``lower``; tier_2 from ``lower`` up to (not including) ``upper``; tier_3
    from ``upper`` ("1億~5億" / "5億以上": 500m belongs to the upper tier)."""
    invest = f.invest_total_amount
    return (
        pl.when(invest < amount(lower))
        .then(pl.lit("tier_1"))
        .when(invest < amount(upper))
        .then(pl.lit("tier_2"))
        .when(invest >= amount(upper))
        .then(pl.lit("tier_3"))
    )


# ---------------------------------------------------------------------------------------
# col.1 tax relief by amount of investment

investment_relief = Program(
    id="ru.samara.investment_relief",
    jurisdiction="RU",
    kind="tax_regime",
    title={
        "en": "Samara: tax relief by amount of investment",
        "ja": "サマラ州：投資額に応じた税優遇措置",
    },
    summary={
        "en": "Profit tax at 15.5% (16.5% in 2017–2020) for 4 years (investment 100m–500m RUB) or "
        "5 years (500m RUB or more); no property tax for 2, 4 or 5 years by the same tiers.",
        "ja": "企業利潤税15.5%（2017～2020年16.5%）を投資額1億～5億ルーブルで4年間、"
        "5億ルーブル以上で5年間。"
        "資産税は同区分により2年、4年又は5年間免除。",
    },
    provider=PROVIDER,
    source="004 §3 col.1",
    parameters=PARAMETERS,
)


@investment_relief.criterion(
    "project_in_region",
    "004 §3 col.1 req.1",
    en="An investment project carried out in the region",
    ja="州域内での投資事業であること",
)
def _r_region(f: F, p: P) -> pl.Expr:
    return f.sam_project_in_region


@investment_relief.criterion(
    "investment_made",
    "004 §3 col.1 req.1",
    en="The project invests something (the reliefs are graded by the amount invested)",
    ja="投資が行われること（優遇措置は投資額により異なる）",
)
def _r_invest(f: F, p: P) -> pl.Expr:
    return f.invest_total_amount > amount(Decimal(0))


# Reading: financial institutions, insurers, and any enterprise earning at least 70% of its
# revenue from leasing out the project's fixed assets are all excluded. Alternative (the
# literal "のうち"): only financial institutions and insurers with such leasing revenue are.
# "70%を占める" is read as "70% or more"; alternative: more than 70%.
@investment_relief.criterion(
    "not_excluded",
    "004 §3 col.1 req.2",
    en="Not a financial institution or insurer, and less than 70% of revenue from leasing out "
    "the project's fixed assets",
    ja="金融機関・保険会社でなく、かつ固定資産のリース収入が総収入の70%未満であること",
)
def _r_excluded(f: F, p: P) -> pl.Expr:
    return ~f.sam_financial_or_insurance & (
        f.sam_leasing_revenue_share < amount(p.relief_leasing_share_max)
    )


@investment_relief.value(
    "investment_tier",
    "004 §3 col.1 profit tax",
    unit="text",
    en="Investment tier: tier_1 below 100m RUB, tier_2 100m up to 500m, tier_3 500m or more",
    ja="投資額区分：tier_1 1億ルーブル未満、tier_2 1億以上5億未満、tier_3 5億以上",
)
def _r_tier(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _tier(f, p.relief_tier_lower, p.relief_tier_upper)


# ---------------------------------------------------------------------------------------
# col.2 single-industry town "Chapaevsk"

monotown_chapaevsk = Program(
    id="ru.samara.monotown_chapaevsk",
    jurisdiction="RU",
    kind="tax_regime",
    title={
        "en": 'Samara: single-industry town area "Chapaevsk"',
        "ja": "サマラ州：単一産業都市区域（チャパエフスク）",
    },
    summary={
        "en": "Profit tax at 15.5% (16.5% in 2017–2020) for 6 or 7 years and no property tax for "
        "4, 6 or 7 years by investment tier; land tax 0.0235% on industrial land; for a "
        "Chapaevsk entity or branch set up since 2012 creating 25 jobs and investing 30m RUB.",
        "ja": "2012年以降にチャパエフスクで設立された法人・支店が"
        "25人の雇用と3,000万ルーブルの投資を行う場合、"
        "投資額区分により企業利潤税15.5%（2017～2020年16.5%）6又は7年間、資産税免除4・6・7年間、"
        "産業用地の土地税0.0235%。",
    },
    provider=PROVIDER,
    source="004 §3 col.2",
    parameters=PARAMETERS,
)


@monotown_chapaevsk.criterion(
    "established_in_town",
    "004 §3 col.2 req.1",
    en="A legal entity, or a branch of an entity of another region, set up in Chapaevsk on or "
    "after 1 January 2012",
    ja="2012年1月1日以降にチャパエフスク市内で設立された法人、又は他地域の法人の支店であること",
)
def _c_established(f: F, p: P) -> pl.Expr:
    return (f.sam_chapaevsk_form != "other") & (
        f.sam_chapaevsk_established_on >= pl.lit(p.chapaevsk_established_from)
    )


@monotown_chapaevsk.criterion(
    "jobs_created",
    "004 §3 col.2 req.2",
    en="At least 25 permanent jobs created",
    ja="最低25人の正規雇用を創出すること",
)
def _c_jobs(f: F, p: P) -> pl.Expr:
    return f.invest_jobs_created >= pl.lit(p.chapaevsk_jobs_min)


@monotown_chapaevsk.criterion(
    "investment_minimum",
    "004 §3 col.2 req.3",
    en="At least 30m RUB invested",
    ja="3,000万ルーブル以上を投資すること",
)
def _c_invest(f: F, p: P) -> pl.Expr:
    return f.invest_total_amount >= amount(p.chapaevsk_investment_min)


@monotown_chapaevsk.criterion(
    "budget_contribution",
    "004 §3 col.2 req.3",
    en="The region weighs the project's contribution to the regional budget",
    ja="事業による州予算への貢献度合いを州が考慮すること",
    on_unknown="review",
)
def _c_budget(f: F, p: P) -> pl.Expr:
    return f.sam_chapaevsk_budget_contribution_accepted


@monotown_chapaevsk.value(
    "investment_tier",
    "004 §3 col.2 profit tax",
    unit="text",
    en="Investment tier: tier_1 below 100m RUB, tier_2 100m up to 500m, tier_3 500m or more",
    ja="投資額区分：tier_1 1億ルーブル未満、tier_2 1億以上5億未満、tier_3 5億以上",
)
def _c_tier(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _tier(f, p.chapaevsk_tier_lower, p.chapaevsk_tier_upper)


@monotown_chapaevsk.value(
    "land_use",
    "004 §3 col.2 land tax",
    unit="text",
    en="Land use that chooses the land-tax rate: industrial_land or other_land",
    ja="土地税率を決める用途：産業用地（industrial_land）又はその他（other_land）",
)
def _c_land(f: F, p: P, v: ValuesView) -> pl.Expr:
    industrial = f.sam_chapaevsk_industrial_land
    return (
        pl.when(industrial)
        .then(pl.lit("industrial_land"))
        .when(~industrial)
        .then(pl.lit("other_land"))
    )


# ---------------------------------------------------------------------------------------
# col.3 TOR "Togliatti"

tor_togliatti = Program(
    id="ru.samara.tor_togliatti",
    jurisdiction="RU",
    kind="tax_regime",
    title={
        "en": 'Samara: priority development area (TOR) "Togliatti"',
        "ja": "サマラ州：優先的社会経済発展区域（TOR）「トリヤッチ」",
    },
    summary={
        "en": "Profit tax 2% for five years and 12% in years 6–10; no property or land tax and "
        "social insurance at 7.6% for ten years; no transport tax for five years.",
        "ja": "企業利潤税2%（5年間）・12%（6～10年目）、"
        "資産税・土地税免除と社会保険料7.6%（10年間）、"
        "輸送税免除（5年間）。",
    },
    provider=PROVIDER,
    source="004 §3 col.3",
    parameters=PARAMETERS,
)


@tor_togliatti.criterion(
    "new_resident_jobs",
    "004 §3 col.3 req.1",
    en="A new resident creates at least 20 jobs within one year of entry",
    ja="新規入居者は入居後1年以内に20人以上の雇用を創出すること",
    applies=lambda f, p: f.sam_tor_resident_kind == NEW_RESIDENT,
)
def _g_jobs(f: F, p: P) -> pl.Expr:
    return f.invest_jobs_first_year >= pl.lit(p.tor_jobs_min)


@tor_togliatti.criterion(
    "existing_headcount",
    "004 §3 col.3 req.1",
    en="A business already in the area keeps at least its average headcount of the past "
    "three years",
    ja="区域内に以前から立地していた企業は、過去3年平均の従業員数を下回らないこと",
    applies=lambda f, p: f.sam_tor_resident_kind == EXISTING_BUSINESS,
)
def _g_headcount(f: F, p: P) -> pl.Expr:
    return f.sam_tor_headcount.cast(pl.Decimal(38, 10)) >= f.sam_tor_avg_headcount_3y


@tor_togliatti.criterion(
    "foreign_staff_share",
    "004 §3 col.3 req.1",
    en="Foreign employees are at most 25% of the staff",
    ja="外国人従業員の比率が25%以下であること",
)
def _g_foreign(f: F, p: P) -> pl.Expr:
    return f.sam_tor_foreign_staff_share <= amount(p.tor_foreign_staff_share_max)


@tor_togliatti.criterion(
    "activity_not_excluded",
    "004 §3 col.3 req.2",
    en="Not passenger-car production, oil products or real-estate transactions",
    ja="乗用車生産、石油製品生産、不動産取引などの対象外事業でないこと",
)
def _g_excluded(f: F, p: P) -> pl.Expr:
    return ~f.sam_tor_activity.is_in(TOR_EXCLUDED)


# Reading: the seed's exclusions end with "etc." (など); an activity it does not name is left
# to the TOR manager's finding; alternative: everything not named is admitted.
@tor_togliatti.criterion(
    "activity_confirmed",
    "004 §3 col.3 req.2",
    en="An activity the seed does not name is confirmed not to be excluded by the TOR manager",
    ja="資料に記載のない事業は、対象外事業に当たらないとTOR管理者が認めること",
    applies=lambda f, p: f.sam_tor_activity == "other",
    on_unknown="review",
)
def _g_confirmed(f: F, p: P) -> pl.Expr:
    return f.sam_tor_activity_confirmed


@tor_togliatti.criterion(
    "investment_minimum",
    "004 §3 col.3 req.3",
    en="At least 20m RUB invested",
    ja="2,000万ルーブル以上を投資すること",
)
def _g_invest(f: F, p: P) -> pl.Expr:
    return f.invest_total_amount >= amount(p.tor_investment_min)


@tor_togliatti.criterion(
    "first_year_investment",
    "004 §3 col.3 req.3",
    en="At least 5m RUB invested within one year of entry",
    ja="入居後1年以内に500万ルーブル以上を投資すること",
)
def _g_first(f: F, p: P) -> pl.Expr:
    return f.invest_first_year_amount >= amount(p.tor_first_year_investment_min)


@tor_togliatti.value(
    "first_year_due",
    "004 §3 col.3 req.1",
    unit="date",
    en="Last day for the jobs and the first 5m RUB (one year after entry, corresponding day, "
    "RU Civil Code Art.192(3))",
    ja="雇用及び初期投資500万ルーブルの期限（入居後1年、応当日）",
    kind="deadline",
)
def _g_due(f: F, p: P, v: ValuesView) -> pl.Expr:
    return period_end_expr(
        f.invest_entry_date, years=p.tor_initial_period_years, start_day_counted=False
    )


transport_exemption(tor_togliatti, "004 §3 col.3 transport tax", "tor_transport_exempt_years")


# ---------------------------------------------------------------------------------------
# col.4 SEZ "Togliatti"

sez_togliatti = Program(
    id="ru.samara.sez_togliatti",
    jurisdiction="RU",
    kind="tax_regime",
    sectors=("manufacturing", "logistics"),
    title={
        "en": 'Samara: special economic zone "Togliatti"',
        "ja": "サマラ州：特別経済区「トリヤッチ」",
    },
    summary={
        "en": "Profit tax rising by calendar year: 2% to 2018, 5% to 2020, 9% to 2022, "
        "12% to 2024, "
        "15.5% after; no property tax for ten and no land tax for five years.",
        "ja": "企業利潤税は暦年により2%（2018年まで）、5%（2020年まで）、9%（2022年まで）、"
        "12%（2024年まで）、"
        "以降15.5%。資産税免除（10年間）、土地税免除（5年間）。",
    },
    provider=PROVIDER,
    source="004 §3 col.4",
    parameters=PARAMETERS,
)


@sez_togliatti.criterion(
    "entity_in_district",
    "004 §3 col.4 req.1",
    en="The resident is a legal entity set up in Stavropolsky district",
    ja="入居者がスタプロポリスキー地区を設立地とする法人であること",
)
def _t_entity(f: F, p: P) -> pl.Expr:
    return f.sam_sez_entity_in_stavropolsky


@sez_togliatti.criterion(
    "activity",
    "004 §3 col.4 req.2",
    en="The activity is production or logistics",
    ja="事業が生産又は物流であること",
)
def _t_activity(f: F, p: P) -> pl.Expr:
    return f.sam_sez_activity.is_in(["production", "logistics"])


@sez_togliatti.criterion(
    "investment_minimum",
    "004 §3 col.4 req.3",
    en="At least 120m RUB invested",
    ja="1億2,000万ルーブル以上を投資すること",
)
def _t_invest(f: F, p: P) -> pl.Expr:
    return f.invest_total_amount >= amount(p.sez_investment_min)


@sez_togliatti.criterion(
    "early_investment",
    "004 §3 col.4 req.3",
    en="At least 40m RUB invested within three years of entry",
    ja="入居後3年以内に4,000万ルーブル以上を投資すること",
)
def _t_early(f: F, p: P) -> pl.Expr:
    return f.invest_first_three_years_amount >= amount(p.sez_early_investment_min)


@sez_togliatti.value(
    "early_investment_due",
    "004 §3 col.4 req.3",
    unit="date",
    en="Last day for the 40m RUB (three years after entry, corresponding day, RU Civil Code "
    "Art.192(3))",
    ja="初期投資4,000万ルーブルの期限（入居後3年、応当日）",
    kind="deadline",
)
def _t_due(f: F, p: P, v: ValuesView) -> pl.Expr:
    return period_end_expr(
        f.invest_entry_date, years=p.sez_early_period_years, start_day_counted=False
    )


register_regime(
    investment_relief,
    profit="relief_profit_rate",
    property="relief_property_rate",
    variant_values=("investment_tier",),
)
register_regime(
    monotown_chapaevsk,
    profit="chapaevsk_profit_rate",
    property="chapaevsk_property_rate",
    land="chapaevsk_land_rate",
    variant_values=("investment_tier", "land_use"),
)
register_regime(
    tor_togliatti,
    profit="tor_profit_rate",
    property="tor_property_rate",
    land="tor_land_rate",
    social="tor_social_rate",
)
register_regime(
    sez_togliatti, profit="sez_profit_rate", property="sez_property_rate", land="sez_land_rate"
)
