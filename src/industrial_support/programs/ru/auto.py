"""Russia: federal subsidies to automakers — seed 004 §4 (Government Decrees No.29–32 of
15 January 2014 and No.637 of 7 July 2016, as the October 2018 survey describes them).

Five programs, one per row of the §4 table:

* ``ru.auto.employment_retention`` (No.32): up to 90% of the month's costs, capped per month
  by production volume and by whether M1 cars are half of production or more;
* ``ru.auto.rnd`` (No.29): up to 70% of R&D and vehicle-testing costs, at most 1.5bn RUB per
  manufacturer per year;
* ``ru.auto.electricity`` (No.30): up to 90% of the quarter's electricity bill, capped per
  quarter like No.32;
* ``ru.auto.euro_standards`` (No.31): up to 90% of the quarter's Euro 4/5 compliance costs,
  capped per vehicle by category, engine size or gross weight and emission class;
* ``ru.auto.autonomous`` (No.637): 97% of the development costs of electronic systems for
  remote and autonomous driving, at most 1bn RUB.

Subsidy = min(percentage × costs, every cap that applies), exact, without rounding (the seed
states none). Citations name the table row by its decree and then the column ("amount",
"cap table", "budget") or the n-th requirement ("req.n"). Band edges and the 50% M1 share
are readings: see the comments at :func:`_band` and :func:`_cap_table`, and
docs/readings.md.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import polars as pl

from ...engine import brackets
from ...engine.deadlines import period_end_expr
from ...engine.errors import ParameterError
from ...engine.facts import DECIMAL, catalog
from ...engine.facts import FactsView as F
from ...engine.money import normalise
from ...engine.parameters import ParameterSet
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, ValuesView
from ...engine.rules import amount, least, lookup
from . import common  # noqa: F401  - defines ru_resident_legal_entity, read below

facts = catalog("RU")

# ---------------------------------------------------------------------------------------
# Facts
# ---------------------------------------------------------------------------------------

facts.define(
    "auto_has_wmi",
    "boolean",
    en="Holds an international World Manufacturer Identifier (WMI)",
    ja="国際的な製造者識別記号（WMI）の割当てを受けていること",
)
facts.define(
    "auto_marks_vin",
    "boolean",
    en="Puts a vehicle identification number (VIN) on the bodies, chassis, plates etc. of the "
    "vehicles it makes",
    ja="製造する車両の車体・シャシー・プレート等に車両識別番号（VIN）を打刻していること",
)
facts.define(
    "auto_industrial_assembly",
    "boolean",
    en="Works now under the 'industrial assembly' regime (reduced import duty on assembly parts "
    "against localisation and volume commitments)",
    ja="現に「工業組立て」制度（現地調達率・生産台数等の義務と引換えに組立部品の輸入関税を減免"
    "する制度）の下で事業を行っていること",
)
facts.define(
    "auto_free_economic_zone",
    "boolean",
    en="Works now in a free economic zone under the Customs Union agreement (special economic "
    "zone, advanced development territory, free port of Vladivostok, ...)",
    ja="現に関税同盟の協定による自由経済区域（経済特区、先行社会経済発展区域、ウラジオストク"
    "自由港等）で事業を行っていること",
)
facts.define(
    "auto_vehicles_month",
    "integer",
    unit="vehicles",
    en="Vehicles produced in the month the employment-retention subsidy is claimed for",
    ja="雇用維持補助金を申請する月の生産台数",
)
facts.define(
    "auto_m1_vehicles_month",
    "integer",
    unit="vehicles",
    en="Of those, M1 vehicles (cars with at most 8 seats besides the driver's)",
    ja="そのうちM1車両（運転席を除く座席数８以下の乗用車）の台数",
)
facts.define(
    "auto_employment_costs_month",
    "money",
    currency="RUB",
    en="Costs of the month that the employment-retention subsidy reimburses",
    ja="雇用維持補助金の対象となる当該月の経費",
)
facts.define(
    "auto_vehicles_quarter",
    "integer",
    unit="vehicles",
    en="Vehicles produced in the quarter the electricity subsidy is claimed for",
    ja="電気料金補助金を申請する四半期の生産台数",
)
facts.define(
    "auto_m1_vehicles_quarter",
    "integer",
    unit="vehicles",
    en="Of those, M1 vehicles (cars with at most 8 seats besides the driver's)",
    ja="そのうちM1車両（運転席を除く座席数８以下の乗用車）の台数",
)
facts.define(
    "auto_electricity_costs_quarter",
    "money",
    currency="RUB",
    en="Electricity bills paid for the quarter",
    ja="当該四半期に支払った電気料金",
)
facts.define(
    "auto_electricity_arrears",
    "boolean",
    en="Has unpaid (overdue) electricity bills",
    ja="電気料金の未払いがあること",
)
EURO_CATEGORIES = ("M1", "M1G", "M2", "M2G", "M3", "M3G", "N1", "N1G", "N2", "N2G", "N3", "N3G")
# The heading of the No.31 cap table under which each vehicle category falls (004 §4 No.31).
WEIGHT_HEADINGS = ("N1_N2_N3", "N2G_N3G")  # the other headings band by engine size
EURO_GROUP = {
    "M1": "M1",
    "N1": "N1_N2_N3",
    "N2": "N1_N2_N3",
    "N3": "N1_N2_N3",
    "M1G": "M1G_N1G",
    "N1G": "M1G_N1G",
    "M2": "M2_M2G_M3_M3G",
    "M2G": "M2_M2G_M3_M3G",
    "M3": "M2_M2G_M3_M3G",
    "M3G": "M2_M2G_M3_M3G",
    "N2G": "N2G_N3G",
    "N3G": "N2G_N3G",
}
facts.define(
    "auto_euro_category",
    "enum",
    values=(*EURO_CATEGORIES, "other"),
    en="Category of the vehicles claimed for: M = passenger (M1 car up to 8 seats besides the "
    "driver's; M2/M3 bus over 8 seats, up to / over 5 t), N = goods (N1 up to 3.5 t, N2 over "
    "3.5 t, N3 over 12 t), suffix G = off-road; 'other' for any other category",
    ja="申請する車両のカテゴリー：M＝旅客（M1：運転席を除き８席以下の乗用車、M2・M3：８席超の"
    "バスで５トン以下・超）、N＝貨物（N1：3.5トン以下、N2：3.5トン超、N3：12トン超）、"
    "末尾G＝オフロード車。その他のカテゴリーは「other」",
)
facts.define(
    "auto_euro_engine_cc",
    "integer",
    unit="cc",
    en="Engine displacement of the vehicles claimed for (categories M1, M1G, N1G, M2, M2G, M3, "
    "M3G)",
    ja="申請する車両の排気量（カテゴリーM1、M1G、N1G、M2、M2G、M3、M3G）",
)
facts.define(
    "auto_euro_gross_weight_kg",
    "integer",
    unit="kg",
    en="Gross vehicle weight of the vehicles claimed for (categories N1, N2, N3, N2G, N3G)",
    ja="申請する車両の総重量（カテゴリーN1、N2、N3、N2G、N3G）",
)
facts.define(
    "auto_euro_class",
    "enum",
    values=("euro4", "euro5", "other"),
    en="Emission class the vehicles are brought to: euro4, euro5 or other",
    ja="車両を適合させた排出ガス基準：ユーロ4、ユーロ5又はその他",
)
facts.define(
    "auto_euro_vehicles",
    "integer",
    unit="vehicles",
    en="Number of such vehicles in the quarter claimed for",
    ja="申請する四半期における当該車両の台数",
)
facts.define(
    "auto_euro_costs_quarter",
    "money",
    currency="RUB",
    en="Costs of the quarter for bringing those vehicles to Euro 4 or Euro 5",
    ja="当該四半期に当該車両をユーロ4又はユーロ5に適合させるために要した費用",
)
facts.define(
    "auto_special_investment_contract",
    "boolean",
    en="Has concluded a special investment contract (SPIC)",
    ja="特別投資契約（SPIC）を締結していること",
)
facts.define(
    "auto_parent_in_industrial_assembly",
    "boolean",
    en="Is a subsidiary of a company working under the 'industrial assembly' regime",
    ja="「工業組立て」制度の下で事業を行う会社の子会社であること",
)
facts.define(
    "auto_rnd_own_staff",
    "integer",
    unit="persons",
    en="Own employees engaged in R&D",
    ja="研究開発に従事する自社の従業員数",
)
facts.define(
    "auto_rnd_outsourced",
    "boolean",
    en="R&D is contracted out to another company",
    ja="研究開発を他社に委託していること",
)
facts.define(
    "auto_rnd_contractor_staff",
    "integer",
    unit="persons",
    en="Employees engaged in the R&D at the company it is contracted out to",
    ja="委託先の会社で当該研究開発に従事する従業員数",
)
facts.define(
    "auto_rnd_agreement_date",
    "date",
    en="Date the R&D subsidy agreement is (or is to be) concluded",
    ja="研究開発補助金の補助金契約の締結日（予定日）",
)
facts.define(
    "auto_rnd_planned_start",
    "date",
    en="Day the business plan starts production and sales",
    ja="事業計画上の生産及び販売の開始日",
)
facts.define(
    "auto_rnd_revenue_base",
    "money",
    currency="RUB",
    en="Annual revenue when the subsidy agreement is concluded (the base of the business plan)",
    ja="補助金契約締結時点の年間売上高（事業計画の基準値）",
)
facts.define(
    "auto_rnd_planned_revenue_at_deadline",
    "money",
    currency="RUB",
    en="Annual revenue the business plan reaches by the end of 2025",
    ja="事業計画において2025年末までに達成する年間売上高",
)
facts.define(
    "auto_rnd_costs",
    "money",
    currency="RUB",
    en="R&D and vehicle-testing costs claimed for",
    ja="申請する研究開発及び車両試験の費用",
)
facts.define(
    "auto_rnd_received_in_year",
    "money",
    currency="RUB",
    en="R&D subsidy the manufacturer has already received in the same year (0 if none)",
    ja="当該メーカーが同一年に既に受けた研究開発補助金の額（なければ０）",
)
facts.define(
    "auto_makes_4wd_automatic",
    "boolean",
    en="Makes four-wheel-drive vehicles with an automatic transmission",
    ja="自動変速機付きの四輪駆動車を製造すること",
)
facts.define(
    "auto_rnd_centre_euro5_trial",
    "boolean",
    en="Has an R&D centre in Russia that makes trial runs of Euro 5 vehicles",
    ja="ユーロ5適合車両を試作する研究開発拠点をロシア国内に有すること",
)
facts.define(
    "auto_test_track",
    "boolean",
    en="That R&D centre has a vehicle test track with 30–60% steep grades, curves of 20–80 m "
    "radius, a 3% cross slope and an 8% longitudinal slope",
    ja="当該研究開発拠点に、勾配30〜60％の急坂、半径20〜80mのカーブ、横断勾配３％及び縦断"
    "勾配８％を備えた車両試験路があること",
)
facts.define(
    "auto_autonomous_agreement_date",
    "date",
    en="Date the autonomous-driving subsidy agreement is (or is to be) concluded",
    ja="自動運転車両補助金の補助金契約の締結日（予定日）",
)
facts.define(
    "auto_autonomous_planned_start",
    "date",
    en="Day the business plan starts production of the vehicles",
    ja="事業計画上の当該車両の生産開始日",
)
facts.define(
    "auto_autonomous_project_staff",
    "integer",
    unit="persons",
    en="Employees engaged in the project",
    ja="当該プロジェクトに従事する従業員数",
)
facts.define(
    "auto_autonomous_business_plan",
    "boolean",
    en="Carries out the business plan drawn up for the application (as the ministry finds)",
    ja="申請時に作成した事業計画を実施していること（所管省の判断）",
)
facts.define(
    "auto_autonomous_costs",
    "money",
    currency="RUB",
    en="Development costs of the electronic and electrical systems for remote and autonomous "
    "driving claimed for",
    ja="申請する遠隔・自動運転用電子・電気システムの開発費",
)

PARAMETERS = ParameterSet.load(Path(__file__).with_name("auto.yaml"))
PROVIDER = {"en": "Ministry of Industry and Trade", "ja": "工業商務省"}
# The programs apply from the day their figures are entered from (2018-01-01; see auto.yaml).
ENTERED_FROM = PARAMETERS["m1_share_min"].entries[0].from_

# ---------------------------------------------------------------------------------------
# Local helpers (candidates for engine/rules.py)
# ---------------------------------------------------------------------------------------


def _budget(p: P, name: str) -> pl.Expr:
    """A yearly budget in force on the evaluation date; unknown (null) for a year the seed
    gives no budget for — a budget figure is information, not a condition."""
    try:
        value = p.resolve(name).value
    except ParameterError:
        return pl.lit(None, DECIMAL)
    return amount(value)


def _count(edge: Decimal, upper: bool) -> str:
    return normalise(edge)


def _cc(edge: Decimal, upper: bool) -> str:
    return f"{normalise(edge)}cc" if upper else normalise(edge)


def _tonnes(edge: Decimal, upper: bool) -> str:
    text = normalise(Decimal(edge) / 1000)
    return f"{text}t" if upper else text


def _cap_table(m1: pl.Expr, total: pl.Expr, p: P) -> pl.Expr:
    """Which half of a production cap table applies: ``M1`` or ``non_M1``.

    The seed heads one half "M1 vehicles are 50% or more of production" and the other "other
    vehicles are 50% or more"; at exactly 50% both headings hold. Reading: exactly 50% M1
    takes the M1 half (the first heading, "50% or more" read literally; M1 share below 50%
    takes the other half). Alternative: exactly 50% takes the non-M1 half (higher caps).

    No production at all has no share: unknown. The share is compared without dividing
    (m1 >= total × 50%): ``engine.rules.share`` divides every row before its guard applies,
    and Polars refuses a Decimal division by zero.
    """
    m1_exact, total_exact = m1.cast(DECIMAL), total.cast(DECIMAL)
    return (
        pl.when(m1.is_null() | total.is_null() | (total == 0))
        .then(pl.lit(None, pl.String))
        .when(m1_exact >= total_exact * amount(p.m1_share_min))
        .then(pl.lit("M1"))
        .otherwise(pl.lit("non_M1"))
    )


def _add_legal_entity(program: Program, citation: str) -> None:
    @program.criterion(
        "russian_legal_entity",
        citation,
        en="A legal entity established in Russia",
        ja="ロシア国内で設立された法人であること",
    )
    def _entity(f: F, p: P) -> pl.Expr:
        return f.ru_resident_legal_entity


def _add_wmi_vin(program: Program, citation: str) -> None:
    @program.criterion(
        "wmi_and_vin",
        citation,
        en="Holds a WMI and marks a VIN on the vehicles it makes",
        ja="WMIを有し、製造車両にVINを打刻していること",
    )
    def _wmi_vin(f: F, p: P) -> pl.Expr:
        return f.auto_has_wmi & f.auto_marks_vin


def _add_regime(program: Program, citation: str) -> None:
    # Reading (docs/readings.md): the requirement joins two attributes with "かつ" — an
    # enterprise that was operating on 1 January 2015 or is operating, *and* one that operates
    # under the industrial-assembly regime or in a free economic zone (present tense). The
    # first holds for any applicant claiming for its current production; the regime must hold
    # now. Alternative (the former reading): the date qualifies the regime, so having worked
    # under it on 1 January 2015 suffices even if the enterprise has left it since.
    @program.criterion(
        "assembly_regime_or_free_zone",
        citation,
        en="Operates under the industrial-assembly regime or in a free economic zone of the "
        "Customs Union agreement",
        ja="「工業組立て」制度の下で又は関税同盟協定上の自由経済区域で事業を行っていること",
    )
    def _regime(f: F, p: P) -> pl.Expr:
        return f.auto_industrial_assembly | f.auto_free_economic_zone


def _add_no_electricity_arrears(program: Program, citation: str) -> None:
    @program.criterion(
        "no_electricity_arrears",
        citation,
        en="No unpaid electricity bills",
        ja="電気料金の未払いがないこと",
    )
    def _arrears(f: F, p: P) -> pl.Expr:
        return f.auto_electricity_arrears.not_()


# ---------------------------------------------------------------------------------------
# ru.auto.employment_retention — Decree No.32
# ---------------------------------------------------------------------------------------

employment_retention = Program(
    id="ru.auto.employment_retention",
    jurisdiction="RU",
    kind="subsidy",
    sectors=("automotive",),
    title={
        "en": "Automakers: subsidy for keeping jobs (Decree No.32)",
        "ja": "自動車メーカー雇用維持補助金（政府決定第32号）",
    },
    summary={
        "en": "Paid monthly: up to 90% of the month's costs, capped by monthly production and "
        "by whether M1 cars are at least half of it.",
        "ja": "月ごとに支給。当該月の経費の９割まで、月間生産台数とM1車両の比率に応じた"
        "上限額の範囲内。",
    },
    provider=PROVIDER,
    source="004 §4 No.32",
    parameters=PARAMETERS,
    in_force_from=ENTERED_FROM,
)
_add_legal_entity(employment_retention, "004 §4 No.32 req.1")
_add_wmi_vin(employment_retention, "004 §4 No.32 req.2")
_add_regime(employment_retention, "004 §4 No.32 req.3")


@employment_retention.value(
    "cost_share_amount",
    "004 §4 No.32 amount",
    unit="RUB",
    en="90% of the month's costs",
    ja="当該月の経費の９割",
    kind="requirement",
)
def _er_cost_share(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.auto_employment_costs_month * amount(p.employment_cost_share_max)


@employment_retention.value(
    "cap_table",
    "004 §4 No.32 cap table",
    unit="text",
    en="Half of the cap table that applies (M1 or non_M1)",
    ja="適用される上限額表（M1又はM1以外）",
    kind="requirement",
)
def _er_table(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _cap_table(f.auto_m1_vehicles_month, f.auto_vehicles_month, p)


@employment_retention.value(
    "production_band",
    "004 §4 No.32 cap table",
    unit="text",
    en="Band of monthly production",
    ja="月間生産台数の区分",
    kind="requirement",
)
def _er_band(f: F, p: P, v: ValuesView) -> pl.Expr:
    bands = brackets.same_edges(p.employment_monthly_cap, "employment_monthly_cap")
    return brackets.band_label(f.auto_vehicles_month, bands, _count)


@employment_retention.value(
    "monthly_cap",
    "004 §4 No.32 cap table",
    unit="RUB",
    en="Largest subsidy for the month",
    ja="当該月の補助額の上限",
    kind="requirement",
)
def _er_cap(f: F, p: P, v: ValuesView) -> pl.Expr:
    return brackets.bracket_value(f.auto_vehicles_month, p.employment_monthly_cap, v.cap_table)


@employment_retention.value(
    "subsidy",
    "004 §4 No.32 amount",
    unit="RUB",
    en="Subsidy for the month: the smaller of 90% of costs and the cap",
    ja="当該月の補助額（経費の９割と上限額のいずれか少ない額）",
)
def _er_subsidy(f: F, p: P, v: ValuesView) -> pl.Expr:
    return least(v.cost_share_amount, v.monthly_cap)


@employment_retention.value(
    "annual_budget",
    "004 §4 No.32 budget",
    unit="RUB",
    en="Federal budget of the scheme for the year of evaluation (none given outside 2018–2020)",
    ja="評価日の年度の予算額（2018〜2020年以外は記載なし）",
    kind="requirement",
)
def _er_budget(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _budget(p, "employment_budget")


# ---------------------------------------------------------------------------------------
# ru.auto.rnd — Decree No.29
# ---------------------------------------------------------------------------------------

rnd = Program(
    id="ru.auto.rnd",
    jurisdiction="RU",
    kind="subsidy",
    sectors=("automotive",),
    title={
        "en": "Automakers: subsidy for R&D and vehicle-testing costs (Decree No.29)",
        "ja": "自動車メーカー研究開発・車両試験費補助金（政府決定第29号）",
    },
    summary={
        "en": "Up to 70% of R&D and vehicle-testing costs, at most 1.5bn RUB per manufacturer "
        "a year, for SPIC holders and industrial-assembly makers with an R&D team and a growth "
        "plan.",
        "ja": "研究開発・車両試験費用の７割まで（メーカー１社当たり年15億ルーブルまで）。特別投資"
        "契約締結者又は工業組立て制度の事業者で、研究開発体制と成長計画を有するもの。",
    },
    provider=PROVIDER,
    source="004 §4 No.29",
    parameters=PARAMETERS,
    in_force_from=ENTERED_FROM,
)
_add_legal_entity(rnd, "004 §4 No.29 req.1")
_add_wmi_vin(rnd, "004 §4 No.29 req.2")


@rnd.criterion(
    "spic_or_industrial_assembly",
    "004 §4 No.29 req.3",
    en="Has a special investment contract, works under industrial assembly, or is a subsidiary "
    "of a company that does",
    ja="特別投資契約を締結し、工業組立て制度の下で事業を行い、又はその制度の下で事業を行う会社"
    "の子会社であること",
)
def _rnd_form(f: F, p: P) -> pl.Expr:
    return (
        f.auto_special_investment_contract
        | f.auto_industrial_assembly
        | f.auto_parent_in_industrial_assembly
    )


@rnd.criterion(
    "rnd_staff",
    "004 §4 No.29 req.4",
    en="At least 100 own R&D employees, or R&D contracted out to a company with at least 300 "
    "employees on it",
    ja="研究開発従事者が自社で100人以上、又は委託先で300人以上であること",
)
def _rnd_staff(f: F, p: P) -> pl.Expr:
    # Reading: either suffices — an applicant with 100 own R&D staff passes even if it also
    # contracts R&D out. Alternative: an applicant that contracts out is judged only by the
    # contractor's 300.
    own_min: int = p.rnd_own_staff_min
    contractor_min: int = p.rnd_contractor_staff_min
    own = f.auto_rnd_own_staff >= own_min
    contracted = f.auto_rnd_outsourced & (f.auto_rnd_contractor_staff >= contractor_min)
    return own | contracted


def _rnd_deadline(f: F, p: P) -> pl.Expr:
    # "Within 5 years of the agreement": the period ends on the corresponding day of the
    # 60th month (RU Civil Code Art.192(3)); the end is not moved off a day off (see readings).
    return period_end_expr(
        f.auto_rnd_agreement_date, months=p.rnd_production_start_months, start_day_counted=False
    )


@rnd.criterion(
    "production_start_within_5_years",
    "004 §4 No.29 req.5(1)",
    en="The business plan starts production and sales within 5 years of the subsidy agreement",
    ja="事業計画上、補助金契約の締結から５年以内に生産及び販売を開始すること",
)
def _rnd_start(f: F, p: P) -> pl.Expr:
    return f.auto_rnd_planned_start <= _rnd_deadline(f, p)


@rnd.criterion(
    "revenue_doubles_by_2025",
    "004 §4 No.29 req.5(2)",
    en="The business plan at least doubles revenue between the agreement and the end of 2025",
    ja="事業計画上、補助金契約の締結から2025年末までに売上高を２倍以上とすること",
)
def _rnd_revenue(f: F, p: P) -> pl.Expr:
    target = f.auto_rnd_revenue_base * amount(p.rnd_revenue_multiple_min)
    return f.auto_rnd_planned_revenue_at_deadline >= target


@rnd.value(
    "production_start_deadline",
    "004 §4 No.29 req.5(1)",
    unit="date",
    en="Last day to start production and sales",
    ja="生産及び販売開始の期限",
    kind="deadline",
)
def _rnd_deadline_value(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _rnd_deadline(f, p)


@rnd.value(
    "revenue_deadline",
    "004 §4 No.29 req.5(2)",
    unit="date",
    en="Day by which revenue is doubled",
    ja="売上高倍増の期限",
    kind="deadline",
)
def _rnd_revenue_deadline(f: F, p: P, v: ValuesView) -> pl.Expr:
    return pl.lit(p.rnd_revenue_deadline, pl.Date)


@rnd.value(
    "cost_share_amount",
    "004 §4 No.29 amount",
    unit="RUB",
    en="70% of the costs",
    ja="費用の７割",
    kind="requirement",
)
def _rnd_cost_share(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.auto_rnd_costs * amount(p.rnd_cost_share_max)


@rnd.value(
    "manufacturer_cap_left",
    "004 §4 No.29 amount",
    unit="RUB",
    en="What is left of the 1.5bn RUB yearly cap per manufacturer",
    ja="メーカー１社当たり年間上限額（15億ルーブル）の残額",
    kind="requirement",
)
def _rnd_cap_left(f: F, p: P, v: ValuesView) -> pl.Expr:
    left = amount(p.rnd_manufacturer_cap_year) - f.auto_rnd_received_in_year
    return left.clip(lower_bound=amount(0))


@rnd.value(
    "subsidy",
    "004 §4 No.29 amount",
    unit="RUB",
    en="Subsidy: the smaller of 70% of costs and what is left of the yearly cap",
    ja="補助額（費用の７割と年間上限額の残額のいずれか少ない額）",
)
def _rnd_subsidy(f: F, p: P, v: ValuesView) -> pl.Expr:
    return least(v.cost_share_amount, v.manufacturer_cap_left)


@rnd.value(
    "annual_budget",
    "004 §4 No.29 amount",
    unit="RUB",
    en="Federal budget of the scheme for the year of evaluation (given for 2018 only)",
    ja="評価日の年度の予算額（2018年のみ記載）",
    kind="requirement",
)
def _rnd_budget(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _budget(p, "rnd_budget")


# ---------------------------------------------------------------------------------------
# ru.auto.electricity — Decree No.30
# ---------------------------------------------------------------------------------------

electricity = Program(
    id="ru.auto.electricity",
    jurisdiction="RU",
    kind="subsidy",
    sectors=("automotive",),
    title={
        "en": "Automakers: subsidy for electricity bills (Decree No.30)",
        "ja": "自動車メーカー電気料金補助金（政府決定第30号）",
    },
    summary={
        "en": "Paid quarterly: up to 90% of the quarter's electricity bills, capped by quarterly "
        "production and by whether M1 cars are at least half of it.",
        "ja": "四半期ごとに支給。電気料金の９割まで、四半期生産台数とM1車両の比率に応じた"
        "上限額の範囲内。",
    },
    provider=PROVIDER,
    source="004 §4 No.30",
    parameters=PARAMETERS,
    in_force_from=ENTERED_FROM,
)
_add_legal_entity(electricity, "004 §4 No.30 req.1")
_add_no_electricity_arrears(electricity, "004 §4 No.30 req.2")
_add_wmi_vin(electricity, "004 §4 No.30 req.3")
_add_regime(electricity, "004 §4 No.30 req.4")


@electricity.value(
    "cost_share_amount",
    "004 §4 No.30 amount",
    unit="RUB",
    en="90% of the quarter's electricity bills",
    ja="当該四半期の電気料金の９割",
    kind="requirement",
)
def _el_cost_share(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.auto_electricity_costs_quarter * amount(p.electricity_cost_share_max)


@electricity.value(
    "cap_table",
    "004 §4 No.30 cap table",
    unit="text",
    en="Half of the cap table that applies (M1 or non_M1)",
    ja="適用される上限額表（M1又はM1以外）",
    kind="requirement",
)
def _el_table(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _cap_table(f.auto_m1_vehicles_quarter, f.auto_vehicles_quarter, p)


@electricity.value(
    "production_band",
    "004 §4 No.30 cap table",
    unit="text",
    en="Band of quarterly production",
    ja="四半期生産台数の区分",
    kind="requirement",
)
def _el_band(f: F, p: P, v: ValuesView) -> pl.Expr:
    bands = brackets.same_edges(p.electricity_quarterly_cap, "electricity_quarterly_cap")
    return brackets.band_label(f.auto_vehicles_quarter, bands, _count)


@electricity.value(
    "quarterly_cap",
    "004 §4 No.30 cap table",
    unit="RUB",
    en="Largest subsidy for the quarter",
    ja="当該四半期の補助額の上限",
    kind="requirement",
)
def _el_cap(f: F, p: P, v: ValuesView) -> pl.Expr:
    return brackets.bracket_value(f.auto_vehicles_quarter, p.electricity_quarterly_cap, v.cap_table)


@electricity.value(
    "subsidy",
    "004 §4 No.30 amount",
    unit="RUB",
    en="Subsidy for the quarter: the smaller of 90% of the bills and the cap",
    ja="当該四半期の補助額（電気料金の９割と上限額のいずれか少ない額）",
)
def _el_subsidy(f: F, p: P, v: ValuesView) -> pl.Expr:
    return least(v.cost_share_amount, v.quarterly_cap)


@electricity.value(
    "annual_budget",
    "004 §4 No.30 budget",
    unit="RUB",
    en="Federal budget of the scheme for the year of evaluation (none given outside 2018–2020)",
    ja="評価日の年度の予算額（2018〜2020年以外は記載なし）",
    kind="requirement",
)
def _el_budget(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _budget(p, "electricity_budget")


# ---------------------------------------------------------------------------------------
# ru.auto.euro_standards — Decree No.31
# ---------------------------------------------------------------------------------------

euro_standards = Program(
    id="ru.auto.euro_standards",
    jurisdiction="RU",
    kind="subsidy",
    sectors=("automotive",),
    title={
        "en": "Automakers: subsidy for meeting Euro 4 and Euro 5 (Decree No.31)",
        "ja": "自動車メーカーのユーロ4・ユーロ5基準適合費用補助金（政府決定第31号）",
    },
    summary={
        "en": "Paid quarterly: up to 90% of the costs of bringing vehicles to Euro 4 or 5, capped "
        "per vehicle by category, engine size or gross weight and emission class.",
        "ja": "四半期ごとに支給。ユーロ4・5適合費用の９割まで、カテゴリー・排気量又は総重量・排ガス"
        "基準別の１台当たり上限額の範囲内。",
    },
    provider=PROVIDER,
    source="004 §4 No.31",
    parameters=PARAMETERS,
    in_force_from=ENTERED_FROM,
)
# Reading: the requirements column says "same as above", i.e. the No.30 row, including its
# "no unpaid electricity bills". Alternative: only the requirements common to No.30 and No.32.
_add_legal_entity(euro_standards, "004 §4 No.31 req. (as No.30 req.1)")
_add_no_electricity_arrears(euro_standards, "004 §4 No.31 req. (as No.30 req.2)")
_add_wmi_vin(euro_standards, "004 §4 No.31 req. (as No.30 req.3)")
_add_regime(euro_standards, "004 §4 No.31 req. (as No.30 req.4)")


@euro_standards.criterion(
    "vehicle_in_cap_table",
    "004 §4 No.31 cap table",
    en="The vehicles are of a category the cap table lists and are brought to Euro 4 or Euro 5",
    ja="車両が上限額表に掲げるカテゴリーに属し、ユーロ4又はユーロ5に適合させたものであること",
)
def _euro_covered(f: F, p: P) -> pl.Expr:
    return f.auto_euro_category.is_in(EURO_CATEGORIES) & f.auto_euro_class.is_in(["euro4", "euro5"])


@euro_standards.value(
    "size_band",
    "004 §4 No.31 cap table",
    unit="text",
    en="Row of the cap table: table heading and engine-size or gross-weight band",
    ja="上限額表の区分（カテゴリー及び排気量又は総重量の区分）",
    kind="requirement",
)
def _euro_band(f: F, p: P, v: ValuesView) -> pl.Expr:
    group = lookup(f.auto_euro_category, EURO_GROUP, pl.String())
    table = p.euro_vehicle_cap
    band = pl.lit(None, pl.String)
    for heading in dict.fromkeys(EURO_GROUP.values()):
        # Euro 4 and Euro 5 rows of a heading share its bands
        bands = brackets.same_edges(
            {k: b for k, b in table.items() if k.startswith(f"{heading}:")}, "euro_vehicle_cap"
        )
        fmt = _tonnes if heading in WEIGHT_HEADINGS else _cc
        named = brackets.band_label(_euro_measure(f, heading), bands, fmt)
        band = pl.when(group == heading).then(named).otherwise(band)
    return pl.concat_str([group, band], separator=":")


def _euro_measure(f: F, heading: str) -> pl.Expr:
    """What a heading's bands measure: gross weight (kg) for trucks, engine size (cc) else."""
    return f.auto_euro_gross_weight_kg if heading in WEIGHT_HEADINGS else f.auto_euro_engine_cc


