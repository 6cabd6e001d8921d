"""Kazakhstan: contracts for industrial development and in-country value (seed 000, the Law on
Industrial Policy) — Arts. 46–49 (offtake, guaranteed purchase and offset contracts, and the
yearly procurement-plan cycle), Art. 60 (domestic raw materials for manufacturers) and
Art. 61-1 (in-country-value increase programmes).

Programs:

* ``kz.contract.offset`` — a purchase above 500,000 × MCI a year is made on offset terms.
* ``kz.contract.offtake`` — what an offtake contract must contain.
* ``kz.contract.offtake_take_or_pay`` — the customer's duty to take and pay 100 % of the
  year's contract volume in the first year and at least 50 % after, and the shortfall.
* ``kz.contract.guaranteed_purchase`` — term of 1 to 10 years and the required content.
* ``kz.contract.icv_programme`` — coordination of a large customer's ICV programme (at least
  3 years; the three closed refusal grounds).
* ``kz.raw.listing``, ``kz.raw.producer``, ``kz.raw.supply_agreement``,
  ``kz.raw.export_licence`` — the domestic raw-material scheme of Art. 60.

The procurement-plan cycle of Art. 47 is a set of dated steps: :func:`procurement_cycle`.
Amounts written in MCI resolve to KZT with the MCI in force on the evaluation date
(:func:`mci_multiple`). Readings of ambiguous text: docs/readings.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import polars as pl

from ...engine.citations import Citation, cite
from ...engine.deadlines import (
    CalendarDays,
    DeadlineRule,
    FixedDate,
    WorkingDays,
    period_end,
    period_end_expr,
)
from ...engine.errors import ProgramError
from ...engine.facts import FactsView as F
from ...engine.facts import catalog
from ...engine.parameters import ParameterSet
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, ValuesView, shared_criterion
from ...engine.rules import amount, lookup, share
from .law_dates import BASE_LAW, LAW_71_VIII_SIX_MONTHS, LAW_107_VIII, LAW_188_VIII_SIXTY_DAYS
from .mci import MCI_PARAMETERS

facts = catalog("KZ")
PARAMETERS = ParameterSet.load(Path(__file__).with_suffix(".yaml"))
AUTHORITY = {
    "en": "Authority for state stimulation of industry",
    "ja": "国家産業促進分野の権限機関",
}
LARGE_CUSTOMER = {"en": "Large customer", "ja": "大規模発注者"}
# Dates (law_dates): Art.49 (offset) is base law with no amendment note, so it is in force
# from the base law's start. Art.48 (offtake) is printed as amended by Law No. 107-VIII (from
# 1 Jan 2025); the seed has no earlier wording, so the offtake programs start then. Arts.46,
# 47, 48-1 and 61-1 are given only as amended by Law No. 188-VIII (+60 days: 2025-07-19);
# the customer tests of Art.46(2) therefore apply from that day, to every contract program,
# and the programs that exist only in that wording (Arts.47, 48-1, 61-1) start on it. Art.60
# is given as amended by Law No. 71-VIII (+6 months: 2024-10-07).
CONTRACTS_WORDING_FROM = LAW_188_VIII_SIXTY_DAYS
OFFTAKE_WORDING_FROM = LAW_107_VIII
RAW_WORDING_FROM = LAW_71_VIII_SIX_MONTHS
_QUANTUM = Decimal("1e-10")  # the engine's decimal precision (facts.DECIMAL)


def mci_multiple(p: P, multiple: Decimal | int) -> pl.Expr:
    """``multiple`` × the MCI in force on the evaluation date, as an exact KZT literal.

    The MCI value read is recorded in the rule's trace (``p.used``), so the explanation shows
    it with its budget-law citation beside the article's multiple. (Local helper: the engine
    has no way yet for a rule to read a parameter of another file.)
    """
    return amount(Decimal(multiple) * _read_mci(p))


def mci_expr(p: P) -> pl.Expr:
    """The MCI in force on the evaluation date as an exact literal (recorded like above), for
    multiples read per row from a table."""
    return amount(_read_mci(p))


def _read_mci(p: P) -> Decimal:
    resolved = MCI_PARAMETERS["mci"].as_of(p.date)
    p.used.setdefault("mci", resolved)
    value: Decimal = resolved.value
    return value


# ============================================================================================
# Facts
# ============================================================================================

facts.define(
    "kz_contract_large_customer",
    "boolean",
    en="The customer is a large customer (Art.1(25)): a solid-mineral subsoil user (not common "
    "minerals), an individual quasi-public-sector entity, a natural monopoly that is not small, "
    "or a backbone enterprise",
    ja="発注者が大規模発注者（第1条第25号：一般鉱物を除く固形鉱物の地下資源利用者、準国営部門の"
    "個々の主体、小規模を除く自然独占主体又は基幹企業）であること",
)
facts.define(
    "kz_contract_nwf_share",
    "decimal",
    unit="share",
    maximum=1,
    en="Share (0–1) of the customer's voting shares or charter-capital interests that belong, "
    "directly or indirectly, owned or in trust, to the National Welfare Fund (1 for the Fund "
    "itself)",
    ja="発注者の議決権株式（授権資本の持分）のうち、国民福祉基金に直接・間接に所有又は信託管理で"
    "属する割合（0〜1。基金自体は1）",
)
facts.define(
    "kz_contract_annual_purchases",
    "money",
    currency="KZT",
    en="Value of the goods, works and services the procurement buys in one year",
    ja="当該調達における財・業務・サービスの年間購入額",
)
facts.define(
    "kz_contract_goods_specified",
    "boolean",
    en="The contract names the goods with their detailed technical, physical and/or chemical "
    "characteristics and composition",
    ja="契約に財の名称及び詳細な技術・物理・化学特性、構成要素が記載されていること",
)
facts.define(
    "kz_contract_total_volume_set",
    "boolean",
    en="The contract sets the delivery volume for its whole term",
    ja="契約に契約期間全体の納入量が記載されていること",
)
facts.define(
    "kz_contract_mutual_liability",
    "boolean",
    en="The contract states the liability of both parties for non-performance or improper "
    "performance",
    ja="契約に不履行・不適切な履行に対する双方の責任が記載されていること",
)
facts.define(
    "kz_contract_start",
    "date",
    en="First day on which the guaranteed purchase contract is in force",
    ja="保証購入契約の効力発生日（初日）",
)
facts.define(
    "kz_contract_end",
    "date",
    en="Last day on which the guaranteed purchase contract is in force",
    ja="保証購入契約の効力の最終日",
)
facts.define(
    "kz_offtake_min_icv_set",
    "boolean",
    en="The offtake contract sets a minimum level of in-country value",
    ja="オフテイク契約に国内価値の最低水準の要件が記載されていること",
)
facts.define(
    "kz_offtake_icv_programme_duty",
    "boolean",
    en="The offtake contract obliges the supplier to draw up a programme to raise its "
    "in-country-value indicators",
    ja="オフテイク契約に国内価値指標向上プログラムの作成義務が記載されていること",
)
facts.define(
    "kz_offtake_start",
    "date",
    en="First day on which the offtake contract is in force",
    ja="オフテイク契約の効力発生日（初日）",
)
facts.define(
    "kz_offtake_end",
    "date",
    en="Last day on which the offtake contract is in force",
    ja="オフテイク契約の効力の最終日",
)
facts.define(
    "kz_offtake_year",
    "integer",
    unit="calendar year",
    minimum=2000,
    maximum=2100,
    en="Calendar year being checked",
    ja="確認対象の暦年",
)
facts.define(
    "kz_offtake_year_volume",
    "decimal",
    unit="contract units",
    en="Supply volume the offtake contract sets for that calendar year (in the contract's units)",
    ja="オフテイク契約で当該暦年について定める供給数量（契約上の単位）",
)
facts.define(
    "kz_offtake_accepted_volume",
    "decimal",
    unit="contract units",
    en="Volume the customer accepted and paid for in that calendar year (in the contract's units)",
    ja="当該暦年に発注者が受領し支払った数量（契約上の単位）",
)
facts.define(
    "kz_offtake_supplier_performed",
    "boolean",
    en="The supplier performed its contract obligations properly in that year",
    ja="当該年に供給者が契約上の義務を適正に履行したこと",
)
facts.define(
    "kz_contract_customer_type",
    "enum",
    values=("subsoil_user", "quasi_public", "natural_monopoly", "backbone"),
    en="Kind of large customer: solid-mineral subsoil user, individual quasi-public-sector "
    "entity, natural monopoly (not small), backbone enterprise",
    ja="大規模発注者の類型：固形鉱物の地下資源利用者、準国営部門の個々の主体、自然独占主体"
    "（小規模を除く）、基幹企業",
)
facts.define(
    "kz_contract_icv_programme_years",
    "integer",
    unit="years",
    en="Period the ICV increase programme covers, in whole years",
    ja="国内価値拡大プログラムの期間（年）",
)
facts.define(
    "kz_contract_icv_targets_low",
    "boolean",
    en="The coordinating body found the programme's in-country-value targets for goods "
    "procurement low",
    ja="調整機関が、財調達における国内価値の目標値を低いと判断したこと",
)
facts.define(
    "kz_contract_icv_indicators_match",
    "boolean",
    en="The programme's indicators for planning and concluding industrial development "
    "contracts match the number of applications from industrial-innovative entities",
    ja="産業発展契約の計画・締結に関する指標が産業イノベーション事業体の申請件数に見合うこと",
)
facts.define(
    "kz_contract_icv_sme_measures",
    "boolean",
    en="The programme contains measures to develop small and medium-sized businesses",
    ja="プログラムに中小企業発展の施策が含まれていること",
)

# --- Art.60 ---------------------------------------------------------------------------------
facts.define(
    "kz_raw_documents_complete",
    "boolean",
    en="The manufacturer's application to list a raw material comes with the full set of documents",
    ja="国産原材料リスト登録を求める加工業企業の申請書類が揃っていること",
)
facts.define(
    "kz_raw_domestic_producer_exists",
    "boolean",
    en="The requested raw material has a producer in Kazakhstan",
    ja="求める原材料の生産者がカザフスタン国内に存在すること",
)
facts.define(
    "kz_raw_operating_since",
    "date",
    en="Date from which the raw-material producer has operated in Kazakhstan",
    ja="原材料生産者がカザフスタンで事業を開始した日",
)
facts.define(
    "kz_raw_small_volume",
    "boolean",
    en="The producer's output of the raw material is small in the sense of the Rules for "
    "supplying domestic raw materials",
    ja="当該原材料の生産者の生産量が国産原材料供給規則の定める少量に当たること",
)
facts.define(
    "kz_raw_producer_output",
    "decimal",
    unit="units of the raw material",
    en="The producer's output of the raw material in the reference period",
    ja="基準期間における当該生産者の原材料生産量",
)
facts.define(
    "kz_raw_domestic_output",
    "decimal",
    unit="units of the raw material",
    en="Total output of the raw material in Kazakhstan in the same period (all producers)",
    ja="同期間におけるカザフスタン国内の当該原材料の総生産量（全生産者）",
)
facts.define(
    "kz_raw_total_supply",
    "decimal",
    unit="units of the raw material",
    en="Total volume of the raw material to be supplied to manufacturing enterprises",
    ja="加工業企業へ供給される当該原材料の総量",
)
facts.define(
    "kz_raw_agreed_price",
    "money",
    currency="KZT",
    en="Price per unit in the supply agreement",
    ja="供給合意の単価",
)
facts.define(
    "kz_raw_min_export_price",
    "money",
    currency="KZT",
    en="The producer's minimum export price per unit of the same raw material",
    ja="当該生産者の同原材料の単位当たり最低輸出価格",
)
facts.define(
    "kz_raw_price_competitive",
    "boolean",
    en="The Authority finds the agreement's price terms competitive",
    ja="権限機関が合意の価格条件を競争力があると認めたこと",
)
facts.define(
    "kz_raw_resold",
    "boolean",
    en="The manufacturer sold raw material received under the agreement to a third party",
    ja="加工業企業が合意に基づき受領した原材料を第三者に販売したこと",
)
facts.define(
    "kz_raw_manufacturer_barred",
    "boolean",
    en="The manufacturer is barred from such agreements after an earlier resale",
    ja="加工業企業が過去の転売により同様の合意への参加を禁止されていること",
)
facts.define(
    "kz_raw_listed_material",
    "boolean",
    en="The raw material to be exported is on the list of domestic raw materials",
    ja="輸出する原材料が国産原材料リストに含まれていること",
)
facts.define(
    "kz_raw_agreement_concluded",
    "boolean",
    en="The producer has concluded supply agreements with manufacturing enterprises",
    ja="生産者が加工業企業との供給合意を締結していること",
)
facts.define(
    "kz_raw_obligations_performed",
    "boolean",
    en="The producer performed its obligations under those agreements for the period before "
    "the licence application",
    ja="ライセンス申請前の期間について、生産者が供給合意上の義務を履行したこと",
)


# ============================================================================================
# Shared criteria: Art.46(2) — who is a customer of an industrial development contract
# ============================================================================================


def _large_customer(f: F, p: P) -> pl.Expr:
    return f.kz_contract_large_customer


def _outside_nwf_group(f: F, p: P) -> pl.Expr:
    # "50 % or more" excludes: a share of exactly 0.5 is outside the article.
    return f.kz_contract_nwf_share < amount(p.nwf_share_excluded_from)


# Written once, attached by every contract program with ``include`` (dated with 188-VIII's
# wording of Art.46(2), from 2025-07-19).
LARGE_CUSTOMER_TEST = shared_criterion(
    "large_customer",
    "000 Art.46(2)",
    _large_customer,
    en="The customer is a large customer",
    ja="発注者が大規模発注者であること",
    from_=CONTRACTS_WORDING_FROM,
)
# Reading: Art.46(2) takes the National Welfare Fund group out of "this article", which
# creates all three kinds of contract; so none of Arts.47–49 binds them. Alternative: the
# exclusion covers Art.46 alone. See docs/readings.md.
OUTSIDE_NWF_TEST = shared_criterion(
    "outside_nwf_group",
    "000 Art.46(2)",
    _outside_nwf_group,
    en="Less than 50% of the customer's voting shares belong (directly or indirectly, owned "
    "or in trust) to the National Welfare Fund",
    ja="発注者の議決権株式の国民福祉基金への直接・間接の帰属（所有又は信託）が50%未満であること",
    from_=CONTRACTS_WORDING_FROM,
)
CUSTOMER_TESTS = (LARGE_CUSTOMER_TEST, OUTSIDE_NWF_TEST)


# ============================================================================================
# kz.contract.offset — Art.49
# ============================================================================================

offset = Program(
    id="kz.contract.offset",
    in_force_from=BASE_LAW,
    jurisdiction="KZ",
    kind="obligation",
    title={"en": "Offset terms for large purchases", "ja": "大規模購入のオフセット条件"},
    summary={
        "en": "A large customer whose purchase exceeds 500,000 × MCI a year buys on offset "
        "principles: the supplier also invests, sets up production, trains staff, builds "
        "service infrastructure or transfers technology.",
        "ja": "年間購入額が月間計算指標の50万倍を超える大規模発注者の調達は、オフセットポリシーの"
        "原則（投資、生産施設設立、人材育成、保守インフラ整備、技術移転等）による。",
    },
    provider=LARGE_CUSTOMER,
    source="000 Art.49",
    parameters=PARAMETERS,
)
offset.include(*CUSTOMER_TESTS)


# Reading: "annual volume" is the value the procurement in question buys in a year (not the
# customer's whole yearly spending); the Rules of Art.9(40) may fix the base otherwise.
@offset.criterion(
    "purchases_above_threshold",
    "000 Art.49(1)",
    en="The purchase exceeds 500,000 × MCI of the financial year (strictly more)",
    ja="年間購入額が当該会計年度の月間計算指標の50万倍を超えること",
)
def _offset_threshold(f: F, p: P) -> pl.Expr:
    return f.kz_contract_annual_purchases > mci_multiple(p, p.offset_threshold_mci)


@offset.value(
    "threshold",
    "000 Art.49(1)",
    unit="KZT",
    en="Offset threshold in KZT (500,000 × MCI)",
    ja="オフセット基準額（月間計算指標の50万倍）",
)
def _offset_threshold_value(f: F, p: P, v: ValuesView) -> pl.Expr:
    return mci_multiple(p, p.offset_threshold_mci)


# ============================================================================================
# kz.contract.offtake — Art.48(5)
# ============================================================================================

offtake = Program(
    id="kz.contract.offtake",
    in_force_from=OFFTAKE_WORDING_FROM,
    jurisdiction="KZ",
    kind="contract",
    sectors=("manufacturing",),
    title={"en": "Offtake contract", "ja": "オフテイク契約"},
    summary={
        "en": "Long-term guaranteed purchase of manufactured goods, including goods not yet "
        "made, from a large customer; what the contract must state.",
        "ja": "大規模発注者による加工製品（未生産品を含む）の長期保証購入。契約の必要記載事項。",
    },
    provider=LARGE_CUSTOMER,
    source="000 Art.48",
    parameters=PARAMETERS,
)
offtake.include(*CUSTOMER_TESTS)


@offtake.criterion(
    "goods_specified",
    "000 Art.48(5)",
    en="Names the goods with their technical, physical and/or chemical characteristics and "
    "composition",
    ja="製品名及び技術・物理・化学特性、構成要素を記載していること",
)
def _offtake_goods(f: F, p: P) -> pl.Expr:
    return f.kz_contract_goods_specified


@offtake.criterion(
    "total_volume_set",
    "000 Art.48(5)",
    en="Sets the delivery volume for the whole term",
    ja="契約期間全体の納入量を記載していること",
)
def _offtake_volume(f: F, p: P) -> pl.Expr:
    return f.kz_contract_total_volume_set


@offtake.criterion(
    "minimum_icv_set",
    "000 Art.48(5)",
    en="Sets a minimum in-country-value level",
    ja="国内価値の最低水準を記載していること",
)
def _offtake_icv(f: F, p: P) -> pl.Expr:
    return f.kz_offtake_min_icv_set


@offtake.criterion(
    "icv_programme_duty",
    "000 Art.48(5)",
    en="Obliges the supplier to draw up an ICV-increase programme",
    ja="国内価値指標向上プログラムの作成義務を記載していること",
)
def _offtake_icv_programme(f: F, p: P) -> pl.Expr:
    return f.kz_offtake_icv_programme_duty


# ============================================================================================
# kz.contract.offtake_take_or_pay — Art.48(2)
# ============================================================================================

take_or_pay = Program(
    id="kz.contract.offtake_take_or_pay",
    in_force_from=OFFTAKE_WORDING_FROM,
    jurisdiction="KZ",
    kind="obligation",
    sectors=("manufacturing",),
    title={
        "en": "Offtake: the customer's duty to take and pay",
        "ja": "オフテイク契約：発注者の受領・支払義務",
    },
    summary={
        "en": "While the supplier performs properly, the customer takes and pays for 100% of the "
        "year's contract volume in the contract's first year and at least 50% in each later year.",
        "ja": "供給者の適正な履行を条件に、発注者は当該暦年の契約数量の100%（初年度）、"
        "50%以上（2年目以降）を受領し支払う。",
    },
    provider=LARGE_CUSTOMER,
    source="000 Art.48(2)",
    parameters=PARAMETERS,
)
take_or_pay.include(*CUSTOMER_TESTS)


# Reading (Art.48(2), both sentences together): every offtake contract is "long-term"
# (Art.46(1)(1) defines offtake as long-term guaranteed purchase); "the first year the
# contract is in force" is its first contract year — twelve months from the start date —
# and the duty is measured on the volume the contract sets for each calendar year. A
# calendar year that straddles the end of the first contract year is weighted by its days
# in the term: 100% for the days in the first contract year, 50% for the rest. A contract
# starting 1 Dec therefore keeps the 100% floor until 30 Nov of the next year. Alternative:
# the first *calendar* year of the contract is the "first year" (a 1 Dec start would get
# the 50% floor from January) — see docs/readings.md.
@take_or_pay.criterion(
    "year_in_contract",
    "000 Art.48(2)",
    en="The calendar year falls within the contract's term",
    ja="確認対象の暦年が契約期間内であること",
)
def _year_in_contract(f: F, p: P) -> pl.Expr:
    return f.kz_offtake_year.is_between(f.kz_offtake_start.dt.year(), f.kz_offtake_end.dt.year())


@take_or_pay.criterion(
    "supplier_performed",
    "000 Art.48(2)",
    en="The supplier performed its obligations properly (the duty's condition)",
    ja="供給者が契約上の義務を適正に履行したこと（義務の条件）",
)
def _supplier_performed(f: F, p: P) -> pl.Expr:
    return f.kz_offtake_supplier_performed


def _first_contract_year_end(f: F) -> pl.Expr:
    return period_end_expr(f.kz_offtake_start, years=1, start_day_counted=True)


def _later(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    # Not max_horizontal: it skips nulls, and an unknown date must leave the result unknown.
    return pl.when(a >= b).then(a).when(a < b).then(b)


def _earlier(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    return pl.when(a <= b).then(a).when(a > b).then(b)


def _year_span(f: F) -> tuple[pl.Expr, pl.Expr]:
    """First and last day of the checked calendar year that lie in the contract's term."""
    first = _later(pl.date(f.kz_offtake_year, 1, 1), f.kz_offtake_start)
    last = _earlier(pl.date(f.kz_offtake_year, 12, 31), f.kz_offtake_end)
    return first, last


