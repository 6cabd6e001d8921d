"""The facts catalog: every input fact has a name, a type, a unit or currency, allowed
values and a description in Japanese and English. Nothing outside the catalog is accepted.

Facts live in columns: one row is one enterprise (or one application). A missing fact is a
null, which the rules read as *unknown* — never as zero or false.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Context, Decimal
from typing import Any, Literal

import polars as pl

from .date_range import EARLIEST_DATE as EARLIEST_DATE
from .date_range import LATEST_DATE as LATEST_DATE
from .errors import N_, FactError, InputErrors, IsupportError, Problem, given
from .money import CURRENCY_DIGITS, MoneyError, to_decimal

FactKind = Literal["money", "decimal", "integer", "boolean", "enum", "date", "text"]

# Every exact number (money, ratios, rates) is held at this precision in frames. Products of
# an amount (2 decimals) and a rate (up to 6 decimals) stay exact; quotients are rounded
# half-to-even at the 10th decimal, which is the declared precision of ratios such as V = C/P.
DECIMAL = pl.Decimal(38, 10)
LARGEST_NUMBER = Decimal(10) ** 28
SMALLEST_STEP = Decimal(1).scaleb(-10)
EXACT = Context(prec=80)  # wide enough that checking a held value never rounds it
LARGEST_INTEGER = 2**63 - 1

MAX_NUMBER_TEXT = 100  # characters: longer number text is refused before Decimal reads it


@dataclass(frozen=True)
class FactSpec:
    name: str
    kind: FactKind
    en: str
    ja: str
    currency: str | None = None  # money only
    unit: str | None = None  # persons, years, share, ...
    values: tuple[str, ...] = ()  # enum only
    value_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    minimum: Decimal | None = None
    maximum: Decimal | None = None

    @property
    def dtype(self) -> pl.DataType:
        match self.kind:
            case "money" | "decimal":
                return DECIMAL
            case "integer":
                return pl.Int64()
            case "boolean":
                return pl.Boolean()
            case "enum":
                return pl.Enum(list(self.values))
            case "date":
                return pl.Date()
            case "text":
                return pl.String()

    def describe_type(self) -> str:
        match self.kind:
            case "money":
                return f"amount in {self.currency}"
            case "enum":
                return "one of " + ", ".join(self.values)
            case "date":
                return "date (YYYY-MM-DD)"
            case "boolean":
                return "true or false"
            case _:
                bounds = []
                if self.minimum is not None:
                    bounds.append(f">= {self.minimum}")
                if self.maximum is not None:
                    bounds.append(f"<= {self.maximum}")
                return " ".join([self.kind, *bounds]) + (f" ({self.unit})" if self.unit else "")

    def error(self, template: str, **params: Any) -> FactError:
        """A problem with this fact's value, labelled in both languages."""
        return FactError(self.name, template, {"en": self.en, "ja": self.ja}, **params)

    def parse(self, raw: Any) -> Any:
        """Validate one raw value (from YAML/JSON/a form) and return its typed value.

        ``None`` means the fact is explicitly unknown and is kept as a null.
        """
        if raw is None:
            return None
        match self.kind:
            case "money":
                return self._bounded(self._parse_money(raw))
            case "decimal":
                return self._bounded(self._number(raw))
            case "integer":
                if isinstance(raw, bool) or not isinstance(raw, int | str):
                    raise self.error(N_("expected a whole number, got {given}"), given=given(raw))
                try:
                    value = int(str(raw).replace("_", "").replace(",", ""))
                except ValueError:
                    raise self.error(
                        N_("expected a whole number, got {given}"), given=given(raw)
                    ) from None
                if abs(value) > LARGEST_INTEGER:
                    raise self.error(
                        N_("expected a whole number below 2^63, got {given}"), given=given(raw)
                    )
                self._bounded(Decimal(value))
                return value
            case "boolean":
                if not isinstance(raw, bool):
                    raise self.error(N_("expected true or false, got {given}"), given=given(raw))
                return raw
            case "enum":
                if not isinstance(raw, str) or raw not in self.values:
                    hint = suggest(raw, self.values) if isinstance(raw, str) else None
                    if hint:
                        raise self.error(
                            N_("expected one of {allowed}; got {given} (did you mean {hint}?)"),
                            allowed=", ".join(self.values),
                            given=given(raw),
                            hint=hint,
                        )
                    raise self.error(
                        N_("expected one of {allowed}; got {given}"),
                        allowed=", ".join(self.values),
                        given=given(raw),
                    )
                return raw
            case "date":
                return _parse_date(self, raw)
            case "text":
                if not isinstance(raw, str):
                    raise self.error(N_("expected text, got {given}"), given=given(raw))
                if not _printable(raw):
                    raise self.error(
                        N_("expected valid Unicode text, got {given}"), given=given(raw)
                    )
                return raw

    def _number(self, raw: Any) -> Decimal:
        if isinstance(raw, bool | float):
            raise self.error(
                N_("expected an exact number (integer or decimal string), got {given}"),
                given=given(raw),
            )
        if isinstance(raw, str) and len(raw) > MAX_NUMBER_TEXT:
            raise self.error(
                N_("expected a number below 10^28 in size, got {given}"), given=given(raw)
            )
        try:
            value = to_decimal(raw, self.name)
        except MoneyError as error:
            finite = "finite" in str(error)  # NaN or Infinity rather than no number at all
            raise self.error(
                N_("expected a finite number, got {given}")
                if finite
                else N_("expected a number, got {given}"),
                given=given(raw),
            ) from None
        # Facts are held as Decimal(38, 10): 28 digits before the point, 10 after.
        if abs(value) >= LARGEST_NUMBER:
            raise self.error(
                N_("expected a number below 10^28 in size, got {given}"), given=given(raw)
            )
        if value != value.quantize(SMALLEST_STEP, context=EXACT):
            raise self.error(N_("expected at most 10 decimals, got {given}"), given=given(raw))
        return value

    def _parse_money(self, raw: Any) -> Decimal:
        if isinstance(raw, Mapping):
            unknown = set(raw) - {"amount", "currency"}
            if unknown or "amount" not in raw:
                raise self.error(N_("expected {amount: <number>, currency: <code>} or a number"))
            currency = raw.get("currency", self.currency)
            if currency != self.currency:
                raise self.error(
                    N_("expected an amount in {currency}, got currency {given}"),
                    currency=self.currency,
                    given=given(currency),
                )
            raw = raw["amount"]
        amount = self._number(raw)
        digits = CURRENCY_DIGITS[self.currency or ""]
        if amount != amount.quantize(Decimal(1).scaleb(-digits), context=EXACT):
            raise self.error(
                N_("{currency} amounts have at most {digits} decimals, got {given}"),
                currency=self.currency,
                digits=digits,
                given=given(raw),
            )
        return amount

    def _bounded(self, value: Decimal) -> Decimal:
        if self.minimum is not None and value < self.minimum:
            raise self.error(
                N_("expected at least {minimum}, got {value}"), minimum=self.minimum, value=value
            )
        if self.maximum is not None and value > self.maximum:
            raise self.error(
                N_("expected at most {maximum}, got {value}"), maximum=self.maximum, value=value
            )
        return value


