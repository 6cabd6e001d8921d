"""Sign-in throttling (issue 11, point 6): per account and per client address, a back-off
that grows, a 429 that says when to retry, counts shared by every server (Redis), and a
bounded number of password hashes at once.

The finding reproduced: 150 wrong passwords were all answered 401, with no 429 and no
lock-out; 40 parallel sign-ins took the server from 181 MiB to 2,000 MiB."""

from __future__ import annotations

import json
import subprocess
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from industrial_support.accounts.service import AccountStore
from industrial_support.accounts.throttle import ACCOUNT_LIMITS, ADDRESS_LIMITS, LoginThrottle
from industrial_support.cases.db import OWNER_URL_ENV
from industrial_support.web.app import create_app

from ..cases.conftest import database_url, owner_url
from .live import BIN, high_water_mib, post_form, redis_url, resident_mib, uvicorn_server

PASSWORD = "right-password-1"
WRONG = "wrong-password-1"


def _app(db: str, throttle: LoginThrottle | None = None) -> FastAPI:
    application = create_app(db, throttle=throttle)
    store: AccountStore = application.state.services.accounts
    if not store.accounts():
        store.add_account("official", PASSWORD, "official", authorities=["ru.pp1176"])
        store.add_account("auditor", PASSWORD, "auditor")
    return application


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'web.db'}"


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    with TestClient(_app(db)) as test_client:
        yield test_client


def _sign_in(client: TestClient, username: str, password: str) -> int:
    response = client.post(
        "/login", data={"username": username, "password": password}, follow_redirects=False
    )
    return response.status_code


def test_the_defaults_are_the_documented_tiers() -> None:
    throttle = LoginThrottle()
    assert [str(limit) for limit in throttle.account_limits] == [
        "5 per 1 minute",
        "10 per 10 minute",
        "20 per 1 hour",
    ]
    assert ACCOUNT_LIMITS.startswith("5 per 1 minute") and ADDRESS_LIMITS.startswith("20 per")


def test_150_wrong_passwords_are_answered_429_after_the_fifth(client: TestClient) -> None:
    answers = [
        client.post("/login", data={"username": "official", "password": WRONG}) for _ in range(150)
    ]
    statuses = [a.status_code for a in answers]
    # ACCOUNT_LIMITS: 5 attempts per minute per account, then refused until the oldest ages out
    assert statuses == [401] * 5 + [429] * 145
    refused = answers[5]
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert 'id="locked-out"' in refused.text and "Try again in" in refused.text
    # while locked out the right password is not even checked
    assert _sign_in(client, "official", PASSWORD) == 429
    ja = client.post("/login?lang=ja", data={"username": "official", "password": WRONG})
    assert ja.status_code == 429 and "ログインの試行が多すぎます" in ja.text
    store: AccountStore = client.app.state.services.accounts  # type: ignore[attr-defined]
    locked = store.login_events(outcome="locked_out", limit=1000)
    assert len(locked) == 147 and locked[0].detail and locked[0].detail.startswith("account limit")
    assert len(store.login_events(outcome="failure", limit=1000)) == 5
    # another account is not locked by it
    assert _sign_in(client, "auditor", PASSWORD) == 303


def test_one_address_trying_many_names_is_refused_after_twenty(client: TestClient) -> None:
    statuses = [_sign_in(client, f"guess-{n}", WRONG) for n in range(25)]
    # ADDRESS_LIMITS: 20 attempts per minute from one address, whatever the names
    assert statuses == [401] * 20 + [429] * 5
    assert _sign_in(client, "official", PASSWORD) == 429


def test_a_right_password_clears_the_accounts_count(client: TestClient) -> None:
    assert [_sign_in(client, "official", WRONG) for _ in range(4)] == [401] * 4
    assert _sign_in(client, "official", PASSWORD) == 303
    # without the clearing, the sixth and later attempts within the minute would be 429
    assert [_sign_in(client, "official", WRONG) for _ in range(4)] == [401] * 4


def test_the_back_off_grows_tier_by_tier(db: str) -> None:
    throttle = LoginThrottle(account_limits="2 per 2 seconds; 4 per 1 minute")
    with TestClient(_app(db, throttle)) as client:
        assert [_sign_in(client, "official", WRONG) for _ in range(2)] == [401, 401]
        first = client.post("/login", data={"username": "official", "password": WRONG})
        first_wait = int(first.headers["Retry-After"])
        assert first.status_code == 429 and 1 <= first_wait <= 2
        time.sleep(first_wait + 0.2)
        assert [_sign_in(client, "official", WRONG) for _ in range(2)] == [401, 401]
        second = client.post("/login", data={"username": "official", "password": WRONG})
        # the minute tier is used up now: the wait is what is left of its minute
        assert second.status_code == 429 and 50 <= int(second.headers["Retry-After"]) <= 60


