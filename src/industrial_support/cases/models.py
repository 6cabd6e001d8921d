"""Tables of the case store. Money is stored as integer minor units with its currency;
the transition log is append-only (database triggers refuse UPDATE, DELETE and id reuse; on
PostgreSQL the application's role may only INSERT and SELECT it) and hash-chained per case
(cases/ledger.py), so any edit that slips past the database shows in ``isupport case verify``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Call(Base):
    """A call for applications with its window and yearly budget limit."""

    __tablename__ = "calls"
    # the budget limit is never over-committed, whatever runs concurrently
    __table_args__ = (
        CheckConstraint("committed_minor <= budget_limit_minor", name="ck_calls_within_budget"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    procedure: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(300))
    published_on: Mapped[dt.date] = mapped_column(Date)
    closes_on: Mapped[dt.date] = mapped_column(Date)
    budget_year: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    budget_limit_minor: Mapped[int] = mapped_column(BigInteger)
    committed_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    # The last arrival number given; raised in the same transaction that stores the
    # application, so numbers are unique and gap-free.
    last_arrival_number: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Case(Base):
    """One application (or one register entry request) moving through a procedure."""

    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("call_id", "arrival_number", name="uq_case_arrival"),
        Index("ix_cases_call_enterprise", "call_id", "enterprise_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    procedure: Mapped[str] = mapped_column(String(64))
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id"))
    arrival_number: Mapped[int | None]
    enterprise_id: Mapped[str] = mapped_column(String(64), index=True)
    subject: Mapped[str | None] = mapped_column(String(120))  # e.g. a product code
    state: Mapped[str] = mapped_column(String(64))
    facts: Mapped[dict[str, Any]] = mapped_column(JSON)
    currency: Mapped[str | None] = mapped_column(String(3))
    amount_minor: Mapped[int | None] = mapped_column(BigInteger)  # amount decided or requested
    idempotency_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    # sha256 of what was asked (procedure, call, enterprise, facts, subject, amount): a retry
    # with the same key must ask the same thing
    request_hash: Mapped[str | None] = mapped_column(String(64))
    submitted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(default=1)


class Transition(Base):
    """One step of a case: who, when, from, to, on what basis. Never updated or deleted.

    ``event_date`` is the day the step takes effect: the server's day, or for a late
    recording the earlier day an official states with ``late_reason``; ``recorded_at`` is
    always the server's clock. ``phase`` is "prepared" for the first half of a four-eyes
    step (the state does not change until a second official confirms)."""

    __tablename__ = "transitions"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    action: Mapped[str] = mapped_column(String(64))
    from_state: Mapped[str | None] = mapped_column(String(64))
    to_state: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(120))
    # the procedure party that acted (column name kept from the first schema)
    party: Mapped[str] = mapped_column("role", String(32))
    event_date: Mapped[dt.date] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    basis: Mapped[str] = mapped_column(String(120))
    reason_code: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    phase: Mapped[str | None] = mapped_column(String(16))
    late_reason: Mapped[str | None] = mapped_column(Text)
    rules_hash: Mapped[str | None] = mapped_column(String(40))
    # the case's amount after the step: what verify replays
    amount_minor: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    entry_hash: Mapped[str | None] = mapped_column(String(64))


class Obligation(Base):
    """Something a party must do by a date, opened and closed by transitions."""

    __tablename__ = "obligations"
    __table_args__ = (Index("ix_obligations_open_due", "closed_by", "due_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(64))
    party: Mapped[str] = mapped_column(String(32))
    due_on: Mapped[dt.date] = mapped_column(Date)
    rule: Mapped[str] = mapped_column(String(200))
    basis: Mapped[str] = mapped_column(String(120))
    opened_by: Mapped[int] = mapped_column(ForeignKey("transitions.id"))
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("transitions.id"))


class RegisterEntry(Base):
    """A period during which an enterprise is in a register for a product."""

    __tablename__ = "register_entries"
    __table_args__ = (Index("ix_register_lookup", "register", "enterprise_id", "product"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    register: Mapped[str] = mapped_column(String(64))
    enterprise_id: Mapped[str] = mapped_column(String(64))
    product: Mapped[str] = mapped_column(String(120))
    included_on: Mapped[dt.date] = mapped_column(Date)
    removed_on: Mapped[dt.date | None] = mapped_column(Date)
    removal_reason: Mapped[str | None] = mapped_column(String(64))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
