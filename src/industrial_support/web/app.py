"""The application factory: API and pages over one case store (SQLite by default)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from ..accounts.service import AccountStore
from ..accounts.throttle import THROTTLE_URL_ENV, LoginThrottle
from ..cases import documents as case_documents
from ..cases.store import CaseStore
from ..engine.program import all_programs
from . import docs, errors, security
from .context import Services

STATIC = Path(__file__).parent / "static"

API_DESCRIPTION = """Programs of state support for industry in Japan, Russia and Kazakhstan as
cited, dated rules; screening and explanation; deadlines on each country's calendar; the
administration of applications; and program monitoring.

Money is a decimal string with its currency (`{"amount": "80000000.00", "currency": "RUB"}`),
never a float. Errors are JSON `{"error": {"code", "message", "fields": [{"field", "message"}]}}`
with a 4xx status. Authenticate with `Authorization: Bearer <token>` (create one on the account
page) or a browser session (then send the `X-CSRF-Token` header on writes)."""


def create_app(
    db_url: str | None = None,
    *,
    today: Callable[[], dt.date] = dt.date.today,
    throttle: LoginThrottle | None = None,
) -> FastAPI:
    """The application; ``throttle`` counts sign-in attempts (by default in the storage
    ``ISUPPORT_THROTTLE_URL`` names, see accounts/throttle.py)."""
    from .api import router as api_router
    from .pages import router as pages_router

    all_programs()  # load every program before the first request

    def clock() -> dt.datetime:
        # the server dates every step; a fixed ``today`` (tests, demo) keeps the time of day
        now = dt.datetime.now(dt.UTC)
        day = today()
        return now if now.date() == day else dt.datetime.combine(day, now.time(), tzinfo=dt.UTC)

    cases = CaseStore(db_url, clock=clock)
    cases.require_documents = True  # steps wait for the documents the law asks (cases/documents.py)
    app = FastAPI(
        title="industrial-support API",
        version="1",
        description=API_DESCRIPTION,
        openapi_tags=[
            {"name": "programs", "description": "Programs, criteria, parameters, facts"},
            {"name": "screening", "description": "Screen and explain an enterprise"},
            {"name": "deadlines", "description": "Deadlines on each country's calendar"},
            {"name": "cases", "description": "Calls, applications, transitions, obligations"},
            {"name": "analysis", "description": "Regional comparison and monitoring"},
            {"name": "account", "description": "Your API tokens; the sign-in audit trail"},
        ],
        # served from the package by docs.py, not from a CDN
        docs_url=None,
        redoc_url=None,
    )
    app.state.services = Services(cases, AccountStore(cases.engine), today)
    app.state.demo = None
    errors.install(app)
    throttle = throttle or LoginThrottle()
    if not throttle.shared and cases.engine.dialect.name != "sqlite":
        logging.getLogger(__name__).warning(
            "sign-in throttling counts in this process only; set %s (e.g. redis://…) so that "
            "every worker and server shares the counts",
            THROTTLE_URL_ENV,
        )
    security.install(app, throttle)
    # Uploads to a case may be larger than the 1 MiB of other bodies: the checklist's own size
    # limit (cases/documents.py) decides, plus room for the multipart envelope. The limit is by
    # path prefix, so every case route shares it; the upload routes are the only ones reading it.
    upload_limit = case_documents.max_bytes() + 64 * 1024
    security.allow_larger_bodies(app, "/cases/", upload_limit)
    security.allow_larger_bodies(app, "/api/cases/", upload_limit)
    docs.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)
    return app
