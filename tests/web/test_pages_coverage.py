"""The article-coverage page (/programs/coverage), in English and Japanese."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def client(site_client: TestClient) -> TestClient:
    return site_client


def row(html: str, node: str) -> str:
    start = html.index(f'data-node="{node}"')
    return html[start : html.index("</tr>", start)]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_coverage_page_in_both_languages(client: TestClient, lang: str) -> None:
    response = client.get(f"/programs/coverage?lang={lang}")
    assert response.status_code == 200
    assert set(re.findall(r'data-seed="(\d{3})"', response.text)) == {
        "000",
        "001",
        "002",
        "003",
        "004",
    }
    assert 'data-status="unaccounted"' not in response.text
    purpose = row(response.text, "002 Art.1")  # the Act's purpose: no rule by design
    if lang == "ja":
        assert "条文カバレッジ" in response.text
        assert "宣言的規定（ルールなし）" in purpose and "法律の目的" in purpose
    else:
        assert "Article coverage" in response.text
        assert "declarative (no rule)" in purpose and "purpose of the Act" in purpose


def test_one_seed_and_its_rules(client: TestClient) -> None:
    response = client.get("/programs/coverage?seed=002&lang=en")
    assert response.status_code == 200
    assert set(re.findall(r'data-seed="(\d{3})"', response.text)) == {"002"}
    # 002 Art.2(1)(vi): enterprise unions qualify by their form (jp/sme.yaml form_item)
    vi = row(response.text, "002 Art.2(1)(vi)")
    assert 'data-status="encoded"' in vi and "jp/sme.yaml: form_item" in vi
    # the company-size criterion of jp.sme cites items (i)-(v) and links to the program
    assert 'href="/programs/jp.sme"' in row(response.text, "002 Art.2(1)(iii)")


def test_unknown_seed_is_a_422_naming_the_field(client: TestClient) -> None:
    response = client.get("/programs/coverage?seed=005")
    assert response.status_code == 422
    assert "seed: expected one of 000, 001, 002, 003, 004" in response.text
