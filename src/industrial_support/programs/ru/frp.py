"""Russia: Industrial Development Fund (FRP) loans — seed 004 §1-1 and §1-2.

* ``ru.frp.development`` (§1-1, "Development Projects"): who may apply, the industries, the
  project's cost lines (loan-financeable, capped, excluded), the loan's size, rate and term,
  co-financing, and the new-product sales target.
* ``ru.frp.leasing`` (§1-2, loans for finance leases of production equipment): the same
  applicants and industries, the loan's size and its limits against the budget, the
  equipment cost and the lease advance, the term, and the accredited lessors and banks.

The repayment schedule and the application stages of §1-1(5) are plain functions below,
exact in Decimal, with dates on the deadline rules of ``engine.deadlines``.

Cost lines are totals per category of one project (facts ``frp_cost_*``). Unknown lines stay
unknown: a project with nothing in a category gives 0, not a blank.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Literal

import polars as pl

from ...engine.citations import cite
from ...engine.deadlines import CalendarDays, Period, period_end_expr
from ...engine.facts import FactsView as F
from ...engine.facts import catalog
from ...engine.parameters import ParameterSet
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, ValuesView
from ...engine.rules import amount, greatest, least
from . import common as _common  # noqa: F401  - the shared RU facts read below

facts = catalog("RU")

PARAMETERS = ParameterSet.load(Path(__file__).with_name("frp.yaml"))

# ------------------------------------------------------------------------------------- facts

INDUSTRIES = ("manufacturing", "machinery_repair", "other")
facts.define(
    "frp_industry",
    "enum",
    values=INDUSTRIES,
    en="Industry of the project: manufacturing (any branch, automotive included), repair of "
    "machinery and equipment, or other",
    ja="事業の業種：製造業（自動車関連を含む各種）、機械修理業、その他",
)
facts.define(
    "frp_loan_amount",
    "money",
    currency="RUB",
    en="Loan requested from the Fund",
    ja="工業発展基金への申請融資額",
)
facts.define(
    "frp_project_budget",
    "money",
    currency="RUB",
    en="Total budget of the project",
    ja="事業予算の総額",
)
facts.define(
    "frp_cofinancing",
    "money",
    currency="RUB",
    en="Part of the project budget raised from the applicant itself, private investors or "
    "banks (the Fund's loan not included)",
    ja="事業予算のうち申請者自身・民間投資家・銀行から調達する額（基金の融資を除く）",
)
facts.define(
    "frp_loan_term_months",
    "integer",
    unit="months",
    en="Term of the loan in months",
    ja="融資期間（月数）",
)

# §1-1 Development Projects
facts.define(
    "frp_own_funds",
    "money",
    currency="RUB",
    en="Part of the co-financing that comes from the applicant's own or its shareholders' funds",
    ja="共同出資のうち申請者の自己資金又は株主資金からの調達額",
)
facts.define(
    "frp_guarantee",
    "enum",
    values=("none", "bank", "sme_corporation", "comparable"),
    en="Guarantee backing the loan: none, a bank's, the SME Corporation's, or another "
    "guarantor of that kind the Fund accepts",
    ja="融資の保証：なし、銀行、中小企業発展公社、又は基金が認める同種の保証機関",
)
facts.define(
    "frp_planned_yearly_new_product_sales",
    "money",
    currency="RUB",
    en="Smallest planned yearly sales of the new product over the years the target covers",
    ja="目標対象年度における新製品の計画年間販売額の最小値",
)
facts.define(
    "frp_application_submitted_on",
    "date",
    en="Day the completed application was filed with the Fund (stage 3 of the application flow)",
    ja="完成した申請文書を工業発展基金に提出した日（申請フローの第3段階）",
)
for _name, (_en, _ja) in {
    "frp_draft_submitted_on": (
        "Day the draft application went to the Fund (stage 1)",
        "申請文書案を基金へ提示した日（第1段階）",
    ),
    "frp_application_returned_on": (
        "Day the Fund returned the application for correction in the desk review (stage 4)",
        "窓口審査で修正のため差し戻された日（第4段階）",
    ),
    "frp_due_diligence_started_on": (
        "Day the due diligence began (stage 5)",
        "デューデリジェンスの開始日（第5段階）",
    ),
    "frp_questions_received_on": (
        "Day the reviewers' questions reached the applicant (stage 5)",
        "審査員からの質問を受けた日（第5段階）",
    ),
    "frp_due_diligence_notice_on": (
        "Day the applicant was told the due diligence is over (stage 6)",
        "デューデリジェンス終了の通知を受けた日（第6段階）",
    ),
    "frp_council_meeting_on": (
        "Day of the expert council's meeting (stages 6-7)",
        "専門家評価会合の開催日（第6・7段階）",
    ),
    "frp_council_approved_on": (
        "Day the expert council approved the project (stage 8)",
        "専門家評価会合で承認された日（第8段階）",
    ),
}.items():
    facts.define(_name, "date", en=_en, ja=_ja)
facts.define(
    "frp_additional_documents",
    "integer",
    unit="count",
    minimum=0,
    en="Additional documents filed with the application for the desk review (0 if none)",
    ja="窓口審査のため申請に添付した追加文書の数（なければ0）",
)
_COST_LINES = {
    # loan-financeable in full (§1-1(3))
    "frp_cost_development_work": (
        "Research and development, process development, testing in production or marketing, "
        "patent searches and patenting of the results, certification",
        "研究開発・製法開発、製造過程又は販売時の試験、特許調査及び成果の特許取得、認証手続",
    ),
    "frp_cost_surveys_and_design_documents": (
        "Engineering surveys and project documentation",
        "工事測量及びプロジェクト文書の作成",
    ),
    "frp_cost_ip_purchase": ("Purchase of intellectual property rights", "知的財産権の購入"),
    "frp_cost_production_equipment": ("Purchase of production equipment", "生産設備の調達"),
    "frp_cost_design_equipment": (
        "Purchase of equipment for design and development work",
        "設計開発業務用機器の調達",
    ),
    "frp_cost_feasibility_and_due_diligence": (
        "Feasibility studies and due diligence (market research not included)",
        "FS調査及びデューデリジェンス（市場調査を除く）",
    ),
    # loan-financeable in part (§1-1(3))
    "frp_cost_consumables": (
        "Consumables bought to develop the new product or technology",
        "新製品・技術開発のための消耗品の調達",
    ),
    "frp_cost_overhead": (
        "General, administrative and operating costs",
        "一般管理費・オペレーションコスト",
    ),
    # not loan-financeable (§1-1(3))
    "frp_cost_buildings": (
        "Construction or renovation of buildings and structures",
        "建物及び構造物の建設・改修",
    ),
    "frp_cost_basic_research": ("Basic research", "基礎研究"),
    "frp_cost_real_estate": ("Acquisition of real estate", "不動産の取得"),
    "frp_cost_military": ("Manufacture of military products", "軍事関連製品の製造"),
    "frp_cost_refinancing_and_interest": (
        "Refinancing of loans and interest on loans or debts",
        "融資の借り換え及び融資・債務の利払い",
    ),
    "frp_cost_other": (
        "Costs in none of the listed lines (market research, for example)",
        "上記のいずれにも該当しない費用（市場調査等）",
    ),
}
for _name, (_en, _ja) in _COST_LINES.items():
    facts.define(
        _name,
        "money",
        currency="RUB",
        en=f"Project costs, total of the line: {_en} (0 if none)",
        ja=f"事業費のうち次の区分の合計額：{_ja}（なければ0）",
    )
FULLY_FINANCEABLE = tuple(list(_COST_LINES)[:6])
EXCLUDED = tuple(list(_COST_LINES)[8:])

# §1-2 leasing
facts.define(
    "frp_equipment_cost",
    "money",
    currency="RUB",
    en="Cost of the production equipment acquired under the finance lease",
    ja="ファイナンス・リースで調達する生産設備の調達額",
)
facts.define(
    "frp_lease_advance",
    "money",
    currency="RUB",
    en="Advance (down payment) due to the lessor for the equipment",
    ja="リース会社に支払う機器の頭金",
)
facts.define(
    "frp_lease_term_months",
    "integer",
    unit="months",
    en="Term of the lease in months",
    ja="リース期間（月数）",
)
facts.define(
    "frp_lease_production_equipment",
    "boolean",
    en="The loan finances production equipment taken under a finance lease (not buildings, "
    "real estate, basic research, or refinancing and interest)",
    ja="融資がファイナンス・リースによる生産設備の調達に充てられること（建物、不動産、基礎研究、"
    "借り換え・利払いではないこと）",
)
facts.define(
    "frp_lease_military_products",
    "boolean",
    en="The leased equipment is for manufacturing military products",
    ja="リース機器が軍事関連製品の製造に用いられること",
)
facts.define(
    "frp_lessor",
    "text",
    en="Leasing company, by its key in the Fund's list (e.g. sberbank_leasing, gtlk); "
    "see the parameter accredited_lessors",
    ja="リース会社（基金の認定リスト上のキー。例：sberbank_leasing、gtlk）",
)
facts.define(
    "frp_lessor_accredited_otherwise",
    "boolean",
    en="The leasing company is not on the survey's list but the Fund has accredited it",
    ja="リース会社が調査のリストにないが、基金が認定していること",
)
facts.define(
    "frp_refinancing_via_bank",
    "boolean",
    en="The lessor's funding is to be refinanced at the Central Bank through a bank",
    ja="中央銀行からの借り換えを銀行経由で行う予定であること",
)
facts.define(
    "frp_bank",
    "text",
    en="Bank for the refinancing, by its key in the Fund's list (e.g. sberbank, vtb); "
    "see the parameter accredited_banks",
    ja="借り換えを行う銀行（基金の認定銀行リスト上のキー。例：sberbank、vtb）",
)

# ---------------------------------------------------------------------------------- programs

PROVIDER = {"en": "Industrial Development Fund (FRP)", "ja": "工業発展基金"}

development = Program(
    id="ru.frp.development",
    jurisdiction="RU",
    kind="loan",
    sectors=("manufacturing", "machinery"),
    title={
        "en": "FRP 'Development Projects' loan",
        "ja": "工業発展基金「開発プロジェクト」融資",
    },
    summary={
        "en": "Loan of 50–500m RUB at 5% (3% for three years with a guarantee) for developing "
        "and launching new products in manufacturing.",
        "ja": "製造業の新製品・技術の開発と量産化に対する5,000万〜5億ルーブルの融資"
        "（利率5%、保証付きなら当初3年3%）。",
    },
    provider=PROVIDER,
    source="004 §1-1",
    parameters=PARAMETERS,
)

leasing = Program(
    id="ru.frp.leasing",
    jurisdiction="RU",
    kind="loan",
    sectors=("manufacturing", "machinery"),
    title={
        "en": "FRP leasing support (loan for a finance lease)",
        "ja": "工業発展基金リース支援（ファイナンス・リース向け融資）",
    },
    summary={
        "en": "Loan of 5–500m RUB at 1% towards the advance on production equipment taken "
        "under a finance lease from an accredited lessor.",
        "ja": "認定リース会社からのファイナンス・リースによる生産設備の頭金に対する"
        "500万〜5億ルーブルの融資（利率1%）。",
    },
    provider=PROVIDER,
    source="004 §1-2",
    parameters=PARAMETERS,
)


def _applicant_and_industry(program: Program, section: str) -> None:
    """Who may apply and in which industries: the same words in §1-1 and §1-2."""

    # Reading: the two bullets "legal entity operating in Russia" and "Russian resident" are
    # read together as one class, a legal entity resident (registered) in Russia; the
    # alternative would also admit individuals resident in Russia.
    @program.criterion(
        "russian_legal_entity",
        f"004 {section}(1)",
        en="The applicant is a legal entity resident in Russia",
        ja="申請者がロシアの居住者である法人であること",
    )
    def _resident(f: F, p: P) -> pl.Expr:
        return f.ru_resident_legal_entity

    @program.criterion(
        "not_offshore_subsidiary",
        f"004 {section}(1)",
        en="Not a subsidiary of a foreign company in a low-tax jurisdiction",
        ja="低税率国・地域に所在する外国企業の子会社でないこと",
    )
    def _offshore_parent(f: F, p: P) -> pl.Expr:
        return f.offshore_parent.not_()

    @program.criterion(
        "not_offshore_beneficiary",
        f"004 {section}(1)",
        en="No beneficiary is a non-resident living in a low-tax jurisdiction",
        ja="低税率国・地域に居住する非居住者が受益者でないこと",
    )
    def _offshore_beneficiary(f: F, p: P) -> pl.Expr:
        return f.offshore_beneficiary.not_()

    @program.criterion(
        "not_in_reorganisation_or_bankruptcy",
        f"004 {section}(1)",
        en="Not being reorganised and not in bankruptcy",
        ja="企業再建中又は破産手続中でないこと",
    )
    def _bankruptcy(f: F, p: P) -> pl.Expr:
        return f.in_reorganisation_liquidation_or_bankruptcy.not_()

    @program.criterion(
        "no_tax_arrears",
        f"004 {section}(1)",
        en="No overdue taxes or other public charges",
        ja="税等の公租公課の滞納がないこと",
    )
    def _arrears(f: F, p: P) -> pl.Expr:
        return f.tax_arrears.not_()

    @program.criterion(
        "industry_covered",
        f"004 {section}(2)",
        en="The project is in manufacturing (automotive included) or machinery repair",
        ja="事業が製造業（自動車関連を含む）又は機械修理業であること",
    )
    def _industry(f: F, p: P) -> pl.Expr:
        return f.frp_industry.is_in(["manufacturing", "machinery_repair"])


def _total(names: Sequence[str]) -> pl.Expr:
    # Plain "+" keeps a missing line unknown (sum_horizontal would skip nulls).
    expr = pl.col(names[0])
    for name in names[1:]:
        expr = expr + pl.col(name)
    return expr


# ------------------------------------------------------------------- §1-1 Development Projects

_applicant_and_industry(development, "§1-1")


@development.criterion(
    "loan_in_range",
    "004 §1-1(4)",
    en="Loan between 50m and 500m RUB (both included)",
    ja="融資額が5,000万ルーブル以上5億ルーブル以下であること",
)
def _dev_loan(f: F, p: P) -> pl.Expr:
    return f.frp_loan_amount.is_between(amount(p.dev_loan_min), amount(p.dev_loan_max))


@development.criterion(
    "project_budget_min",
    "004 §1-1(4)",
    en="Project budget of at least 100m RUB",
    ja="事業予算が1億ルーブル以上であること",
)
def _dev_budget(f: F, p: P) -> pl.Expr:
    return f.frp_project_budget >= amount(p.dev_project_budget_min)


@development.criterion(
    "term_max",
    "004 §1-1(4)",
    en="Loan term of at most 5 years",
    ja="融資期間が5年以下であること",
)
def _dev_term(f: F, p: P) -> pl.Expr:
    return f.frp_loan_term_months <= pl.lit(p.loan_term_max_years * 12)


@development.criterion(
    "cofinancing_min",
    "004 §1-1(4)",
    en="At least half of the budget comes from the applicant, private investors or banks",
    ja="事業予算の50%以上を申請者・民間投資家・銀行から調達すること",
)
def _dev_cofinancing(f: F, p: P) -> pl.Expr:
    return f.frp_cofinancing >= f.frp_project_budget * amount(p.dev_cofinancing_share_min)


@development.criterion(
    "own_funds_min",
    "004 §1-1(4)",
    en="Own or shareholder funds of at least 15% of the loan",
    ja="自己資本・株主資本からの調達額が融資額の15%以上であること",
)
def _dev_own_funds(f: F, p: P) -> pl.Expr:
    return f.frp_own_funds >= f.frp_loan_amount * amount(p.dev_own_funds_share_of_loan_min)


@development.criterion(
    "sales_target",
    "004 §1-1(4)",
    en="Planned yearly sales of the new product of at least half the loan",
    ja="新製品の計画年間販売額が融資額の50%以上であること",
)
def _dev_sales(f: F, p: P) -> pl.Expr:
    target = f.frp_loan_amount * amount(p.dev_sales_target_share_of_loan)
    return f.frp_planned_yearly_new_product_sales >= target


# Reading (docs/readings.md): the sentence on mass production from the loan's second year
# stands under the sales target and says when that target starts to count; it sets no
# condition on the year mass production begins, so no criterion reads that year.


@development.criterion(
    "not_military",
    "004 §1-1(3)",
    en="The project does not manufacture military products",
    ja="事業が軍事関連製品の製造でないこと",
)
def _dev_military(f: F, p: P) -> pl.Expr:
    # The same excluded purpose bars leasing support (§1-2(3)): a project with any cost of
    # manufacturing military products is not financed at all, not just that cost line.
    return f.frp_cost_military == 0


# Reading: "the loan amount is at most 20% (15%) of the procurement amount (the costs)" caps the
# part of the consumables (overheads) line the loan may pay for at 20% (15%) of that line.
# Alternative: the loan's spending on consumables (overheads) is capped at 20% (15%) of the
# loan. The excluded lines do not bar a project: they are simply not financeable by the loan —
# except military manufacture, a purpose rather than a cost, which bars it (not_military).
@development.criterion(
    "loan_within_financeable_cost",
    "004 §1-1(3)",
    en="The loan does not exceed the project costs it may finance (eligible lines, with "
    "consumables counted at 20% and overheads at 15%)",
    ja="融資額が融資対象となる事業費（消耗品は20%、一般管理費等は15%まで算入）を超えないこと",
)
def _dev_financeable(f: F, p: P) -> pl.Expr:
    return f.frp_loan_amount <= _financeable(p)


def _consumables_cap(p: P) -> pl.Expr:
    return pl.col("frp_cost_consumables") * amount(p.dev_consumables_loan_share_max)


def _overhead_cap(p: P) -> pl.Expr:
    return pl.col("frp_cost_overhead") * amount(p.dev_overhead_loan_share_max)


def _financeable(p: P) -> pl.Expr:
    return _total(FULLY_FINANCEABLE) + _consumables_cap(p) + _overhead_cap(p)


def _guaranteed(f: F) -> pl.Expr:
    return f.frp_guarantee != "none"


@development.value(
    "loan",
    "004 §1-1(4)",
    unit="RUB",
    en="Loan the Fund would grant: the amount asked for",
    ja="基金が供与する融資額（申請額）",
)
def _v_loan(f: F, p: P, v: ValuesView) -> pl.Expr:
    # Eligible means the amount asked is within the range and the financeable cost.
    return f.frp_loan_amount


@development.value(
    "eligible_cost",
    "004 §1-1(3)",
    unit="RUB",
    en="Project costs in eligible lines (consumables and overheads in full)",
    ja="融資対象区分の事業費（消耗品・一般管理費等は全額）",
    kind="requirement",
)
def _v_eligible(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _total((*FULLY_FINANCEABLE, "frp_cost_consumables", "frp_cost_overhead"))


@development.value(
    "consumables_loan_cap",
    "004 §1-1(3)",
    unit="RUB",
    en="Largest loan spending on consumables (20% of their cost)",
    ja="消耗品に充てられる融資額の上限（調達額の20%）",
    kind="requirement",
)
def _v_consumables(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _consumables_cap(p)


@development.value(
    "overhead_loan_cap",
    "004 §1-1(3)",
    unit="RUB",
    en="Largest loan spending on general, administrative and operating costs (15% of them)",
    ja="一般管理費・オペレーションコストに充てられる融資額の上限（同費用の15%）",
    kind="requirement",
)
def _v_overhead(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _overhead_cap(p)


@development.value(
    "financeable_cost",
    "004 §1-1(3)",
    unit="RUB",
    en="Project costs the loan may finance",
    ja="融資で賄える事業費",
    kind="requirement",
)
def _v_financeable(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _financeable(p)


@development.value(
    "excluded_cost",
    "004 §1-1(3)",
    unit="RUB",
    en="Project costs the loan may not finance (excluded lines and unlisted costs)",
    ja="融資の対象外となる事業費（対象外区分及びいずれにも該当しない費用）",
    kind="requirement",
)
def _v_excluded(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _total(EXCLUDED)


@development.value(
    "largest_loan",
    "004 §1-1(3),(4)",
    unit="RUB",
    en="Largest loan: 500m RUB or the financeable cost, whichever is smaller",
    ja="融資額の上限：5億ルーブルと融資で賄える事業費のいずれか小さい方",
    kind="requirement",
)
def _v_largest(f: F, p: P, v: ValuesView) -> pl.Expr:
    return least(amount(p.dev_loan_max), v.financeable_cost)


@development.value(
    "interest_rate_first_years",
    "004 §1-1(4)",
    unit="ratio",
    en="Interest rate in the first 3 years (3% with a bank or SME Corporation guarantee, else 5%)",
    ja="当初3年間の利率（銀行・中小企業発展公社等の保証付きなら3%、それ以外は5%）",
)
def _v_rate_first(f: F, p: P, v: ValuesView) -> pl.Expr:
    return (
        pl.when(_guaranteed(f))
        .then(amount(p.dev_rate_guaranteed))
        .when(_guaranteed(f).not_())
        .then(amount(p.dev_rate))
    )


@development.value(
    "interest_rate_later_years",
    "004 §1-1(4)",
    unit="ratio",
    en="Interest rate from the fourth year to maturity",
    ja="4年目以降満期までの利率",
)
def _v_rate_later(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.dev_rate)


# Reading: the survey sets no repayment profile. "Interest in the first three years" is the
# interest on the full principal over the first 36 months of the term (or the whole term if
# shorter), i.e. with no principal repaid before year 4; rounded half-up to the kopeck. The
# alternative (principal repaid during the first years) gives less: see repayment_schedule().
@development.value(
    "interest_first_3_years",
    "004 §1-1(4)",
    unit="RUB",
    rounding="half_up",
    en="Interest over the first 3 years (or the whole term if shorter), principal outstanding",
    ja="当初3年間（期間がそれより短い場合は全期間）の利息（元本据置の場合）",
)
def _v_interest(f: F, p: P, v: ValuesView) -> pl.Expr:
    months = least(f.frp_loan_term_months, pl.lit(p.dev_guaranteed_rate_years * 12))
    return f.frp_loan_amount * v.interest_rate_first_years * months.cast(pl.Int64) / 12


@development.value(
    "min_cofinancing",
    "004 §1-1(4)",
    unit="RUB",
    en="Smallest co-financing from the applicant, investors or banks (50% of the budget)",
    ja="申請者・民間投資家・銀行からの最低調達額（事業予算の50%）",
    kind="requirement",
)
def _v_min_cofinancing(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.frp_project_budget * amount(p.dev_cofinancing_share_min)


@development.value(
    "min_own_funds",
    "004 §1-1(4)",
    unit="RUB",
    en="Smallest own or shareholder funds (15% of the loan)",
    ja="自己資本・株主資本からの最低調達額（融資額の15%）",
    kind="requirement",
)
def _v_min_own(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.frp_loan_amount * amount(p.dev_own_funds_share_of_loan_min)


@development.value(
    "yearly_sales_target",
    "004 §1-1(4)",
    unit="RUB",
    en="Yearly sales target for the new product (50% of the loan)",
    ja="新製品の年間販売目標（融資額の50%）",
    kind="requirement",
)
def _v_sales(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.frp_loan_amount * amount(p.dev_sales_target_share_of_loan)


@development.value(
    "sales_target_from_loan_year",
    "004 §1-1(4)",
    unit="years",
    en="First loan year in which the yearly sales target is measured",
    ja="年間販売目標を測る最初の融資年度",
    kind="requirement",
)
def _v_sales_year(f: F, p: P, v: ValuesView) -> pl.Expr:
    return pl.lit(p.dev_sales_target_from_loan_year)


@development.value(
    "desk_review_due",
    "004 §1-1(5) step 4",
    unit="date",
    kind="deadline",
    en="Last day of the Fund's desk review: 5 days after filing, plus 2 per additional document",
    ja="窓口審査の期限（提出から5日、追加文書1つにつき2日を加算）",
)
def _v_desk_review(f: F, p: P, v: ValuesView) -> pl.Expr:
    # The same count as desk_review_due() below (calendar days, not counting the filing day).
    days = pl.lit(p.dev_desk_review_days) + f.frp_additional_documents * pl.lit(
        p.dev_desk_review_days_per_extra_document
    )
    return f.frp_application_submitted_on + pl.duration(days=days)


def _days_after(event: pl.Expr, days: int) -> pl.Expr:
    return event + pl.duration(days=days)


# The other stage limits of §1-1(5), as deadline values counted like the functions below
# (calendar days; months end on the corresponding day, RU Civil Code Art.192(3)).
@development.value(
    "precheck_due",
    "004 §1-1(5) step 2",
    unit="date",
    kind="deadline",
    en="Last day of the Fund's pre-check of the draft (5 days)",
    ja="申請文書案の事前確認の期限（5日以内）",
)
def _v_precheck(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _days_after(f.frp_draft_submitted_on, p.dev_precheck_days)


@development.value(
    "revision_due",
    "004 §1-1(5) step 4",
    unit="date",
    kind="deadline",
    en="Last day to correct a returned application before the review ends (4 months)",
    ja="差し戻された申請の修正期限（4カ月以内。過ぎれば審査終了）",
)
def _v_revision(f: F, p: P, v: ValuesView) -> pl.Expr:
    return period_end_expr(
        f.frp_application_returned_on, months=p.dev_revision_months, start_day_counted=False
    )


@development.value(
    "due_diligence_due",
    "004 §1-1(5) step 5",
    unit="date",
    kind="deadline",
    en="Last day of the due diligence (40 days)",
    ja="デューデリジェンスの期限（40日以内）",
)
def _v_due_diligence(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _days_after(f.frp_due_diligence_started_on, p.dev_due_diligence_days)


@development.value(
    "answer_due",
    "004 §1-1(5) step 5",
    unit="date",
    kind="deadline",
    en="Last day to answer the reviewers' questions before the review is suspended (30 days)",
    ja="審査員からの質問への回答期限（30日以内。過ぎれば審査中断）",
)
def _v_answer(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _days_after(f.frp_questions_received_on, p.dev_answer_days)


@development.value(
    "council_documents_due",
    "004 §1-1(5) step 6",
    unit="date",
    kind="deadline",
    en="Last day to ready the expert council's documents: 5 days after the due-diligence "
    "notice, and no later than 15 days before the meeting",
    ja="専門家会合用文書の準備期限（終了通知から5日以内、かつ会合の15日前まで）",
)
def _v_council(f: F, p: P, v: ValuesView) -> pl.Expr:
    after_notice = _days_after(f.frp_due_diligence_notice_on, p.dev_council_preparation_days)
    before_meeting = f.frp_council_meeting_on - pl.duration(days=p.dev_council_lead_days)
    return least(after_notice, before_meeting)


@development.value(
    "loan_agreement_due",
    "004 §1-1(5) step 9",
    unit="date",
    kind="deadline",
    en="Last day to sign the loan agreement after the council's approval (2 months)",
    ja="専門家会合での承認後の融資契約締結期限（2カ月以内）",
)
def _v_loan_agreement(f: F, p: P, v: ValuesView) -> pl.Expr:
    return period_end_expr(
        f.frp_council_approved_on, months=p.dev_agreement_months, start_day_counted=False
    )


# ---------------------------------------------------------------------------- §1-2 leasing

_applicant_and_industry(leasing, "§1-2")


@leasing.criterion(
    "production_equipment",
    "004 §1-2(3)",
    en="The loan finances production equipment under a finance lease (no excluded purpose)",
    ja="融資がファイナンス・リースによる生産設備の調達に充てられること（対象外の目的でないこと）",
)
def _l_equipment(f: F, p: P) -> pl.Expr:
    return f.frp_lease_production_equipment


@leasing.criterion(
    "not_military",
    "004 §1-2(3)",
    en="The equipment is not for manufacturing military products",
    ja="機器が軍事関連製品の製造用でないこと",
)
def _l_military(f: F, p: P) -> pl.Expr:
    return f.frp_lease_military_products.not_()


@leasing.criterion(
    "loan_in_range",
    "004 §1-2(4)",
    en="Loan between 5m and 500m RUB (both included)",
    ja="融資額が500万ルーブル以上5億ルーブル以下であること",
)
def _l_loan(f: F, p: P) -> pl.Expr:
    return f.frp_loan_amount.is_between(amount(p.lease_loan_min), amount(p.lease_loan_max))


@leasing.criterion(
    "project_budget_min",
    "004 §1-2(4)",
    en="Project budget of at least 20m RUB",
    ja="事業予算が2,000万ルーブル以上であること",
)
def _l_budget(f: F, p: P) -> pl.Expr:
    return f.frp_project_budget >= amount(p.lease_project_budget_min)


@leasing.criterion(
    "cofinancing_min",
    "004 §1-2(4)",
    en="At least 73% of the budget comes from the applicant, private investors or banks",
    ja="事業予算の73%以上を申請者・民間投資家・銀行から調達すること",
)
def _l_cofinancing(f: F, p: P) -> pl.Expr:
    return f.frp_cofinancing >= f.frp_project_budget * amount(p.lease_cofinancing_share_min)


@leasing.criterion(
    "loan_share_of_budget_max",
    "004 §1-2(4)",
    en="Loan of at most 27% of the project budget",
    ja="融資額が事業予算の27%以下であること",
)
def _l_budget_share(f: F, p: P) -> pl.Expr:
    return f.frp_loan_amount <= f.frp_project_budget * amount(p.lease_loan_share_of_budget_max)


@leasing.criterion(
    "loan_share_of_equipment",
    "004 §1-2(4)",
    en="Loan between 10% and 50% of the equipment cost (both included)",
    ja="融資額が機器調達額の10%以上50%以下であること",
)
def _l_equipment_share(f: F, p: P) -> pl.Expr:
    return f.frp_loan_amount.is_between(
        f.frp_equipment_cost * amount(p.lease_loan_share_of_equipment_min),
        f.frp_equipment_cost * amount(p.lease_loan_share_of_equipment_max),
    )


# Reading: "the Fund lends 10–90% of the equipment's advance" bounds the loan against the
# advance (down payment) due to the lessor, both ends included; alternative: the advance itself
# must be 10–90% of the equipment cost.
@leasing.criterion(
    "loan_share_of_advance",
    "004 §1-2(4)",
    en="Loan between 10% and 90% of the lease advance (both included)",
    ja="融資額が機器の頭金の10%以上90%以下であること",
)
def _l_advance_share(f: F, p: P) -> pl.Expr:
    return f.frp_loan_amount.is_between(
        f.frp_lease_advance * amount(p.lease_loan_share_of_advance_min),
        f.frp_lease_advance * amount(p.lease_loan_share_of_advance_max),
    )


@leasing.criterion(
    "term_max",
    "004 §1-2(4)",
    en="Loan term of at most 5 years and within the lease term",
    ja="融資期間が5年以下で、かつリース期間内であること",
)
def _l_term(f: F, p: P) -> pl.Expr:
    return (f.frp_loan_term_months <= pl.lit(p.lease_term_max_years * 12)) & (
        f.frp_loan_term_months <= f.frp_lease_term_months
    )


# Reading: the survey lists the "main" accredited lessors, so the list is not closed: a lessor
# off the list passes when the Fund has accredited it (a fact the applicant states).
# Alternative: only the listed lessors.
@leasing.criterion(
    "lessor_accredited",
    "004 §1-2(6),(7)",
    en="The lessor is accredited by the Fund",
    ja="リース会社が工業発展基金の認定リース会社であること",
)
def _l_lessor(f: F, p: P) -> pl.Expr:
    return f.frp_lessor.is_in(list(p.accredited_lessors)) | f.frp_lessor_accredited_otherwise


# The bank list of §1-2(8) is given without "main": it is read as closed.
@leasing.criterion(
    "bank_accredited",
    "004 §1-2(6),(8)",
    en="Where refinancing goes through a bank, the bank is accredited by the Fund",
    ja="銀行経由で借り換えを行う場合、当該銀行が工業発展基金の認定銀行であること",
    applies=lambda f, p: f.frp_refinancing_via_bank,
)
def _l_bank(f: F, p: P) -> pl.Expr:
    return f.frp_bank.is_in(list(p.accredited_banks))


@leasing.value(
    "loan",
    "004 §1-2(4)",
    unit="RUB",
    en="Loan the Fund would grant: the amount asked for",
    ja="基金が供与する融資額（申請額）",
)
def _lv_loan(f: F, p: P, v: ValuesView) -> pl.Expr:
    # Eligible means the amount asked is within every limit of §1-2(4).
    return f.frp_loan_amount


@leasing.value(
    "interest_rate",
    "004 §1-2(4)",
    unit="ratio",
    en="Interest rate",
    ja="利率",
)
def _lv_rate(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.lease_rate)


@leasing.value(
    "yearly_interest",
    "004 §1-2(4)",
    unit="RUB",
    en="Interest for a year on the full loan",
    ja="融資全額に対する1年分の利息",
)
def _lv_interest(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.frp_loan_amount * v.interest_rate


@leasing.value(
    "smallest_loan",
    "004 §1-2(4)",
    unit="RUB",
    en="Smallest loan: 5m RUB or 10% of the equipment cost, whichever is larger "
    "(and at least 10% of the advance)",
    ja="融資額の下限：500万ルーブル、機器調達額の10%及び頭金の10%のいずれか大きい額",
    kind="requirement",
)
def _lv_smallest(f: F, p: P, v: ValuesView) -> pl.Expr:
    return greatest(
        amount(p.lease_loan_min),
        f.frp_equipment_cost * amount(p.lease_loan_share_of_equipment_min),
        f.frp_lease_advance * amount(p.lease_loan_share_of_advance_min),
    )


@leasing.value(
    "largest_loan",
    "004 §1-2(4)",
    unit="RUB",
    en="Largest loan: the smallest of 500m RUB, 27% of the budget, 50% of the equipment cost "
    "and 90% of the advance",
    ja="融資額の上限：5億ルーブル、事業予算の27%、機器調達額の50%及び頭金の90%のいずれか小さい額",
    kind="requirement",
)
def _lv_largest(f: F, p: P, v: ValuesView) -> pl.Expr:
    return least(
        amount(p.lease_loan_max),
        f.frp_project_budget * amount(p.lease_loan_share_of_budget_max),
        f.frp_equipment_cost * amount(p.lease_loan_share_of_equipment_max),
        f.frp_lease_advance * amount(p.lease_loan_share_of_advance_max),
    )


@leasing.value(
    "min_cofinancing",
    "004 §1-2(4)",
    unit="RUB",
    en="Smallest co-financing from the applicant, investors or banks (73% of the budget)",
    ja="申請者・民間投資家・銀行からの最低調達額（事業予算の73%）",
    kind="requirement",
)
def _lv_cofinancing(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.frp_project_budget * amount(p.lease_cofinancing_share_min)


# ------------------------------------------------------------------ repayment schedule

KOPECK = Decimal("0.01")


@dataclass(frozen=True)
class ScheduleYear:
    """One loan year: principal at its start, the rate, interest, principal repaid, and what
    is left at its end."""

    year: int
    opening: Decimal
    rate: Decimal
    interest: Decimal
    repayment: Decimal
    closing: Decimal


def _exact_rubles(value: Decimal, what: str) -> Decimal:
    if value <= 0 or value != value.quantize(KOPECK):
        raise ValueError(f"{what}: expected a positive amount in whole kopecks, got {value}")
    return value


def development_rates(term_years: int, *, guaranteed: bool, on: dt.date) -> list[Decimal]:
    """The rate of each loan year (004 §1-1(4)): 5%, or with a guarantee 3% for the first 3
    years and 5% after."""
    p = PARAMETERS.as_of(on)
    cheap_years = p.dev_guaranteed_rate_years if guaranteed else 0
    return [
        p.dev_rate_guaranteed if year <= cheap_years else p.dev_rate
        for year in range(1, term_years + 1)
    ]


def repayment_schedule(
    loan: Decimal,
    term_years: int,
    rates: Sequence[Decimal],
    *,
    on: dt.date,
    profile: Literal["equal", "bullet"] = "equal",
) -> list[ScheduleYear]:
    """Year-by-year principal and interest of an FRP loan (004 §1-1(4), §1-2(4)).

    The survey fixes the rates and the longest term, not the repayment profile; two are
    offered: ``equal`` principal instalments at the end of each year (whole kopecks; the
    last instalment takes the remainder) or ``bullet`` (all principal at maturity). Interest
    is paid yearly on the principal outstanding at the year's start, rounded half-up to the
    kopeck.
    """
    _exact_rubles(loan, "loan")
    longest = PARAMETERS.as_of(on).loan_term_max_years
    if not 1 <= term_years <= longest:
        raise ValueError(f"term: expected 1 to {longest} years (004 §1-1(4)), got {term_years}")
    if len(rates) != term_years:
        raise ValueError(f"rates: expected one per year ({term_years}), got {len(rates)}")
    instalment = (loan / term_years).quantize(KOPECK, rounding=ROUND_DOWN)
    # a bullet loan repays nothing until the last year; otherwise equal yearly instalments
    per_year = Decimal("0.00") if profile == "bullet" else instalment
    rows = []
    opening = loan
    for year, rate in enumerate(rates, start=1):
        interest = (opening * rate).quantize(KOPECK, rounding=ROUND_HALF_UP)
        last = year == term_years
        repayment = opening if last else per_year
        closing = opening - repayment
        rows.append(ScheduleYear(year, opening, rate, interest, repayment, closing))
        opening = closing
    return rows


def development_schedule(
    loan: Decimal,
    term_years: int,
    *,
    guaranteed: bool,
    on: dt.date,
    profile: Literal["equal", "bullet"] = "equal",
) -> list[ScheduleYear]:
    """Repayment and interest of a Development Projects loan, with the 3%→5% step."""
    rates = development_rates(term_years, guaranteed=guaranteed, on=on)
    return repayment_schedule(loan, term_years, rates, on=on, profile=profile)


def leasing_schedule(
    loan: Decimal, term_years: int, *, on: dt.date, profile: Literal["equal", "bullet"] = "equal"
) -> list[ScheduleYear]:
    """Repayment and interest of a leasing-support loan at 1% (004 §1-2(4))."""
    rate: Decimal = PARAMETERS.as_of(on).lease_rate
    return repayment_schedule(loan, term_years, [rate] * term_years, on=on, profile=profile)


# --------------------------------------------------------- application stages (§1-1(5))
# Reading: the stage limits say "days", not "working days" (which §1-3(6) of the same survey
# writes out), so they count calendar days; alternative: working days.


def _days(parameter: str, citation: str, on: dt.date) -> CalendarDays:
    days: int = PARAMETERS[parameter].as_of(on).value
    return CalendarDays(days, cite(citation))


def precheck_due(draft_submitted: dt.date) -> dt.date:
    """Last day of the Fund's pre-check of a draft application (step 2: 5 days)."""
    return _days("dev_precheck_days", "004 §1-1(5) step 2", draft_submitted).due(draft_submitted)