@euro_standards.value(
    "vehicle_cap",
    "004 §4 No.31 cap table",
    unit="RUB",
    en="Largest subsidy per vehicle",
    ja="車両１台当たりの補助額の上限",
    kind="requirement",
)
def _euro_vehicle_cap(f: F, p: P, v: ValuesView) -> pl.Expr:
    group = lookup(f.auto_euro_category, EURO_GROUP, pl.String())
    row = pl.concat_str([group, f.auto_euro_class.cast(pl.String)], separator=":")
    cap = pl.lit(None, DECIMAL)
    for heading in dict.fromkeys(EURO_GROUP.values()):
        value = brackets.bracket_value(_euro_measure(f, heading), p.euro_vehicle_cap, row)
        cap = pl.when(group == heading).then(value).otherwise(cap)
    return cap


@euro_standards.value(
    "quarter_cap",
    "004 §4 No.31 cap table",
    unit="RUB",
    en="Largest subsidy for the quarter: cap per vehicle × vehicles",
    ja="当該四半期の補助額の上限（１台当たり上限額×台数）",
    kind="requirement",
)
def _euro_quarter_cap(f: F, p: P, v: ValuesView) -> pl.Expr:
    return v.vehicle_cap * f.auto_euro_vehicles.cast(DECIMAL)


