"""Where to build in Russia (the regional comparison) and the Kazakhstan monitoring
dashboard: the same figures as the CLI, in both languages, with localized SVG charts, and
bad plans or CSV files turned into a 422 that names the line, column or field."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from industrial_support.web.i18n import number
from industrial_support.web.pages.charts import Series, line_chart, nice_step

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def client(site_client: TestClient) -> TestClient:
    return site_client  # these pages only read: one application per module


class FormFields(HTMLParser):
    """The fields of one form as a browser would submit them (inputs and textareas)."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id, self.inside, self.textarea = form_id, False, ""
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.inside = found.get("id") == self.form_id
        elif self.inside and tag == "input" and found.get("type") not in ("checkbox", "file"):
            self.values[found["name"]] = found.get("value", "")
        elif self.inside and tag == "textarea":
            self.textarea = found["name"]
            self.values[self.textarea] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self.textarea = ""
        elif tag == "form":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.values[self.textarea] += data


def plan_form(html: str) -> dict[str, str]:
    parser = FormFields("plan-form")
    parser.feed(html)
    return parser.values


def ranking(html: str) -> list[str]:
    table = html[html.index('<table id="ranking"') :]
    return re.findall(r'data-regime="([^"]+)"', table[: table.index("</table>")])


def ranking_row(html: str, regime: str) -> str:
    start = html.index(f'data-regime="{regime}"')
    return html[start : html.index("</tr>", start)]


# --- Where to build -------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_regions_ranks_tor_dimitrovgrad_first_for_the_example_plan(
    client: TestClient, lang: str
) -> None:
    # tests/programs/ru/test_regions.py and tests/test_cli.py: 54,960,000 − 11,220,000 =
    # 43,740,000 RUB saved under TOR "Dimitrovgrad" (004 §2 col.4), evaluated as of the plan's
    # date, 15 January 2019.
    response = client.get(f"/regions?lang={lang}")
    assert response.status_code == 200
    html = response.text
    assert ranking(html)[:2] == ["ru.ulyanovsk.tor_dimitrovgrad", "ru.samara.tor_togliatti"]
    first = ranking_row(html, "ru.ulyanovsk.tor_dimitrovgrad")
    assert "43,740,000 RUB" in first and "11,220,000 RUB" in first and "54,960,000 RUB" in first
    if lang == "ja":
        assert "2019年1月15日時点の順位" in html and "ロシアでの立地選定" in html
        assert "ウリヤノフスク州：優先的社会経済発展区域（TOR）「ディミトロフグラード」" in first
    else:
        assert "Ranking as of Jan 15, 2019" in html


@pytest.mark.parametrize(
    ("lang", "title", "axis"),
    [
        ("en", "Cumulative tax saving by regime", "million RUB"),
        ("ja", "優遇制度別の累計節税額", "百万ルーブル"),
    ],
)
def test_regions_chart_is_inline_svg_with_localized_labels(
    client: TestClient, lang: str, title: str, axis: str
) -> None:
    html = client.get(f"/regions?lang={lang}").text
    chart = html[html.index('<figure class="chart" id="regions-chart"') :]
    chart = chart[: chart.index("</figure>")]
    assert re.search(
        rf'<svg [^>]*role="img"[^>]*>\s*<title id="regions-chart-title">{title}', chart
    )
    assert axis in chart
    # one line per projected regime; the last point of the first is its total, 43.74m
    assert chart.count('<g class="series') == 8
    assert "2024: 43.74" in chart


def test_year_by_year_tables(client: TestClient) -> None:
    html = client.get("/regions").text
    years = html[html.index('id="years-ru.ulyanovsk.tor_dimitrovgrad"') :]
    years = years[: years.index("</section>")]
    # Residence year 1 (2019): profit 0% of 10m instead of 20% (2,000,000 saved), no
    # property tax on 50m (1,100,000 at 2.2%), no land tax on 4m (60,000 at 1.5%), social
    # insurance 7.6% of 20m = 1,520,000 instead of 6,000,000: 7,640,000 saved in all.
    first = years[years.index("<td>2019</td>") :]
    first = first[: first.index("</tr>")]
    assert "1,520,000 RUB" in first and "7,640,000 RUB" in first
    assert "004 §2 col.4 profit tax" in years