def desk_review_due(submitted: dt.date, additional_documents: int = 0) -> dt.date:
    """Last day of the desk review (step 4): 5 days plus 2 for each additional document."""
    if additional_documents < 0:
        raise ValueError(f"additional documents: expected 0 or more, got {additional_documents}")
    p = PARAMETERS.as_of(submitted)
    days = p.dev_desk_review_days + p.dev_desk_review_days_per_extra_document * additional_documents
    return CalendarDays(days, cite("004 §1-1(5) step 4")).due(submitted)


def revision_due(returned: dt.date) -> dt.date:
    """Last day to correct a returned application before the review ends (step 4: 4 months;
    the month period ends on the corresponding day, RU Civil Code Art.192(3))."""
    months: int = PARAMETERS.as_of(returned).dev_revision_months
    return Period(months, cite("004 §1-1(5) step 4")).due(returned)


def due_diligence_due(started: dt.date) -> dt.date:
    """Last day of due diligence (step 5: 40 days)."""
    return _days("dev_due_diligence_days", "004 §1-1(5) step 5", started).due(started)


def answer_due(questions_received: dt.date) -> dt.date:
    """Last day to answer the reviewers' questions before the review is suspended (30 days)."""
    rule = _days("dev_answer_days", "004 §1-1(5) step 5", questions_received)
    return rule.due(questions_received)


def council_documents_due(due_diligence_notice: dt.date, meeting: dt.date) -> dt.date:
    """Last day to ready the expert council's documents (step 6): 5 days after the notice that
    due diligence is complete, and no later than 15 days before the meeting."""
    after_notice = _days("dev_council_preparation_days", "004 §1-1(5) step 6", due_diligence_notice)
    lead: int = PARAMETERS.as_of(meeting).dev_council_lead_days
    return min(after_notice.due(due_diligence_notice), meeting - dt.timedelta(days=lead))


def loan_agreement_due(approved: dt.date) -> dt.date:
    """Last day to sign the loan agreement after the expert council's approval (2 months)."""
    months: int = PARAMETERS.as_of(approved).dev_agreement_months
    return Period(months, cite("004 §1-1(5) step 9")).due(approved)
