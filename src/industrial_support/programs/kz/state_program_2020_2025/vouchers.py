"""001 §5.1.5: innovation vouchers — who may use them, for what and up to how much."""

from __future__ import annotations

import polars as pl

from ....engine.facts import FactsView as F
from ....engine.facts import catalog
from ....engine.parameters import ParameterView as P
from ....engine.program import ValuesView
from ....engine.rules import amount
from .common import decimal_param, instrument
from .groups import growth_driver, new_industrial_player, requires_category, strong_rear

facts = catalog("KZ")

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


# --- Innovation vouchers --------------------------------------------------------------------------
voucher = instrument(
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


requires_category(
    voucher, new_industrial_player, strong_rear, growth_driver, cite="001 §5.2 Group 1 (vouchers)"
)


@voucher.criterion(
    "amount_at_most_20000_eur",
    "001 §5.2 Group 1 (vouchers)",
    en="Voucher at most EUR 20,000",
    ja="バウチャーの額が2万ユーロ以内であること",
)
def _v_amount(f: F, p: P) -> pl.Expr:
    return f.kz_sp_voucher_amount <= decimal_param(p.voucher_max)


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
