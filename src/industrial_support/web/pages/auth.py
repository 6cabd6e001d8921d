"""Home, sign-in (throttled), sign-out, and the account page: password change and API
tokens with expiry and revocation."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlparse

from anyio import to_thread
from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ...accounts.service import AccountError, Principal
from ...accounts.throttle import ThrottleUnavailable
from ..context import SESSION_COOKIE, CallerDep, ServicesDep, caller, check_csrf, services
from ..i18n import N_
from ..security import client_address, hash_limiter, login_throttle
from .common import page

TOKEN_LIFETIMES = (30, 90, 365)  # days offered on the account page
OUTCOME_LABELS = {
    "success": N_("signed in"),
    "failure": N_("wrong password or unknown account"),
    "locked_out": N_("refused: too many attempts"),
    "password_changed": N_("password changed"),
    "password_reset": N_("password reset by an administrator"),
    "account_disabled": N_("account disabled"),
    "account_enabled": N_("account enabled"),
    "token_created": N_("API token created"),
    "token_revoked": N_("API token revoked"),
}

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Only local paths: never redirect a signed-in user to another site."""
    if (
        not target
        or urlparse(target).netloc
        or not target.startswith("/")
        or target.startswith("//")
    ):
        return "/"
    return target


@router.get("/", response_class=HTMLResponse)
def home(request: Request, who: CallerDep, stores: ServicesDep) -> Response:
    return page(request, "home.html", section="home", today=stores.today())


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> Response:
    demo = getattr(request.app.state, "demo", None)
    return page(
        request,
        "login.html",
        next=_safe_next(next),
        demo_accounts=demo.accounts if demo else [],
        demo_password=demo.password if demo else None,
    )


def _login_page(request: Request, status_code: int, **context: Any) -> Response:
    demo = getattr(request.app.state, "demo", None)
    return page(
        request,
        "login.html",
        status_code=status_code,
        demo_accounts=demo.accounts if demo else [],
        demo_password=demo.password if demo else None,
        **context,
    )


@router.post("/login")
async def login(
    request: Request,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=200)],
    next: Annotated[str, Form()] = "/",
) -> Response:
    # async, so that sign-ins waiting for a hash slot wait here, not in the thread pool
    # every other request needs
    stores = services(request)
    throttle = login_throttle(request.app)
    address = client_address(request)
    back = {"username": username, "next": _safe_next(next)}
    try:
        verdict = await to_thread.run_sync(throttle.attempt, username, address)
    except ThrottleUnavailable:
        return _login_page(request, 503, unavailable=True, **back)
    if not verdict.allowed:
        await to_thread.run_sync(
            stores.accounts.record_lock_out,
            username,
            address,
            f"{verdict.scope} limit; retry after {verdict.retry_after} s",
        )
        response = _login_page(request, 429, retry_after=verdict.retry_after, **back)
        response.headers["Retry-After"] = str(verdict.retry_after)
        return response
    principal = await to_thread.run_sync(
        lambda: stores.accounts.authenticate(username, password, client_address=address),
        limiter=hash_limiter(request.app),
    )
    if principal is None:
        return _login_page(request, 401, failed=True, **back)
    await to_thread.run_sync(throttle.succeeded, username)
    token, _ = await to_thread.run_sync(stores.accounts.start_session, principal)
    target = "/account" if principal.must_change_password else _safe_next(next)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        max_age=12 * 3600,
    )
    return response


@router.post("/logout")
def logout(
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
    csrf_token: Annotated[str | None, Form()] = None,
) -> Response:
    check_csrf(request, who, csrf_token)
    if token := request.cookies.get(SESSION_COOKIE):
        stores.accounts.end_session(token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


def _account_page(
    request: Request, principal: Principal, status_code: int = 200, **context: Any
) -> Response:
    stores = services(request)
    enterprise = (
        stores.accounts.enterprise(principal.enterprise_id) if principal.enterprise_id else None
    )
    context.setdefault("new_token", None)
    return page(
        request,
        "account.html",
        status_code=status_code,
        section="account",
        enterprise=enterprise,
        tokens=stores.accounts.tokens(principal.account_id),
        now=dt.datetime.now(dt.UTC),
        lifetimes=TOKEN_LIFETIMES,
        **context,
    )


@router.get("/account", response_class=HTMLResponse)
def account(request: Request, who: CallerDep) -> Response:
    return _account_page(request, who.require(password_change_ok=True))


@router.post("/account/password", response_class=HTMLResponse)
def change_password(
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
    current_password: Annotated[str, Form(max_length=200)] = "",
    new_password: Annotated[str, Form(max_length=200)] = "",
    repeat_password: Annotated[str, Form(max_length=200)] = "",
    csrf_token: Annotated[str | None, Form()] = None,
) -> Response:
    principal = who.require(password_change_ok=True)
    check_csrf(request, who, csrf_token)
    try:
        stores.accounts.change_password(
            principal,
            current_password,
            new_password,
            repeat=repeat_password,
            keep_session=request.cookies.get(SESSION_COOKIE),
            client_address=client_address(request),
        )
    except AccountError as error:
        return _account_page(request, principal, 422, password_errors=str(error).split("; "))
    request.state.caller = None  # the account changed: read it again
    return _account_page(request, caller(request).require(), password_changed=True)


@router.post("/account/tokens", response_class=HTMLResponse)
def new_token(
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
    name: Annotated[str, Form(max_length=100)] = "token",
    expires_in_days: Annotated[int, Form()] = 90,
    csrf_token: Annotated[str | None, Form()] = None,
) -> Response:
    principal = who.require()
    check_csrf(request, who, csrf_token)
    token = stores.accounts.issue_token(
        principal, name, lifetime=dt.timedelta(days=expires_in_days)
    )
    return _account_page(request, principal, new_token=token)


@router.post("/account/tokens/{token_id}/revoke", response_class=HTMLResponse)
def revoke_token(
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
    token_id: int,
    csrf_token: Annotated[str | None, Form()] = None,
) -> Response:
    principal = who.require(password_change_ok=True)
    check_csrf(request, who, csrf_token)
    revoked = stores.accounts.revoke_token(token_id, owner=principal)
    return _account_page(request, principal, revoked_token=revoked.name)


@router.get("/audit/sign-ins", response_class=HTMLResponse)
def sign_in_audit(
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
    username: str | None = None,
    outcome: str | None = None,
) -> Response:
    who.require_role("auditor")
    if outcome and outcome not in OUTCOME_LABELS:
        raise AccountError(f"outcome: expected one of {', '.join(OUTCOME_LABELS)}; got {outcome!r}")
    events = stores.accounts.login_events(username=username or None, outcome=outcome or None)
    return page(
        request,
        "audit_sign_ins.html",
        section="audit",
        events=events,
        outcome_labels=OUTCOME_LABELS,
        username=username or "",
        outcome=outcome or "",
    )
