"""Accounts, sign-in, browser sessions and API tokens on the case store's database."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ..cases.procedure import get_procedure
from ..engine.errors import IsupportError
from ..engine.facts import catalog
from ..engine.program import all_programs
from ..report import plain
from . import audit
from .models import ROLES, Account, ApiToken, Enterprise, WebSession
from .passwords import hash_password, password_problem, verify_password

SESSION_LIFETIME = dt.timedelta(hours=12)
TOKEN_LIFETIME_DEFAULT = dt.timedelta(days=90)
TOKEN_LIFETIME_MAX = dt.timedelta(days=366)
# Writing "last used" on every API call would take SQLite's write lock per request.
LAST_USED_PRECISION = dt.timedelta(minutes=1)
CLI_ACTOR = "cli"  # an administrator at the server's command line


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
    # after an administrator's reset: only the account page is open until a new password
    must_change_password: bool = False

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
        bool(account.must_change_password),
    )


@dataclass(frozen=True)
class AccountView:
    id: int
    username: str
    display_name: str
    role: str
    enterprise_id: str | None
    authorities: tuple[str, ...]
    created_at: dt.datetime
    disabled_at: dt.datetime | None
    must_change_password: bool


@dataclass(frozen=True)
class TokenView:
    id: int
    name: str
    created_at: dt.datetime
    expires_at: dt.datetime | None
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None

    def active(self, now: dt.datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


def _account_view(a: Account) -> AccountView:
    return AccountView(
        a.id,
        a.username,
        a.display_name,
        a.role,
        a.enterprise_id,
        tuple(a.authorities or ()),
        _aware(a.created_at),
        _maybe_aware(a.disabled_at),
        bool(a.must_change_password),
    )


def _token_view(t: ApiToken) -> TokenView:
    return TokenView(
        t.id,
        t.label,
        _aware(t.created_at),
        _maybe_aware(t.expires_at),
        _maybe_aware(t.last_used_at),
        _maybe_aware(t.revoked_at),
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


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
        problems = []
        if not username or len(username) > 64:
            problems.append("username: expected 1 to 64 characters")
        if role not in ROLES:
            problems.append(f"role: expected one of {', '.join(ROLES)}; got {role!r}")
        if (role == "applicant") != (enterprise_id is not None):
            problems.append("enterprise_id: an applicant acts for exactly one enterprise")
        if problem := password_problem(password):
            problems.append(problem)
        for authority in authorities:  # "<procedure>" or "<procedure>:<party>"
            procedure_id, _, party = authority.partition(":")
            try:
                procedure = get_procedure(procedure_id)
            except IsupportError as error:
                problems.append(f"authorities: {error}")
                continue
            if party and party not in procedure.parties:
                problems.append(f"authorities: {procedure_id} has no party {party!r}")
        if problems:
            raise AccountError("; ".join(problems))
        if enterprise_id is not None and self.enterprise(enterprise_id) is None:
            raise AccountError(f"enterprise_id: no enterprise {enterprise_id!r}")
        account = Account(
            username=username,
            display_name=display_name or username,
            password_hash=hash_password(password),
            role=role,
            enterprise_id=enterprise_id,
            authorities=list(authorities),
            created_at=_now(),
            must_change_password=False,
        )
        try:
            with self.sessions.begin() as session:
                session.add(account)
        except IntegrityError:
            raise AccountError(f"username: {username!r} is taken") from None
        return _principal(account)

    def accounts(self) -> list[AccountView]:
        with self.sessions() as session:
            rows = session.scalars(select(Account).order_by(Account.username))
            return [_account_view(a) for a in rows]

    def authenticate(
        self, username: str, password: str, *, client_address: str | None = None
    ) -> Principal | None:
        """The account if the password is right and the account is enabled; every attempt
        (right or wrong) goes into the audit trail."""
        with self.sessions() as session:
            account = session.scalars(select(Account).where(Account.username == username)).first()
        matches = verify_password(account.password_hash if account else None, password)
        accepted = matches and account is not None and account.disabled_at is None
        with self.sessions.begin() as session:
            audit.record(
                session,
                "success" if accepted else "failure",
                username,
                account_id=account.id if account else None,
                client_address=client_address,
                detail=None if accepted or not matches else "account disabled",
            )
        return _principal(account) if accepted and account else None

    def record_lock_out(self, username: str, client_address: str | None, detail: str) -> None:
        with self.sessions.begin() as session:
            account_id = session.scalars(
                select(Account.id).where(Account.username == username)
            ).first()
            audit.record(
                session,
                "locked_out",
                username,
                account_id=account_id,
                client_address=client_address,
                detail=detail,
            )

    def change_password(
        self,
        principal: Principal,
        current: str,
        new: str,
        *,
        repeat: str | None = None,
        keep_session: str | None = None,
        client_address: str | None = None,
    ) -> None:
        """The account's own change: needs the current password; ends every other session of
        the account (``keep_session`` is the cookie of the browser making the change) and
        revokes its API tokens, which were issued under the old credential. Every problem
        is named at once."""
        problems = []
        if problem := password_problem(new, "new_password"):
            problems.append(problem)
        elif new == current:
            problems.append("new_password: expected a password different from the current one")
        if repeat is not None and repeat != new:
            problems.append("repeat_password: expected the same as new_password")
        with self.sessions() as session:
            account = session.get(Account, principal.account_id)
        if account is None or not verify_password(account.password_hash, current):
            problems.insert(0, "current_password: wrong password")
        if problems:
            raise AccountError("; ".join(problems))
        self._replace_password(
            principal.account_id,
            new,
            outcome="password_changed",
            actor=principal.username,
            must_change=False,
            keep_session=keep_session,
            client_address=client_address,
        )

    def reset_password(self, username: str, new: str | None = None) -> str:
        """An administrator's reset: sets ``new`` (or a random password, returned), ends every
        session, revokes every token, and makes the next sign-in choose a new password."""
        if new is not None and (problem := password_problem(new)):
            raise AccountError(problem)
        chosen = new or secrets.token_urlsafe(12)
        self._replace_password(
            self._account_id(username),
            chosen,
            outcome="password_reset",
            actor=CLI_ACTOR,
            must_change=True,
        )
        return chosen

    def _replace_password(
        self,
        account_id: int,
        new: str,
        *,
        outcome: str,
        actor: str,
        must_change: bool,
        keep_session: str | None = None,
        client_address: str | None = None,
    ) -> None:
        new_hash = hash_password(new)
        now = _now()
        with self.sessions.begin() as session:
            account = session.get(Account, account_id)
            assert account is not None
            account.password_hash = new_hash
            account.password_changed_at = now
            account.must_change_password = must_change
            ended = self._end_sessions(session, account_id, keep=keep_session)
            revoked = self._revoke_all_tokens(session, account_id, now)
            audit.record(
                session,
                outcome,
                account.username,
                account_id=account_id,
                client_address=client_address,
                actor=actor,
                detail=f"{ended} session(s) ended, {revoked} token(s) revoked",
            )

    def set_disabled(self, username: str, disabled: bool) -> None:
        """Disable (sessions end, tokens stop working) or enable an account again."""
        account_id = self._account_id(username)
        now = _now()
        with self.sessions.begin() as session:
            account = session.get(Account, account_id)
            assert account is not None
            account.disabled_at = now if disabled else None
            ended = self._end_sessions(session, account_id) if disabled else 0
            audit.record(
                session,
                "account_disabled" if disabled else "account_enabled",
                username,
                account_id=account_id,
                actor=CLI_ACTOR,
                detail=f"{ended} session(s) ended" if disabled else None,
            )

    def _account_id(self, username: str) -> int:
        with self.sessions() as session:
            found = session.scalars(select(Account.id).where(Account.username == username)).first()
        if found is None:
            raise AccountError(f"username: no account {username!r}")
        return found

    @staticmethod
    def _end_sessions(session: Session, account_id: int, keep: str | None = None) -> int:
        query = delete(WebSession).where(WebSession.account_id == account_id)
        if keep:
            query = query.where(WebSession.token_digest != _digest(keep))
        return int(session.execute(query).rowcount)  # type: ignore[attr-defined]

    @staticmethod
    def _revoke_all_tokens(session: Session, account_id: int, now: dt.datetime) -> int:
        result = session.execute(
            update(ApiToken)
            .where(ApiToken.account_id == account_id, ApiToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]

    # --- the audit trail -----------------------------------------------------------------
    def login_events(
        self, *, username: str | None = None, outcome: str | None = None, limit: int = 200
    ) -> list[audit.LoginEventView]:
        with self.sessions() as session:
            return audit.events(session, username=username, outcome=outcome, limit=limit)

    # --- browser sessions ----------------------------------------------------------------
    def start_session(self, principal: Principal) -> tuple[str, str]:
        """A new session: (cookie token, CSRF token)."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        now = _now()
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
        """The signed-in account and the session's CSRF token, or None if expired/unknown
        or the account is disabled."""
        with self.sessions() as session:
            row = session.get(WebSession, _digest(token))
            if row is None or _aware(row.expires_at) <= _now():
                return None
            account = session.get(Account, row.account_id)
            if account is None or account.disabled_at is not None:
                return None
            return _principal(account), row.csrf_token

    def end_session(self, token: str) -> None:
        with self.sessions.begin() as session:
            session.execute(delete(WebSession).where(WebSession.token_digest == _digest(token)))

    # --- API tokens ----------------------------------------------------------------------
    def issue_token(
        self, principal: Principal, label: str, *, lifetime: dt.timedelta = TOKEN_LIFETIME_DEFAULT
    ) -> str:
        """A new token, shown once; it stops working after ``lifetime``."""
        return self.issue_token_view(principal, label, lifetime)[0]

    def issue_token_view(
        self, principal: Principal, label: str, lifetime: dt.timedelta = TOKEN_LIFETIME_DEFAULT
    ) -> tuple[str, TokenView]:
        """A new token and what the account page lists of it."""
        if not dt.timedelta(0) < lifetime <= TOKEN_LIFETIME_MAX:
            raise AccountError(f"expires_in_days: expected 1 to {TOKEN_LIFETIME_MAX.days} days")
        return self._issue(principal, label, lifetime)

    def _issue(
        self, principal: Principal, label: str, lifetime: dt.timedelta
    ) -> tuple[str, TokenView]:
        token = "isu_" + secrets.token_urlsafe(32)
        now = _now()
        row = ApiToken(
            token_digest=_digest(token),
            account_id=principal.account_id,
            label=label.strip()[:100] or "token",
            created_at=now,
            expires_at=now + lifetime,
        )
        with self.sessions.begin() as session:
            session.add(row)
            session.flush()
            audit.record(
                session,
                "token_created",
                principal.username,
                account_id=principal.account_id,
                actor=principal.username,
                detail=f"token {row.id} ({row.label})",
            )
        return token, _token_view(row)

    def tokens(self, account_id: int) -> list[TokenView]:
        with self.sessions() as session:
            rows = session.scalars(
                select(ApiToken).where(ApiToken.account_id == account_id).order_by(ApiToken.id)
            )
            return [_token_view(t) for t in rows]

    def revoke_token(self, token_id: int, *, owner: Principal | None) -> TokenView:
        """Revoke one token: its owner may (``owner``), and an administrator (None)."""
        with self.sessions.begin() as session:
            row = session.get(ApiToken, token_id)
            if row is None or (owner is not None and row.account_id != owner.account_id):
                raise AccountError(f"token_id: no token {token_id} of yours")
            if row.revoked_at is None:
                row.revoked_at = _now()
                account = session.get(Account, row.account_id)
                assert account is not None
                audit.record(
                    session,
                    "token_revoked",
                    account.username,
                    account_id=account.id,
                    actor=owner.username if owner else CLI_ACTOR,
                    detail=f"token {row.id} ({row.label})",
                )
            return _token_view(row)

    def token_principal(self, token: str) -> Principal | None:
        """The account a bearer token acts for, if the token is live; notes its use."""
        now = _now()
        with self.sessions() as session:
            row = session.scalars(
                select(ApiToken).where(
                    ApiToken.token_digest == _digest(token), ApiToken.revoked_at.is_(None)
                )
            ).first()
            if row is None or (row.expires_at is not None and _aware(row.expires_at) <= now):
                return None
            account = session.get(Account, row.account_id)
            if account is None or account.disabled_at is not None:
                return None
            stale = (
                row.last_used_at is None or _aware(row.last_used_at) + LAST_USED_PRECISION <= now
            )
        if stale:  # a write only now and then, not per request
            with self.sessions.begin() as session:
                session.execute(
                    update(ApiToken).where(ApiToken.id == row.id).values(last_used_at=now)
                )
        return _principal(account)


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands timezone-aware values back naive; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _maybe_aware(moment: dt.datetime | None) -> dt.datetime | None:
    return None if moment is None else _aware(moment)
