"""001 §5.1.1: BRK-Leasing — leasing for modernisation, and leasing of vehicles to the
lessees the Program lists (state bodies, state enterprises, industrial-innovative entities).
"""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from ....engine.facts import FactsView as F
from ....engine.facts import catalog
from ....engine.parameters import ParameterView as P
from ....engine.program import ValuesView
from ....engine.rules import amount, lookup
from .common import decimal_param, instrument, months_in
from .ownership import ownership

facts = catalog("KZ")

# Modernisation leasing
facts.define(
    "kz_sp_priority_sector_project",
    "boolean",
    en="Industrial-innovative entity carrying out or planning a project in a priority sector "
    "of the economy (per Annex 1 of the Industry Authority's support rules)",
    ja="優先経済部門でプロジェクトを実施中又は実施予定の産業イノベーション活動主体"
    "（産業当局の支援規則添付書1による）",
)

facts.define(
    "kz_sp_light_industry",
    "boolean",
    en="The firm is a light-industry enterprise",
    ja="軽工業の企業である",
)

facts.define(
    "kz_sp_leased_asset_value",
    "money",
    currency="KZT",
    en="Value of the asset to be leased",
    ja="リース対象物件の価格",
)

facts.define(
    "kz_sp_lessee_investment",
    "money",
    currency="KZT",
    en="Capital the lessee puts into the project",
    ja="借手がプロジェクトに投入する資本",
)

facts.define(
    "kz_sp_lease_term_months",
    "integer",
    unit="months",
    en="Requested lease term in months",
    ja="申請するリース期間（月）",
)

# Vehicle leasing
F4A = ("fire_truck", "ambulance", "police_patrol")

VEHICLES = (*F4A, "bus", "tractor", "combine_harvester", "motor_vehicle")

facts.define(
    "kz_sp_vehicle_category",
    "enum",
    values=VEHICLES,
    en="Vehicle to lease: fire truck; ambulance; patrol car or traffic-police motorcycle; bus; "
    "tractor; combine harvester; other motor or special vehicle (not agricultural)",
    ja="リース車両：消防車、救急車、巡回車両・交通警察オートバイ、バス、トラクター、コンバイン、"
    "その他の自動車・特殊車両（農機を除く）",
)

LESSEES = (
    "industrial_innovative_entity",
    "state_body",
    "executive_body",
    "state_enterprise_economic_management",
    "state_treasury_enterprise",
    "other",
)

facts.define(
    "kz_sp_lessee_type",
    "enum",
    values=LESSEES,
    en="Lessee: industrial-innovative entity; state body; central or local executive body; "
    "state enterprise with the right of economic management; state treasury enterprise; other",
    ja="借手：産業イノベーション活動主体、国の機関、中央・地方の行政機関、経営権を持つ国営企業、"
    "国営公企業、その他",
)

facts.define(
    "kz_sp_vehicle_value",
    "money",
    currency="KZT",
    en="Value of the vehicle(s) leased",
    ja="リース車両の価格",
)

facts.define(
    "kz_sp_vehicle_advance",
    "money",
    currency="KZT",
    en="Advance payment offered",
    ja="前払い金の額",
)

facts.define(
    "kz_sp_repaid_from_budget",
    "boolean",
    en="Lease payments are repaid from central or local budget funds",
    ja="リース代金を中央予算又は地方予算から返済する",
)

facts.define(
    "kz_sp_vehicle_term_months",
    "integer",
    unit="months",
    en="Requested lease term in months (motor and special vehicles)",
    ja="申請するリース期間（月、自動車・特殊車両）",
)


# --- BRK-Leasing: modernisation leasing -------------------------------------------------------
modernisation_leasing = instrument(
    "modernisation_leasing",
    "loan",
    {
        "en": "BRK-Leasing long-term financial leasing for modernisation",
        "ja": "BRK-リージングによる設備更新のための長期ファイナンスリース",
    },
    {
        "en": "Leasing at 5% for priority-sector projects: asset of at least 80m KZT (50m for "
        "light "
        "industry), lessee puts in at least 15%, term under 10 years.",
        "ja": "優先部門のプロジェクト向け利率5%のリース。物件8,000万テンゲ以上（軽工業5,000万）、"
        "借手投入15%以上、期間10年未満。",
    },
    "001 §5.1.2(3)",
    provider={"en": "BRK-Leasing", "ja": "BRK-リージング"},
)
modernisation_leasing.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.1.2(3)",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


