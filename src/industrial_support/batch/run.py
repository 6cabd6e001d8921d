"""``isupport batch``: screen a register of enterprises in chunks with bounded memory.

Each chunk is split by jurisdiction, validated (bad rows go to the rejects file with the
reason; one bad row never stops the batch), evaluated by the same compiled rules that explain
one case, and appended to the output as one row per enterprise and program."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from ..engine.calendars import JURISDICTIONS
from ..engine.errors import IsupportError
from ..engine.evaluate import CompiledProgram, RuleSet, column
from ..engine.money import CURRENCY_DIGITS
from ..engine.program import all_programs
from .validate import ENTERPRISE, JURISDICTION, split_valid

OUTPUT_SCHEMA = pa.schema(
    [
        (ENTERPRISE, pa.large_string()),
        (JURISDICTION, pa.large_string()),
        ("program", pa.large_string()),
        ("status", pa.large_string()),
        ("key_value", pa.large_string()),
        ("key_amount", pa.decimal128(38, 10)),
        ("currency", pa.large_string()),
        ("parameters", pa.large_string()),
    ]
)
MISSING_FIELD = pa.field("missing_facts", pa.large_list(pa.large_string()))
REJECT_SCHEMA = pa.schema(
    [
        (ENTERPRISE, pa.large_string()),
        (JURISDICTION, pa.large_string()),
        ("reason", pa.large_string()),
    ]
)


def parameter_version(compiled: CompiledProgram, as_of: dt.date) -> str:
    """Which parameter values a program used: the evaluation date and a fingerprint of every
    parameter entry read (name and effective-from date)."""
    parameters = [p for c in compiled.criteria for p in c.parameters]
    parameters += [p for v in compiled.values for p in v.parameters]
    used = sorted({f"{p.name}@{p.effective_from}" for p in parameters})
    digest = hashlib.sha1("|".join(used).encode()).hexdigest()[:10]
    return f"{as_of.isoformat()}#{digest}"


def _key_value(compiled: CompiledProgram) -> tuple[str, str] | None:
    """The program's first money value: what it gives, in its currency."""
    for value in compiled.values:
        if value.value.unit in CURRENCY_DIGITS:
            return value.value.id, value.value.unit
    return None


def output_schema(missing: bool) -> pa.Schema:
    return OUTPUT_SCHEMA.append(MISSING_FIELD) if missing else OUTPUT_SCHEMA


def long_results(
    results: pl.DataFrame, rules: RuleSet, jurisdiction: str, missing: bool = False
) -> pl.DataFrame:
    """Wide rule-set results → one row per enterprise and program."""
    parts = []
    for compiled in rules.programs:
        pid = compiled.program.id
        key = _key_value(compiled)
        parts.append(
            results.select(
                pl.col(ENTERPRISE),
                pl.lit(jurisdiction).alias(JURISDICTION),
                pl.lit(pid).alias("program"),
                pl.col(column(pid, "status")).cast(pl.String).alias("status"),
                pl.lit(key[0] if key else None, dtype=pl.String).alias("key_value"),
                (
                    pl.col(column(pid, key[0])) if key else pl.lit(None, dtype=pl.Decimal(38, 10))
                ).alias("key_amount"),
                pl.lit(key[1] if key else None, dtype=pl.String).alias("currency"),
                pl.lit(parameter_version(compiled, rules.as_of)).alias("parameters"),
                *([pl.col(column(pid, "missing")).alias("missing_facts")] if missing else []),
            )
        )
    return pl.concat(parts) if parts else pl.DataFrame(schema=pl.Schema(output_schema(missing)))


def read_chunks(path: Path, rows: int) -> Iterator[pl.DataFrame]:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        lazy = pl.scan_parquet(path)
    elif suffix == ".csv":
        lazy = pl.scan_csv(path, infer_schema=False)  # every value as text, validated per fact
    else:
        raise IsupportError(f"input: expected a .parquet or .csv file, got {path.name!r}")
    if not path.exists():
        raise IsupportError(f"input: no such file {path}")
    names = lazy.collect_schema().names()
    for required in (ENTERPRISE, JURISDICTION):
        if required not in names:
            raise IsupportError(f"input: column {required!r} is missing")
    if suffix == ".parquet":
        # Arrow's reader holds one batch at a time, which keeps memory bounded.
        for batch in pq.ParquetFile(path).iter_batches(batch_size=rows):
            frame = pl.from_arrow(batch)
            assert isinstance(frame, pl.DataFrame)
            yield frame
        return
    yield from lazy.collect_batches(chunk_size=rows)


@dataclass
class Summary:
    rows: int = 0
    rejected: int = 0
    results: int = 0
    by_status: dict[str, int] = field(default_factory=dict)


def run_batch(
    source: Path,
    as_of: dt.date,
    out: Path,
    rejects: Path,
    *,
    chunk_rows: int = 50_000,
    missing: bool = False,
    on_chunk: Callable[[int], None] | None = None,
) -> Summary:
    """``missing=True`` adds each result's missing facts (about 5× slower to evaluate)."""
    programs = all_programs()
    rule_sets = {
        j: RuleSet([p for p in programs if p.jurisdiction == j], as_of) for j in JURISDICTIONS
    }
    summary = Summary()
    out.parent.mkdir(parents=True, exist_ok=True)
    rejects.parent.mkdir(parents=True, exist_ok=True)
    with (
        pq.ParquetWriter(out, schema := output_schema(missing)) as writer,
        pq.ParquetWriter(rejects, REJECT_SCHEMA) as bad,
    ):
        for chunk in read_chunks(source, chunk_rows):
            chunk = chunk.with_columns(pl.col(JURISDICTION).cast(pl.String))
            unknown = chunk.filter(
                ~pl.col(JURISDICTION).is_in(JURISDICTIONS) | pl.col(JURISDICTION).is_null()
            )
            if unknown.height:
                bad.write_table(
                    unknown.select(
                        pl.col(ENTERPRISE).cast(pl.String),
                        pl.col(JURISDICTION),
                        pl.lit(f"jurisdiction: expected one of {', '.join(JURISDICTIONS)}").alias(
                            "reason"
                        ),
                    )
                    .to_arrow()
                    .cast(REJECT_SCHEMA)
                )
                summary.rejected += unknown.height
            for jurisdiction, rules in rule_sets.items():
                part = chunk.filter(pl.col(JURISDICTION) == jurisdiction)
                if not part.height:
                    continue
                valid, invalid = split_valid(part, rules.catalog)
                if invalid.height:
                    bad.write_table(invalid.to_arrow().cast(REJECT_SCHEMA))
                    summary.rejected += invalid.height
                if valid.height:
                    wide = rules.evaluate(valid, keep=[ENTERPRISE], missing=missing)
                    long = long_results(wide, rules, jurisdiction, missing)
                    table = long.to_arrow()
                    writer.write_table(table if table.schema == schema else table.cast(schema))
                    summary.results += long.height
                    for status, count in long.group_by("status").len().iter_rows():
                        summary.by_status[status] = summary.by_status.get(status, 0) + count
            summary.rows += chunk.height
            if on_chunk is not None:
                on_chunk(chunk.height)
    return summary
