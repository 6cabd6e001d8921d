"""Parameters are strict at load and answer "as of" a date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from industrial_support.engine.errors import ParameterError
from industrial_support.engine.parameters import ParameterSet


def _set(**parameters: Any) -> ParameterSet:
    return ParameterSet.from_mapping(parameters, "test.yaml")


def _rate(values: list[dict[str, Any]]) -> dict[str, Any]:
    return {"en": "rate", "ja": "率", "unit": "ratio", "values": values}


SAMARA_LIKE = _rate(
    [
        {
            "from": dt.date(2017, 1, 1),
            "to": dt.date(2020, 12, 31),
            "value": Decimal("0.165"),
            "cite": "004 §3",
        },
        {"from": dt.date(2021, 1, 1), "value": Decimal("0.155"), "cite": "004 §3"},
    ]
)


def test_value_as_of_each_side_of_a_change() -> None:
    rate = _set(rate=SAMARA_LIKE)["rate"]
    assert rate.as_of(dt.date(2020, 12, 31)).value == Decimal("0.165")
    assert rate.as_of(dt.date(2021, 1, 1)).value == Decimal("0.155")
    assert str(rate.as_of(dt.date(2021, 1, 1)).citations[0]) == "004 §3"


def test_date_before_first_entry_is_an_error_not_a_default() -> None:
    with pytest.raises(ParameterError, match="no value in force on 2016-12-31"):
        _set(rate=SAMARA_LIKE)["rate"].as_of(dt.date(2016, 12, 31))


def test_gap_between_entries_is_an_error() -> None:
    gapped = _rate(
        [
            {"from": dt.date(2020, 1, 1), "to": dt.date(2020, 6, 30), "value": 1, "cite": "004 §3"},
            {"from": dt.date(2021, 1, 1), "value": 2, "cite": "004 §3"},
        ]
    )
    with pytest.raises(ParameterError, match="no value in force"):
        _set(rate=gapped)["rate"].as_of(dt.date(2020, 9, 1))


def test_overlapping_dates_fail_at_load() -> None:
    overlapping = _rate(
        [
            {"from": dt.date(2020, 1, 1), "to": dt.date(2021, 6, 30), "value": 1, "cite": "004 §3"},
            {"from": dt.date(2021, 1, 1), "value": 2, "cite": "004 §3"},
        ]
    )
    with pytest.raises(ParameterError, match="overlap"):
        _set(rate=overlapping)


def test_duplicate_start_dates_fail_at_load() -> None:
    duplicate = _rate(
        [
            {"from": dt.date(2020, 1, 1), "value": 1, "cite": "004 §3"},
            {"from": dt.date(2020, 1, 1), "value": 2, "cite": "004 §3"},
        ]
    )
    with pytest.raises(ParameterError, match="overlap"):
        _set(rate=duplicate)


def test_missing_citation_fails_at_load() -> None:
    with pytest.raises(ParameterError, match="cite"):
        _set(rate=_rate([{"from": dt.date(2020, 1, 1), "value": 1}]))


def test_citation_naming_no_source_fails_at_load() -> None:
    with pytest.raises(ParameterError, match="citation"):
        _set(rate=_rate([{"from": dt.date(2020, 1, 1), "value": 1, "cite": "somewhere"}]))


def test_unknown_key_fails_at_load() -> None:
    with pytest.raises(ParameterError, match="valeu"):
        _set(rate=_rate([{"from": dt.date(2020, 1, 1), "valeu": 1, "cite": "004 §3"}]))
    with pytest.raises(ParameterError, match="descripton"):
        _set(rate={**SAMARA_LIKE, "descripton": "typo"})


def test_unknown_unit_fails_at_load() -> None:
    with pytest.raises(ParameterError, match="unit"):
        _set(rate={**SAMARA_LIKE, "unit": "furlongs"})


def test_table_rows_each_carry_a_citation() -> None:
    table = {
        "en": "caps",
        "ja": "上限",
        "unit": "RUB",
        "values": [
            {
                "from": dt.date(2020, 1, 1),
                "table": {
                    "a": {"value": 10, "cite": "004 §4(1)"},
                    "b": {"value": 20, "cite": "004 §4(2)"},
                },
            }
        ],
    }
    resolved = _set(caps=table)["caps"].as_of(dt.date(2024, 1, 1))
    assert resolved.value == {"a": Decimal(10), "b": Decimal(20)}
    assert [str(c) for c in resolved.citations] == ["004 §4(1)", "004 §4(2)"]
    with pytest.raises(ParameterError, match="cite"):
        _set(
            caps={**table, "values": [{"from": dt.date(2020, 1, 1), "table": {"a": {"value": 1}}}]}
        )


def test_whole_units_must_be_whole() -> None:
    days = {
        "en": "d",
        "ja": "日",
        "unit": "days",
        "values": [{"from": dt.date(2020, 1, 1), "value": Decimal("2.5"), "cite": "003 §6"}],
    }
    with pytest.raises(ParameterError, match="whole"):
        _set(days=days)["days"].as_of(dt.date(2021, 1, 1))


def test_yaml_decimals_are_exact(tmp_path: Any) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "rate:\n  en: r\n  ja: r\n  unit: ratio\n  values:\n    - {from: 2020-01-01, value: 0.1, cite: '004 §1'}\n",
        encoding="utf-8",
    )
    value = ParameterSet.load(path)["rate"].as_of(dt.date(2020, 1, 1)).value
    assert value == Decimal("0.1") and isinstance(value, Decimal)


def test_view_records_what_a_rule_read() -> None:
    view = _set(rate=SAMARA_LIKE).as_of(dt.date(2019, 5, 1))
    assert view.rate == Decimal("0.165")
    assert list(view.used) == ["rate"]
    with pytest.raises(ParameterError, match="no parameter named 'rtae'"):
        _ = view.rtae


def test_an_unavailable_entry_is_an_error_that_says_why() -> None:
    # A period known to have a value that is not entered (not yet published, not verified)
    # fails loudly with the reason, never falls back to a neighbour.
    parameters = ParameterSet.from_mapping(
        {
            "mci": {
                "en": "MCI",
                "ja": "MCI",
                "unit": "KZT",
                "values": [
                    {
                        "from": "2026-01-01",
                        "to": "2026-12-31",
                        "value": 4325,
                        "cite": "000 Art.49(1)",
                    },
                    {"from": "2027-01-01", "unavailable": "not yet published"},
                ],
            }
        },
        "test",
    )
    assert parameters["mci"].as_of(dt.date(2026, 12, 31)).value == 4325
    with pytest.raises(ParameterError, match="unavailable on 2027-01-01: not yet published"):
        parameters["mci"].as_of(dt.date(2027, 1, 1))


def test_an_entry_is_a_value_a_table_or_unavailable_never_two() -> None:
    with pytest.raises(ParameterError, match="exactly one of"):
        ParameterSet.from_mapping(
            {
                "x": {
                    "en": "x",
                    "ja": "x",
                    "unit": "ratio",
                    "values": [
                        {
                            "from": "2026-01-01",
                            "value": 1,
                            "cite": "000 Art.49(1)",
                            "unavailable": "?",
                        }
                    ],
                }
            },
            "test",
        )