def test_changing_the_plan_changes_the_ranking(client: TestClient) -> None:
    # Without taxable profit the profit-tax reliefs are worth nothing: TOR "Togliatti" then
    # saves 6 × (1,100,000 + 60,000 + 4,480,000) = 33,840,000 RUB and TOR "Dimitrovgrad"
    # 5 × (1,100,000 + 60,000 + 4,480,000) + (60,000 + 4,480,000) = 32,740,000 RUB.
    form = plan_form(client.get("/regions").text)
    assert form["rows"] == "6" and form["plan-0-taxable_profit"] == "10000000"
    for year in range(6):
        form[f"plan-{year}-taxable_profit"] = "0"
    response = client.post("/regions", data=form)
    assert response.status_code == 200
    assert ranking(response.text)[:2] == [
        "ru.samara.tor_togliatti",
        "ru.ulyanovsk.tor_dimitrovgrad",
    ]
    assert "33,840,000 RUB" in ranking_row(response.text, "ru.samara.tor_togliatti")
    assert "32,740,000 RUB" in ranking_row(response.text, "ru.ulyanovsk.tor_dimitrovgrad")


def test_leaving_out_regimes_that_need_review(client: TestClient) -> None:
    form = plan_form(client.get("/regions").text) | {"eligible_only": "1"}
    response = client.post("/regions", data=form)
    assert response.status_code == 200 and 'name="eligible_only" value="1" checked' in response.text


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"plan-1-investment": "abc"}, "plan-1-investment", "investment: expected a number"),
        ({"plan-0-jobs": "-3"}, "plan-0-jobs", "jobs: expected a whole number"),
        ({"plan-2-year": "21"}, "plan-2-year", "year: expected a year"),
        ({"plan-0-payroll": "-1"}, "plan-0-payroll", "payroll: expected an amount from 0"),
        ({"plan-3-year": "2030"}, "plan", "years must be consecutive"),
        ({"as_of": "soon"}, "as_of", "as_of: expected a date"),
        ({"facts": "uly_manufacturing: perhaps"}, "facts", "uly_manufacturing"),
        ({"facts": "[1, 2"}, "facts", "not valid YAML"),
    ],
)
def test_bad_plan_values_are_a_422_naming_the_field(
    client: TestClient, changes: dict[str, str], field: str, message: str
) -> None:
    form = plan_form(client.get("/regions").text) | changes
    response = client.post("/regions", data=form)
    assert response.status_code == 422
    error = re.search(rf'id="{field}-error"[^>]*>([^<]*)<', response.text)
    assert error and message in error.group(1)
    assert 'id="ranking"' not in response.text


def test_a_plan_file_can_be_uploaded(client: TestClient) -> None:
    data = (EXAMPLES / "plans" / "ru_plant_2019.yaml").read_bytes()
    response = client.post("/regions/upload", files={"plan_file": ("mine.yaml", data)})
    assert response.status_code == 200
    assert ranking(response.text)[0] == "ru.ulyanovsk.tor_dimitrovgrad"
    assert plan_form(response.text)["plan-0-investment"] == "300000000"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"plan: [1, 2", "mine.yaml: not valid YAML"),
        (b"as_of: 2019-01-15\n", "mine.yaml: expected keys"),
        (b"plan:\n- {year: 2019}\n", "mine.yaml: plan[1].investment: missing"),
        (b"\xff\xfe\x00", "plan_file: the file is not UTF-8 text"),
        (b"", "plan_file: choose a file"),
    ],
)
def test_a_bad_plan_file_is_a_422_naming_the_file(
    client: TestClient, content: bytes, message: str
) -> None:
    response = client.post("/regions/upload", files={"plan_file": ("mine.yaml", content)})
    assert response.status_code == 422
    assert message in response.text
    assert "/tmp" not in response.text  # never the server's temporary path


# --- Kazakhstan monitoring ------------------------------------------------------------------
# tests/test_monitoring.py works out the sample by hand: T1_yoy 2020 104.4 < 108.0; T1_cum 2020
# 100 × 1.089 × 1.044 = 113.6916 < 117.4; T1_cum 2021 × 1.081 = 122.9006196 < 126.2; T2_cum
# 2020 110.2 < 118.1; T5_rank 2021 71 > 70; R2_1 2020 12.9 < 13.4; R4_2 2021 19.1 < 19.5.
OFF_TRACK = {
    ("T1_yoy", 2020),
    ("T1_cum", 2020),
    ("T1_cum", 2021),
    ("T2_cum", 2020),
    ("T5_rank", 2021),
    ("R2_1", 2020),
    ("R4_2", 2021),
}


