"""Facts the engine cannot hold exactly are refused with the field named, not crashed on
(found by fuzzing the API): Decimal(38, 10) holds 28 digits before the point and 10 after;
integers are 64-bit; dates stay within 1800-2200."""

from __future__ import annotations

import re

import pytest

from industrial_support.engine.errors import FactError
from industrial_support.engine.facts import catalog
from industrial_support.engine.program import all_programs


@pytest.fixture(autouse=True)
def _programs() -> None:
    all_programs()


@pytest.mark.parametrize(
    ("fact", "raw", "problem"),
    [
        ("pp1176_loan_amount", "1" + "0" * 28, "below 10^28"),
        ("pp1176_loan_amount", "1.005", "at most 2 decimals"),
        ("auto_euro_vehicles", 10**30, "below 2^63"),
        ("invest_entry_date", "0001-01-01", "between 1800-01-01 and 2200-12-31"),
        ("invest_entry_date", "9999-12-31", "between 1800-01-01 and 2200-12-31"),
    ],
)
def test_out_of_range_facts_are_refused_by_name(fact: str, raw: object, problem: str) -> None:
    with pytest.raises(FactError, match=re.escape(problem)) as caught:
        catalog("RU")[fact].parse(raw)
    assert caught.value.field == fact


def test_the_largest_holdable_values_pass() -> None:
    assert catalog("RU")["pp1176_loan_amount"].parse("9" * 28) == int("9" * 28)
    assert str(catalog("RU")["invest_entry_date"].parse("2200-12-31")) == "2200-12-31"
