"""Bracket parameters read per row: the band a number falls in, and that band's value.

A bracket parameter (``brackets:`` in a parameter file, see ``parameters.py``) resolves to
``{group: [{"below" | "up_to": edge, "value": v}, ..., {"value": v}]}``: each band ends at its
edge, exclusive (``below``) or inclusive (``up_to``); the last takes the rest. The edges and
which side of an edge a number falls on live in the data, not in string keys such as
``"M1:<2870"``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from itertools import pairwise
from typing import Any

import polars as pl

from .errors import ParameterError
from .facts import DECIMAL

Bands = Sequence[Mapping[str, Any]]
Format = Callable[[Decimal, bool], str]  # (edge, is the band's upper edge) → text


def edges(bands: Bands) -> list[Decimal]:
    return [Decimal(band.get("below", band.get("up_to"))) for band in bands[:-1]]


def _literal(edge: Any) -> pl.Expr:
    # whole edges as integers, so that a count column compares without a cast
    number = Decimal(edge)
    return pl.lit(int(number)) if number == number.to_integral_value() else pl.lit(number)


def _inside(x: pl.Expr, band: Mapping[str, Any]) -> pl.Expr:
    if "below" in band:
        return x < _literal(band["below"])
    return x <= _literal(band["up_to"])


def band_index(x: pl.Expr, bands: Bands) -> pl.Expr:
    """0-based index of the band ``x`` falls in (null where ``x`` is unknown)."""
    index: pl.Expr = pl.lit(len(bands) - 1, pl.Int64)
    for position in reversed(range(len(bands) - 1)):
        index = (
            pl.when(_inside(x, bands[position])).then(pl.lit(position, pl.Int64)).otherwise(index)
        )
    return pl.when(x.is_null()).then(pl.lit(None, pl.Int64)).otherwise(index)


def labels(bands: Bands, fmt: Format) -> list[str]:
    """Readable band names from the edges: ``<2870``, ``2870-5810``, ``>23100``; a first
    band ending ``up_to`` its edge reads ``<=2000``."""
    cut = edges(bands)
    first = ("<=" if "up_to" in bands[0] else "<") + fmt(cut[0], True)
    inner = [f"{fmt(lo, False)}-{fmt(hi, True)}" for lo, hi in pairwise(cut)]
    return [first, *inner, ">" + fmt(cut[-1], True)]


def band_label(x: pl.Expr, bands: Bands, fmt: Format) -> pl.Expr:
    """The name of the band ``x`` falls in."""
    names = pl.Series(labels(bands, fmt), dtype=pl.String)
    return pl.lit(names).gather(band_index(x, bands))


def bracket_value(
    x: pl.Expr,
    brackets: Mapping[str, Bands],
    group: pl.Expr | None = None,
    dtype: pl.DataType = DECIMAL,
) -> pl.Expr:
    """The value of the band ``x`` falls in, in the row's ``group`` (null where either is
    unknown or the group is not one of the parameter's)."""
    if group is None:
        if len(brackets) != 1:
            raise ParameterError(f"brackets of groups {sorted(brackets)}: name the group")
        group = pl.lit(next(iter(brackets)))
    result: pl.Expr = pl.lit(None, dtype)
    for name, bands in brackets.items():
        values = [Decimal(band["value"]) for band in bands]
        chosen = pl.lit(pl.Series(values, dtype=dtype)).gather(band_index(x, bands))
        result = pl.when(group == name).then(chosen).otherwise(result)
    return result


def same_edges(brackets: Mapping[str, Bands], name: str) -> Bands:
    """The bands of the first group, after checking every group cuts at the same edges
    (a table whose halves share one column of bands)."""
    groups = list(brackets.values())
    first = groups[0]
    for other in groups[1:]:
        if edges(other) != edges(first) or [("below" in b) for b in other] != [
            ("below" in b) for b in first
        ]:
            raise ParameterError(f"parameter {name!r}: its groups cut at different edges")
    return first
