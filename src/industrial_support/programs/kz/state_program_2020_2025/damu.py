"""001 §5.1.2: the Entrepreneurship Development Fund 'Damu' — loan guarantees and interest
subsidies.
"""

from __future__ import annotations

import polars as pl

from ....engine.facts import FactsView as F
from ....engine.facts import catalog
from ....engine.parameters import ParameterView as P
from ....engine.program import ValuesView
from ....engine.rules import amount, lookup
from .common import decimal_param, instrument
from .ownership import ownership

facts = catalog("KZ")

# Damu
facts.define(
    "kz_sp_bank_loan",
    "money",
    currency="KZT",
    en="Amount of the bank loan",
    ja="銀行貸付の額",
)

facts.define(
    "kz_sp_bank_rate",
    "decimal",
    unit="ratio",
    minimum=0,
    maximum=1,
    en="Annual interest rate of the bank loan (0.15 = 15%)",
    ja="銀行貸付の年利（0.15＝15%）",
)

facts.define(
    "kz_sp_bank_loan_term_months",
    "integer",
    unit="months",
    en="Term of the bank loan in months",
    ja="銀行貸付の期間（月）",
)

facts.define(
    "kz_sp_guarantee",
    "money",
    currency="KZT",
    en="Guarantee requested from Damu",
    ja="ダムーに求める保証額",
)

facts.define(
    "kz_sp_guarantee_term_months",
    "integer",
    unit="months",
    en="Term of the guarantee in months",
    ja="保証期間（月）",
)

facts.define(
    "kz_sp_second_tier_bank",
    "boolean",
    en="The lender is a second-tier (commercial) bank",
    ja="貸手が第二層銀行（市中銀行）である",
)

facts.define(
    "kz_sp_loan_purpose",
    "enum",
    values=("investment", "working_capital"),
    en="Purpose of the loan: investment or working capital",
    ja="融資目的：投資又は運転資金",
)


# --- Damu guarantees and interest subsidies ---------------------------------------------------
DAMU = {"en": "Entrepreneurship Development Fund 'Damu'", "ja": "起業家発展基金「ダムー」"}

damu_guarantee = instrument(
    "damu_guarantee",
    "guarantee",
    {"en": "Damu guarantee of a bank loan", "ja": "ダムーによる銀行貸付の保証"},
    {
        "en": "A guarantee of up to 3bn KZT covers up to 50% of the loan, one of over 3bn up to "
        "5bn KZT up to 20%; loan rate at most 15%; guarantee no longer than the loan.",
        "ja": "30億テンゲ以内の保証は貸付の50%以下、30億超50億以内の保証は貸付の20%以下。"
        "貸付年利15%以下、保証期間は貸付期間以内。",
    },
    "001 §5.1.2(5)(1)",
    provider=DAMU,
)
damu_guarantee.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


@damu_guarantee.criterion(
    "loan_rate_at_most_15pct",
    "001 §5.1.2(5)",
    en="Loan rate at most 15% a year",
    ja="貸付の年利が15%以下であること",
)
def _dg_rate(f: F, p: P) -> pl.Expr:
    return f.kz_sp_bank_rate <= decimal_param(p.damu_loan_rate_max)


