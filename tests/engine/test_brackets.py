"""The bracket parameter kind: bands of a number stated by their edges in the data (issue 12,
004 §4's production caps), strict loading, and the value of the band a row falls in."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pytest

from industrial_support.engine import brackets
from industrial_support.engine.errors import ParameterError
from industrial_support.engine.parameters import ParameterSet

CITE = "004 §4 No.32 cap table"


def _caps(rows: list[dict[str, Any]]) -> ParameterSet:
    return ParameterSet.from_mapping(
        {
            "cap": {
                "en": "cap",
                "ja": "上限",
                "unit": "RUB",
                "values": [{"from": dt.date(2018, 1, 1), "brackets": {"M1": rows}}],
            }
        },
        "test",
    )


ROWS = [
    {"below": 2870, "value": 82500000, "cite": CITE},
    {"up_to": 23100, "value": 550110000, "cite": CITE},
    {"value": 1100055000, "cite": CITE},
]


def test_each_number_falls_in_the_band_its_edge_says() -> None:
    caps = _caps(ROWS).as_of(dt.date(2020, 1, 1)).cap
    frame = pl.DataFrame({"n": [2869, 2870, 23100, 23101, None]})
    result = frame.select(
        value=brackets.bracket_value(pl.col("n"), caps),
        band=brackets.band_label(pl.col("n"), caps["M1"], lambda e, upper: str(e)),
    )
    # below 2870 → first band; 2870 opens the next; 23100 is "up to" (inclusive); above → last
    assert result["value"].to_list() == [82500000, 550110000, 550110000, 1100055000, None]
    assert result["band"].to_list() == ["<2870", "2870-23100", "2870-23100", ">23100", None]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([*ROWS[:2], {"below": 30000, "value": 1, "cite": CITE}], "last row takes the rest"),
        ([{"below": 1, "up_to": 2, "value": 1, "cite": CITE}, ROWS[2]], "exactly one of"),
        (
            [
                {"below": 5, "value": 1, "cite": CITE},
                {"below": 5, "value": 2, "cite": CITE},
                ROWS[2],
            ],
            "increase",
        ),
        ([{"value": 1, "cite": "nowhere"}], "citation"),
    ],
)
def test_a_malformed_bracket_is_a_load_error(rows: list[dict[str, Any]], message: str) -> None:
    with pytest.raises(ParameterError, match=message):
        _caps(rows)


def test_an_unnamed_group_is_refused_when_there_are_several() -> None:
    caps = {"M1": ROWS, "non_M1": ROWS}
    with pytest.raises(ParameterError, match="name the group"):
        brackets.bracket_value(pl.col("n"), caps)
