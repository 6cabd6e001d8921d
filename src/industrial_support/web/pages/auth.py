"""Home, sign-in, sign-out and the account page (API tokens)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlparse

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..context import SESSION_COOKIE, CallerDep, ServicesDep, check_csrf
from .common import page

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


@router.post("/login")
def login(
    request: Request,
    stores: ServicesDep,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=200)],
    next: Annotated[str, Form()] = "/",
) -> Response:
    principal = stores.accounts.authenticate(username, password)
    if principal is None:
        demo = getattr(request.app.state, "demo", None)
        return page(
            request,
            "login.html",
            status_code=401,
            failed=True,
            username=username,
            next=_safe_next(next),
            demo_accounts=demo.accounts if demo else [],
            demo_password=demo.password if demo else None,
        )
    token, _ = stores.accounts.start_session(principal)
    response = RedirectResponse(_safe_next(next), status_code=303)
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


@router.get("/account", response_class=HTMLResponse)
def account(request: Request, who: CallerDep, stores: ServicesDep) -> Response:
    principal = who.require()
    enterprise = (
        stores.accounts.enterprise(principal.enterprise_id) if principal.enterprise_id else None
    )
    return page(request, "account.html", section="account", enterprise=enterprise, new_token=None)


@router.post("/account/tokens", response_class=HTMLResponse)
def new_token(
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
    label: Annotated[str, Form(max_length=100)] = "token",
    csrf_token: Annotated[str | None, Form()] = None,
) -> Response:
    principal = who.require()
    check_csrf(request, who, csrf_token)
    token = stores.accounts.issue_token(principal, label)
    enterprise = (
        stores.accounts.enterprise(principal.enterprise_id) if principal.enterprise_id else None
    )
    return page(request, "account.html", section="account", enterprise=enterprise, new_token=token)
