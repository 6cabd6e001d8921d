"""Kazakhstan: State Program of Industrial-Innovative Development 2020–2025 (seed 001).

Firm categories (target groups 1–4) with their cumulative entitlements, the Program's
instruments with fixed numbers, and the competitiveness improvement agreement, as
programs ``kz.program2025.*``. Numbers live in ``state_program_2020_2025.yaml``; the
citation convention for seed 001 (which has no article numbers) is explained there.

* The state-ownership exclusion (shares of the state and its holdings at or above 50%, save
  social-entrepreneurial corporations and PPP companies) is its own program and every
  firm-facing program requires it, except vehicle leasing, whose lessees are state bodies.
* The categories are matters of an official's judgement where the text gives no threshold
  ("newly created", "pays taxes regularly", "regular foreign-currency earnings"): a missing
  finding is ``needs_review``, not ``undetermined``.
* A program open to several categories (innovation vouchers; the agreement) asks for the
  category the firm applies under and requires that category's program — one rule source.

Readings of ambiguous text are in docs/readings.md and beside each rule.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import polars as pl

from ...engine.citations import cite
from ...engine.deadlines import FixedDate, Period, period_end_expr
from ...engine.facts import FactsView as F
from ...engine.facts import catalog
from ...engine.parameters import ParameterSet
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, RuleFn, ValuesView
from ...engine.rules import amount, lookup

facts = catalog("KZ")

PARAMETERS = ParameterSet.load(Path(__file__).with_suffix(".yaml"))
IN_FORCE = {"in_force_from": dt.date(2020, 1, 1), "in_force_to": dt.date(2025, 12, 31)}
PROVIDER_MIID = {
    "en": "Ministry of Industry and Infrastructural Development",
    "ja": "産業インフラ発展省",
}

# --- Facts ----------------------------------------------------------------------------------

facts.define(
    "kz_sp_state_share",
    "decimal",
    unit="ratio",
    minimum=0,
    maximum=1,
    en="Share (0–1) of the entity's shares or participation held, directly or indirectly, by the "
    "state, the national managing holding, national holdings or national companies",
    ja="国・国営マネージングホールディング・国営ホールディング・国営企業が直接又は間接に保有する"
    "株式（持分）の割合（0～1）",
)
facts.define(
    "kz_sp_ownership_exception",
    "boolean",
    en="The entity is a social-entrepreneurial corporation or a company set up under a "
    "public-private partnership contract",
    ja="社会起業家法人又は官民パートナーシップ契約に基づき設立された企業である",
)
ACTIVITIES = ("manufacturing", "manufacturing_related_services", "other")
facts.define(
    "kz_sp_activity",
    "enum",
    values=ACTIVITIES,
    en="Main activity: manufacturing, services related to manufacturing, or other",
    ja="主たる事業：製造業、製造業関連サービス、その他",
)
facts.define(
    "kz_sp_newly_created",
    "boolean",
    en="Finding that the firm is newly created (the Program sets no age limit)",
    ja="創業まもない企業であるとの判断（プログラムに年数基準はない）",
)
facts.define(
    "kz_sp_domestic_market",
    "boolean",
    en="The firm already operates on the domestic market",
    ja="すでに国内市場で事業を行っている",
)
facts.define(
    "kz_sp_regular_taxes",
    "boolean",
    en="Finding that the firm pays taxes regularly",
    ja="定期的に納税しているとの判断",
)
facts.define(
    "kz_sp_regular_fx_earnings",
    "boolean",
    en="Finding that the firm earns foreign currency regularly",
    ja="定期的に外貨収入を得ているとの判断",
)
facts.define(
    "kz_sp_value_added_index",
    "integer",
    minimum=1,
    en="Value-added index of the firm's (planned) products on the scale the Program calls "
    "'index 4 and 5'",
    ja="製造する（予定の）製品の付加価値指数（プログラムのいう「指数4及び5」の尺度）",
)
POWER_BASES = (
    "strategic_or_high_tech_manufacturer",
    "tnc_joint_venture_or_large_foreign_capital",
    "defence_or_security_project",
    "none",
)
facts.define(
    "kz_sp_power_centre_basis",
    "enum",
    values=POWER_BASES,
    en="Ground for the 'power centres' group: strategically important and/or high-tech "
    "manufacturer; joint venture with a multinational or large foreign-capital project; "
    "strategic defence or national-security project; or none",
    ja="「パワーセンター」の該当事由：戦略的に重要な又はハイテクの製造業企業、多国籍企業との"
    "JV又は大規模外資案件、防衛・国家安全保障関連の戦略案件、なし",
)
facts.define(
    "kz_sp_business_proposal",
    "boolean",
    en="The firm has submitted a business proposal offering counter-obligations",
    ja="相互義務を提示する事業提案を提出した",
)
facts.define(
    "kz_sp_commission_approved",
    "boolean",
    en="The Industrial Development Commission has approved the package conditions",
    ja="産業発展委員会が支援パッケージの条件を承認した",
)
CATEGORIES = ("new_industrial_player", "strong_rear", "growth_driver", "power_centre")
facts.define(
    "kz_sp_category",
    "enum",
    values=CATEGORIES,
    en="Target group under which the firm applies for the measure",
    ja="企業が支援を申請するターゲットグループ",
)
facts.define(
    "kz_sp_cia_competitive_selection",
    "boolean",
    en="The firm was selected for the agreement by competition",
    ja="協定の締結先として入札（競争）により選定された",
)
facts.define(
    "kz_sp_cia_counter_obligations",
    "boolean",
    en="The agreement sets the firm's counter-obligations (productivity, wider and more complex "
    "product range, new markets) in proportion to the incentives",
    ja="協定に、インセンティブに見合った企業側の相互義務（生産性、品目拡大・複雑性向上、新市場）"
    "が定められている",
)
facts.define(
    "kz_sp_cia_liability_clause",
    "boolean",
    en="The agreement sets the firm's liability (refund, compensation, fines) for late or "
    "incomplete performance",
    ja="協定に、不完全履行・履行遅滞の際の企業の責任（返還、賠償、罰金）が定められている",
)
facts.define(
    "kz_sp_cia_new_markets",
    "boolean",
    en="The agreement obliges the firm to enter new markets",
    ja="協定に新たな市場の開拓の義務が定められている",
)
facts.define(
    "kz_sp_cia_start_date",
    "date",
    en="Date the agreement is concluded",
    ja="協定の締結日",
)
# DBK loans
facts.define(
    "kz_sp_dbk_term_months",
    "integer",
    unit="months",
    en="Term of the DBK loan in months",
    ja="開発銀行融資の期間（月）",
)
facts.define(
    "kz_sp_dbk_rate",
    "decimal",
    unit="ratio",
    minimum=0,
    maximum=1,
    en="Annual interest rate to the final borrower (0.11 = 11%)",
    ja="最終借入者の年利（0.11＝11%）",
)
facts.define(
    "kz_sp_project_cost",
    "money",
    currency="KZT",
    en="Total cost of the project",
    ja="プロジェクト全体額",
)
facts.define(
    "kz_sp_own_contribution",
    "money",
    currency="KZT",
    en="The company's own contribution to the project",
    ja="企業の出資額",
)
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
# Damu
facts.define(
    "kz_sp_bank_loan",
    "money",
    currency="KZT",
    en="Amount of the bank loan",
    ja="銀行貸付の額",
)
facts.define(
    "kz_sp_bank_rate",
    "decimal",
    unit="ratio",
    minimum=0,
    maximum=1,
    en="Annual interest rate of the bank loan (0.15 = 15%)",
    ja="銀行貸付の年利（0.15＝15%）",
)
facts.define(
    "kz_sp_bank_loan_term_months",
    "integer",
    unit="months",
    en="Term of the bank loan in months",
    ja="銀行貸付の期間（月）",
)
facts.define(
    "kz_sp_guarantee",
    "money",
    currency="KZT",
    en="Guarantee requested from Damu",
    ja="ダムーに求める保証額",
)
facts.define(
    "kz_sp_guarantee_term_months",
    "integer",
    unit="months",
    en="Term of the guarantee in months",
    ja="保証期間（月）",
)
facts.define(
    "kz_sp_second_tier_bank",
    "boolean",
    en="The lender is a second-tier (commercial) bank",
    ja="貸手が第二層銀行（市中銀行）である",
)
facts.define(
    "kz_sp_loan_purpose",
    "enum",
    values=("investment", "working_capital"),
    en="Purpose of the loan: investment or working capital",
    ja="融資目的：投資又は運転資金",
)
# KCM equity
facts.define(
    "kz_sp_kcm_term_months",
    "integer",
    unit="months",
    en="Financing term of the KCM fund investment in months",
    ja="KCMファンド投資の融資期間（月）",
)
facts.define(
    "kz_sp_kcm_fund_share",
    "decimal",
    unit="ratio",
    minimum=0,
    maximum=1,
    en="Share of KCM in the direct investment fund",
    ja="直接投資基金へのKCMの参加比率",
)
facts.define(
    "kz_sp_kcm_yield",
    "decimal",
    unit="ratio",
    minimum=0,
    maximum=1,
    en="Final yield of the investment",
    ja="投資の最終利回り",
)
facts.define(
    "kz_sp_kcm_investment",
    "money",
    currency="KZT",
    en="Investment in the project",
    ja="案件への投資額",
)
# QazTech Ventures venture funds
facts.define(
    "kz_sp_qtv_fund_share",
    "decimal",
    unit="ratio",
    minimum=0,
    maximum=1,
    en="Participation of QazTech Ventures in the venture fund",
    ja="QazTech Venturesの参加比率",
)
facts.define(
    "kz_sp_coinvestor_share",
    "decimal",
    unit="ratio",
    minimum=0,
    maximum=1,
    en="Participation of co-investors in the venture fund",
    ja="共同投資家の参加比率",
)
facts.define(
    "kz_sp_manager_share",
    "decimal",
    unit="ratio",
    minimum=0,
    maximum=1,
    en="Participation of the fund manager in the venture fund",
    ja="運用会社の参加比率",
)
facts.define(
    "kz_sp_fund_life_months",
    "integer",
    unit="months",
    en="Life of the venture fund in months",
    ja="ファンドの存続期間（月）",
)
facts.define(
    "kz_sp_venture_term_months",
    "integer",
    unit="months",
    en="Financing term of the venture investment in months",
    ja="ベンチャー投資の融資期間（月）",
)
facts.define(
    "kz_sp_venture_investment",
    "money",
    currency="KZT",
    en="Venture investment in the project",
    ja="案件へのベンチャー投資額",
)
facts.define(
    "kz_sp_fund_size",
    "money",
    currency="KZT",
    en="Total size of the venture fund",
    ja="ファンド総額",
)
# QazTech Ventures innovation support
QTV_INSTRUMENTS = (
    "incubator_operating_costs",
    "incubator_project",
    "technology_grant",
    "software_rental",
)
facts.define(
    "kz_sp_qtv_instrument",
    "enum",
    values=QTV_INSTRUMENTS,
    en="QazTech Ventures instrument: compensation of incubator operating costs; grant for an "
    "incubator project; grant for prototypes/testing/market research/feasibility studies/"
    "technology purchase; software rental",
    ja="QazTech Venturesの支援策：インキュベータ運営費の補償、インキュベータ向けプロジェクトへの"
    "グラント、プロトタイプ開発等へのグラント、ソフトウェアレンタル",
)
facts.define(
    "kz_sp_qtv_amount",
    "money",
    currency="KZT",
    en="Support requested (for software rental: the first year)",
    ja="申請する支援額（ソフトウェアレンタルは1年目）",
)
facts.define(
    "kz_sp_qtv_month_max",
    "money",
    currency="KZT",
    en="Largest monthly operating-cost compensation requested",
    ja="申請する月あたり運営費補償の最大額",
)
facts.define(
    "kz_sp_qtv_cost_base",
    "money",
    currency="KZT",
    en="Total costs the support co-finances (incubator operating costs or project cost)",
    ja="支援が共同出資する費用総額（インキュベータ運営費又はプロジェクト費用）",
)
facts.define(
    "kz_sp_qtv_term_months",
    "integer",
    unit="months",
    en="Support period requested in months",
    ja="申請する支援期間（月）",
)
facts.define(
    "kz_sp_rental_later_year_max",
    "money",
    currency="KZT",
    en="Largest yearly software-rental support requested for years 2 to 5",
    ja="2年目から5年目のソフトウェアレンタル支援の各年の最大申請額",
)
# Innovation vouchers
VOUCHER_USES = (
    "prototype",
    "testing",
    "market_research",
    "feasibility_study",
    "design",
    "digitalisation",
    "other_research_consulting",
    "other",
)
facts.define(
    "kz_sp_voucher_amount",
    "money",
    currency="EUR",
    en="Amount of the innovation voucher requested",
    ja="申請するイノベーション・バウチャーの額",
)
facts.define(
    "kz_sp_voucher_use",
    "enum",
    values=VOUCHER_USES,
    en="Use of the voucher: prototype, testing, market research, feasibility study, design, "
    "digitalisation plan or work, other research or consulting, or another use",
    ja="バウチャーの用途：プロトタイプ開発、テスト、市場調査、F/S準備、設計、デジタル化、"
    "その他の調査・コンサルティング、その他",
)


def _d(value: object) -> Decimal:
    """A money or ratio parameter, typed (parameter files hold exact decimals)."""
    assert isinstance(value, Decimal), value
    return value


def _months(years: int) -> int:
    return years * 12


def _joined(*lists: list[str]) -> pl.Expr:
    return pl.lit(", ".join(item for items in lists for item in items))


def _count(*lists: list[str]) -> pl.Expr:
    return pl.lit(sum(len(items) for items in lists))


def _program(
    identifier: str,
    kind: str,
    title: dict[str, str],
    summary: dict[str, str],
    source: str,
    provider: dict[str, str] = PROVIDER_MIID,
    sectors: tuple[str, ...] = ("manufacturing",),
) -> Program:
    return Program(
        id=f"kz.program2025.{identifier}",
        jurisdiction="KZ",
        kind=kind,
        sectors=sectors,
        title=title,
        summary=summary,
        provider=provider,
        source=source,
        parameters=PARAMETERS,
        in_force_from=IN_FORCE["in_force_from"],
        in_force_to=IN_FORCE["in_force_to"],
    )


# --- State-ownership exclusion --------------------------------------------------------------
ownership = _program(
    "ownership",
    "classification",
    {
        "en": "State Program 2020–2025: not excluded by state ownership",
        "ja": "産業イノベーション発展国家プログラム2020～2025：国の持分による除外に該当しないこと",
    },
    {
        "en": "Entities held 50% or more by the state or its holdings cannot use Program support, "
        "unless they are social-entrepreneurial corporations or PPP companies.",
        "ja": "国等の持分が50%以上の主体はプログラムの支援を受けられない（社会起業家法人・官民"
        "パートナーシップ企業を除く）。",
    },
    "001 §5.2 para.3",
)


@ownership.criterion(
    "state_share_below_limit",
    "001 §5.2 para.3",
    en="State and state-holding share below 50%, or the entity is a social-entrepreneurial "
    "corporation or PPP company",
    ja="国等の持分が50%未満であること、又は社会起業家法人・官民パートナーシップ企業であること",
)
def _state_share(f: F, p: P) -> pl.Expr:
    # "50%以上 ... cannot use": exactly 50% is excluded.
    return (f.kz_sp_state_share < _d(p.state_share_limit)) | f.kz_sp_ownership_exception


# --- Target groups ----------------------------------------------------------------------------
def _manufacturing(f: F) -> pl.Expr:
    return f.kz_sp_activity.is_in(["manufacturing", "manufacturing_related_services"])


new_industrial_player = _program(
    "new_industrial_player",
    "classification",
    {
        "en": "Group 1 'New industrial players' and their measures",
        "ja": "第1グループ「新規産業プレーヤー」及びその促進策",
    },
    {
        "en": "Newly created manufacturers and related service firms; selected on application; "
        "common measures plus the group's own.",
        "ja": "創業まもない製造業・関連サービス企業。申請制。共通施策及びグループ独自の施策。",
    },
    "001 §5.2 Group 1",
)
new_industrial_player.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


def _manufacturing_criterion(program: Program, group: int) -> None:
    """Groups 1-3 share this test; written once, added to each group's program."""

    @program.criterion(
        "manufacturing_or_related",
        f"001 §5.2 Group {group}",
        en="Works in manufacturing or services related to it",
        ja="製造業又は製造業関連サービスを営むこと",
    )
    def _activity(f: F, p: P) -> pl.Expr:
        return _manufacturing(f)


