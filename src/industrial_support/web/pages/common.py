"""Rendering helpers shared by every page."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from ..context import LANG_COOKIE, Caller, caller, language
from ..i18n import gettext, render


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` in the caller's language; a ``?lang=`` choice is remembered."""
    lang = language(request)
    who: Caller = context.pop("caller", None) or caller(request)
    html = render(lang, template, request=request, caller=who, **context)
    response = HTMLResponse(html, status_code=status_code)
    if request.query_params.get("lang") == lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
    return response


def _(request: Request, message: str) -> str:
    return gettext(language(request), message)
