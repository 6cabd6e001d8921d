"""Russia: special investment contract (SPIC) — seed 004 §1-3.

The investor commits to build or modernise production on a schedule; the state guarantees
stable tax and regulatory conditions and grants incentives. ``ru.spic`` covers who may be the
investor, the kinds of project, the minimum investment, the incentives and the contract
term; the procedure's working-day limits are plain functions below on the Russian calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ...engine.calendars import calendar_for
from ...engine.citations import cite
from ...engine.deadlines import WorkingDays
from ...engine.facts import FactsView as F
from ...engine.facts import catalog
from ...engine.parameters import ParameterSet
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, ValuesView
from ...engine.rules import amount, least
from . import common as _common  # noqa: F401  - the shared RU facts read below

facts = catalog("RU")

PARAMETERS = ParameterSet.load(Path(__file__).with_name("spic.yaml"))

PROJECT_TYPES = (
    "create_or_modernise_production",
    "best_available_techniques",
    "new_to_russia_production",
    "other",
)
facts.define(
    "spic_project_type",
    "enum",
    values=PROJECT_TYPES,
    en="Kind of project: creating or modernising production, introducing best available "
    "techniques, launching production not yet made in Russia, or other",
    ja="事業の種別：生産施設の創設・現代化、利用可能な最良の技術の導入、ロシアに従来なかった生産の"
    "立ち上げ、その他",
)
facts.define(
    "spic_registered_offshore",
    "boolean",
    en="The investor is a legal entity located in a low-tax jurisdiction",
    ja="投資家が低税率国・地域に所在する法人であること",
)
facts.define(
    "spic_offshore_shareholder",
    "boolean",
    en="A legal entity located in a low-tax jurisdiction holds a share of any size in the "
    "investor's capital",
    ja="低税率国・地域に所在する法人が投資家に資本参加していること（持分の大小を問わない）",
)
facts.define(
    "spic_investment_excl_vat",
    "money",
    currency="RUB",
    en="Investment in the project, VAT excluded",
    ja="事業への投資額（VAT除く）",
)
facts.define(
    "spic_government_minimum_set",
    "boolean",
    en="The Government has set a minimum investment of its own for this kind of project",
    ja="ロシア政府が当該事業について別途最低投資額を定めていること",
)
facts.define(
    "spic_government_minimum_investment",
    "money",
    currency="RUB",
    en="The minimum investment the Government has set (where it has set one), VAT excluded",
    ja="政府が別途定めた最低投資額（VAT除く）",
)
facts.define(
    "spic_years_to_operating_profit",
    "integer",
    unit="years",
    en="Years the project is planned to need to reach an operating profit",
    ja="営業利益が黒字になるまでの計画年数",
)
facts.define(
    "spic_regional_incentives",
    "boolean",
    en="The contract is to include regional incentives (regional taxes and the like)",
    ja="契約に地方政府所管の税制等のインセンティブを含めること",
)

spic = Program(
    id="ru.spic",
    jurisdiction="RU",
    kind="contract",
    sectors=("manufacturing",),
    title={"en": "Special investment contract (SPIC)", "ja": "特別投資契約（SPIC）"},
    summary={
        "en": "Contract with the state: stable tax and regulatory conditions and incentives "
        "in return for building or modernising production on an agreed schedule.",
        "ja": "投資家が合意したスケジュールで生産施設を設立・現代化し、国が安定的な税制・規制環境と"
        "インセンティブを保障する契約。",
    },
    provider={
        "en": "Ministry of Industry and Trade (or the sector's ministry), with the region "
        "where regional incentives are given",
        "ja": "工業商務省（又は所管省庁）、地方のインセンティブを含む場合は当該地方自治体",
    },
    source="004 §1-3",
    parameters=PARAMETERS,
)


@spic.criterion(
    "investor_legal_entity",
    "004 §1-3(2)",
    en="The investor is a Russian or a foreign legal entity",
    ja="投資家がロシア法人又は外国法人であること",
)
def _investor(f: F, p: P) -> pl.Expr:
    return f.ru_resident_legal_entity | f.foreign_legal_entity


@spic.criterion(
    "not_located_offshore",
    "004 §1-3(2)",
    en="The investor is not located in a low-tax jurisdiction",
    ja="投資家が低税率国・地域に所在する法人でないこと",
)
def _offshore(f: F, p: P) -> pl.Expr:
    return f.spic_registered_offshore.not_()


# Reading: "a legal entity in which a low-tax-jurisdiction entity participates in the capital"
# excludes any such holding, whatever its size; alternative: only a controlling holding
# (which would match the FRP's "subsidiary" wording of §1-1(1)).
@spic.criterion(
    "no_offshore_shareholder",
    "004 §1-3(2)",
    en="No legal entity of a low-tax jurisdiction holds a share in the investor's capital",
    ja="低税率国・地域に所在する法人が資本参加していないこと",
)
def _offshore_shareholder(f: F, p: P) -> pl.Expr:
    return f.spic_offshore_shareholder.not_()


@spic.criterion(
    "not_offshore_beneficiary",
    "004 §1-3(2)",
    en="No beneficiary is a non-resident living in a low-tax jurisdiction",
    ja="低税率国・地域に居住する非居住者が受益者でないこと",
)
def _offshore_beneficiary(f: F, p: P) -> pl.Expr:
    return f.offshore_beneficiary.not_()


# The survey says the project kinds "are listed" (挙げられている); the three are read as the
# complete list.
@spic.criterion(
    "project_type_covered",
    "004 §1-3(1)",
    en="The project creates or modernises production, introduces best available techniques, "
    "or launches production new to Russia",
    ja="生産施設の創設・現代化、利用可能な最良の技術の導入又はロシアに従来なかった生産の立ち上げで"
    "あること",
)
def _project_type(f: F, p: P) -> pl.Expr:
    return f.spic_project_type != "other"


def _minimum(f: F, p: P) -> pl.Expr:
    chosen = f.spic_government_minimum_set
    return (
        pl.when(chosen)
        .then(f.spic_government_minimum_investment)
        .when(chosen.not_())
        .then(amount(p.min_investment))
    )


@spic.criterion(
    "min_investment",
    "004 §1-3(3)",
    en="Investment, VAT excluded, of at least 750m RUB, or of the minimum the Government set",
    ja="投資額（VAT除く）が7億5,000万ルーブル（政府が別途定めた場合はその額）以上であること",
)
def _investment(f: F, p: P) -> pl.Expr:
    return f.spic_investment_excl_vat >= _minimum(f, p)


@spic.value(
    "minimum_investment",
    "004 §1-3(3)",
    unit="RUB",
    en="Minimum investment that applies, VAT excluded",
    ja="適用される最低投資額（VAT除く）",
    kind="requirement",
)
def _v_minimum(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _minimum(f, p)


# Reading: "at most 10 years" caps the term; a project needing more than 5 years to reach an
# operating profit still gets a 10-year contract. Alternative: such a project does not qualify.
@spic.value(
    "contract_term_years",
    "004 §1-3(5)",
    unit="years",
    en="Contract term: years to operating profit plus 5, at most 10",
    ja="契約期間：営業利益が黒字になるまでの年数＋5年（最大10年）",
)
def _v_term(f: F, p: P, v: ValuesView) -> pl.Expr:
    term = f.spic_years_to_operating_profit + pl.lit(p.term_years_after_operating_profit)
    return least(term, pl.lit(p.term_max_years))


@spic.value(
    "standard_profit_tax_rate",
    "004 §1-3(4)",
    unit="ratio",
    en="Usual corporate profit tax rate",
    ja="企業利潤税の通常税率",
    kind="requirement",
)
def _v_standard_rate(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.standard_profit_tax_rate)


@spic.value(
    "lowest_profit_tax_rate",
    "004 §1-3(4)",
    unit="ratio",
    en="Lowest corporate profit tax rate under a SPIC",
    ja="SPIC案件の企業利潤税の最低税率",
)
def _v_lowest_rate(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.lowest_profit_tax_rate)


@spic.value(
    "incentives",
    "004 §1-3(4)",
    unit="text",
    en="Main incentives",
    ja="主なインセンティブ",
)
def _v_incentives(f: F, p: P, v: ValuesView) -> pl.Expr:
    return pl.lit("; ".join(p.incentives))


@spic.value(
    "region_is_party",
    "004 §1-3(1)",
    unit="flag",
    en="The region signs the contract too (it grants regional incentives)",
    ja="地方自治体も締結者となること（地方のインセンティブを提供する場合）",
)
def _v_region(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.spic_regional_incentives


# -------------------------------------------------------------- procedure (§1-3(6))

facts.define(
    "spic_application_submitted_on",
    "date",
    en="Day the SPIC application was submitted to the Ministry",
    ja="特別投資契約の申請書を省に提出した日",
)


def _after(start: pl.Expr, parameter: str, p: P) -> pl.Expr:
    days: int = p.resolve(parameter).value
    return calendar_for("RU").add_working_days_expr(start, days)


# The same timeline as spic_timeline() below (every step taking its full time), as deadline
# values, so that `explain`, `screen` and the API give it.
@spic.value(
    "frp_opinion_due",
    "004 §1-3(6) step 3",
    unit="date",
    kind="deadline",
    en="Last day for the Fund's opinion (7 working days from submission)",
    ja="工業発展基金の意見の期限（申請から7労働日）",
)
def _v_opinion_due(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _after(f.spic_application_submitted_on, "frp_opinion_working_days", p)


@spic.value(
    "preliminary_conclusion_due",
    "004 §1-3(6) step 4",
    unit="date",
    kind="deadline",
    en="Last day of the review and draft preliminary conclusion (30 working days from the "
    "Fund's opinion, at its latest)",
    ja="書類審査及び予備的結論案の期限（基金の意見から30労働日、意見が最遅の場合）",
)
def _v_preliminary_due(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _after(v.frp_opinion_due, "preliminary_conclusion_working_days", p)


@spic.value(
    "final_conclusion_due",
    "004 §1-3(6) step 5",
    unit="date",
    kind="deadline",
    en="Last day of the commission's final conclusion (60 working days from submission)",
    ja="委員会の最終結論の期限（申請から60労働日）",
)
def _v_final_due(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _after(f.spic_application_submitted_on, "final_conclusion_working_days", p)


@spic.value(
    "conclusion_sent_due",
    "004 §1-3(6) step 6",
    unit="date",
    kind="deadline",
    en="Last day to send the conclusion to the parties (15 working days after it, at its latest)",
    ja="結論を当事者に送付する期限（結論から15労働日、結論が最遅の場合）",
)
def _v_sent_due(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _after(v.final_conclusion_due, "conclusion_sending_working_days", p)


@spic.value(
    "approval_due",
    "004 §1-3(6) step 7",
    unit="date",
    kind="deadline",
    en="Last day for approval and the contract terms (10 working days after sending, at its "
    "latest)",
    ja="承認及び契約条件確定の期限（送付から10労働日、送付が最遅の場合）",
)
def _v_approval_due(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _after(v.conclusion_sent_due, "approval_working_days", p)


def _working_days(parameter: str, citation: str, event: dt.date) -> dt.date:
    days: int = PARAMETERS[parameter].as_of(event).value
    return WorkingDays(days, "RU", cite(citation)).due(event)


def frp_opinion_due(requested: dt.date) -> dt.date:
    """Last day for the Fund's opinion the Ministry asks for (step 3: 7 working days)."""
    return _working_days("frp_opinion_working_days", "004 §1-3(6) step 3", requested)


