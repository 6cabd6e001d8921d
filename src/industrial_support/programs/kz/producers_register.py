"""Kazakhstan: entry in the Register of Kazakhstan Producers — what an application must
carry (seed 000 Art.51-1(2)) and which route it takes (Art.51-1(9), Art.51-3); software
producers' own route (Art.51-2).

The register exists from Law 188-VIII's entry into force (+10 days: 2025-05-30 at the
earliest); before that day the programs are not in force and the procedure refuses entries.
Wholly produced goods (Art.51-3) are entered from the information the competent bodies send
(Art.51-3(7)), without digital verification or production assessment (Art.51-1(9)), so the
applicant's video of the process is not asked for: an exception to Art.51-1(2)(4).

The procedure that runs the register (digital verification, production assessment, monitoring,
removal, objection) is ``cases/procedures/kz_producers_register.py``; it uses this program as
its guard, so the application's conditions are written once."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from ...engine.facts import FactsView as F
from ...engine.facts import catalog
from ...engine.parameters import ParameterSet
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, ValuesView
from .law_dates import LAW_188_VIII_TEN_DAYS

PARAMETERS = ParameterSet.load(Path(__file__).with_suffix(".yaml"))
REGISTER_FROM = LAW_188_VIII_TEN_DAYS

facts = catalog("KZ")
for name, en, ja, _basis in [  # the basis is cited on each criterion below
    (
        "kz_reg_consent_personal_data",
        "Consents to the collection and processing of personal data",
        "個人データの収集・処理への同意",
        "000 Art.51-1(2)(1)",
    ),
    (
        "kz_reg_consent_site_access",
        "Consents to access to the production premises for assessment and monitoring",
        "生産評価及びモニタリングのための生産施設への立入りへの同意",
        "000 Art.51-1(2)(2)",
    ),
    (
        "kz_reg_consent_video",
        "Consents to video surveillance at the site with remote access for the Authority",
        "生産現場への映像監視設備の設置と権限機関による遠隔アクセスへの同意",
        "000 Art.51-1(2)(3)",
    ),
    (
        "kz_reg_production_evidence",
        "Gives information on the production conditions and operations, with video of the process",
        "生産条件・工程に関する情報（製造工程の映像を含む）を提出していること",
        "000 Art.51-1(2)(4)",
    ),
    (
        "kz_reg_wholly_produced",
        "The goods are wholly produced in Kazakhstan (Art.51-3 kinds)",
        "商品がカザフスタンで完全に生産されたもの（第51-3条の種類）であること",
        "000 Art.51-3",
    ),
]:
    facts.define(name, "boolean", en=en, ja=ja)
facts.define(
    "kz_reg_product",
    "text",
    en="Product (code) for which entry is sought",
    ja="登録を求める商品（コード）",
)

application = Program(
    id="kz.producers_register.application",
    jurisdiction="KZ",
    kind="register",
    sectors=("manufacturing",),
    title={
        "en": "Application for the Register of Kazakhstan Producers",
        "ja": "カザフスタン生産者レジストリへの登録申請",
    },
    summary={
        "en": "The four consents and documents an application carries; wholly produced "
        "goods skip the production assessment.",
        "ja": "申請に必要な4つの同意・書類。完全生産品は生産評価を省略。",
    },
    provider={
        "en": "Authorized body for state industrial promotion",
        "ja": "国家産業促進分野の権限機関",
    },
    source="000 Art.51-1",
    parameters=PARAMETERS,
    in_force_from=REGISTER_FROM,
)


@application.criterion(
    "consent_personal_data",
    "000 Art.51-1(2)(1)",
    en="Consent to personal-data processing",
    ja="個人データ処理への同意",
)
def _personal(f: F, p: P) -> pl.Expr:
    return f.kz_reg_consent_personal_data


@application.criterion(
    "consent_site_access",
    "000 Art.51-1(2)(2)",
    en="Consent to site access",
    ja="生産施設への立入りへの同意",
)
def _access(f: F, p: P) -> pl.Expr:
    return f.kz_reg_consent_site_access


@application.criterion(
    "consent_video",
    "000 Art.51-1(2)(3)",
    en="Consent to video surveillance with remote access",
    ja="映像監視・遠隔アクセスへの同意",
)
def _video(f: F, p: P) -> pl.Expr:
    return f.kz_reg_consent_video


@application.criterion(
    "production_evidence",
    "000 Art.51-1(2)(4)",
    en="Production conditions and operations shown, with video",
    ja="生産条件・工程の情報（映像付き）",
)
def _evidence(f: F, p: P) -> pl.Expr:
    return f.kz_reg_production_evidence


@application.exception_to(
    "production_evidence",
    "000 Art.51-1(9); Art.51-3(7)",
    en="Wholly produced goods: entered from the competent bodies' information, no production "
    "evidence asked of the applicant",
    ja="完全生産品：所管機関の情報に基づき登録され、申請者の生産証明資料は不要",
    when=lambda f, p: f.kz_reg_wholly_produced,
)
def _no_evidence_for_wholly_produced(f: F, p: P) -> pl.Expr:
    return pl.lit(True)


@application.value(
    "route",
    "000 Art.51-1(9)",
    unit="text",
    en="Route: wholly produced goods are entered without digital verification or production "
    "assessment; other goods go through both",
    ja="手続：完全生産品はデジタル認証・生産評価なしで登録、その他の財は両方を経る",
)
def _route(f: F, p: P, v: ValuesView) -> pl.Expr:
    return (
        pl.when(f.kz_reg_wholly_produced)
        .then(pl.lit("wholly_produced_no_verification"))
        .when(f.kz_reg_wholly_produced.not_())
        .then(pl.lit("verification_and_assessment"))
    )


# --- Art.51-2: software producers ----------------------------------------------------------
facts.define(
    "kz_sw_made_in_kazakhstan",
    "boolean",
    en="The software is made in Kazakhstan",
    ja="ソフトウェアがカザフスタン国内で製造されたものであること",
)
facts.define(
    "kz_sw_in_trusted_register",
    "boolean",
    en="The software is entered in the register of trusted software and electronic-industry "
    "products",
    ja="ソフトウェアが信頼性あるソフトウェア及び電子産業製品レジストリに登録されていること",
)
facts.define(
    "kz_sw_informatization_notice",
    "boolean",
    en="The authorized body for informatization has notified the Authority that the producer "
    "is confirmed (its confirmation procedure, Art.51-2(2))",
    ja="情報化権限機関が確認手続を経て権限機関に通知したこと（第51-2条第2項）",
)

software = Program(
    id="kz.producers_register.software",
    jurisdiction="KZ",
    kind="register",
    sectors=("technology",),
    title={
        "en": "Register of Kazakhstan Producers: software producers",
        "ja": "カザフスタン生産者レジストリ：ソフトウェア製造者",
    },
    summary={
        "en": "Software made in Kazakhstan and in the trusted-software register is a Kazakhstan "
        "product; the Authority enters or excludes its producer on the informatization body's "
        "notice (its quarterly monitoring); the producer may object within 30 calendar days of "
        "exclusion. The Art.51-1 stages do not apply.",
        "ja": "国内で製造され信頼性あるソフトウェアレジストリに登録されたソフトウェアはカザフスタン"
        "製品とされ、権限機関は情報化権限機関の通知（四半期モニタリング）に基づき製造者を登録・"
        "除外する。除外日から30暦日以内に異議を申し立てられる。第51-1条の段階は適用されない。",
    },
    provider={
        "en": "Authorized body for state industrial promotion, on the informatization body's notice",
        "ja": "国家産業促進分野の権限機関（情報化権限機関の通知に基づく）",
    },
    source="000 Art.51-2",
    parameters=PARAMETERS,
    in_force_from=REGISTER_FROM,
)


@software.criterion(
    "made_in_kazakhstan",
    "000 Art.51-2(1)",
    en="The software is made in Kazakhstan",
    ja="ソフトウェアがカザフスタン国内で製造されたこと",
)
def _sw_made(f: F, p: P) -> pl.Expr:
    return f.kz_sw_made_in_kazakhstan


@software.criterion(
    "in_trusted_software_register",
    "000 Art.51-2(1)",
    en="The software is in the register of trusted software and electronic-industry products",
    ja="信頼性あるソフトウェア及び電子産業製品レジストリに登録されていること",
)
def _sw_trusted(f: F, p: P) -> pl.Expr:
    return f.kz_sw_in_trusted_register


@software.criterion(
    "informatization_notice",
    "000 Art.51-2(4)",
    en="The informatization body's notice confirms the producer (the Authority enters on it)",
    ja="情報化権限機関の通知が製造者を確認していること（権限機関はこれに基づき登録）",
)
def _sw_notice(f: F, p: P) -> pl.Expr:
    return f.kz_sw_informatization_notice


@software.value(
    "objection_calendar_days",
    "000 Art.51-2(5)",
    unit="days",
    en="Calendar days from exclusion to object to the informatization body's notice",
    ja="除外日から通知に異議を申し立てる期間（暦日）",
)
def _sw_objection(f: F, p: P, v: ValuesView) -> pl.Expr:
    return pl.lit(p.software_objection_calendar_days)
