"""The program catalogue and the program pages: filters, in-force marking, parameters as of
a date. Expected program lists are read off the registry by hand (ids and kinds in the
program modules, sectors as set from the seeds)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def client(site_client: TestClient) -> TestClient:
    return site_client  # these pages only read: one application per module


def listed(html: str) -> set[str]:
    return set(re.findall(r'data-program="([^"]+)"', html))


def parameter_row(html: str, name: str) -> str:
    start = html.index(f'data-parameter="{name}"')
    return html[start : html.index("</tr>", start)]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_catalogue_renders_in_both_languages(client: TestClient, lang: str) -> None:
    response = client.get(f"/programs?lang={lang}")
    assert response.status_code == 200
    assert len(listed(response.text)) == 75  # every registered program
    if lang == "ja":
        assert "制度カタログ" in response.text and "支援の種類" in response.text
        assert "工業発展基金融資返済のための補助金" in response.text  # ru.pp1176's title
    else:
        assert "Kind of support" in response.text


def test_country_and_kind_filter(client: TestClient) -> None:
    # RU subsidies: the five automaker subsidies of 004 §4 and Decree 1176.
    html = client.get("/programs?country=RU&kind=subsidy").text
    assert listed(html) == {
        "ru.auto.autonomous",
        "ru.auto.electricity",
        "ru.auto.employment_retention",
        "ru.auto.euro_standards",
        "ru.auto.rnd",
        "ru.pp1176",
    }
    assert "6 of 75 programs" in html
    # KZ loans: Art.30 financing, Art.32 lending, and four State Program 2020-2025 loans
    # (the revolving reuse of leasing funds, 001 §5.1.2(3), among them).
    assert listed(client.get("/programs?country=KZ&kind=loan").text) == {
        "kz.measure.financing",
        "kz.measure.lending",
        "kz.program2025.dbk_loan",
        "kz.program2025.modernisation_leasing",
        "kz.program2025.revolving_leasing_funds",
        "kz.program2025.vehicle_leasing",
    }


def test_industry_filter_finds_the_sector_its_wider_sector_and_any_industry(
    client: TestClient,
) -> None:
    # A component maker in Russia: Decree 1176 (components), the manufacturing programs
    # (FRP x2, SPIC, SEZ Togliatti, SEZ Ulyanovsk, TOR Dimitrovgrad) and the five regional
    # regimes open to any industry — not the automakers' subsidies.
    html = client.get("/programs?country=RU&industry=components").text
    assert listed(html) == {
        "ru.pp1176",
        "ru.frp.development",
        "ru.frp.leasing",
        "ru.spic",
        "ru.samara.sez_togliatti",
        "ru.ulyanovsk.sez",
        "ru.ulyanovsk.tor_dimitrovgrad",
        "ru.samara.investment_relief",
        "ru.samara.monotown_chapaevsk",
        "ru.samara.tor_togliatti",
        "ru.ulyanovsk.priority_project",
        "ru.ulyanovsk.special_significance",
    }
    # Technology start-ups in Kazakhstan: the two QazTech Ventures instruments (001 §5.1.4,
    # §5.1.5), the software producers' register route (000 Art.51-2) and the five KZ programs
    # open to any industry.
    assert listed(client.get("/programs?country=KZ&industry=technology").text) == {
        "kz.program2025.qtv_venture",
        "kz.program2025.qtv_innovation",
        "kz.quasi_public_entity",
        "kz.nwf_group",
        "kz.large_customer",
        "kz.producers_register.software",
        "kz.contract.offset",
        "kz.contract.icv_programme",
    }


def test_text_search_and_in_force_filter(client: TestClient) -> None:
    assert listed(client.get("/programs?q=dimitrovgrad").text) == {"ru.ulyanovsk.tor_dimitrovgrad"}
    assert listed(client.get("/programs?q=1176").text) == {"ru.pp1176"}
    # 51 KZ programs; on 2 June 2025 the seven that start on 2025-07-19 (Law No. 188-VIII,
    # +60 days: Arts.1(25), 46(2), 47-1, 48-1, 61-1) or 2026-01-01 (Law No. 215-VIII: 000
    # Arts.29(13-1), 42-1, 42-2) are not yet in force; offset (base law) and offtake (107-VIII,
    # 2025-01-01) are.
    html = client.get("/programs?country=KZ&as_of=2025-06-02&in_force=1").text
    assert len(listed(html)) == 44
    assert "kz.sic.contract" not in listed(html)
    assert "kz.sic.contract" in listed(client.get("/programs?country=KZ&as_of=2026-01-01").text)


def test_in_force_marking_follows_the_date(client: TestClient) -> None:
    # Decree 1176 applies from 2024-01-01 (its item 2).
    row = re.compile(r'data-program="ru.pp1176".*?</tr>', re.S)
    before = row.search(client.get("/programs?country=RU&as_of=2023-12-31").text)
    after = row.search(client.get("/programs?country=RU&as_of=2024-01-01").text)
    assert before and "not in force" in before.group(0)
    assert after and "not in force" not in after.group(0) and "in force" in after.group(0)


@pytest.mark.parametrize(
    ("query", "field"),
    [("country=XX", "country"), ("kind=gift", "kind"), ("industry=fishing", "industry")],
)
def test_bad_filter_values_are_a_422_naming_the_field(
    client: TestClient, query: str, field: str
) -> None:
    response = client.get(f"/programs?{query}")
    assert response.status_code == 422
    assert f"{field}: expected one of" in response.text


def test_bad_date_is_a_422(client: TestClient) -> None:
    response = client.get("/programs/ru.pp1176?as_of=2025-02-30")
    assert response.status_code == 422 and "as_of: expected a date" in response.text


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_program_page_shows_criteria_values_and_citations(client: TestClient, lang: str) -> None:
    response = client.get(f"/programs/ru.pp1176?as_of=2025-06-02&lang={lang}")
    assert response.status_code == 200
    html = response.text
    assert "003 §4(e)" in html and "003 §16" in html  # a criterion's and a value's citation
    assert 'href="/screen?country=RU' in html
    if lang == "ja":
        assert "互いに関連会社関係にない2社以上の発注者" in html  # criterion 003 §4(e), ja
        assert "2025年6月2日時点で施行中です。" in html
    else:
        assert "Project products went to two customers not affiliated" in html
        assert "In force on Jun 2, 2025." in html
    # 003 §7(e): offshore-registered holders at most 50% — read by the rules on this date.
    assert "0.5" in parameter_row(html, "offshore_share_max")


def test_program_page_parameters_differ_between_dates(client: TestClient) -> None:
    # Samara's investment relief: profit tax 16.5% in 2017-2020, 15.5% from 2021
    # (004 §3 col.1 profit tax; parameter relief_profit_rate of samara.yaml).
    url = "/programs/ru.samara.investment_relief?as_of="
    in_2019 = parameter_row(client.get(url + "2019-06-01").text, "relief_profit_rate")
    in_2022 = parameter_row(client.get(url + "2022-06-01").text, "relief_profit_rate")
    assert "0.165" in in_2019 and "0.155" not in in_2019
    assert "0.155" in in_2022 and "0.165" not in in_2022
    assert "004 §3 col.1 profit tax" in in_2022
    # The land measure reads what it grants: land and subsoil-use rights while Art.68
    # suspended Art.36 (to 29 June 2023), land only afterwards (000 Art.36).
    url = "/programs/kz.measure.land?as_of="
    suspended = parameter_row(client.get(url + "2022-06-01").text, "land_grant_form")
    current = parameter_row(client.get(url + "2025-06-02").text, "land_grant_form")
    assert "subsoil_use_right_solid_minerals" in suspended and "000 Art.68(2)(2)" in suspended
    assert "subsoil_use_right" not in current and "000 Art.36" in current


def test_program_not_in_force_or_unavailable_says_so(client: TestClient) -> None:
    html = client.get("/programs/ru.pp1176?as_of=2023-06-01").text
    assert "Not in force on Jun 1, 2023." in html
    # The NBK base rate file covers only three periods of 2023, so on 2 June 2025 the
    # refund (000 Art.27(4)) cannot be worked out.
    html = client.get("/programs/kz.cross_obligation_refund?as_of=2025-06-02&lang=ja").text
    assert "2025年6月2日時点では評価できません：" in html and "nbk_base_rate" in html


def test_unknown_program_is_a_404(client: TestClient) -> None:
    response = client.get("/programs/ru.nothing")
    assert response.status_code == 404 and "ru.nothing" in response.text
