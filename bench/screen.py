"""Benchmark: batch screening against per-record explanation, on the same synthetic register.

    python bench/screen.py --rows 1000000 --sample 2000 [--stream-rows 10000000]

Prints, measured side by side in one run:
* rows per second of (a) the batch path (`isupport batch`: read, validate, evaluate every
  program, write) and (b) the per-record path (`RuleSet.explain` called once per enterprise
  on a sample), and their ratio;
* whether both paths give identical statuses, missing facts and key amounts on the sample;
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

from industrial_support.batch.layout import read_table
from industrial_support.batch.run import run_batch
from industrial_support.batch.screen import compile_screen
from industrial_support.batch.synth import write

AS_OF = dt.date(2025, 6, 1)

# The child reports its own high-water mark (VmHWM). Its ru_maxrss would not do: Linux keeps
# it across exec, so it starts at the size of the forked parent (this script, ~1.7 GB).
_STREAM = """
import datetime as dt, re, resource, sys, time
from pathlib import Path
from industrial_support.batch.run import run_batch
start = time.perf_counter()
summary = run_batch(Path(sys.argv[1]), dt.date(2025, 6, 1), Path(sys.argv[2]))
seconds = time.perf_counter() - start
try:
    status = Path("/proc/self/status").read_text()
    peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))
except (OSError, AttributeError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(summary.rows, seconds, peak)
"""


def _mib(kib: int) -> float:
    return kib / 1024


def per_record(register: Path, results: Path, sample: int) -> tuple[float, int, int]:
    """Explain ``sample`` screened enterprises one by one; return (seconds, rows, mismatches)
    of status, missing facts and key amount against the batch's results."""
    programs = pl.read_parquet(results / "programs.parquet")
    wanted: dict[tuple[str, str], tuple[str, list[str], object]] = {}
    for jurisdiction in ("JP", "RU", "KZ"):
        table = read_table(results, jurisdiction)
        for layout in programs.filter(pl.col("jurisdiction") == jurisdiction).iter_rows(named=True):
            pid, amount = layout["program"], layout["amount_column"]
            for enterprise, status, missing, value in table.select(
                "enterprise_id",
                layout["status_column"],
                f"{pid}::missing",
                pl.col(amount) if amount else pl.lit(None),
            ).iter_rows():
                wanted[(enterprise, pid)] = (status, sorted(missing), value)
    ids = sorted({e for e, _ in wanted})[:sample]
    source = pl.read_parquet(register).filter(pl.col("enterprise_id").is_in(ids))
    rule_sets = {
        j: compile_screen(AS_OF, missing=True).countries[j].rules for j in ("JP", "RU", "KZ")
    }
    # the batch reads only the facts some program reads; the explanation gets the same
    needed = {j: rules.facts_needed() for j, rules in rule_sets.items()}
    keys = {p: k for p, k in programs.select("program", "value").iter_rows()}
    mismatches = 0
    start = time.perf_counter()
    for row in source.iter_rows(named=True):
        jurisdiction = row["jurisdiction"]
        facts = {name: row[name] for name in needed[jurisdiction] if row[name] is not None}
        for result in rule_sets[jurisdiction].explain(facts):
            key = keys[result.program.id]
            amount = next((v.result for v in result.values if v.value.id == key), None)
            got = (
                result.status.value,
                sorted(result.missing_facts),
                None if amount is None else amount.amount,
            )
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

    # (c) the way a person runs it: `isupport batch` from process start to exit (imports,
    # loading the programs, compiling, reading, screening, writing), and its peak memory
    isupport = str(Path(sys.executable).with_name("isupport"))
    command = [isupport, "batch", str(register), "--out", str(work / "cli-out")]
    command += ["--as-of", AS_OF.isoformat()]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    whole = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"isupport batch failed ({status})")
    print(
        f"(c) isupport batch from process start: {args.rows:,} rows in {whole:.2f} s "
        f"(target ≤ 2.0 s per million: ratio {whole / (2.0 * args.rows / 1e6):.2f}), "
        f"peak memory {_mib(usage.ru_maxrss):,.0f} MiB (target ≤ 800 MB)"
    )

    start = time.perf_counter()
    summary = run_batch(register, AS_OF, work / "out")
    batch_seconds = time.perf_counter() - start
    batch_rate = summary.rows / batch_seconds
    print(
        f"(a) batch:      {summary.rows:,} rows in {batch_seconds:.2f} s = {batch_rate:,.0f} rows/s "
        f"({summary.results:,} program results, {summary.rejected:,} rejected rows)"
    )

    # the same sample with missing facts, to compare both paths on everything they report
    sample_register = work / "sample.parquet"
    pl.scan_parquet(register).head(args.sample * 2).collect().write_parquet(sample_register)
    sample_out = work / "sample-out"
    run_batch(sample_register, AS_OF, sample_out, missing=True)
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
            [sys.executable, "-c", _STREAM, str(big), str(work / "big-out")],
            capture_output=True,
            text=True,
            check=True,
        )
        rows_done, seconds_done, peak = child.stdout.split()
        print(
            f"streamed batch: {int(rows_done):,} rows in {float(seconds_done):.0f} s, "
            f"peak memory {_mib(int(peak)):,.0f} MiB (target ≤ 1 GB)"
        )


if __name__ == "__main__":
    main()
