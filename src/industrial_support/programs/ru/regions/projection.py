"""Year-by-year tax projection for the regional regimes of seed 004 §2–§3, and the
"where should we build?" comparison.

A regime's rates are *schedules*: parameters of the regime's own YAML whose table rows are
keyed by the year of residence, dated by calendar year where the seed makes the rate depend
on it. A row key is ``"<first>-<last>"`` (residence years, inclusive), ``"<first>-"`` (from
that year on) or ``"<n>"``, optionally prefixed by a variant, ``"tier_2/1-4"``, when the
rows depend on something about the project (an investment tier, the use of the land). The
variant is the result of a text value of the regime's program, so that the rule that picks
it is written once. Where no row covers a year, the standard rate of :file:`projection.yaml`
applies.

Readings (see docs/readings.md):
* residence year 1 is the calendar year (tax period) in which the enterprise obtains the
  status; the plan's first year is that year, the next plan year is residence year 2, ...
  (alternative: 12-month periods from the date of entry, or from the first profitable year);
* a rate in force on 1 January of a calendar year applies to the whole of that year;
* the seed gives flat rates: social insurance is 30% (or 7.6%) of the whole payroll, with
  no ceiling; the tax on each base is the exact product, not rounded (the seed says nothing
  of rounding);
* transport tax is not projected: the seed gives exemption years but no standard rate and
  the plan has no vehicles (the programs report the exemption years as a value).
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Context, Decimal, Inexact, localcontext
from pathlib import Path
from typing import Any

import polars as pl

from ....engine.errors import ParameterError, ProgramError
from ....engine.evaluate import RuleSet
from ....engine.facts import FactsView, catalog
from ....engine.money import MoneyError, to_decimal
from ....engine.outcomes import Status
from ....engine.parameters import ParameterSet, ParameterView
from ....engine.program import Program, ValuesView

facts = catalog("RU")

# The investment plan, as the criteria of both regions read it. InvestmentPlan.facts()
# derives them from a year-by-year plan; a case may also give them directly.
facts.define(
    "invest_total_amount",
    "money",
    currency="RUB",
    en="Total capital investment of the project",
    ja="投資プロジェクトの投資総額",
)
facts.define(
    "invest_first_year_amount",
    "money",
    currency="RUB",
    en="Investment made within one year of becoming a resident (or of the start of the project)",
    ja="入居（又は事業開始）後1年以内の投資額",
)
facts.define(
    "invest_first_three_years_amount",
    "money",
    currency="RUB",
    en="Investment made within three years of becoming a resident",
    ja="入居後3年以内の投資額",
)
facts.define(
    "invest_first_ten_years_amount",
    "money",
    currency="RUB",
    en="Investment made within ten years of becoming a resident",
    ja="入居後10年以内の投資額",
)
facts.define(
    "invest_jobs_first_year",
    "integer",
    unit="persons",
    en="New jobs created within one year of becoming a resident",
    ja="入居後1年以内に創出した雇用の数",
)
facts.define(
    "invest_jobs_created",
    "integer",
    unit="persons",
    en="Permanent jobs created by the project",
    ja="投資プロジェクトにより創出した正規雇用の数",
)
facts.define(
    "invest_entry_date",
    "date",
    en="Date the enterprise became a resident of the zone (or obtained the status)",
    ja="区域の入居者となった日（又は地位を取得した日）",
)

TAX_KINDS = ("profit", "property", "land", "social")
STANDARD = ParameterSet.load(Path(__file__).with_suffix(".yaml"))

# Exact arithmetic: any product that would need rounding raises instead.
_EXACT = Context(prec=80, traps=[Inexact])
_KEY = re.compile(
    r"^(?:(?P<variant>[a-z0-9_]+)/)?(?P<first>[1-9]\d*)(?P<dash>-(?P<last>[1-9]\d*)?)?$"
)


def _parse_key(key: str) -> tuple[str | None, int, int | None]:
    """``"tier_2/1-4"`` → ("tier_2", 1, 4); ``"11-45"`` → (None, 11, 45);
    ``"1-"`` → (None, 1, None)."""
    match = _KEY.match(key)
    if match is None:
        raise ParameterError(
            f"schedule row {key!r}: expected '[variant/]first-last', 'first-' or 'n'"
        )
    first = int(match["first"])
    if match["dash"] is None:
        last: int | None = first
    else:
        last = int(match["last"]) if match["last"] else None
    if last is not None and last < first:
        raise ParameterError(f"schedule row {key!r}: last year before first")
    return match["variant"], first, last


@dataclass(frozen=True)
class Rate:
    value: Decimal
    cite: str
    reduced: bool  # True: the regime's own rate; False: the standard rate


@dataclass(frozen=True)
class Regime:
    """A program of 004 §2–§3 seen as a tax regime: its rate schedules and variants."""

    program: Program
    schedules: Mapping[str, str]  # tax kind → schedule parameter of the program's YAML
    variant_values: tuple[str, ...] = ()  # program text values whose results choose rows

    @property
    def id(self) -> str:
        return self.program.id

    @property
    def section(self) -> str:
        """The seed's section of the regime's table ("§2" Ulyanovsk, "§3" Samara)."""
        return str(self.program.citation).split()[1]

    def check(self) -> None:
        """Fail at import on a malformed schedule (bad key, overlapping rows, no parameter)."""
        assert self.program.parameters is not None
        for kind, name in self.schedules.items():
            if kind not in TAX_KINDS:
                raise ProgramError(f"{self.id}: unknown tax kind {kind!r}")
            for entry in self.program.parameters[name].entries:
                if entry.table is None:
                    raise ParameterError(f"{self.id}: schedule {name!r} needs table rows")
                rows = [_parse_key(key) for key in entry.table]
                for i, (variant, first, last) in enumerate(rows):
                    for other, first2, last2 in rows[i + 1 :]:
                        overlap = (last is None or first2 <= last) and (
                            last2 is None or first <= last2
                        )
                        if variant == other and overlap:
                            raise ParameterError(f"{self.id}: schedule {name!r} rows overlap")

    def rate(
        self, kind: str, residence_year: int, on: dt.date, variants: frozenset[str]
    ) -> Rate | None:
        """The regime's own rate for a tax in a residence year, as of a date; None = standard."""
        name = self.schedules.get(kind)
        if name is None:
            return None
        assert self.program.parameters is not None
        parameter = self.program.parameters[name]
        resolved = parameter.as_of(on)
        entry = next(e for e in parameter.entries if e.from_ == resolved.effective_from)
        assert entry.table is not None
        chosen = []
        for key, row in entry.table.items():
            variant, first, last = _parse_key(key)
            if (
                (variant is None or variant in variants)
                and first <= residence_year
                and (last is None or residence_year <= last)
            ):
                chosen.append((key, row))
        if len(chosen) > 1:
            raise ParameterError(f"{self.id}: rows {[k for k, _ in chosen]} of {name!r} both apply")
        if not chosen:
            return None
        key, row = chosen[0]
        return Rate(Decimal(resolved.value[key]), row.cite, True)


