"""Monitoring of the State Program 2020–2025 targets (seed 001 §4).

Expected values are worked out by hand from Table 1 and the task tables; the arithmetic is
in the comments.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from industrial_support.monitoring import (
    TARGETS_PATH,
    Judgement,
    MonitoringError,
    Targets,
    chart,
    judge,
    load_actuals,
    load_targets,
    monitor_report,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "kz_actuals_sample.csv"
D = Decimal


@pytest.fixture(scope="module")
def targets() -> Targets:
    return load_targets()


def row(rows: list[Judgement], indicator: str, year: int) -> Judgement:
    (found,) = [r for r in rows if r.indicator == indicator and r.year == year]
    return found


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actuals.csv"
    path.write_text(text, encoding="utf-8")
    return path


# --- The data as printed ------------------------------------------------------------------------
def test_all_indicators_are_loaded_as_printed(targets: Targets) -> None:
    ids = [i.id for i in targets.indicators]
    # Table 1: five targets, three of them with a year-on-year and a cumulative row, the ECI
    # with index and rank → 9 rows; task tables: 2 + 5 + 2 + 2 = 11 result indicators.
    assert ids[:9] == [
        "T1_yoy",
        "T1_cum",
        "T2_yoy",
        "T2_cum",
        "T3_yoy",
        "T3_cum",
        "T4",
        "T5_index",
        "T5_rank",
    ]
    assert len(ids) == 20
    t1 = targets.indicator("T1_yoy")
    assert t1.printed(2020) == "108.0"  # kept with its printed decimal
    assert targets.target(t1, 2020) == D("108.0")
    assert targets.target(t1, 2019) is None  # 2019 is an estimate, not a target
    assert t1.cite == "001 §4 Table 1 No.1"
    assert targets.indicator("T5_rank").direction == "lower_is_better"


def test_printed_inconsistencies_are_kept_and_flagged(targets: Targets) -> None:
    r11 = targets.indicator("R1_1")
    assert r11.printed(2025) == "714432"  # truncated, not repaired
    assert targets.target(r11, 2025) is None
    assert "truncated_value" in r11.flags_for(2025)
    assert {f.code for f in r11.flags} >= {
        "unit_garbled",
        "header_year_typo",
        "missing_responsible_body",
    }
    assert r11.responsible == []
    r42 = targets.indicator("R4_2")
    assert r42.responsible.count("MOF") == 2  # printed twice
    assert "duplicate_body" in {f.code for f in r42.flags}
    r31 = targets.indicator("R3_1")
    assert (r31.printed(2018), r31.printed(2019), r31.printed(2020)) == (None, None, "-")
    t2 = targets.indicator("T2_cum")
    # Headline ×1.9 vs table 187.2% of 2018 = ×1.872.
    assert t2.headline is not None and t2.headline.value == D("1.9")
    table_2025 = targets.target(t2, 2025)
    assert table_2025 is not None and table_2025 / 100 == D("1.872") < t2.headline.value
    assert "headline_table_mismatch" in t2.flags_for(2025)


# Hand check of Table 1: chaining the printed year-on-year row from 2018 = 100 and rounding to
# one decimal, e.g. T1: 108.7 × 1.080 = 117.396 → 117.4 (printed 117.4); × 1.074 = 126.083 →
# 126.1 (printed 126.2). The years where the two rows disagree, worked out by hand:
DRIFT = {"T1": {2021, 2022, 2023, 2025}, "T2": {2020, 2024}, "T3": {2021, 2022, 2023, 2024, 2025}}


@pytest.mark.parametrize("name", sorted(DRIFT))
def test_year_on_year_and_cumulative_drift_is_flagged_where_it_is(
    targets: Targets, name: str
) -> None:
    yoy, cum = targets.indicator(f"{name}_yoy"), targets.indicator(f"{name}_cum")
    chained, drift = D(100), set()
    for year in range(2019, 2026):
        growth, printed = yoy.values[year], cum.values[year]
        assert isinstance(growth, Decimal) and isinstance(printed, Decimal)
        chained = chained * growth / 100
        rounded = chained.quantize(D("0.1"), rounding=ROUND_HALF_UP)
        if rounded != printed:
            drift.add(year)
            assert abs(rounded - printed) <= D("0.2")  # small drift only (T3 2024: 146.0 vs 145.8)
    assert drift == DRIFT[name]
    for indicator in (yoy, cum):
        (flag,) = [f for f in indicator.flags if f.code == "yoy_cumulative_drift"]
        assert set(flag.years) == DRIFT[name]


def test_budget_years_add_up_to_the_printed_total(targets: Targets) -> None:
    # 146,065.3 + 215,725.1 + 107,896.4 + 107,863.5 + 101,996.9 + 101,249.9 = 780,797.1 million
    assert sum(targets.financing.years.values()) == targets.financing.total == D("780797100000")


# --- Strict loading ------------------------------------------------------------------------------
def _mutated(tmp_path: Path, change: str) -> Path:
    raw = yaml.safe_load(TARGETS_PATH.read_text(encoding="utf-8"))
    first = raw["indicators"][0]
    if change == "unknown_key":
        first["colour"] = "red"
    elif change == "other_seed":
        first["cite"] = "002 Art.2(1)"
    elif change == "pair":
        first["pair"] = "T2_cum"
    elif change == "body":
        first["responsible"] = ["NOBODY"]
    path = tmp_path / "targets.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("unknown_key", "indicators.0.colour: Extra inputs are not permitted"),
        ("other_seed", "seed 001"),
        ("pair", "point back"),
        ("body", "NOBODY"),
    ],
)
def test_targets_file_is_validated_strictly(tmp_path: Path, change: str, message: str) -> None:
    with pytest.raises(MonitoringError, match=message):
        load_targets(_mutated(tmp_path, change))


def test_float_values_are_refused() -> None:
    raw = yaml.safe_load(TARGETS_PATH.read_text(encoding="utf-8"))  # plain YAML: floats
    with pytest.raises(ValidationError, match="exact number"):
        Targets.model_validate(raw)


# --- Actuals CSV ---------------------------------------------------------------------------------
def test_actuals_csv_reads_comments_notes_and_exact_decimals(
    tmp_path: Path, targets: Targets
) -> None:
    path = write(tmp_path, "# a comment\n\nindicator,year,value,note\nT1_yoy,2020,108.05,ok\n")
    assert load_actuals(path, targets) == {("T1_yoy", 2020): D("108.05")}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("indicator,year,value\nT9,2020,1\n", "line 2, column 'indicator': unknown indicator 'T9'"),
        ("indicator,year,value\nT1_yoy,20x0,1\n", "line 2, column 'year'"),
        ('indicator,year,value\nT1_yoy,2020,"108,5"\n', "line 2, column 'value'"),
        ("indicator,year,value\nT1_yoy,2020,\n", "empty cell"),
        ("indicator,year,value\nT1_yoy,2020,1e2\n", "column 'value'"),
        (
            "indicator,year,value\nT1_yoy,2020,1\nT1_yoy,2020,2\n",
            "line 3: T1_yoy 2020 is given twice",
        ),
        ("indicator,value,year\nT1_yoy,1,2020\n", "line 1: expected the header"),
        ("indicator,year,value\nT1_yoy,2020\n", "line 2: expected 3 columns"),
        ("# only a comment\n", "empty file"),
    ],
)
def test_bad_actuals_name_the_line_and_column(
    tmp_path: Path, targets: Targets, text: str, message: str
) -> None:
    with pytest.raises(MonitoringError, match=message):
        load_actuals(write(tmp_path, text), targets)


# --- Judging (hand-computed) ---------------------------------------------------------------------
def test_meeting_a_year_on_year_target_exactly_is_on_track(targets: Targets) -> None:
    rows = judge(targets, {("T1_yoy", 2020): D("108.0"), ("T1_yoy", 2021): D("107.3")})
    assert row(rows, "T1_yoy", 2020).status == "on_track"  # 108.0 ≥ 108.0
    assert row(rows, "T1_yoy", 2021).status == "off_track"  # 107.3 < 107.4
    assert row(rows, "T1_yoy", 2022).status == "no_actual"


@pytest.mark.parametrize(
    ("rank", "status"), [(69, "on_track"), (70, "on_track"), (71, "off_track")]
)
def test_lower_is_better_for_the_complexity_rank(targets: Targets, rank: int, status: str) -> None:
    # Table 1 No.5: rank 70 planned for 2021; a smaller rank number is better.
    rows = judge(targets, {("T5_rank", 2021): D(rank)})
    assert row(rows, "T5_rank", 2021).status == status


def test_cumulative_target_judged_from_year_on_year_actuals(targets: Targets) -> None:
    # Actual growth exactly as planned each year still misses the printed cumulative target:
    # 100 × 1.087 × 1.080 = 117.396 < 117.4 (2020); × 1.074 = 126.083304 < 126.2 (2021).
    actuals = {
        ("T1_yoy", 2019): D("108.7"),
        ("T1_yoy", 2020): D("108.0"),
        ("T1_yoy", 2021): D("107.4"),
    }
    rows = judge(targets, actuals)
    r2020, r2021 = row(rows, "T1_cum", 2020), row(rows, "T1_cum", 2021)
    assert (r2020.actual, r2020.status, r2020.derived_from) == (D("117.396"), "off_track", "T1_yoy")
    assert (r2021.actual, r2021.status) == (D("126.083304"), "off_track")
    assert r2021.flags == ("yoy_cumulative_drift",)
    # while each year-on-year target is met exactly:
    assert row(rows, "T1_yoy", 2020).status == row(rows, "T1_yoy", 2021).status == "on_track"


def test_cumulative_chain_needs_every_year_from_the_base(targets: Targets) -> None:
    # 2019 growth slightly higher: 100 × 1.088 × 1.080 = 117.504 ≥ 117.4.
    rows = judge(targets, {("T1_yoy", 2019): D("108.8"), ("T1_yoy", 2020): D("108.0")})
    assert (row(rows, "T1_cum", 2020).actual, row(rows, "T1_cum", 2020).status) == (
        D("117.504"),
        "on_track",
    )
    # Without the 2019 actual there is no cumulative value for 2020.
    rows = judge(targets, {("T1_yoy", 2020): D("108.0")})
    assert row(rows, "T1_cum", 2020).status == "no_actual"


def test_reported_cumulative_value_continues_the_chain(targets: Targets) -> None:
    # 117.5 reported for 2020, growth 107.4% in 2021: 117.5 × 1.074 = 126.195 < 126.2.
    rows = judge(targets, {("T1_cum", 2020): D("117.5"), ("T1_yoy", 2021): D("107.4")})
    assert row(rows, "T1_cum", 2020).derived_from is None
    assert (row(rows, "T1_cum", 2021).actual, row(rows, "T1_cum", 2021).status) == (
        D("126.195"),
        "off_track",
    )


def test_year_on_year_target_judged_from_cumulative_actuals(targets: Targets) -> None:
    # T2 cumulative actuals 108.0 (2019), 110.0 (2020), 120.0 (2021), % of 2018:
    #   2020 yoy = 110.0 / 108.0 × 100 = 101.85185185185… → 101.8518518519 (10 places) < 109.4
    #   2021 yoy = 120.0 / 110.0 × 100 = 109.09090909090… → 109.0909090909 < 109.7
    actuals = {
        ("T2_cum", 2019): D("108.0"),
        ("T2_cum", 2020): D("110.0"),
        ("T2_cum", 2021): D("120.0"),
    }
    rows = judge(targets, actuals)
    r2020, r2021 = row(rows, "T2_yoy", 2020), row(rows, "T2_yoy", 2021)
    assert (r2020.actual, r2020.status, r2020.derived_from) == (
        D("101.8518518519"),
        "off_track",
        "T2_cum",
    )
    assert (r2021.actual, r2021.status) == (D("109.0909090909"), "off_track")
    # Without the previous year's cumulative value there is no year-on-year figure.
    assert row(judge(targets, {("T2_cum", 2021): D("120.0")}), "T2_yoy", 2021).status == "no_actual"


def test_a_reported_value_wins_over_a_derived_one(targets: Targets) -> None:
    rows = judge(targets, {("T2_cum", 2020): D("110.0"), ("T2_yoy", 2020): D("109.4")})
    assert (row(rows, "T2_yoy", 2020).actual, row(rows, "T2_yoy", 2020).derived_from) == (
        D("109.4"),
        None,
    )


def test_unusable_printed_cells_and_baseline_years_are_not_judged(targets: Targets) -> None:
    rows = judge(
        targets,
        {("R1_1", 2025): D("7144321.5"), ("T1_yoy", 2019): D("108.9"), ("R3_1", 2020): D(1)},
    )
    truncated = row(rows, "R1_1", 2025)
    assert (truncated.status, truncated.target, truncated.printed) == ("no_target", None, "714432")
    assert row(rows, "T1_yoy", 2019).status == "no_target"  # 2019 is an estimate
    assert (row(rows, "R3_1", 2020).status, row(rows, "R3_1", 2020).printed) == ("no_target", "-")


@pytest.mark.parametrize(("value", "status"), [("13.4", "on_track"), ("13.3", "off_track")])
def test_result_indicator_level_boundary(targets: Targets, value: str, status: str) -> None:
    # Task 2 No.1: high/medium-tech exports, USD 13.4bn planned for 2020.
    assert row(judge(targets, {("R2_1", 2020): D(value)}), "R2_1", 2020).status == status


# --- Charts and the report -----------------------------------------------------------------------
@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<svg")])
def test_chart_file_is_written(tmp_path: Path, targets: Targets, suffix: str, magic: bytes) -> None:
    out = chart(targets, {("T1_yoy", 2020): D("104.4")}, "T1_cum", tmp_path / f"c{suffix}")
    data = out.read_bytes()
    assert len(data) > 1000 and magic in data[:400]


def test_chart_refuses_other_formats(tmp_path: Path, targets: Targets) -> None:
    with pytest.raises(MonitoringError, match=r"\.png or \.svg"):
        chart(targets, {}, "T1_cum", tmp_path / "c.jpg")


def test_monitor_report_on_the_sample(tmp_path: Path) -> None:
    report = monitor_report(SAMPLE, tmp_path / "charts", chart_format="svg")
    # Sample (illustrative) values against the plan, by hand:
    #   T1_yoy 2020 104.4 < 108.0; T1_cum 2020 100 × 1.089 × 1.044 = 113.6916 < 117.4;
    #   T1_cum 2021 113.6916 × 1.081 = 122.9006196 < 126.2; T2_cum 2020 110.2 < 118.1;
    #   T5_rank 2021 71 > 70; R2_1 2020 12.9 < 13.4; R4_2 2021 19.1 < 19.5.
    assert {(r.indicator, r.year) for r in report.off_track} == {
        ("T1_yoy", 2020),
        ("T1_cum", 2020),
        ("T1_cum", 2021),
        ("T2_cum", 2020),
        ("T5_rank", 2021),
        ("R2_1", 2020),
        ("R4_2", 2021),
    }
    assert row(report.rows, "T1_cum", 2021).actual == D("122.9006196")
    assert len(report.charts) == 8 and all(p.stat().st_size > 0 for p in report.charts)
    assert "T5_rank 2021 off_track" in report.to_text()
    assert report.as_dict()["off_track"][0]["indicator"] == "T1_yoy"
