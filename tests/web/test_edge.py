"""The edge (issue 11, point 7): a request-body limit, security headers on every response,
pages without inline script, and API documentation served from the package.

The finding reproduced: a 100 MB JSON body was parsed; no X-Frame-Options, CSP or
Cache-Control: no-store; /docs was blank offline (Swagger UI came from a CDN)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from industrial_support.web.security import DEFAULT_BODY_LIMIT, allow_larger_bodies

from .conftest import login

LIMIT = 1024 * 1024  # 1 MiB, the documented default


def test_the_default_limit_is_one_mebibyte() -> None:
    assert DEFAULT_BODY_LIMIT == LIMIT


def _json_of_size(size: int) -> bytes:
    """A JSON object of exactly ``size`` bytes."""
    head, tail = b'{"padding": "', b'"}'
    return head + b"x" * (size - len(head) - len(tail)) + tail


def test_a_body_over_the_limit_is_refused_before_anything_reads_it(
    site_client: TestClient,
) -> None:
    headers = {"Content-Type": "application/json"}
    at_limit = site_client.post("/api/applications", content=_json_of_size(LIMIT), headers=headers)
    # at the limit the body is read and checked (it is no application: 422)
    assert at_limit.status_code == 422
    over = site_client.post("/api/applications", content=_json_of_size(LIMIT + 1), headers=headers)
    assert over.status_code == 413
    error = over.json()["error"]
    assert error["code"] == "too_large" and error["fields"][0]["field"] == "body"
    assert "1,048,576 bytes" in error["message"]


def test_a_streamed_body_is_cut_off_at_the_limit(site_client: TestClient) -> None:
    """No Content-Length: the limit counts the bytes as they arrive."""

    def chunks() -> Iterator[bytes]:
        for _ in range(64):  # 64 × 64 KiB = 4 MiB
            yield b"x" * 65536

    answer = site_client.post(
        "/api/applications", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "too_large"


def test_a_page_form_over_the_limit_gets_an_error_page(site_client: TestClient) -> None:
    answer = site_client.post(
        "/login", data={"username": "x" * (LIMIT + 10), "password": "p"}, params={"lang": "ja"}
    )
    assert answer.status_code == 413 and answer.headers["content-type"].startswith("text/html")
    assert "1,048,576" in answer.text and "<html" in answer.text


def test_an_upload_route_may_take_more(app: FastAPI) -> None:
    allow_larger_bodies(app, "/uploads-for-the-test/", 4 * LIMIT)
    with TestClient(app) as client:
        bigger = client.post("/uploads-for-the-test/1", content=b"x" * (2 * LIMIT))
        assert bigger.status_code == 404  # past the limit check: the route does not exist
        elsewhere = client.post("/uploads-elsewhere/1", content=b"x" * (2 * LIMIT))
        assert elsewhere.status_code == 413


SECURITY_HEADERS = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}


@pytest.mark.parametrize(
    "path",
    ["/", "/login", "/programs", "/api/programs", "/no-such-page", "/api/no-such", "/docs"],
)
def test_every_response_carries_the_security_headers(site_client: TestClient, path: str) -> None:
    answer = site_client.get(path)
    for name, value in SECURITY_HEADERS.items():
        assert answer.headers[name] == value
    csp = answer.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "script-src 'self';" in csp  # no 'unsafe-inline', no 'unsafe-eval', no other host
    assert answer.headers["cache-control"] == "no-store"


def test_pages_forbid_inline_style_too_except_the_api_viewers(site_client: TestClient) -> None:
    assert "style-src 'self';" in site_client.get("/").headers["content-security-policy"]
    assert "'unsafe-inline'" in site_client.get("/redoc").headers["content-security-policy"]


def test_signed_in_pages_and_answers_are_not_stored(site_client: TestClient) -> None:
    login(site_client, "official-ru")
    for path in ("/account", "/work", "/api/me"):
        assert site_client.get(path).headers["cache-control"] == "no-store"
    static = site_client.get("/static/style.css")
    assert static.status_code == 200 and "no-store" not in static.headers.get("cache-control", "")
    assert static.headers["x-content-type-options"] == "nosniff"


class _InlineCode(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, event-handler attributes,
    javascript: URLs, inline styles."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "script" and not names.get("src"):
            self._in_inline_script = True
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("inline <style>")
        for name, value in attrs:
            if name.startswith("on") or name.startswith("hx-on"):
                self.found.append(f"{tag} {name}=")
            if name == "style":
                self.found.append(f"{tag} style=")
            if value and value.strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")


PAGES = {
    None: ["/", "/login", "/programs", "/screen", "/regions", "/monitoring", "/no-such-page"],
    "official-ru": ["/account", "/work", "/cases/1"],
    "applicant-ru": ["/cases", "/account", "/cases/1"],
    "auditor": ["/audit/sign-ins", "/account"],
}


@pytest.mark.parametrize("who", list(PAGES))
def test_pages_carry_no_inline_script_or_style(site_client: TestClient, who: str | None) -> None:
    if who:
        login(site_client, who)
    for path in PAGES[who]:
        for lang in ("en", "ja"):
            answer = site_client.get(path, params={"lang": lang})
            assert "<html" in answer.text, path
            parser = _InlineCode()
            parser.feed(answer.text)
            assert parser.found == [], (path, lang)


def test_the_screening_page_links_its_behaviour_as_a_file(site_client: TestClient) -> None:
    page = site_client.get("/screen", params={"country": "RU"}).text
    assert '<script src="/static/app.js" defer></script>' in page
    assert "data-swap-unprocessable" in page
    script = site_client.get("/static/app.js")
    assert script.status_code == 200 and "htmx:beforeSwap" in script.text


@pytest.mark.parametrize(
    ("path", "assets"),
    [
        ("/docs", ["/static/docs/swagger-ui-bundle.js", "/static/docs/swagger-ui.css"]),
        ("/redoc", ["/static/docs/redoc.standalone.js"]),
    ],
)
def test_the_api_viewers_load_only_assets_of_this_server(
    site_client: TestClient, path: str, assets: list[str]
) -> None:
    page = site_client.get(path)
    assert page.status_code == 200
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert urls and all(url.startswith("/") and not url.startswith("//") for url in urls)
    assert set(assets) <= set(urls) and "/static/docs-init.js" in urls
    for asset in [*assets, "/static/docs-init.js"]:
        served = site_client.get(asset)
        assert served.status_code == 200 and len(served.content) > 100, asset
