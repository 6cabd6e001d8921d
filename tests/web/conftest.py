"""A web application on a fresh SQLite file with the demonstration data, on a fixed day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from industrial_support.accounts.service import AccountStore
from industrial_support.web import demo
from industrial_support.web.app import create_app

# A Monday; the example enterprises' facts are as of 1 June 2025.
TODAY = dt.date(2025, 6, 2)
PASSWORD = demo.PASSWORD


def demo_app(database: Path) -> FastAPI:
    application = create_app(f"sqlite:///{database}", today=lambda: TODAY)
    application.state.demo = demo.load(application.state.services)
    return application


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    return demo_app(tmp_path / "web.db")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """One application per module, for pages that only read."""
    return demo_app(tmp_path_factory.mktemp("site") / "web.db")


@pytest.fixture
def site_client(site: FastAPI) -> Iterator[TestClient]:
    with TestClient(site) as test_client:  # a fresh cookie jar per test
        yield test_client


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def login(client: TestClient, username: str) -> str:
    """Sign in through the form; returns the session's CSRF token."""
    response = client.post(
        "/login", data={"username": username, "password": PASSWORD}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    accounts: AccountStore = client.app.state.services.accounts  # type: ignore[attr-defined]
    who = accounts.session(client.cookies["isupport_session"])
    assert who is not None
    return who[1]


def token(client: TestClient, username: str) -> dict[str, str]:
    """Bearer headers for an API client acting as ``username``."""
    accounts: AccountStore = client.app.state.services.accounts  # type: ignore[attr-defined]
    principal = accounts.authenticate(username, PASSWORD)
    assert principal is not None
    return {"Authorization": f"Bearer {accounts.issue_token(principal, 'test')}"}