def _printable(text: str) -> bool:
    """False for text with lone surrogates (JSON's \\ud800), which no output can encode."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def suggest(name: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to a misspelt ``name`` (rapidfuzz), if one is close."""
    from rapidfuzz import fuzz, process, utils

    found = process.extractOne(
        name, list(choices), scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=80
    )
    return str(found[0]) if found else None


def _parse_date(spec: FactSpec, raw: Any) -> dt.date:
    return parse_date_value(raw, spec.error)


def parse_date_value(
    raw: Any,
    error: Callable[..., IsupportError],
    earliest: dt.date | None = None,
    latest: dt.date | None = None,
) -> dt.date:
    """A date as YAML parsed it or as text, within the catalog's plausible range."""
    earliest = earliest or EARLIEST_DATE
    latest = latest or LATEST_DATE
    if isinstance(raw, dt.datetime):
        raise error(N_("expected a date without time, got {given}"), given=given(raw))
    if isinstance(raw, dt.date):
        value = raw
    elif isinstance(raw, str):
        try:
            value = dt.date.fromisoformat(raw.strip())
        except ValueError:
            raise error(
                N_("expected a real date as YYYY-MM-DD, got {given}"), given=given(raw)
            ) from None
    else:
        raise error(N_("expected a date as YYYY-MM-DD, got {given}"), given=given(raw))
    # Rules add years and months to fact dates; far outside any law's horizon that
    # arithmetic leaves the calendar, so such dates are refused as typing errors.
    if not earliest <= value <= latest:
        raise error(
            N_("expected a date between {earliest} and {latest}, got {given}"),
            earliest=earliest,
            latest=latest,
            given=given(str(raw)),
        )
    return value


