"""001 §5.1.3: equity of Kazyna Capital Management — term, share and yield."""

from __future__ import annotations

import polars as pl

from ....engine.facts import FactsView as F
from ....engine.facts import catalog
from ....engine.parameters import ParameterView as P
from .common import decimal_param, instrument, months_in
from .ownership import ownership

facts = catalog("KZ")

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


# --- KCM equity --------------------------------------------------------------------------------
kcm_equity = instrument(
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
    return f.kz_sp_kcm_term_months < months_in(p.kcm_term_limit_years)


@kcm_equity.criterion(
    "kcm_share_at_most_49pct",
    "001 §5.1.4(1)",
    en="KCM share in the fund at most 49%",
    ja="ファンドへのKCMの参加比率が49%以下であること",
)
def _kcm_share(f: F, p: P) -> pl.Expr:
    return f.kz_sp_kcm_fund_share <= decimal_param(p.kcm_fund_share_max)


@kcm_equity.criterion(
    "yield_under_8pct",
    "001 §5.1.4(1)",
    en="Final yield under 8%",
    ja="最終利回りが8%未満であること",
)
def _kcm_yield(f: F, p: P) -> pl.Expr:
    return f.kz_sp_kcm_yield < decimal_param(p.kcm_yield_limit)


@kcm_equity.criterion(
    "investment_1_to_5bn",
    "001 §5.1.4(1)",
    en="Investment per project from 1bn to 5bn KZT (both included)",
    ja="1案件の投資額が10億～50億テンゲの範囲内であること",
)
def _kcm_investment(f: F, p: P) -> pl.Expr:
    return f.kz_sp_kcm_investment.is_between(
        p.kcm_investment_min, decimal_param(p.kcm_investment_max)
    )
