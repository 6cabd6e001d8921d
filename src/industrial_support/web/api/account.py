"""The signed-in account's API tokens (list, create from a browser session, revoke) and the
sign-in audit trail for auditors."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ...accounts.audit import LoginEventView
from ...accounts.models import LOGIN_OUTCOMES
from ...accounts.service import TOKEN_LIFETIME_MAX, TokenView
from ..context import CallerDep, ForbiddenError, ServicesDep, check_csrf
from ..serialize import Out
from .common import NOT_FOUND, SIGNED_IN

router = APIRouter(tags=["account"], responses={**SIGNED_IN})
Outcome = Literal[
    "success",
    "failure",
    "locked_out",
    "password_changed",
    "password_reset",
    "account_disabled",
    "account_enabled",
    "token_created",
    "token_revoked",
]
assert set(Outcome.__args__) == set(LOGIN_OUTCOMES)  # type: ignore[attr-defined]


class TokenOut(Out):
    id: int
    name: str
    created_at: dt.datetime
    expires_at: dt.datetime | None
    last_used_at: dt.datetime | None = Field(description="to the minute")
    revoked_at: dt.datetime | None
    active: bool


class NewTokenOut(TokenOut):
    token: str = Field(description="the bearer token itself: shown this once, never again")


class NewToken(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    expires_in_days: int = Field(default=90, ge=1, le=TOKEN_LIFETIME_MAX.days)


class SignInEventOut(Out):
    id: int
    at: dt.datetime
    outcome: Outcome
    username: str = Field(description="as typed at sign-in; may name no account")
    account_id: int | None
    client_address: str | None
    actor: str | None = Field(description="who changed the credential ('cli': an administrator)")
    detail: str | None


def _token(view: TokenView, now: dt.datetime) -> TokenOut:
    return TokenOut(
        id=view.id,
        name=view.name,
        created_at=view.created_at,
        expires_at=view.expires_at,
        last_used_at=view.last_used_at,
        revoked_at=view.revoked_at,
        active=view.active(now),
    )


def _event(e: LoginEventView) -> SignInEventOut:
    return SignInEventOut(
        id=e.id,
        at=e.at,
        outcome=e.outcome,  # one of LOGIN_OUTCOMES, checked on write
        username=e.username,
        account_id=e.account_id,
        client_address=e.client_address,
        actor=e.actor,
        detail=e.detail,
    )


@router.get("/account/tokens", summary="Your API tokens (never the secrets)")
def list_tokens(who: CallerDep, stores: ServicesDep) -> list[TokenOut]:
    principal = who.require()
    now = dt.datetime.now(dt.UTC)
    return [_token(t, now) for t in stores.accounts.tokens(principal.account_id)]


@router.post(
    "/account/tokens",
    status_code=201,
    summary="Create a token (from a signed-in browser session only)",
)
def create_token(
    request: Request, body: NewToken, who: CallerDep, stores: ServicesDep
) -> NewTokenOut:
    principal = who.require()
    if who.via_token:
        # a token minting tokens would outlive its own expiry and revocation
        raise ForbiddenError("Authorization: create tokens from a signed-in browser session")
    check_csrf(request, who, None)
    secret, view = stores.accounts.issue_token_view(
        principal, body.name, dt.timedelta(days=body.expires_in_days)
    )
    now = dt.datetime.now(dt.UTC)
    return NewTokenOut(token=secret, **_token(view, now).model_dump())


@router.delete(
    "/account/tokens/{token_id}",
    summary="Revoke one of your tokens (it stops working at once)",
    responses={**NOT_FOUND},
)
def revoke_token(
    request: Request,
    token_id: Annotated[int, Path(ge=1)],
    who: CallerDep,
    stores: ServicesDep,
) -> TokenOut:
    principal = who.require()
    check_csrf(request, who, None)
    view = stores.accounts.revoke_token(token_id, owner=principal)
    return _token(view, dt.datetime.now(dt.UTC))


@router.get("/audit/sign-ins", summary="The sign-in audit trail, newest first (auditors)")
def sign_in_events(
    who: CallerDep,
    stores: ServicesDep,
    username: Annotated[str | None, Query(max_length=64)] = None,
    outcome: Outcome | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[SignInEventOut]:
    who.require_role("auditor")
    events = stores.accounts.login_events(username=username, outcome=outcome, limit=limit)
    return [_event(e) for e in events]
