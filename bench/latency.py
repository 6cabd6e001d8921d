"""Benchmark: what one request costs, against a real server on loopback.

    python bench/latency.py [--requests 300] [--seconds 5] [--workers 2]

Starts `isupport serve` (uvicorn, ``--workers`` processes) on a fresh SQLite file and a free
loopback port, then for each request below measures, one at a time, p50/p95/p99 over
``--requests`` requests (after a warm-up), and the throughput of 8 concurrent clients for
``--seconds`` seconds. Each request is the same hand-worked case the program's tests use, so
a wrong answer would show as a failed check, not as a fast one. Targets (issue 15): explain
of one program p50 ≤ 2 ms and p99 ≤ 8 ms; a whole-country screen of Russia with its trace
p95 ≤ 20 ms; ≥ 500 requests/s for one program with 8 clients.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from industrial_support.engine.parameters import load_yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "programs"
ISUPPORT = str(Path(sys.executable).with_name("isupport"))
CLIENTS = 8


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal | dt.date):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _first_case(path: Path) -> tuple[str, str, dict[str, Any], str]:
    """(program, as_of, facts, expected status) of a case file's first case."""
    raw = load_yaml(path)
    case = raw["cases"][0]
    as_of = case.get("as_of", raw["as_of"])
    return raw["program"], str(as_of), _plain(case["facts"]), case["expect"]["status"]


def requests() -> list[tuple[str, str, dict[str, Any], str | None]]:
    """(name, path, body, expected status of the first program) per measured request."""
    sme = _first_case(CASES / "jp" / "cases" / "sme.yaml")
    frp = _first_case(CASES / "ru" / "cases" / "frp_development.yaml")
    plant = load_yaml(ROOT / "examples" / "ru_components_maker.yaml")
    return [
        (
            "explain jp.sme",
            "/api/explain",
            {"jurisdiction": "JP", "program": sme[0], "as_of": sme[1], "facts": sme[2]},
            sme[3],
        ),
        (
            "explain ru.frp.development",
            "/api/explain",
            {"jurisdiction": "RU", "program": frp[0], "as_of": frp[1], "facts": frp[2]},
            frp[3],
        ),
        (
            "screen RU, every program",
            "/api/screen",
            {"jurisdiction": "RU", "as_of": "2025-06-02", "facts": _plain(plant["facts"])},
            None,
        ),
    ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """`isupport serve` in its own process group, stopped by its id."""

    def __init__(self, workers: int, folder: Path) -> None:
        self.port = _free_port()
        self.process = subprocess.Popen(
            [
                ISUPPORT,
                "serve",
                "--db",
                f"sqlite:///{folder / 'bench.db'}",
                "--port",
                str(self.port),
                "--workers",
                str(workers),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=folder,
            start_new_session=True,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/api/programs?jurisdiction=JP")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("the server did not start within 120 s")

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def _post(connection: http.client.HTTPConnection, path: str, body: bytes) -> dict[str, Any]:
    connection.request("POST", path, body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status} {data[:300]!r}")
    answer: dict[str, Any] = json.loads(data)
    return answer


def _percentile(sorted_values: list[float], share: float) -> float:
    index = min(len(sorted_values) - 1, round(share * (len(sorted_values) - 1)))
    return sorted_values[index]


def sequential(port: int, path: str, body: bytes, count: int) -> dict[str, float]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(20):  # warm-up: both workers compile and cache the rule set
        _post(connection, path, body)
    seconds = []
    for _ in range(count):
        start = time.perf_counter()
        _post(connection, path, body)
        seconds.append(time.perf_counter() - start)
    seconds.sort()
    return {name: _percentile(seconds, share) * 1000 for name, share in PERCENTILES}


PERCENTILES = (("p50", 0.50), ("p95", 0.95), ("p99", 0.99))


def concurrent(port: int, path: str, body: bytes, seconds: float) -> float:
    """Requests per second of CLIENTS keep-alive clients for ``seconds``."""
    done = [0] * CLIENTS
    stop = time.monotonic() + seconds

    def client(slot: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            _post(connection, path, body)
            done[slot] += 1

    threads = [threading.Thread(target=client, args=(slot,)) for slot in range(CLIENTS)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.monotonic() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        server = Server(args.workers, Path(folder))
        try:
            print(f"API latency, {args.workers} worker(s), loopback, {args.requests} requests")
            for name, path, body, expected in requests():
                encoded = json.dumps(body).encode()
                answer = _post(http.client.HTTPConnection("127.0.0.1", server.port), path, encoded)
                status = answer.get("status") or answer["programs"][0]["status"]
                if expected is not None and status != expected:
                    raise RuntimeError(f"{name}: status {status}, the case expects {expected}")
                times = sequential(server.port, path, encoded, args.requests)
                rate = concurrent(server.port, path, encoded, args.seconds)
                print(
                    f"  {name:<28} p50 {times['p50']:6.2f} ms  p95 {times['p95']:6.2f} ms"
                    f"  p99 {times['p99']:6.2f} ms  {CLIENTS} clients {rate:6.0f} req/s"
                )
            print("  targets: explain p50 ≤ 2 ms, p99 ≤ 8 ms; RU screen p95 ≤ 20 ms; ≥ 500 req/s")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
