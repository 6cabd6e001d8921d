"""Japan: who is an SME (中小企業者) — Art.2(1) of the SME Monozukuri Act (seed 002).

Companies pass on capital *or* regular employees against their main industry's limits
(items i–v); individuals have no capital and pass on employees alone; the associations of
items vi–viii are SMEs by their form. Limits are inclusive ("or less").

Reading: the Cabinet Order's rubber-products industry excludes tyres and tubes for cars
and aircraft and industrial belts; a maker of those is classified as ``manufacturing``
(item i), which the fact's description tells the user.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from ...engine.facts import FactsView as F
from ...engine.facts import catalog
from ...engine.parameters import ParameterSet
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, ValuesView
from ...engine.rules import at_most_by_key, lookup

facts = catalog("JP")

COMPANY, INDIVIDUAL = "company", "individual"
FORM_ONLY = ("enterprise_union", "cooperative_business_union", "designated_association")
INDUSTRIES = (
    "manufacturing",
    "construction",
    "transport",
    "other",
    "wholesale",
    "services",
    "retail",
    "rubber_products",
    "software_information_services",
    "hotels_inns",
)

facts.define(
    "legal_form",
    "enum",
    values=(COMPANY, INDIVIDUAL, *FORM_ONLY, "other_entity"),
    en="Legal form: company, individual (sole proprietor), enterprise union (企業組合), "
    "cooperative business union (協業組合), an association of Art.2(1)(viii) designated by "
    "Cabinet Order, or another entity",
    ja="組織形態：会社、個人、企業組合、協業組合、政令で定める組合等（第二条第一項第八号）、その他",
)
facts.define(
    "main_industry",
    "enum",
    values=INDUSTRIES,
    en="Industry of the main business. 'other' = any industry not listed; tyre, tube and "
    "industrial-belt makers count as 'manufacturing', not 'rubber_products'",
    ja="主たる事業の業種（自動車・航空機用タイヤ及びチューブ並びに工業用ベルトの製造業は"
    "ゴム製品製造業ではなく製造業）",
)
facts.define(
    "capital",
    "money",
    currency="JPY",
    en="Amount of capital or total contributions",
    ja="資本金の額又は出資の総額",
)
facts.define(
    "regular_employees",
    "integer",
    unit="persons",
    en="Number of regular employees",
    ja="常時使用する従業員の数",
)

PARAMETERS = ParameterSet.load(Path(__file__).with_suffix(".yaml"))


sme = Program(
    id="jp.sme",
    jurisdiction="JP",
    kind="classification",
    title={
        "en": "SME status (SME Monozukuri Act)",
        "ja": "中小企業者該当性（中小ものづくり高度化法）",
    },
    summary={
        "en": "Whether an enterprise is an SME in the sense of the Act, and under which item.",
        "ja": "法第二条第一項の中小企業者に該当するか、及び該当する号。",
    },
    source="002 Art.2(1)",
    parameters=PARAMETERS,
)


@sme.criterion(
    "form_covered",
    "002 Art.2(1)",
    en="Legal form is one the definition covers (company, individual, or an association of "
    "items vi–viii)",
    ja="組織形態が定義の対象（会社、個人又は第六号から第八号の組合等）であること",
)
def _form_covered(f: F, p: P) -> pl.Expr:
    return f.legal_form != "other_entity"


@sme.criterion(
    "company_size",
    "002 Art.2(1)(i)-(v)",
    en="Company: capital or regular employees within the limits of its main industry (for the "
    "industries of item v the Cabinet Order sets the limits, not the Act)",
    ja="会社：資本金等又は常時使用する従業員数が主たる事業の業種の上限以下であること（第五号の"
    "業種の上限は法律ではなく政令が定める）",
    applies=lambda f, p: f.legal_form == COMPANY,
)
def _company_size(f: F, p: P) -> pl.Expr:
    capital_ok = at_most_by_key(f.capital, f.main_industry, p.capital_max)
    employees_ok = at_most_by_key(f.regular_employees, f.main_industry, p.employees_max, pl.Int64())
    return capital_ok | employees_ok  # Kleene "or": one known pass decides


@sme.criterion(
    "individual_size",
    "002 Art.2(1)(i)-(v)",
    en="Individual: regular employees within the limit of the main industry",
    ja="個人：常時使用する従業員数が主たる事業の業種の上限以下であること",
    applies=lambda f, p: f.legal_form == INDIVIDUAL,
)
def _individual_size(f: F, p: P) -> pl.Expr:
    return at_most_by_key(f.regular_employees, f.main_industry, p.employees_max, pl.Int64())


@sme.value("item", "002 Art.2(1)", unit="text", en="Item of Art.2(1) that applies", ja="該当する号")
def _item(f: F, p: P, v: ValuesView) -> pl.Expr:
    by_industry = lookup(f.main_industry, p.item, pl.String())
    by_form = lookup(f.legal_form, p.form_item, pl.String())
    return pl.when(f.legal_form.is_in(FORM_ONLY)).then(by_form).otherwise(by_industry)