REGIMES: dict[str, Regime] = {}


def register_regime(
    program: Program,
    *,
    variant_values: Iterable[str] = (),
    **schedules: str,
) -> Regime:
    """Declare a program's rate schedules (``profit="sez_profit_rate"``, ...)."""
    regime = Regime(program, dict(schedules), tuple(variant_values))
    regime.check()
    REGIMES[program.id] = regime
    return regime


def transport_exemption(program: Program, citation: str, parameter: str) -> None:
    """The years without transport tax, a value every regime with that relief reports (the
    seed gives no base or rate, so it is not projected)."""

    @program.value(
        "transport_tax_exempt_years",
        citation,
        unit="years",
        en="Years without transport tax",
        ja="輸送税の免除期間（年）",
    )
    def _years(f: FactsView, p: ParameterView, v: ValuesView) -> pl.Expr:
        return pl.lit(p.resolve(parameter).value)


def standard_rate(kind: str, on: dt.date, section: str = "§2") -> Rate:
    """The usual rate, as the row heading of the region's table (§2 or §3) gives it."""
    parameter = STANDARD[f"standard_{kind}_rate"]
    resolved = parameter.as_of(on)
    entry = next(e for e in parameter.entries if e.from_ == resolved.effective_from)
    assert entry.table is not None
    if section not in entry.table:
        raise ProgramError(
            f"no standard {kind} rate for 004 {section}; known: {sorted(entry.table)}"
        )
    row = entry.table[section]
    return Rate(Decimal(resolved.value[section]), row.cite, False)


# ---------------------------------------------------------------------------------------
# The investment plan


def _money(value: object, name: str, *, year: int) -> Decimal:
    try:
        amount = to_decimal(value, name)
    except MoneyError as error:
        raise ValueError(f"plan year {year}: {error}") from None
    if amount < 0:
        raise ValueError(f"plan year {year}: {name}: expected 0 or more, got {amount}")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"plan year {year}: {name}: RUB amounts have at most 2 decimals")
    return amount


