"""Every failure a caller can cause becomes a 4xx that names the field and what was
expected: JSON under /api, a page for browsers. A 5xx means a bug of ours."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..accounts.service import AccountError
from ..cases.procedure import ProcedureError
from ..cases.store import ConflictError, NotFoundError
from ..engine.errors import FactError, InputErrors, IsupportError
from ..i18n import render_error
from .context import (
    AuthError,
    CsrfError,
    ForbiddenError,
    PasswordChangeRequired,
    caller,
    language,
)
from .i18n import N_, gettext, render

_FIELD = re.compile(r"^(?:fact )?'?([A-Za-z_][\w.\-\[\]]*)'?: ")


def _field(message: str) -> str | None:
    match = _FIELD.match(message)
    return match.group(1) if match else None


def status_of(error: Exception) -> int:
    """The HTTP status an error maps to (pages that show errors in place use it)."""
    return _status(error)[0]


def _status(error: Exception) -> tuple[int, str]:
    if isinstance(error, AuthError):
        return 401, "unauthenticated"
    if isinstance(error, ForbiddenError | CsrfError):
        return 403, "forbidden"
    if isinstance(error, NotFoundError):
        return 404, "not_found"
    if isinstance(error, ConflictError):
        return 409, "conflict"
    if isinstance(error, ProcedureError):
        return 409, "not_allowed_now"
    if isinstance(error, AccountError) and "taken" in str(error):
        return 409, "conflict"
    if isinstance(error, AccountError) and str(error).startswith("token_id: no token"):
        return 404, "not_found"
    return 422, "invalid_input"


def _body(code: str, message: str, fields: list[dict[str, Any]]) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fields": fields}}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def error_response(
    request: Request, status: int, code: str, message: str, *, field: str | None = None
) -> Response:
    """An error outside the routes (e.g. the edge's body limit): JSON under /api, else a page."""
    if not _wants_json(request):
        return _page(request, status, message)
    fields = [{"field": field, "message": message}] if field else []
    return JSONResponse(_body(code, message, fields), status_code=status)


def _page(
    request: Request, status: int, message: str | list[str], error: Exception | None = None
) -> Response:
    if status == 401:
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    if isinstance(error, PasswordChangeRequired):
        return RedirectResponse("/account", status_code=303)
    lang = language(request)
    try:  # the header shows who is signed in, as on every other page
        who = caller(request)
    except Exception:  # an unknown token: the page is still shown, signed out
        who = None
    lines = message if isinstance(message, list) else [message]
    html = render(lang, "error.html", status=status, messages=lines, caller=who, request=request)
    return HTMLResponse(html, status_code=status)


# Pydantic's messages for a request's fields, by error type, as templates in the user's
# language ({...} are the error's context values); other types keep Pydantic's text.
_PYDANTIC: dict[str, str] = {
    "missing": N_("a value is required"),
    "int_parsing": N_("expected a whole number"),
    "int_type": N_("expected a whole number"),
    "float_parsing": N_("expected a number"),
    "decimal_parsing": N_("expected a number"),
    "bool_parsing": N_("expected true or false"),
    "date_parsing": N_("expected a date as YYYY-MM-DD"),
    "date_from_datetime_parsing": N_("expected a date as YYYY-MM-DD"),
    "string_type": N_("expected text"),
    "string_too_long": N_("expected at most {max_length} characters"),
    "string_too_short": N_("expected at least {min_length} characters"),
    "greater_than_equal": N_("expected at least {ge}"),
    "less_than_equal": N_("expected at most {le}"),
    "greater_than": N_("expected more than {gt}"),
    "less_than": N_("expected less than {lt}"),
    "literal_error": N_("expected one of {expected}"),
    "enum": N_("expected one of {expected}"),
    "extra_forbidden": N_("not a known field"),
    "json_invalid": N_("not valid JSON"),
    "dict_type": N_("expected an object"),
    "model_attributes_type": N_("expected an object"),
    "list_type": N_("expected a list"),
}


def _pydantic_message(item: Any, lang: str) -> str:
    template = _PYDANTIC.get(str(item.get("type")))
    if lang == "en" or template is None:
        return str(item.get("msg", "invalid"))
    try:
        return gettext(lang, template).format(**(item.get("ctx") or {}))
    except (KeyError, IndexError, ValueError):
        return str(item.get("msg", "invalid"))


def install(app: FastAPI) -> None:
    async def known(request: Request, error: Exception) -> Response:
        status, code = _status(error)
        message = str(error)
        lang = language(request)
        lines = render_error(error, lang) if isinstance(error, IsupportError) else [message]
        if not _wants_json(request):
            return _page(request, status, lines, error)
        if isinstance(error, InputErrors) and len(error.problems) > 1:
            fields = [
                {"field": p.field, "message": str(p) if lang == "en" else line}
                for p, line in zip(error.problems, lines, strict=True)
            ]
        else:
            field = error.field if isinstance(error, FactError) else _field(message)
            fields = (
                [{"field": field, "message": message if lang == "en" else lines[0]}]
                if field
                else []
            )
        if lang != "en":
            message = "; ".join(lines)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(_body(code, message, fields), status_code=status, headers=headers)

    async def invalid(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        fields = [
            {
                "field": ".".join(str(part) for part in item.get("loc", ()) if part != "body")
                or "body",
                "message": _pydantic_message(item, language(request)),
            }
            for item in error.errors()
        ]
        message = "; ".join(f"{f['field']}: {f['message']}" for f in fields)
        if not _wants_json(request):
            return _page(request, 422, message)
        return JSONResponse(_body("invalid_input", message, fields), status_code=422)

    async def http(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "http_error")
        if not _wants_json(request):
            return _page(request, error.status_code, str(error.detail))
        return JSONResponse(
            _body(code, str(error.detail), []),
            status_code=error.status_code,
            headers=getattr(error, "headers", None),
        )

    for kind in (IsupportError, AuthError, ForbiddenError, CsrfError):
        app.add_exception_handler(kind, known)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StarletteHTTPException, http)