@modernisation_leasing.criterion(
    "priority_sector_project",
    "001 §5.1.2(3)",
    en="Industrial-innovative entity with a project in a priority sector",
    ja="優先経済部門でプロジェクトを行う産業イノベーション活動主体であること",
)
def _ml_priority(f: F, p: P) -> pl.Expr:
    return f.kz_sp_priority_sector_project


@modernisation_leasing.criterion(
    "asset_value_minimum",
    "001 §5.1.2(3)",
    en="Leased asset worth at least 80m KZT (at least 50m KZT for a light-industry firm)",
    ja="リース物件が8,000万テンゲ以上（軽工業の企業は5,000万テンゲ以上）であること",
)
def _ml_asset(f: F, p: P) -> pl.Expr:
    value = f.kz_sp_leased_asset_value
    minimum: dict[str, Decimal] = p.leasing_asset_min
    # Kleene: 80m decides without knowing the industry; below it, light industry must be known.
    return (value >= minimum["general"]) | (
        f.kz_sp_light_industry & (value >= minimum["light_industry"])
    )


@modernisation_leasing.criterion(
    "lessee_investment_15pct",
    "001 §5.1.2(3)",
    en="Lessee puts at least 15% of the leased asset's total value into the project",
    ja="借手がリース対象物総額の15%以上の資本をプロジェクトに投入すること",
)
def _ml_own(f: F, p: P) -> pl.Expr:
    return f.kz_sp_lessee_investment >= f.kz_sp_leased_asset_value * decimal_param(
        p.leasing_own_share_min
    )


# Reading: "10年未満" as printed — under 10 years, so 120 months fails. Alternative ("up to 10
# years", the usual wording of the leasing rules): 120 months passes.
@modernisation_leasing.criterion(
    "term_under_10_years",
    "001 §5.1.2(3)",
    en="Lease term under 10 years",
    ja="リース期間が10年未満であること",
)
def _ml_term(f: F, p: P) -> pl.Expr:
    return f.kz_sp_lease_term_months < months_in(p.leasing_term_limit_years)


@modernisation_leasing.value(
    "lessee_rate",
    "001 §5.1.2(3)",
    unit="ratio",
    en="Interest rate to the lessee",
    ja="借手の利率",
)
def _ml_rate(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.leasing_rate)


@modernisation_leasing.value(
    "lessee_investment_min",
    "001 §5.1.2(3)",
    unit="KZT",
    en="Smallest investment by the lessee (15% of the asset value)",
    ja="借手の投入資本の最低額（物件価格の15%）",
)
def _ml_own_min(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.kz_sp_leased_asset_value * decimal_param(p.leasing_own_share_min)


@modernisation_leasing.value(
    "budget_share",
    "001 §5.1.2(3)",
    unit="ratio",
    en="Share of state budget funds in BRK-Leasing's funding (80:20)",
    ja="BRK-リージングの資金における国家予算の比率（80：20）",
)
def _ml_budget(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.leasing_budget_share)


# --- BRK-Leasing: vehicle leasing -------------------------------------------------------------
vehicle_leasing = instrument(
    "vehicle_leasing",
    "loan",
    {
        "en": "BRK-Leasing leasing of emergency, public-transport, farm and other vehicles",
        "ja": "BRK-リージングによる緊急車両・バス・農機・自動車のファイナンスリース",
    },
    {
        "en": "Fire trucks 7 years, ambulances and patrol vehicles 5 years, "
        "buses/tractors/combines "
        "7 years, all at 7% with at least 15% advance; other motor vehicles 3–5 years at 3% with "
        "30% "
        "advance.",
        "ja": "消防車7年、救急車・巡回車両5年、バス・トラクター・コンバイン7年（年利7%、"
        "前払15%以上）、"
        "その他の自動車3～5年（年利3%、前払30%）。",
    },
    "001 §5.1.2(4)",
    provider={"en": "BRK-Leasing", "ja": "BRK-リージング"},
    sectors=("manufacturing", "public_sector"),
)
# The lessee list (§5.1.2(4) last para.) names state bodies, executive bodies and state
# enterprises: for them the ownership bar of §5.2 would exclude the very lessees the passage
# names, so it does not apply to them; every other lessee (an industrial-innovative entity,
# which may be 90% state-held) meets the bar like any other Program instrument.
STATE_LESSEES = (
    "state_body",
    "executive_body",
    "state_enterprise_economic_management",
    "state_treasury_enterprise",
)
vehicle_leasing.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership (lessees other than state bodies and state enterprises)",
    ja="国の持分による除外に該当しないこと（国の機関・国営企業以外の借手）",
    applies=lambda f, p: f.kz_sp_lessee_type.is_in(list(STATE_LESSEES)).not_(),
)


