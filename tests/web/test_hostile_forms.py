"""Hostile input through the real pages (issue 13): never a 500, the field named, the
form re-rendered in place with its values and the session intact, errors in Japanese on
Japanese pages."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from .conftest import login
from .test_pages_analysis import plan_form


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"plan-0-investment": "9" * 30}, "plan-0-investment"),
        ({"plan-0-investment": "1e30"}, "plan-0-investment"),
        ({"plan-1-payroll": "NaN"}, "plan-1-payroll"),
        ({"plan-1-payroll": "Infinity"}, "plan-1-payroll"),
        ({"plan-0-land_value": "9" * 5000}, "plan-0-land_value"),
        ({"plan-0-jobs": "99999999999999999999"}, "plan-0-jobs"),
        ({"plan-0-year": "1850"}, "plan-0-year"),
        ({"plan-0-taxable_profit": "1\x00"}, "plan-0-taxable_profit"),
        ({"rows": "-5"}, "plan"),
        ({"rows": "999999"}, None),
        ({"facts": "a: &a [x]\nb: [*a, *a]\n" * 3}, "facts"),
        ({"facts": "[" * 10000}, "facts"),
        ({"as_of": "9999-99-99"}, "as_of"),
    ],
)
def test_regions_form_never_fails(
    client: TestClient, changes: dict[str, str], field: str | None
) -> None:
    form = plan_form(client.get("/regions").text) | changes
    response = client.post("/regions", data=form)
    assert response.status_code in (200, 422), response.text[:500]
    if field is not None and response.status_code == 422:
        assert re.search(rf'id="{field}-error"', response.text), response.text[-2000:]


def test_regions_form_errors_are_japanese_on_japanese_pages(client: TestClient) -> None:
    form = plan_form(client.get("/regions?lang=ja").text) | {"plan-0-investment": "1e30"}
    response = client.post("/regions", data=form)
    assert response.status_code == 422
    error = re.search(r'id="plan-0-investment-error"[^>]*>([^<]*)<', response.text)
    assert error and "10^18ルーブル未満" in error.group(1), response.text[-1500:]


CALL = {
    "procedure": "ru.pp1176",
    "title": "Second selection 2025",
    "published_on": "2025-06-02",
    "closes_on": "2025-07-10",
    "budget_limit": "250,000,000",
    "budget_year": "2025",
}


def _open(client: TestClient, csrf: str, **changes: str) -> str:
    response = client.post("/work/calls", data={**CALL, "csrf_token": csrf, **changes})
    assert response.status_code in (409, 422), response.status_code
    return response.text


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"budget_limit": "lots"}, "budget_limit"),  # named as itself, not "amount"
        ({"budget_limit": "1e30"}, "budget_limit"),
        ({"budget_limit": "-1"}, "budget_limit"),
        ({"budget_year": ""}, "budget_year"),  # was FastAPI's "Field required" page
        ({"budget_year": "20x5"}, "budget_year"),
        ({"published_on": "2025-02-30"}, "published_on"),
        ({"closes_on": ""}, "closes_on"),
        ({"title": ""}, "title"),
        ({"published_on": "2999-06-02", "closes_on": "2999-07-10"}, "published_on"),
        ({"closes_on": "2099-01-01"}, "closes_on"),
    ],
)
def test_open_call_form_re_renders_in_place(
    client: TestClient, changes: dict[str, str], field: str
) -> None:
    csrf = login(client, "official-ru")
    html = _open(client, csrf, **changes)
    assert re.search(rf'<li id="{field}-error">', html), html[-3000:]
    assert 'href="/login"' not in html and "/account" in html  # still signed in
    kept = {**CALL, **changes}
    for name in ("title", "published_on", "closes_on", "budget_limit", "budget_year"):
        if kept[name]:
            assert f'name="{name}"' in html and f'value="{kept[name]}"' in html, name


def test_every_problem_of_the_call_at_once(client: TestClient) -> None:
    csrf = login(client, "official-ru")
    html = _open(client, csrf, title="", budget_limit="x", budget_year="1")
    assert all(f'id="{name}-error"' in html for name in ("title", "budget_limit", "budget_year"))


def test_a_409_keeps_the_fields(client: TestClient) -> None:
    csrf = login(client, "official-ru")
    # 003 §6(b): published 2 June, the window must stay open until at least 2 July
    response = client.post(
        "/work/calls", data={**CALL, "csrf_token": csrf, "closes_on": "2025-07-01"}
    )
    assert response.status_code == 409
    assert 'id="closes_on-error"' in response.text and "2025-07-02" in response.text
    assert 'value="Second selection 2025"' in response.text
    assert 'value="250,000,000"' in response.text


def test_call_errors_in_japanese(client: TestClient) -> None:
    csrf = login(client, "official-ru")
    client.get("/work?lang=ja")
    html = _open(client, csrf, budget_limit="lots", budget_year="")
    assert "予算上限" in html or "予算" in html
    error = re.search(r'<li id="budget_year-error">([^<]*)<', html)
    assert error and "年" in error.group(1) and "expected" not in error.group(1)


def test_framework_errors_in_japanese_on_the_api(client: TestClient) -> None:
    response = client.get("/api/deadlines", headers={"Accept-Language": "ja"})
    assert response.status_code == 422
    messages = [f["message"] for f in response.json()["error"]["fields"]]
    assert messages and all("Field required" not in m for m in messages)
    assert any("値が必要です" in m for m in messages)
