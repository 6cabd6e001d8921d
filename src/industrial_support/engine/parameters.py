"""Parameters: the law's numbers as dated data with a citation per value.

A parameter file is YAML::

    loan_max:
      en: Largest loan
      ja: 融資額の上限
      unit: RUB                # a currency, or ratio / persons / days / months / years / count / text
      values:
        - from: 2020-01-01     # in force from this day (inclusive) ...
          to: 2023-12-31       # ... optionally until this day (inclusive)
          value: 500000000
          cite: 004 §1-1(4)
        - from: 2024-01-01
          table:               # a value per key, each with its own citation
            cars: {value: 25000, cite: 000 Art.62(2)}
        - from: 2027-01-01
          unavailable: not yet published   # asking for it is an error naming the reason

Loading is strict: an unknown key, a missing citation, a float-looking number that is not
exact, or two entries covering the same day is a load error. Rules ask for values *as of*
a date; a date no entry covers is an error, never a silent default.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .citations import Citation, cite
from .errors import CitationError, ParameterError

__all__ = ["ParameterError", "ParameterSet", "ParameterView", "Resolved", "load_yaml"]
from .money import CURRENCY_DIGITS

INTEGER_UNITS = {"persons", "days", "months", "years", "count", "units"}
KNOWN_UNITS = INTEGER_UNITS | {"ratio", "text", "date", "flag"} | set(CURRENCY_DIGITS)

Scalar = Decimal | int | str | bool | dt.date


# libyaml's parser where PyYAML has it: the pure-Python one added 0.4 s to the start of each
# process (a CLI call, a test run, every Ray worker), reading the parameter files.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DecimalLoader(_SafeLoader):  # type: ignore[misc]
    """YAML loader that reads every non-integer number as an exact Decimal."""


def _construct_decimal(loader: Any, node: yaml.Node) -> Decimal:
    return Decimal(str(loader.construct_scalar(node)).replace("_", ""))


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


def load_yaml(path: Path) -> Any:
    """Read YAML with exact decimals (shared by parameter and case files)."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_DecimalLoader)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class TableRow(_Strict):
    value: Scalar
    cite: str

    @field_validator("cite")
    @classmethod
    def _valid_cite(cls, text: str) -> str:
        cite(text)
        return text


class Entry(_Strict):
    from_: dt.date = Field(alias="from")
    to: dt.date | None = None
    value: Scalar | list[Scalar] | None = None
    table: dict[str, TableRow] | None = None
    cite: str | None = None
    note: str | None = None
    # A period the value is known to exist for but is not entered (not yet published, not
    # verified): asking for it is an error that says why, never a neighbouring value.
    unavailable: str | None = None

    @model_validator(mode="after")
    def _shape(self) -> Entry:
        given = [self.value is not None, self.table is not None, self.unavailable is not None]
        if sum(given) != 1:
            raise ValueError("give exactly one of 'value', 'table' or 'unavailable'")
        if self.value is not None and not self.cite:
            raise ValueError("a value needs its 'cite'")
        if self.cite:
            cite(self.cite)
        if self.to is not None and self.to < self.from_:
            raise ValueError(f"'to' {self.to} is before 'from' {self.from_}")
        return self


class Definition(_Strict):
    en: str
    ja: str
    unit: str
    values: list[Entry]

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        if unit not in KNOWN_UNITS:
            raise ValueError(f"unit {unit!r} is not one of {sorted(KNOWN_UNITS)}")
        return unit


@dataclass(frozen=True)
class Resolved:
    """One parameter's value as of a date, with where it comes from."""

    name: str
    value: Any  # Decimal | int | str | bool | date | list | dict[str, Any]
    unit: str
    effective_from: dt.date
    effective_to: dt.date | None
    citations: tuple[Citation, ...]
    en: str
    ja: str