@dataclass(frozen=True)
class PlanYear:
    """One calendar year of the plan. Amounts in RUB; ``taxable_profit`` is the profit-tax
    base (after any loss carried forward, so never negative); ``property_value`` and
    ``land_value`` are the bases of property and land tax; ``jobs`` is the number of new
    permanent jobs in place at the end of the year (cumulative)."""

    year: int
    investment: Decimal
    taxable_profit: Decimal
    property_value: Decimal
    land_value: Decimal
    payroll: Decimal
    jobs: int

    def __post_init__(self) -> None:
        for name in ("investment", "taxable_profit", "property_value", "land_value", "payroll"):
            object.__setattr__(self, name, _money(getattr(self, name), name, year=self.year))
        if isinstance(self.jobs, bool) or not isinstance(self.jobs, int) or self.jobs < 0:
            raise ValueError(f"plan year {self.year}: jobs: expected a whole number >= 0")

    def base(self, kind: str) -> Decimal:
        return {
            "profit": self.taxable_profit,
            "property": self.property_value,
            "land": self.land_value,
            "social": self.payroll,
        }[kind]


@dataclass(frozen=True)
class InvestmentPlan:
    """Consecutive calendar years; the first is the year the enterprise obtains the status
    (residence year 1)."""

    years: tuple[PlanYear, ...]

    def __post_init__(self) -> None:
        if not self.years:
            raise ValueError("plan: expected at least one year")
        for earlier, later in zip(self.years, self.years[1:], strict=False):
            if later.year != earlier.year + 1:
                raise ValueError(
                    f"plan: years must be consecutive, got {earlier.year} then {later.year}"
                )

    def facts(self) -> dict[str, Any]:
        """The invest_ facts the criteria read. Plan year k counts as the k-th year after
        entry (a reading: the periods of the law run from the date of entry)."""
        investment = [y.investment for y in self.years]
        return {
            "invest_total_amount": sum(investment, Decimal(0)),
            "invest_first_year_amount": investment[0],
            "invest_first_three_years_amount": sum(investment[:3], Decimal(0)),
            "invest_first_ten_years_amount": sum(investment[:10], Decimal(0)),
            "invest_jobs_first_year": self.years[0].jobs,
            "invest_jobs_created": self.years[-1].jobs,
        }


# ---------------------------------------------------------------------------------------
# Projection


@dataclass(frozen=True)
class TaxLine:
    kind: str
    base: Decimal
    rate: Decimal
    standard_rate: Decimal
    tax: Decimal
    standard_tax: Decimal
    saving: Decimal
    cite: str  # where the regime's rate (or the standard rate) comes from


@dataclass(frozen=True)
class YearRow:
    regime: str
    year: int
    residence_year: int
    lines: Mapping[str, TaxLine]

    @property
    def tax(self) -> Decimal:
        return sum((line.tax for line in self.lines.values()), Decimal(0))

    @property
    def standard_tax(self) -> Decimal:
        return sum((line.standard_tax for line in self.lines.values()), Decimal(0))

    @property
    def saving(self) -> Decimal:
        return sum((line.saving for line in self.lines.values()), Decimal(0))


@dataclass(frozen=True)
class Projection:
    regime: str
    status: str
    rows: tuple[YearRow, ...]

    @property
    def total_tax(self) -> Decimal:
        return sum((row.tax for row in self.rows), Decimal(0))

    @property
    def total_standard_tax(self) -> Decimal:
        return sum((row.standard_tax for row in self.rows), Decimal(0))

    @property
    def total_saving(self) -> Decimal:
        return sum((row.saving for row in self.rows), Decimal(0))

    def total(self, kind: str) -> TaxLine:
        """A tax kind summed over the years (base, rates are not meaningful: 0)."""
        lines = [row.lines[kind] for row in self.rows]
        return TaxLine(
            kind,
            sum((line.base for line in lines), Decimal(0)),
            Decimal(0),
            Decimal(0),
            sum((line.tax for line in lines), Decimal(0)),
            sum((line.standard_tax for line in lines), Decimal(0)),
            sum((line.saving for line in lines), Decimal(0)),
            "",
        )


def project(
    regime_id: str,
    plan: InvestmentPlan,
    variants: Iterable[str] = (),
    *,
    status: str = Status.ELIGIBLE.value,
) -> Projection:
    """Taxes year by year under one regime and under the standard rates."""
    regime = _regime(regime_id)
    chosen = frozenset(variants)
    rows = []
    with localcontext(_EXACT):
        for residence_year, planned in enumerate(plan.years, start=1):
            on = dt.date(planned.year, 1, 1)
            lines = {}
            for kind in TAX_KINDS:
                standard = standard_rate(kind, on, regime.section)
                rate = regime.rate(kind, residence_year, on, chosen) or standard
                base = planned.base(kind)
                tax, standard_tax = base * rate.value, base * standard.value
                lines[kind] = TaxLine(
                    kind,
                    base,
                    rate.value,
                    standard.value,
                    tax,
                    standard_tax,
                    standard_tax - tax,
                    rate.cite,
                )
            rows.append(YearRow(regime.id, planned.year, residence_year, lines))
    return Projection(regime.id, status, tuple(rows))


