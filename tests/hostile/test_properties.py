"""Property: a case file or a register row built from the fact catalog, then corrupted at
random (wrong types, junk text, huge or non-finite numbers, impossible dates, misspelt
names, nesting), gives a result or a clean error naming a field, never an exception."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from industrial_support.batch.screen import compile_screen, screen_chunk
from industrial_support.engine.cases import load_case
from industrial_support.engine.errors import IsupportError
from industrial_support.engine.facts import FactSpec, catalog
from industrial_support.engine.program import all_programs

all_programs()
COUNTRIES = ("JP", "RU", "KZ")
SPECS = {code: catalog(code).specs() for code in COUNTRIES}
AS_OF = dt.date(2025, 6, 1)


def _valid(spec: FactSpec) -> st.SearchStrategy[Any]:
    match spec.kind:
        case "money" | "decimal" | "integer":
            low = int(spec.minimum) if spec.minimum is not None else -(10**6)
            high = int(spec.maximum) if spec.maximum is not None else 10**12
            return st.integers(low, max(low, high))
        case "boolean":
            return st.booleans()
        case "enum":
            return st.sampled_from(spec.values)
        case "date":
            return st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(dt.date.isoformat)
        case _:
            return st.text(max_size=20)


JUNK = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            ".nan",
            "NaN",
            "inf",
            "-Infinity",
            "1e30",
            "9" * 400,
            "2026-02-30",
            "0000-00-00",
            "9999-12-31",
            "",
            " ",
            "\ud800",
            "true",
            "[1, 2]",
        ]
    ),
    st.integers(-(2**80), 2**80),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
)


@st.composite
def corrupted_case(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    code = draw(st.sampled_from(COUNTRIES))
    chosen = draw(
        st.lists(st.sampled_from(SPECS[code]), min_size=1, max_size=8, unique_by=lambda s: s.name)
    )
    facts: dict[Any, Any] = {}
    for spec in chosen:
        value = draw(_valid(spec))
        name: Any = spec.name
        corruption = draw(st.integers(0, 4))
        if corruption == 1:
            value = draw(JUNK)
        elif corruption == 2:
            name = name[:-1] + draw(st.sampled_from("xz_"))  # a typo
        facts[name] = value
    case: dict[str, Any] = {"jurisdiction": code, "facts": facts}
    if draw(st.booleans()):
        case["facts_as_of"] = draw(JUNK)
    if draw(st.integers(0, 5)) == 0:
        case[draw(st.sampled_from(["jurisdiction", "facts", "id", "extra"]))] = draw(JUNK)
    return draw(st.sampled_from(["yaml", "json"])), case


def _write(path: Path, fmt: str, case: dict[str, Any]) -> None:
    if fmt == "json":
        path.write_text(
            json.dumps(case, default=str, allow_nan=True), encoding="utf-8", errors="surrogatepass"
        )
    else:
        path.write_text(
            yaml.safe_dump(case, allow_unicode=True), encoding="utf-8", errors="surrogatepass"
        )


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(corrupted_case())
def test_a_corrupted_case_file_is_a_result_or_a_clean_error(
    tmp_path: Path, drawn: tuple[str, dict[str, Any]]
) -> None:
    fmt, case = drawn
    path = tmp_path / f"case.{fmt}"
    try:
        _write(path, fmt, case)
    except (yaml.YAMLError, ValueError):
        return  # not writable as a file at all
    try:
        loaded = load_case(path)
    except IsupportError as error:
        assert error.problems and all(p.field for p in error.problems)
        return
    assert loaded.jurisdiction in COUNTRIES


@st.composite
def corrupted_rows(draw: st.DrawFn) -> pl.DataFrame:
    code = draw(st.sampled_from(COUNTRIES))
    specs = draw(
        st.lists(st.sampled_from(SPECS[code]), min_size=1, max_size=6, unique_by=lambda s: s.name)
    )
    rows = draw(st.integers(1, 6))
    columns: dict[str, list[str | None]] = {
        "enterprise_id": [f"e{i}" for i in range(rows)],
        "jurisdiction": [draw(st.sampled_from([code, code, "FR", None])) for _ in range(rows)],
    }
    for spec in specs:
        cells: list[str | None] = []
        for _ in range(rows):
            if draw(st.integers(0, 2)) == 0:
                raw = draw(JUNK)
                cells.append(None if raw is None else str(raw).encode("utf-8", "replace").decode())
            else:
                cells.append(str(draw(_valid(spec))).lower())
        columns[spec.name] = cells
    return pl.DataFrame(columns, schema={name: pl.String for name in columns})


@settings(max_examples=80, deadline=None)
@given(corrupted_rows())
def test_corrupted_register_rows_are_results_or_rejects(chunk: pl.DataFrame) -> None:
    screened = screen_chunk(chunk, compile_screen(AS_OF))
    results = sum(t.num_rows for name, t in screened.tables.items() if name != "rejects")
    rejects = screened.tables["rejects"]
    assert results + rejects.num_rows == chunk.height  # every row accounted for
    assert all(reason for reason in rejects["reason"].to_pylist())
    assert Decimal(screened.counts.rows) == chunk.height
