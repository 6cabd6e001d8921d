"""Reforms as data: a proposal's changes to programs, applied without touching the law's files.

A reform file is YAML::

    reform:
      id: ru-offshore-25
      en: Lower the offshore ceiling of Decree 1176 to 25%
      ja: 政府決定第1176号のオフショア上限を25％に引下げ
    programs:
      ru.pp1176:
        parameters:               # same schema as a program's parameter file
          offshore_share_max:
            en: ...
            ja: ...
            unit: ratio           # must be the unit of the parameter it overrides
            values:
              - {from: 2025-01-01, value: 0.25, cite: "proposal §1"}
        switch_off:               # criteria that no longer apply from a day
          - {criterion: no_other_federal_funds, from: 2025-01-01, cite: "proposal §2"}
        caps:                     # a ceiling on a computed money value, as a dated parameter
          subsidy_amount:
            en: ...
            ja: ...
            unit: RUB
            values:
              - {from: 2025-01-01, value: 400000000, cite: "proposal §3"}

Every value and switch cites the proposal (``proposal <reference>``), never a law: a reformed
explanation shows at a glance which numbers are the law's and which are proposed. From its
first day a reformed parameter replaces the law's entries (earlier days keep the law's).
Loading is as strict as the parameter files' and reports every problem at once.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import polars as pl
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .citations import PROPOSAL, cite
from .errors import CitationError, IsupportError, ParameterError
from .facts import FactsView
from .money import CURRENCY_DIGITS
from .parameters import Definition, Parameter, ParameterSet, ParameterView, load_yaml
from .program import ComputedValue, Criterion, Program, ValuesView, get_program
from .rules import least

CAP_PREFIX = "reform_cap__"


class ReformError(IsupportError):
    """A reform file that cannot be applied (every problem listed)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _About(_Strict):
    id: str
    en: str
    ja: str


class _SwitchOff(_Strict):
    criterion: str
    from_: dt.date = Field(alias="from")
    cite: str


class _ProgramChanges(_Strict):
    parameters: dict[str, Definition] = Field(default_factory=dict)
    switch_off: list[_SwitchOff] = Field(default_factory=list)
    caps: dict[str, Definition] = Field(default_factory=dict)


class _ReformFile(_Strict):
    reform: _About
    programs: dict[str, _ProgramChanges]


@dataclass(frozen=True)
class Change:
    """One thing a reform changes, for marking it in listings and explanations."""

    program: str
    kind: str  # "parameter" | "switch_off" | "cap"
    name: str
    start: dt.date
    citation: str


@dataclass
class Reform:
    id: str
    title: Mapping[str, str]
    source: str
    changes: list[Change] = field(default_factory=list)
    _programs: dict[str, _ProgramChanges] = field(default_factory=dict, repr=False)
    _applied: dict[str, Program] = field(default_factory=dict, repr=False)

    @property
    def program_ids(self) -> list[str]:
        return list(self._programs)

    def changed_parameters(self, program_id: str) -> set[str]:
        return {c.name for c in self.changes if c.program == program_id and c.kind != "switch_off"}

    def apply(self, program: Program) -> Program:
        """The program as the reform would have it (itself if the reform leaves it alone).
        Programs it requires are reformed too, so a changed gate reaches those built on it."""
        if program.id in self._applied:
            return self._applied[program.id]
        changes = self._programs.get(program.id)
        criteria = [
            replace(c, requires=self.apply(c.requires)) if c.requires is not None else c
            for c in program.criteria
        ]
        required_changed = any(
            a.requires is not b.requires for a, b in zip(criteria, program.criteria, strict=True)
        )
        if changes is None and not required_changed:
            self._applied[program.id] = program
            return program
        # A copy outside the registry: the law's program stays as it is for everyone else.
        reformed = copy.copy(program)
        reformed.criteria = criteria
        reformed.values = list(program.values)
        if changes is not None:
            reformed.parameters = _reformed_parameters(program, changes)
            reformed.criteria = _switched_off(reformed.criteria, changes.switch_off)
            reformed.values = [_capped(v, changes.caps) for v in reformed.values]
        self._applied[program.id] = reformed
        return reformed

    def apply_all(self, programs: list[Program]) -> list[Program]:
        return [self.apply(p) for p in programs]


def load_reform(path: Path) -> Reform:
    try:
        raw = load_yaml(path)
    except (OSError, yaml.YAMLError) as error:
        raise ReformError(f"{path}: cannot read reform file: {error}") from None
    return reform_from_mapping(raw, str(path))


