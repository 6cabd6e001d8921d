"""Guided screening: asks only for facts that still decide a program, narrows as answers
come in, shows amounts per locale, the trace and what would change the answer, and turns bad
values into a 422 that names the fact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from industrial_support.engine.cases import load_case
from industrial_support.engine.facts import catalog
from industrial_support.web.pages.screening import raw_of

from .conftest import TODAY, login

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def client(site_client: TestClient) -> TestClient:
    return site_client  # these pages only read: one application per module


def section(html: str, name: str) -> str:
    start = html.index(f'<section id="{name}"')
    return html[start : html.index("</section>", start)]


def fields(html: str) -> set[str]:
    return set(re.findall(r'data-fact="([^"]+)"', html))


def result(html: str, program: str) -> str:
    start = html.index(f'id="result-{program}"')
    return html[start : html.index("</article>", start)]


def example_form(name: str, **changes: str) -> dict[str, str]:
    case = load_case(EXAMPLES / f"{name}.yaml")
    facts = catalog(case.jurisdiction)
    form = {"country": case.jurisdiction, "as_of": TODAY.isoformat()}
    form |= {f"fact_{key}": raw_of(facts[key], value) for key, value in case.facts.items()}
    return form | {f"fact_{key}": value for key, value in changes.items()}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_screening_pages_render_in_both_languages(client: TestClient, lang: str) -> None:
    chooser = client.get(f"/screen?lang={lang}")
    assert chooser.status_code == 200
    page = client.get(f"/screen?country=JP&lang={lang}")
    assert page.status_code == 200
    if lang == "ja":
        assert "企業の国を選んで開始してください。" in chooser.text
        assert "判定を左右する質問" in page.text and "判定不能（情報不足）" in page.text
        assert "常時使用する従業員の数" in page.text  # a fact's Japanese description
    else:
        assert "Questions that still decide a program" in page.text


def test_starting_with_no_facts_asks_for_facts(client: TestClient) -> None:
    html = client.get("/screen?country=RU").text
    asked = fields(section(html, "questions"))
    # Decree 1176's conditions (003 §4(a)-(e)) are among the questions, and the shared
    # RU applicant facts are asked first because they decide the most programs.
    assert {"pp1176_project_completed", "pp1176_loan_amount", "ru_resident_legal_entity"} <= asked
    first_group = html[html.index('<details class="card question-group"') :]
    assert "Asked by several programs" in first_group[:200]
    assert fields(section(html, "answers")) == set()
    assert html.count('data-status="undetermined"') == 17  # every RU program


def test_an_answered_fact_is_no_longer_asked(client: TestClient) -> None:
    before = fields(section(client.get("/screen?country=RU").text, "questions"))
    response = client.post(
        "/screen/answers", data={"country": "RU", "fact_ru_resident_legal_entity": "true"}
    )
    assert response.status_code == 200
    assert '<div id="screen-body"' in response.text[:400]  # the partial, not a whole page
    assert "<html" not in response.text
    after = fields(section(response.text, "questions"))
    assert "ru_resident_legal_entity" in before and "ru_resident_legal_entity" not in after
    assert after < before
    assert fields(section(response.text, "answers")) == {"ru_resident_legal_entity"}


def test_a_refusal_closes_the_questions_of_the_programs_it_decides(client: TestClient) -> None:
    # A JP manufacturer with 500m yen capital and 1,000 employees is not an SME (002
    # Art.2(1)(i): 300m yen or 300 employees). Plan certification, credit insurance, the
    # investment company and patent-fee relief all require an SME (002 Art.4(1), 7(1), 8(1),
    # 9(1)), so they are refused and their own questions go; the certified plan and the
    # reporting duty do not depend on SME status and keep theirs.
    before = fields(section(client.get("/screen?country=JP").text, "questions"))
    form = {
        "country": "JP",
        "fact_legal_form": "company",
        "fact_main_industry": "manufacturing",
        "fact_capital": "500000000",
        "fact_regular_employees": "1000",
    }
    html = client.post("/screen", data=form).text
    after = fields(section(html, "questions"))
    for program in ("jp.sme", "jp.monozukuri.plan_certification", "jp.monozukuri.patent_fee"):
        assert 'data-status="ineligible"' in result(html, program)
    gone = {"technology_designated", "plan_states_goal", "patent_filing_date", "ic_route"}
    assert gone <= before and not gone & after
    assert (len(before), len(after)) == (
        31,
        5,
    )  # 31: 002 Art.7(2) asks whether an R&D-related guarantee is held
    assert 'data-status="undetermined"' in result(html, "jp.monozukuri.certified_plan")


@pytest.mark.parametrize(
    ("lang", "amount", "status", "earliest"),
    [
        ("en", "80,000,000 RUB", "eligible", "Feb 1, 2025"),
        ("ja", "80,000,000 RUB", "対象", "2025年2月1日"),
    ],
)
def test_components_maker_gets_the_decree_1176_subsidy(
    client: TestClient, lang: str, amount: str, status: str, earliest: str
) -> None:
    # examples/ru_components_maker.yaml: loan 100m RUB, asks for 80m RUB.
    # 003 §4: subsidy = the amount asked for, at most the loan → 80,000,000 RUB.
    # 003 §7: requirements as of no earlier than the first day of the month before the
    # application (15 March 2025) → 1 February 2025.
    response = client.post(f"/screen?lang={lang}", data=example_form("ru_components_maker"))
    assert response.status_code == 200
    card = result(response.text, "ru.pp1176")
    assert 'data-status="eligible"' in card and status in card
    assert amount in card and "003 §4" in card
    assert earliest in card  # the trace's values, as dates of the locale
    assert "003 §4(e)" in card and "pp1176_second_customer_sales" in card  # trace


def test_what_would_change_an_ineligible_answer(client: TestClient) -> None:
    html = client.post(
        "/screen",
        data=example_form("ru_components_maker", pp1176_project_completed="false"),
    ).text
    card = result(html, "ru.pp1176")
    assert 'data-status="ineligible"' in card
    change = card[card.index('class="change"') : card.index("</div>", card.index('class="change"'))]
    assert "these criteria are not met" in change
    assert "003 §4(a)" in change and "pp1176_project_completed" in change
    assert "003 §4(b)" not in change  # met criteria are not listed
    assert "80,000,000 RUB" not in card  # a refused program shows no amount


def test_what_an_official_must_judge(client: TestClient) -> None:
    # examples/jp_precision_parts.yaml: the plan's fit with the guideline, feasibility and
    # sound execution are the Minister's findings (002 Art.4(3)(i)-(iii)).
    html = client.post("/screen", data=example_form("jp_precision_parts")).text
    card = result(html, "jp.monozukuri.plan_certification")
    assert 'data-status="needs_review"' in card and "an official must judge" in card
    for citation in ("002 Art.4(3)(i)", "002 Art.4(3)(ii)", "002 Art.4(3)(iii)"):
        assert citation in card


def test_undetermined_programs_list_the_facts_still_needed(client: TestClient) -> None:
    html = client.post("/screen", data={"country": "RU", "fact_pp1176_loan_amount": "1"}).text
    card = result(html, "ru.pp1176")
    assert "these facts are still needed" in card
    assert 'href="#fact_pp1176_project_completed"' in card


@pytest.mark.parametrize("url", ["/screen", "/screen/answers"])
def test_a_bad_money_value_is_a_422_naming_the_fact(client: TestClient, url: str) -> None:
    form = example_form("ru_components_maker", pp1176_loan_amount="abc")
    response = client.post(url, data=form)
    assert response.status_code == 422
    message = "pp1176_loan_amount: expected a number, got &#39;abc&#39;"
    assert message in response.text
    answers = section(response.text, "answers")
    assert 'id="fact_pp1176_loan_amount-error"' in answers and 'value="abc"' in answers
    # the other answers still count: the FRP loan is evaluated
    assert 'data-status="eligible"' in result(response.text, "ru.frp.development")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"fact_pp1176_customers_affiliated": "maybe"}, "pp1176_customers_affiliated: expected"),
        ({"fact_frp_loan_term_months": "2.5"}, "frp_loan_term_months: expected a whole number"),
        ({"fact_pp1176_offshore_share": "1.5"}, "pp1176_offshore_share: expected at most 1"),
        ({"fact_pp1176_application_date": "2025-02-30"}, "pp1176_application_date: expected"),
        ({"fact_frp_guarantee": "uncle"}, "frp_guarantee: expected one of"),
        ({"fact_no_such_fact": "1"}, "no_such_fact: not a known RU fact"),
        ({"as_of": "yesterday"}, "as_of: expected a date"),
    ],
)
def test_bad_values_are_422_never_500(
    client: TestClient, changes: dict[str, str], message: str
) -> None:
    response = client.post("/screen", data={"country": "RU", **changes})
    assert response.status_code == 422
    assert message in response.text


def test_a_bad_country_is_a_422(client: TestClient) -> None:
    assert client.post("/screen", data={"country": "FR"}).status_code == 422
    assert client.get("/screen?country=FR").status_code == 422


def test_as_of_date_changes_what_is_in_force(client: TestClient) -> None:
    # Decree 1176 applies from 2024-01-01: on 1 June 2023 it is listed as not in force.
    form = example_form("ru_components_maker") | {"as_of": "2023-06-01"}
    html = client.post("/screen", data=form).text
    assert 'id="result-ru.pp1176"' not in html
    assert "Not in force on this date" in html and "/programs/ru.pp1176?as_of=2023-06-01" in html


def test_an_applicant_starts_from_the_enterprise_facts(client: TestClient) -> None:
    login(client, "applicant-ru")  # Sample Components LLC, examples/ru_components_maker.yaml
    html = client.get("/screen?start=enterprise").text
    assert "Sample Components LLC" in html
    assert "pp1176_loan_amount" in fields(section(html, "answers"))
    assert "80,000,000 RUB" in result(html, "ru.pp1176")


def test_starting_from_an_enterprise_needs_a_sign_in(client: TestClient) -> None:
    response = client.get("/screen?start=enterprise", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    login(client, "auditor")
    assert client.get("/screen?start=enterprise").status_code == 403
