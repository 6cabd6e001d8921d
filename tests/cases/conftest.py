"""Case-store fixtures: every store test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``scripts/with-postgres.sh`` (``make test`` runs the suite through it),
which sets ISUPPORT_TEST_PG_URL (the application's role) and ISUPPORT_TEST_PG_OWNER_URL (the
schema owner that migrates). Without them the PostgreSQL runs fail — a missing server is a
failure, never a silent skip.

The store's clock is the server's: a test says which day it is (``store.clock.day = …``) and
``ClockedStore`` moves it to the day a test step names, so the hand-worked dates of the law
stay readable in the tests."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from industrial_support.cases.db import connect
from industrial_support.cases.procedure import get_procedure
from industrial_support.cases.store import CaseStore, CaseView, LateRecording

PG_URL_ENV = "ISUPPORT_TEST_PG_URL"
PG_OWNER_URL_ENV = "ISUPPORT_TEST_PG_OWNER_URL"


class TestClock:
    """A server clock a test sets; each reading is a microsecond later (distinct times)."""

    def __init__(self, now: dt.datetime | None = None) -> None:
        self.now = now or dt.datetime(2025, 1, 9, 10, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(microseconds=1)
        return self.now

    @property
    def day(self) -> dt.date:
        return self.now.date()

    @day.setter
    def day(self, day: dt.date) -> None:
        if day != self.now.date():
            self.now = dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC)


class ClockedStore(CaseStore):
    """The store with a test clock: ``on=`` / ``submitted_at=`` first set the server's day
    (or time), then the step is taken as the server would take it that day."""

    clock: TestClock

    def act(
        self, case_id: int, action: str, *, on: dt.date | None = None, **kwargs: Any
    ) -> CaseView:
        if on is not None:
            self.clock.day = on
        return super().act(case_id, action, **kwargs)

    def decide(self, case_id: int, action: str, *, party: str, **kwargs: Any) -> CaseView:
        """A step as the law's party takes it: a four-eyes step is prepared by one official
        and confirmed by a second of the same body."""
        procedure = get_procedure(self.get(case_id).procedure)
        if not procedure.step(action).four_eyes:
            return self.act(case_id, action, actor=party, party=party, **kwargs)
        self.act(case_id, action, actor=f"{party}-preparer", party=party, **kwargs)
        kwargs.pop("data", None)
        kwargs.pop("reason", None)
        return self.act(case_id, action, actor=f"{party}-confirmer", party=party, **kwargs)

    def submit(self, *, submitted_at: dt.datetime | None = None, **kwargs: Any) -> CaseView:
        if submitted_at is not None:
            self.clock.now = submitted_at
        return super().submit(**kwargs)


def owner_url(url: str) -> str | None:
    return os.environ.get(PG_OWNER_URL_ENV) if url.startswith("postgresql") else None


def clocked(url: str) -> ClockedStore:
    return ClockedStore(url, clock=TestClock(), owner_url=owner_url(url))


def late(day: dt.date, reason: str = "signed on paper, entered now") -> LateRecording:
    return LateRecording(day, reason)


def database_url(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'cases.db'}"
    url, owner = os.environ.get(PG_URL_ENV), os.environ.get(PG_OWNER_URL_ENV)
    if not url or not owner:
        pytest.fail(
            f"{PG_URL_ENV} and {PG_OWNER_URL_ENV} are not set: run the suite through "
            "scripts/with-postgres.sh (make test)"
        )
    engine = create_engine(owner)
    with engine.begin() as connection:  # a clean schema for every test
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return database_url(request.param, tmp_path)


@pytest.fixture
def store(db_url: str) -> Iterator[ClockedStore]:
    engine = connect(db_url, owner_url=owner_url(db_url))
    yield ClockedStore(engine=engine, clock=TestClock())
    engine.dispose()