class Parameter:
    def __init__(self, name: str, definition: Definition) -> None:
        self.name = name
        self.definition = definition
        self.entries = sorted(definition.values, key=lambda entry: entry.from_)
        for earlier, later in zip(self.entries, self.entries[1:], strict=False):
            if earlier.from_ == later.from_ or (
                earlier.to is not None and earlier.to >= later.from_
            ):
                raise ParameterError(
                    f"parameter {name!r}: entries from {earlier.from_} and {later.from_} overlap"
                )

    @property
    def unit(self) -> str:
        return self.definition.unit

    def as_of(self, date: dt.date) -> Resolved:
        chosen: Entry | None = None
        for index, entry in enumerate(self.entries):
            following = self.entries[index + 1] if index + 1 < len(self.entries) else None
            ends = entry.to or (following.from_ - dt.timedelta(days=1) if following else None)
            if entry.from_ <= date and (ends is None or date <= ends):
                chosen = entry
                break
        if chosen is None:
            spans = ", ".join(f"{e.from_}..{e.to or ''}" for e in self.entries)
            raise ParameterError(
                f"parameter {self.name!r} has no value in force on {date} ({spans})"
            )
        if chosen.unavailable is not None:
            raise ParameterError(
                f"parameter {self.name!r} is unavailable on {date}: {chosen.unavailable}"
            )
        if chosen.table is not None:
            value: Any = {key: self._typed(row.value) for key, row in chosen.table.items()}
            citations = tuple(dict.fromkeys(cite(row.cite) for row in chosen.table.values()))
        else:
            raw = chosen.value
            value = (
                [self._typed(item) for item in raw] if isinstance(raw, list) else self._typed(raw)
            )
            citations = (cite(chosen.cite or ""),)
        return Resolved(
            self.name,
            value,
            self.unit,
            chosen.from_,
            chosen.to,
            citations,
            self.definition.en,
            self.definition.ja,
        )

    def _typed(self, raw: Any) -> Any:
        if isinstance(raw, bool) or self.unit in ("text", "date", "flag"):
            return raw
        if isinstance(raw, int | Decimal):
            number = Decimal(raw)
            if self.unit in INTEGER_UNITS:
                if number != number.to_integral_value():
                    raise ParameterError(f"parameter {self.name!r}: {self.unit} must be whole")
                return int(number)
            return number
        raise ParameterError(
            f"parameter {self.name!r}: expected a number in {self.unit}, got {raw!r}"
        )


class ParameterSet:
    """All parameters of one file."""

    def __init__(self, source: str, parameters: Mapping[str, Parameter]) -> None:
        self.source = source
        self.parameters = dict(parameters)

    @classmethod
    def load(cls, path: Path) -> ParameterSet:
        try:
            raw = load_yaml(path)
        except (OSError, yaml.YAMLError) as error:
            raise ParameterError(f"{path}: cannot read parameter file: {error}") from None
        return cls.from_mapping(raw, str(path))

    @classmethod
    def from_mapping(cls, raw: Any, source: str) -> ParameterSet:
        if not isinstance(raw, Mapping):
            raise ParameterError(f"{source}: expected a mapping of parameter names")
        parameters = {}
        for name, body in raw.items():
            try:
                parameters[name] = Parameter(name, Definition.model_validate(body))
            except ValidationError as error:
                first = error.errors()[0]
                where = ".".join(str(part) for part in first["loc"])
                raise ParameterError(
                    f"{source}: parameter {name!r}: {where}: {first['msg']}"
                ) from None
            except CitationError as error:
                raise ParameterError(f"{source}: parameter {name!r}: {error}") from None
        return cls(source, parameters)

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self.parameters[name]
        except KeyError:
            raise ParameterError(f"{self.source}: no parameter named {name!r}") from None

    def as_of(self, date: dt.date) -> ParameterView:
        return ParameterView(self, date)


class ParameterView:
    """What a rule sees as ``p``: values in force on one date; it remembers what was read,
    so that every explanation can show the parameter values and citations it used."""

    def __init__(self, parameters: ParameterSet, date: dt.date) -> None:
        self._parameters = parameters
        self.date = date
        self.used: dict[str, Resolved] = {}

    def resolve(self, name: str) -> Resolved:
        if name not in self.used:
            self.used[name] = self._parameters[name].as_of(self.date)
        return self.used[name]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.resolve(name).value

    def fork(self) -> ParameterView:
        """A fresh view on the same date, to record what one rule reads."""
        return ParameterView(self._parameters, self.date)
