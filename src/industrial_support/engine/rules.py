"""Small expression helpers that rules share (tables read per row, exact ratios)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import polars as pl

from .facts import DECIMAL


def lookup(key: pl.Expr, table: Mapping[str, object], dtype: pl.DataType = DECIMAL) -> pl.Expr:
    """A parameter table read per row: the value for each row's key (null where none)."""
    return key.cast(pl.String).replace_strict(dict(table), default=None, return_dtype=dtype)


def amount(value: Decimal | int) -> pl.Expr:
    """An exact literal at the engine's decimal precision."""
    return pl.lit(Decimal(value)).cast(DECIMAL)


def share(part: pl.Expr, whole: pl.Expr) -> pl.Expr:
    """part / whole as an exact decimal (10 places, half-even); null where whole is 0.

    The zero is replaced by null *before* dividing: Polars evaluates both branches of a
    when/then, and a Decimal division by zero raises."""
    divisor = pl.when(whole != 0).then(whole.cast(DECIMAL))
    return part.cast(DECIMAL) / divisor


def least(*exprs: pl.Expr) -> pl.Expr:
    """The smallest of several values, unknown if any is unknown.

    ``pl.min_horizontal`` skips nulls, which would turn a missing fact into a number."""
    return (
        pl.when(pl.any_horizontal([e.is_null() for e in exprs]))
        .then(None)
        .otherwise(pl.min_horizontal(*exprs))
    )


def greatest(*exprs: pl.Expr) -> pl.Expr:
    """The largest of several values, unknown if any is unknown (see :func:`least`)."""
    return (
        pl.when(pl.any_horizontal([e.is_null() for e in exprs]))
        .then(None)
        .otherwise(pl.max_horizontal(*exprs))
    )


def at_most_by_key(
    value: pl.Expr, key: pl.Expr, limits: Mapping[str, Decimal | int], dtype: pl.DataType = DECIMAL
) -> pl.Expr:
    """``value <= limits[key]``, decided even when the key is unknown if every possible
    limit gives the same answer (at or below the smallest limit, or above the largest)."""
    by_key = value <= lookup(key, limits, dtype)
    smallest, largest = min(limits.values()), max(limits.values())
    return (
        pl.when(key.is_not_null())
        .then(by_key)
        .when(value <= smallest)
        .then(pl.lit(True))
        .when(value > largest)
        .then(pl.lit(False))
        .otherwise(pl.lit(None, dtype=pl.Boolean))
    )
