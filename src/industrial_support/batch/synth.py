"""``isupport synth``: a reproducible synthetic register of enterprises in JP, RU and KZ.

Rows start from the hand-worked cases of the program case files (tests/programs/*/cases),
which between them reach every criterion of every program, and are then varied: each fact
is redrawn from its domain with probability 15% and left unknown with probability 3%; 0.1%
of rows carry an invalid (negative) amount so that the rejects path is exercised. The same
seed gives the same register."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from ..engine.calendars import JURISDICTIONS
from ..engine.errors import IsupportError
from ..engine.facts import DECIMAL, FactSpec, catalog
from ..engine.parameters import load_yaml
from ..engine.program import all_programs
from .validate import ENTERPRISE, JURISDICTION

CASE_FILES = Path(__file__).resolve().parents[3] / "tests" / "programs"
SHARES = {"JP": 0.4, "RU": 0.3, "KZ": 0.3}
REDRAW, UNKNOWN, INVALID = 0.15, 0.03, 0.001
CHUNK = 200_000


@cache
def templates(jurisdiction: str) -> pl.DataFrame:
    """Every case-file fact set of the jurisdiction, typed."""
    all_programs()
    facts = catalog(jurisdiction)
    rows: list[dict[str, object]] = []
    for path in sorted(CASE_FILES.glob(f"{jurisdiction.lower()}/cases/*.yaml")):
        rows.extend(case.get("facts") or {} for case in load_yaml(path)["cases"])
    if not rows:
        raise IsupportError(f"synth: no case files for {jurisdiction} under {CASE_FILES}")
    return facts.frame(rows)


def _storage_dtype(spec: FactSpec) -> pl.DataType:
    return pl.String() if spec.kind == "enum" else spec.dtype


def schema() -> dict[str, pl.DataType]:
    all_programs()
    columns: dict[str, pl.DataType] = {ENTERPRISE: pl.String(), JURISDICTION: pl.String()}
    for jurisdiction in JURISDICTIONS:
        for spec in catalog(jurisdiction).specs():
            columns[spec.name] = _storage_dtype(spec)
    return columns


def _redrawn(spec: FactSpec, base: pl.Series, rng: np.random.Generator) -> pl.Series:
    n = base.len()
    match spec.kind:
        case "boolean":
            return pl.Series(rng.random(n) < 0.5)
        case "enum":
            return pl.Series(rng.choice(np.array(spec.values), n))
        case "money" | "integer":
            # scale the template's value by 0-200% in whole units: exact integers, no floats
            whole = base.cast(pl.Int64, strict=False).fill_null(1_000_000)
            scaled = whole * pl.Series(rng.integers(0, 201, n)) // 100
            return scaled.cast(spec.dtype)
        case "decimal":
            return (pl.Series(rng.integers(0, 10_001, n)).cast(DECIMAL) / 10_000).cast(DECIMAL)
        case "date":
            return base + pl.Series(rng.integers(-400, 401, n)).cast(pl.Duration("ms")) * 86_400_000
        case _:
            return base


def _vary(frame: pl.DataFrame, jurisdiction: str, rng: np.random.Generator) -> pl.DataFrame:
    n = frame.height
    columns = []
    for spec in catalog(jurisdiction).specs():
        base = frame[spec.name]
        redraw = pl.Series(rng.random(n) < REDRAW)
        unknown = pl.Series(rng.random(n) < UNKNOWN)
        varied = pl.select(
            pl.when(unknown).then(None).when(redraw).then(_redrawn(spec, base, rng)).otherwise(base)
        ).to_series()
        columns.append(varied.cast(_storage_dtype(spec)).alias(spec.name))
    varied_frame = pl.DataFrame(columns)
    money = [
        s.name for s in catalog(jurisdiction).specs() if s.kind == "money" and s.minimum is not None
    ]
    if money:
        invalid = pl.Series(rng.random(n) < INVALID)
        varied_frame = varied_frame.with_columns(
            pl.when(invalid)
            .then(pl.lit(-1).cast(DECIMAL))
            .otherwise(pl.col(money[0]))
            .alias(money[0])
        )
    return varied_frame


def generate(rows: int, seed: int) -> Iterator[pl.DataFrame]:
    """The register in chunks (bounded memory whatever ``rows`` is)."""
    if rows < 1:
        raise IsupportError(f"rows: expected 1 or more, got {rows}")
    rng = np.random.default_rng(seed)
    full = schema()
    done = 0
    while done < rows:
        size = min(CHUNK, rows - done)
        countries = rng.choice(np.array(list(SHARES)), size, p=list(SHARES.values()))
        parts = []
        for jurisdiction in JURISDICTIONS:
            count = int((countries == jurisdiction).sum())
            if not count:
                continue
            base = templates(jurisdiction)
            sample = base[rng.integers(0, base.height, count).tolist()]
            parts.append(
                _vary(sample, jurisdiction, rng).with_columns(
                    pl.lit(jurisdiction).alias(JURISDICTION)
                )
            )
        chunk = pl.concat(parts, how="diagonal_relaxed")
        chunk = chunk.with_columns(
            (
                pl.lit("E")
                + (pl.int_range(done, done + chunk.height).cast(pl.String).str.zfill(10))
            ).alias(ENTERPRISE)
        )
        yield chunk.select(
            [
                pl.col(name).cast(dtype)
                if name in chunk.columns
                else pl.lit(None, dtype).alias(name)
                for name, dtype in full.items()
            ]
        )
        done += size


def write(rows: int, seed: int, out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    arrow_schema = pl.DataFrame(schema=schema()).to_arrow().schema
    written = 0
    with pq.ParquetWriter(out, arrow_schema) as writer:
        for chunk in generate(rows, seed):
            writer.write_table(pa.Table.from_batches(chunk.to_arrow().to_batches(), arrow_schema))
            written += chunk.height
    return written
