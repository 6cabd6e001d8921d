"""Accounts, sign-in, browser sessions and API tokens on the case store's database."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from ..cases.procedure import get_procedure
from ..engine.errors import IsupportError
from ..engine.facts import catalog
from ..engine.program import all_programs
from ..report import plain
from .models import ROLES, Account, ApiToken, Enterprise, WebSession

SESSION_LIFETIME = dt.timedelta(hours=12)
_HASHER = PasswordHasher()  # Argon2id with the library's current recommended parameters
# Compared against when the username is unknown, so both cases take the same time.
_DUMMY_HASH = _HASHER.hash("not-a-password")


class AccountError(IsupportError):
    pass


@dataclass(frozen=True)
class Principal:
    """Who is asking: what the web layer checks permissions against."""

    account_id: int
    username: str
    display_name: str
    role: str
    enterprise_id: str | None
    authorities: tuple[str, ...]

    def may_read_case(self, enterprise_id: str, procedure: str) -> bool:
        if self.role == "applicant":
            return self.enterprise_id == enterprise_id
        if self.role == "official":  # "<procedure>" or "<procedure>:<party>"
            return any(a.partition(":")[0] == procedure for a in self.authorities)
        return self.role == "auditor"

    def may_act(self, enterprise_id: str, procedure: str, step_role: str) -> bool:
        """Applicants take the applicant's steps on their own cases; officials take the
        official's steps of the procedures they are the authority of, and record there the
        results of the automated checks (the "system" steps, e.g. digital verification);
        auditors none."""
        if self.role == "applicant":
            return step_role == "applicant" and self.enterprise_id == enterprise_id
        if self.role == "official":
            return step_role in ("official", "system") and procedure in self.authorities
        return False


@dataclass(frozen=True)
class EnterpriseView:
    id: str
    name: str
    jurisdiction: str
    facts: dict[str, Any]


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _principal(account: Account) -> Principal:
    return Principal(
        account.id,
        account.username,
        account.display_name,
        account.role,
        account.enterprise_id,
        tuple(account.authorities or ()),
    )


class AccountStore:
    def __init__(self, engine: Engine) -> None:
        self.sessions = sessionmaker(engine, expire_on_commit=False)

    # --- enterprises ---------------------------------------------------------------------
    def add_enterprise(
        self, enterprise_id: str, name: str, jurisdiction: str, facts: Mapping[str, Any]
    ) -> EnterpriseView:
        all_programs()  # fills the fact catalogs
        stored = plain(catalog(jurisdiction).validate(facts))
        with self.sessions.begin() as session:
            session.add(
                Enterprise(id=enterprise_id, name=name, jurisdiction=jurisdiction, facts=stored)
            )
        return EnterpriseView(enterprise_id, name, jurisdiction, stored)

    def enterprise(self, enterprise_id: str) -> EnterpriseView | None:
        with self.sessions() as session:
            row = session.get(Enterprise, enterprise_id)
            return (
                EnterpriseView(row.id, row.name, row.jurisdiction, dict(row.facts)) if row else None
            )

    def enterprises(self) -> list[EnterpriseView]:
        with self.sessions() as session:
            rows = session.scalars(select(Enterprise).order_by(Enterprise.id))
            return [EnterpriseView(r.id, r.name, r.jurisdiction, dict(r.facts)) for r in rows]

    # --- accounts ------------------------------------------------------------------------
    def add_account(
        self,
        username: str,
        password: str,
        role: str,
        *,
        display_name: str | None = None,
        enterprise_id: str | None = None,
        authorities: Sequence[str] = (),
    ) -> Principal:
        if role not in ROLES:
            raise AccountError(f"role: expected one of {', '.join(ROLES)}; got {role!r}")
        if (role == "applicant") != (enterprise_id is not None):
            raise AccountError("enterprise_id: an applicant acts for exactly one enterprise")
        if len(password) < 10:
            raise AccountError("password: expected at least 10 characters")
        for authority in authorities:  # "<procedure>" or "<procedure>:<party>"
            procedure_id, _, party = authority.partition(":")
            if party and party not in get_procedure(procedure_id).parties:  # unknown: loud
                raise AccountError(f"authorities: {procedure_id} has no party {party!r}")
            get_procedure(procedure_id)
        account = Account(
            username=username,
            display_name=display_name or username,
            password_hash=_HASHER.hash(password),
            role=role,
            enterprise_id=enterprise_id,
            authorities=list(authorities),
            created_at=dt.datetime.now(dt.UTC),
        )
        try:
            with self.sessions.begin() as session:
                session.add(account)
        except IntegrityError:
            raise AccountError(f"username: {username!r} is taken") from None
        return _principal(account)

    def authenticate(self, username: str, password: str) -> Principal | None:
        with self.sessions() as session:
            account = session.scalars(select(Account).where(Account.username == username)).first()
        try:
            _HASHER.verify(account.password_hash if account else _DUMMY_HASH, password)
        except (VerifyMismatchError, InvalidHashError):
            return None
        return _principal(account) if account else None

    # --- browser sessions ----------------------------------------------------------------
    def start_session(self, principal: Principal) -> tuple[str, str]:
        """A new session: (cookie token, CSRF token)."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        now = dt.datetime.now(dt.UTC)
        with self.sessions.begin() as session:
            session.add(
                WebSession(
                    token_digest=_digest(token),
                    account_id=principal.account_id,
                    csrf_token=csrf,
                    created_at=now,
                    expires_at=now + SESSION_LIFETIME,
                )
            )
        return token, csrf

    def session(self, token: str) -> tuple[Principal, str] | None:
        """The signed-in account and the session's CSRF token, or None if expired/unknown."""
        with self.sessions() as session:
            row = session.get(WebSession, _digest(token))
            if row is None or _aware(row.expires_at) <= dt.datetime.now(dt.UTC):
                return None
            account = session.get(Account, row.account_id)
            return (_principal(account), row.csrf_token) if account else None

    def end_session(self, token: str) -> None:
        with self.sessions.begin() as session:
            session.execute(delete(WebSession).where(WebSession.token_digest == _digest(token)))

    # --- API tokens ----------------------------------------------------------------------
    def issue_token(self, principal: Principal, label: str) -> str:
        token = "isu_" + secrets.token_urlsafe(32)
        with self.sessions.begin() as session:
            session.add(
                ApiToken(
                    token_digest=_digest(token),
                    account_id=principal.account_id,
                    label=label[:100] or "token",
                    created_at=dt.datetime.now(dt.UTC),
                )
            )
        return token

    def token_principal(self, token: str) -> Principal | None:
        with self.sessions() as session:
            row = session.scalars(
                select(ApiToken).where(
                    ApiToken.token_digest == _digest(token), ApiToken.revoked_at.is_(None)
                )
            ).first()
            account = session.get(Account, row.account_id) if row else None
            return _principal(account) if account else None


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands timezone-aware values back naive; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
