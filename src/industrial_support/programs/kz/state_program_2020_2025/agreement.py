"""001 §5.2: the competitiveness improvement agreement — who may conclude it, what it
binds, and its first term (5 years).
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from ....engine.citations import cite
from ....engine.deadlines import Period, period_end_expr
from ....engine.facts import FactsView as F
from ....engine.facts import catalog
from ....engine.parameters import ParameterView as P
from ....engine.program import ValuesView
from .common import PARAMETERS, instrument
from .groups import growth_driver, requires_category, strong_rear

facts = catalog("KZ")

facts.define(
    "kz_sp_cia_competitive_selection",
    "boolean",
    en="The firm was selected for the agreement by competition",
    ja="協定の締結先として入札（競争）により選定された",
)

facts.define(
    "kz_sp_cia_counter_obligations",
    "boolean",
    en="The agreement sets the firm's counter-obligations (productivity, wider and more complex "
    "product range, new markets) in proportion to the incentives",
    ja="協定に、インセンティブに見合った企業側の相互義務（生産性、品目拡大・複雑性向上、新市場）"
    "が定められている",
)

facts.define(
    "kz_sp_cia_liability_clause",
    "boolean",
    en="The agreement sets the firm's liability (refund, compensation, fines) for late or "
    "incomplete performance",
    ja="協定に、不完全履行・履行遅滞の際の企業の責任（返還、賠償、罰金）が定められている",
)

facts.define(
    "kz_sp_cia_new_markets",
    "boolean",
    en="The agreement obliges the firm to enter new markets",
    ja="協定に新たな市場の開拓の義務が定められている",
)

facts.define(
    "kz_sp_cia_start_date",
    "date",
    en="Date the agreement is concluded",
    ja="協定の締結日",
)


# --- Competitiveness improvement agreement ----------------------------------------------------
agreement = instrument(
    "competitiveness_agreement",
    "contract",
    {
        "en": "Competitiveness improvement agreement (5 years, renewable)",
        "ja": "競争力向上のための協定（5年・更新可）",
    },
    {
        "en": "Agreement with 'strong rear' and 'growth driver' firms: a package of direct "
        "measures "
        "in exchange for counter-obligations, with liability for non-performance.",
        "ja": "「強力なリア」「成長ドライバー」企業との協定。"
        "相互義務と引き換えに直接促進策パッケージを"
        "提供し、不履行の責任を定める。",
    },
    "001 §5.2 CIA",
)


@agreement.criterion(
    "party_group",
    "001 §5.2 CIA",
    en="Applies as a 'strong rear' or 'growth driver' firm",
    ja="「強力なリア」又は「成長ドライバー」として申請すること",
)
def _cia_group(f: F, p: P) -> pl.Expr:
    return f.kz_sp_category.is_in(["strong_rear", "growth_driver"])


requires_category(agreement, strong_rear, growth_driver, cite="001 §5.2 CIA")


# Reading: "例外的に入札形式" is taken as "exclusively by competition" (the Russian original
# very likely says "исключительно"). Alternative: competition only in exceptional cases.
@agreement.criterion(
    "competitive_selection",
    "001 §5.2 CIA",
    en="Selected by competition",
    ja="入札（競争）により選定されていること",
)
def _cia_competition(f: F, p: P) -> pl.Expr:
    return f.kz_sp_cia_competitive_selection


@agreement.criterion(
    "counter_obligations",
    "001 §5.2 CIA",
    en="Sets the firm's counter-obligations in proportion to the incentives",
    ja="インセンティブに見合った企業の相互義務を定めていること",
)
def _cia_obligations(f: F, p: P) -> pl.Expr:
    return f.kz_sp_cia_counter_obligations


@agreement.criterion(
    "liability_clause",
    "001 §5.2 CIA",
    en="Sets the firm's liability for late or incomplete performance",
    ja="不完全履行・履行遅滞の際の企業の責任を定めていること",
)
def _cia_liability(f: F, p: P) -> pl.Expr:
    return f.kz_sp_cia_liability_clause


@agreement.criterion(
    "new_markets",
    "001 §5.2 Group 2",
    en="'Strong rear': the agreement's key condition is entering new markets",
    ja="「強力なリア」：新たな市場の開拓が協定の重要な条件であること",
    applies=lambda f, p: f.kz_sp_category == "strong_rear",
)
def _cia_new_markets(f: F, p: P) -> pl.Expr:
    return f.kz_sp_cia_new_markets


@agreement.value(
    "term_years",
    "001 §5.2 CIA",
    unit="years",
    en="Term of the agreement (renewable)",
    ja="協定の期間（更新可）",
)
def _cia_term(f: F, p: P, v: ValuesView) -> pl.Expr:
    return pl.lit(p.cia_term_years)


# Reading: a term of N years ends on the corresponding day N years later (the day of
# conclusion not counted, as in the civil codes of the region); a start on 29 February ends on
# 28 February. Alternative: the day before the corresponding day.
@agreement.value(
    "end_date",
    "001 §5.2 CIA",
    unit="date",
    en="Last day of the first term",
    ja="最初の期間の満了日",
)
def _cia_end(f: F, p: P, v: ValuesView) -> pl.Expr:
    return period_end_expr(f.kz_sp_cia_start_date, years=p.cia_term_years, start_day_counted=False)


# --- Procedures: deadline rules built from the parameter file --------------------------------
def agreement_term(as_of: dt.date) -> Period:
    """The first term of a competitiveness agreement concluded on ``as_of`` (5 years, the
    corresponding-day rule, as the ``end_date`` value of the agreement program)."""
    years: int = PARAMETERS["cia_term_years"].as_of(as_of).value
    return Period(months=years * 12, citation=cite("001 §5.2 CIA"))
