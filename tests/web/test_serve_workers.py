"""`isupport serve --workers 2` runs two server processes over one SQLite store in WAL mode
(issue 15), the schema migrated once before they start, and every request is answered."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read()


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(n) for n in (task / "children").read_text().split())
    return found


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    port = _free_port()
    isupport = str(Path(sys.executable).with_name("isupport"))
    database = f"sqlite:///{tmp_path / 'shared.db'}"
    process = subprocess.Popen(
        [isupport, "serve", "--db", database, "--port", str(port), "--workers", "2"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if _get(port, "/api/programs?jurisdiction=JP")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the server did not start in 120 s"
            time.sleep(0.5)
        yield port, process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_two_worker_processes_answer_from_one_store(
    server: tuple[int, subprocess.Popen[bytes]],
) -> None:
    port, process = server
    deadline = time.monotonic() + 60
    while len(_children(process.pid)) < 2:  # uvicorn's supervisor and its two workers
        assert time.monotonic() < deadline, _children(process.pid)
        time.sleep(0.5)
    # jp.sme on a hand-worked case (002 Art.2(1)(i)): a manufacturer with capital of
    # exactly 300,000,000 JPY is within the limit "or less" and eligible, on whichever
    # worker answers each of the requests
    body = json.dumps(
        {
            "jurisdiction": "JP",
            "program": "jp.sme",
            "as_of": "2026-04-01",
            "facts": {
                "legal_form": "company",
                "main_industry": "manufacturing",
                "capital": 300000000,
                "regular_employees": 301,
            },
        }
    )
    for _ in range(20):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("POST", "/api/explain", body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        answer = json.loads(response.read())
        assert response.status == 200, answer
        assert answer["status"] == "eligible"
