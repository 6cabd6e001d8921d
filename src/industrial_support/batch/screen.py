"""The per-chunk function of ``isupport batch``.

:func:`screen_chunk` validates and evaluates one chunk of raw register rows and returns every
table of the output layout for it. The local runner calls it on each chunk it reads; the Ray
Data path calls it on each Arrow batch on the cluster's workers. Both compile the rules with
:func:`compile_screen` — the same programs, as of the same date — once per process."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import polars as pl
import pyarrow as pa

from ..engine.calendars import JURISDICTIONS
from ..engine.evaluate import RuleSet
from ..engine.facts import FactSpec
from ..engine.outcomes import STATUS_ORDER
from ..engine.program import all_programs
from .layout import (
    REJECT_SCHEMA,
    REJECTS,
    ProgramColumns,
    empty,
    program_columns,
    results_schema,
)
from .validate import ENTERPRISE, JURISDICTION, reject_frame, split_valid

# Rows per chunk: 10,000,000 rows streamed at ~1.2 GB peak and 1,000,000 in 4.0-4.4 s
# (100,000: 1.1-1.5 GB, 4.2-4.9 s; 50,000: 0.7 GB, 4.6-5.0 s), bench/README.md.
CHUNK_ROWS = 200_000


@dataclass(frozen=True)
class Country:
    rules: RuleSet
    facts: tuple[FactSpec, ...]  # those its programs read: validated and passed on
    programs: list[ProgramColumns]
    schema: pa.Schema

    @property
    def outputs(self) -> list[str]:
        return [c for p in self.programs for c in p.columns]

    @property
    def statuses(self) -> list[str]:
        return [p.status for p in self.programs]


@dataclass(frozen=True)
class Screen:
    """Every country's rules compiled as of one date, and the output layout they fill."""

    as_of: dt.date
    missing: bool
    countries: dict[str, Country]

    @property
    def inputs(self) -> list[str]:
        """The register columns read: anything else cannot change an outcome."""
        facts = sorted({f.name for c in self.countries.values() for f in c.facts})
        return [ENTERPRISE, JURISDICTION, *facts]

    @property
    def schemas(self) -> dict[str, pa.Schema]:
        return {**{j: c.schema for j, c in self.countries.items()}, REJECTS: REJECT_SCHEMA}

    @property
    def programs(self) -> list[ProgramColumns]:
        return [p for c in self.countries.values() for p in c.programs]


@cache
def compile_screen(as_of: dt.date, missing: bool = False) -> Screen:
    """Compiled once per process and date: compiling every program takes ~0.1 s."""
    programs = all_programs()
    countries = {}
    for jurisdiction in JURISDICTIONS:
        rules = RuleSet([p for p in programs if p.jurisdiction == jurisdiction], as_of)
        needed = set(rules.facts_needed())
        columns = program_columns(rules, missing)
        countries[jurisdiction] = Country(
            rules,
            tuple(spec for spec in rules.catalog.specs() if spec.name in needed),
            columns,
            results_schema(columns),
        )
    return Screen(as_of, missing, countries)


@dataclass
class Counts:
    rows: int = 0
    rejected: int = 0
    results: int = 0  # program results: screened enterprises × their country's programs
    by_status: dict[str, int] = field(default_factory=dict)
    # rows screened per Ray node (empty on the local runner); where the work ran, not what
    # it found, so two runs with the same results are equal whatever their nodes
    by_node: dict[str, int] = field(default_factory=dict, compare=False)

    def add(self, other: Counts) -> None:
        self.rows += other.rows
        self.rejected += other.rejected
        self.results += other.results
        self.by_status = dict(Counter(self.by_status) + Counter(other.by_status))
        self.by_node = dict(Counter(self.by_node) + Counter(other.by_node))


@dataclass(frozen=True)
class Screened:
    tables: dict[str, pa.Table]  # every table of the layout, empty where the chunk had none
    counts: Counts


def screen_chunk(chunk: pl.DataFrame, screen: Screen) -> Screened:
    """Validate and evaluate one chunk of raw rows; one bad row never stops the others."""
    counts = Counts(rows=chunk.height)
    codes = chunk[JURISDICTION].cast(pl.String)
    rejects = []
    unknown = ~codes.is_in(list(screen.countries)).fill_null(False)
    if unknown.any():
        rejects.append(
            reject_frame(
                chunk.filter(unknown)[ENTERPRISE],
                codes.filter(unknown),
                f"jurisdiction: expected one of {', '.join(screen.countries)}",
            )
        )
    tables = {}
    statuses = np.zeros(len(STATUS_ORDER), dtype=np.int64)
    for code, country in screen.countries.items():
        mine = codes == code
        count = int(mine.sum())
        if not count:
            tables[code] = empty(country.schema)
            continue
        part = chunk.select(n for n in (ENTERPRISE, *(f.name for f in country.facts)) if n in chunk)
        results, bad = _screen_country(
            part if count == chunk.height else part.filter(mine), code, country, screen.missing
        )
        rejects.append(bad)
        tables[code] = _conform(results.to_arrow(), country.schema)
        counts.results += results.height * len(country.programs)
        if country.programs:
            seen = results.select(pl.col(country.statuses).to_physical()).to_numpy()
            statuses += np.bincount(seen.ravel(), minlength=len(STATUS_ORDER))
    rejected = (
        pl.concat(rejects) if rejects else reject_frame(pl.Series([], dtype=pl.String), "", "")
    )
    tables[REJECTS] = _conform(rejected.to_arrow(), REJECT_SCHEMA)
    counts.rejected = rejected.height
    counts.by_status = {s.value: int(n) for s, n in zip(STATUS_ORDER, statuses, strict=True) if n}
    return Screened(tables, counts)


def _screen_country(
    part: pl.DataFrame, code: str, country: Country, missing: bool
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(results of the valid rows, rejects) for one country's rows."""
    valid, rejects = split_valid(part, country.facts, code)
    results = country.rules.evaluate(
        valid, keep=[ENTERPRISE], missing=missing, columns=country.outputs
    )
    return results, rejects


def _conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """The table under the layout's schema (with its metadata); zero-copy where types agree."""
    if table.column_names == schema.names and table.schema.types == schema.types:
        return pa.Table.from_arrays(table.columns, schema=schema)
    return table.select(schema.names).cast(schema)