def _regime(regime_id: str) -> Regime:
    _load_regions()
    try:
        return REGIMES[regime_id]
    except KeyError:
        raise ProgramError(f"no regional regime {regime_id!r}; known: {sorted(REGIMES)}") from None


def _load_regions() -> None:
    for module in ("samara", "ulyanovsk"):  # importing registers the regimes
        importlib.import_module(f"{__package__}.{module}")


# ---------------------------------------------------------------------------------------
# Comparison


@dataclass(frozen=True)
class NotProjected:
    regime: str
    status: str
    missing: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Rank:
    rank: int
    regime: str
    status: str
    total_tax: Decimal
    total_standard_tax: Decimal
    total_saving: Decimal


@dataclass(frozen=True)
class Comparison:
    """Projections ranked by total saving (largest first; ties by regime id)."""

    projections: tuple[Projection, ...]
    not_projected: tuple[NotProjected, ...] = field(default=())

    def ranking(self) -> list[Rank]:
        return [
            Rank(i, p.regime, p.status, p.total_tax, p.total_standard_tax, p.total_saving)
            for i, p in enumerate(self.projections, start=1)
        ]

    def rows(self) -> list[dict[str, Any]]:
        """The year-by-year table: one row per regime and year, exact Decimals."""
        table = []
        for projection in self.projections:
            for row in projection.rows:
                record: dict[str, Any] = {
                    "regime": row.regime,
                    "status": projection.status,
                    "year": row.year,
                    "residence_year": row.residence_year,
                }
                for kind, line in row.lines.items():
                    record[f"{kind}_tax"] = line.tax
                    record[f"{kind}_standard_tax"] = line.standard_tax
                    record[f"{kind}_saving"] = line.saving
                record["tax"] = row.tax
                record["standard_tax"] = row.standard_tax
                record["saving"] = row.saving
                table.append(record)
        return table

    def frame(self) -> pl.DataFrame:
        rows = self.rows()
        money = pl.Decimal(38, 10)
        schema: dict[str, pl.DataType] = {
            "regime": pl.String(),
            "status": pl.String(),
            "year": pl.Int64(),
            "residence_year": pl.Int64(),
        }
        for name in rows[0] if rows else {}:
            schema.setdefault(name, money)
        return pl.DataFrame(rows, schema=schema)


PROJECTED = (Status.ELIGIBLE.value, Status.NEEDS_REVIEW.value)


def compare(
    plan: InvestmentPlan,
    enterprise_facts: Mapping[str, Any],
    as_of: dt.date,
    *,
    include_review: bool = True,
    regimes: Iterable[str] | None = None,
) -> Comparison:
    """Where should we build? Screens every regime (criteria as of ``as_of``) on the facts
    derived from the plan plus the enterprise's facts (which win where both give one), then
    projects the plan under each regime the enterprise qualifies for — ``needs_review``
    included unless ``include_review`` is false — and ranks them by total saving."""
    _load_regions()
    chosen = [REGIMES[r] for r in (regimes if regimes is not None else sorted(REGIMES))]
    case_facts = {**plan.facts(), **enterprise_facts}
    rules = RuleSet([r.program for r in chosen], as_of)
    results = {result.program.id: result for result in rules.explain(case_facts)}
    accepted = PROJECTED if include_review else (Status.ELIGIBLE.value,)
    projections: list[Projection] = []
    others: list[NotProjected] = []
    for regime in chosen:
        result = results.get(regime.program.id)
        if result is None:  # the regime, or the numbers it needs, not in force on as_of
            reason = rules.unavailable.get(regime.program.id, f"not in force on {as_of}")
            others.append(NotProjected(regime.id, "not_in_force", (), reason))
            continue
        status = result.status.value
        if status not in accepted:
            others.append(NotProjected(regime.id, status, result.missing_facts, "does not qualify"))
            continue
        values = {v.value.id: v for v in result.values}
        variants = [values[name].result for name in regime.variant_values]
        if any(variant is None for variant in variants):
            needed = tuple(
                sorted(
                    {
                        f
                        for name in regime.variant_values
                        for f, x in values[name].facts.items()
                        if x is None
                    }
                )
            )
            others.append(NotProjected(regime.id, status, needed, "rates depend on unknown facts"))
            continue
        projections.append(project(regime.id, plan, [str(v) for v in variants], status=status))
    projections.sort(key=lambda p: (-p.total_saving, p.regime))
    return Comparison(tuple(projections), tuple(others))
