"""A batch that fails changes nothing: a corrupt register, or a run killed midway, leaves
the earlier results folder byte for byte as it was; a finished run ends with a _SUCCESS
manifest (row counts, rules hash, input checksum, duration) written last."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

ISUPPORT = shutil.which("isupport", path=str(Path(sys.executable).parent)) or "isupport"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ISUPPORT, *args], capture_output=True, text=True, timeout=300)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, bytes]]:
    work = tmp_path_factory.mktemp("atomic")
    register = work / "register.parquet"
    assert _cli("synth", "--rows", "40000", "--out", str(register), "--seed", "5").returncode == 0
    out = work / "out"
    done = _cli("batch", str(register), "--out", str(out), "--as-of", "2025-06-01")
    assert done.returncode == 0, done.stderr
    return register, out, _snapshot(out)


def test_a_finished_run_ends_with_its_manifest(
    earlier: tuple[Path, Path, dict[str, bytes]],
) -> None:
    register, out, files = earlier
    manifest = json.loads(files["_SUCCESS"])
    assert manifest["finished"] is True and manifest["rows"] == 40000
    assert manifest["input"]["sha256"] == hashlib.sha256(register.read_bytes()).hexdigest()
    tables = {name: pl.read_parquet(out / name).height for name in ("JP", "RU", "KZ", "rejects")}
    assert manifest["tables"] == tables and sum(tables.values()) == 40000
    assert manifest["rejected"] == tables["rejects"]
    programs = pl.read_parquet(out / "programs.parquet")
    versions = dict(zip(programs["program"], programs["parameters"], strict=True))
    assert manifest["rules"]["programs"] == versions
    lines = "\n".join(f"{k}={v}" for k, v in sorted(versions.items()))
    assert manifest["rules"]["sha256"] == hashlib.sha256(lines.encode()).hexdigest()
    assert manifest["duration_seconds"] > 0
    # written last: no file of the folder is newer than the manifest
    newest = max((out / name).stat().st_mtime_ns for name in files)
    assert (out / "_SUCCESS").stat().st_mtime_ns == newest


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("corrupt.parquet", b"PAR1 not a parquet file PAR1"),
        ("empty.csv", b""),
        ("dups.csv", b"enterprise_id,jurisdiction,capital,capital\ne,JP,1,2\n"),
        ("typed.csv", b"enterprise_id,jurisdiction,capitol\ne,JP,1\n"),  # with --strict
    ],
)
def test_a_corrupt_register_leaves_the_earlier_results_unchanged(
    earlier: tuple[Path, Path, dict[str, bytes]], tmp_path: Path, name: str, content: bytes
) -> None:
    _, out, files = earlier
    bad = tmp_path / name
    bad.write_bytes(content)
    done = _cli("batch", str(bad), "--out", str(out), "--strict")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert str(bad) in done.stderr  # says which file
    assert _snapshot(out) == files
    assert not list(out.parent.glob(".out.partial-*"))


def test_a_killed_run_leaves_the_earlier_results_unchanged(
    earlier: tuple[Path, Path, dict[str, bytes]],
) -> None:
    register, out, files = earlier
    run = subprocess.Popen(
        [ISUPPORT, "batch", str(register), "--out", str(out), "--chunk-rows", "200", "--missing"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    staging = out.parent / f".out.partial-{run.pid}"
    deadline = time.monotonic() + 120
    while not (staging / "JP").exists() and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    time.sleep(0.5)  # let it write some chunks
    assert run.poll() is None, "the run ended before it could be killed"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert _snapshot(out) == files
    # the next run clears what the killed one left and replaces the results whole
    again = _cli("batch", str(register), "--out", str(out), "--as-of", "2025-06-01")
    assert again.returncode == 0 and not staging.exists()
    assert json.loads((out / "_SUCCESS").read_text())["rows"] == 40000
