"""Kazakhstan: entry in the Register of Kazakhstan Producers — what an application must
carry (seed 000 Art.51-1(2)) and which route it takes (Art.51-1(9), Art.51-3).

The procedure that runs the register (digital verification, production assessment, monitoring,
removal, objection) is ``cases/procedures/kz_producers_register.py``; it uses this program as
its guard, so the application's conditions are written once."""

from __future__ import annotations

import polars as pl

from ...engine.facts import FactsView as F
from ...engine.facts import catalog
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, ValuesView

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


@application.value(
    "route",
    "000 Art.51-1(9)",
    unit="text",
    en="Route: wholly produced goods skip the production assessment",
    ja="手続：完全生産品は生産評価を省略",
)
def _route(f: F, p: P, v: ValuesView) -> pl.Expr:
    return (
        pl.when(f.kz_reg_wholly_produced)
        .then(pl.lit("wholly_produced_no_assessment"))
        .when(f.kz_reg_wholly_produced.not_())
        .then(pl.lit("production_assessment"))
    )