def preliminary_conclusion_due(frp_opinion: dt.date) -> dt.date:
    """Last day of the document review and the draft preliminary conclusion (step 4: 30
    working days, counted from the Fund's opinion)."""
    return _working_days("preliminary_conclusion_working_days", "004 §1-3(6) step 4", frp_opinion)


def final_conclusion_due(submitted: dt.date) -> dt.date:
    """Last day of the commission's final conclusion (step 5: 60 working days from the
    submission of the application)."""
    return _working_days("final_conclusion_working_days", "004 §1-3(6) step 5", submitted)


def conclusion_sent_due(final_conclusion: dt.date) -> dt.date:
    """Last day to send the conclusion to the parties (step 6: 15 working days)."""
    return _working_days("conclusion_sending_working_days", "004 §1-3(6) step 6", final_conclusion)


def approval_due(conclusion_sent: dt.date) -> dt.date:
    """Last day for approval and settling the contract terms (step 7: 10 working days)."""
    return _working_days("approval_working_days", "004 §1-3(6) step 7", conclusion_sent)


@dataclass(frozen=True)
class SpicTimeline:
    """Latest date of each step when every step takes its full time."""

    submitted: dt.date
    frp_opinion: dt.date
    preliminary_conclusion: dt.date
    final_conclusion: dt.date
    conclusion_sent: dt.date
    approval: dt.date


# Reading: the Ministry asks the Fund on the day the application is submitted, so step 3 counts
# from submission and step 4 from the Fund's opinion; the final conclusion is due 60 working
# days from submission whatever the earlier steps took. Alternative: step 4's 30 days count
# from submission as well.
def spic_timeline(submitted: dt.date) -> SpicTimeline:
    opinion = frp_opinion_due(submitted)
    final = final_conclusion_due(submitted)
    sent = conclusion_sent_due(final)
    return SpicTimeline(
        submitted=submitted,
        frp_opinion=opinion,
        preliminary_conclusion=preliminary_conclusion_due(opinion),
        final_conclusion=final,
        conclusion_sent=sent,
        approval=approval_due(sent),
    )
