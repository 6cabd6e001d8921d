"""The credential audit trail: sign-in attempts and credential changes, for auditors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import LOGIN_OUTCOMES, LoginEvent


@dataclass(frozen=True)
class LoginEventView:
    id: int
    at: dt.datetime
    outcome: str
    username: str
    account_id: int | None
    client_address: str | None
    actor: str | None
    detail: str | None


def record(
    session: Session,
    outcome: str,
    username: str,
    *,
    account_id: int | None = None,
    client_address: str | None = None,
    actor: str | None = None,
    detail: str | None = None,
) -> None:
    """Add one event inside the caller's transaction (so a change and its record go
    together). The time is the server's."""
    assert outcome in LOGIN_OUTCOMES, outcome
    session.add(
        LoginEvent(
            at=dt.datetime.now(dt.UTC),
            outcome=outcome,
            username=username[:64],
            account_id=account_id,
            client_address=(client_address or None) and client_address[:64],
            actor=actor,
            detail=detail and detail[:200],
        )
    )


def events(
    session: Session, *, username: str | None = None, outcome: str | None = None, limit: int = 200
) -> list[LoginEventView]:
    """Newest first."""
    query = select(LoginEvent).order_by(LoginEvent.id.desc()).limit(limit)
    if username:
        query = query.where(LoginEvent.username == username)
    if outcome:
        query = query.where(LoginEvent.outcome == outcome)
    return [
        LoginEventView(
            e.id,
            _aware(e.at),
            e.outcome,
            e.username,
            e.account_id,
            e.client_address,
            e.actor,
            e.detail,
        )
        for e in session.scalars(query)
    ]


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands timezone-aware values back naive; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