def reform_from_mapping(raw: Any, source: str) -> Reform:
    try:
        parsed = _ReformFile.model_validate(raw)
    except ValidationError as error:
        raise ReformError(f"{source}: " + "; ".join(_message(e) for e in error.errors())) from None
    problems: list[str] = []
    changes: list[Change] = []
    for pid, body in parsed.programs.items():
        try:
            program = get_program(pid)
        except IsupportError as error:
            problems.append(f"programs.{pid}: {error}")
            continue
        known = program.parameters.parameters if program.parameters else {}
        for name, definition in body.parameters.items():
            where = f"programs.{pid}.parameters.{name}"
            if name not in known:
                problems.append(f"{where}: {pid} has no parameter {name!r}")
                continue
            if definition.unit != known[name].unit:
                problems.append(
                    f"{where}.unit: expected {known[name].unit!r} (the law's unit), "
                    f"got {definition.unit!r}"
                )
            problems += _proposal_cites(where, definition)
            changes.append(Change(pid, "parameter", name, _start(definition), _first(definition)))
        criteria = {c.id for c in program.criteria}
        for index, switch in enumerate(body.switch_off):
            where = f"programs.{pid}.switch_off[{index}]"
            if switch.criterion not in criteria:
                problems.append(f"{where}.criterion: {pid} has no criterion {switch.criterion!r}")
            problems += _proposal_cite(f"{where}.cite", switch.cite)
            changes.append(Change(pid, "switch_off", switch.criterion, switch.from_, switch.cite))
        values = {v.id: v for v in program.values}
        for name, definition in body.caps.items():
            where = f"programs.{pid}.caps.{name}"
            if name not in values:
                problems.append(f"{where}: {pid} has no value {name!r}")
            elif values[name].unit not in CURRENCY_DIGITS or definition.unit != values[name].unit:
                problems.append(
                    f"{where}.unit: a cap is an amount in the value's currency "
                    f"({values[name].unit}), got {definition.unit!r}"
                )
            problems += _proposal_cites(where, definition)
            changes.append(Change(pid, "cap", name, _start(definition), _first(definition)))
    if problems:
        raise ReformError(f"{source}: " + "; ".join(problems))
    return Reform(
        parsed.reform.id,
        {"en": parsed.reform.en, "ja": parsed.reform.ja},
        source,
        changes,
        dict(parsed.programs),
    )


def _message(error: Any) -> str:
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}"


def _start(definition: Definition) -> dt.date:
    return min(entry.from_ for entry in definition.values)


def _first(definition: Definition) -> str:
    return next((e.cite for e in definition.values if e.cite), "")


def _proposal_cite(where: str, text: str | None) -> list[str]:
    try:
        if text is not None and cite(text).source == PROPOSAL:
            return []
    except CitationError:
        pass
    return [f"{where}: expected 'proposal <reference>' (a reform cites its proposal), got {text!r}"]


def _proposal_cites(where: str, definition: Definition) -> list[str]:
    found = []
    for index, entry in enumerate(definition.values):
        cites = [entry.cite] if entry.table is None else [r.cite for r in entry.table.values()]
        for text in cites:
            if entry.unavailable is None:
                found += _proposal_cite(f"{where}.values[{index}].cite", text)
    return found


def _reformed_parameters(program: Program, changes: _ProgramChanges) -> ParameterSet:
    base = program.parameters or ParameterSet(f"{program.id} (no parameters)", {})
    parameters = dict(base.parameters)
    for name, definition in changes.parameters.items():
        law = base.parameters[name]
        start = _start(definition)
        kept = []
        for entry in law.entries:
            if entry.from_ >= start:
                continue  # replaced by the reform
            if entry.to is None or entry.to >= start:
                entry = entry.model_copy(update={"to": start - dt.timedelta(days=1)})
            kept.append(entry)
        merged = law.definition.model_copy(update={"values": [*kept, *definition.values]})
        parameters[name] = Parameter(name, merged)
    for name, definition in changes.caps.items():
        parameters[CAP_PREFIX + name] = Parameter(CAP_PREFIX + name, definition)
    return ParameterSet(f"{base.source} + reform", parameters)


def _switched_off(criteria: list[Criterion], switches: list[_SwitchOff]) -> list[Criterion]:
    """A switched-off criterion is in force only until the day before the switch."""
    result = []
    for criterion in criteria:
        switch = next((s for s in switches if s.criterion == criterion.id), None)
        if switch is None:
            result.append(criterion)
            continue
        last = switch.from_ - dt.timedelta(days=1)
        if criterion.in_force_from is not None and criterion.in_force_from > last:
            continue
        end = last if criterion.in_force_to is None else min(criterion.in_force_to, last)
        result.append(replace(criterion, in_force_to=end))
    return result


def _capped(value: ComputedValue, caps: Mapping[str, Definition]) -> ComputedValue:
    if value.id not in caps:
        return value
    original = value.build
    name = CAP_PREFIX + value.id

    def build(f: FactsView, p: ParameterView, v: ValuesView) -> pl.Expr:
        expr = original(f, p, v)
        try:
            cap = p.resolve(name).value
        except ParameterError:
            return expr  # the cap is not in force on the evaluation date
        return least(expr, pl.lit(cap))

    return replace(value, build=build)


def is_proposed(citations: tuple[Any, ...]) -> bool:
    """Whether a resolved parameter's value comes from a reform."""
    return any(getattr(c, "source", None) == PROPOSAL for c in citations)


def change_rows(reform: Reform, as_of: dt.date) -> list[dict[str, Any]]:
    """Each change with the law's value and the reform's as of ``as_of`` (None where a side
    has no value that day), for marking reformed rules in listings and explanations."""
    rows = []
    for change in reform.changes:
        law = get_program(change.program)
        reformed = reform.apply(law)
        row: dict[str, Any] = {
            "program": change.program,
            "kind": change.kind,
            "name": change.name,
            "from": change.start.isoformat(),
            "citation": change.citation,
            "in_effect": change.start <= as_of,
        }
        if change.kind == "switch_off":
            row["law"] = any(c.id == change.name and c.in_force(as_of) for c in law.criteria)
            row["reform"] = any(
                c.id == change.name and c.in_force(as_of) for c in reformed.criteria
            )
        else:
            name = change.name if change.kind == "parameter" else CAP_PREFIX + change.name
            row["law"] = _value_or_none(law.parameters, name, as_of)
            row["reform"] = _value_or_none(reformed.parameters, name, as_of)
        rows.append(row)
    return rows


def _value_or_none(parameters: ParameterSet | None, name: str, as_of: dt.date) -> Any:
    if parameters is None or name not in parameters.parameters:
        return None
    try:
        return parameters[name].as_of(as_of).value
    except ParameterError:
        return None
