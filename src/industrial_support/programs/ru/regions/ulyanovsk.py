"""Russia, Ulyanovsk region: the four investment tax regimes of seed 004 §2.

Citations name the column of the §2 table — col.1 priority investment project, col.2
investment project of special significance, col.3 SEZ "Ulyanovsk", col.4 TOR "Dimitrovgrad" —
and the requirement item ("req.N") or the tax row. Rates by tax and year are schedules in
``ulyanovsk.yaml``, projected by :mod:`.projection`.

Where the seed gives only a range of a location-dependent threshold (minimum investment
"10m to 500m RUB depending on the place", wage "1 to 1.5 times the regional average
depending on the place"), the bottom of the range is a hard criterion, and between bottom
and top an official's finding that the place's own threshold is reached decides (review).
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
from ....engine.rules import amount, lookup
from .projection import register_regime, transport_exemption

facts = catalog("RU")

REGIONAL_ENTITY, REGIONAL_BRANCH, TAX_REGISTERED = (
    "regional_entity",
    "regional_branch",
    "tax_registered_entity",
)
facts.define(
    "uly_applicant_form",
    "enum",
    values=(REGIONAL_ENTITY, REGIONAL_BRANCH, TAX_REGISTERED, "other"),
    en="Who carries out the project: a legal entity set up in Ulyanovsk region; a branch in "
    "the region of an entity from another Russian region; an entity of another Russian region "
    "registered with the region's tax authorities; or other",
    ja="事業者：ウリヤノフスク州内で設立された法人、ロシアの他地域の法人の州内支店、"
    "州で税務登録したロシアの他地域の法人、又はその他",
)
facts.define(
    "uly_established_on",
    "date",
    en="Date the entity or branch was set up in the region (for an entity of another region: "
    "date of its tax registration in the region)",
    ja="州内での法人・支店の設立日（他地域の法人は州での税務登録日）",
)
facts.define(
    "uly_application_date",
    "date",
    en="Date of the application for priority / special-significance status",
    ja="優先・特別重要投資プロジェクトの申請日",
)
LOCATIONS = ("ulyanovsk_city", "dimitrovgrad", "designated_district", "other_district")
facts.define(
    "uly_location",
    "enum",
    values=LOCATIONS,
    en="Where the project is: Ulyanovsk city, Dimitrovgrad city, another district the region "
    "lists for manufacturing investment, or another district",
    ja="事業の所在地：ウリヤノフスク市、ディミトロフグラード市、製造業投資について州が定める"
    "その他の地区、又はその他の地区",
)
facts.define(
    "uly_manufacturing",
    "boolean",
    en="The investment is in manufacturing",
    ja="製造業への投資であること",
)
facts.define(
    "uly_district_minimum_met",
    "boolean",
    en="Finding of the region: the investment reaches the minimum set for the project's place "
    "(where the seed gives only a range)",
    ja="州の判断：投資額が所在地について定める最低投資額に達していること（資料に範囲のみ記載の場合）",
)
facts.define(
    "uly_avg_monthly_wage",
    "money",
    currency="RUB",
    en="The enterprise's average monthly wage (quarter, half-year, 9 months or year)",
    ja="事業者の平均月給（四半期、半年、9カ月又は1年）",
)
facts.define(
    "uly_regional_avg_monthly_wage",
    "money",
    currency="RUB",
    en="Average monthly wage in Ulyanovsk region for the same period",
    ja="同期間のウリヤノフスク州の平均月給",
)
facts.define(
    "uly_location_wage_multiplier_met",
    "boolean",
    en="Finding of the region: the wage reaches the multiple (1 to 1.5) set for the place",
    ja="州の判断：給与が所在地について定める倍率（1～1.5倍）に達していること",
)
facts.define(
    "uly_project_completion_date",
    "date",
    en="Date by which the project will be carried out",
    ja="プロジェクトの実施完了予定日",
)
facts.define(
    "uly_wage_standard_met",
    "boolean",
    en="Finding of the region: the wages meet the region's separate standard "
    "(average monthly wage)",
    ja="州の判断：給与が別途定める基準（平均月給）を満たすこと",
)
facts.define(
    "uly_sez_entity_in_cherdaklinsky",
    "boolean",
    en="A legal entity set up in Cherdaklinsky district, where the SEZ lies",
    ja="SEZのあるチェルダクリンスキー地区を設立地とする法人であること",
)
SEZ_ACTIVITIES = (
    "warehousing",
    "ship_aircraft_supply",
    "ship_aircraft_manufacture_repair",
    "fish_processing",
    "packing_sorting_labelling",
    "light_processing",
    "trade_intermediation",
    "wholesale",
    "sez_infrastructure",
    "agreed_production",
)
facts.define(
    "uly_sez_activity",
    "enum",
    values=(*SEZ_ACTIVITIES, "other"),
    en="Activity in the SEZ: warehousing; supplying ships/aircraft; making or repairing "
    "ships/aircraft and parts; fish processing; packing, sorting, labelling; light processing "
    "that leaves the goods' state unchanged; intermediation in trade; wholesale; building or "
    "maintaining SEZ infrastructure; production under an agreement with the SEZ manager; other",
    ja="SEZでの事業：倉庫業、船舶（航空機）への供給、船舶（航空機）・部品の製造・修理、水産加工、"
    "包装・分類・ラベリング、商品の状態を変えない軽易な加工、取引仲介、卸売り、SEZ内インフラの"
    "建設・補修維持、管理会社との協定に基づく生産、その他",
)
facts.define(
    "uly_sez_port_infrastructure",
    "enum",
    values=("construction", "renovation", "none"),
    en="Port (airport) infrastructure project in the SEZ: construction, renovation, or none",
    ja="SEZの港湾（空港）インフラ事業：建設、改修、又はなし",
)
AUTO_PARTS_EXCLUDED = "auto_parts_okved_29_32_3"
TOR_LISTED = (
    "automotive_manufacturing",
    "other_manufacturing",
    "telecommunications",
    "health",
    "sports",
)
facts.define(
    "uly_tor_activity",
    "enum",
    values=(*TOR_LISTED, AUTO_PARTS_EXCLUDED, "other"),
    en="Activity in the TOR: vehicle manufacturing, other manufacturing, telecommunications, "
    "health, sports; auto parts of OKVED 29.32.3; or another activity",
    ja="TORでの事業：自動車製造、その他製造業、通信業、保健、スポーツ関連、"
    "自動車部品製造（産業分類29.32.3）、又はその他",
)
facts.define(
    "uly_tor_activity_confirmed",
    "boolean",
    en="Finding of the TOR manager: an activity the seed does not name is on the TOR's list",
    ja="TOR管理者の判断：資料に記載のない事業が対象業種に含まれること",
)

PARAMETERS = ParameterSet.load(Path(__file__).parent / "ulyanovsk.yaml")


def _established_within(f: F, years: int) -> pl.Expr:
    """Set up (or tax-registered) no earlier than the same day ``years`` years before the
    application, and not after it. Reading: the day exactly N years before counts."""
    earliest = f.uly_application_date.dt.offset_by(f"-{years}y")
    return (f.uly_established_on >= earliest) & (f.uly_established_on <= f.uly_application_date)


def _minimum_by_place(
    f: F, key: pl.Expr, table: dict[str, Decimal], floor: Decimal, ceiling: Decimal
) -> tuple[pl.Expr, pl.Expr]:
    """(hard criterion, where an official's finding is needed) for a location-dependent
    minimum investment the seed fixes for some places and gives as a range for the rest."""
    exact = lookup(key, table)
    invest = f.invest_total_amount
    hard = (
        pl.when(key.is_null())
        .then(None)
        .when(exact.is_not_null())
        .then(invest >= exact)
        .otherwise(invest >= amount(floor))
    )
    band = (
        key.is_not_null() & exact.is_null() & (invest >= amount(floor)) & (invest < amount(ceiling))
    )
    return hard, band


def _priority_key(f: F) -> pl.Expr:
    suffix = (
        pl.when(f.uly_manufacturing)
        .then(pl.lit("_manufacturing"))
        .when(~f.uly_manufacturing)
        .then(pl.lit(""))
    )
    return pl.concat_str([f.uly_location.cast(pl.String), suffix])


def _wage_ratio_ok(f: F, multiple: Decimal) -> pl.Expr:
    return f.uly_avg_monthly_wage >= f.uly_regional_avg_monthly_wage * amount(multiple)


# ---------------------------------------------------------------------------------------
# col.1 priority investment project

priority_project = Program(
    id="ru.ulyanovsk.priority_project",
    jurisdiction="RU",
    kind="tax_regime",
    title={
        "en": "Ulyanovsk: priority investment project",
        "ja": "ウリヤノフスク州：優先投資プロジェクト",
    },
    summary={
        "en": "Reduced profit tax for five years (16.5% in 2017–2020, 15.5% otherwise) and no "
        "property tax for five years, for a project of a recently set-up regional entity or branch "
        "that invests the place's minimum and pays above-average wages.",
        "ja": "州内で新たに設立された法人・支店が所在地の最低投資額以上を投資し平均以上の給与を払う"
        "プロジェクトに、5年間の企業利潤税軽減（2017～2020年16.5%、それ以外15.5%）と5年間の資産税免除。",
    },
    provider={"en": "Ulyanovsk Region Development Corporation", "ja": "ウリヤノフスク州開発公社"},
    source="004 §2 col.1",
    parameters=PARAMETERS,
)


@priority_project.criterion(
    "applicant_form",
    "004 §2 col.1 req.1",
    en="Carried out by a legal entity set up in the region, or by a branch set up in the region "
    "by an entity of another Russian region",
    ja="州内で設立された法人、又はロシアの他地域の法人が州内に設立した支店が実施すること",
)
def _p_form(f: F, p: P) -> pl.Expr:
    return f.uly_applicant_form.is_in([REGIONAL_ENTITY, REGIONAL_BRANCH])


# Reading: "申請する日から5年前までに設立" is taken as "set up within the 5 years before the
# application" (a new entity), matching item (b) for branches; alternative: set up at least
# 5 years before applying.
@priority_project.criterion(
    "recently_established",
    "004 §2 col.1 req.1",
    en="The entity or branch was set up within the five years before the application",
    ja="法人又は支店が申請前5年以内に設立されたこと",
    applies=lambda f, p: f.uly_applicant_form.is_in([REGIONAL_ENTITY, REGIONAL_BRANCH]),
)
def _p_recent(f: F, p: P) -> pl.Expr:
    return _established_within(f, p.priority_establishment_window_years)


@priority_project.criterion(
    "investment_minimum",
    "004 §2 col.1 req.2",
    en="Investment at least the minimum for the place: 500m RUB in Ulyanovsk city, 50m RUB for "
    "manufacturing in Ulyanovsk, Dimitrovgrad or a listed district, at least 10m RUB elsewhere",
    ja="所在地の最低投資額以上を投資すること（ウリヤノフスク市5億ルーブル、同市・ディミトロフグラード市"
    "等での製造業5,000万ルーブル、その他1,000万ルーブル以上）",
)
def _p_invest(f: F, p: P) -> pl.Expr:
    hard, _ = _minimum_by_place(
        f,
        _priority_key(f),
        p.priority_investment_min,
        p.priority_investment_floor,
        p.priority_investment_ceiling,
    )
    return hard


@priority_project.criterion(
    "district_minimum",
    "004 §2 col.1 req.2",
    en="Where the seed gives only the range (10m–500m RUB), the region finds that the investment "
    "reaches the place's own minimum",
    ja="資料に範囲（1,000万～5億ルーブル）のみ示される所在地では、所在地の最低投資額に達すると州が判断すること",
    applies=lambda f, p: _minimum_by_place(
        f,
        _priority_key(f),
        p.priority_investment_min,
        p.priority_investment_floor,
        p.priority_investment_ceiling,
    )[1],
    on_unknown="review",
)
def _p_district(f: F, p: P) -> pl.Expr:
    return f.uly_district_minimum_met


@priority_project.criterion(
    "wage_floor",
    "004 §2 col.1 req.3",
    en="Average monthly wage at least the regional average (the lowest multiple, 1)",
    ja="平均月給が州平均月給以上（倍率の下限1倍）であること",
)
def _p_wage(f: F, p: P) -> pl.Expr:
    return _wage_ratio_ok(f, p.wage_ratio_floor)


@priority_project.criterion(
    "wage_location_multiplier",
    "004 §2 col.1 req.3",
    en="Below 1.5 times the regional average, the region finds that the wage reaches the "
    "multiple set for the place",
    ja="州平均の1.5倍未満の場合、所在地について定める倍率に達すると州が判断すること",
    applies=lambda f, p: ~_wage_ratio_ok(f, p.wage_ratio_ceiling),
    on_unknown="review",
)
def _p_wage_place(f: F, p: P) -> pl.Expr:
    return f.uly_location_wage_multiplier_met


@priority_project.value(
    "earliest_establishment_date",
    "004 §2 col.1 req.1",
    unit="date",
    en="Earliest date of setting up that still qualifies",
    ja="要件を満たす最も早い設立日",
    kind="deadline",
)
def _p_earliest(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.uly_application_date.dt.offset_by(f"-{p.priority_establishment_window_years}y")


# ---------------------------------------------------------------------------------------
# col.2 investment project of special significance

special_significance = Program(
    id="ru.ulyanovsk.special_significance",
    jurisdiction="RU",
    kind="tax_regime",
    title={
        "en": "Ulyanovsk: investment project of special significance",
        "ja": "ウリヤノフスク州：特別重要投資プロジェクト",
    },
    summary={
        "en": "Reduced profit tax for five years, no property tax for ten years (1.1% in years "
        "11–15), no transport tax for ten and no land tax for eight years, for a project of a "
        "recently set-up or registered enterprise completed by the end of 2020.",
        "ja": "新たに設立・登録された事業者が2020年末までに実施するプロジェクトに、"
        "5年間の企業利潤税軽減、"
        "10年間の資産税免除（11～15年目1.1%）、10年間の輸送税免除、8年間の土地税免除。",
    },
    provider={"en": "Ulyanovsk Region Development Corporation", "ja": "ウリヤノフスク州開発公社"},
    source="004 §2 col.2",
    parameters=PARAMETERS,
)


@special_significance.criterion(
    "applicant_form",
    "004 §2 col.2 req.1",
    en="Carried out by an entity set up in the region, a branch set up in the region by an entity "
    "of another region, or an entity of another region registered with the region's tax "
    "authorities",
    ja="州内で設立された法人、他地域の法人の州内支店、又は州で税務登録した他地域の法人が実施すること",
)
def _s_form(f: F, p: P) -> pl.Expr:
    return f.uly_applicant_form.is_in([REGIONAL_ENTITY, REGIONAL_BRANCH, TAX_REGISTERED])


# Reading as for col.1: within the 3 years before the application, the day 3 years before included.
@special_significance.criterion(
    "recently_established",
    "004 §2 col.2 req.1",
    en="Set up (or tax-registered in the region) within the three years before the application",
    ja="申請前3年以内に設立（又は州で税務登録）されたこと",
    applies=lambda f, p: f.uly_applicant_form.is_in(
        [REGIONAL_ENTITY, REGIONAL_BRANCH, TAX_REGISTERED]
    ),
)
def _s_recent(f: F, p: P) -> pl.Expr:
    return _established_within(f, p.special_establishment_window_years)


def _special_minimum(f: F, p: P) -> tuple[pl.Expr, pl.Expr]:
    return _minimum_by_place(
        f,
        f.uly_location.cast(pl.String),
        p.special_investment_min,
        p.special_investment_floor,
        p.special_investment_ceiling,
    )


@special_significance.criterion(
    "investment_minimum",
    "004 §2 col.2 req.2",
    en="Investment at least the minimum for the place: 200m RUB in Ulyanovsk city, at least "
    "10m RUB elsewhere",
    ja="所在地の最低投資額以上を投資すること（ウリヤノフスク市2億ルーブル、その他1,000万ルーブル以上）",
)
def _s_invest(f: F, p: P) -> pl.Expr:
    return _special_minimum(f, p)[0]


@special_significance.criterion(
    "district_minimum",
    "004 §2 col.2 req.2",
    en="Where the seed gives only the range (10m–200m RUB), the region finds that the investment "
    "reaches the place's own minimum",
    ja="資料に範囲（1,000万～2億ルーブル）のみ示される所在地では、所在地の最低投資額に達すると州が判断すること",
    applies=lambda f, p: _special_minimum(f, p)[1],
    on_unknown="review",
)
def _s_district(f: F, p: P) -> pl.Expr:
    return f.uly_district_minimum_met


@special_significance.criterion(
    "completed_by_deadline",
    "004 §2 col.2 req.3",
    en="The project is carried out by 31 December 2020",
    ja="2020年12月31日までにプロジェクトを実施すること",
)
def _s_deadline(f: F, p: P) -> pl.Expr:
    return f.uly_project_completion_date <= pl.lit(p.special_completion_deadline)


@special_significance.criterion(
    "wage_standard",
    "004 §2 col.2 req.4",
    en="Wages meet the region's separate standard (average monthly wage); the seed gives no figure",
    ja="給与が別途定める基準（平均月給）を満たすこと（資料に数値なし）",
    on_unknown="review",
)
def _s_wage(f: F, p: P) -> pl.Expr:
    return f.uly_wage_standard_met


@special_significance.value(
    "earliest_establishment_date",
    "004 §2 col.2 req.1",
    unit="date",
    en="Earliest date of setting up (or tax registration) that still qualifies",
    ja="要件を満たす最も早い設立日（又は税務登録日）",
    kind="deadline",
)
def _s_earliest(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.uly_application_date.dt.offset_by(f"-{p.special_establishment_window_years}y")


transport_exemption(
    special_significance, "004 §2 col.2 transport tax", "special_transport_exempt_years"
)


# ---------------------------------------------------------------------------------------
# col.3 SEZ "Ulyanovsk"

sez = Program(
    id="ru.ulyanovsk.sez",
    jurisdiction="RU",
    kind="tax_regime",
    sectors=("manufacturing", "logistics", "trade"),
    title={
        "en": 'Ulyanovsk: special economic zone "Ulyanovsk"',
        "ja": "ウリヤノフスク州：特別経済区「ウリヤノフスク」",
    },
    summary={
        "en": "Profit tax 2% for ten years and 15.5% in years 11–45; no property tax for 15 years; "
        "no transport or land tax for ten years, for an entity of Cherdaklinsky district in a "
        "listed activity.",
        "ja": "チェルダクリンスキー地区で設立され対象事業を行う法人に、"
        "企業利潤税2%（10年間）・15.5%"
        "（11～45年目）、資産税免除（15年間）、輸送税・土地税免除（10年間）。",
    },
    provider={"en": "Ulyanovsk Region Development Corporation", "ja": "ウリヤノフスク州開発公社"},
    source="004 §2 col.3",
    parameters=PARAMETERS,
)


@sez.criterion(
    "entity_in_district",
    "004 §2 col.3 req.1",
    en="The resident is a legal entity set up in Cherdaklinsky district",
    ja="入居者がチェルダクリンスキー地区を設立地とする法人であること",
)
def _z_entity(f: F, p: P) -> pl.Expr:
    return f.uly_sez_entity_in_cherdaklinsky


@sez.criterion(
    "activity_listed",
    "004 §2 col.3 req.2",
    en="The activity is one of the ten the SEZ admits",
    ja="事業がSEZの対象事業（10項目）のいずれかであること",
)
def _z_activity(f: F, p: P) -> pl.Expr:
    return f.uly_sez_activity != "other"


@sez.criterion(
    "infrastructure_investment",
    "004 §2 col.3 req.3",
    en="Port (airport) infrastructure: at least 400m RUB (construction) or 120m RUB "
    "(renovation) invested within three years of entry",
    ja="港湾（空港）インフラ事業：入居後3年以内に建設4億ルーブル、改修1億2,000万ルーブル以上を投資すること",
    applies=lambda f, p: f.uly_sez_port_infrastructure != "none",
)
def _z_infra(f: F, p: P) -> pl.Expr:
    minimum = lookup(f.uly_sez_port_infrastructure, p.sez_infrastructure_investment_min)
    return f.invest_first_three_years_amount >= minimum


@sez.value(
    "infrastructure_investment_due",
    "004 §2 col.3 req.3",
    unit="date",
    en="Last day of the three years after entry for the infrastructure investment "
    "(corresponding-day rule, RU Civil Code Art.192(3))",
    ja="インフラ投資の期限（入居後3年、応当日）",
    kind="deadline",
)
def _z_due(f: F, p: P, v: ValuesView) -> pl.Expr:
    return period_end_expr(
        f.invest_entry_date, years=p.sez_investment_period_years, start_day_counted=False
    )


transport_exemption(sez, "004 §2 col.3 transport tax", "sez_transport_exempt_years")


# ---------------------------------------------------------------------------------------
# col.4 TOR "Dimitrovgrad"

tor_dimitrovgrad = Program(
    id="ru.ulyanovsk.tor_dimitrovgrad",
    jurisdiction="RU",
    kind="tax_regime",
    sectors=("manufacturing", "services"),
    title={
        "en": 'Ulyanovsk: priority development area (TOR) "Dimitrovgrad"',
        "ja": "ウリヤノフスク州：優先的社会経済発展区域（TOR）「ディミトロフグラード」",
    },
    summary={
        "en": "No profit tax for five years and 10% in years 6–10; no property or transport tax "
        "for five years; no land tax and social insurance at 7.6% for ten years, for a resident "
        "that creates 20 jobs and invests 5m RUB in its first year and 10m RUB in ten years.",
        "ja": "入居後1年以内に20人の雇用と500万ルーブルの投資、"
        "10年間で1,000万ルーブルの投資を行う入居者に、"
        "企業利潤税免除（5年間）・10%（6～10年目）、資産税・輸送税免除（5年間）、土地税免除と社会保険料7.6%（10年間）。",
    },
    provider={"en": "Ulyanovsk Region Development Corporation", "ja": "ウリヤノフスク州開発公社"},
    source="004 §2 col.4",
    parameters=PARAMETERS,
)


@tor_dimitrovgrad.criterion(
    "jobs_first_year",
    "004 §2 col.4 req.1",
    en="At least 20 new jobs within one year of entry",
    ja="入居後1年以内に20人以上の雇用を創出すること",
)
def _t_jobs(f: F, p: P) -> pl.Expr:
    return f.invest_jobs_first_year >= pl.lit(p.tor_jobs_min)


@tor_dimitrovgrad.criterion(
    "first_year_investment",
    "004 §2 col.4 req.2",
    en="At least 5m RUB invested within one year of entry",
    ja="入居後1年以内に500万ルーブル以上を投資すること",
)
def _t_first(f: F, p: P) -> pl.Expr:
    return f.invest_first_year_amount >= amount(p.tor_first_year_investment_min)


@tor_dimitrovgrad.criterion(
    "ten_year_investment",
    "004 §2 col.4 req.2",
    en="At least 10m RUB invested within ten years of entry",
    ja="入居後10年間で1,000万ルーブル以上を投資すること",
)
def _t_ten(f: F, p: P) -> pl.Expr:
    return f.invest_first_ten_years_amount >= amount(p.tor_investment_min)


@tor_dimitrovgrad.criterion(
    "activity_not_excluded",
    "004 §2 col.4 req.3",
    en="The activity is not the auto-parts manufacturing of OKVED 29.32.3 the TOR excludes",
    ja="対象外の自動車部品製造（産業分類29.32.3）でないこと",
)
def _t_excluded(f: F, p: P) -> pl.Expr:
    return f.uly_tor_activity != AUTO_PARTS_EXCLUDED


# Reading: the seed's list ends with "etc." (など), so an activity it does not name is not
# refused but left to the TOR manager's finding; alternative: only the named activities.
@tor_dimitrovgrad.criterion(
    "activity_confirmed",
    "004 §2 col.4 req.3",
    en="An activity the seed does not name is confirmed as admitted by the TOR manager",
    ja="資料に記載のない事業は、TOR管理者が対象と認めること",
    applies=lambda f, p: f.uly_tor_activity == "other",
    on_unknown="review",
)
def _t_confirmed(f: F, p: P) -> pl.Expr:
    return f.uly_tor_activity_confirmed


@tor_dimitrovgrad.value(
    "first_year_due",
    "004 §2 col.4 req.1",
    unit="date",
    en="Last day for the 20 jobs and the first 5m RUB (one year after entry, corresponding day, "
    "RU Civil Code Art.192(3))",
    ja="雇用20人及び初期投資500万ルーブルの期限（入居後1年、応当日）",
    kind="deadline",
)
def _t_first_due(f: F, p: P, v: ValuesView) -> pl.Expr:
    return period_end_expr(
        f.invest_entry_date, years=p.tor_initial_period_years, start_day_counted=False
    )


@tor_dimitrovgrad.value(
    "investment_due",
    "004 §2 col.4 req.2",
    unit="date",
    en="Last day for the 10m RUB investment (ten years after entry)",
    ja="投資1,000万ルーブルの期限（入居後10年）",
    kind="deadline",
)
def _t_due(f: F, p: P, v: ValuesView) -> pl.Expr:
    return period_end_expr(
        f.invest_entry_date, years=p.tor_investment_period_years, start_day_counted=False
    )


transport_exemption(tor_dimitrovgrad, "004 §2 col.4 transport tax", "tor_transport_exempt_years")


register_regime(priority_project, profit="priority_profit_rate", property="priority_property_rate")
register_regime(
    special_significance,
    profit="special_profit_rate",
    property="special_property_rate",
    land="special_land_rate",
)
register_regime(sez, profit="sez_profit_rate", property="sez_property_rate", land="sez_land_rate")
register_regime(
    tor_dimitrovgrad,
    profit="tor_profit_rate",
    property="tor_property_rate",
    land="tor_land_rate",
    social="tor_social_rate",
)
