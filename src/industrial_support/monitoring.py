"""Monitoring of the Kazakh State Program 2020–2025 (seed 001): targets against actuals.

* :func:`load_targets` reads ``programs/kz/targets_2020_2025.yaml`` — every target and result
  indicator of §4 with its yearly values as printed, unit, source, responsible bodies, citation
  and the flags of printed inconsistencies — validated strictly (an unknown key is an error).
* :func:`load_actuals` reads a CSV ``indicator,year,value`` (optional ``note`` column; lines
  starting with ``#`` are comments). A bad cell is an error naming its line and column.
* :func:`judge` gives, per indicator and year, ``on_track`` / ``off_track`` / ``no_target`` /
  ``no_actual``. Meeting a target exactly is on track; ``direction`` says whether more or less
  is better. Only plan years (2020–2025) have targets: the 2018 fact and 2019 estimate are the
  baseline, and a printed cell that is not a number ("-", the truncated "714432") is shown
  but never judged.
* Year-on-year and cumulative rows are paired. An actual reported in one form is judged in
  the other too: cumulative(y) = cumulative(y−1) × yoy(y) / 100 from the 2018 base (exact), and
  yoy(y) = cumulative(y) / cumulative(y−1) × 100 (rounded half-even at the 10th decimal, the
  engine's precision for ratios). Derived actuals are marked as such.
* :func:`chart` draws targets against actuals for one indicator (PNG or SVG by suffix, Agg
  backend); :func:`monitor_report` is what ``isupport monitor`` calls.

Numbers stay Decimal throughout; they become floats only as pixel positions inside
:func:`chart`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .engine.citations import cite
from .engine.errors import N_, IsupportError, Problem, given
from .engine.facts import suggest
from .engine.inputs import read_text
from .engine.money import normalise
from .engine.parameters import load_yaml

TARGETS_PATH = Path(__file__).parent / "programs" / "kz" / "targets_2020_2025.yaml"
RATIO_PLACES = Decimal("1e-10")

Kind = Literal["year_on_year", "cumulative", "level"]
Direction = Literal["higher_is_better", "lower_is_better"]
YearStatus = Literal["fact", "estimate", "plan"]
Status = Literal["on_track", "off_track", "no_target", "no_actual"]
FlagCode = Literal[
    "truncated_value",  # a printed number lost digits
    "unit_garbled",  # the printed unit cannot be right
    "label_garbled",  # the printed name says something other than the values measure
    "header_year_typo",  # a column is headed with the wrong year
    "yoy_cumulative_drift",  # the chained year-on-year row differs from the cumulative row
    "headline_table_mismatch",  # the headline target and the table disagree
    "irregular_step",  # a jump out of line with the rest of the series
    "questionable_value",  # arithmetically possible but implausible
    "duplicate_body",  # a body is listed twice
    "missing_responsible_body",  # the table gives no responsible body
    "blank_cells",  # cells printed blank or "-"
]
Printed = Decimal | str | None


class MonitoringError(IsupportError, ValueError):
    """A targets file or an actuals file is malformed; the message names where."""


# --- The targets file -----------------------------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _no_floats(raw: Any) -> Any:
    if isinstance(raw, float):
        raise ValueError(f"expected an exact number, got the float {raw!r}")
    if isinstance(raw, Mapping):
        for value in raw.values():
            _no_floats(value)
    return raw


def _seed_001(text: str) -> str:
    citation = cite(text)
    if citation.source != "001":
        raise ValueError(f"citation {text!r} must point into seed 001")
    return text


class Text(_Strict):
    en: str
    ja: str


class Flag(_Strict):
    code: FlagCode
    years: list[int] = Field(default_factory=list)
    note: str


class Headline(_Strict):
    value: Decimal
    text: Text
    cite: str

    @field_validator("cite")
    @classmethod
    def _cite(cls, text: str) -> str:
        return _seed_001(text)


class Indicator(_Strict):
    id: str
    level: Literal["target", "result"]
    task: int | None = None
    name: Text
    unit: Text
    kind: Kind
    direction: Direction
    pair: str | None = None
    values: dict[int, Decimal | str | None]
    headline: Headline | None = None
    source: list[str]
    responsible: list[str]
    cite: str
    flags: list[Flag] = Field(default_factory=list)

    @field_validator("cite")
    @classmethod
    def _cite(cls, text: str) -> str:
        return _seed_001(text)

    @field_validator("values", mode="before")
    @classmethod
    def _exact(cls, raw: Any) -> Any:
        return _no_floats(raw)

    def printed(self, year: int) -> str | None:
        """The cell as printed: ``"104.7"``, ``"-"``, ``"714432"``, or None if blank."""
        value = self.values.get(year)
        return format(value, "f") if isinstance(value, Decimal) else value

    def flags_for(self, year: int) -> tuple[str, ...]:
        return tuple(flag.code for flag in self.flags if year in flag.years)


class Financing(_Strict):
    cite: str
    currency: Literal["KZT"]
    total: Decimal
    years: dict[int, Decimal]
    flags: list[Flag] = Field(default_factory=list)

    @field_validator("cite")
    @classmethod
    def _cite(cls, text: str) -> str:
        return _seed_001(text)

    @field_validator("years", mode="before")
    @classmethod
    def _exact(cls, raw: Any) -> Any:
        return _no_floats(raw)


class Targets(_Strict):
    source: Literal["001"]
    base_year: int
    year_status: dict[int, YearStatus]
    bodies: dict[str, Text]
    indicators: list[Indicator]
    financing: Financing

    @model_validator(mode="after")
    def _consistent(self) -> Targets:
        ids = [indicator.id for indicator in self.indicators]
        if len(ids) != len(set(ids)):
            raise ValueError(
                f"indicator ids are not unique: {sorted(i for i in ids if ids.count(i) > 1)}"
            )
        by_id = {indicator.id: indicator for indicator in self.indicators}
        for indicator in self.indicators:
            where = f"indicator {indicator.id}"
            if unknown := set(indicator.values) - set(self.year_status):
                raise ValueError(f"{where}: years {sorted(unknown)} are not in year_status")
            for body in (*indicator.source, *indicator.responsible):
                if body not in self.bodies:
                    raise ValueError(f"{where}: body {body!r} is not listed under 'bodies'")
            if indicator.kind == "cumulative" and not isinstance(
                indicator.values.get(self.base_year), Decimal
            ):
                raise ValueError(
                    f"{where}: a cumulative indicator needs its {self.base_year} base value"
                )
            if indicator.pair is not None:
                other = by_id.get(indicator.pair)
                if other is None or other.pair != indicator.id:
                    raise ValueError(f"{where}: pair {indicator.pair!r} must exist and point back")
                if {indicator.kind, other.kind} != {"year_on_year", "cumulative"}:
                    raise ValueError(f"{where}: a pair joins a year_on_year and a cumulative row")
        return self

    def indicator(self, identifier: str) -> Indicator:
        for indicator in self.indicators:
            if indicator.id == identifier:
                return indicator
        raise MonitoringError(
            f"indicator {identifier!r} is unknown; known: "
            + ", ".join(i.id for i in self.indicators)
        )

    @property
    def plan_years(self) -> list[int]:
        return sorted(year for year, status in self.year_status.items() if status == "plan")

    def target(self, indicator: Indicator, year: int) -> Decimal | None:
        """The judged target: a printed number in a plan year, else None."""
        value = indicator.values.get(year)
        if self.year_status.get(year) != "plan" or not isinstance(value, Decimal):
            return None
        return value


def load_targets(path: str | Path | None = None) -> Targets:
    """The indicators of seed 001 §4 (or another file of the same schema)."""
    source = Path(path) if path is not None else TARGETS_PATH
    try:
        raw = load_yaml(source)
    except OSError as error:
        raise MonitoringError(f"{source}: cannot read targets: {error}") from None
    try:
        return Targets.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise MonitoringError(f"{source}: {where}: {first['msg']}") from None


# --- Actual values --------------------------------------------------------------------------
Actuals = dict[tuple[str, int], Decimal]
_COLUMNS = ("indicator", "year", "value")


class CellError(MonitoringError):
    """One cell of an actual is wrong; the caller says where the row is."""

    def __init__(self, column: str, template: str, **params: Any) -> None:
        self.column = column
        self.template = template
        self.params = {key: str(value) for key, value in params.items()}
        self.problem = template.format_map(self.params)
        super().__init__(f"column {column!r}: {self.problem}")


def actual(
    indicator: str, year: str, value: str, known: set[str]
) -> tuple[tuple[str, int], Decimal]:
    """One actual from its three texts, checked the same way for a CSV line and a request."""
    if indicator not in known:
        hint = suggest(indicator, known)
        if hint:
            raise CellError(
                "indicator",
                N_("unknown indicator {given}; did you mean {hint}?"),
                given=given(indicator),
                hint=hint,
            )
        raise CellError("indicator", N_("unknown indicator {given}"), given=given(indicator))
    return (indicator, _year(year)), _value(value)


def load_actuals(path: str | Path, targets: Targets | None = None) -> Actuals:
    """``(indicator, year) → value`` from a CSV with the header ``indicator,year,value``.
    Every bad line is reported at once, each naming its line and column."""
    source = Path(path)
    targets = targets or load_targets()
    known = {indicator.id for indicator in targets.indicators}
    years = (min(targets.year_status), max(targets.year_status))
    text = read_text(source, N_("no such actuals file"))
    actuals: Actuals = {}
    seen: dict[tuple[str, int], int] = {}
    problems: list[Problem] = []

    def problem(where: str, template: str, **params: Any) -> None:
        problems.append(Problem(where, template, {k: str(v) for k, v in params.items()}))

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    try:
        for row in reader:
            line = reader.line_num
            if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
                continue
            cells = [cell.strip() for cell in row]
            if header is None:
                header = cells
                if tuple(header[:3]) != _COLUMNS or not set(header[3:]) <= {"note"}:
                    problem(
                        f"line {line}",
                        N_(
                            "expected the header 'indicator,year,value' (optionally ',note'), got {given}"
                        ),
                        given=given(",".join(row)),
                    )
                    break
                continue
            if len(cells) != len(header):
                problem(
                    f"line {line}",
                    N_("expected {expected} columns, got {count}"),
                    expected=len(header),
                    count=len(cells),
                )
                continue
            try:
                key, value = actual(cells[0], cells[1], cells[2], known)
            except CellError as error:
                problems.append(
                    Problem(f"line {line}, column '{error.column}'", error.template, error.params)
                )
                continue
            if not years[0] <= key[1] <= years[1]:
                problem(
                    f"line {line}, column 'year'",
                    N_("expected a year of the program, {first} to {last}, got {given}"),
                    first=years[0],
                    last=years[1],
                    given=key[1],
                )
                continue
            if key in seen:
                problem(
                    f"line {line}",
                    N_("{indicator} {year} is given twice (first on line {first})"),
                    indicator=key[0],
                    year=key[1],
                    first=seen[key],
                )
                continue
            seen[key] = line
            actuals[key] = value
    except csv.Error as error:
        problem(f"line {reader.line_num}", N_("not valid CSV: {reason}"), reason=error)
    if header is None and not problems:
        problem(str(source), N_("empty file; expected the header 'indicator,year,value'"))
    if problems:
        raise MonitoringError(
            f"{source}: " + "; ".join(str(p) for p in problems),
            problems=[replace(p, field=f"{source}: {p.field}") for p in problems],
        )
    return actuals


def actuals_from_rows(rows: Iterable[tuple[str, str, str]], targets: Targets) -> Actuals:
    """Actuals given as (indicator, year, value) texts, e.g. in an API request; an error
    names the row and column as ``actuals.<index>.<column>``."""
    known = {indicator.id for indicator in targets.indicators}
    actuals: Actuals = {}
    seen: dict[tuple[str, int], int] = {}
    for index, (indicator, year, value) in enumerate(rows):
        try:
            key, number = actual(indicator.strip(), year.strip(), value.strip(), known)
        except CellError as error:
            raise MonitoringError(f"actuals.{index}.{error.column}: {error.problem}") from None
        first, last = min(targets.year_status), max(targets.year_status)
        if not first <= key[1] <= last:
            raise MonitoringError(
                f"actuals.{index}.year: expected a year of the program, {first} to {last}, "
                f"got {key[1]}"
            )
        if key in seen:
            raise MonitoringError(
                f"actuals.{index}: {key[0]} {key[1]} is given twice (first as actuals.{seen[key]})"
            )
        seen[key] = index
        actuals[key] = number
    return actuals


def _year(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise CellError("year", N_("expected a year such as 2021, got {given}"), given=given(text))
    return int(text)


def _value(text: str) -> Decimal:
    if not text:
        raise CellError(
            "value",
            N_(
                "expected an exact decimal such as 108.4, got an empty cell "
                "(leave the row out if unknown)"
            ),
        )
    bad = N_("expected an exact decimal such as 108.4, got {given}")
    if len(text) > 40:
        raise CellError("value", bad, given=given(text))
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise CellError("value", bad, given=given(text)) from None
    if not value.is_finite() or "e" in text.lower():
        raise CellError("value", bad, given=given(text))
    return value


# --- Judging ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Judgement:
    indicator: str
    year: int
    target: Decimal | None
    actual: Decimal | None
    status: Status
    printed: str | None = None  # the target cell as printed
    derived_from: str | None = None  # the paired indicator the actual was computed from
    flags: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        def text(value: Decimal | None) -> str | None:
            return None if value is None else normalise(value)

        return {
            "indicator": self.indicator,
            "year": self.year,
            "target": text(self.target),
            "actual": text(self.actual),
            "status": self.status,
            "printed": self.printed,
            "derived_from": self.derived_from,
            "flags": list(self.flags),
        }


def _cumulative(
    targets: Targets, indicator: Indicator, year: int, actuals: Actuals
) -> Decimal | None:
    """Cumulative actual for ``year``: reported, or chained from the paired year-on-year row."""
    reported = actuals.get((indicator.id, year))
    if reported is not None:
        return reported
    if year == targets.base_year:
        base = indicator.values[targets.base_year]
        return base if isinstance(base, Decimal) else None
    if indicator.pair is None or year < targets.base_year:
        return None
    growth = actuals.get((indicator.pair, year))
    previous = _cumulative(targets, indicator, year - 1, actuals)
    if growth is None or previous is None:
        return None
    return previous * growth / 100


def _year_on_year(
    targets: Targets, indicator: Indicator, year: int, actuals: Actuals
) -> Decimal | None:
    """Year-on-year actual: reported, or from two cumulative values of the paired row."""
    reported = actuals.get((indicator.id, year))
    if reported is not None or indicator.pair is None:
        return reported
    pair = targets.indicator(indicator.pair)
    current = actuals.get((pair.id, year))
    previous = (
        pair.values.get(year - 1)
        if year - 1 == targets.base_year
        else actuals.get((pair.id, year - 1))
    )
    if current is None or not isinstance(previous, Decimal) or previous == 0:
        return None
    return (current * 100 / previous).quantize(RATIO_PLACES, rounding=ROUND_HALF_EVEN)


def resolve_actual(
    targets: Targets, indicator: Indicator, year: int, actuals: Actuals
) -> tuple[Decimal | None, str | None]:
    """The actual of ``indicator`` in ``year`` and, if computed, the row it came from."""
    reported = actuals.get((indicator.id, year))
    if reported is not None:
        return reported, None
    if indicator.pair is None:
        return None, None
    if indicator.kind == "cumulative":
        value = _cumulative(targets, indicator, year, actuals) if year > targets.base_year else None
    else:
        value = _year_on_year(targets, indicator, year, actuals)
    return value, (indicator.pair if value is not None else None)


def judge(targets: Targets, actuals: Actuals) -> list[Judgement]:
    """Every indicator in every plan year (and any other year with an actual)."""
    rows: list[Judgement] = []
    for indicator in targets.indicators:
        reported_years = {year for (identifier, year) in actuals if identifier == indicator.id}
        for year in sorted(set(targets.plan_years) | reported_years):
            target = targets.target(indicator, year)
            actual, derived_from = resolve_actual(targets, indicator, year, actuals)
            status: Status
            if target is None:
                status = "no_target"
            elif actual is None:
                status = "no_actual"
            elif indicator.direction == "higher_is_better":
                status = "on_track" if actual >= target else "off_track"
            else:
                status = "on_track" if actual <= target else "off_track"
            rows.append(
                Judgement(
                    indicator.id,
                    year,
                    target,
                    actual,
                    status,
                    indicator.printed(year),
                    derived_from,
                    indicator.flags_for(year),
                )
            )
    return rows


# --- Charts -------------------------------------------------------------------------------------
def chart(targets: Targets, actuals: Actuals, indicator_id: str, out_path: str | Path) -> Path:
    """Targets (line) against actuals (markers) of one indicator; PNG or SVG by suffix."""
    out = Path(out_path)
    if out.suffix.lower() not in (".png", ".svg"):
        raise MonitoringError(f"chart: expected a .png or .svg file name, got {out.name!r}")
    indicator = targets.indicator(indicator_id)

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    years = sorted(year for year, value in indicator.values.items() if isinstance(value, Decimal))
    plan = [year for year in years if targets.year_status[year] == "plan"]
    baseline = [year for year in years if targets.year_status[year] != "plan"]
    resolved = {
        year: resolve_actual(targets, indicator, year, actuals)
        for year in sorted(
            set(targets.year_status) | {y for (i, y) in actuals if i == indicator.id}
        )
    }
    reported = [(y, v) for y, (v, src) in resolved.items() if v is not None and src is None]
    derived = [(y, v) for y, (v, src) in resolved.items() if v is not None and src is not None]

    def number(year: int) -> float:  # pixel position only
        value = indicator.values[year]
        assert isinstance(value, Decimal)
        return float(value)

    figure, axes = plt.subplots(figsize=(7, 4))
    try:
        axes.plot(years, [number(y) for y in years], color="0.6", linestyle=":", linewidth=1)
        axes.plot(
            plan, [number(y) for y in plan], color="tab:blue", marker="o", label="target (plan)"
        )
        if baseline:
            axes.plot(
                baseline,
                [number(y) for y in baseline],
                color="tab:blue",
                marker="o",
                markerfacecolor="white",
                linestyle="none",
                label="2018 fact / 2019 estimate",
            )
        if reported:
            axes.plot(
                [y for y, _ in reported],
                [float(v) for _, v in reported],
                color="tab:red",
                marker="s",
                label="actual",
            )
        if derived:
            axes.plot(
                [y for y, _ in derived],
                [float(v) for _, v in derived],
                color="tab:red",
                marker="^",
                markerfacecolor="white",
                linestyle="none",
                label=f"actual derived from {indicator.pair}",
            )
        better = (
            "higher is better" if indicator.direction == "higher_is_better" else "lower is better"
        )
        unusable = [f"{y} {v!r}" for y, v in sorted(indicator.values.items()) if isinstance(v, str)]
        title = f"{indicator.id}: {indicator.name.en}"
        if unusable:
            title += "\nprinted, not judged: " + ", ".join(unusable)
        axes.set_title(title, fontsize=10)
        axes.set_xlabel(f"year ({better}; source {indicator.cite})")
        axes.set_ylabel(indicator.unit.en)
        axes.set_xticks(sorted(targets.year_status))
        axes.grid(True, alpha=0.3)
        axes.legend(fontsize=8)
        figure.tight_layout()
        out.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(out, format=out.suffix.lower().lstrip("."))
    finally:
        plt.close(figure)
    return out


# --- The report `isupport monitor` prints ------------------------------------------------------
@dataclass(frozen=True)
class MonitorReport:
    rows: list[Judgement]
    charts: list[Path]
    targets: Targets

    @property
    def off_track(self) -> list[Judgement]:
        return [row for row in self.rows if row.status == "off_track"]

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": [row.as_dict() for row in self.rows],
            "off_track": [row.as_dict() for row in self.off_track],
            "charts": [str(path) for path in self.charts],
        }

    def to_text(self, lang: Literal["en", "ja"] = "en") -> str:
        lines: list[str] = []
        judged = [row for row in self.rows if row.actual is not None]
        counts = {
            status: sum(row.status == status for row in self.rows)
            for status in ("on_track", "off_track", "no_actual", "no_target")
        }
        lines.append(" ".join(f"{status}={count}" for status, count in counts.items()))
        heading = "OFF TRACK" if lang == "en" else "目標未達"
        lines.append(f"{heading}:")
        for row in self.off_track or []:
            lines.append("  " + _line(self.targets, row, lang))
        if not self.off_track:
            lines.append("  -")
        lines.append("ALL:" if lang == "en" else "全件:")
        lines.extend("  " + _line(self.targets, row, lang) for row in judged)
        if self.charts:
            lines.append(
                ("charts: " if lang == "en" else "グラフ: ") + ", ".join(map(str, self.charts))
            )
        return "\n".join(lines)


def _line(targets: Targets, row: Judgement, lang: str) -> str:
    indicator = targets.indicator(row.indicator)
    name = indicator.name.ja if lang == "ja" else indicator.name.en
    target = normalise(row.target) if row.target is not None else "none"
    if row.target is None and row.printed is not None:
        # a baseline/estimate year, or a printed cell that is not a usable number
        target += f" (printed {row.printed!r}, {targets.year_status.get(row.year, 'no plan')})"
    actual = normalise(row.actual) if row.actual is not None else "-"
    extra = f" (from {row.derived_from})" if row.derived_from else ""
    flags = f" [{', '.join(row.flags)}]" if row.flags else ""
    return (
        f"{row.indicator} {row.year} {row.status}: actual {actual}{extra} vs target {target} "
        f"— {name} [{indicator.cite}]{flags}"
    )


def monitor_report(
    actuals_path: str | Path,
    chart_dir: str | Path | None = None,
    *,
    chart_format: Literal["png", "svg"] = "png",
    targets_path: str | Path | None = None,
) -> MonitorReport:
    """Load targets and actuals, judge every indicator-year, draw one chart per indicator
    that has any actual (into ``chart_dir``, if given)."""
    if chart_dir is not None and Path(chart_dir).exists() and not Path(chart_dir).is_dir():
        raise MonitoringError(
            f"charts: {chart_dir} is a file; expected a folder",
            problems=[
                Problem(
                    "charts", N_("{path} is a file; expected a folder"), {"path": str(chart_dir)}
                )
            ],
        )
    targets = load_targets(targets_path)
    actuals = load_actuals(actuals_path, targets)
    rows = judge(targets, actuals)
    charts: list[Path] = []
    if chart_dir is not None:
        with_actuals = _ordered(row.indicator for row in rows if row.actual is not None)
        for identifier in with_actuals:
            charts.append(
                chart(
                    targets, actuals, identifier, Path(chart_dir) / f"{identifier}.{chart_format}"
                )
            )
    return MonitorReport(rows, charts, targets)


def _ordered(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