# Reading: the list of who may lease follows the motor-vehicle paragraph, so it governs the
# vehicle leasing of item 4). Alternative: it also governs the modernisation leasing of item 3).
@vehicle_leasing.criterion(
    "eligible_lessee",
    "001 §5.1.2(4) para.4",
    en="Lessee is an industrial-innovative entity, a state body, an executive body or a state "
    "enterprise",
    ja="借手が産業イノベーション活動主体、国の機関、行政機関又は国営企業であること",
)
def _vl_lessee(f: F, p: P) -> pl.Expr:
    return f.kz_sp_lessee_type != "other"


# Reading: the waiver of the advance when lease payments come from a budget is written in the
# paragraph on fire, medical and emergency vehicles only. Alternative: it also covers buses,
# tractors and combines.
# Reading: the motor-vehicle "30% advance" is a minimum, like the 15% of the other paragraphs.
@vehicle_leasing.criterion(
    "advance_payment",
    "001 §5.1.2(4)",
    en="Advance at least 15% of the vehicle value (30% for other motor vehicles); none needed for "
    "fire, medical and emergency vehicles repaid from a budget",
    ja="前払い金が車両価格の15%以上（その他の自動車は30%）であること。予算から返済する消防・医療"
    "・緊急車両は不要",
)
def _vl_advance(f: F, p: P) -> pl.Expr:
    waived = f.kz_sp_vehicle_category.is_in(list(F4A)) & f.kz_sp_repaid_from_budget
    share = lookup(f.kz_sp_vehicle_category, p.vehicle_advance_min)
    return waived | (f.kz_sp_vehicle_advance >= f.kz_sp_vehicle_value * share)


@vehicle_leasing.criterion(
    "motor_vehicle_term",
    "001 §5.1.2(4) para.3",
    en="Motor and special vehicles: term from 3 to 5 years",
    ja="自動車・特殊車両：期間が3～5年であること",
    applies=lambda f, p: f.kz_sp_vehicle_category == "motor_vehicle",
)
def _vl_term(f: F, p: P) -> pl.Expr:
    return f.kz_sp_vehicle_term_months.is_between(
        months_in(p.motor_vehicle_term_min_years), months_in(p.motor_vehicle_term_max_years)
    )


@vehicle_leasing.value(
    "lessee_rate",
    "001 §5.1.2(4)",
    unit="ratio",
    en="Annual rate to the lessee",
    ja="借手の年利",
)
def _vl_rate(f: F, p: P, v: ValuesView) -> pl.Expr:
    return lookup(f.kz_sp_vehicle_category, p.vehicle_rate)


@vehicle_leasing.value(
    "lease_term_months",
    "001 §5.1.2(4)",
    unit="months",
    en="Lease term: fixed by category, or the requested 3–5 years for other motor vehicles",
    ja="リース期間：区分ごとの固定期間、その他の自動車は申請した3～5年",
)
def _vl_term_value(f: F, p: P, v: ValuesView) -> pl.Expr:
    fixed = lookup(f.kz_sp_vehicle_category, p.vehicle_term_years, pl.Int64()) * 12
    category = f.kz_sp_vehicle_category
    return pl.when(category == "motor_vehicle").then(f.kz_sp_vehicle_term_months).otherwise(fixed)


