"""Facts are validated by name and type; errors name the field and what was expected."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from industrial_support.engine.errors import FactError
from industrial_support.engine.facts import FactCatalog


@pytest.fixture
def facts() -> FactCatalog:
    catalog = FactCatalog("JP")
    catalog.define("capital", "money", currency="JPY", en="capital", ja="資本金")
    catalog.define("profit", "money", currency="RUB", minimum=None, en="profit", ja="利益")
    catalog.define("employees", "integer", unit="persons", en="employees", ja="従業員")
    catalog.define("form", "enum", values=("company", "individual"), en="form", ja="形態")
    catalog.define("certified", "boolean", en="certified", ja="認定")
    catalog.define("filed", "date", en="filed", ja="出願日")
    return catalog


def test_good_values_are_typed(facts: FactCatalog) -> None:
    values = facts.validate(
        {
            "capital": "300,000,000",
            "employees": 12,
            "form": "company",
            "certified": True,
            "filed": "2026-03-30",
        }
    )
    assert values == {
        "capital": Decimal(300000000),
        "employees": 12,
        "form": "company",
        "certified": True,
        "filed": dt.date(2026, 3, 30),
    }


def test_money_as_mapping_with_matching_currency(facts: FactCatalog) -> None:
    assert facts.validate({"capital": {"amount": "5", "currency": "JPY"}}) == {
        "capital": Decimal(5)
    }


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"capitl": 1}, "fact 'capitl': not a known JP fact"),
        ({"capital": -1}, "fact 'capital': expected at least 0"),
        ({"capital": 1.5}, "fact 'capital': expected an exact number"),
        ({"capital": "1.5"}, "fact 'capital': JPY amounts have at most 0 decimals"),
        (
            {"capital": {"amount": 5, "currency": "USD"}},
            "fact 'capital': expected an amount in JPY",
        ),
        ({"capital": "lots"}, "fact 'capital': expected a number"),
        ({"employees": "12.5"}, "fact 'employees': expected a whole number"),
        ({"employees": True}, "fact 'employees': expected a whole number"),
        ({"form": "partnership"}, "fact 'form': expected one of company, individual"),
        ({"certified": "yes"}, "fact 'certified': expected true or false"),
        ({"filed": "2025-02-30"}, "fact 'filed': expected a real date"),
        ({"filed": 20250101}, "fact 'filed': expected a date"),
    ],
)
def test_bad_values_name_the_field(
    facts: FactCatalog, raw: dict[str, object], message: str
) -> None:
    with pytest.raises(FactError, match=message):
        facts.validate(raw)


def test_negative_allowed_only_where_declared(facts: FactCatalog) -> None:
    assert facts.validate({"profit": "-10.50"}) == {"profit": Decimal("-10.50")}


def test_null_is_unknown_not_zero(facts: FactCatalog) -> None:
    frame = facts.frame([{"capital": None}])
    assert frame["capital"][0] is None and frame["employees"][0] is None


def test_redefining_a_fact_differently_is_an_error(facts: FactCatalog) -> None:
    with pytest.raises(FactError, match="defined twice"):
        facts.define("capital", "money", currency="RUB", en="capital", ja="資本金")
