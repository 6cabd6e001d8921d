"""Benchmark: batch screening against per-record explanation, on the same synthetic register.

    python bench/screen.py --rows 1000000 --sample 2000 [--stream-rows 10000000]

Prints, measured side by side in one run:
* rows per second of (a) the batch path (`isupport batch`: read, validate, evaluate every
  program, write) and (b) the per-record path (`RuleSet.explain` called once per enterprise
  on a sample), and their ratio;
* whether both paths give identical statuses and missing facts on the sample;
* peak memory of the batch process, and — with --stream-rows — of a separate process that
  streams a larger register through `isupport batch` (its own peak resident set).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

from industrial_support.batch.run import run_batch
from industrial_support.batch.synth import write
from industrial_support.engine.evaluate import RuleSet
from industrial_support.engine.facts import catalog
from industrial_support.engine.program import all_programs

AS_OF = dt.date(2025, 6, 1)

_STREAM = """
import datetime as dt, resource, sys, time
from pathlib import Path
from industrial_support.batch.run import run_batch
start = time.perf_counter()
summary = run_batch(Path(sys.argv[1]), dt.date(2025, 6, 1), Path(sys.argv[2]), Path(sys.argv[3]), chunk_rows=50_000)
print(summary.rows, time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _mib(kib: int) -> float:
    return kib / 1024


def per_record(register: Path, results: Path, sample: int) -> tuple[float, int, int]:
    """Explain ``sample`` screened enterprises one by one; return (seconds, rows, mismatches)."""
    screened = pl.read_parquet(results)
    ids = screened["enterprise_id"].unique().sort().head(sample)
    source = pl.read_parquet(register).filter(pl.col("enterprise_id").is_in(ids.implode()))
    wanted = {
        (e, p): (s, sorted(m or []))
        for e, p, s, m in screened.filter(pl.col("enterprise_id").is_in(ids.implode()))
        .select("enterprise_id", "program", "status", "missing_facts")
        .iter_rows()
    }
    programs = all_programs()
    rule_sets = {
        j: RuleSet([p for p in programs if p.jurisdiction == j], AS_OF) for j in ("JP", "RU", "KZ")
    }
    specs = {j: catalog(j).specs() for j in rule_sets}
    mismatches = 0
    start = time.perf_counter()
    for row in source.iter_rows(named=True):
        jurisdiction = row["jurisdiction"]
        facts = {s.name: row[s.name] for s in specs[jurisdiction] if row[s.name] is not None}
        for result in rule_sets[jurisdiction].explain(facts):
            got = (result.status.value, sorted(result.missing_facts))
            mismatches += got != wanted[(row["enterprise_id"], result.program.id)]
    return time.perf_counter() - start, source.height, mismatches


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--stream-rows", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="isupport-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, polars {pl.__version__}"
    )

    register = work / "register.parquet"
    start = time.perf_counter()
    write(args.rows, args.seed, register)
    print(f"synthetic register: {args.rows:,} rows in {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    summary = run_batch(
        register, AS_OF, work / "out.parquet", work / "rejects.parquet", chunk_rows=50_000
    )
    batch_seconds = time.perf_counter() - start
    batch_rate = summary.rows / batch_seconds
    print(
        f"(a) batch:      {summary.rows:,} rows in {batch_seconds:.2f} s = {batch_rate:,.0f} rows/s "
        f"({summary.results:,} program results, {summary.rejected:,} rejected rows)"
    )

    # the same sample with missing facts, to compare both paths on everything they report
    sample_register = work / "sample.parquet"
    pl.scan_parquet(register).head(args.sample * 2).collect().write_parquet(sample_register)
    sample_out = work / "sample-out.parquet"
    run_batch(sample_register, AS_OF, sample_out, work / "sample-rejects.parquet", missing=True)
    seconds, rows, mismatches = per_record(sample_register, sample_out, args.sample)
    record_rate = rows / seconds
    print(f"(b) per record: {rows:,} rows in {seconds:.2f} s = {record_rate:,.1f} rows/s")
    print(f"ratio (a)/(b): {batch_rate / record_rate:,.0f}x")
    print(
        f"identical outcomes on the sample: {'yes' if mismatches == 0 else f'NO ({mismatches} differ)'}"
    )
    print(
        f"peak memory of this process: {_mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss):,.0f} MiB"
    )

    if args.stream_rows:
        big = work / "big.parquet"
        start = time.perf_counter()
        write(args.stream_rows, args.seed + 1, big)
        print(
            f"streamed register: {args.stream_rows:,} rows written in {time.perf_counter() - start:.0f} s"
        )
        child = subprocess.run(
            [
                sys.executable,
                "-c",
                _STREAM,
                str(big),
                str(work / "big-out.parquet"),
                str(work / "big-rej.parquet"),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        rows_done, seconds_done, peak = child.stdout.split()
        print(
            f"streamed batch: {int(rows_done):,} rows in {float(seconds_done):.0f} s, "
            f"peak memory {_mib(int(peak)):,.0f} MiB"
        )


if __name__ == "__main__":
    main()
