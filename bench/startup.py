"""Benchmark: how long each `isupport` command takes from process start to exit.

    python bench/startup.py [--runs 7]

Each command runs as a fresh process (the installed `isupport` script, the way a person
starts it), ``--runs`` times; the median and the slowest run are printed against the
issue's targets (15): ``--help`` and ``deadline`` ≤ 0.3 s, ``programs``, ``facts`` and
``explain`` of one case ≤ 0.6 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ISUPPORT = str(Path(sys.executable).with_name("isupport"))

# (name, arguments, target in seconds)
COMMANDS: list[tuple[str, list[str], float]] = [
    ("--help", ["--help"], 0.3),
    (
        "deadline",
        ["deadline", "--jurisdiction", "JP", "--from", "2025-04-25", "--working-days", "5"],
        0.3,
    ),
    ("programs", ["programs"], 0.6),
    ("facts", ["facts", "--program", "jp.sme"], 0.6),
    (
        "explain",
        [
            "explain",
            str(ROOT / "examples" / "jp_precision_parts.yaml"),
            "--program",
            "jp.sme",
            "--as-of",
            "2025-06-02",
        ],
        0.6,
    ),
]


# An installed package has its bytecode cached; a session that sets PYTHONDONTWRITEBYTECODE
# would compile every module of ours at each start (0.4 s), which no user pays.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(arguments: list[str], runs: int) -> tuple[list[float], list[float]]:
    """(wall seconds, CPU seconds) of each run. The CPU time is what the process itself
    used: on a machine shared with other work the wall time also counts the waiting."""
    subprocess.run([ISUPPORT, *arguments], check=True, capture_output=True, cwd=ROOT, env=_ENV)
    wall, cpu = [], []
    for _ in range(runs):
        used = _children_cpu()
        start = time.perf_counter()
        subprocess.run([ISUPPORT, *arguments], check=True, capture_output=True, cwd=ROOT, env=_ENV)
        wall.append(time.perf_counter() - start)
        cpu.append(_children_cpu() - used)
    return wall, cpu


def measure(runs: int) -> list[tuple[str, float, float, float, float]]:
    """(command, median wall, slowest wall, median CPU, target) per command."""
    rows = []
    for name, arguments, target in COMMANDS:
        wall, cpu = time_command(arguments, runs)
        rows.append((name, statistics.median(wall), max(wall), statistics.median(cpu), target))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"start-up, median of {args.runs} runs (target: median ≤ target)")
    for name, median, slowest, cpu, target in measure(args.runs):
        verdict = "met" if median <= target else "NOT met"
        print(
            f"  {name:<10} {median:6.3f} s (slowest {slowest:.3f} s, CPU {cpu:.3f} s)"
            f"  target ≤ {target} s  ratio {median / target:4.2f}  {verdict}"
        )


if __name__ == "__main__":
    main()