# Reading (001 §5.1.2(5)(1)): the KZT figures cap the *guarantee*, not the loan — a guarantee
# of up to 3bn KZT may cover up to 50% of the loan; one of over 3bn up to 5bn KZT up to 20%.
# The largest guarantee is the better of the two tiers, so it never falls as the loan grows
# (no cliff at 3bn) and no loan size is refused. Alternative (the earlier reading): tiers by
# loan size, with loans over 5bn KZT not covered — see docs/readings.md.
def _smaller(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    return pl.when(a <= b).then(a).when(a > b).then(b)


def _tier_caps(f: F, p: P) -> tuple[pl.Expr, pl.Expr]:
    loan = f.kz_sp_bank_loan
    first = _smaller(loan * amount(p.guarantee_tier1_share), amount(p.guarantee_tier1_amount_max))
    second = _smaller(loan * amount(p.guarantee_tier2_share), amount(p.guarantee_tier2_amount_max))
    return first, second


def _guarantee_max(f: F, p: P) -> pl.Expr:
    first, second = _tier_caps(f, p)
    return pl.when(first >= second).then(first).when(first < second).then(second)


@damu_guarantee.criterion(
    "guarantee_within_caps",
    "001 §5.1.2(5)(1)",
    en="Guarantee within a tier: up to 50% of the loan and 3bn KZT, or up to 20% of the loan "
    "and 5bn KZT",
    ja="保証がいずれかの区分内：貸付の50%以下かつ30億テンゲ以内、又は貸付の20%以下かつ50億"
    "テンゲ以内",
)
def _dg_caps(f: F, p: P) -> pl.Expr:
    return f.kz_sp_guarantee <= _guarantee_max(f, p)


@damu_guarantee.criterion(
    "guarantee_term_within_loan",
    "001 §5.1.2(5)(1)",
    en="Guarantee no longer than the loan",
    ja="保証期間が貸付期間を超えないこと",
)
def _dg_term(f: F, p: P) -> pl.Expr:
    return f.kz_sp_guarantee_term_months <= f.kz_sp_bank_loan_term_months


@damu_guarantee.value(
    "tier1_cap",
    "001 §5.1.2(5)(1)",
    unit="KZT",
    en="First tier: 50% of the loan, at most 3bn KZT",
    ja="第1区分：貸付の50%、30億テンゲまで",
)
def _dg_tier1(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _tier_caps(f, p)[0]


@damu_guarantee.value(
    "tier2_cap",
    "001 §5.1.2(5)(1)",
    unit="KZT",
    en="Second tier: 20% of the loan, at most 5bn KZT",
    ja="第2区分：貸付の20%、50億テンゲまで",
)
def _dg_tier2(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _tier_caps(f, p)[1]


@damu_guarantee.value(
    "guarantee_max",
    "001 §5.1.2(5)(1)",
    unit="KZT",
    en="Largest guarantee for this loan (the better tier)",
    ja="この貸付に対する保証の上限額（有利な区分）",
)
def _dg_max(f: F, p: P, v: ValuesView) -> pl.Expr:
    return (
        pl.when(v.tier1_cap >= v.tier2_cap)
        .then(v.tier1_cap)
        .when(v.tier1_cap < v.tier2_cap)
        .then(v.tier2_cap)
    )


damu_subsidy = instrument(
    "damu_interest_subsidy",
    "subsidy",
    {
        "en": "Damu interest subsidy on second-tier bank loans",
        "ja": "ダムーによる第二層銀行貸付の金利助成",
    },
    {
        "en": "Up to 6 points of the rate of a loan at no more than 15%, for 7 years (investment) "
        "or "
        "3 years (working capital); no cap on the loan amount.",
        "ja": "年利15%以下の貸付の金利を最大6ポイント助成。投資目的7年、運転資金3年。"
        "融資額の上限なし。",
    },
    "001 §5.1.2(5)(2)",
    provider=DAMU,
)
damu_subsidy.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


@damu_subsidy.criterion(
    "second_tier_bank",
    "001 §5.1.2(5)(2)",
    en="Loan from a second-tier bank",
    ja="第二層銀行からの借入れであること",
)
def _ds_bank(f: F, p: P) -> pl.Expr:
    return f.kz_sp_second_tier_bank


@damu_subsidy.criterion(
    "loan_rate_at_most_15pct",
    "001 §5.1.2(5)",
    en="Loan rate at most 15% a year",
    ja="貸付の年利が15%以下であること",
)
def _ds_rate(f: F, p: P) -> pl.Expr:
    return f.kz_sp_bank_rate <= decimal_param(p.damu_loan_rate_max)


# Reading: "助成額は6%まで" means up to 6 percentage points of the annual rate, never more than
# the rate itself. Alternative: 6% of the interest due.
@damu_subsidy.value(
    "subsidy_rate",
    "001 §5.1.2(5)(2)",
    unit="ratio",
    en="Interest subsidy (the lesser of 6 points and the loan rate)",
    ja="金利助成（6ポイントと貸付利率のいずれか低い方）",
)
def _ds_subsidy(f: F, p: P, v: ValuesView) -> pl.Expr:
    rate = f.kz_sp_bank_rate
    return (
        pl.when(rate.is_null())
        .then(None)
        .when(rate < decimal_param(p.subsidy_rate_max))
        .then(rate)
        .otherwise(amount(p.subsidy_rate_max))
    )


@damu_subsidy.value(
    "borrower_rate",
    "001 §5.1.2(5)(2)",
    unit="ratio",
    en="Rate left to the borrower after the subsidy",
    ja="助成後の借手の利率",
)
def _ds_borrower(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.kz_sp_bank_rate - v.subsidy_rate


@damu_subsidy.value(
    "subsidy_period_years",
    "001 §5.1.2(5)(2)",
    unit="years",
    en="Years the subsidy covers (7 investment, 3 working capital)",
    ja="助成の対象期間（投資7年、運転資金3年）",
)
def _ds_period(f: F, p: P, v: ValuesView) -> pl.Expr:
    return lookup(f.kz_sp_loan_purpose, p.subsidy_period_years, pl.Int64())