@vehicle_leasing.value(
    "advance_min",
    "001 §5.1.2(4)",
    unit="KZT",
    en="Smallest advance payment",
    ja="前払い金の最低額",
)
def _vl_advance_min(f: F, p: P, v: ValuesView) -> pl.Expr:
    waived = f.kz_sp_vehicle_category.is_in(list(F4A)) & f.kz_sp_repaid_from_budget
    share = lookup(f.kz_sp_vehicle_category, p.vehicle_advance_min)
    return (
        pl.when(waived.is_null())
        .then(None)  # unknown whether waived: no amount
        .when(waived)
        .then(amount(0))
        .otherwise(f.kz_sp_vehicle_value * share)
    )


# --- Revolving use of the modernisation-leasing funds -------------------------------------
# §5.1.2(3): to widen long-term leasing, funds repaid under a lease may be lent again where
# the Program's conditions are met; this also covers contracts concluded in 2011-2012 under
# "Productivity 2020" and "Business Road Map 2020". Reading: "the Program's conditions" are
# those of modernisation leasing, so the new lease must meet them (one rule source).
LEASE_ORIGINS = ("program_2020_2025", "productivity_or_road_map_2011_2012", "other")
facts.define(
    "kz_sp_lease_funds_repaid",
    "boolean",
    en="The lease whose funds are to be used again has been repaid",
    ja="資金を再度活用するリースの代金が返済済みであること",
)
facts.define(
    "kz_sp_lease_funds_origin",
    "enum",
    values=LEASE_ORIGINS,
    en="Where the repaid funds come from: a lease under this Program; a contract of 2011-2012 "
    "under 'Productivity 2020' or 'Business Road Map 2020'; other",
    ja="返済資金の出所：本プログラムのリース、2011～2012年に「生産性2020」又は「ビジネス・"
    "ロードマップ2020」で締結された契約、その他",
)

revolving_leasing = instrument(
    "revolving_leasing_funds",
    "loan",
    {
        "en": "BRK-Leasing: lending repaid leasing funds again",
        "ja": "BRK-リージング：返済されたリース資金の再活用",
    },
    {
        "en": "Funds repaid under a modernisation lease (or a 2011-2012 Productivity 2020 / "
        "Business Road Map 2020 contract) may be leased again on the Program's conditions.",
        "ja": "設備更新リース（又は2011～2012年の生産性2020・ビジネス・ロードマップ2020契約）の"
        "返済資金は、プログラムの条件を満たせば再度リースに活用できる。",
    },
    "001 §5.1.2(3)",
    provider={"en": "BRK-Leasing", "ja": "BRK-リージング"},
)


@revolving_leasing.criterion(
    "earlier_lease_repaid",
    "001 §5.1.2(3)",
    en="The earlier lease has been repaid",
    ja="以前のリース代金が返済済みであること",
)
def _rl_repaid(f: F, p: P) -> pl.Expr:
    return f.kz_sp_lease_funds_repaid


@revolving_leasing.criterion(
    "funds_of_a_covered_contract",
    "001 §5.1.2(3)",
    en="The funds come from a lease under this Program or a 2011-2012 contract under "
    "'Productivity 2020' or 'Business Road Map 2020'",
    ja="資金が本プログラムのリース又は2011～2012年の生産性2020・ビジネス・ロードマップ2020の"
    "契約によるものであること",
)
def _rl_origin(f: F, p: P) -> pl.Expr:
    return f.kz_sp_lease_funds_origin != "other"


revolving_leasing.requires_program(
    modernisation_leasing,
    "new_lease_meets_program_conditions",
    "001 §5.1.2(3)",
    en="The new lease meets the conditions of modernisation leasing",
    ja="新たなリースが設備更新リースの条件を満たすこと",
)
