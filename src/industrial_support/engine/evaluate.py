"""One evaluation path for one case and for N cases.

A :class:`RuleSet` compiles the chosen programs as of an evaluation date into Polars
expressions once. ``evaluate(frame)`` runs them over any number of rows; ``explain(facts)``
runs the very same expressions over a one-row frame and adds the trace (facts and parameter
values read by each criterion, with citations). There is no second implementation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import reduce
from typing import Any

import polars as pl

from .errors import ProgramError
from .facts import DECIMAL, FactCatalog, FactsView, catalog
from .money import CURRENCY_DIGITS, Money
from .outcomes import STATUS_BY_CODE, STATUS_ORDER, Outcome, Status
from .parameters import ParameterError, Resolved
from .program import ComputedValue, Criterion, Program, ValuesView

STATUS_DTYPE = pl.Enum([status.value for status in STATUS_ORDER])
INTEGER_VALUE_UNITS = {"years", "days", "months", "count", "persons"}
_SEPARATOR = "::"


def column(program_id: str, name: str) -> str:
    """Name of a result column: ``jp.sme::status``, ``jp.sme::size_test``."""
    return f"{program_id}{_SEPARATOR}{name}"


@dataclass(frozen=True)
class CompiledCriterion:
    criterion: Criterion
    column: str
    code: pl.Expr
    facts: tuple[str, ...]
    parameters: tuple[Resolved, ...]


@dataclass(frozen=True)
class CompiledValue:
    value: ComputedValue
    column: str
    expr: pl.Expr  # reads the program's earlier values as columns, not inlined
    facts: tuple[str, ...]  # including those of the earlier values it reads
    parameters: tuple[Resolved, ...]
    level: int  # 0 = reads no other value; n = reads values of level < n


@dataclass(frozen=True)
class CompiledProgram:
    """A program's expressions, evaluated in stages so that no expression inlines another
    program's or criterion's tree: criteria → status → missing facts and values. Stages read
    earlier stages as columns, which keeps plans small however programs are nested."""

    program: Program
    criteria: tuple[CompiledCriterion, ...]
    values: tuple[CompiledValue, ...]
    depth: int  # 0 = requires no program; n = requires programs of depth < n

    @property
    def value_levels(self) -> int:
        return 1 + max((v.level for v in self.values), default=-1)

    @property
    def status_column(self) -> str:
        return column(self.program.id, "status")

    @property
    def missing_column(self) -> str:
        return column(self.program.id, "missing")

    def criteria_stage(self) -> list[pl.Expr]:
        return [c.code.alias(c.column) for c in self.criteria]

    def status_stage(self) -> pl.Expr:
        return _status([pl.col(c.column) for c in self.criteria]).alias(self.status_column)

    def result_stage(self, level: int, missing: bool = True) -> list[pl.Expr]:
        """Values of one level (and at level 0 the missing facts). A value that reads an
        earlier one reads its column: inlined, a chain of values would be computed again at
        every step (one RU subsidy's expression was 4,700 characters long)."""
        refused = pl.col(self.status_column) == Status.INELIGIBLE.value
        return [
            *(
                [_missing(self.criteria).alias(self.missing_column)]
                if missing and not level
                else []
            ),
            # What a program would give is shown only where it is not refused.
            *(
                pl.when(refused).then(None).otherwise(v.expr).alias(v.column)
                for v in self.values
                if v.level == level
            ),
        ]

    def output_columns(self, missing: bool = True) -> list[str]:
        return [
            self.status_column,
            *([self.missing_column] if missing else []),
            *(c.column for c in self.criteria),
            *(v.column for v in self.values),
        ]


def _outcome_code(condition: pl.Expr, criterion: Criterion) -> pl.Expr:
    """True → MET (0), False → NOT_MET (4) or REVIEW (2), null → UNKNOWN (3) or REVIEW (2):
    two arithmetic operations instead of a when/then chain (this runs on every row)."""
    unknown = Outcome.REVIEW if criterion.on_unknown == "review" else Outcome.UNKNOWN
    failed = Outcome.REVIEW if criterion.on_fail == "review" else Outcome.NOT_MET
    met = int(Outcome.MET)
    code = (
        pl.lit(int(failed), pl.UInt8) - condition.cast(pl.UInt8) * (int(failed) - met)
    ).fill_null(int(unknown))
    return code.cast(pl.UInt8)


def _where_applicable(code: pl.Expr, applies: pl.Expr | None) -> pl.Expr:
    """A criterion whose condition of application is false is not applicable."""
    if applies is None:
        return code
    return (
        pl.when(applies.is_null())
        .then(pl.lit(int(Outcome.UNKNOWN)))
        .when(applies.not_())
        .then(pl.lit(int(Outcome.NOT_APPLICABLE)))
        .otherwise(code)
        .cast(pl.UInt8)
    )


_STATUS_TO_OUTCOME = {
    Status.ELIGIBLE.value: int(Outcome.MET),
    Status.INELIGIBLE.value: int(Outcome.NOT_MET),
    Status.UNDETERMINED.value: int(Outcome.UNKNOWN),
    Status.NEEDS_REVIEW.value: int(Outcome.REVIEW),
}
# Lookup tables read by position: gathering from them is 8-30× faster than replace_strict,
# which hashes every row (and, from a status, first made a string of it).
_STATUS_OF_CODE = pl.Series(
    [STATUS_BY_CODE[Outcome(code)] for code in range(len(Outcome))], dtype=STATUS_DTYPE
)
_CODE_OF_STATUS = pl.Series(
    [_STATUS_TO_OUTCOME[status] for status in STATUS_DTYPE.categories], dtype=pl.UInt8
)


def _status(codes: Sequence[pl.Expr]) -> pl.Expr:
    """The weightiest outcome decides: any not-met → ineligible, else any unknown →
    undetermined, else any review → needs_review, else eligible (codes are ordered so)."""
    if not codes:
        return pl.lit(Status.ELIGIBLE.value).cast(STATUS_DTYPE)
    worst = pl.max_horizontal(codes) if len(codes) > 1 else codes[0]
    return pl.lit(_STATUS_OF_CODE).gather(worst)


def _outcome_of_status(status: pl.Expr) -> pl.Expr:
    """A required program's status read as a criterion's outcome."""
    return pl.lit(_CODE_OF_STATUS).gather(status.to_physical())


def _missing(criteria: Sequence[CompiledCriterion]) -> pl.Expr:
    """The facts that are null *and* belong to a criterion that is unknown because of it."""
    facts = sorted({fact for c in criteria for fact in c.facts})
    if not facts:
        return pl.lit([], dtype=pl.List(pl.String))
    parts = []
    for fact in facts:
        undecided = pl.any_horizontal(
            [pl.col(c.column) == int(Outcome.UNKNOWN) for c in criteria if fact in c.facts]
        )
        parts.append(pl.when(pl.col(fact).is_null() & undecided).then(pl.lit(fact)))
    return pl.concat_list(parts).list.drop_nulls()


def _round(expr: pl.Expr, value: ComputedValue) -> pl.Expr:
    if value.rounding is None:
        return expr
    if value.unit not in CURRENCY_DIGITS:
        raise ProgramError(f"value {value.id}: rounding is declared only for money")
    digits = CURRENCY_DIGITS[value.unit]
    if value.rounding == "half_even":
        return expr.round(digits)
    if value.rounding == "half_up":
        return expr.round(digits, mode="half_away_from_zero")
    scale = Decimal(10) ** digits
    return ((expr * scale).floor() / scale).cast(DECIMAL)


def _typed(expr: pl.Expr, value: ComputedValue) -> pl.Expr:
    if value.unit in CURRENCY_DIGITS or value.unit == "ratio":
        return expr.cast(DECIMAL)
    if value.unit == "date":
        return expr.cast(pl.Date)
    if value.unit in INTEGER_VALUE_UNITS:
        return expr.cast(pl.Int64)
    if value.unit == "flag":
        return expr.cast(pl.Boolean)
    if value.unit == "text":
        return expr.cast(pl.String)
    raise ProgramError(f"value {value.id}: unit {value.unit!r} is not supported")


def _roots(expr: pl.Expr) -> tuple[str, ...]:
    return tuple(dict.fromkeys(expr.meta.root_names()))


class _Compiler:
    def __init__(self, as_of: dt.date) -> None:
        self.as_of = as_of
        self.done: dict[str, CompiledProgram] = {}

    def compile(self, program: Program) -> CompiledProgram:
        if program.id in self.done:
            return self.done[program.id]
        facts = FactsView(program.facts)
        base_view = program.parameter_view(self.as_of)
        criteria = []
        depth = 0
        in_force_criteria, in_force_values = program.in_force_on(self.as_of)
        for criterion in in_force_criteria:
            view = base_view.fork()
            applies = criterion.applies(facts, view) if criterion.applies else None
            if criterion.requires is not None:
                other = self.compile(criterion.requires)
                depth = max(depth, other.depth + 1)
                code = _outcome_of_status(pl.col(other.status_column))
                roots = tuple(dict.fromkeys(f for c in other.criteria for f in c.facts))
                used = tuple(p for c in other.criteria for p in c.parameters)
            else:
                assert criterion.build is not None
                condition = criterion.build(facts, view)
                code = _outcome_code(condition, criterion)
                roots = _roots(condition)
                used = tuple(view.used.values())
            code = _where_applicable(code, applies)
            if applies is not None:
                roots = tuple(dict.fromkeys((*_roots(applies), *roots)))
            criteria.append(
                CompiledCriterion(criterion, column(program.id, criterion.id), code, roots, used)
            )
        values: list[CompiledValue] = []
        built: dict[str, pl.Expr] = {}
        by_column: dict[str, CompiledValue] = {}
        for value in in_force_values:
            view = base_view.fork()
            expr = _typed(_round(value.build(facts, view, ValuesView(built)), value), value)
            roots = _roots(expr)
            earlier = [by_column[name] for name in roots if name in by_column]
            compiled_value = CompiledValue(
                value,
                column(program.id, value.id),
                expr,
                tuple(
                    dict.fromkeys(
                        f
                        for name in roots
                        for f in (by_column[name].facts if name in by_column else (name,))
                    )
                ),
                tuple(view.used.values()),
                1 + max((v.level for v in earlier), default=-1),
            )
            built[value.id] = pl.col(compiled_value.column)
            by_column[compiled_value.column] = compiled_value
            values.append(compiled_value)
        compiled = CompiledProgram(program, tuple(criteria), tuple(values), depth)
        self.done[program.id] = compiled
        return compiled


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    outcome: Outcome
    facts: dict[str, Any]
    parameters: tuple[Resolved, ...]


@dataclass(frozen=True)
class ValueResult:
    value: ComputedValue
    result: Any  # Money | Decimal | int | date | bool | None
    facts: dict[str, Any]
    parameters: tuple[Resolved, ...]


@dataclass(frozen=True)
class ProgramResult:
    program: Program
    status: Status
    criteria: tuple[CriterionResult, ...]
    values: tuple[ValueResult, ...]
    missing_facts: tuple[str, ...]


class RuleSet:
    """The chosen programs of one jurisdiction, compiled as of one evaluation date."""

    def __init__(self, programs: Iterable[Program], as_of: dt.date) -> None:
        chosen = list(programs)
        jurisdictions = {program.jurisdiction for program in chosen}
        if len(jurisdictions) > 1:
            raise ProgramError(f"a rule set covers one jurisdiction, got {sorted(jurisdictions)}")
        self.as_of = as_of
        self.jurisdiction = jurisdictions.pop() if jurisdictions else ""
        self.not_in_force = [program for program in chosen if not program.in_force(as_of)]
        compiler = _Compiler(as_of)
        self.programs: list[CompiledProgram] = []
        # A program whose numbers are not in force on the date cannot be evaluated; it is
        # reported with the reason instead of sinking the other programs.
        self.unavailable: dict[str, str] = {}
        for program in chosen:
            if not program.in_force(as_of):
                continue
            try:
                self.programs.append(compiler.compile(program))
            except ParameterError as error:
                self.unavailable[program.id] = str(error)
                compiler.done.pop(program.id, None)
        self._compiled = compiler.done  # the chosen programs and those they require

    @property
    def catalog(self) -> FactCatalog:
        return catalog(self.jurisdiction)

    def facts_needed(self) -> list[str]:
        needed: set[str] = set()
        for program in self._compiled.values():
            for criterion in program.criteria:
                needed.update(criterion.facts)
            for value in program.values:
                needed.update(value.facts)
        return sorted(needed)

    def evaluate(
        self,
        frame: pl.DataFrame | pl.LazyFrame,
        keep: Sequence[str] = (),
        missing: bool = True,
        columns: Sequence[str] | None = None,
    ) -> pl.DataFrame:
        """Evaluate every program on every row. Facts absent from the frame are unknown.

        ``missing=False`` skips the lists of missing facts (the costliest part) where only
        statuses and amounts are wanted. ``columns`` picks result columns: Polars then skips
        whatever they do not depend on (a screen keeping one amount per program skips the
        other values)."""
        lazy = frame.lazy()
        present = set(lazy.collect_schema().names())
        schema = self.catalog.schema
        absent = [
            pl.lit(None, dtype=schema[name]).alias(name)
            for name in self.facts_needed()
            if name not in present
        ]
        if absent:
            lazy = lazy.with_columns(absent)
        everything = sorted(self._compiled.values(), key=lambda p: p.depth)
        for depth in sorted({p.depth for p in everything}):
            nested = [p for p in everything if p.depth == depth]
            lazy = lazy.with_columns([e for p in nested for e in p.criteria_stage()])
            lazy = lazy.with_columns([p.status_stage() for p in nested])
        for level in range(max([1, *(p.value_levels for p in everything)])):
            lazy = lazy.with_columns(
                [e for p in everything for e in p.result_stage(level, missing)]
            )
        outputs = (
            list(columns)
            if columns is not None
            else [name for p in self.programs for name in p.output_columns(missing)]
        )
        return lazy.select([*map(pl.col, keep), *map(pl.col, outputs)]).collect()

    def explain(self, facts: Mapping[str, Any]) -> list[ProgramResult]:
        """One case, with its trace. ``facts`` are raw values; they are validated first."""
        validated = self.catalog.validate(facts)
        if not self.programs:
            return []
        row = self.evaluate(self.catalog.frame([validated])).row(0, named=True)
        return [self._result(p, row, validated) for p in self.programs]

    def _result(
        self, compiled: CompiledProgram, row: Mapping[str, Any], facts: Mapping[str, Any]
    ) -> ProgramResult:
        pid = compiled.program.id
        criteria = tuple(
            CriterionResult(
                c.criterion,
                Outcome(row[c.column]),
                {f: facts.get(f) for f in c.facts},
                c.parameters,
            )
            for c in compiled.criteria
        )
        values = tuple(
            ValueResult(
                v.value,
                _python_value(row[v.column], v.value.unit),
                {f: facts.get(f) for f in v.facts},
                v.parameters,
            )
            for v in compiled.values
        )
        return ProgramResult(
            compiled.program,
            Status(row[column(pid, "status")]),
            criteria,
            values,
            tuple(row[column(pid, "missing")]),
        )


def _python_value(raw: Any, unit: str) -> Any:
    if raw is None:
        return None
    if unit in CURRENCY_DIGITS:
        return Money(Decimal(raw), unit)
    return raw


def merge(frames: Sequence[pl.DataFrame]) -> pl.DataFrame:
    """Side-by-side results of several rule sets over the same rows."""
    return reduce(lambda left, right: left.hstack(right), frames)
