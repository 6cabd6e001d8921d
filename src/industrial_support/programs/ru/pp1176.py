"""Russia: Government Decree No. 1176 (seed 003) — federal subsidies that let makers of
components for wheeled vehicles and special machinery repay Industrial Development Fund
(FRP) loans.

* The program ``ru.pp1176``: the conditions of §4(a)–(e) and the requirements of §7(a)–(g),
  judged as of a day no earlier than the first day of the month before the application
  (or the §11 subsidy request); values: the subsidy (at most the loan, §4) and the
  indicator V = C / P of §16.
* Plain functions for the year end: :func:`indicator` (V) and :func:`refund` (R of §19).
* :func:`deadlines` / ``DEADLINES``: every time limit of the procedure as a named, cited
  rule (calendar days, Russian working days, fixed days of a year, report months).

Time limits "within N working days from day X" do not count day X itself (RU Civil Code
Art.191: a period starts on the day after the event), which is how ``WorkingDays`` counts.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Literal

import polars as pl

from ...engine.citations import Citation
from ...engine.deadlines import CalendarDays, DeadlineRule, FixedDate, WorkingDays
from ...engine.facts import FactsView as F
from ...engine.facts import catalog
from ...engine.money import Money
from ...engine.parameters import ParameterSet
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, ValuesView
from ...engine.rules import least, share
from . import common  # noqa: F401  - the shared RU facts this program reads

facts = catalog("RU")
CURRENCY = "RUB"

# --- Facts -----------------------------------------------------------------------------------
facts.define(
    "pp1176_project_completed",
    "boolean",
    en="The enterprise has finished the project the FRP loan was meant for",
    ja="工業発展基金の融資対象プロジェクトを企業が完了していること",
)
facts.define(
    "pp1176_loan_used_for_project",
    "boolean",
    en="The enterprise spent the FRP loan on carrying out the project",
    ja="企業が融資をプロジェクトの実施に充てたこと",
)
facts.define(
    "pp1176_loan_results_achieved",
    "boolean",
    en="The enterprise reached the results of the loan that the FRP fixed in the loan agreement",
    ja="工業発展基金が融資契約で定めた融資の成果を企業が達成していること",
)
facts.define(
    "pp1176_overdue_loan_interest",
    "boolean",
    en="The enterprise is late paying interest accrued under the FRP loan agreement",
    ja="融資契約に基づく発生利息の支払に延滞があること",
)
facts.define(
    "pp1176_loan_amount",
    "money",
    currency=CURRENCY,
    en="Amount of the FRP loan granted for the project",
    ja="プロジェクトのために供与された工業発展基金の融資額",
)
facts.define(
    "pp1176_first_customer_sales",
    "money",
    currency=CURRENCY,
    en="Project products delivered to the first of two customers the enterprise names, "
    "excluding VAT (total of all deliveries to that customer)",
    ja="企業が示す2社の発注者のうち1社目に納入したプロジェクト製品の額（付加価値税抜き、納入累計）",
)
facts.define(
    "pp1176_second_customer_sales",
    "money",
    currency=CURRENCY,
    en="Project products delivered to the second of the two customers, excluding VAT "
    "(total of all deliveries to that customer)",
    ja="2社目の発注者に納入したプロジェクト製品の額（付加価値税抜き、納入累計）",
)
facts.define(
    "pp1176_customers_affiliated",
    "boolean",
    en="The two named customers are linked to each other by capital (affiliated companies)",
    ja="示された2社の発注者が互いに資本関係（関連会社関係）にあること",
)
facts.define(
    "pp1176_application_date",
    "date",
    en="Day the selection application (§8) or the subsidy request (§11) is submitted",
    ja="選抜参加申込書（第8項）又は補助金提供申請書（第11項）の提出日",
)
facts.define(
    "pp1176_requirements_checked_on",
    "date",
    en="Day as of which the §7 requirements are shown to be met (date of the certificates)",
    ja="第7項の要件への適合を示す基準日（証明書の日付）",
)
facts.define(
    "pp1176_federal_budget_arrears",
    "boolean",
    en="Owes overdue refunds of federal subsidies or budget investments, or other overdue "
    "debts to the Russian Federation",
    ja="連邦予算の補助金・公的投資の返還その他ロシア連邦に対する延滞債務があること",
)
facts.define(
    "pp1176_merger_with_participant_only",
    "boolean",
    en="The only proceeding under way is a reorganisation by merger with another enterprise "
    "taking part in the selection",
    ja="進行中の手続が選抜参加者である他の企業との合併による再編のみであること",
)
facts.define(
    "pp1176_activity_suspended",
    "boolean",
    en="The enterprise's activity is suspended under Russian law",
    ja="ロシア連邦の法に基づき事業が停止されていること",
)
facts.define(
    "pp1176_officer_disqualified",
    "boolean",
    en="The register of disqualified persons lists the chief executive, a member of the "
    "collegial executive body, the person acting as sole executive body, or the chief accountant",
    ja="経営責任者、合議制執行機関の構成員、単独執行機関の職務を行う者又は会計責任者が"
    "欠格者名簿に記載されていること",
)
facts.define(
    "pp1176_offshore_share",
    "decimal",
    unit="share",
    maximum=1,
    en="Total share of foreign legal entities registered in offshore jurisdictions (Ministry "
    "of Finance list) in the charter capital, as a fraction (0.5 = 50%)",
    ja="財務省リストのオフショア地域に登録された外国法人の資本金持分の合計（割合、0.5＝50％）",
)
facts.define(
    "pp1176_other_federal_funds",
    "boolean",
    en="Already receives federal budget money for the same purpose under another federal act",
    ja="他の法令に基づき同じ目的で連邦予算の資金を受けていること",
)
facts.define(
    "pp1176_frp_loan_received",
    "boolean",
    en="The enterprise received an FRP loan to carry out the project",
    ja="企業がプロジェクト実施のために工業発展基金の融資を受けたこと",
)
facts.define(
    "pp1176_requested_amount",
    "money",
    currency=CURRENCY,
    en="Subsidy the enterprise asks for (C, rubles)",
    ja="企業が申請する補助金の額（C、ルーブル）",
)
facts.define(
    "pp1176_principal_repaid",
    "money",
    currency=CURRENCY,
    en="Principal of the FRP loan the enterprise repays in the fiscal year of the subsidy "
    "(P, rubles)",
    ja="補助金の会計年度に企業が工業発展基金へ返済する元本の額（P、ルーブル）",
)

facts.define(
    "pp1176_decree_719_components",
    "boolean",
    en="The enterprise makes parts and units for wheeled vehicles or special machinery of the "
    "kinds listed in Parts II and III of the requirements annexed to Government Decree No. 719 "
    "of 17 July 2015 (industrial products recognised as made in Russia)",
    ja="2015年7月17日付政府決定第719号附属書の要件第II部・第III部に掲げる車輪式輸送機器又は"
    "特殊機械用の部分品・ユニットを製造していること",
)
facts.define(
    "pp1176_new_mass_production",
    "boolean",
    en="The FRP-financed project sets up new high-tech production allowing mass production of "
    "such parts and units (modernising or re-equipping existing production counts)",
    ja="融資対象プロジェクトが当該部分品・ユニットの大量生産を可能とする新たなハイテク生産体制を"
    "整備するものであること（既存生産の近代化・設備更新を含む）",
)
facts.define(
    "pp1176_project_end_date",
    "date",
    en="Day the project is (or is to be) completed; its calendar year is the project's last "
    "year (§10, §11)",
    ja="プロジェクトの実施終了日（予定を含む）。その暦年がプロジェクト実施最終年（第10項・第11項）",
)

PARAMETERS = ParameterSet.load(Path(__file__).with_name("pp1176.yaml"))
# Decree item 2: the Rules apply from 2024-01-01, the first day of every parameter.
IN_FORCE_FROM = min(
    entry.from_ for parameter in PARAMETERS.parameters.values() for entry in parameter.entries
)

pp1176 = Program(
    id="ru.pp1176",
    jurisdiction="RU",
    kind="subsidy",
    sectors=("components",),
    title={
        "en": "Subsidy for repaying FRP loans (component makers, Decree 1176)",
        "ja": "工業発展基金融資返済のための補助金（部品製造者、政府決定第1176号）",
    },
    summary={
        "en": "Federal subsidy, up to the loan amount, to makers of components for wheeled "
        "vehicles and special machinery who completed an FRP-financed project and sell its "
        "products to two unrelated customers.",
        "ja": "工業発展基金の融資でプロジェクトを完了し、その製品を互いに関係のない2社に販売した"
        "車輪式輸送機器・特殊機械用部品の製造者に、融資額の範囲内で交付される連邦補助金。",
    },
    provider={"en": "Ministry of Industry and Trade", "ja": "ロシア連邦産業商業省"},
    source="003 §1",
    parameters=PARAMETERS,
    in_force_from=IN_FORCE_FROM,
)


def _first_day_of_month_before(date: pl.Expr, months: int) -> pl.Expr:
    return date.dt.month_start().dt.offset_by(f"-{months}mo")


# --- §1-§2: who the subsidy is for ------------------------------------------------------------
@pp1176.criterion(
    "decree_719_components_maker",
    "003 §2",
    en="Makes parts or units for wheeled vehicles or special machinery listed in Parts II-III "
    "of the annex to Government Decree No. 719 (2015)",
    ja="政府決定第719号（2015年）附属書第II部・第III部に掲げる車輪式輸送機器・特殊機械用の"
    "部分品・ユニットの製造者であること",
)
def _decree_719(f: F, p: P) -> pl.Expr:
    # A fact the applicant declares: Decree 719's lists are not part of the seed.
    return f.pp1176_decree_719_components


@pp1176.criterion(
    "project_sets_up_mass_production",
    "003 §2",
    en="The financed project sets up new high-tech production for mass-producing those parts "
    "and units (modernisation or re-equipment included)",
    ja="融資対象プロジェクトが当該部分品・ユニットを大量生産する新たなハイテク生産体制の整備"
    "（近代化・設備更新を含む）であること",
)
def _mass_production(f: F, p: P) -> pl.Expr:
    return f.pp1176_new_mass_production


# --- §4: conditions ----------------------------------------------------------------------------
@pp1176.criterion(
    "project_completed",
    "003 §4(a)",
    en="The project financed by the FRP loan is completed",
    ja="融資対象のプロジェクトを完了していること",
)
def _project_completed(f: F, p: P) -> pl.Expr:
    return f.pp1176_project_completed


@pp1176.criterion(
    "loan_used_for_project",
    "003 §4(b)",
    en="The loan was spent on the project",
    ja="融資をプロジェクトの実施に使用したこと",
)
def _loan_used(f: F, p: P) -> pl.Expr:
    return f.pp1176_loan_used_for_project


@pp1176.criterion(
    "loan_results_achieved",
    "003 §4(c)",
    en="The results of the loan set by the FRP in the loan agreement are achieved",
    ja="融資契約で基金が定めた融資の成果を達成していること",
)
def _loan_results(f: F, p: P) -> pl.Expr:
    return f.pp1176_loan_results_achieved


@pp1176.criterion(
    "no_overdue_interest",
    "003 §4(d)",
    en="No overdue interest under the loan agreement",
    ja="融資契約に基づく利息の延滞がないこと",
)
def _no_overdue_interest(f: F, p: P) -> pl.Expr:
    return f.pp1176_overdue_loan_interest.not_()


@pp1176.criterion(
    "two_unaffiliated_customers",
    "003 §4(e)",
    en="Project products went to two customers not affiliated with each other, each for at "
    "least the loan amount excluding VAT",
    ja="互いに関連会社関係にない2社以上の発注者に、それぞれ付加価値税抜きで融資額以上の"
    "プロジェクト製品を納入していること",
)
def _two_customers(f: F, p: P) -> pl.Expr:
    # "以上" (at least): a customer buying exactly the loan amount counts. The seed's "two or
    # more" is met by naming the two best customers that are unrelated to each other.
    # Reading: each amount is the total delivered to that customer (alternative: one contract).
    return (
        f.pp1176_customers_affiliated.not_()
        & (f.pp1176_first_customer_sales >= f.pp1176_loan_amount)
        & (f.pp1176_second_customer_sales >= f.pp1176_loan_amount)
    )


# --- §7: requirements, as of a day no earlier than the 1st of the month before -----------------
@pp1176.criterion(
    "requirements_date",
    "003 §7",
    en="The requirements are shown as of a day no earlier than the first day of the month "
    "before the month of the application",
    ja="要件の基準日が申込月の前月1日以降であること",
)
def _requirements_date(f: F, p: P) -> pl.Expr:
    # Reading: only a lower bound — a later day (e.g. a tax certificate the Ministry requests
    # itself, §8(d)) is accepted; alternative: the day must also not follow the application.
    earliest = _first_day_of_month_before(
        f.pp1176_application_date, p.requirements_check_months_before
    )
    return f.pp1176_requirements_checked_on >= earliest


@pp1176.criterion(
    "no_tax_arrears",
    "003 §7(a)",
    en="No overdue taxes, levies, insurance contributions, penalties, fines or interest",
    ja="税、賦課金、保険料、延滞金、過料及び利息の延滞がないこと",
)
def _no_tax_arrears(f: F, p: P) -> pl.Expr:
    return f.tax_arrears.not_()


@pp1176.criterion(
    "no_federal_budget_arrears",
    "003 §7(b)",
    en="No overdue refunds of federal subsidies or budget investments, nor other overdue "
    "debts to the Russian Federation",
    ja="連邦予算の補助金等の返還その他ロシア連邦に対する延滞債務がないこと",
)
def _no_budget_arrears(f: F, p: P) -> pl.Expr:
    return f.pp1176_federal_budget_arrears.not_()


@pp1176.criterion(
    "not_in_reorganisation_liquidation_bankruptcy",
    "003 §7(c)",
    en="Not in reorganisation (other than merging with another participant), liquidation or "
    "bankruptcy, and activity not suspended",
    ja="再編（他の選抜参加者との合併を除く）、清算又は倒産手続中でなく、事業が停止されていないこと",
)
def _not_in_proceedings(f: F, p: P) -> pl.Expr:
    no_proceedings = (
        f.in_reorganisation_liquidation_or_bankruptcy.not_() | f.pp1176_merger_with_participant_only
    )
    return no_proceedings & f.pp1176_activity_suspended.not_()


@pp1176.criterion(
    "no_disqualified_officers",
    "003 §7(d)",
    en="No executive, board member or chief accountant is on the register of disqualified persons",
    ja="経営責任者等又は会計責任者が欠格者名簿に記載されていないこと",
)
def _no_disqualified(f: F, p: P) -> pl.Expr:
    return f.pp1176_officer_disqualified.not_()


@pp1176.criterion(
    "not_foreign_or_offshore_owned",
    "003 §7(e)",
    en="Not a foreign legal entity, and offshore-registered foreign entities hold at most 50% "
    "of the charter capital",
    ja="外国法人でなく、オフショア地域登録の外国法人の持分合計が50％を超えないこと",
)
def _not_offshore(f: F, p: P) -> pl.Expr:
    limit: Decimal = p.offshore_share_max
    return f.foreign_legal_entity.not_() & (f.pp1176_offshore_share <= limit)


@pp1176.criterion(
    "no_other_federal_funds",
    "003 §7(f)",
    en="Receives no federal budget money for the same purpose under another act",
    ja="他の法令に基づき同じ目的で連邦予算の資金を受けていないこと",
)
def _no_other_funds(f: F, p: P) -> pl.Expr:
    return f.pp1176_other_federal_funds.not_()


@pp1176.criterion(
    "frp_loan_received",
    "003 §7(g)",
    en="Received an FRP loan to carry out the project",
    ja="プロジェクト実施のために工業発展基金の融資を受けたこと",
)
def _frp_loan(f: F, p: P) -> pl.Expr:
    return f.pp1176_frp_loan_received


# --- Values ------------------------------------------------------------------------------------
@pp1176.value(
    "requirements_earliest_date",
    "003 §7",
    unit="date",
    kind="deadline",
    en="Earliest day as of which the requirements may be shown",
    ja="要件適合を示す基準日の下限",
)
def _earliest_date(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _first_day_of_month_before(f.pp1176_application_date, p.requirements_check_months_before)


@pp1176.value(
    "subsidy_max",
    "003 §4",
    unit=CURRENCY,
    en="Largest subsidy: the loan amount",
    ja="補助金の上限（融資額）",
    kind="requirement",
)
def _subsidy_max(f: F, p: P, v: ValuesView) -> pl.Expr:
    # Reading: the loan granted (§4(e)); alternative: the part used for the project (§12(b)).
    return f.pp1176_loan_amount


@pp1176.value(
    "subsidy_amount",
    "003 §4",
    unit=CURRENCY,
    en="Subsidy (C): the amount asked for, at most the loan amount",
    ja="補助金の額（C）：申請額（融資額を上限とする）",
)
def _subsidy_amount(f: F, p: P, v: ValuesView) -> pl.Expr:
    return least(f.pp1176_requested_amount, v.subsidy_max)


def _requested_within_loan(f: F) -> pl.Expr:
    """C as asked, at most the loan: what V and the refund are projected on. Not the
    entitlement column, so that a refused applicant still sees the risk (§16, §19)."""
    return least(f.pp1176_requested_amount, f.pp1176_loan_amount)


@pp1176.value(
    "indicator_v",
    "003 §16",
    unit="ratio",
    kind="requirement",
    en="Projected indicator V = C / P (must be 1 or less): subsidy asked (at most the loan) "
    "over principal repaid (unknown when no principal is repaid)",
    ja="指標V = C / Pの見込み（1以下であること）：申請額（融資額を上限）／元本返済額"
    "（元本返済がない場合は算出不能）",
)
def _indicator_v(f: F, p: P, v: ValuesView) -> pl.Expr:
    return share(_requested_within_loan(f), f.pp1176_principal_repaid)


@pp1176.value(
    "indicator_within_limit",
    "003 §16",
    unit="flag",
    kind="requirement",
    en="V is at most 1, i.e. the subsidy does not exceed the principal repaid (if not, the "
    "excess is refunded under §19)",
    ja="指標Vが1以下（補助金額が元本返済額を超えない）であること（超える場合は第19項により返還）",
)
def _within_limit(f: F, p: P, v: ValuesView) -> pl.Expr:
    # C / P <= v_max written as C <= v_max * P, so that P = 0 with C > 0 gives "no".
    v_max: Decimal = p.v_max
    return _requested_within_loan(f) <= f.pp1176_principal_repaid * v_max


@pp1176.value(
    "projected_refund",
    "003 §19",
    unit=CURRENCY,
    kind="requirement",
    en="Refund the year end would demand if the principal repaid stays as given: "
    "R = C - C / V (0 while V is at most 1; all of C when nothing is repaid)",
    ja="元本返済額が示されたとおりの場合に年度末に請求される返還額 R = C - C / V"
    "（Vが1以下なら0、元本返済がなければCの全額）",
)
def _projected_refund(f: F, p: P, v: ValuesView) -> pl.Expr:
    # Same arithmetic as refund() below: C / V = P exactly, so R = C - P when V > v_max.
    c, principal = _requested_within_loan(f), f.pp1176_principal_repaid
    v_max: Decimal = p.v_max
    return pl.when(c <= principal * v_max).then(pl.lit(Decimal(0))).otherwise(c - principal)


@pp1176.value(
    "agreement_conclusion_due",
    "003 §10",
    unit="date",
    kind="deadline",
    en="Last day to conclude the subsidy agreement: 31 December of the year after the "
    "project's last year",
    ja="補助金協定の締結期限（プロジェクト実施最終年の翌年12月31日）",
)
def _agreement_due(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _fixed_day_after(f.pp1176_project_end_date.dt.year(), p, "agreement_conclusion")


@pp1176.value(
    "subsidy_request_due",
    "003 §11",
    unit="date",
    kind="deadline",
    en="Last day to file the subsidy request: 10 November of the year after the project's "
    "last year (10 November of the last year itself also in time)",
    ja="補助金提供申請書の提出期限（プロジェクト実施終了年の翌年11月10日。終了年の同日も可）",
)
def _request_due(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _fixed_day_after(f.pp1176_project_end_date.dt.year(), p, "subsidy_request")


def _fixed_day_after(year: pl.Expr, p: P, name: str) -> pl.Expr:
    """The fixed day ``<name>_by`` of the year ``year + <name>_year_offset`` — the same
    parameters deadlines() reads, so a value and the procedure cannot disagree."""
    month, day = (int(part) for part in str(p.resolve(f"{name}_by").value).split("-"))
    offset = int(p.resolve(f"{name}_year_offset").value)
    return pl.date(year + offset, month, day)


# --- Year end: V_fact and the refund R (§16, §19) ---------------------------------------------
_RATIO_PLACES = Decimal("1E-10")  # the engine's precision for ratios (facts.DECIMAL)


def _rub(amount: Money) -> Decimal:
    if amount.currency != CURRENCY:
        raise ValueError(f"expected an amount in {CURRENCY}, got {amount}")
    return amount.amount


def indicator(subsidy_received: Money, principal_repaid: Money) -> Decimal | None:
    """V = C / P (003 §16) to 10 places; ``None`` when no principal was repaid (P = 0)."""
    c, p = _rub(subsidy_received), _rub(principal_repaid)
    if p == 0:
        return None
    return (c / p).quantize(_RATIO_PLACES, rounding=ROUND_HALF_EVEN)


def refund(
    subsidy_received: Money,
    principal_repaid: Money,
    v_plan: Decimal | None = None,
    *,
    as_of: dt.date | None = None,
) -> Money:
    """Refund R = C − C / V_fact of 003 §19, with V_fact = C / P_fact (§16).

    * The indicator is an upper bound (V "is to be 1 or less", §16): it is achieved when
      V_fact <= V_plan (default: the §16 limit of 1), and then nothing is refunded.
    * Otherwise R = C − C / V_fact, which is exactly C − P_fact (no rounding arises); it is
      never negative.
    * No principal repaid (P_fact = 0): V_fact is unbounded, C / V_fact tends to 0 and the
      whole subsidy is refunded.
    """
    c, p = _rub(subsidy_received), _rub(principal_repaid)
    if c < 0 or p < 0:
        raise ValueError(f"amounts must not be negative: C={c}, P={p}")
    v_max: Decimal = PARAMETERS["v_max"].as_of(as_of or IN_FORCE_FROM).value
    plan = v_max if v_plan is None else v_plan
    if plan > v_max:
        raise ValueError(f"planned V {plan} exceeds the §16 limit {v_max}")
    zero = Money(Decimal(0), CURRENCY)
    if c == 0:
        return zero
    if p == 0:
        return Money(c, CURRENCY)
    if c <= plan * p:  # V_fact = C / P <= V_plan: achieved
        return zero
    # C / V_fact = C / (C / P) = P exactly; keep the seed's formula in that exact form.
    return Money(max(c - p, Decimal(0)), CURRENCY)


def breach_refund(
    subsidy_received: Money, breach_found: Money, principal_repaid: Money | None = None
) -> Money:
    """What §18 has the enterprise pay back after an inspection by the Ministry or the state
    financial-control body: the amount of the §4 breach found, plus — where the result or
    the indicator was missed and the year's principal is known — the R of §19; never more
    than the subsidy received. Reading: the two parts add up (the Ministry's demand, §18(a),
    or the control body's order, §18(b), names them together)."""
    c, breach = _rub(subsidy_received), _rub(breach_found)
    if breach < 0 or c < 0:
        raise ValueError(f"amounts must not be negative: C={c}, breach={breach}")
    if breach > c:
        raise ValueError(f"breach_found: {breach} exceeds the subsidy received {c} (003 §18)")
    indicator_part = (
        _rub(refund(subsidy_received, principal_repaid)) if principal_repaid is not None else 0
    )
    return Money(min(c, breach + indicator_part), CURRENCY)


# --- Deadlines --------------------------------------------------------------------------------
@dataclass(frozen=True)
class EndOfFollowingMonth:
    """A report "during the month after" a period of ``months`` calendar months (quarter: 3,
    month: 1): due on the last day of the month after the period that contains the event.

    Local helper (no engine rule counts from the end of a calendar quarter)."""

    months: int
    citation: Citation

    def due(self, event: dt.date) -> dt.date:
        period_start_month = (event.month - 1) // self.months * self.months + 1
        following_index = event.year * 12 + period_start_month - 1 + self.months
        year, month = divmod(following_index, 12)
        month += 1
        return dt.date(year, month, calendar.monthrange(year, month)[1])

    def describe(self) -> str:
        return f"last day of the month after the {self.months}-month period that contains the event"


Rule = DeadlineRule | EndOfFollowingMonth


@dataclass(frozen=True)
class Deadline:
    """One time limit of the procedure: its rule, the event it counts from, and whether the
    date it gives is the latest day (``latest``) or the earliest allowed day (``earliest``)."""

    rule: Rule
    after: dict[str, str]
    duty: dict[str, str]
    bound: Literal["latest", "earliest"] = "latest"

    @property
    def citation(self) -> Citation:
        return self.rule.citation

    def due(self, event: dt.date) -> dt.date:
        return self.rule.due(event)


def _fixed(p: P, day: str, offset: int = 0) -> FixedDate:
    resolved = p.resolve(day)
    month, day_of_month = (int(part) for part in str(resolved.value).split("-"))
    return FixedDate(month, day_of_month, resolved.citations[0], year_offset=offset)


def deadlines(as_of: dt.date | None = None) -> dict[str, Deadline]:
    """Every time limit of Decree 1176, with the parameter values in force on ``as_of``."""
    p = PARAMETERS.as_of(as_of or IN_FORCE_FROM)

    def days(name: str) -> tuple[int, Citation]:
        resolved = p.resolve(name)
        return int(resolved.value), resolved.citations[0]

    def calendar_days(name: str) -> CalendarDays:
        count, citation = days(name)
        return CalendarDays(count, citation)

    def working_days(name: str) -> WorkingDays:
        count, citation = days(name)
        return WorkingDays(count, "RU", citation)

    def report(name: str) -> EndOfFollowingMonth:
        count, citation = days(name)
        return EndOfFollowingMonth(count, citation)

    # Readings (docs/readings.md): the 30-day window ends on publication + 30; the
    # 14 days of §6(m) count from the day after the winners are known (determination + 14);
    # fixed days are inclusive and not moved off holidays; the monthly report has no day in
    # the seed and is taken as due during the following month (alternative: the agreement's day).
    return {
        "application_window": Deadline(
            calendar_days("application_window_days"),
            {"en": "publication of the call for applications", "ja": "選抜告示の掲載"},
            {"en": "earliest closing day for applications", "ja": "申込受理終了日の最早日"},
            bound="earliest",
        ),
        "application_review": Deadline(
            working_days("application_review_working_days"),
            {"en": "closing day for applications", "ja": "申込受理終了日"},
            {
                "en": "Ministry registers, checks and decides on the applications",
                "ja": "省による申込書の登録・検証及び決定",
            },
        ),
        "agreement_signing": Deadline(
            working_days("agreement_signing_working_days"),
            {
                "en": "receipt of the draft agreement by the enterprise",
                "ja": "企業による協定書案の受領",
            },
            {
                "en": "enterprise signs the agreement (else the application is refused)",
                "ja": "企業による協定書への署名（署名がなければ申込却下）",
            },
        ),
        "selection_results_publication": Deadline(
            calendar_days("selection_results_days"),
            {"en": "day the winners are determined", "ja": "選抜の勝者の決定日"},
            {"en": "publication of the selection results", "ja": "選抜結果の掲載"},
        ),
        "review_results_publication": Deadline(
            _fixed(p, "review_results_publication_by"),
            {"en": "any day of the fiscal year", "ja": "当該会計年度"},
            {
                "en": "publication of the results of the review of applications",
                "ja": "申込書審査結果の掲載",
            },
        ),
        "agreement_conclusion": Deadline(
            _fixed(p, "agreement_conclusion_by", int(p.agreement_conclusion_year_offset)),
            {"en": "any day of the project's last year", "ja": "プロジェクト実施最終年"},
            {"en": "conclusion of the subsidy agreement", "ja": "補助金協定の締結"},
        ),
        "subsidy_request": Deadline(
            _fixed(p, "subsidy_request_by", int(p.subsidy_request_year_offset)),
            {"en": "any day of the project's last year", "ja": "プロジェクト実施終了年"},
            {
                "en": "enterprise files the subsidy request (last possible day)",
                "ja": "企業による補助金提供申請書の提出（最終期限）",
            },
        ),
        "subsidy_decision": Deadline(
            working_days("subsidy_decision_working_days"),
            {
                "en": "arrival of the subsidy request and documents",
                "ja": "補助金提供申請書類の到着",
            },
            {
                "en": "Ministry decides to grant or refuse the subsidy",
                "ja": "省による交付又は拒否の決定",
            },
        ),
        "documents_return": Deadline(
            working_days("documents_return_working_days"),
            {"en": "decision refusing the subsidy under §13(a)", "ja": "第13項a号による拒否決定"},
            {
                "en": "Ministry returns the documents with the reasons",
                "ja": "省による理由を付した書類の返却",
            },
        ),
        "payment": Deadline(
            working_days("payment_working_days"),
            {"en": "submission of the treasury payment order", "ja": "国庫支払指示書の提出"},
            {"en": "transfer of the subsidy", "ja": "補助金の振込み"},
        ),
        "refund": Deadline(
            working_days("refund_working_days"),
            {
                "en": "receipt of the Ministry's refund demand (registered mail)",
                "ja": "省の返還請求の受領",
            },
            {"en": "enterprise refunds the amount demanded", "ja": "企業による返還"},
        ),
        "quarterly_report": Deadline(
            report("quarterly_report_period_months"),
            {"en": "any day of the reported quarter", "ja": "報告対象の四半期"},
            {
                "en": "reports on results, indicator and expenditure",
                "ja": "成果・指標及び費用に関する報告書の提出",
            },
        ),
        "monthly_report": Deadline(
            report("monthly_report_period_months"),
            {"en": "any day of the reported month", "ja": "報告対象の月"},
            {
                "en": "report on the plan of measures (checkpoints)",
                "ja": "施策計画の実施に関する報告書の提出",
            },
        ),
    }


SCHEDULE: dict[str, Deadline] = deadlines()
DEADLINES: dict[str, Rule] = {name: deadline.rule for name, deadline in SCHEDULE.items()}


def application_window_ok(
    published_on: dt.date, closes_on: dt.date, *, as_of: dt.date | None = None
) -> bool:
    """Whether a call's closing day leaves the applicants the time §6(b) requires."""
    return closes_on >= deadlines(as_of)["application_window"].due(published_on)


def subsidy_request_in_time(
    project_last_year: int, filed_on: dt.date, *, as_of: dt.date | None = None
) -> bool:
    """Whether a §11 request is filed by 10 November of the project's last year or of the
    year after. Reading: a request is in time up to the later of the two days."""
    return filed_on <= deadlines(as_of)["subsidy_request"].due(dt.date(project_last_year, 1, 1))