@take_or_pay.value(
    "days_in_term",
    "000 Art.48(2)",
    unit="days",
    en="Days of the calendar year within the contract's term",
    ja="当該暦年のうち契約期間内の日数",
)
def _days_in_term(f: F, p: P, v: ValuesView) -> pl.Expr:
    first, last = _year_span(f)
    return (last - first).dt.total_days() + 1


@take_or_pay.value(
    "days_in_first_contract_year",
    "000 Art.48(2)",
    unit="days",
    en="Of those, days within the first contract year (twelve months from the start)",
    ja="うち契約初年度（開始日から12か月）内の日数",
)
def _days_first(f: F, p: P, v: ValuesView) -> pl.Expr:
    first, last = _year_span(f)
    upto = _earlier(last, _first_contract_year_end(f))
    days = (upto - first).dt.total_days() + 1
    return pl.when(days > 0).then(days).when(days <= 0).then(pl.lit(0, pl.Int64))


def _weighted_days(p: P, v: ValuesView) -> pl.Expr:
    later = v.days_in_term - v.days_in_first_contract_year
    return v.days_in_first_contract_year * amount(p.offtake_first_year_share) + later * amount(
        p.offtake_later_year_share
    )


@take_or_pay.value(
    "floor_share",
    "000 Art.48(2)",
    unit="ratio",
    en="Share of the year's contract volume the customer must take and pay (days in the first "
    "contract year at the first-year share, the rest at the later share)",
    ja="受領・支払義務を負う当該暦年契約数量の割合（契約初年度内の日数は初年度割合、残りは"
    "2年目以降の割合で加重）",
)
def _floor_share(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _weighted_days(p, v) / v.days_in_term


@take_or_pay.value(
    "minimum_take",
    "000 Art.48(2)",
    unit="ratio",
    en="Smallest volume the customer must take and pay in the year (contract units)",
    ja="当該年に発注者が受領・支払う最低数量（契約上の単位）",
)
def _minimum_take(f: F, p: P, v: ValuesView) -> pl.Expr:
    # Multiply first, divide last, so that whole results stay whole.
    return f.kz_offtake_year_volume * _weighted_days(p, v) / v.days_in_term


@take_or_pay.value(
    "shortfall",
    "000 Art.48(2)",
    unit="ratio",
    en="Volume by which the customer's acceptance falls short of the floor (0 if none)",
    ja="受領数量が最低数量に不足する量（不足なしは0）",
)
def _shortfall(f: F, p: P, v: ValuesView) -> pl.Expr:
    gap = v.minimum_take - f.kz_offtake_accepted_volume
    return pl.when(gap > 0).then(gap).when(gap <= 0).then(amount(0))


@take_or_pay.value(
    "floor_met",
    "000 Art.48(2)",
    unit="flag",
    en="The customer took and paid at least the floor",
    ja="発注者が最低数量以上を受領・支払ったこと",
)
def _floor_met(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.kz_offtake_accepted_volume >= v.minimum_take


def offtake_floor(
    volumes: Mapping[int, Decimal], as_of: dt.date, *, start: dt.date, end: dt.date
) -> dict[int, Decimal]:
    """Smallest volume the customer must take and pay per calendar year of an offtake contract.

    ``volumes`` maps each calendar year of the contract (``start`` to ``end``) to the volume
    the contract sets for it; each year's floor weights its days in the first contract year
    (twelve months from ``start``) at the first-year share and the rest at the later share
    (Art.48(2)); shares as in force on ``as_of``.
    """
    if not volumes:
        raise ProgramError("offtake_floor: expected the contract's volume for at least one year")
    if any(volume < 0 for volume in volumes.values()):
        raise ProgramError("offtake_floor: volumes must not be negative")
    if end < start:
        raise ProgramError("offtake_floor: the contract ends before it starts")
    outside = [year for year in volumes if not start.year <= year <= end.year]
    if outside:
        raise ProgramError(f"offtake_floor: years {outside} are outside the contract's term")
    view = PARAMETERS.as_of(as_of)
    first_share, later_share = view.offtake_first_year_share, view.offtake_later_year_share
    first_year_end = period_end(start, years=1, start_day_counted=True)
    floors = {}
    for year, volume in sorted(volumes.items()):
        first = max(dt.date(year, 1, 1), start)
        last = min(dt.date(year, 12, 31), end)
        total = (last - first).days + 1
        in_first = max(0, (min(last, first_year_end) - first).days + 1)
        weighted = in_first * first_share + (total - in_first) * later_share
        floors[year] = volume * weighted / total
    return floors


# ============================================================================================
# kz.contract.guaranteed_purchase — Art.48-1
# ============================================================================================

guaranteed_purchase = Program(
    id="kz.contract.guaranteed_purchase",
    in_force_from=CONTRACTS_WORDING_FROM,
    jurisdiction="KZ",
    kind="contract",
    sectors=("manufacturing",),
    title={"en": "Guaranteed purchase contract", "ja": "保証購入契約"},
    summary={
        "en": "Long-term guaranteed purchase volumes of goods made at existing facilities, for a "
        "term of 1 to 10 years; what the contract must state.",
        "ja": "既存の生産施設で生産される財の長期保証購入量を定める契約（期間1年以上10年以下）と"
        "その必要記載事項。",
    },
    provider=LARGE_CUSTOMER,
    source="000 Art.48-1",
    parameters=PARAMETERS,
)
guaranteed_purchase.include(*CUSTOMER_TESTS)


# Reading: the term runs from the start date (counted) to the end date (inclusive); a term of
# N years from 1 March ends on the last day of February N years later (start day counted,
# corresponding-day rule). Alternative: count from the day after the start date, which makes
# every bound one day later.
def _term_bound(f: F, years: int) -> pl.Expr:
    return period_end_expr(f.kz_contract_start, years=years, start_day_counted=True)


@guaranteed_purchase.criterion(
    "term_at_least_minimum",
    "000 Art.48-1(3)",
    en="The term is at least 1 year",
    ja="契約期間が1年以上であること",
)
def _gpc_min(f: F, p: P) -> pl.Expr:
    return f.kz_contract_end >= _term_bound(f, p.guaranteed_purchase_min_years)


@guaranteed_purchase.criterion(
    "term_at_most_maximum",
    "000 Art.48-1(3)",
    en="The term is at most 10 years",
    ja="契約期間が10年以下であること",
)
def _gpc_max(f: F, p: P) -> pl.Expr:
    return f.kz_contract_end <= _term_bound(f, p.guaranteed_purchase_max_years)


@guaranteed_purchase.criterion(
    "goods_specified",
    "000 Art.48-1(4)",
    en="Names the goods with their technical, physical and/or chemical characteristics and "
    "composition",
    ja="財の名称及び技術・物理・化学特性、構成要素を記載していること",
)
def _gpc_goods(f: F, p: P) -> pl.Expr:
    return f.kz_contract_goods_specified


@guaranteed_purchase.criterion(
    "total_volume_set",
    "000 Art.48-1(4)",
    en="Sets the delivery volume for the whole term",
    ja="契約期間全体の納入量を記載していること",
)
def _gpc_volume(f: F, p: P) -> pl.Expr:
    return f.kz_contract_total_volume_set


@guaranteed_purchase.criterion(
    "mutual_liability",
    "000 Art.48-1(4)",
    en="States both parties' liability for non-performance",
    ja="双方の責任を記載していること",
)
def _gpc_liability(f: F, p: P) -> pl.Expr:
    return f.kz_contract_mutual_liability


@guaranteed_purchase.value(
    "earliest_end",
    "000 Art.48-1(3)",
    unit="date",
    en="Earliest last day of the contract (1-year term)",
    ja="契約最終日の下限（1年）",
)
def _gpc_earliest(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _term_bound(f, p.guaranteed_purchase_min_years)


@guaranteed_purchase.value(
    "latest_end",
    "000 Art.48-1(3)",
    unit="date",
    en="Latest last day of the contract (10-year term)",
    ja="契約最終日の上限（10年）",
)
def _gpc_latest(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _term_bound(f, p.guaranteed_purchase_max_years)


# ============================================================================================
# kz.contract.icv_programme — Art.61-1
# ============================================================================================

icv_programme = Program(
    id="kz.contract.icv_programme",
    in_force_from=CONTRACTS_WORDING_FROM,
    jurisdiction="KZ",
    kind="certification",
    title={
        "en": "In-country-value increase programme: coordination",
        "ja": "国内価値拡大プログラムの調整",
    },
    summary={
        "en": "Every large customer draws up a programme of at least 3 years to raise in-country "
        "value; coordination may be refused only on the three grounds of Art.61-1(2).",
        "ja": "大規模発注者は3年以上の国内価値拡大プログラムを策定する。調整の拒否は第61-1条第2項の"
        "三つの根拠に限られる。",
    },
    provider=AUTHORITY,
    source="000 Art.61-1",
    parameters=PARAMETERS,
)


@icv_programme.criterion(
    "large_customer",
    "000 Art.61-1(1)",
    en="The customer is a large customer (bound to have a programme)",
    ja="発注者が大規模発注者であること（プログラム策定義務者）",
)
def _icv_large(f: F, p: P) -> pl.Expr:
    return f.kz_contract_large_customer


@icv_programme.criterion(
    "period_at_least_minimum",
    "000 Art.61-1(2)",
    en="The programme covers at least 3 years",
    ja="プログラムの期間が3年以上であること",
)
def _icv_period(f: F, p: P) -> pl.Expr:
    minimum: int = p.icv_programme_min_years
    return f.kz_contract_icv_programme_years >= minimum


@icv_programme.criterion(
    "targets_not_low",
    "000 Art.61-1(2)(1)",
    en="Refusal ground 1 absent: the ICV targets for goods procurement are not low "
    "(the coordinating body's judgement)",
    ja="拒否根拠1がないこと：財調達の国内価値目標値が低くないこと（調整機関の判断）",
    on_unknown="review",
)
def _icv_targets(f: F, p: P) -> pl.Expr:
    return f.kz_contract_icv_targets_low.not_()


@icv_programme.criterion(
    "indicators_match_applications",
    "000 Art.61-1(2)(2)",
    en="Refusal ground 2 absent: contract-planning indicators match the number of applications "
    "from industrial-innovative entities (the coordinating body's judgement)",
    ja="拒否根拠2がないこと：産業発展契約の指標が申請件数に見合うこと（調整機関の判断）",
    on_unknown="review",
)
def _icv_indicators(f: F, p: P) -> pl.Expr:
    return f.kz_contract_icv_indicators_match


@icv_programme.criterion(
    "sme_measures_present",
    "000 Art.61-1(2)(3)",
    en="Refusal ground 3 absent: the programme has SME-development measures",
    ja="拒否根拠3がないこと：中小企業発展の施策があること",
)
def _icv_sme(f: F, p: P) -> pl.Expr:
    return f.kz_contract_icv_sme_measures


@icv_programme.value(
    "coordinators",
    "000 Art.61-1(2)",
    unit="text",
    en="Who coordinates the programme before the customer approves it",
    ja="顧客の承認前にプログラムを調整する機関",
)
def _icv_coordinators(f: F, p: P, v: ValuesView) -> pl.Expr:
    return lookup(f.kz_contract_customer_type, p.icv_programme_coordinators, pl.String())


# ============================================================================================
# Art.47 — the procurement-plan cycle as dated steps
# ============================================================================================


@dataclass(frozen=True)
class CycleStep:
    """One dated step of the procurement-plan cycle."""

    id: str
    due: dt.date
    rule: DeadlineRule
    event: dt.date  # the date the rule counts from
    en: str
    ja: str

    @property
    def citation(self) -> Citation:
        return self.rule.citation


def procurement_deadlines(as_of: dt.date) -> dict[str, DeadlineRule]:
    """The named deadline rules of Art.47 as in force on ``as_of``."""
    p = PARAMETERS.as_of(as_of)
    return {
        "plans_due": FixedDate(p.plans_due_month, p.plans_due_day, cite("000 Art.47(1)-(2)")),
        "review_due": CalendarDays(p.plan_review_days, cite("000 Art.47(4)")),
        "resubmission_due": WorkingDays(
            p.plan_resubmission_working_days, "KZ", cite("000 Art.47(4)")
        ),
        "coordination_due": WorkingDays(
            p.plan_coordination_working_days, "KZ", cite("000 Art.47(4)")
        ),
        "list_posting_due": FixedDate(
            p.list_posting_month, p.list_posting_day, cite("000 Art.47(5)")
        ),
        "applications_due": CalendarDays(p.application_days, cite("000 Art.47(6)")),
        "conclusion_due": CalendarDays(p.conclusion_days, cite("000 Art.47(7)")),
    }


_STEP_TEXT = {
    "plans_due": ("Authority receives the procurement plans", "権限機関が調達計画書を受領する期限"),
    "review_due": ("Authority finishes reviewing the plan", "権限機関による調達計画書の審査期限"),
    "resubmission_due": ("Customer resubmits the corrected plan", "修正した調達計画書の再提出期限"),
    "coordination_due": (
        "Authority finishes coordinating the resubmitted plan",
        "再提出された計画書の調整期限",
    ),
    "list_posting_due": (
        "Agreed lists posted in the subsoil-use register",
        "合意リストのレジストリ掲載期限",
    ),
    "applications_due": ("Manufacturers' applications close", "加工業企業の申請期限"),
    "conclusion_due": (
        "Customer reviews applications and concludes contracts",
        "申請審査・契約締結の期限",
    ),
}


def procurement_cycle(
    procurement_year: int,
    *,
    plan_received: dt.date | None = None,
    remarks_received: dt.date | None = None,
    resubmitted: dt.date | None = None,
    list_posted: dt.date | None = None,
) -> list[CycleStep]:
    """The dated steps of Art.47 for plans whose first procurement year is ``procurement_year``.

    Steps that count from an event use that event's date where it is given, else the latest
    day the law allows for it (the plan received on 10 December, the list posted on
    1 February). The remarks steps appear only once remarks were received / a plan resubmitted.
    Calendar-day periods end on the N-th day after the event (no move off a day off: the
    article does not say so); working days use the KZ calendar. The rules are those in force
    on the day plans are due.
    """
    plans_anchor = dt.date(procurement_year - 1, 1, 1)  # plans come in the year before
    rules = procurement_deadlines(dt.date(procurement_year - 1, 12, 31))
    steps: list[CycleStep] = []

    def add(step_id: str, event: dt.date) -> dt.date:
        rule = rules[step_id]
        due = rule.due(event)
        en, ja = _STEP_TEXT[step_id]
        steps.append(CycleStep(step_id, due, rule, event, en, ja))
        return due

    plans_due = add("plans_due", plans_anchor)
    add("review_due", plan_received or plans_due)
    if remarks_received is not None:
        add("resubmission_due", remarks_received)
    # Reading: the 10-working-day cap is the Authority's re-coordination of the resubmitted
    # plan, counted from resubmission. Alternative: a cap on the whole coordination.
    if resubmitted is not None:
        add("coordination_due", resubmitted)
    posting_due = add("list_posting_due", dt.date(procurement_year, 1, 1))
    applications_due = add("applications_due", list_posted or posting_due)
    add("conclusion_due", applications_due)
    return steps


# ============================================================================================
# Art.60 — domestic raw materials
# ============================================================================================

raw_listing = Program(
    id="kz.raw.listing",
    in_force_from=RAW_WORDING_FROM,
    jurisdiction="KZ",
    kind="register",
    sectors=("manufacturing",),
    title={
        "en": "Domestic raw materials: application to list a raw material",
        "ja": "国産原材料リストへの登録申請",
    },
    summary={
        "en": "A manufacturer asks the Authority to put a raw material on the list of domestic "
        "raw materials; the only refusal grounds are an incomplete file and no producer in "
        "Kazakhstan.",
        "ja": "加工業企業が原材料の国産原材料リスト登録を申請する。拒否根拠は書類不備と国内生産者の"
        "不在のみ。",
    },
    provider=AUTHORITY,
    source="000 Art.60(2)-(3)",
    parameters=PARAMETERS,
)


@raw_listing.criterion(
    "documents_complete",
    "000 Art.60(3)",
    en="The document set is complete",
    ja="書類一式が揃っていること",
)
def _raw_documents(f: F, p: P) -> pl.Expr:
    return f.kz_raw_documents_complete


@raw_listing.criterion(
    "domestic_producer_exists",
    "000 Art.60(3)",
    en="The raw material has a producer in Kazakhstan",
    ja="国内に当該原材料の生産者がいること",
)
def _raw_producer_exists(f: F, p: P) -> pl.Expr:
    return f.kz_raw_domestic_producer_exists


raw_producer = Program(
    id="kz.raw.producer",
    in_force_from=RAW_WORDING_FROM,
    jurisdiction="KZ",
    kind="register",
    sectors=("raw_materials",),
    title={
        "en": "Domestic raw materials: producer on the list and its supply share",
        "ja": "国産原材料生産者のリスト掲載と供給割合",
    },
    summary={
        "en": "Producers of a listed raw material are put on the list unless they are new "
        "(under 3 years in Kazakhstan) or small; each supplies manufacturers in proportion to "
        "its share of domestic output.",
        "ja": "新規（事業3年未満）又は少量の生産者を除き、生産者はリストに掲載され、国内総生産量に"
        "占める自らの生産割合に応じて加工業企業に供給する。",
    },
    provider=AUTHORITY,
    source="000 Art.60(4)-(5)",
    parameters=PARAMETERS,
)


# Reading: a producer has operated "3 years" on the anniversary of its start (the day that
# corresponds to it three years on; 29 February → 28 February), as of the evaluation date.
# Alternative: the three years end the day before the anniversary (start day counted).
@raw_producer.criterion(
    "not_new_production",
    "000 Art.60(4)",
    en="Has operated in Kazakhstan for at least 3 years (not new production)",
    ja="カザフスタンでの事業期間が3年以上であること（新規生産施設でないこと）",
)
def _raw_not_new(f: F, p: P) -> pl.Expr:
    third_anniversary = period_end_expr(
        f.kz_raw_operating_since, years=p.raw_new_production_years, start_day_counted=False
    )
    return third_anniversary <= pl.lit(p.date)


@raw_producer.criterion(
    "not_small_volume",
    "000 Art.60(4)",
    en="Its output of the raw material is not small under the Rules",
    ja="規則で定める少量生産者でないこと",
)
def _raw_not_small(f: F, p: P) -> pl.Expr:
    return f.kz_raw_small_volume.not_()


# Reading: the share's base is the whole domestic output of the raw material (listed or not),
# as the article says; shares of listed producers then need not add up to 1. Alternative:
# divide among listed producers only.
@raw_producer.value(
    "supply_share",
    "000 Art.60(5)",
    unit="ratio",
    en="The producer's share of domestic output, which sets its share of supply",
    ja="国内総生産量に占める当該生産者の割合（供給割合）",
)
def _raw_share(f: F, p: P, v: ValuesView) -> pl.Expr:
    return share(f.kz_raw_producer_output, f.kz_raw_domestic_output)


@raw_producer.value(
    "supply_quota",
    "000 Art.60(5)",
    unit="ratio",
    en="Volume the producer supplies to manufacturing enterprises (units of the raw material)",
    ja="当該生産者が加工業企業に供給する数量（原材料の単位）",
)
def _raw_quota(f: F, p: P, v: ValuesView) -> pl.Expr:
    return v.supply_share * f.kz_raw_total_supply


def supply_shares(
    outputs: Mapping[str, Decimal], domestic_output: Decimal, total_supply: Decimal
) -> dict[str, Decimal]:
    """Each listed producer's supply volume under Art.60(5): ``total_supply`` × its output /
    the whole domestic output, the share held at the engine's 10 decimals (half-even) as
    :data:`supply_share` is."""
    if domestic_output <= 0:
        raise ProgramError("supply_shares: the domestic output must be positive")
    if sum(outputs.values(), Decimal(0)) > domestic_output:
        raise ProgramError("supply_shares: listed producers cannot exceed the domestic output")
    if any(output < 0 for output in outputs.values()) or total_supply < 0:
        raise ProgramError("supply_shares: outputs and supply must not be negative")
    return {
        name: (output / domestic_output).quantize(_QUANTUM, ROUND_HALF_EVEN) * total_supply
        for name, output in outputs.items()
    }


raw_supply_agreement = Program(
    id="kz.raw.supply_agreement",
    in_force_from=RAW_WORDING_FROM,
    jurisdiction="KZ",
    kind="contract",
    sectors=("raw_materials", "manufacturing"),
    title={"en": "Domestic raw-material supply agreement", "ja": "国産原材料供給合意"},
    summary={
        "en": "Tripartite agreement (producer, manufacturer, Authority): a listed producer must "
        "sign; the price is competitive and at most the producer's minimum export price; the "
        "manufacturer may not resell the raw material.",
        "ja": "生産者・加工業企業・権限機関の三者合意。掲載生産者は締結義務を負い、価格は競争力が"
        "あり最低輸出価格以下。加工業企業は転売禁止。",
    },
    provider=AUTHORITY,
    source="000 Art.60(1),(6)-(8)",
    parameters=PARAMETERS,
)
raw_supply_agreement.requires_program(
    raw_producer,
    "producer_listed",
    "000 Art.60(6)",
    en="The producer is on the list of domestic raw materials (and so must sign)",
    ja="生産者が国産原材料リストに掲載されていること（締結義務）",
)


@raw_supply_agreement.criterion(
    "price_within_cap",
    "000 Art.60(7)",
    en="The price does not exceed the producer's minimum export price (equal is allowed)",
    ja="価格が当該生産者の最低輸出価格を超えないこと（同額可）",
)
def _raw_price_cap(f: F, p: P) -> pl.Expr:
    return f.kz_raw_agreed_price <= f.kz_raw_min_export_price


@raw_supply_agreement.criterion(
    "price_competitive",
    "000 Art.60(7)",
    en="The price terms are competitive (the Authority's judgement)",
    ja="価格条件に競争力があること（権限機関の判断）",
    on_unknown="review",
)
def _raw_price_competitive(f: F, p: P) -> pl.Expr:
    return f.kz_raw_price_competitive


@raw_supply_agreement.criterion(
    "manufacturer_not_barred",
    "000 Art.60(8)",
    en="The manufacturer is not barred from such agreements for an earlier resale",
    ja="加工業企業が過去の転売により同様の合意への参加を禁止されていないこと",
)
def _raw_not_barred(f: F, p: P) -> pl.Expr:
    return f.kz_raw_manufacturer_barred.not_()


@raw_supply_agreement.criterion(
    "no_resale",
    "000 Art.60(8)",
    en="The manufacturer has not sold the raw material to a third party (a resale ends the "
    "agreement and bars the manufacturer)",
    ja="加工業企業が原材料を第三者に販売していないこと（販売は合意解除と参加禁止を伴う）",
)
def _raw_no_resale(f: F, p: P) -> pl.Expr:
    return f.kz_raw_resold.not_()


raw_export_licence = Program(
    id="kz.raw.export_licence",
    in_force_from=RAW_WORDING_FROM,
    jurisdiction="KZ",
    kind="certification",
    sectors=("raw_materials",),
    title={
        "en": "Export licence for a listed domestic raw material",
        "ja": "国産原材料の輸出ライセンス",
    },
    summary={
        "en": "A listed raw material leaves Kazakhstan only under the Authority's licence, issued "
        "only to a producer that concluded its supply agreements and performed them for the "
        "period before applying.",
        "ja": "リスト掲載原材料の輸出は権限機関のライセンスによる。ライセンスは供給合意を締結し"
        "申請前期間の義務を履行した生産者にのみ発行される。",
    },
    provider=AUTHORITY,
    source="000 Art.60(9)",
    parameters=PARAMETERS,
)


def _listed(f: F, p: P) -> pl.Expr:
    return f.kz_raw_listed_material


@raw_export_licence.criterion(
    "agreement_concluded",
    "000 Art.60(9)",
    en="The producer concluded supply agreements with manufacturers",
    ja="生産者が加工業企業との供給合意を締結したこと",
    applies=_listed,
)
def _raw_agreement(f: F, p: P) -> pl.Expr:
    return f.kz_raw_agreement_concluded


@raw_export_licence.criterion(
    "obligations_performed",
    "000 Art.60(9)",
    en="The producer performed those agreements for the period before the application",
    ja="申請前の期間について供給合意上の義務を履行したこと",
    applies=_listed,
)
def _raw_performed(f: F, p: P) -> pl.Expr:
    return f.kz_raw_obligations_performed
