"""Sign-in, sessions, CSRF and API tokens."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from industrial_support.accounts.models import Account, WebSession
from industrial_support.accounts.service import AccountError, AccountStore

from .conftest import PASSWORD, login


def _accounts(client: TestClient) -> AccountStore:
    store: AccountStore = client.app.state.services.accounts  # type: ignore[attr-defined]
    return store


def test_passwords_are_stored_as_argon2id_hashes(client: TestClient) -> None:
    with _accounts(client).sessions() as session:
        stored = session.scalars(select(Account.password_hash)).all()
    assert len(stored) == 12  # the demo accounts (web/demo.py), second signatories included
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in stored)


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(client: TestClient) -> None:
    for username in ("official-ru", "nobody"):
        response = client.post("/login", data={"username": username, "password": "wrong-pass"})
        assert response.status_code == 401 and "Wrong username or password." in response.text
    assert "isupport_session" not in client.cookies


def test_sign_in_redirects_only_to_local_pages(client: TestClient) -> None:
    for target, expected in (("/work", "/work"), ("https://evil.example/", "/"), ("//evil", "/")):
        response = client.post(
            "/login",
            data={"username": "official-ru", "password": PASSWORD, "next": target},
            follow_redirects=False,
        )
        assert response.headers["location"] == expected


def test_session_cookie_is_http_only_and_expires(client: TestClient) -> None:
    response = client.post(
        "/login", data={"username": "auditor", "password": PASSWORD}, follow_redirects=False
    )
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert client.get("/work").status_code == 200
    with _accounts(client).sessions.begin() as session:
        session.execute(
            update(WebSession).values(expires_at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
        )
    expired = client.get("/work", follow_redirects=False)
    assert expired.status_code == 303 and expired.headers["location"] == "/login?next=/work"


def test_sign_out_needs_csrf_and_ends_the_session(client: TestClient) -> None:
    csrf = login(client, "auditor")
    assert client.post("/logout", follow_redirects=False).status_code == 403
    assert (
        client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    )
    assert client.get("/work", follow_redirects=False).status_code == 303


def test_api_token_is_shown_once_and_only_its_digest_is_kept(client: TestClient) -> None:
    csrf = login(client, "official-ru")
    page = client.post("/account/tokens", data={"csrf_token": csrf, "label": "nightly"})
    token = page.text.split('<code id="new-token">')[1].split("</code>")[0]
    assert token.startswith("isu_")
    principal = _accounts(client).token_principal(token)
    assert principal is not None and principal.username == "official-ru"
    assert _accounts(client).token_principal(token + "x") is None
    assert token not in client.get("/account").text


def test_account_rules_are_enforced(client: TestClient) -> None:
    accounts = _accounts(client)
    with pytest.raises(AccountError, match=r"^enterprise_id"):
        accounts.add_account("new-user", "long-enough-password", "official", enterprise_id="x")
    with pytest.raises(AccountError, match=r"^enterprise_id"):
        accounts.add_account("new-user", "long-enough-password", "applicant")
    with pytest.raises(AccountError, match=r"^role"):
        accounts.add_account("new-user", "long-enough-password", "admin")
    with pytest.raises(AccountError, match=r"^password"):
        accounts.add_account("new-user", "short", "auditor")
    with pytest.raises(AccountError, match="taken"):
        accounts.add_account("official-ru", "long-enough-password", "auditor")
