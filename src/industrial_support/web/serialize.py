"""JSON shapes the API gives: money as an exact decimal string with its currency, dates as
ISO text, texts in both languages. Nothing here is a float."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, localcontext
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..engine.facts import FactSpec, catalog
from ..engine.money import CURRENCY_DIGITS, Money, normalise
from ..engine.parameters import Resolved
from ..engine.program import text as pick


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Text(Out):
    """A text in English and Japanese."""

    en: str
    ja: str


class MoneyOut(Out):
    """An exact amount: a decimal string with the currency's minor digits (more only where
    an unrounded result has them), never a float."""

    amount: str = Field(examples=["80000000.00"], pattern=r"^-?\d+(\.\d+)?$")
    currency: str = Field(examples=["RUB"])


# A value a rule computes or a fact holds, as JSON: money as MoneyOut; ratios, rates and
# dates as strings; counts as integers; flags as booleans.
Value = MoneyOut | str | int | bool | None
# A parameter value after conversion (tables keyed by their row names).
Scalar = str | int | bool
# A bracket parameter (engine/brackets.py): group → bands, each {"below" | "up_to", "value"}.
Bands = dict[str, list[dict[str, Scalar]]]
ParameterValue = Scalar | list[Scalar] | dict[str, Scalar] | Bands


def amount_text(amount: Decimal, currency: str) -> str:
    """``80000000`` RUB → ``"80000000.00"``; an amount with more decimals than the currency
    has (an unrounded product) keeps them all: exact first, pretty second."""
    with localcontext() as context:
        context.prec = 80  # quantize must not fail on 38-digit amounts
        rounded = amount.quantize(Decimal(1).scaleb(-CURRENCY_DIGITS[currency]))
        if rounded != amount:
            return normalise(amount)
        return format(rounded.copy_abs() if rounded.is_zero() else rounded, "f")


def money(value: Money) -> MoneyOut:
    return MoneyOut(amount=amount_text(value.amount, value.currency), currency=value.currency)


def money_of(amount: Decimal, currency: str) -> MoneyOut:
    return MoneyOut(amount=amount_text(amount, currency), currency=currency)


def text(mapping: Mapping[str, str]) -> Text:
    return Text(en=pick(mapping, "en"), ja=pick(mapping, "ja"))


def labels(en: str, ja: str) -> Text:
    return Text(en=en, ja=ja)


def scalar(value: Any) -> Any:
    """Decimals as exact strings, dates as ISO text, recursively; the rest as is."""
    if isinstance(value, Money):
        return money(value)
    if isinstance(value, Decimal):
        return normalise(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): scalar(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [scalar(item) for item in value]
    return value


def computed(result: Any, unit: str) -> Value:
    """A computed value: money units become MoneyOut, everything else a JSON scalar."""
    if result is None:
        return None
    if isinstance(result, Money):
        return money(result)
    if unit in CURRENCY_DIGITS and isinstance(result, Decimal | int):
        return money_of(Decimal(result), unit)
    converted: Value = scalar(result)
    return converted


def fact(spec: FactSpec | None, value: Any) -> Value:
    """A fact's value: money facts carry their currency."""
    if value is None:
        return None
    if spec is not None and spec.kind == "money" and spec.currency:
        return money_of(Decimal(value), spec.currency)
    converted: Value = scalar(value)
    return converted


def facts(jurisdiction: str, values: Mapping[str, Any]) -> dict[str, Value]:
    """Facts as given (a fact no longer in the catalog keeps its plain value)."""
    known = catalog(jurisdiction)
    return {
        name: fact(known[name], value) if name in known else fact(None, value)
        for name, value in values.items()
    }


class ParameterOut(Out):
    """A parameter in force on the evaluation date, with where it comes from."""

    name: str = Field(examples=["v_max"])
    label: Text
    value: ParameterValue = Field(examples=["1"])
    unit: str = Field(examples=["ratio"])
    effective_from: dt.date
    effective_to: dt.date | None
    citations: list[str] = Field(examples=[["003 §16"]])


def parameter(resolved: Resolved) -> ParameterOut:
    return ParameterOut(
        name=resolved.name,
        label=labels(resolved.en, resolved.ja),
        value=scalar(resolved.value),
        unit=resolved.unit,
        effective_from=resolved.effective_from,
        effective_to=resolved.effective_to,
        citations=[str(c) for c in resolved.citations],
    )


def aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands timezone-aware values back naive; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
