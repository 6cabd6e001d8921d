"""A real uvicorn server in a child process (``--factory``, optionally several workers) and a
plain HTTP client for it, for the drills that a TestClient cannot stand in for: several
worker processes, the server's own memory."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
REDIS_URL_ENV = "ISUPPORT_TEST_REDIS_URL"


def redis_url() -> str:
    """The throwaway Redis of scripts/with-redis.sh; missing is a failure, never a skip."""
    url = os.environ.get(REDIS_URL_ENV)
    if not url:
        pytest.fail(f"{REDIS_URL_ENV} is not set: run the suite through scripts/with-redis.sh")
    return url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class Server:
    url: str
    process: subprocess.Popen[bytes]


@contextmanager
def uvicorn_server(env: Mapping[str, str], workers: int = 1) -> Iterator[Server]:
    port = free_port()
    command = [
        str(BIN / "uvicorn"),
        "--factory",
        "industrial_support.web.app:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    if workers > 1:
        command += ["--workers", str(workers)]
    process = subprocess.Popen(command, env={**os.environ, **env}, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                pytest.fail(f"uvicorn exited with {process.returncode} before serving")
            try:
                with urllib.request.urlopen(f"{url}/login", timeout=5):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    pytest.fail("uvicorn did not serve within 120 s")
                time.sleep(0.2)
        yield Server(url, process)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


@dataclass(frozen=True)
class Answer:
    status: int
    headers: Mapping[str, str]  # names in lower case
    body: str


def post_form(url: str, fields: Mapping[str, str], timeout: float = 120) -> Answer:
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(url, data=data, method="POST")
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return Answer(response.status, _lower(response.headers), response.read().decode())
    except urllib.error.HTTPError as error:
        return Answer(error.code, _lower(error.headers), error.read().decode())


def _lower(headers: Message) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


def high_water_mib(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM in /proc status")


def resident_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc status")
