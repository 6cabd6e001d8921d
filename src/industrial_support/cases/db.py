"""Database connection: SQLite file (WAL) by default, PostgreSQL by URL; schema by Alembic.

On PostgreSQL the schema may belong to an owner role (``owner_url`` or $ISUPPORT_DB_OWNER)
while the application connects as a role that may only INSERT and SELECT the transition log:
then migrations run as the owner, which grants the application's role what it needs and no
more. Migrations hold an advisory lock, so servers starting together migrate once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, make_url

DEFAULT_URL_ENV = "ISUPPORT_DB"
OWNER_URL_ENV = "ISUPPORT_DB_OWNER"
# any fixed number: every process of the application asks for the same lock
MIGRATION_LOCK = 0x15_0B_0003
DEFAULT_SQLITE = Path("var") / "isupport.db"
MIGRATIONS = Path(__file__).parent / "migrations"


def default_url() -> str:
    return os.environ.get(DEFAULT_URL_ENV) or f"sqlite:///{DEFAULT_SQLITE}"


def connect(url: str | None = None, *, owner_url: str | None = None) -> Engine:
    """An engine for ``url`` with the schema migrated to the newest revision (as the owner
    role when one is given, which then grants the application's role its rights)."""
    url = url or default_url()
    if url.startswith("sqlite"):
        engine = _sqlite(url)
        migrate(engine)
        return engine
    engine = create_engine(url, pool_size=20, max_overflow=40, pool_pre_ping=True)
    owner_url = owner_url or os.environ.get(OWNER_URL_ENV)
    if owner_url and make_url(owner_url).username != make_url(url).username:
        owner = create_engine(owner_url)
        try:
            migrate(owner, application_role=make_url(url).username)
        finally:
            owner.dispose()
    else:
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


def migrate(engine: Engine, application_role: str | None = None) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # held to the commit: a second server waits, then finds the schema at head
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        if application_role and connection.dialect.name == "postgresql":
            _grant(connection, application_role)


def _grant(connection: Connection, role: str) -> None:
    """The application's role: read and write the case tables, but only INSERT and SELECT
    the transition log (no UPDATE, DELETE, TRUNCATE or trigger changes — it owns nothing),
    and only read the migration table."""
    quoted = connection.dialect.identifier_preparer.quote(role)
    for statement in (
        f"GRANT USAGE ON SCHEMA public TO {quoted}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
        f"REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON transitions FROM {quoted}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {quoted}",
    ):
        connection.exec_driver_sql(statement)
