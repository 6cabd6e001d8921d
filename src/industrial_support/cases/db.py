"""Database connection: SQLite file (WAL) by default, PostgreSQL by URL; schema by Alembic."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event

DEFAULT_URL_ENV = "ISUPPORT_DB"
DEFAULT_SQLITE = Path("var") / "isupport.db"
MIGRATIONS = Path(__file__).parent / "migrations"


def default_url() -> str:
    return os.environ.get(DEFAULT_URL_ENV) or f"sqlite:///{DEFAULT_SQLITE}"


def connect(url: str | None = None) -> Engine:
    """An engine for ``url`` with the schema migrated to the newest revision."""
    url = url or default_url()
    if url.startswith("sqlite"):
        engine = _sqlite(url)
    else:
        engine = create_engine(url, pool_size=20, max_overflow=40, pool_pre_ping=True)
    migrate(engine)
    return engine


def _sqlite(url: str) -> Engine:
    database = url.split("///", 1)[-1]
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(connection: Any, _: Any) -> None:
        # SQLAlchemy, not pysqlite, decides when transactions begin (see _on_begin).
        connection.isolation_level = None
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Take the write lock at the start: writers queue instead of failing half-way
        # when two transactions try to upgrade a read lock at once.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def migrate(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
