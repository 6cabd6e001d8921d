"""The Ray Data path gives exactly what the local batch gives, on a local Ray cluster."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
import ray
from typer.testing import CliRunner

from industrial_support.batch.distributed import run_ray
from industrial_support.batch.layout import read_table
from industrial_support.batch.run import run_batch
from industrial_support.batch.synth import write
from industrial_support.cli import app

AS_OF = dt.date(2025, 6, 1)
TABLES = ("JP", "RU", "KZ", "rejects")


@pytest.fixture(scope="module")
def cluster() -> Iterator[None]:
    # address="local": a fresh cluster of this test's own, never one found on the machine
    ray.init(
        address="local",
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        object_store_memory=200 * 1024 * 1024,
    )
    yield
    ray.shutdown()


def same_results(local: Path, remote: Path) -> None:
    for name in TABLES:
        mine, theirs = (
            read_table(folder, name).sort("enterprise_id") for folder in (local, remote)
        )
        assert mine.equals(theirs), name
    programs = [pl.read_parquet(folder / "programs.parquet") for folder in (local, remote)]
    assert programs[0].equals(programs[1])


def test_ray_results_identical_to_local_batch(cluster: None, tmp_path: Path) -> None:
    register = tmp_path / "register.parquet"
    write(2000, seed=5, out=register)
    local = run_batch(register, AS_OF, tmp_path / "local", chunk_rows=500)
    remote = run_ray(str(register), AS_OF, str(tmp_path / "ray"), chunk_rows=500)
    assert remote == local and local.rows == 2000 and local.rejected
    assert all(read_table(tmp_path / "local", name).height for name in TABLES)
    same_results(tmp_path / "local", tmp_path / "ray")
    # it ran as several batches, each written by a worker as a part of its own
    assert len(list((tmp_path / "ray" / "KZ").glob("part-*.parquet"))) > 2

    # CSV (every value as text) through the command line: the same answers again
    csv = tmp_path / "register.csv"
    pl.read_parquet(register).gather_every(3).write_csv(csv)  # rows of every country
    run_batch(csv, AS_OF, tmp_path / "local-csv")
    result = CliRunner().invoke(
        app,
        [
            "batch",
            str(csv),
            "--out",
            str(tmp_path / "ray-csv"),
            "--as-of",
            "2025-06-01",
            "--engine",
            "ray",
            "--chunk-rows",
            "250",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "667 enterprises" in result.output
    same_results(tmp_path / "local-csv", tmp_path / "ray-csv")
