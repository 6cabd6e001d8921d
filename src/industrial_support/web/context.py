"""What every request can reach: the stores, the clock, who is asking and in which language."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from ..accounts.service import AccountStore, Principal
from ..cases.store import CaseStore
from ..i18n import LANGS

SESSION_COOKIE = "isupport_session"
LANG_COOKIE = "isupport_lang"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"


class AuthError(Exception):
    """No valid session or token (401)."""


class ForbiddenError(Exception):
    """Signed in, but this account may not do that (403)."""


class PasswordChangeRequired(ForbiddenError):
    """An administrator reset the password: the account page only, until a new one is set."""


class CsrfError(Exception):
    """A state-changing request from a browser session without its CSRF token (403)."""


@dataclass
class Services:
    cases: CaseStore
    accounts: AccountStore
    today: Callable[[], dt.date] = field(default=dt.date.today)


@dataclass(frozen=True)
class Caller:
    principal: Principal | None
    csrf_token: str | None  # set for browser sessions only
    via_token: bool

    def require(self, *, password_change_ok: bool = False) -> Principal:
        if self.principal is None:
            raise AuthError("sign in, or send 'Authorization: Bearer <token>'")
        if self.principal.must_change_password and not password_change_ok:
            raise PasswordChangeRequired(
                "password: an administrator reset it; choose a new one on the account page"
            )
        return self.principal

    def require_role(self, *roles: str) -> Principal:
        principal = self.require()
        if principal.role not in roles:
            raise ForbiddenError(f"role: this needs {' or '.join(roles)}; you are {principal.role}")
        return principal


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def caller(request: Request) -> Caller:
    cached: Caller | None = getattr(request.state, "caller", None)
    if cached is not None:
        return cached
    stores = services(request)
    result = Caller(None, None, False)
    authorization = request.headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        principal = stores.accounts.token_principal(authorization[7:].strip())
        if principal is None:
            raise AuthError("Authorization: the bearer token is unknown, expired or revoked")
        result = Caller(principal, None, True)
    elif token := request.cookies.get(SESSION_COOKIE):
        found = stores.accounts.session(token)
        if found is not None:
            result = Caller(found[0], found[1], False)
    request.state.caller = result
    return result


def check_csrf(request: Request, who: Caller, submitted: str | None) -> None:
    """Browser sessions must echo their CSRF token (form field or header); token clients
    are not exposed to cross-site requests and need none."""
    if who.via_token or who.principal is None:
        return
    given = submitted or request.headers.get(CSRF_HEADER)
    if not given or not who.csrf_token or not secrets.compare_digest(given, who.csrf_token):
        raise CsrfError("csrf_token: missing or wrong; reload the page and try again")


def language(request: Request) -> str:
    chosen = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    if chosen in LANGS:
        return chosen
    accepted = request.headers.get("accept-language", "")
    return "ja" if accepted.lower().startswith("ja") else "en"


ServicesDep = Annotated[Services, Depends(services)]
CallerDep = Annotated[Caller, Depends(caller)]
LangDep = Annotated[str, Depends(language)]