def _existing_firm_criterion(program: Program, group: int) -> None:
    """Groups 2-3: an existing firm (whether it is "newly created" is an official's call)."""

    @program.criterion(
        "existing_firm",
        f"001 §5.2 Group {group}",
        en="Is an existing firm, not a newly created one",
        ja="創業まもない企業ではなく既存企業であること",
        on_unknown="review",
    )
    def _existing(f: F, p: P) -> pl.Expr:
        return f.kz_sp_newly_created.not_()


# Reading: the targeted incentives are for manufacturers (direction 2 speaks of "製造業企業");
# group 1 says "manufacturing and related services" outright, and we apply the same to groups
# 2 and 3. Alternative: groups 2 and 3 open to any sector.
_manufacturing_criterion(new_industrial_player, 1)


@new_industrial_player.criterion(
    "newly_created",
    "001 §5.2 Group 1",
    en="Is newly created (no age limit is set: an official's finding)",
    ja="創業まもない企業であること（年数基準なし・担当者の判断）",
    on_unknown="review",
)
def _g1_new(f: F, p: P) -> pl.Expr:
    return f.kz_sp_newly_created


@new_industrial_player.value(
    "entitled_measures",
    "001 §5.2 Group 1",
    unit="text",
    en="Measures open to the firm (common ones and the group's own)",
    ja="利用できる施策（共通施策及びグループの施策）",
)
def _g1_measures(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _joined(p.measures_common, p.measures_new_industrial_player)


@new_industrial_player.value(
    "entitled_measure_count",
    "001 §5.2 Group 1",
    unit="count",
    en="Number of measures open to the firm",
    ja="利用できる施策の数",
)
def _g1_count(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _count(p.measures_common, p.measures_new_industrial_player)


strong_rear = _program(
    "strong_rear",
    "classification",
    {
        "en": "Group 2 'Strong rear' and their measures",
        "ja": "第2グループ「強力なリア」及びその促進策",
    },
    {
        "en": "Existing firms on the domestic market that pay taxes regularly; group 1's measures "
        "plus their own.",
        "ja": "国内市場で事業を行い定期的に納税する既存企業。第1グループの施策に加え独自の施策。",
    },
    "001 §5.2 Group 2",
)
strong_rear.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


_manufacturing_criterion(strong_rear, 2)


# Reading: "すでに国内市場で活動" describes an existing firm, so a newly created one is
# group 1, not group 2. Alternative: a new firm could also be group 2.
_existing_firm_criterion(strong_rear, 2)


@strong_rear.criterion(
    "domestic_market",
    "001 §5.2 Group 2",
    en="Already operates on the domestic market",
    ja="すでに国内市場で事業を行っていること",
)
def _g2_domestic(f: F, p: P) -> pl.Expr:
    return f.kz_sp_domestic_market


@strong_rear.criterion(
    "regular_taxes",
    "001 §5.2 Group 2",
    en="Pays taxes regularly (no threshold is set: an official's finding)",
    ja="定期的に納税していること（基準なし・担当者の判断）",
    on_unknown="review",
)
def _g2_taxes(f: F, p: P) -> pl.Expr:
    return f.kz_sp_regular_taxes


@strong_rear.value(
    "entitled_measures",
    "001 §5.2 Group 2",
    unit="text",
    en="Measures open to the firm (common, group 1 and group 2)",
    ja="利用できる施策（共通、第1グループ及び第2グループ）",
)
def _g2_measures(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _joined(p.measures_common, p.measures_new_industrial_player, p.measures_strong_rear)


@strong_rear.value(
    "entitled_measure_count",
    "001 §5.2 Group 2",
    unit="count",
    en="Number of measures open to the firm",
    ja="利用できる施策の数",
)
def _g2_count(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _count(p.measures_common, p.measures_new_industrial_player, p.measures_strong_rear)


growth_driver = _program(
    "growth_driver",
    "classification",
    {
        "en": "Group 3 'Growth drivers' and their measures",
        "ja": "第3グループ「成長ドライバー」及びその促進策",
    },
    {
        "en": "Existing firms with regular foreign-currency earnings; groups 1 and 2's measures "
        "plus "
        "their own; standard package for value-added index 4 and 5.",
        "ja": "定期的に外貨収入を得る既存企業。第1・第2グループの施策に加え独自の施策。"
        "付加価値指数4・5"
        "はスタンダード型パッケージ。",
    },
    "001 §5.2 Group 3",
)
growth_driver.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


_manufacturing_criterion(growth_driver, 3)


_existing_firm_criterion(growth_driver, 3)


@growth_driver.criterion(
    "regular_fx_earnings",
    "001 §5.2 Group 3",
    en="Earns foreign currency regularly (no threshold is set: an official's finding)",
    ja="定期的に外貨収入を得ていること（基準なし・担当者の判断）",
    on_unknown="review",
)
def _g3_fx(f: F, p: P) -> pl.Expr:
    return f.kz_sp_regular_fx_earnings


@growth_driver.value(
    "entitled_measures",
    "001 §5.2 Group 3",
    unit="text",
    en="Measures open to the firm (common, groups 1, 2 and 3)",
    ja="利用できる施策（共通、第1～第3グループ）",
)
def _g3_measures(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _joined(
        p.measures_common,
        p.measures_new_industrial_player,
        p.measures_strong_rear,
        p.measures_growth_driver,
    )


@growth_driver.value(
    "entitled_measure_count",
    "001 §5.2 Group 3",
    unit="count",
    en="Number of measures open to the firm",
    ja="利用できる施策の数",
)
def _g3_count(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _count(
        p.measures_common,
        p.measures_new_industrial_player,
        p.measures_strong_rear,
        p.measures_growth_driver,
    )


# Reading: "指数4及び5" is taken literally as the indices 4 and 5 of a scale the excerpt does
# not define. Alternative: "4 or higher" on a longer scale.
@growth_driver.value(
    "standard_package",
    "001 §5.2 Group 3 (packages)",
    unit="flag",
    en="Products of value-added index 4 or 5 open the standard package (non-financial support, "
    "grants, standard-term finance)",
    ja="付加価値指数4又は5の製品はスタンダード型パッケージの対象",
)
def _g3_standard(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.kz_sp_value_added_index.is_in(p.standard_package_indices)


@growth_driver.value(
    "foreign_buyer_yield_min",
    "001 §5.2 Group 3",
    unit="ratio",
    en="Lowest final yield (USD) of direct loans to foreign buyers",
    ja="海外バイヤー向け直接貸付の最終利回り（米ドル）の下限",
)
def _g3_yield_min(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.foreign_buyer_yield_min)


@growth_driver.value(
    "foreign_buyer_yield_max",
    "001 §5.2 Group 3",
    unit="ratio",
    en="Highest final yield (USD) of direct loans to foreign buyers",
    ja="海外バイヤー向け直接貸付の最終利回り（米ドル）の上限",
)
def _g3_yield_max(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.foreign_buyer_yield_max)


power_centre = _program(
    "power_centre",
    "classification",
    {
        "en": "Group 4 'Power centres' (package decided by the Commission)",
        "ja": "第4グループ「パワーセンター」（委員会が支援パッケージを決定）",
    },
    {
        "en": "Strategic or high-tech manufacturers, joint ventures with multinationals or large "
        "foreign-capital projects, and strategic defence projects; support is decided case by "
        "case.",
        "ja": "戦略的・ハイテクの製造業企業、多国籍企業とのJV・大規模外資案件、防衛関連の戦略案件。"
        "支援は個別に決定。",
    },
    "001 §5.2 Group 4",
)
power_centre.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


@power_centre.criterion(
    "power_centre_ground",
    "001 §5.2 Group 4",
    en="Is a strategic or high-tech manufacturer, a multinational joint venture or large "
    "foreign-capital project, or a strategic defence or security project",
    ja="戦略的・ハイテクの製造業企業、多国籍企業とのJV・大規模外資案件又は防衛・安全保障関連の"
    "戦略案件であること",
)
def _g4_ground(f: F, p: P) -> pl.Expr:
    return f.kz_sp_power_centre_basis != "none"


@power_centre.criterion(
    "business_proposal",
    "001 §5.2 Group 4",
    en="Has submitted a business proposal offering counter-obligations",
    ja="相互義務を提示する事業提案を提出していること",
)
def _g4_proposal(f: F, p: P) -> pl.Expr:
    return f.kz_sp_business_proposal


@power_centre.criterion(
    "commission_decision",
    "001 §5.2 Group 4",
    en="The Industrial Development Commission has approved the package (its decision)",
    ja="産業発展委員会が支援パッケージを承認していること（委員会の判断）",
    on_unknown="review",
)
def _g4_commission(f: F, p: P) -> pl.Expr:
    return f.kz_sp_commission_approved


# Reading: the common measures are "for all categories", so group 4 has them too, plus its
# individual package. Alternative: group 4 has the individual package only.
@power_centre.value(
    "entitled_measures",
    "001 §5.2 Group 4",
    unit="text",
    en="Measures open to the firm (common ones and the individual package)",
    ja="利用できる施策（共通施策及び個別パッケージ）",
)
def _g4_measures(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _joined(p.measures_common, p.measures_power_centre)


@power_centre.value(
    "entitled_measure_count",
    "001 §5.2 Group 4",
    unit="count",
    en="Number of measures open to the firm",
    ja="利用できる施策の数",
)
def _g4_count(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _count(p.measures_common, p.measures_power_centre)


def _category_is(name: str) -> RuleFn:
    def applies(f: F, p: P) -> pl.Expr:
        return f.kz_sp_category == name

    return applies


def _requires_category(program: Program, *groups: Program, cite: str) -> None:
    """The firm's group, as the program for the category it applies under."""
    for group in groups:
        name = group.id.rsplit(".", 1)[-1]
        program.requires_program(
            group,
            f"is_{name}",
            cite,
            en=f"Qualifies for the group it applies under ({group.title['en']})",
            ja=f"申請するグループに該当すること（{group.title['ja']}）",
            applies=_category_is(name),
        )


# --- Competitiveness improvement agreement ----------------------------------------------------
agreement = _program(
    "competitiveness_agreement",
    "contract",
    {
        "en": "Competitiveness improvement agreement (5 years, renewable)",
        "ja": "競争力向上のための協定（5年・更新可）",
    },
    {
        "en": "Agreement with 'strong rear' and 'growth driver' firms: a package of direct "
        "measures "
        "in exchange for counter-obligations, with liability for non-performance.",
        "ja": "「強力なリア」「成長ドライバー」企業との協定。"
        "相互義務と引き換えに直接促進策パッケージを"
        "提供し、不履行の責任を定める。",
    },
    "001 §5.2 CIA",
)


@agreement.criterion(
    "party_group",
    "001 §5.2 CIA",
    en="Applies as a 'strong rear' or 'growth driver' firm",
    ja="「強力なリア」又は「成長ドライバー」として申請すること",
)
def _cia_group(f: F, p: P) -> pl.Expr:
    return f.kz_sp_category.is_in(["strong_rear", "growth_driver"])


_requires_category(agreement, strong_rear, growth_driver, cite="001 §5.2 CIA")


# Reading: "例外的に入札形式" is taken as "exclusively by competition" (the Russian original
# very likely says "исключительно"). Alternative: competition only in exceptional cases.
@agreement.criterion(
    "competitive_selection",
    "001 §5.2 CIA",
    en="Selected by competition",
    ja="入札（競争）により選定されていること",
)
def _cia_competition(f: F, p: P) -> pl.Expr:
    return f.kz_sp_cia_competitive_selection


@agreement.criterion(
    "counter_obligations",
    "001 §5.2 CIA",
    en="Sets the firm's counter-obligations in proportion to the incentives",
    ja="インセンティブに見合った企業の相互義務を定めていること",
)
def _cia_obligations(f: F, p: P) -> pl.Expr:
    return f.kz_sp_cia_counter_obligations


@agreement.criterion(
    "liability_clause",
    "001 §5.2 CIA",
    en="Sets the firm's liability for late or incomplete performance",
    ja="不完全履行・履行遅滞の際の企業の責任を定めていること",
)
def _cia_liability(f: F, p: P) -> pl.Expr:
    return f.kz_sp_cia_liability_clause


@agreement.criterion(
    "new_markets",
    "001 §5.2 Group 2",
    en="'Strong rear': the agreement's key condition is entering new markets",
    ja="「強力なリア」：新たな市場の開拓が協定の重要な条件であること",
    applies=lambda f, p: f.kz_sp_category == "strong_rear",
)
def _cia_new_markets(f: F, p: P) -> pl.Expr:
    return f.kz_sp_cia_new_markets


@agreement.value(
    "term_years",
    "001 §5.2 CIA",
    unit="years",
    en="Term of the agreement (renewable)",
    ja="協定の期間（更新可）",
)
def _cia_term(f: F, p: P, v: ValuesView) -> pl.Expr:
    return pl.lit(p.cia_term_years)


# Reading: a term of N years ends on the corresponding day N years later (the day of
# conclusion not counted, as in the civil codes of the region); a start on 29 February ends on
# 28 February. Alternative: the day before the corresponding day.
@agreement.value(
    "end_date",
    "001 §5.2 CIA",
    unit="date",
    en="Last day of the first term",
    ja="最初の期間の満了日",
)
def _cia_end(f: F, p: P, v: ValuesView) -> pl.Expr:
    return period_end_expr(f.kz_sp_cia_start_date, years=p.cia_term_years, start_day_counted=False)


# --- DBK long-term loans -----------------------------------------------------------------------
dbk_loan = _program(
    "dbk_loan",
    "loan",
    {"en": "Development Bank of Kazakhstan long-term loan", "ja": "カザフスタン開発銀行の長期融資"},
    {
        "en": "7–10 years at no more than 11% to the final borrower; the company puts in at least "
        "20% of the project cost.",
        "ja": "期間7～10年、最終借入者の利率11%以下、企業の出資はプロジェクト全体額の20%以上。",
    },
    "001 §5.1.2(2)",
    provider={"en": "Development Bank of Kazakhstan", "ja": "カザフスタン開発銀行"},
)
dbk_loan.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


@dbk_loan.criterion(
    "term_7_to_10_years",
    "001 §5.1.2(2)",
    en="Term from 7 to 10 years (both included)",
    ja="期間が7年以上10年以下であること",
)
def _dbk_term(f: F, p: P) -> pl.Expr:
    return f.kz_sp_dbk_term_months.is_between(
        _months(p.dbk_term_min_years), _months(p.dbk_term_max_years)
    )


@dbk_loan.criterion(
    "rate_at_most_11pct",
    "001 §5.1.2(2)",
    en="Rate to the final borrower at most 11%",
    ja="最終借入者の利率が11%以下であること",
)
def _dbk_rate(f: F, p: P) -> pl.Expr:
    return f.kz_sp_dbk_rate <= _d(p.dbk_rate_max)


@dbk_loan.criterion(
    "own_share_at_least_20pct",
    "001 §5.1.2(2)",
    en="Company's own contribution at least 20% of the total project cost",
    ja="企業の出資がプロジェクト全体額の20%以上であること",
)
def _dbk_own(f: F, p: P) -> pl.Expr:
    return f.kz_sp_own_contribution >= f.kz_sp_project_cost * _d(p.dbk_own_share_min)


@dbk_loan.value(
    "own_contribution_min",
    "001 §5.1.2(2)",
    unit="KZT",
    en="Smallest own contribution (20% of the project cost)",
    ja="企業の出資の最低額（全体額の20%）",
)
def _dbk_own_min(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.kz_sp_project_cost * _d(p.dbk_own_share_min)


@dbk_loan.value(
    "rate_max",
    "001 §5.1.2(2)",
    unit="ratio",
    en="Highest rate to the final borrower",
    ja="最終借入者の利率の上限",
)
def _dbk_rate_max(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.dbk_rate_max)


@dbk_loan.value(
    "budget_share",
    "001 §5.1.2(2)",
    unit="ratio",
    en="Share of state budget funds in the lending (50:50 with private capital)",
    ja="融資における国家予算の比率（民間資本と50：50）",
)
def _dbk_budget(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.dbk_budget_share)


# --- BRK-Leasing: modernisation leasing -------------------------------------------------------
modernisation_leasing = _program(
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
    return f.kz_sp_lessee_investment >= f.kz_sp_leased_asset_value * _d(p.leasing_own_share_min)


# Reading: "10年未満" as printed — under 10 years, so 120 months fails. Alternative ("up to 10
# years", the usual wording of the leasing rules): 120 months passes.
@modernisation_leasing.criterion(
    "term_under_10_years",
    "001 §5.1.2(3)",
    en="Lease term under 10 years",
    ja="リース期間が10年未満であること",
)
def _ml_term(f: F, p: P) -> pl.Expr:
    return f.kz_sp_lease_term_months < _months(p.leasing_term_limit_years)


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
    return f.kz_sp_leased_asset_value * _d(p.leasing_own_share_min)


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
vehicle_leasing = _program(
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
        _months(p.motor_vehicle_term_min_years), _months(p.motor_vehicle_term_max_years)
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


# --- Damu guarantees and interest subsidies ---------------------------------------------------
DAMU = {"en": "Entrepreneurship Development Fund 'Damu'", "ja": "起業家発展基金「ダムー」"}

damu_guarantee = _program(
    "damu_guarantee",
    "guarantee",
    {"en": "Damu guarantee of a bank loan", "ja": "ダムーによる銀行貸付の保証"},
    {
        "en": "Guarantee of up to 50% of loans up to 3bn KZT, up to 20% of loans over 3bn up to "
        "5bn; "
        "loan rate at most 15%; guarantee no longer than the loan.",
        "ja": "貸付30億テンゲ以内は50%以下、30億超50億以内は20%以下を保証。貸付年利15%以下、"
        "保証期間は貸付期間以内。",
    },
    "001 §5.1.2(5)(1)",
    provider=DAMU,
)
damu_guarantee.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


@damu_guarantee.criterion(
    "loan_rate_at_most_15pct",
    "001 §5.1.2(5)",
    en="Loan rate at most 15% a year",
    ja="貸付の年利が15%以下であること",
)
def _dg_rate(f: F, p: P) -> pl.Expr:
    return f.kz_sp_bank_rate <= _d(p.damu_loan_rate_max)


# Reading A: the tiers are by loan size (≤3bn: 50%; over 3bn up to 5bn: 20%) and a loan over
# 5bn is not covered. Alternative B: one cap of 50% of the loan and 3bn KZT of guarantee.
@damu_guarantee.criterion(
    "loan_within_5bn",
    "001 §5.1.2(5)(1)",
    en="Loan at most 5bn KZT",
    ja="貸付額が50億テンゲ以内であること",
)
def _dg_loan(f: F, p: P) -> pl.Expr:
    return f.kz_sp_bank_loan <= _d(p.guarantee_tier2_loan_max)


def _guarantee_share(f: F, p: P) -> pl.Expr:
    loan = f.kz_sp_bank_loan
    return (
        pl.when(loan <= _d(p.guarantee_tier1_loan_max))
        .then(amount(p.guarantee_tier1_share))
        .when(loan <= _d(p.guarantee_tier2_loan_max))
        .then(amount(p.guarantee_tier2_share))
        .otherwise(None)  # null loan → null; over 5bn → no tier
    )


@damu_guarantee.criterion(
    "guarantee_within_share",
    "001 §5.1.2(5)(1)",
    en="Guarantee at most 50% of the loan (loans up to 3bn KZT) or 20% (over 3bn up to 5bn)",
    ja="保証が貸付の50%以下（30億テンゲ以内）又は20%以下（30億超50億以内）であること",
)
def _dg_share(f: F, p: P) -> pl.Expr:
    return f.kz_sp_guarantee <= f.kz_sp_bank_loan * _guarantee_share(f, p)


@damu_guarantee.criterion(
    "guarantee_term_within_loan",
    "001 §5.1.2(5)(1)",
    en="Guarantee no longer than the loan",
    ja="保証期間が貸付期間を超えないこと",
)
def _dg_term(f: F, p: P) -> pl.Expr:
    return f.kz_sp_guarantee_term_months <= f.kz_sp_bank_loan_term_months


@damu_guarantee.value(
    "guarantee_share_max",
    "001 §5.1.2(5)(1)",
    unit="ratio",
    en="Largest guarantee as a share of the loan",
    ja="保証の貸付額に対する割合の上限",
)
def _dg_share_value(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _guarantee_share(f, p)


@damu_guarantee.value(
    "guarantee_max",
    "001 §5.1.2(5)(1)",
    unit="KZT",
    en="Largest guarantee for this loan",
    ja="この貸付に対する保証の上限額",
)
def _dg_max(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.kz_sp_bank_loan * v.guarantee_share_max


damu_subsidy = _program(
    "damu_interest_subsidy",
    "subsidy",
    {
        "en": "Damu interest subsidy on second-tier bank loans",
        "ja": "ダムーによる第二層銀行貸付の金利助成",
    },
    {
        "en": "Up to 6 points of the rate of a loan at no more than 15%, for 7 years (investment) "
        "or "
        "3 years (working capital); no cap on the loan amount.",
        "ja": "年利15%以下の貸付の金利を最大6ポイント助成。投資目的7年、運転資金3年。"
        "融資額の上限なし。",
    },
    "001 §5.1.2(5)(2)",
    provider=DAMU,
)
damu_subsidy.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


@damu_subsidy.criterion(
    "second_tier_bank",
    "001 §5.1.2(5)(2)",
    en="Loan from a second-tier bank",
    ja="第二層銀行からの借入れであること",
)
def _ds_bank(f: F, p: P) -> pl.Expr:
    return f.kz_sp_second_tier_bank


@damu_subsidy.criterion(
    "loan_rate_at_most_15pct",
    "001 §5.1.2(5)",
    en="Loan rate at most 15% a year",
    ja="貸付の年利が15%以下であること",
)
def _ds_rate(f: F, p: P) -> pl.Expr:
    return f.kz_sp_bank_rate <= _d(p.damu_loan_rate_max)


# Reading: "助成額は6%まで" means up to 6 percentage points of the annual rate, never more than
# the rate itself. Alternative: 6% of the interest due.
@damu_subsidy.value(
    "subsidy_rate",
    "001 §5.1.2(5)(2)",
    unit="ratio",
    en="Interest subsidy (the lesser of 6 points and the loan rate)",
    ja="金利助成（6ポイントと貸付利率のいずれか低い方）",
)
def _ds_subsidy(f: F, p: P, v: ValuesView) -> pl.Expr:
    rate = f.kz_sp_bank_rate
    return (
        pl.when(rate.is_null())
        .then(None)
        .when(rate < _d(p.subsidy_rate_max))
        .then(rate)
        .otherwise(amount(p.subsidy_rate_max))
    )


@damu_subsidy.value(
    "borrower_rate",
    "001 §5.1.2(5)(2)",
    unit="ratio",
    en="Rate left to the borrower after the subsidy",
    ja="助成後の借手の利率",
)
def _ds_borrower(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.kz_sp_bank_rate - v.subsidy_rate


@damu_subsidy.value(
    "subsidy_period_years",
    "001 §5.1.2(5)(2)",
    unit="years",
    en="Years the subsidy covers (7 investment, 3 working capital)",
    ja="助成の対象期間（投資7年、運転資金3年）",
)
def _ds_period(f: F, p: P, v: ValuesView) -> pl.Expr:
    return lookup(f.kz_sp_loan_purpose, p.subsidy_period_years, pl.Int64())


# --- KCM equity --------------------------------------------------------------------------------
kcm_equity = _program(
    "kcm_equity",
    "equity",
    {
        "en": "Equity financing through Kazyna Capital Management direct investment funds",
        "ja": "カジナ・キャピタル・マネージメントの直接投資基金を通じたエクイティファイナンス",
    },
    {
        "en": "Under 10 years, KCM at most 49% of the fund, final yield under 8%, 1–5bn KZT per "
        "project.",
        "ja": "期間10年未満、KCMの参加比率49%以下、最終利回り8%未満、1案件10億～50億テンゲ。",
    },
    "001 §5.1.4(1)",
    provider={"en": "Kazyna Capital Management", "ja": "カジナ・キャピタル・マネージメント"},
)
kcm_equity.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


@kcm_equity.criterion(
    "term_under_10_years",
    "001 §5.1.4(1)",
    en="Financing term under 10 years",
    ja="融資の期間が10年未満であること",
)
def _kcm_term(f: F, p: P) -> pl.Expr:
    return f.kz_sp_kcm_term_months < _months(p.kcm_term_limit_years)


@kcm_equity.criterion(
    "kcm_share_at_most_49pct",
    "001 §5.1.4(1)",
    en="KCM share in the fund at most 49%",
    ja="ファンドへのKCMの参加比率が49%以下であること",
)
def _kcm_share(f: F, p: P) -> pl.Expr:
    return f.kz_sp_kcm_fund_share <= _d(p.kcm_fund_share_max)


@kcm_equity.criterion(
    "yield_under_8pct",
    "001 §5.1.4(1)",
    en="Final yield under 8%",
    ja="最終利回りが8%未満であること",
)
def _kcm_yield(f: F, p: P) -> pl.Expr:
    return f.kz_sp_kcm_yield < _d(p.kcm_yield_limit)


@kcm_equity.criterion(
    "investment_1_to_5bn",
    "001 §5.1.4(1)",
    en="Investment per project from 1bn to 5bn KZT (both included)",
    ja="1案件の投資額が10億～50億テンゲの範囲内であること",
)
def _kcm_investment(f: F, p: P) -> pl.Expr:
    return f.kz_sp_kcm_investment.is_between(p.kcm_investment_min, _d(p.kcm_investment_max))


# --- QazTech Ventures venture funds -------------------------------------------------------------
QTV = {"en": "QazTech Ventures", "ja": "QazTech Ventures"}

qtv_venture = _program(
    "qtv_venture",
    "equity",
    {
        "en": "Venture financing through QazTech Ventures venture funds",
        "ja": "QazTech Venturesのベンチャーファンドを通じたベンチャーファイナンス",
    },
    {
        "en": "QTV at least 20% of the fund, co-investors 50–75%, manager 1–5%; fund life up to 10 "
        "years; 2–5 year investments, interest-free, each below 20–30% of the fund.",
        "ja": "QTV20%以上、共同投資家50～75%、運用会社1～5%。存続期間10年以下、融資期間2～5年、"
        "無利子、1案件はファンド総額の20～30%未満。",
    },
    "001 §5.1.4(2)",
    provider=QTV,
    sectors=("technology",),
)
qtv_venture.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


@qtv_venture.criterion(
    "qtv_share_at_least_20pct",
    "001 §5.1.4(2)",
    en="QazTech Ventures holds at least 20% of the fund",
    ja="QTVの参加比率が20%以上であること",
)
def _qv_qtv(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_fund_share >= _d(p.qtv_fund_share_min)


@qtv_venture.criterion(
    "coinvestors_50_to_75pct",
    "001 §5.1.4(2)",
    en="Co-investors hold 50% to 75% of the fund",
    ja="共同投資家の参加比率が50～75%であること",
)
def _qv_coinvestors(f: F, p: P) -> pl.Expr:
    return f.kz_sp_coinvestor_share.is_between(p.coinvestor_share_min, _d(p.coinvestor_share_max))


@qtv_venture.criterion(
    "manager_1_to_5pct",
    "001 §5.1.4(2)",
    en="Fund manager holds 1% to 5% of the fund",
    ja="運用会社の参加比率が1～5%であること",
)
def _qv_manager(f: F, p: P) -> pl.Expr:
    return f.kz_sp_manager_share.is_between(p.manager_share_min, _d(p.manager_share_max))


@qtv_venture.criterion(
    "fund_life_at_most_10_years",
    "001 §5.1.4(2)",
    en="Fund life at most 10 years",
    ja="ファンドの存続期間が10年以下であること",
)
def _qv_life(f: F, p: P) -> pl.Expr:
    return f.kz_sp_fund_life_months <= _months(p.fund_life_max_years)


@qtv_venture.criterion(
    "term_2_to_5_years",
    "001 §5.1.4(2)",
    en="Financing term from 2 to 5 years",
    ja="融資の期間が2～5年であること",
)
def _qv_term(f: F, p: P) -> pl.Expr:
    return f.kz_sp_venture_term_months.is_between(
        _months(p.venture_term_min_years), _months(p.venture_term_max_years)
    )


# Reading: "ファンド総額の20～30%未満" — below 30% is the hard limit; a ticket from 20% up to
# 30% goes to an official, who applies the fund's own cap within that band. Alternative: a
# single limit of 20% (the cautious end) or of 30%.
@qtv_venture.criterion(
    "ticket_below_30pct",
    "001 §5.1.4(2)",
    en="Investment per project below 30% of the fund",
    ja="1案件の投資額がファンド総額の30%未満であること",
)
def _qv_ticket(f: F, p: P) -> pl.Expr:
    return f.kz_sp_venture_investment < f.kz_sp_fund_size * _d(p.venture_ticket_limit)


@qtv_venture.criterion(
    "ticket_below_20pct",
    "001 §5.1.4(2)",
    en="Investment per project below 20% of the fund; from 20% to under 30% the fund's own cap "
    "decides (review)",
    ja="1案件の投資額がファンド総額の20%未満であること（20%以上30%未満はファンドの上限による審査）",
    on_fail="review",
)
def _qv_ticket_review(f: F, p: P) -> pl.Expr:
    return f.kz_sp_venture_investment < f.kz_sp_fund_size * _d(p.venture_ticket_review)


@qtv_venture.value(
    "interest_rate",
    "001 §5.1.4(2)",
    unit="ratio",
    en="Interest rate (none: break-even)",
    ja="利率（なし・損益分岐点）",
)
def _qv_rate(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.venture_rate)


# --- QazTech Ventures innovation support -------------------------------------------------------
qtv_innovation = _program(
    "qtv_innovation",
    "subsidy",
    {
        "en": "QazTech Ventures innovation support (incubation, grants, software rental)",
        "ja": "QazTech Venturesのイノベーション支援（インキュベーション、グラント、"
        "ソフトウェアレンタル）",
    },
    {
        "en": "Incubator operating costs 50:50, under 35m KZT and 5m a month, 3 years; incubator "
        "project grants 80:20 under 50m, 3 years; technology grants under 9m; software rental "
        "under "
        "85m the first year and up to 60m a year for the next four.",
        "ja": "インキュベータ運営費50：50、3,500万未満・月500万未満、3年。"
        "プロジェクトグラント80：20、"
        "5,000万未満、3年。技術グラント900万未満。ソフトウェアレンタル1年目8,500万未満、"
        "続く4年は各年"
        "6,000万以下。",
    },
    "001 §5.1.5(5)",
    provider=QTV,
    sectors=("technology",),
)
qtv_innovation.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


def _instrument(name: str) -> RuleFn:
    def applies(f: F, p: P) -> pl.Expr:
        return f.kz_sp_qtv_instrument == name

    return applies


@qtv_innovation.criterion(
    "incubator_total_below_35m",
    "001 §5.1.5(5) b1",
    en="Incubator operating-cost compensation below 35m KZT in total",
    ja="インキュベータ運営費の補償総額が3,500万テンゲ未満であること",
    applies=_instrument("incubator_operating_costs"),
)
def _qi_total(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_amount < _d(p.incubator_total_limit)


@qtv_innovation.criterion(
    "incubator_month_below_5m",
    "001 §5.1.5(5) b1",
    en="Incubator operating-cost compensation below 5m KZT a month",
    ja="月あたりの運営費補償が500万テンゲ未満であること",
    applies=_instrument("incubator_operating_costs"),
)
def _qi_month(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_month_max < _d(p.incubator_month_limit)


@qtv_innovation.criterion(
    "incubator_state_half",
    "001 §5.1.5(5) b1",
    en="State compensation at most half of the operating costs (50:50)",
    ja="国の補償が運営費の半分以下であること（50：50）",
    applies=_instrument("incubator_operating_costs"),
)
def _qi_half(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_amount <= f.kz_sp_qtv_cost_base * _d(p.incubator_budget_share)


@qtv_innovation.criterion(
    "project_grant_below_50m",
    "001 §5.1.5(5) b2",
    en="Incubator project grant below 50m KZT",
    ja="インキュベータ向けプロジェクトのグラントが5,000万テンゲ未満であること",
    applies=_instrument("incubator_project"),
)
def _qi_project(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_amount < _d(p.incubator_project_limit)


@qtv_innovation.criterion(
    "project_state_80pct",
    "001 §5.1.5(5) b2",
    en="Grant at most 80% of the project cost (80:20 with own funds)",
    ja="グラントがプロジェクト費用の80%以下であること（自己資金と80：20）",
    applies=_instrument("incubator_project"),
)
def _qi_project_share(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_amount <= f.kz_sp_qtv_cost_base * _d(p.incubator_project_budget_share)


@qtv_innovation.criterion(
    "incubation_term_3_years",
    "001 §5.1.5(5) b1-b2",
    en="Incubation support for at most 3 years",
    ja="インキュベーション支援の期間が3年以内であること",
    applies=lambda f, p: f.kz_sp_qtv_instrument.is_in(
        ["incubator_operating_costs", "incubator_project"]
    ),
)
def _qi_term(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_term_months <= _months(p.incubator_term_years)


@qtv_innovation.criterion(
    "technology_grant_below_9m",
    "001 §5.1.5(5) b4",
    en="Technology grant below 9m KZT per project",
    ja="1案件あたりのグラントが900万テンゲ未満であること",
    applies=_instrument("technology_grant"),
)
def _qi_grant(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_amount < _d(p.technology_grant_limit)


@qtv_innovation.criterion(
    "rental_first_year_below_85m",
    "001 §5.1.5(5) b5",
    en="Software rental: first year below 85m KZT",
    ja="ソフトウェアレンタル：1年目が8,500万テンゲ未満であること",
    applies=_instrument("software_rental"),
)
def _qi_rental_first(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_amount < _d(p.rental_first_year_limit)


# Reading: "続く4年間は6,000万テンゲ" is a cap for each of the four years (no "未満": at most).
# Alternative: 60m in total over the four years.
@qtv_innovation.criterion(
    "rental_later_years_60m",
    "001 §5.1.5(5) b5",
    en="Software rental: at most 60m KZT in each of the following four years",
    ja="ソフトウェアレンタル：続く4年間の各年が6,000万テンゲ以下であること",
    applies=_instrument("software_rental"),
)
def _qi_rental_later(f: F, p: P) -> pl.Expr:
    return f.kz_sp_rental_later_year_max <= _d(p.rental_later_year_max)


@qtv_innovation.criterion(
    "rental_term_5_years",
    "001 §5.1.5(5) b5",
    en="Software rental for at most 5 years (first year plus four)",
    ja="ソフトウェアレンタルの期間が5年以内であること（1年目＋4年間）",
    applies=_instrument("software_rental"),
)
def _qi_rental_term(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_term_months <= _months(p.rental_term_years)


# --- Innovation vouchers --------------------------------------------------------------------------
voucher = _program(
    "innovation_voucher",
    "subsidy",
    {
        "en": "Innovation voucher for technological development (up to EUR 20,000)",
        "ja": "技術開発向けイノベーション・バウチャー（2万ユーロ以内）",
    },
    {
        "en": "A group 1 measure, open also to groups 2 and 3 (cumulative entitlements): up to "
        "EUR 20,000 for prototypes, testing, market research, feasibility studies, design, "
        "digitalisation or other research and consulting.",
        "ja": "第1グループの施策（第2・第3グループも利用可）。プロトタイプ開発、テスト、市場調査、"
        "F/S、"
        "設計、デジタル化、その他調査・コンサルに2万ユーロ以内。",
    },
    "001 §5.2 Group 1 (vouchers)",
    provider={
        "en": "authorised body for state support of innovation",
        "ja": "政府イノベーション活動支援策担当当局",
    },
)


@voucher.criterion(
    "voucher_group",
    "001 §5.2 Group 2",
    en="Applies as a group 1, 2 or 3 firm (groups 2 and 3 may use group 1's measures)",
    ja="第1～第3グループとして申請すること（第2・第3グループは第1グループの施策を利用可）",
)
def _v_group(f: F, p: P) -> pl.Expr:
    return f.kz_sp_category.is_in(["new_industrial_player", "strong_rear", "growth_driver"])


_requires_category(
    voucher, new_industrial_player, strong_rear, growth_driver, cite="001 §5.2 Group 1 (vouchers)"
)


@voucher.criterion(
    "amount_at_most_20000_eur",
    "001 §5.2 Group 1 (vouchers)",
    en="Voucher at most EUR 20,000",
    ja="バウチャーの額が2万ユーロ以内であること",
)
def _v_amount(f: F, p: P) -> pl.Expr:
    return f.kz_sp_voucher_amount <= _d(p.voucher_max)


@voucher.criterion(
    "eligible_use",
    "001 §5.2 Group 1 (vouchers)",
    en="Used for prototypes, testing, market research, feasibility studies, design, "
    "digitalisation, or other research and consulting",
    ja="プロトタイプ開発、テスト、市場調査、F/S準備、設計、デジタル化又はその他の調査・コンサルに"
    "用いること",
)
def _v_use(f: F, p: P) -> pl.Expr:
    return f.kz_sp_voucher_use != "other"


@voucher.value(
    "voucher_max",
    "001 §5.2 Group 1 (vouchers)",
    unit="EUR",
    en="Largest voucher",
    ja="バウチャーの上限額",
)
def _v_max(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.voucher_max)


# --- Procedures: deadline rules built from the parameter file --------------------------------
def agreement_term(as_of: dt.date) -> Period:
    """The first term of a competitiveness agreement concluded on ``as_of`` (5 years, the
    corresponding-day rule, as the ``end_date`` value of the agreement program)."""
    years: int = PARAMETERS["cia_term_years"].as_of(as_of).value
    return Period(months=years * 12, citation=cite("001 §5.2 CIA"))


# Reading: "by the end of the first half of 2020" is 30 June 2020, a fixed day (the parameter
# holds it); no working-day shift is stated. Alternative: the first working day of July.
def regional_programme_deadline(as_of: dt.date = dt.date(2020, 1, 1)) -> FixedDate:
    """By when akimats adjust regional programmes to the planned key indicators, as a fixed
    day counted from the Program's entry into force (apply ``.due`` to 1 January 2020)."""
    due: dt.date = PARAMETERS["regional_programme_deadline"].as_of(as_of).value
    start = IN_FORCE["in_force_from"]
    return FixedDate(
        due.month, due.day, cite("001 §5.3 regional programmes"), due.year - start.year
    )
