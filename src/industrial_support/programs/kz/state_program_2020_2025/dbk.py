"""001 §5.1.1: long-term loans of the Development Bank of Kazakhstan — term, rate cap,
own contribution.
"""

from __future__ import annotations

import polars as pl

from ....engine.facts import FactsView as F
from ....engine.facts import catalog
from ....engine.parameters import ParameterView as P
from ....engine.program import ValuesView
from ....engine.rules import amount
from .common import decimal_param, instrument, months_in
from .ownership import ownership

facts = catalog("KZ")

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


# --- DBK long-term loans -----------------------------------------------------------------------
dbk_loan = instrument(
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
        months_in(p.dbk_term_min_years), months_in(p.dbk_term_max_years)
    )


@dbk_loan.criterion(
    "rate_at_most_11pct",
    "001 §5.1.2(2)",
    en="Rate to the final borrower at most 11%",
    ja="最終借入者の利率が11%以下であること",
)
def _dbk_rate(f: F, p: P) -> pl.Expr:
    return f.kz_sp_dbk_rate <= decimal_param(p.dbk_rate_max)


@dbk_loan.criterion(
    "own_share_at_least_20pct",
    "001 §5.1.2(2)",
    en="Company's own contribution at least 20% of the total project cost",
    ja="企業の出資がプロジェクト全体額の20%以上であること",
)
def _dbk_own(f: F, p: P) -> pl.Expr:
    return f.kz_sp_own_contribution >= f.kz_sp_project_cost * decimal_param(p.dbk_own_share_min)


@dbk_loan.value(
    "own_contribution_min",
    "001 §5.1.2(2)",
    unit="KZT",
    en="Smallest own contribution (20% of the project cost)",
    ja="企業の出資の最低額（全体額の20%）",
)
def _dbk_own_min(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.kz_sp_project_cost * decimal_param(p.dbk_own_share_min)


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
