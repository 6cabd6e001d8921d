"""The Ray Data path gives exactly what the local batch gives: on a local Ray cluster, and on
a cluster of two nodes started as separate processes (`ray start`), each with its own raylet
and object store, where the chunks must run on both."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _ray_node(*arguments: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """`ray start --block …` in its own process group, so that the test stops exactly the
    processes it started (never `ray stop`, which would stop every Ray on the machine)."""
    ray_cli = str(Path(sys.executable).with_name("ray"))
    return subprocess.Popen(
        [
            ray_cli,
            "start",
            "--block",
            "--num-cpus=1",
            "--object-store-memory=100000000",
            "--disable-usage-stats",
            *arguments,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env=env,
    )


_COUNT_NODES = """
import ray, sys
ray.init(address=sys.argv[1], log_to_driver=False)
print(sum(1 for node in ray.nodes() if node["Alive"]))
"""


def _wait_for_nodes(address: str, env: dict[str, str], wanted: int) -> None:
    """Until ``wanted`` nodes are alive in the cluster (asked by a driver of its own)."""
    deadline = time.monotonic() + 180
    while True:
        asked = subprocess.run(
            [sys.executable, "-c", _COUNT_NODES, address],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        alive = asked.stdout.strip().splitlines()[-1:] if asked.returncode == 0 else []
        if alive == [str(wanted)]:
            return
        assert time.monotonic() < deadline, f"{wanted} nodes not alive in 180 s: {asked.stderr}"
        time.sleep(3)


def _stop(node: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(node.pid, signal.SIGTERM)
        node.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(node.pid, signal.SIGKILL)


@pytest.fixture()
def two_nodes(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """A head node and a second node joined to it by its address (each its own raylet and
    object store), both alive before the test goes on; yields the address and
    the environment a driver needs to join (a token of the test's own: Ray would otherwise
    use the one in ~/.ray, which another cluster on the machine may have written)."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("RAY_")},
        "RAY_AUTH_MODE": "token",
        "RAY_AUTH_TOKEN": secrets.token_hex(32),
    }
    temp = Path("/tmp") / f"ray-{os.getpid()}"  # Ray's socket paths must stay short
    port = _free_port()
    address = f"127.0.0.1:{port}"
    head = _ray_node(
        "--head",
        f"--port={port}",
        "--include-dashboard=false",
        f"--temp-dir={temp}",
        env=env,
    )
    nodes = [head]
    try:
        nodes.append(_ray_node(f"--address={address}", env=env))  # retries until the head is up
        _wait_for_nodes(address, env, 2)
        yield address, env
    finally:
        for node in reversed(nodes):
            _stop(node)


def test_a_two_node_cluster_gives_the_local_batchs_results(
    two_nodes: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    address, env = two_nodes
    register = tmp_path / "register.parquet"
    write(3000, seed=11, out=register)
    local = run_batch(register, AS_OF, tmp_path / "local", chunk_rows=300)
    # the same rows as a folder of six files: six read tasks, each free to run on either node
    folder = tmp_path / "register"
    folder.mkdir()
    rows = pl.read_parquet(register)
    for part in range(6):
        rows.slice(part * 500, 500).write_parquet(folder / f"part-{part}.parquet")
    # the driver is a process of its own too: `isupport batch --engine ray --ray-address …`
    arguments = [str(Path(sys.executable).with_name("isupport")), "batch", str(folder)]
    arguments += ["--out", str(tmp_path / "ray"), "--as-of", AS_OF.isoformat()]
    arguments += ["--engine", "ray", "--ray-address", address, "--chunk-rows", "300"]
    done = subprocess.run(arguments, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"3000 enterprises, {local.rejected} rejected, {local.results} program" in done.stdout
    # the summary names the nodes that screened; on this machine Ray Data has so far put
    # every chunk on one of the two nodes (see the report of issue 15), so this checks
    # that the cluster is the two-node one and that the answers are the local batch's
    assert "Ray nodes)" in done.stdout, done.stdout
    same_results(tmp_path / "local", tmp_path / "ray")
