"""Shared expression helpers keep unknowns unknown and never divide by zero."""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from industrial_support.engine.facts import DECIMAL
from industrial_support.engine.rules import at_most_by_key, greatest, least, share

FRAME = pl.DataFrame(
    {
        "a": [Decimal(5), None, Decimal(7), Decimal(1)],
        "b": [Decimal(3), Decimal(1), None, Decimal(0)],
    },
    schema={"a": DECIMAL, "b": DECIMAL},
)


def _column(expr: pl.Expr) -> list[object]:
    return FRAME.select(expr.alias("x"))["x"].to_list()


def test_least_and_greatest_stay_unknown_when_any_input_is() -> None:
    # pl.min_horizontal would give 1 and 7 for rows 2 and 3
    assert _column(least(pl.col("a"), pl.col("b"))) == [Decimal(3), None, None, Decimal(0)]
    assert _column(greatest(pl.col("a"), pl.col("b"))) == [Decimal(5), None, None, Decimal(1)]


def test_share_is_null_for_a_zero_whole_and_exact_otherwise() -> None:
    assert _column(share(pl.col("b"), pl.col("a"))) == [Decimal("0.6"), None, None, Decimal(0)]
    assert _column(share(pl.col("a"), pl.col("b")))[3] is None  # 1 / 0


def test_at_most_by_key_decides_without_the_key_when_every_limit_agrees() -> None:
    limits = {"x": Decimal(10), "y": Decimal(20)}
    frame = pl.DataFrame(
        {
            "value": [Decimal(5), Decimal(15), Decimal(25), Decimal(15)],
            "key": [None, None, None, "x"],
        },
        schema={"value": DECIMAL, "key": pl.String},
    )
    result = frame.select(at_most_by_key(pl.col("value"), pl.col("key"), limits).alias("r"))[
        "r"
    ].to_list()
    assert result == [True, None, False, False]
