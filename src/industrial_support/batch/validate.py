"""Vectorised validation of raw register rows against the facts the programs read.

A raw value that cannot be read as its fact's type, or breaks its bounds or allowed values,
makes the row a reject with a reason naming the fact; valid rows come out typed. Nulls are
unknown facts and stay null. Facts no program reads are neither validated nor kept: they
cannot change an outcome, and checking them cost as much as the evaluation."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from ..engine.facts import FactSpec

JURISDICTION = "jurisdiction"
ENTERPRISE = "enterprise_id"
REASON = "reason"
_BAD = "_bad"


def _cast(raw: pl.Expr, spec: FactSpec, source: pl.DataType) -> pl.Expr:
    if source == spec.dtype:
        return raw
    if spec.kind == "date" and source == pl.String:
        return raw.str.to_date("%Y-%m-%d", strict=False)
    if spec.kind == "boolean" and source == pl.String:
        lowered = raw.str.to_lowercase()
        return pl.when(lowered == "true").then(True).when(lowered == "false").then(False)
    return raw.cast(spec.dtype, strict=False)


def _checks(spec: FactSpec, source: pl.DataType) -> list[tuple[pl.Expr, str]]:
    """(condition that makes a row's value invalid, reason) for one fact."""
    raw = pl.col(spec.name)
    typed = _cast(raw, spec, source)
    checks = []
    if source != spec.dtype:  # a value that does not convert is invalid
        checks.append(
            (
                raw.is_not_null() & typed.is_null(),
                f"fact '{spec.name}': expected {spec.describe_type()}",
            )
        )
    if spec.minimum is not None:
        checks.append(
            (typed < spec.minimum, f"fact '{spec.name}': expected at least {spec.minimum}")
        )
    if spec.maximum is not None:
        checks.append(
            (typed > spec.maximum, f"fact '{spec.name}': expected at most {spec.maximum}")
        )
    return checks


def reject_frame(
    ids: pl.Series, jurisdiction: pl.Series | str, reason: pl.Series | str
) -> pl.DataFrame:
    return pl.DataFrame({ENTERPRISE: ids.cast(pl.String)}).with_columns(
        (pl.lit(jurisdiction, pl.String) if isinstance(jurisdiction, str) else jurisdiction)
        .cast(pl.String)
        .alias(JURISDICTION),
        (pl.lit(reason, pl.String) if isinstance(reason, str) else reason)
        .cast(pl.String)
        .alias(REASON),
    )


def split_valid(
    frame: pl.DataFrame, specs: Sequence[FactSpec], jurisdiction: str
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(typed valid rows: the enterprise and the given facts present in the frame,
    rejects: enterprise, jurisdiction and reason) for rows of one jurisdiction.

    The valid rows are collected before they are evaluated: evaluating on the lazy filtered
    frame re-ran the filter inside the evaluation's plan and was slower (issue 15: Russia,
    0.41 s against 0.25 + 0.10 s per 300,000 rows)."""
    schema = frame.schema  # built once: a wide frame's schema is costly to ask for per column
    present = [spec for spec in specs if spec.name in schema]
    checks = [check for spec in present for check in _checks(spec, schema[spec.name])]
    typed = frame.select(
        pl.col(ENTERPRISE).cast(pl.String),
        *(_cast(pl.col(spec.name), spec, schema[spec.name]).alias(spec.name) for spec in present),
        # Most rows are valid: flag bad rows with one cheap test, and spell out the reason
        # (the first failing fact) only for the rows flagged.
        pl.any_horizontal([condition.fill_null(False) for condition, _ in checks]).alias(_BAD)
        if checks
        else pl.lit(False).alias(_BAD),
    )
    bad = typed[_BAD]
    if not bad.any():
        return typed.drop(_BAD), reject_frame(pl.Series([], dtype=pl.String), jurisdiction, "")
    flagged = frame.filter(bad)
    reason = flagged.select(
        pl.coalesce([pl.when(condition).then(pl.lit(message)) for condition, message in checks])
    ).to_series()
    return (
        typed.filter(~bad).drop(_BAD),
        reject_frame(flagged[ENTERPRISE], jurisdiction, reason),
    )
