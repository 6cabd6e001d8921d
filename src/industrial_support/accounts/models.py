"""Tables for accounts, enterprises, browser sessions and API tokens (same schema and
migrations as the case store). Secrets are never stored: passwords as Argon2id hashes,
session and API tokens as SHA-256 digests of random values."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..cases.models import Base

ROLES = ("applicant", "official", "auditor")


class Enterprise(Base):
    """An enterprise known to the system, with the facts it has declared."""

    __tablename__ = "enterprises"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    jurisdiction: Mapped[str] = mapped_column(String(2))
    facts: Mapped[dict[str, Any]] = mapped_column(JSON)


class Account(Base):
    """A person. Applicants act for one enterprise; officials for the procedures they are
    the authority of; auditors read everything and change nothing."""

    __tablename__ = "accounts"
    __table_args__ = (
        CheckConstraint("role IN ('applicant', 'official', 'auditor')", name="ck_accounts_role"),
        CheckConstraint(
            "(role = 'applicant') = (enterprise_id IS NOT NULL)", name="ck_accounts_enterprise"
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    enterprise_id: Mapped[str | None] = mapped_column(ForeignKey("enterprises.id"))
    # procedure ids this official may decide on (empty for other roles)
    authorities: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # A disabled account can neither sign in nor use its sessions or tokens.
    disabled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    password_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # Set by an administrator's reset: the next sign-in must choose a new password.
    must_change_password: Mapped[bool] = mapped_column(default=False)


class WebSession(Base):
    """A signed-in browser. The cookie carries the random token; we keep its digest and the
    session's CSRF token, which every form and htmx request must echo."""

    __tablename__ = "web_sessions"
    token_digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ApiToken(Base):
    """A bearer token for a machine client, acting with its account's role until it expires
    or is revoked (by its owner, an administrator, or a password change)."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_digest: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    label: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


LOGIN_OUTCOMES = (
    "success",
    "failure",
    "locked_out",
    "password_changed",
    "password_reset",
    "account_disabled",
    "account_enabled",
    "token_created",
    "token_revoked",
)


class LoginEvent(Base):
    """The credential audit trail an auditor reads: every sign-in attempt (success, failure,
    refusal while locked out) and every change to an account's credentials. Append-only."""

    __tablename__ = "login_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    outcome: Mapped[str] = mapped_column(String(32))
    # the name as typed at sign-in (an unknown name is recorded too, without an account)
    username: Mapped[str] = mapped_column(String(64), index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    client_address: Mapped[str | None] = mapped_column(String(64))
    # who made a credential change (the account itself, or "cli" for an administrator)
    actor: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(String(200))
