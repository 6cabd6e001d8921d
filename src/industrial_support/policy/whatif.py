"""``isupport whatif``: the law and a reform over the same register rows, in one pass.

Each chunk of the register is read once and screened twice by the batch's own per-chunk
function (:func:`..batch.screen.screen_chunk`): once with the law's rules, once with the
reformed ones — only for countries the reform touches; the others' results are the same on
both sides by construction. Per program the run counts statuses on each side and the
transitions between them, totals the key amount of eligible results (exact decimals) by
country and by the register's ``region`` / ``industry`` / ``size_class`` columns where it has
them, and lists every enterprise whose outcome changed with the criteria that changed it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import polars as pl

from ..batch.layout import program_columns, results_schema
from ..batch.run import by_jurisdiction, input_columns, read_parts
from ..batch.screen import CHUNK_ROWS, Country, Screen, compile_screen, screen_chunk
from ..batch.validate import ENTERPRISE, JURISDICTION, split_valid
from ..engine.calendars import JURISDICTIONS
from ..engine.errors import IsupportError
from ..engine.evaluate import RuleSet, column
from ..engine.outcomes import Outcome
from ..engine.program import all_programs
from ..engine.reform import Reform

# Register columns that are not facts but say where an enterprise belongs, for the totals.
DIMENSIONS = ("region", "industry", "size_class")
BASE, REFORM = "law", "reform"
UNSTATED = "(not stated)"


def reformed_screen(as_of: dt.date, reform: Reform, missing: bool = False) -> Screen:
    """The batch's :class:`Screen` with the reformed programs of the countries the reform
    touches (as :func:`compile_screen` builds it for the law)."""
    law = compile_screen(as_of, missing)
    programs = reform.apply_all(all_programs())
    touched = {p.jurisdiction for p in programs if p.id in reform.program_ids}
    countries: dict[str, Country] = {}
    for jurisdiction in JURISDICTIONS:
        if jurisdiction not in touched:
            continue
        rules = RuleSet([p for p in programs if p.jurisdiction == jurisdiction], as_of)
        needed = set(rules.facts_needed())
        columns = program_columns(rules, missing)
        countries[jurisdiction] = Country(
            rules,
            tuple(spec for spec in rules.catalog.specs() if spec.name in needed),
            columns,
            results_schema(columns),
        )
    return Screen(law.as_of, missing, countries)


@dataclass
class ProgramImpact:
    jurisdiction: str
    program: str
    currency: str | None
    hashes: dict[str, str]  # side → rules hash (batch.layout.parameter_version)
    transitions: Counter[tuple[str, str]] = field(default_factory=Counter)
    totals: dict[str, dict[tuple[str, str], Decimal]] = field(default_factory=dict)

    def counts(self, side: str) -> dict[str, int]:
        index = 0 if side == BASE else 1
        found: Counter[str] = Counter()
        for pair, n in self.transitions.items():
            found[pair[index]] += n
        return dict(sorted(found.items()))

    def add_total(self, side: str, dimension: str, key: str, amount: Decimal) -> None:
        per = self.totals.setdefault(dimension, {})
        per[(side, key)] = per.get((side, key), Decimal(0)) + amount


@dataclass
class WhatIf:
    as_of: dt.date
    reform: Reform
    rows: int = 0
    impacts: dict[str, ProgramImpact] = field(default_factory=dict)
    changed: list[pl.DataFrame] = field(default_factory=list)

    def changed_frame(self) -> pl.DataFrame:
        return pl.concat(self.changed) if self.changed else _empty_changed()


def _empty_changed() -> pl.DataFrame:
    return pl.DataFrame(
        schema={
            ENTERPRISE: pl.String,
            "program": pl.String,
            f"{BASE}_status": pl.String,
            f"{REFORM}_status": pl.String,
            f"{BASE}_amount": pl.Decimal(38, 10),
            f"{REFORM}_amount": pl.Decimal(38, 10),
            "criteria_changed": pl.List(pl.String),
        }
    )


def run_whatif(
    source: Path,
    as_of: dt.date,
    reform: Reform,
    *,
    chunk_rows: int = CHUNK_ROWS,
) -> WhatIf:
    if chunk_rows < 1:
        raise IsupportError("chunk-rows: expected 1 or more")
    law = compile_screen(as_of)
    proposed = reformed_screen(as_of, reform)
    names = input_columns(source)
    dimensions = [d for d in DIMENSIONS if d in names]
    columns = {
        code: [
            n
            for n in (ENTERPRISE, JURISDICTION, *dimensions, *(f.name for f in country.facts))
            if n in names
        ]
        for code, country in law.countries.items()
    }
    for code, country in proposed.countries.items():  # a reform may read other facts
        columns[code] = list(
            dict.fromkeys([*columns[code], *(f.name for f in country.facts if f.name in names)])
        )
    result = WhatIf(as_of, reform)
    for code, country in law.countries.items():
        reformed = proposed.countries.get(code, country)
        for base, new in zip(country.programs, reformed.programs, strict=True):
            result.impacts[base.program] = ProgramImpact(
                code, base.program, base.currency, {BASE: base.parameters, REFORM: new.parameters}
            )
    for chunk in by_jurisdiction(read_parts(source, chunk_rows, columns), chunk_rows):
        result.rows += chunk.height
        _compare_chunk(chunk, law, proposed, dimensions, result)
    return result


def _compare_chunk(
    chunk: pl.DataFrame, law: Screen, proposed: Screen, dimensions: list[str], result: WhatIf
) -> None:
    base = screen_chunk(chunk, law)
    new = screen_chunk(chunk, proposed) if proposed.countries else base
    for code, country in law.countries.items():
        left = pl.from_arrow(base.tables[code])
        assert isinstance(left, pl.DataFrame)
        if not left.height:
            continue
        reformed = proposed.countries.get(code)
        right_raw = pl.from_arrow(new.tables[code]) if reformed is not None else left
        assert isinstance(right_raw, pl.DataFrame)
        where = chunk.select(
            ENTERPRISE, *(pl.col(d).cast(pl.String) for d in dimensions if d in chunk.columns)
        ).unique(ENTERPRISE, keep="first")
        sides = left.join(
            right_raw.rename(lambda n: n if n == ENTERPRISE else f"{REFORM}|{n}"),
            on=ENTERPRISE,
            how="left",
        ).join(where, on=ENTERPRISE, how="left")
        changed_here = []
        for p in country.programs:
            impact = result.impacts[p.program]
            status, new_status = pl.col(p.status).cast(pl.String), pl.col(f"{REFORM}|{p.status}")
            frame = sides.with_columns(
                status.alias("b_status"),
                new_status.cast(pl.String).alias("r_status"),
                (pl.col(p.amount) if p.amount else pl.lit(None, pl.Decimal(38, 10))).alias("b_amt"),
                (
                    pl.col(f"{REFORM}|{p.amount}") if p.amount else pl.lit(None, pl.Decimal(38, 10))
                ).alias("r_amt"),
            )
            for row in frame.group_by("b_status", "r_status").len().iter_rows():
                impact.transitions[(row[0], row[1])] += row[2]
            if p.amount:
                _add_totals(frame, impact, dimensions, code)
            moved = frame.filter(
                (pl.col("b_status") != pl.col("r_status"))
                | pl.col("b_amt").ne_missing(pl.col("r_amt"))
            )
            if moved.height:
                changed_here.append((p.program, moved))
        if changed_here and reformed is not None:
            result.changed.append(_why(chunk, code, country, reformed, changed_here))


def _add_totals(
    frame: pl.DataFrame, impact: ProgramImpact, dimensions: list[str], code: str
) -> None:
    for side, status, amount in ((BASE, "b_status", "b_amt"), (REFORM, "r_status", "r_amt")):
        granted = frame.filter(pl.col(status) == "eligible")
        impact.add_total(side, "country", code, _sum(granted[amount]))
        for dimension in dimensions:
            sums = granted.group_by(pl.col(dimension).fill_null(UNSTATED)).agg(pl.col(amount).sum())
            for key, amount_sum in sums.iter_rows():
                impact.add_total(side, dimension, key, Decimal(amount_sum or 0))


def _sum(series: pl.Series) -> Decimal:
    total = series.sum()
    return Decimal(total) if total is not None else Decimal(0)


def _why(
    chunk: pl.DataFrame,
    code: str,
    law: Country,
    reform: Country,
    moved: list[tuple[str, pl.DataFrame]],
) -> pl.DataFrame:
    """The changed rows of one chunk with the criteria whose outcome differs between the
    sides: the same rules evaluated again, on those rows only, with their criteria kept."""
    ids = pl.concat([m.select(ENTERPRISE) for _, m in moved]).unique()
    rows = chunk.join(ids, on=ENTERPRISE, how="semi")
    outcomes = {}
    for side, country in ((BASE, law), (REFORM, reform)):
        valid, _ = split_valid(
            rows.select(n for n in (ENTERPRISE, *(f.name for f in country.facts)) if n in rows),
            country.facts,
            code,
        )
        wanted = [c.column for p in country.rules.programs for c in p.criteria]
        outcomes[side] = country.rules.evaluate(valid, keep=[ENTERPRISE], columns=wanted)
    frames = []
    for program, frame in moved:
        names = {
            side: [
                c.column
                for p in country.rules.programs
                if p.program.id == program
                for c in p.criteria
            ]
            for side, country in ((BASE, law), (REFORM, reform))
        }
        both = (
            outcomes[BASE]
            .select(ENTERPRISE, *names[BASE])
            .join(
                outcomes[REFORM]
                .select(ENTERPRISE, *names[REFORM])
                .rename(lambda n: n if n == ENTERPRISE else f"{REFORM}|{n}"),
                on=ENTERPRISE,
                how="left",
            )
        )
        reasons = []
        for name in sorted(set(names[BASE]) | set(names[REFORM])):
            short = name.split("::", 1)[1]
            gone = int(Outcome.NOT_APPLICABLE)
            before = pl.col(name) if name in names[BASE] else pl.lit(gone)
            after = pl.col(f"{REFORM}|{name}") if name in names[REFORM] else pl.lit(gone)
            reasons.append(pl.when(before.ne_missing(after)).then(pl.lit(short)))
        why = both.select(
            ENTERPRISE, pl.concat_list(reasons).list.drop_nulls().alias("criteria_changed")
        )
        frames.append(
            frame.select(
                ENTERPRISE,
                pl.lit(program).alias("program"),
                pl.col("b_status").alias(f"{BASE}_status"),
                pl.col("r_status").alias(f"{REFORM}_status"),
                pl.col("b_amt").cast(pl.Decimal(38, 10)).alias(f"{BASE}_amount"),
                pl.col("r_amt").cast(pl.Decimal(38, 10)).alias(f"{REFORM}_amount"),
            ).join(why, on=ENTERPRISE, how="left")
        )
    return pl.concat(frames)


__all__ = ["WhatIf", "column", "reformed_screen", "run_whatif"]
