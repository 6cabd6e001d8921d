"""Programs: a support measure (or a classification, or a duty) as cited criteria and
computed values written once as column expressions.

    sme = Program("jp.sme", jurisdiction="JP", kind="classification", ...)

    @sme.criterion("capital_or_employees", "002 Art.2(1)(i)", en="...", ja="...")
    def _(f, p):
        return (f.capital <= p.capital_max) | (f.regular_employees <= p.employees_max)

``f`` gives fact columns (checked against the jurisdiction's catalog), ``p`` parameter values
in force on the evaluation date. The same expression evaluates one case or millions.

Dated rules (one idiom for programs, criteria and values, in the spirit of OpenFisca's dated
formulas): ``Program(in_force_from=, in_force_to=)`` and ``criterion(..., from_=, to=)`` /
``value(..., from_=, to=)``, both bounds inclusive. An amended article keeps both versions
under one id with periods that do not overlap; :meth:`Program.in_force_on` picks what is in
force on the evaluation date before anything is compiled::

    @gate.criterion("c4_producers_register", "000 Art.25(5)", en=..., ja=..., to=LAST_CT_KZ_DAY)
    def _(f, p): return f.kz_in_producers_register | f.kz_holds_ct_kz_certificate
    @gate.criterion("c4_producers_register", "000 Art.25(5)", en=..., ja=..., from_=NEW_DAY)
    def _(f, p): return f.kz_in_producers_register

Exceptions the law states as exceptions (Catala's ``exception``):
``@program.exception_to("base_id", citation, en=, ja=, when=rule)`` — where ``when`` holds,
the decorated rule decides the criterion instead of the base rule (an unknown ``when`` leaves
the criterion unknown unless both rules agree).

Criteria several programs share are written once with :func:`shared_criterion` and attached
with ``program.include(...)``: each program lists what it shares.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

import polars as pl

from .citations import Citation, cite
from .errors import ProgramError
from .facts import FactCatalog, FactsView, catalog
from .parameters import ParameterSet, ParameterView
from .sectors import ANY
from .sectors import check as check_sectors

RuleFn = Callable[[FactsView, ParameterView], pl.Expr]
ValueFn = Callable[[FactsView, ParameterView, "ValuesView"], pl.Expr]
Text = Mapping[str, str]  # {"en": ..., "ja": ...}
DateLike = dt.date | str | None


def _day(value: DateLike) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def within(date: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    """The one "in force" test: ``start`` and ``end`` inclusive, ``None`` open."""
    return (start is None or start <= date) and (end is None or date <= end)


def _overlap(
    a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date | None, dt.date | None]
) -> bool:
    lo = max((d for d in (a[0], b[0]) if d is not None), default=None)
    hi = min((d for d in (a[1], b[1]) if d is not None), default=None)
    return lo is None or hi is None or lo <= hi


KINDS = {
    "classification": {"en": "classification", "ja": "区分判定"},
    "certification": {"en": "plan certification", "ja": "計画認定"},
    "insurance": {"en": "credit insurance", "ja": "信用保険"},
    "equity": {"en": "equity investment", "ja": "出資"},
    "fee_relief": {"en": "fee relief", "ja": "料金減免"},
    "obligation": {"en": "obligation", "ja": "義務"},
    "loan": {"en": "loan", "ja": "融資"},
    "subsidy": {"en": "subsidy", "ja": "補助金"},
    "tax_regime": {"en": "tax regime", "ja": "税制優遇"},
    "contract": {"en": "contract", "ja": "契約"},
    "guarantee": {"en": "guarantee", "ja": "保証"},
    "register": {"en": "register", "ja": "登録"},
    "measure": {"en": "support measure", "ja": "支援措置"},
}


@dataclass(frozen=True)
class Criterion:
    id: str
    citation: Citation
    en: str
    ja: str
    build: RuleFn | None
    applies: RuleFn | None = None
    # What a "no" or an "unknown" means: most criteria refuse / wait for facts; criteria the
    # law leaves to an official turn into a review instead.
    on_fail: Literal["ineligible", "review"] = "ineligible"
    on_unknown: Literal["undetermined", "review"] = "undetermined"
    requires: Program | None = None  # the criterion is another program's status
    in_force_from: dt.date | None = None
    in_force_to: dt.date | None = None
    # Exceptions the law states to this rule, in the order declared (see exception_to).
    exceptions: tuple[RuleException, ...] = ()

    def in_force(self, date: dt.date) -> bool:
        return within(date, self.in_force_from, self.in_force_to)


@dataclass(frozen=True)
class RuleException:
    """Where ``when`` holds, ``build`` decides the base criterion instead of its own rule."""

    citation: Citation
    en: str
    ja: str
    when: RuleFn
    build: RuleFn


@dataclass(frozen=True)
class ComputedValue:
    id: str
    citation: Citation
    en: str
    ja: str
    unit: str  # a currency code, or ratio / date / years / days / count / persons
    build: ValueFn
    rounding: Literal["half_even", "half_up", "floor"] | None = None  # to the unit's digits
    in_force_from: dt.date | None = None
    in_force_to: dt.date | None = None

    def in_force(self, date: dt.date) -> bool:
        return within(date, self.in_force_from, self.in_force_to)


class ValuesView:
    """What a value rule sees as ``v``: earlier values of the same program (as columns)."""

    def __init__(self, expressions: Mapping[str, pl.Expr]) -> None:
        self._expressions = expressions

    def __getattr__(self, name: str) -> pl.Expr:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return self._expressions[name]
        except KeyError:
            raise ProgramError(f"value {name!r} is not defined before it is used") from None


@dataclass
class Program:
    id: str
    jurisdiction: str
    kind: str
    title: Text
    source: Citation | str
    summary: Text = field(default_factory=dict)
    provider: Text = field(default_factory=dict)
    parameters: ParameterSet | None = None
    in_force_from: dt.date | None = None
    in_force_to: dt.date | None = None
    # Industries the seed restricts the program to (engine/sectors.py); ("any",) if none.
    sectors: tuple[str, ...] = (ANY,)
    criteria: list[Criterion] = field(default_factory=list)
    values: list[ComputedValue] = field(default_factory=list)

    def __post_init__(self) -> None:
        if isinstance(self.source, str):
            self.source = cite(self.source)
        if self.kind not in KINDS:
            raise ProgramError(
                f"program {self.id}: kind {self.kind!r} is not one of {sorted(KINDS)}"
            )
        if set(self.title) != {"en", "ja"}:
            raise ProgramError(f"program {self.id}: title needs 'en' and 'ja'")
        self.sectors = check_sectors(self.sectors, self.id)
        register(self)

    def __hash__(self) -> int:
        return hash(self.id)

    @property
    def citation(self) -> Citation:
        assert isinstance(self.source, Citation)
        return self.source

    @property
    def facts(self) -> FactCatalog:
        return catalog(self.jurisdiction)

    def in_force(self, date: dt.date) -> bool:
        return within(date, self.in_force_from, self.in_force_to)

    def in_force_on(self, date: dt.date) -> tuple[list[Criterion], list[ComputedValue]]:
        """The criteria and values in force on ``date`` (one version of each id at most),
        each criterion with its exceptions folded in: what the compiler compiles."""
        criteria = [_with_exceptions(c) for c in self.criteria if c.in_force(date)]
        return criteria, [v for v in self.values if v.in_force(date)]

    def _check_new(
        self, identifier: str, start: dt.date | None = None, end: dt.date | None = None
    ) -> None:
        """An id may come back only as another dated version whose period does not overlap."""
        rules: list[Criterion | ComputedValue] = [*self.criteria, *self.values]
        for rule in rules:
            if rule.id == identifier and _overlap(
                (rule.in_force_from, rule.in_force_to), (start, end)
            ):
                raise ProgramError(
                    f"program {self.id}: {identifier!r} is defined twice for the same dates"
                )
        if start is not None and end is not None and end < start:
            raise ProgramError(f"program {self.id}: {identifier!r} ends before it starts")

    def criterion(
        self,
        identifier: str,
        citation: str,
        *,
        en: str,
        ja: str,
        applies: RuleFn | None = None,
        on_fail: Literal["ineligible", "review"] = "ineligible",
        on_unknown: Literal["undetermined", "review"] = "undetermined",
        from_: DateLike = None,
        to: DateLike = None,
    ) -> Callable[[RuleFn], RuleFn]:
        """Decorator: add a criterion whose expression is True (met), False or null, in force
        from ``from_`` to ``to`` (inclusive; open when omitted)."""
        start, end = _day(from_), _day(to)

        def decorate(build: RuleFn) -> RuleFn:
            self._check_new(identifier, start, end)
            self.criteria.append(
                Criterion(
                    identifier,
                    cite(citation),
                    en,
                    ja,
                    build,
                    applies,
                    on_fail,
                    on_unknown,
                    in_force_from=start,
                    in_force_to=end,
                )
            )
            return build

        return decorate

    def include(self, *criteria: Criterion) -> None:
        """Attach criteria written once for several programs (see :func:`shared_criterion`):
        the program lists what it shares, no helper call or import adds rules behind it."""
        for shared in criteria:
            self._check_new(shared.id, shared.in_force_from, shared.in_force_to)
            self.criteria.append(shared)

    def exception_to(
        self, base: str, citation: str, *, en: str, ja: str, when: RuleFn
    ) -> Callable[[RuleFn], RuleFn]:
        """Decorator: an exception the law states to criterion ``base`` (every dated version
        of it): where ``when`` is true, the decorated rule decides instead of the base rule."""

        def decorate(build: RuleFn) -> RuleFn:
            versions = [i for i, c in enumerate(self.criteria) if c.id == base]
            if not versions:
                raise ProgramError(f"program {self.id}: no criterion {base!r} to except from")
            exception = RuleException(cite(citation), en, ja, when, build)
            for index in versions:
                criterion = self.criteria[index]
                self.criteria[index] = replace(
                    criterion, exceptions=(*criterion.exceptions, exception)
                )
            return build

        return decorate

    def requires_program(
        self,
        other: Program,
        identifier: str,
        citation: str,
        *,
        en: str,
        ja: str,
        applies: RuleFn | None = None,
        from_: DateLike = None,
        to: DateLike = None,
    ) -> None:
        """Add a criterion that holds when another program's status is eligible.

        The other program's rules are inlined, not re-implemented: one rule source.
        """
        if other.jurisdiction != self.jurisdiction:
            raise ProgramError(f"{self.id} cannot require {other.id} from another jurisdiction")
        start, end = _day(from_), _day(to)
        self._check_new(identifier, start, end)
        self.criteria.append(
            Criterion(
                identifier,
                cite(citation),
                en,
                ja,
                None,
                applies,
                requires=other,
                in_force_from=start,
                in_force_to=end,
            )
        )

    def value(
        self,
        identifier: str,
        citation: str,
        *,
        unit: str,
        en: str,
        ja: str,
        rounding: Literal["half_even", "half_up", "floor"] | None = None,
        from_: DateLike = None,
        to: DateLike = None,
    ) -> Callable[[ValueFn], ValueFn]:
        """Decorator: add a computed value (an amount, a rate, a date), in force from
        ``from_`` to ``to`` (inclusive; open when omitted)."""
        start, end = _day(from_), _day(to)

        def decorate(build: ValueFn) -> ValueFn:
            self._check_new(identifier, start, end)
            self.values.append(
                ComputedValue(identifier, cite(citation), en, ja, unit, build, rounding, start, end)
            )
            return build

        return decorate

    def parameter_view(self, date: dt.date) -> ParameterView:
        if self.parameters is None:
            return ParameterView(ParameterSet(f"{self.id} (no parameters)", {}), date)
        return self.parameters.as_of(date)


def shared_criterion(
    identifier: str,
    citation: str,
    build: RuleFn,
    *,
    en: str,
    ja: str,
    applies: RuleFn | None = None,
    on_fail: Literal["ineligible", "review"] = "ineligible",
    on_unknown: Literal["undetermined", "review"] = "undetermined",
    from_: DateLike = None,
    to: DateLike = None,
) -> Criterion:
    """A criterion written once and attached to several programs with ``Program.include``."""
    return Criterion(
        identifier,
        cite(citation),
        en,
        ja,
        build,
        applies,
        on_fail,
        on_unknown,
        in_force_from=_day(from_),
        in_force_to=_day(to),
    )


def _with_exceptions(criterion: Criterion) -> Criterion:
    """Fold the exceptions into one rule: the last exception declared whose ``when`` holds
    decides; none holding, the base rule decides; where ``when`` is unknown the result is
    known only if both rules give the same answer."""
    if not criterion.exceptions or criterion.build is None:
        return criterion
    base = criterion.build
    exceptions = criterion.exceptions

    def build(f: FactsView, p: ParameterView) -> pl.Expr:
        expr = base(f, p)
        for exception in exceptions:
            when = exception.when(f, p)
            instead = exception.build(f, p)
            # Unknown whether the exception holds: known only where both rules agree.
            expr = (
                pl.when(when)
                .then(instead)
                .when(when.not_())
                .then(expr)
                .when(expr == instead)
                .then(expr)
            )
        return expr

    return replace(criterion, build=build)


_REGISTRY: dict[str, Program] = {}


def register(program: Program) -> None:
    if program.id in _REGISTRY and _REGISTRY[program.id] is not program:
        raise ProgramError(f"program id {program.id!r} is registered twice")
    _REGISTRY[program.id] = program


def all_programs() -> list[Program]:
    from .. import programs  # noqa: F401  - importing the package registers every program

    return sorted(_REGISTRY.values(), key=lambda program: program.id)


def get_program(identifier: str) -> Program:
    for program in all_programs():
        if program.id == identifier:
            return program
    known = ", ".join(program.id for program in all_programs())
    raise ProgramError(f"program: unknown id {identifier!r}; known programs: {known}")


def text(mapping: Mapping[str, str], lang: str) -> str:
    return mapping.get(lang) or mapping.get("en") or next(iter(mapping.values()), "")
