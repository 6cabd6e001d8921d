"""The edge in a real browser (issue 11, point 7): the API viewers work with no network but
this server's, and the Content-Security-Policy (no inline script, no inline style) breaks
neither them nor the htmx pages."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import ConsoleMessage, Page, Route, expect


@pytest.fixture
def offline(page: Page) -> Iterator[tuple[list[str], list[str]]]:
    """Every request to another host is refused (as on a machine without the internet) and
    noted; so is every console message about the CSP."""
    elsewhere: list[str] = []
    refused_by_csp: list[str] = []

    def only_here(route: Route) -> None:
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", "localhost") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    def note(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            refused_by_csp.append(message.text)

    page.route("**/*", only_here)
    page.on("console", note)
    yield elsewhere, refused_by_csp


def test_swagger_ui_works_offline(
    page: Page, server: str, offline: tuple[list[str], list[str]]
) -> None:
    page.goto(f"{server}/docs")
    expect(page.locator(".opblock").first).to_be_visible()
    expect(
        page.locator(".opblock-summary-path", has_text="/api/applications").first
    ).to_be_visible()
    elsewhere, refused = offline
    assert elsewhere == [] and refused == []


def test_redoc_works_offline(page: Page, server: str, offline: tuple[list[str], list[str]]) -> None:
    page.goto(f"{server}/redoc")
    # ReDoc renders the whole document at once: slow on a busy machine
    expect(page.locator("h1", has_text="industrial-support API")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Calls for applications").first).to_be_attached()
    elsewhere, refused = offline
    # ReDoc's "API docs by Redocly" footer links its logo from Redocly's site; the CSP keeps
    # even that request from leaving (and nothing else is refused)
    assert elsewhere == []
    assert all("cdn.redoc.ly/redoc/logo-mini.svg" in message for message in refused)


def test_htmx_pages_work_under_the_csp(
    page: Page, server: str, offline: tuple[list[str], list[str]]
) -> None:
    page.goto(f"{server}/screen?country=JP")
    first = page.locator("#questions select").first
    fact = first.evaluate("element => element.closest('[data-fact]').dataset.fact")
    first.select_option("false")  # htmx posts it and swaps the questions and results
    expect(page.locator(f"#answers [data-fact='{fact}']")).to_have_count(1)
    # a bad value comes back 422 and is swapped in (static/app.js, not an inline handler)
    page.goto(f"{server}/screen?country=RU")
    page.evaluate(
        """() => {
            const form = document.getElementById('screen-form');
            const bad = document.createElement('input');
            bad.type = 'hidden'; bad.name = 'fact_pp1176_loan_amount'; bad.value = 'abc';
            form.appendChild(bad);
            htmx.trigger(form, 'change');
        }"""
    )
    expect(page.locator("#fact_pp1176_loan_amount-error")).to_contain_text("expected a number")
    elsewhere, refused = offline
    assert elsewhere == [] and refused == []
