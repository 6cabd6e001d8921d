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
    if spec.kind == "date" and source == pl.String:
        return raw.str.to_date("%Y-%m-%d", strict=False)
    if spec.kind == "boolean" and source == pl.String:
        lowered = raw.str.to_lowercase()
        return pl.when(lowered == "true").then(True).when(lowered == "false").then(False)
    return raw.cast(spec.dtype, strict=False)


def _problem(spec: FactSpec, raw: pl.Expr, typed: pl.Expr) -> pl.Expr:
    """A reason string where the row's value is invalid, else null."""
    unreadable = raw.is_not_null() & typed.is_null()
    checks = [(unreadable, f"fact '{spec.name}': expected {spec.describe_type()}")]
    if spec.minimum is not None:
        checks.append(
            (typed < spec.minimum, f"fact '{spec.name}': expected at least {spec.minimum}")
        )
    if spec.maximum is not None:
        checks.append(
            (typed > spec.maximum, f"fact '{spec.name}': expected at most {spec.maximum}")
        )
    expr: pl.Expr = pl.lit(None, dtype=pl.String)
    for condition, message in reversed(checks):
        expr = pl.when(condition).then(pl.lit(message)).otherwise(expr)
    return expr


def split_valid(frame: pl.DataFrame, facts: FactCatalog) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(typed valid rows with the catalog's columns, rejects with a reason)."""
    columns = [spec for spec in facts.specs() if spec.name in frame.columns]
    typed = {spec.name: _cast(pl.col(spec.name), spec, frame.schema[spec.name]) for spec in columns}
    problems = [_problem(spec, pl.col(spec.name), typed[spec.name]) for spec in columns]
    reason = pl.coalesce(problems) if problems else pl.lit(None, dtype=pl.String)
    checked = frame.with_columns(
        reason.alias("_reason"), *(expr.alias(f"_typed_{name}") for name, expr in typed.items())
    )
    rejects = checked.filter(pl.col("_reason").is_not_null()).select(
        pl.col(ENTERPRISE).cast(pl.String),
        pl.col(JURISDICTION).cast(pl.String),
        pl.col("_reason").alias("reason"),
    )
    valid = checked.filter(pl.col("_reason").is_null()).select(
        pl.col(ENTERPRISE).cast(pl.String),
        *(pl.col(f"_typed_{name}").alias(name) for name in typed),
    )
    return valid, rejects
