"""Case-store fixtures: every store test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``scripts/with-postgres.sh`` (``make test`` runs the suite through it),
which sets ISUPPORT_TEST_PG_URL. Without it the PostgreSQL runs fail — a missing server is a
failure, never a silent skip."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from industrial_support.cases.db import connect
from industrial_support.cases.store import CaseStore

PG_URL_ENV = "ISUPPORT_TEST_PG_URL"


def database_url(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'cases.db'}"
    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.fail(
            f"{PG_URL_ENV} is not set: run the suite through scripts/with-postgres.sh (make test)"
        )
    engine = create_engine(url)
    with engine.begin() as connection:  # a clean schema for every test
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return database_url(request.param, tmp_path)


@pytest.fixture
def store(db_url: str) -> Iterator[CaseStore]:
    engine = connect(db_url)
    yield CaseStore(engine=engine)
    engine.dispose()
