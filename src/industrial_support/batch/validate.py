"""Vectorised validation of raw register rows against the facts catalog.

A raw value that cannot be read as its fact's type, or breaks its bounds or allowed values,
makes the row a reject with a reason naming the fact; valid rows come out typed. Nulls are
unknown facts and stay null."""

from __future__ import annotations

import polars as pl

from ..engine.facts import FactCatalog, FactSpec

JURISDICTION = "jurisdiction"
ENTERPRISE = "enterprise_id"


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


def split_valid(frame: pl.DataFrame, facts: FactCatalog) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(typed valid rows with the catalog's columns, rejects with a reason)."""
    specs = [spec for spec in facts.specs() if spec.name in frame.columns]
    checks = [check for spec in specs for check in _checks(spec, frame.schema[spec.name])]
    # Most rows are valid: flag bad rows with one cheap test, and spell out the reason (the
    # first failing fact) only for the rows flagged.
    bad = (
        pl.any_horizontal([condition.fill_null(False) for condition, _ in checks])
        if checks
        else pl.lit(False)
    )
    marked = frame.with_columns(bad.alias("_bad"))
    valid = marked.filter(~pl.col("_bad")).select(
        pl.col(ENTERPRISE).cast(pl.String),
        *(
            _cast(pl.col(spec.name), spec, frame.schema[spec.name]).alias(spec.name)
            for spec in specs
        ),
    )
    reason = (
        pl.coalesce([pl.when(condition).then(pl.lit(message)) for condition, message in checks])
        if checks
        else pl.lit(None, pl.String)
    )
    rejects = marked.filter(pl.col("_bad")).select(
        pl.col(ENTERPRISE).cast(pl.String),
        pl.col(JURISDICTION).cast(pl.String),
        reason.alias("reason"),
    )
    return valid, rejects
