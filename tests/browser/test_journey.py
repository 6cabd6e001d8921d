"""The journey of issue 6 in a real browser: an applicant screens and applies; an official
decides; the applicant sees the decision; opening another enterprise's case is refused.
Facts: the example ru-components-maker (loan 100m RUB, asks 80m); dates on the Russian
calendar of 2025 with TODAY = 2 June 2025."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .conftest import sign_in, sign_out


def test_apply_decide_and_see_the_decision(page: Page, server: str) -> None:
    sign_in(page, server, "applicant-ru")
    page.click("nav >> text=Screening")
    page.click("text=Start from my enterprise's declared facts")
    decree = page.locator("[id='result-ru.pp1176']")
    expect(decree).to_have_attribute("data-status", "eligible")
    expect(decree).to_contain_text("80,000,000 RUB")
    page.click("text=My applications")
    page.click("text=Check and apply")
    # 003 §4: eligible; the subsidy is the 80m asked, within the 100m loan
    expect(page.locator("#eligibility")).to_have_text("eligible")
    expect(page.locator("body")).to_contain_text("80,000,000 RUB")
    page.fill("#subject", "Brake callipers for passenger cars")
    page.click("#submit-application")
    expect(page.locator("#case-state")).to_have_text("Submitted")
    case_url = page.url
    assert re.search(r"/cases/\d+$", case_url)
    sign_out(page)

    sign_in(page, server, "official-ru")
    page.click("text=Workbench")
    page.click("text=Decree 1176 selection 2025")
    page.locator("#queue").get_by_role("link", name="2", exact=True).click()  # arrival no. 2
    page.select_option("#action", "register")
    page.click("#take-step")
    expect(page.locator("#case-state")).to_have_text("Registered")
    page.select_option("#action", "admit")
    page.click("#take-step")
    expect(page.locator("#case-state")).to_have_text("Admitted: agreement sent")
    sign_out(page)

    sign_in(page, server, "applicant-ru")
    page.goto(case_url)
    expect(page.locator("#case-state")).to_have_text("Admitted: agreement sent")
    # 10 working days to sign from 2 June: 12-13 June are off → 18 June (003 §9(c))
    expect(page.locator("body")).to_contain_text("Jun 18, 2025")
    expect(page.locator("#case-log")).to_contain_text("Admit and send the draft agreement")


def test_another_enterprises_case_is_refused(page: Page, server: str) -> None:
    sign_in(page, server, "applicant-ru")
    response = page.goto(f"{server}/cases/1")  # ru-bearing-works' application
    assert response is not None and response.status == 403
    expect(page.locator("h1")).to_have_text("Not allowed")


def test_the_pages_switch_to_japanese(page: Page, server: str) -> None:
    sign_in(page, server, "official-ru")
    page.click("text=Workbench")
    page.click("text=日本語")
    expect(page.locator("h1")).to_have_text("ワークベンチ")
    page.goto(f"{server}/")  # the choice is remembered
    expect(page.locator("nav")).to_contain_text("制度一覧")


def test_guided_screening_asks_only_what_still_decides(page: Page, server: str) -> None:
    page.goto(f"{server}/screen?country=JP")
    first = page.locator("#questions select").first
    fact = first.evaluate("element => element.closest('[data-fact]').dataset.fact")
    expect(page.locator(f"#answers [data-fact='{fact}']")).to_have_count(0)
    first.select_option("false")  # htmx posts the answer and swaps the questions and results
    expect(page.locator(f"#answers [data-fact='{fact}']")).to_have_count(1)
    expect(page.locator(f"#questions [data-fact='{fact}']")).to_have_count(0)
