"""Credentials with a lifecycle (issue 11, point 6): password change and an administrator's
reset end sessions and revoke tokens; tokens have a name, an expiry, a last use and can be
revoked from the account page, the API and the command line; disabled accounts are locked
out everywhere; every credential event is in the audit trail. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text, update
from sqlalchemy.exc import DBAPIError

from industrial_support.accounts.models import ApiToken
from industrial_support.accounts.service import AccountStore
from industrial_support.cases.db import OWNER_URL_ENV
from industrial_support.web.app import create_app

from ..cases.conftest import database_url, owner_url

PASSWORD = "first-password-1"
NEW_PASSWORD = "second-password-2"
ISUPPORT = Path(sys.executable).parent / "isupport"


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    found = database_url(request.param, tmp_path)
    if owner := owner_url(found):  # migrations run as the schema's owner, the app as its role
        monkeypatch.setenv(OWNER_URL_ENV, owner)
    return found


@pytest.fixture
def app(url: str) -> Iterator[FastAPI]:
    application = create_app(url)
    accounts = _accounts(application)
    accounts.add_account("official", PASSWORD, "official", authorities=["ru.pp1176"])
    accounts.add_account("other-official", PASSWORD, "official", authorities=["ru.pp1176"])
    accounts.add_account("auditor", PASSWORD, "auditor")
    yield application
    application.state.services.cases.engine.dispose()


def _accounts(app: FastAPI) -> AccountStore:
    store: AccountStore = app.state.services.accounts
    return store


def _browser(app: FastAPI, username: str, password: str = PASSWORD) -> tuple[TestClient, str]:
    """A signed-in browser and its CSRF token."""
    client = TestClient(app)
    response = client.post(
        "/login", data={"username": username, "password": password}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    found = _accounts(app).session(client.cookies["isupport_session"])
    assert found is not None
    return client, found[1]


def _new_token(client: TestClient, csrf: str, name: str = "nightly") -> str:
    page = client.post("/account/tokens", data={"csrf_token": csrf, "name": name})
    assert page.status_code == 200
    match = re.search(r'<code id="new-token">([^<]+)</code>', page.text)
    assert match
    return match.group(1)


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _cli(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ISUPPORT), "accounts", *args, "--db", url],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _events(app: FastAPI, outcome: str) -> list[str]:
    return [e.detail or "" for e in _accounts(app).login_events(outcome=outcome)]


def test_a_password_change_ends_the_other_sessions_and_revokes_the_tokens(app: FastAPI) -> None:
    here, csrf = _browser(app, "official")
    elsewhere, _ = _browser(app, "official")
    token = _new_token(here, csrf)
    assert here.get("/api/me", headers=_bearer(token)).status_code == 200
    changed = here.post(
        "/account/password",
        data={
            "csrf_token": csrf,
            "current_password": PASSWORD,
            "new_password": NEW_PASSWORD,
            "repeat_password": NEW_PASSWORD,
        },
    )
    assert changed.status_code == 200 and 'id="password-changed"' in changed.text
    # the browser that changed it stays signed in; the other one and the token do not
    assert here.get("/work", follow_redirects=False).status_code == 200
    assert elsewhere.get("/work", follow_redirects=False).headers["location"] == "/login?next=/work"
    refused = here.get("/api/me", headers=_bearer(token))
    assert refused.status_code == 401 and "revoked" in refused.json()["error"]["message"]
    old = here.post("/login", data={"username": "official", "password": PASSWORD})
    assert old.status_code == 401
    assert _browser(app, "official", NEW_PASSWORD)[0].get("/work").status_code == 200
    assert _events(app, "password_changed") == ["1 session(s) ended, 1 token(s) revoked"]


def test_a_password_change_names_every_problem_at_once(app: FastAPI) -> None:
    client, csrf = _browser(app, "official")
    refused = client.post(
        "/account/password",
        data={
            "csrf_token": csrf,
            "current_password": "not-the-password",
            "new_password": "short",
            "repeat_password": "different",
        },
    )
    assert refused.status_code == 422
    errors = refused.text.split('id="password-errors"')[1].split("</ul>")[0]
    for field in ("current_password", "new_password: expected at least 10", "repeat_password"):
        assert field in errors
    assert client.post("/account/password", data={"new_password": NEW_PASSWORD}).status_code == 403
    # nothing changed
    assert _browser(app, "official")[0].get("/work").status_code == 200


def test_tokens_have_a_name_an_expiry_and_a_last_use(app: FastAPI) -> None:
    client, csrf = _browser(app, "official")
    created = client.post(
        "/api/account/tokens",
        json={"name": "monthly report", "expires_in_days": 30},
        headers={"X-CSRF-Token": csrf},
    )
    assert created.status_code == 201, created.text
    body = created.json()
    lifetime = dt.datetime.fromisoformat(body["expires_at"]) - dt.datetime.fromisoformat(
        body["created_at"]
    )
    assert body["name"] == "monthly report" and lifetime == dt.timedelta(days=30)
    assert body["last_used_at"] is None and body["active"] is True
    token = body["token"]
    assert client.get("/api/me", headers=_bearer(token)).status_code == 200
    (listed,) = client.get("/api/account/tokens", headers=_bearer(token)).json()
    assert listed["id"] == body["id"] and "token" not in listed
    assert listed["last_used_at"] is not None
    page = client.get("/account").text
    assert "monthly report" in page and token not in page
    # a token cannot mint tokens: it would outlive its own expiry
    minted = client.post("/api/account/tokens", json={"name": "x"}, headers=_bearer(token))
    assert minted.status_code == 403
    # bad input: both fields named
    bad = client.post(
        "/api/account/tokens",
        json={"name": " ", "expires_in_days": 0},
        headers={"X-CSRF-Token": csrf},
    )
    assert bad.status_code == 422
    assert {f["field"] for f in bad.json()["error"]["fields"]} == {"name", "expires_in_days"}
    # once its expiry has passed it stops working
    with _accounts(client.app).sessions.begin() as session:  # type: ignore[arg-type]
        session.execute(
            update(ApiToken)
            .where(ApiToken.id == body["id"])
            .values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
        )
    expired = client.get("/api/me", headers=_bearer(token))
    assert expired.status_code == 401 and "expired" in expired.json()["error"]["message"]
    assert 'id="token-' in client.get("/account").text and "expired" in client.get("/account").text


def test_a_token_is_revoked_from_the_account_page_or_the_api(app: FastAPI) -> None:
    client, csrf = _browser(app, "official")
    first, second = _new_token(client, csrf, "first"), _new_token(client, csrf, "second")
    ids = {t["name"]: t["id"] for t in client.get("/api/account/tokens").json()}
    revoke_page = f"/account/tokens/{ids['first']}/revoke"
    assert client.post(revoke_page).status_code == 403  # no CSRF token
    page = client.post(revoke_page, data={"csrf_token": csrf})
    assert page.status_code == 200 and 'id="token-revoked"' in page.text
    assert client.get("/api/me", headers=_bearer(first)).status_code == 401
    # another account cannot revoke (or learn of) this token
    other, other_csrf = _browser(app, "other-official")
    assert other.delete(f"/api/account/tokens/{ids['second']}").status_code == 403  # CSRF
    other_token = _new_token(other, other_csrf)
    foreign = other.delete(f"/api/account/tokens/{ids['second']}", headers=_bearer(other_token))
    assert foreign.status_code == 404
    # a token can revoke itself (a leaked token's owner may only have the token at hand)
    itself = client.delete(f"/api/account/tokens/{ids['second']}", headers=_bearer(second))
    assert itself.status_code == 200 and itself.json()["revoked_at"] is not None
    assert client.get("/api/me", headers=_bearer(second)).status_code == 401
    assert _events(app, "token_revoked") == ["token 2 (second)", "token 1 (first)"]


def test_administrators_reset_disable_and_revoke_from_the_command_line(
    app: FastAPI, url: str
) -> None:
    created = _cli(url, "create", "clerk", "--role", "auditor", "--password-stdin", stdin=PASSWORD)
    assert created.returncode == 0, created.stderr
    clerk, csrf = _browser(app, "clerk")
    token = _new_token(clerk, csrf)
    listed = json.loads(_cli(url, "list", "--json").stdout)
    assert {a["username"]: a["role"] for a in listed}["clerk"] == "auditor"

    reset = _cli(url, "reset-password", "clerk")
    assert reset.returncode == 0, reset.stderr
    temporary = re.search(r"\(shown once\): (\S+)", reset.stdout)
    assert temporary
    assert clerk.get("/work", follow_redirects=False).headers["location"] == "/login?next=/work"
    assert clerk.get("/api/me", headers=_bearer(token)).status_code == 401
    # the temporary password opens the account page only, until a new one is chosen
    signed_in = clerk.post(
        "/login",
        data={"username": "clerk", "password": temporary.group(1), "next": "/work"},
        follow_redirects=False,
    )
    assert signed_in.headers["location"] == "/account"
    assert clerk.get("/work", follow_redirects=False).headers["location"] == "/account"
    assert clerk.get("/api/me").status_code == 403
    csrf = _accounts(app).session(clerk.cookies["isupport_session"])[1]  # type: ignore[index]
    assert 'id="must-change"' in clerk.get("/account").text
    clerk.post(
        "/account/password",
        data={
            "csrf_token": csrf,
            "current_password": temporary.group(1),
            "new_password": NEW_PASSWORD,
            "repeat_password": NEW_PASSWORD,
        },
    )
    assert clerk.get("/work", follow_redirects=False).status_code == 200

    token = _new_token(clerk, csrf)
    token_id = str(clerk.get("/api/account/tokens").json()[-1]["id"])
    assert _cli(url, "revoke-token", token_id).returncode == 0
    assert clerk.get("/api/me", headers=_bearer(token)).status_code == 401

    token = _new_token(clerk, csrf)
    assert _cli(url, "disable", "clerk").returncode == 0
    assert clerk.get("/work", follow_redirects=False).status_code == 303
    assert clerk.get("/api/me", headers=_bearer(token)).status_code == 401
    again = clerk.post("/login", data={"username": "clerk", "password": NEW_PASSWORD})
    assert again.status_code == 401
    assert _cli(url, "enable", "clerk").returncode == 0
    assert _browser(app, "clerk", NEW_PASSWORD)[0].get("/work").status_code == 200

    trail = {(e.outcome, e.actor) for e in _accounts(app).login_events(username="clerk")}
    assert {("password_reset", "cli"), ("account_disabled", "cli")} <= trail
    assert ("token_revoked", "cli") in trail and ("password_changed", "clerk") in trail


def test_the_command_line_names_every_mistake_and_never_shows_a_traceback(url: str) -> None:
    wrong = _cli(url, "create", "x", "--role", "boss", "--password-stdin", stdin="short")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    message = " ".join(wrong.stderr.split())
    assert "role: expected one of applicant, official, auditor" in message
    assert "password: expected at least 10 characters" in message
    unknown = _cli(url, "reset-password", "nobody")
    assert unknown.returncode == 2 and "username: no account 'nobody'" in unknown.stderr
    missing = _cli(url, "revoke-token", "999")
    assert missing.returncode == 2 and "token_id: no token 999" in missing.stderr


def test_the_auditor_reads_the_sign_in_trail(app: FastAPI) -> None:
    anonymous = TestClient(app)
    anonymous.post("/login", data={"username": "official", "password": "wrong-password"})
    anonymous.post("/login", data={"username": "ghost", "password": "wrong-password"})
    auditor, _ = _browser(app, "auditor")
    events = auditor.get("/api/audit/sign-ins").json()
    seen = [(e["outcome"], e["username"], e["account_id"] is not None) for e in events]
    assert seen[:3] == [
        ("success", "auditor", True),
        ("failure", "ghost", False),
        ("failure", "official", True),
    ]
    assert all(e["client_address"] == "testclient" for e in events[:3])
    failures = auditor.get("/api/audit/sign-ins", params={"outcome": "failure"}).json()
    assert [e["username"] for e in failures] == ["ghost", "official"]
    page = auditor.get("/audit/sign-ins", params={"username": "ghost"})
    assert page.status_code == 200 and page.text.count('data-outcome="failure"') == 1
    ja = auditor.get("/audit/sign-ins", params={"lang": "ja"}).text
    assert "ログイン監査記録" in ja and "パスワード誤り・不明なアカウント" in ja
    bad = auditor.get("/api/audit/sign-ins", params={"outcome": "nonsense", "limit": 0})
    assert {f["field"] for f in bad.json()["error"]["fields"]} == {"query.outcome", "query.limit"}
    official, _ = _browser(app, "official")
    assert official.get("/api/audit/sign-ins").status_code == 403
    assert official.get("/audit/sign-ins").status_code == 403


def test_the_sign_in_trail_cannot_be_edited_or_deleted(app: FastAPI) -> None:
    anonymous = TestClient(app)
    anonymous.post("/login", data={"username": "official", "password": "wrong-password"})
    engine = app.state.services.cases.engine
    for statement in (
        "UPDATE login_events SET outcome = 'success'",
        "DELETE FROM login_events",
    ):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text(statement))
    assert [e.outcome for e in _accounts(app).login_events()] == ["failure"]
