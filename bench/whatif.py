"""Benchmark: ``isupport whatif`` (law and reform in one pass) against one ``isupport batch``
of the same rows (issue 16: whatif within 2.5× the batch).

    python bench/whatif.py --rows 1000000 [--reform examples/reforms/ru_offshore_25.yaml]

Both run as processes from start (imports and program loading included), on the same
synthetic register (seed 42), one after the other; prints each wall time and the ratio.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ISUPPORT = str(Path(sys.executable).with_name("isupport"))


def _timed(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([ISUPPORT, *args], check=True, capture_output=True, timeout=1800)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--reform", default=str(ROOT / "examples/reforms/ru_offshore_25.yaml"))
    parser.add_argument("--as-of", default="2025-06-01")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-whatif-") as folder:
        register = Path(folder) / "register.parquet"
        subprocess.run(
            [
                ISUPPORT,
                "synth",
                "--rows",
                str(options.rows),
                "--seed",
                "42",
                "--out",
                str(register),
            ],
            check=True,
            capture_output=True,
        )
        common = ["--as-of", options.as_of]
        batch = _timed("batch", str(register), "--out", f"{folder}/batch", *common)
        whatif = _timed(
            "whatif",
            str(register),
            "--reform",
            options.reform,
            "--out",
            f"{folder}/whatif",
            *common,
        )
    print(
        f"rows {options.rows}: batch {batch:.2f} s, whatif {whatif:.2f} s, ratio {whatif / batch:.2f}"
    )


if __name__ == "__main__":
    main()
