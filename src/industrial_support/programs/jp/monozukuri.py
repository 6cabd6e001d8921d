"""Japan: the Act on the Enhancement of SME Monozukuri Base Technologies (seed 002).

An SME (``jp.sme``) files a plan of R&D on a designated base technology; once the Minister
certifies it (Arts.4-5) the SME may use: special credit-insurance terms (Art.7), equity from an
SME investment company (Art.8) and relief on patent fees (Art.9). It must report when asked
(Art.12) on pain of a fine (Art.14).

Readings chosen where the text leaves room (see docs/readings.md):
* Art.9's two years are counted *from* the R&D end date (起算して): that date is day one, so
  the last filing day is the day before its second anniversary (Civil Code Art.143(2)); the
  alternative — not counting the end date (Art.140), one day later — is not used. Filing
  before the R&D period ends is allowed (the Act sets only an upper limit). The last day is
  not moved off a holiday: the limit defines which inventions qualify, it is not a time limit
  for a procedure.
* Art.7(4)'s premium applies to the insured amount. The seed gives the insured share only for
  ordinary insurance (80%), so premiums are computed for ordinary insurance only.
* Art.8: "above 300m yen" is strict (超える).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from ...engine.deadlines import period_end_expr
from ...engine.facts import FactsView as F
from ...engine.facts import catalog
from ...engine.parameters import ParameterSet
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, ValuesView
from ...engine.rules import amount, lookup
from .sme import sme

facts = catalog("JP")
PARAMETERS = ParameterSet.load(Path(__file__).with_suffix(".yaml"))
PROVIDER_METI = {
    "en": "Minister of Economy, Trade and Industry (may be delegated to a regional bureau, Art.13)",
    "ja": "経済産業大臣（経済産業局長に委任可、第十三条）",
}

# --- facts -------------------------------------------------------------------------------
for name, en, ja in [
    (
        "technology_designated",
        "The plan concerns a base technology designated by the Minister",
        "計画が経済産業大臣の指定する特定ものづくり基盤技術に関するものであること",
    ),
    (
        "plan_joint",
        "The plan is made jointly by several SMEs",
        "複数の中小企業者による共同の計画であること",
    ),
    (
        "plan_representative_notified",
        "A representative of the joint applicants has been named and notified",
        "共同申請の代表者を定めて届け出たこと",
    ),
    (
        "plan_co_applicants_all_sme",
        "Every joint applicant is an SME",
        "共同申請者がいずれも中小企業者であること",
    ),
    (
        "plan_states_goal",
        "The plan states the goal of the R&D",
        "計画に研究開発等の目標が記載されていること",
    ),
    (
        "plan_states_content_and_period",
        "The plan states the content and the period of the R&D",
        "計画に研究開発等の内容及び実施期間が記載されていること",
    ),
    (
        "plan_has_collaborators",
        "Other bodies (firms, universities, agencies) cooperate in the R&D",
        "研究開発等に協力する者（協力者）がいること",
    ),
    (
        "plan_states_collaborators",
        "The plan names each collaborator with address, representative and contribution",
        "計画に協力者の名称、住所、代表者氏名及び協力の内容が記載されていること",
    ),
    (
        "plan_states_funding",
        "The plan states the funds needed and how they will be raised",
        "計画に必要な資金の額及び調達方法が記載されていること",
    ),
    (
        "finding_guideline_fit",
        "Official finding: goal, content/period and collaborators fit the Minister's guideline",
        "審査結果：目標・内容及び期間・協力者が高度化指針に照らして適切であること",
    ),
    (
        "finding_feasible",
        "Official finding: the content and period can be carried out",
        "審査結果：内容及び実施期間が遂行可能であること",
    ),
    (
        "finding_sound_execution",
        "Official finding: collaborators and funding support a proper and sure execution",
        "審査結果：協力者及び資金が適切かつ確実な遂行に資すること",
    ),
    (
        "plan_certified",
        "The enterprise holds a certification of its R&D plan",
        "特定研究開発等計画の認定を受けていること",
    ),
    (
        "plan_changed_since_certification",
        "The certified plan has been changed since it was certified",
        "認定後に計画を変更したこと",
    ),
    (
        "plan_change_certified",
        "The change of the plan has itself been certified",
        "計画の変更について認定を受けたこと",
    ),
    ("certification_revoked", "The certification has been revoked", "認定が取り消されたこと"),
    (
        "rd_carried_out_per_plan",
        "The R&D is being carried out as the certified plan says",
        "認定計画に従って研究開発等が行われていること",
    ),
    (
        "guarantee_for_certified_rd",
        "The guaranteed loan funds the R&D under the certified plan",
        "保証対象の借入れが認定計画に従う研究開発等に必要な資金であること",
    ),
    (
        "holds_rd_related_guarantee",
        "The SME has received an R&D-related guarantee: a credit guarantee under Credit "
        "Insurance Act Art.3(1), 3-2(1) or 3-3(1) (ordinary, unsecured or special small-lot) "
        "for funds the certified R&D needs",
        "特定研究開発等関連保証（中小企業信用保険法第三条第一項、第三条の二第一項又は第三条の三"
        "第一項の保証であって認定計画に従う研究開発等に必要な資金に係るもの）を受けていること",
    ),
    (
        "nbd_doubled_tier",
        "The insured is in the Credit Insurance Act's higher (doubled) limit tier",
        "中小企業信用保険法上、倍額の限度額が適用される者であること",
    ),
    (
        "ic_joint_stock_company",
        "The enterprise is a joint-stock company (kabushiki kaisha)",
        "株式会社であること",
    ),
    (
        "patent_from_certified_rd",
        "The invention results from the certified R&D (or a right taken over under the plan to work it)",
        "発明が認定計画に従う研究開発等の成果（又はその実施のため計画に従い承継した権利）であること",
    ),
    (
        "patent_payer_does_certified_rd",
        "The fee payer is the SME carrying out that R&D",
        "納付者が当該研究開発等を行う中小企業者であること",
    ),
    (
        "report_requested",
        "The Minister has asked for a report on the plan's progress",
        "実施状況の報告を求められたこと",
    ),
    ("report_submitted", "The report was submitted", "報告をしたこと"),
    ("report_false", "The report was false", "報告が虚偽であったこと"),
]:
    facts.define(name, "boolean", en=en, ja=ja)

facts.define(
    "application_type",
    "enum",
    values=("new", "change"),
    en="Application for a new certification or for the certification of a change",
    ja="新規の認定申請か、変更の認定申請か",
)
facts.define(
    "guarantee_insurance_type",
    "enum",
    values=("ordinary", "unsecured", "special_small", "new_business_development", "other"),
    en="Credit-insurance type of the guarantee: ordinary, unsecured, special small-lot, "
    "new-business-development, or other",
    ja="保証に係る保険の種類：普通保険、無担保保険、特別小口保険、新事業開拓保険、その他",
)
facts.define(
    "guarantee_amount",
    "money",
    currency="JPY",
    en="Guaranteed debt (insured value)",
    ja="保証に係る借入額（保険価額）",
)
facts.define(
    "ic_route",
    "enum",
    values=("establish_company", "existing_company"),
    en="Equity route: a new joint-stock company being established, or the SME's own shares",
    ja="出資の形態：株式会社の設立時の株式引受け、又は既存の株式会社の株式等の引受け",
)
facts.define(
    "ic_new_company_capital",
    "money",
    currency="JPY",
    en="Capital of the joint-stock company being established",
    ja="設立する株式会社の資本金の額",
)
facts.define(
    "rd_period_end",
    "date",
    en="Last day of the R&D period in the certified plan",
    ja="認定計画における研究開発等の実施期間の終了日",
)
facts.define(
    "patent_filing_date", "date", en="Filing date of the patent application", ja="特許出願日"
)
facts.define(
    "patent_claims",
    "integer",
    unit="count",
    minimum=1,
    en="Number of claims of the patent",
    ja="請求項の数",
)

# --- plan certification (Arts.4-5) -------------------------------------------------------
plan_certification = Program(
    id="jp.monozukuri.plan_certification",
    jurisdiction="JP",
    kind="certification",
    sectors=("manufacturing",),
    title={"en": "Certification of a specified R&D plan", "ja": "特定研究開発等計画の認定"},
    summary={
        "en": "An SME (alone or jointly) has its R&D plan on a designated base technology "
        "certified; a change needs certification again.",
        "ja": "中小企業者が特定ものづくり基盤技術に関する研究開発等計画の認定を受ける（変更時も再認定）。",
    },
    provider=PROVIDER_METI,
    source="002 Art.4",
    parameters=PARAMETERS,
)
plan_certification.requires_program(
    sme,
    "applicant_is_sme",
    "002 Art.4(1)",
    en="Applicant is an SME (see jp.sme)",
    ja="申請者が中小企業者であること（jp.sme）",
)


def _joint(f: F, p: P) -> pl.Expr:
    return f.plan_joint


@plan_certification.criterion(
    "co_applicants_sme",
    "002 Art.4(1)",
    applies=_joint,
    en="Joint plan: every co-applicant is an SME",
    ja="共同の場合：全申請者が中小企業者",
)
def _co_applicants(f: F, p: P) -> pl.Expr:
    return f.plan_co_applicants_all_sme


@plan_certification.criterion(
    "representative_notified",
    "002 Art.4(1)",
    applies=_joint,
    en="Joint plan: a representative is named and notified",
    ja="共同の場合：代表者を定め届け出ていること",
)
def _representative(f: F, p: P) -> pl.Expr:
    return f.plan_representative_notified


@plan_certification.criterion(
    "designated_technology",
    "002 Art.2(2)",
    en="R&D on a base technology the Minister has designated",
    ja="経済産業大臣が指定した特定ものづくり基盤技術に関する研究開発等であること",
)
def _designated(f: F, p: P) -> pl.Expr:
    return f.technology_designated


@plan_certification.criterion(
    "item_goal",
    "002 Art.4(2)(i)",
    en="Plan item i: goal of the R&D",
    ja="記載事項一：研究開発等の目標",
)
def _goal(f: F, p: P) -> pl.Expr:
    return f.plan_states_goal


@plan_certification.criterion(
    "item_content_period",
    "002 Art.4(2)(ii)",
    en="Plan item ii: content and period",
    ja="記載事項二：内容及び実施期間",
)
def _content(f: F, p: P) -> pl.Expr:
    return f.plan_states_content_and_period


@plan_certification.criterion(
    "item_collaborators",
    "002 Art.4(2)(iii)",
    applies=lambda f, p: f.plan_has_collaborators,
    en="Plan item iii: collaborators and their contribution (only if there are any)",
    ja="記載事項三：協力者及び協力の内容（協力者がある場合）",
)
def _collaborators(f: F, p: P) -> pl.Expr:
    return f.plan_states_collaborators


@plan_certification.criterion(
    "item_funding",
    "002 Art.4(2)(iv)",
    en="Plan item iv: funds needed and how they are raised",
    ja="記載事項四：必要な資金の額及び調達方法",
)
def _funding(f: F, p: P) -> pl.Expr:
    return f.plan_states_funding


@plan_certification.criterion(
    "fits_guideline",
    "002 Art.4(3)(i)",
    on_unknown="review",
    en="Items i-iii are appropriate in light of the Minister's guideline (official's finding)",
    ja="記載事項一から三が高度化指針に照らし適切であること（審査）",
)
def _fits(f: F, p: P) -> pl.Expr:
    return f.finding_guideline_fit


@plan_certification.criterion(
    "feasible",
    "002 Art.4(3)(ii)",
    on_unknown="review",
    en="Item ii can be carried out (official's finding)",
    ja="記載事項二が遂行可能であること（審査）",
)
def _feasible(f: F, p: P) -> pl.Expr:
    return f.finding_feasible


@plan_certification.criterion(
    "sound_execution",
    "002 Art.4(3)(iii)",
    on_unknown="review",
    en="Items iii-iv support a proper and sure execution (official's finding)",
    ja="記載事項三及び四が適切かつ確実な遂行に資すること（審査）",
)
def _sound(f: F, p: P) -> pl.Expr:
    return f.finding_sound_execution


@plan_certification.criterion(
    "change_of_certified_plan",
    "002 Art.5(1)",
    applies=lambda f, p: f.application_type == "change",
    en="A change is certified only for a plan that is already certified "
    "(the tests of Art.4(3) apply again, Art.5(3))",
    ja="変更の認定は認定済みの計画についてのみ（第四条第三項を準用、第五条第三項）",
)
def _change(f: F, p: P) -> pl.Expr:
    return f.plan_certified & f.certification_revoked.not_()


# --- standing of a certified plan (Art.5): what every benefit of Arts.7-9 presupposes ---
certified_plan = Program(
    id="jp.monozukuri.certified_plan",
    jurisdiction="JP",
    kind="certification",
    sectors=("manufacturing",),
    title={"en": "Certified plan in force", "ja": "認定計画の効力"},
    summary={
        "en": "The certification stands: changes re-certified, not revoked; a plan not carried "
        "out may be revoked.",
        "ja": "認定が有効であること（変更の再認定、取消しの有無、計画に従わない場合の取消し）。",
    },
    provider=PROVIDER_METI,
    source="002 Art.5",
    parameters=PARAMETERS,
)


@certified_plan.criterion(
    "certified", "002 Art.4(1)", en="The plan is certified", ja="計画の認定を受けていること"
)
def _certified(f: F, p: P) -> pl.Expr:
    return f.plan_certified


@certified_plan.criterion(
    "change_recertified",
    "002 Art.5(1)",
    applies=lambda f, p: f.plan_changed_since_certification,
    en="A change of the plan has been certified again",
    ja="計画の変更について認定を受けていること",
)
def _recertified(f: F, p: P) -> pl.Expr:
    return f.plan_change_certified


@certified_plan.criterion(
    "not_revoked",
    "002 Art.5(2)",
    en="The certification has not been revoked",
    ja="認定が取り消されていないこと",
)
def _not_revoked(f: F, p: P) -> pl.Expr:
    return f.certification_revoked.not_()


@certified_plan.criterion(
    "carried_out",
    "002 Art.5(2)",
    on_fail="review",
    en="R&D carried out as planned; if not, the Minister may revoke (review)",
    ja="計画に従って研究開発等が行われていること（行われていない場合は取消しの審査対象）",
)
def _carried_out(f: F, p: P) -> pl.Expr:
    return f.rd_carried_out_per_plan


# --- credit insurance (Art.7) ------------------------------------------------------------
credit_insurance = Program(
    id="jp.monozukuri.credit_insurance",
    jurisdiction="JP",
    kind="insurance",
    sectors=("manufacturing",),
    title={
        "en": "Credit insurance special terms for R&D-related guarantees",
        "ja": "中小企業信用保険法の特例（特定研究開発等関連保証）",
    },
    summary={
        "en": "Higher new-business-development limits (300m/600m), 80% cover on ordinary "
        "insurance, premium at most 2% a year.",
        "ja": "新事業開拓保険の限度額引上げ（3億円／6億円）、普通保険の填補率80%、保険料率年2%以内。",
    },
    provider={
        "en": "Japan Finance Corporation (credit insurance), via a credit guarantee corporation",
        "ja": "日本政策金融公庫（信用保険）・信用保証協会",
    },
    source="002 Art.7",
    parameters=PARAMETERS,
)
credit_insurance.requires_program(
    certified_plan,
    "certified_plan",
    "002 Art.7(1)",
    en="Certified plan in force (see jp.monozukuri.certified_plan)",
    ja="認定計画が有効であること",
)
credit_insurance.requires_program(
    sme,
    "insured_is_sme",
    "002 Art.7(1)",
    en="The guaranteed borrower is an SME",
    ja="被保証者が中小企業者であること",
)
COVERED_TYPES = ("ordinary", "unsecured", "special_small", "new_business_development")


@credit_insurance.criterion(
    "funds_certified_rd",
    "002 Art.7(1)",
    en="The guarantee is for funds the certified R&D needs",
    ja="認定計画に従う研究開発等に必要な資金に係る保証であること",
)
def _funds_rd(f: F, p: P) -> pl.Expr:
    return f.guarantee_for_certified_rd


@credit_insurance.criterion(
    "insurance_type_covered",
    "002 Art.7(1)-(2)",
    en="Ordinary, unsecured, special small-lot or new-business-development insurance",
    ja="普通保険、無担保保険、特別小口保険又は新事業開拓保険であること",
)
def _type_covered(f: F, p: P) -> pl.Expr:
    return f.guarantee_insurance_type.is_in(COVERED_TYPES)


@credit_insurance.criterion(
    "holds_rd_related_guarantee",
    "002 Art.7(2)",
    applies=lambda f, p: f.guarantee_insurance_type == "new_business_development",
    en="New-business-development insurance: the SME has received an R&D-related guarantee "
    "(a guarantee under Credit Insurance Act Art.3(1), 3-2(1) or 3-3(1) for funds the certified "
    "R&D needs, as Art.7(1) defines it)",
    ja="新事業開拓保険：中小企業者が特定研究開発等関連保証（中小企業信用保険法第三条第一項、"
    "第三条の二第一項又は第三条の三第一項の保証であって認定計画に係る資金に係るもの）を受けたこと",
)
def _holds_rd_guarantee(f: F, p: P) -> pl.Expr:
    return f.holds_rd_related_guarantee


@credit_insurance.criterion(
    "within_nbd_limit",
    "002 Art.7(2)",
    applies=lambda f, p: f.guarantee_insurance_type == "new_business_development",
    en="New-business-development insurance: guarantee within the raised limit",
    ja="新事業開拓保険：引上げ後の限度額以内であること",
)
def _within_limit(f: F, p: P) -> pl.Expr:
    # Within the base limit passes whichever tier applies: the tier is asked only above it
    # (Kleene "or": a known pass decides even while the tier is unknown).
    limits = p.nbd_limit
    within_base = f.guarantee_amount <= amount(limits["base"])
    within_doubled = f.nbd_doubled_tier & (f.guarantee_amount <= amount(limits["doubled"]))
    return within_base | within_doubled


def _nbd_tier(f: F) -> pl.Expr:
    return (
        pl.when(f.nbd_doubled_tier)
        .then(pl.lit("doubled"))
        .when(f.nbd_doubled_tier.not_())
        .then(pl.lit("base"))
    )


def _nbd_limit(f: F, p: P) -> pl.Expr:
    return lookup(_nbd_tier(f), p.nbd_limit)


def _is_nbd(f: F) -> pl.Expr:
    return f.guarantee_insurance_type == "new_business_development"


@credit_insurance.value(
    "nbd_limit",
    "002 Art.7(2)",
    unit="JPY",
    en="New-business-development insurance limit (R&D funds included)",
    ja="新事業開拓保険の限度額（特定研究開発等資金を含む）",
    kind="requirement",
)
def _v_nbd_limit(f: F, p: P, v: ValuesView) -> pl.Expr:
    return pl.when(_is_nbd(f)).then(_nbd_limit(f, p))


@credit_insurance.value(
    "nbd_limit_other_funds",
    "002 Art.7(2)",
    unit="JPY",
    en="…of which for funds other than the certified R&D",
    ja="うち特定研究開発等資金以外の資金の限度額",
    kind="requirement",
)
def _v_nbd_other(f: F, p: P, v: ValuesView) -> pl.Expr:
    return pl.when(_is_nbd(f)).then(lookup(_nbd_tier(f), p.nbd_limit_other_funds))


@credit_insurance.value(
    "payout_share",
    "002 Art.7(3)",
    unit="ratio",
    en="Share of a loss the insurance pays",
    ja="填補率",
)
def _v_payout(f: F, p: P, v: ValuesView) -> pl.Expr:
    return lookup(f.guarantee_insurance_type, p.payout_share)


@credit_insurance.value(
    "payout_share_without_act",
    "002 Art.7(3)",
    unit="ratio",
    en="Share paid without the Act's special terms",
    ja="特例がない場合の填補率",
    kind="requirement",
)
def _v_payout_base(f: F, p: P, v: ValuesView) -> pl.Expr:
    return lookup(f.guarantee_insurance_type, p.payout_share_without_act)


@credit_insurance.value(
    "insured_amount",
    "002 Art.7(3)",
    unit="JPY",
    en="Insured amount (ordinary insurance: 80% of the guaranteed debt)",
    ja="保険金額（普通保険：保険価額の80%）",
)
def _v_insured(f: F, p: P, v: ValuesView) -> pl.Expr:
    return pl.when(f.guarantee_insurance_type == "ordinary").then(
        f.guarantee_amount * p.ordinary_insured_share
    )


# The Act names no rounding; premiums are paid in whole yen, so fractions are dropped.
@credit_insurance.value(
    "annual_premium",
    "002 Art.7(4)",
    unit="JPY",
    rounding="floor",
    en="Yearly premium at the applied rate",
    ja="年間保険料（適用料率）",
)
def _v_premium(f: F, p: P, v: ValuesView) -> pl.Expr:
    return v.insured_amount * p.premium_rate_applied


@credit_insurance.value(
    "annual_premium_cap",
    "002 Art.7(4)",
    unit="JPY",
    rounding="floor",
    en="Most the yearly premium may be (2% of the insured amount)",
    ja="年間保険料の上限（保険金額の年2%）",
    kind="requirement",
)
def _v_premium_cap(f: F, p: P, v: ValuesView) -> pl.Expr:
    return v.insured_amount * p.premium_rate_cap


# --- SME investment companies (Art.8) ----------------------------------------------------
investment_company = Program(
    id="jp.monozukuri.investment_company",
    jurisdiction="JP",
    kind="equity",
    sectors=("manufacturing",),
    title={
        "en": "Equity from an SME investment company for companies above 300m capital",
        "ja": "中小企業投資育成株式会社法の特例（資本金3億円超の株式会社への投資）",
    },
    summary={
        "en": "An SME investment company may take shares of a joint-stock company with capital "
        "above 300m yen set up, or raising funds, for the certified R&D.",
        "ja": "認定計画に従う研究開発等のための資本金3億円超の株式会社の設立時株式・増資等を引受け可能。",
    },
    provider={
        "en": "SME investment and development companies (Tokyo, Nagoya, Osaka)",
        "ja": "中小企業投資育成株式会社",
    },
    source="002 Art.8",
    parameters=PARAMETERS,
)
investment_company.requires_program(
    certified_plan,
    "certified_plan",
    "002 Art.8(1)",
    en="Certified plan in force",
    ja="認定計画が有効であること",
)
investment_company.requires_program(
    sme, "is_sme", "002 Art.8(1)", en="The enterprise is an SME", ja="中小企業者であること"
)


@investment_company.criterion(
    "new_company_over_threshold",
    "002 Art.8(1)(i)",
    applies=lambda f, p: f.ic_route == "establish_company",
    en="New company: joint-stock company with capital above 300m yen",
    ja="設立：資本金の額が3億円を超える株式会社であること",
)
def _new_company(f: F, p: P) -> pl.Expr:
    return f.ic_new_company_capital > p.investment_capital_threshold


@investment_company.criterion(
    "existing_company_over_threshold",
    "002 Art.8(1)(ii)",
    applies=lambda f, p: f.ic_route == "existing_company",
    en="Own shares: the SME is a joint-stock company with capital above 300m yen",
    ja="既存：資本金の額が3億円を超える株式会社である中小企業者であること",
)
def _existing_company(f: F, p: P) -> pl.Expr:
    return f.ic_joint_stock_company & (f.capital > p.investment_capital_threshold)


@investment_company.value(
    "instruments",
    "002 Art.8(1)",
    unit="text",
    en="What the investment company may take up",
    ja="引受けの対象",
)
def _v_instruments(f: F, p: P, v: ValuesView) -> pl.Expr:
    return (
        pl.when(f.ic_route == "establish_company")
        .then(pl.lit("shares issued at incorporation"))
        .when(f.ic_route == "existing_company")
        .then(pl.lit("shares, stock acquisition rights, bonds with stock acquisition rights"))
    )


# --- patent fees (Art.9) -----------------------------------------------------------------
patent_fee = Program(
    id="jp.monozukuri.patent_fee",
    jurisdiction="JP",
    kind="fee_relief",
    sectors=("manufacturing",),
    title={"en": "Patent fee relief for results of the certified R&D", "ja": "特許料等の軽減"},
    summary={
        "en": "Annual fees for years 1-10 and the examination-request fee are reduced for the SME "
        "doing the certified R&D, for patents filed within two years of its end.",
        "ja": "認定計画の成果に係る特許（実施期間終了日から2年以内の出願）の特許料（1〜10年分）及び審査請求料を軽減。",
    },
    provider={"en": "Commissioner of the Japan Patent Office", "ja": "特許庁長官"},
    source="002 Art.9",
    parameters=PARAMETERS,
)
patent_fee.requires_program(
    certified_plan,
    "certified_plan",
    "002 Art.9(1)",
    en="Certified plan in force",
    ja="認定計画が有効であること",
)
patent_fee.requires_program(
    sme,
    "payer_is_sme",
    "002 Art.9(1)",
    en="The fee payer is an SME",
    ja="納付者が中小企業者であること",
)


@patent_fee.criterion(
    "result_of_certified_rd",
    "002 Art.9(1)-(2)",
    en="The invention results from the certified R&D",
    ja="認定計画に従う研究開発等の成果であること",
)
def _result(f: F, p: P) -> pl.Expr:
    return f.patent_from_certified_rd


@patent_fee.criterion(
    "payer_does_the_rd",
    "002 Art.9(1)-(2)",
    en="The payer is the SME carrying out that R&D",
    ja="納付者が当該研究開発等を行う中小企業者であること",
)
def _payer(f: F, p: P) -> pl.Expr:
    return f.patent_payer_does_certified_rd


def _filing_deadline(f: F, p: P) -> pl.Expr:
    return period_end_expr(
        f.rd_period_end, years=p.patent_filing_period_years, start_day_counted=True
    )


@patent_fee.criterion(
    "filed_in_time",
    "002 Art.9(1)",
    en="Filed within two years counted from the R&D end date (that date is day one)",
    ja="実施期間の終了日から起算して二年以内の出願であること",
)
def _in_time(f: F, p: P) -> pl.Expr:
    return f.patent_filing_date <= _filing_deadline(f, p)


@patent_fee.value(
    "filing_deadline",
    "002 Art.9(1)",
    unit="date",
    kind="deadline",
    en="Last day to file",
    ja="出願期限",
)
def _v_deadline(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _filing_deadline(f, p)


@patent_fee.value(
    "annual_fees_years_1_10",
    "JP Patent Act Art.107(1)",
    unit="JPY",
    en="Annual fees for years 1-10 without relief",
    ja="第一年から第十年分の特許料（軽減前）",
    kind="requirement",
)
def _v_annual(f: F, p: P, v: ValuesView) -> pl.Expr:
    fee = p.patent_annual_fee
    claims = f.patent_claims.cast(pl.Int64)
    per_year = [("years_1_3", 3), ("years_4_6", 3), ("years_7_9", 3), ("years_10_25", 1)]
    total = amount(0)
    for band, years in per_year:
        total = total + (amount(fee[f"{band}_base"]) + claims * fee[f"{band}_per_claim"]) * years
    return total


@patent_fee.value(
    "examination_fee",
    "JP Patent Act Art.195(2)",
    unit="JPY",
    en="Examination-request fee without relief",
    ja="出願審査請求手数料（軽減前）",
    kind="requirement",
)
def _v_exam(f: F, p: P, v: ValuesView) -> pl.Expr:
    fee = p.examination_request_fee
    return amount(fee["base"]) + f.patent_claims.cast(pl.Int64) * fee["per_claim"]


@patent_fee.value(
    "annual_fee_relief",
    "002 Art.9(1)",
    unit="JPY",
    rounding="floor",
    en="Relief on annual fees for years 1-10 (the share relieved is the Cabinet Order's, not "
    "the Act's)",
    ja="特許料（1〜10年分）の軽減額（軽減割合は法律ではなく政令による）",
)
def _v_annual_relief(f: F, p: P, v: ValuesView) -> pl.Expr:
    return v.annual_fees_years_1_10 * p.patent_fee_relief_share


@patent_fee.value(
    "examination_fee_relief",
    "002 Art.9(2)",
    unit="JPY",
    rounding="floor",
    en="Relief on the examination-request fee (the share relieved is the Cabinet Order's, not "
    "the Act's)",
    ja="出願審査請求手数料の軽減額（軽減割合は法律ではなく政令による）",
)
def _v_exam_relief(f: F, p: P, v: ValuesView) -> pl.Expr:
    return v.examination_fee * p.patent_fee_relief_share


@patent_fee.value("total_relief", "002 Art.9", unit="JPY", en="Total relief", ja="軽減額合計")
def _v_total(f: F, p: P, v: ValuesView) -> pl.Expr:
    return v.annual_fee_relief + v.examination_fee_relief


# --- reporting duty and fine (Arts.12, 14) -----------------------------------------------
reporting = Program(
    id="jp.monozukuri.reporting",
    jurisdiction="JP",
    kind="obligation",
    sectors=("manufacturing",),
    title={"en": "Duty to report on the certified plan, and the fine", "ja": "報告の徴収及び罰則"},
    summary={
        "en": "Whoever carries out certified R&D must report when the Minister asks; not "
        "reporting or reporting falsely is fined up to 300,000 yen, for the person and the "
        "corporation alike.",
        "ja": "認定計画の実施者は求めに応じ報告義務を負う。不報告・虚偽報告は30万円以下の罰金（両罰）。",
    },
    provider=PROVIDER_METI,
    source="002 Art.12",
    parameters=PARAMETERS,
)


@reporting.criterion(
    "carries_out_certified_rd",
    "002 Art.12",
    en="Carries out R&D under a certified plan (a plan whose certification was revoked under "
    "Art.5(2) is no longer one)",
    ja="認定計画に従って研究開発等を行う者であること（第五条第二項により認定を取り消された計画は"
    "認定計画ではない）",
)
def _duty_applies(f: F, p: P) -> pl.Expr:
    # Art.12 binds "those carrying out R&D under a certified plan"; Art.5(2) lets the Minister
    # revoke the certification, after which there is no certified plan to report on.
    return f.plan_certified & f.certification_revoked.not_()


def _in_breach(f: F) -> pl.Expr:
    return f.report_requested & (f.report_submitted.not_() | f.report_false)


@reporting.value(
    "in_breach",
    "002 Art.14(1)",
    unit="flag",
    en="Asked for a report and did not give it, or gave a false one",
    ja="報告を求められて報告をせず、又は虚偽の報告をしたこと",
)
def _v_breach(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _in_breach(f)


@reporting.value(
    "fine_max_offender",
    "002 Art.14(1)",
    unit="JPY",
    en="Largest fine for the person who failed to report",
    ja="行為者に対する罰金の上限",
)
def _v_fine_person(f: F, p: P, v: ValuesView) -> pl.Expr:
    return (
        pl.when(_in_breach(f))
        .then(amount(p.report_fine_max))
        .when(_in_breach(f).not_())
        .then(amount(0))
    )


@reporting.value(
    "fine_max_enterprise",
    "002 Art.14(2)",
    unit="JPY",
    en="Largest fine for the enterprise on whose business the offender acted",
    ja="法人又は人（事業主）に対する罰金の上限",
)
def _v_fine_enterprise(f: F, p: P, v: ValuesView) -> pl.Expr:
    return v.fine_max_offender
