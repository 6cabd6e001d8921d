"""The kill -9 drill (issue 11): applicants submit, officials register and a second pair of
officials admits against a real uvicorn server, which is killed without warning and restarted
three times. Afterwards ``isupport case verify`` is green and every step the server
acknowledged is in the record — on SQLite and on PostgreSQL (as the application's role)."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from industrial_support.accounts.service import AccountStore
from industrial_support.cases.db import connect
from industrial_support.cases.store import CaseStore
from industrial_support.engine.money import Money
from tests.cases.conftest import owner_url

from .test_pp1176_procedure import ELIGIBLE

APPLICANTS = 6
ROUNDS = 3
ROUND_SECONDS = 2.5
PASSWORD = "drill-password-1"
ISUPPORT = str(Path(sys.executable).parent / "isupport")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _env(url: str) -> dict[str, str]:
    env = {**os.environ}
    if owner := owner_url(url):
        env["ISUPPORT_DB_OWNER"] = owner
    return env


class Client:
    """Just enough HTTP for the drill (the standard library: no client dependency)."""

    def __init__(self, port: int, token: str | None = None) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def request(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            self.base + path,
            data=data,
            method=method,
            headers={**self.headers, **(headers or {}), "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, None


def _serve(url: str, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [ISUPPORT, "serve", "--db", url, "--port", str(port)],
        env=_env(url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            Client(port).request("GET", "/api/calls")
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise AssertionError("the server did not start within 60 s")


def _setup(url: str) -> tuple[int, dict[str, str]]:
    """A call open today, applicant accounts for distinct enterprises, two officials."""
    engine = connect(url, owner_url=owner_url(url))
    cases, accounts = CaseStore(engine=engine), AccountStore(engine)
    today = dt.date.today()
    call = cases.open_call(
        "ru.pp1176",
        title="drill",
        published_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=40),
        budget_limit=Money.of(10**12, "RUB"),
        budget_year=today.year,
    )
    tokens = {}
    for i in range(APPLICANTS):
        accounts.add_enterprise(f"ent-{i}", f"Enterprise {i}", "RU", ELIGIBLE)
        who = accounts.add_account(f"app-{i}", PASSWORD, "applicant", enterprise_id=f"ent-{i}")
        tokens[who.username] = accounts.issue_token(who, "drill")
    for name in ("clerk", "head"):
        who = accounts.add_account(name, PASSWORD, "official", authorities=["ru.pp1176"])
        tokens[name] = accounts.issue_token(who, "drill")
    engine.dispose()
    return call, tokens


def _worker(
    port: int, token: str, stop: threading.Event, acknowledged: list[Any], work: Any
) -> None:
    client = Client(port, token)
    while not stop.is_set():
        try:
            done = work(client)
        except OSError:  # the server died under us: nothing acknowledged
            time.sleep(0.05)
            continue
        if done is not None:
            acknowledged.append(done)
        time.sleep(0.02)


def test_kill_minus_nine_three_times_loses_no_acknowledged_step(db_url: str) -> None:
    call, tokens = _setup(db_url)
    port = _free_port()
    acknowledged: list[tuple[int, str]] = []
    submitted: set[str] = set()

    def submit(name: str) -> Any:
        def work(client: Client) -> Any:
            if name in submitted:
                return None
            status, case = client.request(
                "POST", f"/api/calls/{call}/applications", {}, {"Idempotency-Key": name}
            )
            if status == 201:
                submitted.add(name)
                return (case["id"], "submit")
            return None

        return work

    def step(action: str, state: str) -> Any:
        def work(client: Client) -> Any:
            status, cases = client.request("GET", f"/api/cases?state={state}")
            for case in cases if status == 200 else []:
                status, _ = client.request(
                    "POST", f"/api/cases/{case['id']}/transitions", {"action": action}
                )
                if status == 200:
                    return (case["id"], action)
            return None

        return work

    for _ in range(ROUNDS):
        server = _serve(db_url, port)
        stop = threading.Event()
        jobs = [(tokens[f"app-{i}"], submit(f"app-{i}")) for i in range(APPLICANTS)]
        jobs += [(tokens["clerk"], step("register", "submitted"))]
        jobs += [(tokens["head"], step("admit", "registered"))]
        threads = [
            threading.Thread(target=_worker, args=(port, token, stop, acknowledged, work))
            for token, work in jobs
        ]
        for thread in threads:
            thread.start()
        time.sleep(ROUND_SECONDS)
        os.kill(server.pid, signal.SIGKILL)  # no warning, mid-request
        server.wait(timeout=30)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)

    verify = subprocess.run(
        [ISUPPORT, "case", "verify", "--db", db_url, "--json"],
        env=_env(db_url),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
    store = CaseStore(db_url, owner_url=owner_url(db_url))
    recorded = {(t.case_id, t.action) for c in store.cases(call) for t in store.log(c.id)}
    missing = [ack for ack in acknowledged if ack not in recorded]
    assert acknowledged and not missing
    assert {a for _, a in acknowledged} >= {"submit", "register"}
