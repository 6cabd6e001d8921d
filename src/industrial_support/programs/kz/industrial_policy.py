"""Kazakhstan, Law on Industrial Policy (seed 000): what every stimulation measure requires.

* ``kz.gate`` — the conditions of Art.25(5) for every measure (C1 priority goods, C2
  cross-obligations accepted, C3 documents meet the measure's rules, C4 entry in the Register
  of Kazakhstan Producers); failing any one refuses the measure (Art.25(6)), the criterion id
  being the refusal code. Agro-industrial entities are routed to their own law (Art.25(2)).
  Each ``kz.measure.*`` program requires this gate, so it is written once. C4 is dated: it
  exists from Law 188-VIII (+10 days, with the register itself), and until 1 Jan 2026 a
  CT-KZ or industrial certificate still valid under Art.68 satisfies it too.
* ``kz.competitiveness_agreement`` — the bar of Art.28(4) on a new agreement after a failed
  one, unless the failure was beyond the entity's control (an official's finding).
* ``kz.cross_obligation_refund`` — what an entity that failed its cross-obligations pays
  back (Art.27(4)): the law names the two inputs (degree of fulfilment, National Bank base
  rate) and leaves the formula to the Rules, so the formula's shape is a dated parameter.

All three are in force from the base law's start (law_dates.BASE_LAW).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import polars as pl

from ...engine.errors import ProgramError
from ...engine.facts import FactsView as F
from ...engine.facts import catalog
from ...engine.parameters import ParameterSet
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, ValuesView
from ...engine.rules import amount
from .law_dates import BASE_LAW, CT_KZ_LAST_DAY, LAW_188_VIII_TEN_DAYS, day_after

facts = catalog("KZ")

facts.define(
    "kz_industrial_innovative_entity",
    "boolean",
    en="An industrial-innovative entity: carries out industrial-innovative projects or promotes "
    "Kazakhstan manufactured goods, works or services at home or abroad",
    ja="産業イノベーション事業体（産業イノベーションプロジェクトを実施し、又はカザフスタンの"
    "加工品・業務・サービスを国内外の市場で促進する者）であること",
)
facts.define(
    "kz_agro_industrial",
    "boolean",
    en="Operates in the agro-industrial complex (its stimulation falls under the law on the "
    "agro-industrial complex and rural areas)",
    ja="農産業複合体で活動していること（その刺激は農産業複合体・農村地域発展の国家規制法による）",
)
facts.define(
    "kz_priority_goods_orientation",
    "boolean",
    en="C1: the enterprise is oriented to producing goods on the List of Priority Goods",
    ja="C1：優先品目リストに含まれる財の生産を志向していること",
)
facts.define(
    "kz_accepts_cross_obligations",
    "boolean",
    en="C2: the recipient accepts cross-obligations for the measure",
    ja="C2：受け手が刺激策に伴う交叉責任を受け入れること",
)
facts.define(
    "kz_documents_meet_measure_rules",
    "boolean",
    en="C3: the entity and the documents it submitted meet the requirements of the by-law that "
    "governs the measure (an official's finding)",
    ja="C3：事業体及び提出書類が当該刺激策の提供手続を定める法規の要件を満たすこと（担当官の判断）",
)
facts.define(
    "kz_in_producers_register",
    "boolean",
    en="C4: entered in the Register of Kazakhstan Producers",
    ja="C4：カザフスタン生産者レジストリに登録されていること",
)
facts.define(
    "kz_holds_ct_kz_certificate",
    "boolean",
    en="Holds a CT-KZ certificate of origin or an industrial certificate issued before the "
    "register provisions took effect, or issued under the old regime before 1 Jan 2026",
    ja="レジストリ規定の施行前に発行され、又は2026年1月1日まで旧制度で発行されたCT-KZ様式の"
    "産地証明書若しくは工業証明書を有すること",
)
facts.define(
    "kz_prior_agreement_failed",
    "boolean",
    en="Has concluded a competitiveness agreement before and failed its cross-obligations under it",
    ja="過去に競争力向上合意を締結し、その交叉責任を履行できなかったこと",
)
facts.define(
    "kz_prior_failure_beyond_control",
    "boolean",
    en="That failure was due to circumstances beyond the entity's control (an official's finding)",
    ja="不履行の原因が本人の支配の及ばない事情にあったこと（担当官が判断）",
)
facts.define(
    "kz_measure_funds_received",
    "money",
    currency="KZT",
    en="Funds received under the stimulation measure",
    ja="国家産業刺激策の枠内で受け取った資金",
)
facts.define(
    "kz_cross_obligation_fulfilment",
    "decimal",
    unit="ratio",
    maximum=None,
    en="Degree to which the cross-obligations were fulfilled, as a ratio (1 = fully)",
    ja="交叉責任の履行達成度（比率、1＝完全履行）",
)
facts.define(
    "kz_funds_received_date",
    "date",
    en="Date the funds under the measure were received",
    ja="刺激策の資金を受領した日",
)
facts.define(
    "kz_refund_date",
    "date",
    en="Date up to which the refund is computed (the refund demand)",
    ja="返金額の計算基準日（返金請求日）",
)

PARAMETERS = ParameterSet.load(Path(__file__).with_name("industrial_policy.yaml"))

GATE_SOURCE = "000 Art.25(5)"

gate = Program(
    id="kz.gate",
    jurisdiction="KZ",
    kind="measure",
    sectors=("manufacturing",),
    title={
        "en": "Conditions for every state industrial stimulation measure",
        "ja": "国家産業刺激策の共通提供条件",
    },
    summary={
        "en": "An industrial-innovative entity receives a measure only if it is oriented to "
        "priority goods, accepts cross-obligations, its documents meet the measure's rules and "
        "it is in the Register of Kazakhstan Producers; any failure is a ground for refusal. "
        "Agro-industrial entities are stimulated under their own law.",
        "ja": "優先品目志向、交叉責任の受諾、書類の要件適合、生産者レジストリ登録の全てを満たす"
        "産業イノベーション事業体に提供され、いずれかを欠けば拒否の根拠となる。農産業複合体の"
        "事業体は別法による。",
    },
    provider={
        "en": "Authorized body for state stimulation of industry (coordinates)",
        "ja": "国家産業促進分野の権限機関（調整）",
    },
    source=GATE_SOURCE,
    parameters=PARAMETERS,
    in_force_from=BASE_LAW,
)


@gate.criterion(
    "industrial_innovative_entity",
    "000 Art.25(5)",
    en="The applicant is an industrial-innovative entity",
    ja="申請者が産業イノベーション事業体であること",
)
def _iie(f: F, p: P) -> pl.Expr:
    return f.kz_industrial_innovative_entity


@gate.criterion(
    "not_agro_industrial",
    "000 Art.25(2)",
    en="Not an agro-industrial-complex entity (those are stimulated under the agro-industrial "
    "complex law instead)",
    ja="農産業複合体の事業体でないこと（該当すれば農産業複合体法による刺激の対象）",
)
def _not_agro(f: F, p: P) -> pl.Expr:
    return ~f.kz_agro_industrial


@gate.criterion(
    "c1_priority_goods",
    "000 Art.25(5)",
    en="C1: oriented to producing goods on the List of Priority Goods",
    ja="C1：優先品目リストの財の生産を志向していること",
)
def _c1(f: F, p: P) -> pl.Expr:
    return f.kz_priority_goods_orientation


@gate.criterion(
    "c2_cross_obligations",
    "000 Art.25(5)",
    en="C2: accepts cross-obligations",
    ja="C2：交叉責任を受け入れること",
)
def _c2(f: F, p: P) -> pl.Expr:
    return f.kz_accepts_cross_obligations


@gate.criterion(
    "c3_documents",
    "000 Art.25(5)",
    en="C3: entity and documents meet the rules of the measure",
    ja="C3：事業体及び提出書類が刺激策の規則の要件を満たすこと",
    on_unknown="review",
)
def _c3(f: F, p: P) -> pl.Expr:
    return f.kz_documents_meet_measure_rules


# C4 came with Law 188-VIII (+10 days) together with the register itself (Arts.51-1 to 51-7):
# before then the condition did not exist. Until 1 Jan 2026 the CT-KZ certificates and
# industrial certificates issued under the old regime stay valid (Art.68), so either proves
# the producer; from 2026 only the register does.
@gate.criterion(
    "c4_producers_register",
    "000 Art.25(5); Art.68",
    en="C4: entered in the Register of Kazakhstan Producers, or holding a CT-KZ certificate of "
    "origin or an industrial certificate still valid in the transition",
    ja="C4：カザフスタン生産者レジストリに登録されていること、又は経過期間中に有効なCT-KZ様式の"
    "産地証明書若しくは工業証明書を有すること",
    from_=LAW_188_VIII_TEN_DAYS,
    to=CT_KZ_LAST_DAY,
)
def _c4_transition(f: F, p: P) -> pl.Expr:
    return f.kz_in_producers_register | f.kz_holds_ct_kz_certificate


@gate.criterion(
    "c4_producers_register",
    "000 Art.25(5)",
    en="C4: entered in the Register of Kazakhstan Producers",
    ja="C4：カザフスタン生産者レジストリに登録されていること",
    from_=day_after(CT_KZ_LAST_DAY),
)
def _c4(f: F, p: P) -> pl.Expr:
    return f.kz_in_producers_register


competitiveness_agreement = Program(
    id="kz.competitiveness_agreement",
    jurisdiction="KZ",
    kind="contract",
    sectors=("manufacturing",),
    title={"en": "Agreement on increasing competitiveness", "ja": "競争力向上合意"},
    summary={
        "en": "A new agreement may not be concluded with an entity that failed the "
        "cross-obligations of an earlier one, unless the failure was beyond its control.",
        "ja": "過去の合意の交叉責任を履行できなかった事業体とは、その不履行が当該主体に依存しない"
        "状況によるものでない限り、新たな合意を締結できない。",
    },
    provider={
        "en": "Authorized body for state stimulation of industry",
        "ja": "国家産業促進分野の権限機関",
    },
    source="000 Art.28",
    parameters=PARAMETERS,
    in_force_from=BASE_LAW,
)


@competitiveness_agreement.criterion(
    "industrial_innovative_entity",
    "000 Art.28(1)",
    en="The other party is an industrial-innovative entity",
    ja="相手方が産業イノベーション事業体であること",
)
def _ca_iie(f: F, p: P) -> pl.Expr:
    return f.kz_industrial_innovative_entity


@competitiveness_agreement.criterion(
    "prior_failure_excused",
    "000 Art.28(4)",
    en="The earlier failure of cross-obligations was due to circumstances beyond the entity's "
    "control",
    ja="以前の相互義務の不履行が本人の支配の及ばない事情によること",
    applies=lambda f, p: f.kz_prior_agreement_failed,
    on_unknown="review",
)
def _ca_bar(f: F, p: P) -> pl.Expr:
    return f.kz_prior_failure_beyond_control


refund = Program(
    id="kz.cross_obligation_refund",
    jurisdiction="KZ",
    kind="obligation",
    sectors=("manufacturing",),
    title={
        "en": "Refund of measure funds for unfulfilled cross-obligations",
        "ja": "交叉責任不履行による刺激策資金の返金",
    },
    summary={
        "en": "Funds received under a measure are paid back when the cross-obligations are "
        "not fulfilled, by the degree of fulfilment and with the National Bank base rate.",
        "ja": "交叉責任を履行しない場合、受け取った資金を履行達成度及び国立銀行基準金利を加味して"
        "返金する。",
    },
    provider={
        "en": "National development institution for industrial development (monitors)",
        "ja": "産業発展分野の国家開発機関（モニタリング）",
    },
    source="000 Art.27(4)",
    parameters=PARAMETERS,
    in_force_from=BASE_LAW,
)

SHAPE_PLAIN = "unfulfilled_share"
SHAPE_WITH_INTEREST = "unfulfilled_share_with_base_rate_interest"


@refund.criterion(
    "cross_obligations_not_fulfilled",
    "000 Art.27(4)",
    en="The cross-obligations were not fulfilled in full (degree of fulfilment below 1)",
    ja="交叉責任が完全には履行されていないこと（履行達成度が1未満）",
)
def _not_fulfilled(f: F, p: P) -> pl.Expr:
    return f.kz_cross_obligation_fulfilment < amount(1)


@refund.criterion(
    "refund_date_not_before_receipt",
    "000 Art.27(4)",
    en="The refund date is not before the date the funds were received",
    ja="返金計算基準日が資金受領日より前でないこと",
)
def _dates(f: F, p: P) -> pl.Expr:
    return f.kz_refund_date >= f.kz_funds_received_date


@refund.value(
    "unfulfilled_share",
    "000 Art.27(4)",
    unit="ratio",
    en="Unfulfilled share of the cross-obligations",
    ja="交叉責任の未履行割合",
)
def _unfulfilled(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(1) - f.kz_cross_obligation_fulfilment


@refund.value(
    "base_rate",
    "000 Art.27(4)",
    unit="ratio",
    en="National Bank base rate in force on the evaluation date",
    ja="評価日に有効な国立銀行基準金利",
)
def _base_rate(f: F, p: P, v: ValuesView) -> pl.Expr:
    rate: Decimal = p.nbk_base_rate
    return pl.lit(rate).cast(pl.Decimal(38, 10))


@refund.value(
    "days_held",
    "000 Art.27(4)",
    unit="days",
    en="Days from receipt of the funds to the refund date",
    ja="資金受領日から返金計算基準日までの日数",
)
def _days(f: F, p: P, v: ValuesView) -> pl.Expr:
    return (f.kz_refund_date - f.kz_funds_received_date).dt.total_days()


@refund.value(
    "refund_principal",
    "000 Art.27(4)",
    unit="KZT",
    en="Funds to return in proportion to the unfulfilled share",
    ja="未履行割合に応じた返金元本",
)
def _principal(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.kz_measure_funds_received * v.unfulfilled_share


@refund.value(
    "refund_interest",
    "000 Art.27(4)",
    unit="KZT",
    en="Interest at the base rate on the principal, simple, per day on the parameter's day "
    "basis (zero where the formula has none)",
    ja="返金元本に対する基準金利の単利（日割り、日数基準はパラメータ。算式に利息がなければ0）",
)
def _interest(f: F, p: P, v: ValuesView) -> pl.Expr:
    shape = p.refund_formula
    if shape == SHAPE_PLAIN:
        return amount(0)
    if shape == SHAPE_WITH_INTEREST:
        # Multiply first, divide last: the one division is the only rounding (10 decimals).
        return v.refund_principal * v.base_rate * v.days_held / amount(p.interest_day_basis)
    raise ProgramError(f"kz.cross_obligation_refund: unknown refund formula {shape!r}")


@refund.value(
    "refund_total",
    "000 Art.27(4)",
    unit="KZT",
    en="Total refund",
    ja="返金総額",
)
def _total(f: F, p: P, v: ValuesView) -> pl.Expr:
    return v.refund_principal + v.refund_interest