def judgements(html: str, status: str) -> set[tuple[str, int]]:
    found = set()
    for block in re.split(r'<section class="card indicator" id="indicator-', html)[1:]:
        indicator = block[: block.index('"')]
        for year in re.findall(
            rf'<tr data-judgement="{status}">\s*<td>(\d{{4}})', block[: block.index("</section>")]
        ):
            found.add((indicator, int(year)))
    return found


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_monitoring_shows_the_off_track_indicators_of_the_sample(
    client: TestClient, lang: str
) -> None:
    response = client.get(f"/monitoring?lang={lang}")
    assert response.status_code == 200
    html = response.text
    assert judgements(html, "off_track") == OFF_TRACK
    # off-track indicators come first
    order = re.findall(r'id="indicator-([^"]+)" data-status="([^"]+)"', html)
    statuses = [status for _, status in order]
    assert len(order) == 20
    assert statuses[:6] == ["off_track"] * 6 and "off_track" not in statuses[6:]
    assert {name for name, _ in order[:6]} == {
        "T1_yoy",
        "T1_cum",
        "T2_cum",
        "T5_rank",
        "R2_1",
        "R4_2",
    }
    assert "122.9006196" in html  # T1_cum 2021, chained from the year-on-year actuals
    if lang == "ja":
        assert "目標未達" in html and "製造業の実質労働生産性（前年比）" in html
        assert "T1_yoyから算出" in html
    else:
        assert "off track" in html and "derived from T1_yoy" in html
    assert "001 §4 Table 1 No.1" in html


@pytest.mark.parametrize(("lang", "legend"), [("en", "target (plan)"), ("ja", "目標（計画）")])
def test_each_indicator_has_a_localized_svg_chart(
    client: TestClient, lang: str, legend: str
) -> None:
    html = client.get(f"/monitoring?lang={lang}").text
    chart = html[html.index('<figure class="chart" id="chart-T5_rank"') :]
    chart = chart[: chart.index("</figure>")]
    # targets_2020_2025.yaml, Table 1 No.5
    name = "経済複雑性ランキング順位" if lang == "ja" else "Economic Complexity ranking"
    title = re.search(r'<title id="chart-T5_rank-title">([^<]*)</title>', chart)
    assert title and title.group(1).startswith("T5_rank: ") and name in title.group(1)
    assert legend in chart
    assert "2021: 71" in chart  # the actual rank as a point


def test_uploading_actuals_judges_them(client: TestClient) -> None:
    # Table 1 No.5: rank 70 planned for 2021 and a smaller rank is better, so 69 is on track.
    csv = b"indicator,year,value\nT5_rank,2021,69\n"
    response = client.post("/monitoring", files={"actuals": ("mine.csv", csv)})
    assert response.status_code == 200
    assert judgements(response.text, "on_track") == {("T5_rank", 2021)}
    assert judgements(response.text, "off_track") == set()
    assert "Actual values from mine.csv." in response.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"indicator,year,value\nT1_yoy,20x0,1\n", "mine.csv: line 2, column &#39;year&#39;"),
        (b"indicator,year,value\nT9,2020,1\n", "line 2, column &#39;indicator&#39;"),
        (b'indicator,year,value\nT1_yoy,2020,"108,5"\n', "line 2, column &#39;value&#39;"),
        (b"indicator,value,year\n", "line 1: expected the header"),
        (b"\xff\xfe", "actuals: the file is not UTF-8 text"),
    ],
)
def test_a_bad_csv_is_a_422_naming_line_and_column(
    client: TestClient, content: bytes, message: str
) -> None:
    response = client.post("/monitoring", files={"actuals": ("mine.csv", content)})
    assert response.status_code == 422
    assert message in response.text
    assert "/tmp" not in response.text


# --- The chart geometry ---------------------------------------------------------------------
def test_chart_lines_break_at_missing_values_and_ticks_cover_the_range() -> None:
    chart = line_chart(
        "c",
        "title",
        "description",
        ["2020", "2021", "2022"],
        [Series("a", [Decimal("1"), None, Decimal("3.5")]), Series("b", [None, Decimal(2), None])],
        "unit",
        lambda value: number(value, "ja"),
    )
    first, second = chart.lines
    assert first.path.count("M") == 2 and "L" not in first.path  # no line across the gap
    assert [point.label for point in first.points] == ["2020: 1", "2022: 3.5"]
    assert second.path == f"M{second.points[0].x},{second.points[0].y}"
    # a span of 2.5 in 5 intervals: ticks every 0.5 from 1 to 3.5
    assert [tick.label for tick in chart.y_ticks] == ["1", "1.5", "2", "2.5", "3", "3.5"]
    top, bottom = chart.y_ticks[-1].at, chart.y_ticks[0].at
    assert (top, bottom) == (chart.plot_top, chart.plot_bottom)


@pytest.mark.parametrize(
    ("span", "step"), [(43.74, 10.0), (4.5, 1.0), (0.3, 0.1), (7_144_321.5, 2_000_000.0)]
)
def test_nice_step(span: float, step: float) -> None:
    # the smallest 1-2-5 step that splits the span into at most 5 intervals
    assert nice_step(span) == pytest.approx(step)