class FactCatalog:
    """The facts of one jurisdiction. Programs of that jurisdiction define what they read."""

    def __init__(self, jurisdiction: str) -> None:
        self.jurisdiction = jurisdiction
        self._specs: dict[str, FactSpec] = {}

    def define(
        self,
        name: str,
        kind: FactKind,
        *,
        en: str,
        ja: str,
        currency: str | None = None,
        unit: str | None = None,
        values: Iterable[str] = (),
        minimum: int | str | None = 0,
        maximum: int | str | None = None,
        value_labels: Mapping[str, Mapping[str, str]] | None = None,
    ) -> FactSpec:
        if kind == "money" and currency not in CURRENCY_DIGITS:
            raise FactError(name, f"money facts need a currency from {sorted(CURRENCY_DIGITS)}")
        if kind == "enum" and not values:
            raise FactError(name, "enum facts need their allowed values")
        numeric = kind in ("money", "decimal", "integer")
        spec = FactSpec(
            name=name,
            kind=kind,
            en=en,
            ja=ja,
            currency=currency,
            unit=unit,
            values=tuple(values),
            value_labels=value_labels or {},
            minimum=Decimal(minimum) if numeric and minimum is not None else None,
            maximum=Decimal(maximum) if numeric and maximum is not None else None,
        )
        existing = self._specs.get(name)
        if existing is not None and existing != spec:
            raise FactError(name, f"defined twice in {self.jurisdiction} with different meanings")
        self._specs[name] = spec
        return spec

    def __contains__(self, name: object) -> bool:
        return name in self._specs

    def __getitem__(self, name: str) -> FactSpec:
        try:
            return self._specs[name]
        except KeyError:
            raise FactError(
                name,
                N_("not a known {jurisdiction} fact (see 'isupport facts')"),
                jurisdiction=self.jurisdiction,
            ) from None

    def __iter__(self) -> Iterator[FactSpec]:
        return iter(self._specs.values())

    def specs(self) -> list[FactSpec]:
        return list(self._specs.values())

    @property
    def schema(self) -> dict[str, pl.DataType]:
        return {spec.name: spec.dtype for spec in self._specs.values()}

    def validate(self, facts: Mapping[str, Any]) -> dict[str, Any]:
        """Check names and types of one case's facts; every problem is reported at once
        (:class:`InputErrors`), each naming its field."""
        validated, problems = self.check(facts)
        if problems:
            raise InputErrors(problems)
        return validated

    def check(self, facts: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
        """(the valid facts typed, the problems of the others)."""
        validated: dict[str, Any] = {}
        problems: list[Problem] = []
        for name, raw in facts.items():
            if not isinstance(name, str) or name not in self._specs:
                problems.append(self.unknown(name))
                continue
            try:
                validated[name] = self._specs[name].parse(raw)
            except FactError as error:
                problems.extend(error.problems)
        return validated, problems

    def unknown(self, name: object) -> Problem:
        """An unknown fact name, with the closest known one."""
        hint = suggest(name, self._specs) if isinstance(name, str) else None
        if hint:
            return Problem(
                given(name).strip("'\""),
                N_("not a known {jurisdiction} fact; did you mean {hint}?"),
                {"jurisdiction": self.jurisdiction, "hint": hint},
                fact=True,
            )
        return Problem(
            given(name).strip("'\""),
            N_("not a known {jurisdiction} fact (see 'isupport facts')"),
            {"jurisdiction": self.jurisdiction},
            fact=True,
        )

    def frame(self, rows: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
        """Validated rows → a frame with one typed column per catalog fact."""
        validated = [self.validate(row) for row in rows]
        columns = {
            spec.name: pl.Series(spec.name, [row.get(spec.name) for row in validated], spec.dtype)
            for spec in self._specs.values()
        }
        return pl.DataFrame(columns)


_CATALOGS: dict[str, FactCatalog] = {}


def catalog(jurisdiction: str) -> FactCatalog:
    """The (single) catalog of a jurisdiction, created on first use."""
    return _CATALOGS.setdefault(jurisdiction, FactCatalog(jurisdiction))


class FactsView:
    """What a rule sees as ``f``: ``f.capital`` is the column of that fact, checked by name."""

    def __init__(self, facts: FactCatalog) -> None:
        self._catalog = facts

    def __getattr__(self, name: str) -> pl.Expr:
        if name.startswith("__"):
            raise AttributeError(name)
        self._catalog[name]  # raises FactError naming the unknown fact
        return pl.col(name)