@euro_standards.value(
    "cost_share_amount",
    "004 §4 No.31 amount",
    unit="RUB",
    en="90% of the quarter's compliance costs",
    ja="当該四半期の適合費用の９割",
    kind="requirement",
)
def _euro_cost_share(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.auto_euro_costs_quarter * amount(p.euro_cost_share_max)


@euro_standards.value(
    "subsidy",
    "004 §4 No.31 amount",
    unit="RUB",
    en="Subsidy for the quarter: the smaller of 90% of costs and the per-vehicle caps",
    ja="当該四半期の補助額（費用の９割と１台当たり上限額の合計のいずれか少ない額）",
)
def _euro_subsidy(f: F, p: P, v: ValuesView) -> pl.Expr:
    return least(v.cost_share_amount, v.quarter_cap)


# ---------------------------------------------------------------------------------------
# ru.auto.autonomous — Decree No.637
# ---------------------------------------------------------------------------------------

autonomous = Program(
    id="ru.auto.autonomous",
    jurisdiction="RU",
    kind="subsidy",
    sectors=("automotive",),
    title={
        "en": "Vehicles with remote and autonomous driving: development-cost subsidy "
        "(Decree No.637)",
        "ja": "遠隔・自動運転機能付き車両の生産に係る経費補助金（政府決定第637号）",
    },
    summary={
        "en": "97% of the development costs of on-board electronic and electrical systems for "
        "remote and autonomous driving, at most 1bn RUB, for makers of 4WD automatic vehicles "
        "with an R&D centre and test track in Russia.",
        "ja": "遠隔・自動運転用の電子・電気システム開発費の97％（上限10億ルーブル）。ロシア国内に"
        "研究開発拠点と試験路を持つ自動変速機付き四輪駆動車のメーカーが対象。",
    },
    provider=PROVIDER,
    source="004 §4 No.637",
    parameters=PARAMETERS,
    in_force_from=ENTERED_FROM,
)
_add_legal_entity(autonomous, "004 §4 No.637 req.1")
_add_wmi_vin(autonomous, "004 §4 No.637 req.2")


@autonomous.criterion(
    "makes_4wd_automatic",
    "004 §4 No.637 req.3",
    en="Makes four-wheel-drive vehicles with an automatic transmission",
    ja="自動変速機付きの四輪駆動車を製造すること",
)
def _av_4wd(f: F, p: P) -> pl.Expr:
    return f.auto_makes_4wd_automatic


@autonomous.criterion(
    "rnd_centre_in_russia",
    "004 §4 No.637 req.4",
    en="Has an R&D centre in Russia that makes Euro 5 trial vehicles and has the test track "
    "the scheme describes",
    ja="ユーロ5適合車両の試作機能と所定の車両試験路を備えた研究開発拠点をロシア国内に有すること",
)
def _av_centre(f: F, p: P) -> pl.Expr:
    return f.auto_rnd_centre_euro5_trial & f.auto_test_track


def _av_deadline(f: F, p: P) -> pl.Expr:
    # As for No.29: corresponding day of the 60th month (RU Civil Code Art.192(3)).
    return period_end_expr(
        f.auto_autonomous_agreement_date,
        months=p.autonomous_production_start_months,
        start_day_counted=False,
    )


@autonomous.criterion(
    "production_start_within_5_years",
    "004 §4 No.637 req.5",
    en="The business plan starts production within 5 years of the subsidy agreement",
    ja="事業計画上、補助金契約の締結から５年以内に生産を開始すること",
)
def _av_start(f: F, p: P) -> pl.Expr:
    return f.auto_autonomous_planned_start <= _av_deadline(f, p)


@autonomous.criterion(
    "project_staff",
    "004 §4 No.637 req.5",
    en="At least 300 employees on the project",
    ja="当該プロジェクトの従業員が300人以上であること",
)
def _av_staff(f: F, p: P) -> pl.Expr:
    minimum: int = p.autonomous_project_staff_min
    return f.auto_autonomous_project_staff >= minimum


@autonomous.criterion(
    "business_plan_carried_out",
    "004 §4 No.637 req.6",
    en="Carries out the business plan drawn up for the application",
    ja="申請時に作成した事業計画を実施すること",
    on_unknown="review",
)
def _av_plan(f: F, p: P) -> pl.Expr:
    return f.auto_autonomous_business_plan


@autonomous.value(
    "production_start_deadline",
    "004 §4 No.637 req.5",
    unit="date",
    en="Last day to start production",
    ja="生産開始の期限",
    kind="deadline",
)
def _av_deadline_value(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _av_deadline(f, p)


@autonomous.value(
    "cost_share_amount",
    "004 §4 No.637 amount",
    unit="RUB",
    en="97% of the development costs",
    ja="開発費の97％",
    kind="requirement",
)
def _av_cost_share(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.auto_autonomous_costs * amount(p.autonomous_cost_share)


@autonomous.value(
    "subsidy",
    "004 §4 No.637 amount",
    unit="RUB",
    en="Subsidy: the smaller of 97% of costs and 1bn RUB",
    ja="補助額（開発費の97％と10億ルーブルのいずれか少ない額）",
)
def _av_subsidy(f: F, p: P, v: ValuesView) -> pl.Expr:
    return least(v.cost_share_amount, amount(p.autonomous_cap))


@autonomous.value(
    "annual_budget",
    "004 §4 No.637 budget",
    unit="RUB",
    en="Federal budget of the scheme for the year of evaluation (none given outside 2018–2020)",
    ja="評価日の年度の予算額（2018〜2020年以外は記載なし）",
    kind="requirement",
)
def _av_budget(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _budget(p, "autonomous_budget")
