"""The edge of the web application: request-body limits, security headers on every response,
and the sign-in guards (throttle, bounded hashing) the pages use.

Body limits are per path prefix: JSON and forms get ``DEFAULT_BODY_LIMIT``; a route that
takes uploads registers a larger one with ``allow_larger_bodies``. A body is refused with 413
as soon as it is known to be too big (by Content-Length, or while it streams in), before
anything parses it."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from anyio import CapacityLimiter
from fastapi import FastAPI, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..accounts.passwords import HASH_SLOTS
from ..accounts.throttle import LoginThrottle

DEFAULT_BODY_LIMIT = 1024 * 1024  # 1 MiB: the largest JSON or form the API and pages take

# Pages and the API: scripts and styles from our own origin only, no inline script, never
# framed. Swagger UI and ReDoc put inline styles on their elements (ReDoc also a worker).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
STATIC_PREFIX = "/static/"


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def body_limit_for(limits: MutableMapping[str, int], path: str) -> int:
    """The limit of the longest registered prefix of ``path``."""
    matches = [prefix for prefix in limits if path.startswith(prefix)]
    return limits[max(matches, key=len)] if matches else DEFAULT_BODY_LIMIT


def allow_larger_bodies(app: FastAPI, prefix: str, max_bytes: int) -> None:
    """Let requests under ``prefix`` (e.g. a documents upload route) send up to
    ``max_bytes``; everything else keeps the default."""
    app.state.body_limits[prefix] = max_bytes


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, limits: MutableMapping[str, int]) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = body_limit_for(self.limits, scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _too_large(scope, send, limit)
            return
        received = 0
        over = False  # the body passed the limit: the app's answer is replaced by a 413
        started = False

        async def counted_receive() -> Message:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    raise BodyTooLarge(limit)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            if over:
                # the framework turned the interrupted read into an answer of its own (FastAPI:
                # 400 "error parsing the body"); the caller gets the 413 instead
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await _too_large(scope, send, limit)
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except BodyTooLarge:
            if started:
                raise
            started = True
            await _too_large(scope, send, limit)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _too_large(scope: Scope, send: Send, limit: int) -> None:
    from . import errors  # errors imports the web context; import late to keep this module light

    request = Request(scope)
    message = f"body: expected at most {limit:,} bytes here; the request sent more"
    response = errors.error_response(request, 413, "too_large", message, field="body")
    response.headers["Connection"] = "close"  # the rest of the body is not read

    async def no_more() -> Message:
        return {"type": "http.disconnect"}

    await response(scope, no_more, send)


class SecurityHeadersMiddleware:
    """Headers every response carries; ``Cache-Control: no-store`` on everything but static
    files, since pages and API answers show the signed-in account's data."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        csp = DOCS_CSP if path in DOCS_PATHS else CSP
        static = path.startswith(STATIC_PREFIX)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[tuple[bytes, bytes]] = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                wanted: list[tuple[bytes, bytes]] = [
                    (b"content-security-policy", csp.encode()),
                    (b"x-frame-options", b"DENY"),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                ]
                if not static:
                    wanted.append((b"cache-control", b"no-store"))
                headers += [(name, value) for name, value in wanted if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def install(app: FastAPI, throttle: LoginThrottle) -> None:
    """Body limits (outermost: nothing reads a body first) and headers; the sign-in guards."""
    app.state.body_limits = {}
    app.state.login_throttle = throttle
    app.state.hash_limiter = None
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(BodyLimitMiddleware, limits=app.state.body_limits)


def login_throttle(app: Any) -> LoginThrottle:
    throttle: LoginThrottle = app.state.login_throttle
    return throttle


def hash_limiter(app: Any) -> CapacityLimiter:
    """Threads that may hash passwords at once (created in the event loop on first use);
    sign-ins beyond it wait without holding a thread of the shared pool."""
    if app.state.hash_limiter is None:
        app.state.hash_limiter = CapacityLimiter(HASH_SLOTS)
    limiter: CapacityLimiter = app.state.hash_limiter
    return limiter


def client_address(request: Request) -> str:
    """The peer's address (behind a reverse proxy, run uvicorn with --proxy-headers so this
    is the client's, not the proxy's)."""
    return request.client.host if request.client else "unknown"
