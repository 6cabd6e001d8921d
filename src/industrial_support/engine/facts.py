"""The facts catalog: every input fact has a name, a type, a unit or currency, allowed
values and a description in Japanese and English. Nothing outside the catalog is accepted.

Facts live in columns: one row is one enterprise (or one application). A missing fact is a
null, which the rules read as *unknown* — never as zero or false.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Context, Decimal
from typing import Any, Literal

import polars as pl

from .errors import FactError
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
EARLIEST_DATE = dt.date(1800, 1, 1)
LATEST_DATE = dt.date(2200, 12, 31)


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
                    raise FactError(self.name, f"expected a whole number, got {raw!r}")
                try:
                    value = int(str(raw).replace("_", "").replace(",", ""))
                except ValueError:
                    raise FactError(self.name, f"expected a whole number, got {raw!r}") from None
                if abs(value) > LARGEST_INTEGER:
                    raise FactError(self.name, f"expected a whole number below 2^63, got {raw!r}")
                self._bounded(Decimal(value))
                return value
            case "boolean":
                if not isinstance(raw, bool):
                    raise FactError(self.name, f"expected true or false, got {raw!r}")
                return raw
            case "enum":
                if raw not in self.values:
                    raise FactError(
                        self.name, f"expected one of {', '.join(self.values)}; got {raw!r}"
                    )
                return raw
            case "date":
                return _parse_date(self.name, raw)
            case "text":
                if not isinstance(raw, str):
                    raise FactError(self.name, f"expected text, got {raw!r}")
                return raw

    def _number(self, raw: Any) -> Decimal:
        try:
            value = to_decimal(raw, self.name)
        except MoneyError as error:
            raise FactError(self.name, str(error).split(": ", 1)[-1]) from None
        # Facts are held as Decimal(38, 10): 28 digits before the point, 10 after.
        if abs(value) >= LARGEST_NUMBER:
            raise FactError(self.name, f"expected a number below 10^28 in size, got {raw!r}")
        if value != value.quantize(SMALLEST_STEP, context=EXACT):
            raise FactError(self.name, f"expected at most 10 decimals, got {raw!r}")
        return value

    def _parse_money(self, raw: Any) -> Decimal:
        if isinstance(raw, Mapping):
            unknown = set(raw) - {"amount", "currency"}
            if unknown or "amount" not in raw:
                raise FactError(
                    self.name, "expected {amount: <number>, currency: <code>} or a number"
                )
            currency = raw.get("currency", self.currency)
            if currency != self.currency:
                raise FactError(
                    self.name, f"expected an amount in {self.currency}, got currency {currency!r}"
                )
            raw = raw["amount"]
        amount = self._number(raw)
        digits = CURRENCY_DIGITS[self.currency or ""]
        if amount != amount.quantize(Decimal(1).scaleb(-digits), context=EXACT):
            raise FactError(
                self.name, f"{self.currency} amounts have at most {digits} decimals, got {raw!r}"
            )
        return amount

    def _bounded(self, value: Decimal) -> Decimal:
        if self.minimum is not None and value < self.minimum:
            raise FactError(self.name, f"expected at least {self.minimum}, got {value}")
        if self.maximum is not None and value > self.maximum:
            raise FactError(self.name, f"expected at most {self.maximum}, got {value}")
        return value


def _parse_date(name: str, raw: Any) -> dt.date:
    if isinstance(raw, dt.datetime):
        raise FactError(name, f"expected a date without time, got {raw!r}")
    if isinstance(raw, dt.date):
        value = raw
    elif isinstance(raw, str):
        try:
            value = dt.date.fromisoformat(raw)
        except ValueError:
            raise FactError(name, f"expected a real date as YYYY-MM-DD, got {raw!r}") from None
    else:
        raise FactError(name, f"expected a date as YYYY-MM-DD, got {raw!r}")
    # Rules add years and months to fact dates; far outside any law's horizon that
    # arithmetic leaves the calendar, so such dates are refused as typing errors.
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise FactError(
            name, f"expected a date between {EARLIEST_DATE} and {LATEST_DATE}, got {raw!r}"
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
                name, f"not a known {self.jurisdiction} fact (see 'isupport facts')"
            ) from None

    def __iter__(self) -> Iterator[FactSpec]:
        return iter(self._specs.values())

    def specs(self) -> list[FactSpec]:
        return list(self._specs.values())

    @property
    def schema(self) -> dict[str, pl.DataType]:
        return {spec.name: spec.dtype for spec in self._specs.values()}

    def validate(self, facts: Mapping[str, Any]) -> dict[str, Any]:
        """Check names and types of one case's facts; the first error names its field."""
        return {name: self[name].parse(raw) for name, raw in facts.items()}

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