def test_two_server_instances_share_the_counts(db: str) -> None:
    namespace = f"test-{uuid.uuid4().hex}"
    first = _app(db, LoginThrottle(redis_url(), namespace=namespace))
    second = _app(db, LoginThrottle(redis_url(), namespace=namespace))
    with TestClient(first) as a, TestClient(second) as b:
        statuses = [_sign_in(a if n % 2 else b, "official", WRONG) for n in range(8)]
    # five in all, not five per instance
    assert statuses == [401] * 5 + [429] * 3


def test_an_unreachable_throttle_store_refuses_sign_in_cleanly(db: str) -> None:
    app = _app(db, LoginThrottle("redis://127.0.0.1:9/0"))
    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.post("/login", data={"username": "official", "password": PASSWORD})
    assert answer.status_code == 503 and "Signing in is unavailable" in answer.text
    assert "isupport_session" not in client.cookies


def _create_accounts(db: str) -> None:
    for name, role in (("official", "official"), ("auditor", "auditor")):
        extra = ["--authority", "ru.pp1176"] if role == "official" else []
        done = subprocess.run(
            [
                *(str(BIN / "isupport"), "accounts", "create", name, "--role", role, *extra),
                *("--password-stdin", "--db", db),
            ],
            input=PASSWORD,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_uvicorn_workers_lock_out_together(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = database_url(backend, tmp_path)
    if owner := owner_url(db):  # migrations run as the schema's owner, the app as its role
        monkeypatch.setenv(OWNER_URL_ENV, owner)
    _create_accounts(db)
    env = {
        "ISUPPORT_DB": db,
        "ISUPPORT_THROTTLE_URL": redis_url(),
        "ISUPPORT_THROTTLE_NAMESPACE": f"test-{uuid.uuid4().hex}",
    }
    with uvicorn_server(env, workers=2) as server:
        answers = [
            post_form(f"{server.url}/login", {"username": "official", "password": WRONG})
            for _ in range(30)
        ]
        assert [a.status for a in answers] == [401] * 5 + [429] * 25
        assert all(1 <= int(a.headers["retry-after"]) <= 60 for a in answers[5:])
        audit = subprocess.run(
            [str(BIN / "isupport"), "accounts", "audit", "--db", db, "--json", "--limit", "100"],
            capture_output=True,
            text=True,
            timeout=120,
        )
    outcomes = [e["outcome"] for e in json.loads(audit.stdout)]
    assert outcomes.count("failure") == 5 and outcomes.count("locked_out") == 25


def test_forty_parallel_sign_ins_hash_a_few_at_a_time(tmp_path: Path) -> None:
    """Against a real uvicorn: 40 sign-ins at once (throttle limits raised so that every one
    reaches the hash). Each Argon2id hash holds 64 MiB; unbounded, 40 at once added ~1.8 GiB
    to the server. Bounded (one slot per core), the peak grows by a few hashes' worth."""
    db = f"sqlite:///{tmp_path / 'web.db'}"
    _create_accounts(db)
    env = {
        "ISUPPORT_DB": db,
        "ISUPPORT_LOGIN_LIMITS_ACCOUNT": "1000 per 1 minute",
        "ISUPPORT_LOGIN_LIMITS_ADDRESS": "1000 per 1 minute",
    }
    with uvicorn_server(env) as server:
        pid = server.process.pid
        post_form(f"{server.url}/login", {"username": "official", "password": WRONG})
        before = high_water_mib(pid)
        with ThreadPoolExecutor(40) as pool:
            answers = list(
                pool.map(
                    lambda n: post_form(
                        f"{server.url}/login", {"username": f"user-{n}", "password": WRONG}
                    ),
                    range(40),
                )
            )
        after = high_water_mib(pid)
        print(f"server peak before {before:.0f} MiB, after 40 parallel sign-ins {after:.0f} MiB")
        assert resident_mib(pid) > 0
    assert [a.status for a in answers] == [401] * 40
    # ten hashes' worth is far above the bound (one per core) and far below unbounded (40)
    assert after - before < 10 * 64
