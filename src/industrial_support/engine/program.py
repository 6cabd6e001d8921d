"""Programs: a support measure (or a classification, or a duty) as cited criteria and
computed values written once as column expressions. From ``programs/jp/sme.py``::

    sme = Program(id="jp.sme", jurisdiction="JP", kind="classification",
                  title={...}, source="002 Art.2(1)", parameters=PARAMETERS)

    @sme.criterion("company_size", "002 Art.2(1)(i)-(v)", en="...", ja="...",
                   applies=lambda f, p: f.legal_form == COMPANY)
    def _company_size(f: F, p: P) -> pl.Expr:
        capital_ok = at_most_by_key(f.capital, f.main_industry, p.capital_max)
        employees_ok = at_most_by_key(
            f.regular_employees, f.main_industry, p.employees_max, pl.Int64()
        )
        return capital_ok | employees_ok  # Kleene "or": one known pass decides

``f`` gives fact columns (checked against the jurisdiction's catalog), ``p`` parameter values
in force on the evaluation date (here tables keyed by industry, from ``sme.yaml``). The same
expression evaluates one case or millions (:mod:`.evaluate`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class ComputedValue:
    id: str
    citation: Citation
    en: str
    ja: str
    unit: str  # a currency code, or ratio / date / years / days / count / persons
    build: ValueFn
    rounding: Literal["half_even", "half_up", "floor"] | None = None  # to the unit's digits


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
        return (self.in_force_from is None or self.in_force_from <= date) and (
            self.in_force_to is None or date <= self.in_force_to
        )

    def _check_new(self, identifier: str) -> None:
        taken = {c.id for c in self.criteria} | {v.id for v in self.values}
        if identifier in taken:
            raise ProgramError(f"program {self.id}: {identifier!r} is defined twice")

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
    ) -> Callable[[RuleFn], RuleFn]:
        """Decorator: add a criterion whose expression is True (met), False or null."""

        def decorate(build: RuleFn) -> RuleFn:
            self._check_new(identifier)
            self.criteria.append(
                Criterion(identifier, cite(citation), en, ja, build, applies, on_fail, on_unknown)
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
    ) -> None:
        """Add a criterion that holds when another program's status is eligible.

        The other program's rules are inlined, not re-implemented: one rule source.
        """
        if other.jurisdiction != self.jurisdiction:
            raise ProgramError(f"{self.id} cannot require {other.id} from another jurisdiction")
        self._check_new(identifier)
        self.criteria.append(
            Criterion(identifier, cite(citation), en, ja, None, applies, requires=other)
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
    ) -> Callable[[ValueFn], ValueFn]:
        """Decorator: add a computed value (an amount, a rate, a date)."""

        def decorate(build: ValueFn) -> ValueFn:
            self._check_new(identifier)
            self.values.append(
                ComputedValue(identifier, cite(citation), en, ja, unit, build, rounding)
            )
            return build

        return decorate

    def parameter_view(self, date: dt.date) -> ParameterView:
        if self.parameters is None:
            return ParameterView(ParameterSet(f"{self.id} (no parameters)", {}), date)
        return self.parameters.as_of(date)


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
