"""What every API area shares: the input types with their bounds, the error shape for the
OpenAPI document, and the checks that turn bad input into a 4xx naming the field."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
)

from ...engine.errors import FactError, IsupportError
from ...engine.facts import catalog
from ...engine.money import CURRENCY_DIGITS, Money
from ...engine.program import Program, all_programs, get_program


class InputError(IsupportError):
    """Input the API refuses: 422 naming the field (the message starts with it)."""


class Jurisdiction(StrEnum):
    JP = "JP"
    RU = "RU"
    KZ = "KZ"


Currency = Literal["JPY", "RUB", "KZT", "EUR", "USD"]
# The currency a jurisdiction's programs and calls are in.
CURRENCY = {"JP": "JPY", "RU": "RUB", "KZ": "KZT"}
ProgramKind = Literal[
    "classification",
    "certification",
    "insurance",
    "equity",
    "fee_relief",
    "obligation",
    "loan",
    "subsidy",
    "tax_regime",
    "contract",
    "guarantee",
    "register",
    "measure",
]

# Evaluation and event dates: the calendars (`holidays`) and parameter files cover these
# years; a date outside is refused with a clear 422 instead of failing deep inside.
EARLIEST = dt.date(1990, 1, 1)
LATEST = dt.date(2100, 12, 31)


def _within(day: dt.date) -> dt.date:
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"expected a date between {EARLIEST} and {LATEST}, got {day}")
    return day


Day = Annotated[dt.date, AfterValidator(_within)]
DAY_HELP = f"YYYY-MM-DD between {EARLIEST} and {LATEST}"
Year = Annotated[int, Field(ge=EARLIEST.year, le=LATEST.year)]
Identifier = Annotated[str, StringConstraints(min_length=1, max_length=100)]

# Facts as a request gives them: floats are refused (money and ratios are exact), then the
# jurisdiction's fact catalog parses each value (dates, decimals and the sizes its columns
# hold), and checked_facts keeps numbers within these tighter sizes.
FACT_NUMBER_MAX = Decimal(10) ** 15
FACT_INTEGER_MAX = 10**12


def _storable(text: str) -> str:
    """Text every database keeps as given: PostgreSQL refuses NUL characters."""
    if "\x00" in text:
        raise ValueError("expected text without NUL characters")
    return text


# Text that is stored (titles, subjects, notes, step data, fact values).
Storable = AfterValidator(_storable)


class MoneyIn(BaseModel):
    """An exact amount: a whole number or a decimal string, with its currency."""

    model_config = ConfigDict(extra="forbid")
    amount: (
        Annotated[StrictInt, Field(ge=0, le=10**15)]
        | Annotated[str, StringConstraints(pattern=r"^\d{1,15}(\.\d{1,2})?$")]
    ) = Field(examples=["500000000.00"])
    currency: Currency = Field(examples=["RUB"])

    def money(self) -> Money:
        return Money.of(self.amount, self.currency)


class MoneyFact(BaseModel):
    """A money fact given with its currency (which must be the fact's)."""

    model_config = ConfigDict(extra="forbid")
    amount: StrictInt | Annotated[str, StringConstraints(max_length=40), Storable]
    currency: Currency | None = None


def _exact_facts(raw: Any) -> Any:
    if isinstance(raw, dict):
        for name, value in raw.items():
            amount = value.get("amount") if isinstance(value, dict) else value
            if isinstance(amount, float):
                raise ValueError(
                    f"{name!r}: expected an exact number (an integer or a decimal string "
                    f'such as "0.5"), got the float {amount!r}'
                )
    return raw


FactValue = (
    StrictBool
    | StrictInt
    | Annotated[str, StringConstraints(max_length=1000), Storable]
    | MoneyFact
    | None
)
Facts = Annotated[
    dict[Annotated[str, StringConstraints(max_length=100)], FactValue],
    Field(max_length=1000),  # before the validator, so the schema says maxProperties
    BeforeValidator(_exact_facts),
    Field(
        description="Fact name → value (see GET /api/facts). Money as an integer, a decimal "
        'string or {"amount", "currency"}; dates as YYYY-MM-DD; null = unknown.',
        examples=[{"pp1176_loan_amount": 100000000, "pp1176_offshore_share": "0.5"}],
    ),
]


def raw_facts(facts: dict[str, Any]) -> dict[str, Any]:
    """Request facts as the fact catalog reads them."""
    return {
        name: value.model_dump(exclude_none=True) if isinstance(value, MoneyFact) else value
        for name, value in facts.items()
    }


def checked_facts(jurisdiction: str, facts: dict[str, Any]) -> dict[str, Any]:
    """Validate facts by the catalog (FactError names the fact), then keep numbers within
    whole numbers up to 10^12 and amounts and decimals up to 10^15: products of such facts
    with rates and years stay inside the exact decimal columns; no real enterprise is
    larger."""
    all_programs()  # fills the fact catalogs
    known = catalog(jurisdiction)
    validated = {name: known[name].parse(raw) for name, raw in raw_facts(facts).items()}
    for name, value in validated.items():
        kind = known[name].kind
        if value is None:
            continue
        if kind == "integer" and abs(value) > FACT_INTEGER_MAX:
            raise FactError(name, f"expected at most {FACT_INTEGER_MAX:,} in size, got {value}")
        if kind in ("money", "decimal") and abs(value) > FACT_NUMBER_MAX:
            raise FactError(name, f"expected at most 10^15 in size, got {value}")
    return validated


def known_program(identifier: str, field: str = "program") -> Program:
    """A program by id; an unknown id is refused naming ``field``."""
    all_programs()
    try:
        return get_program(identifier)
    except IsupportError:
        raise InputError(
            f"{field}: unknown program {identifier!r} (see GET /api/programs)"
        ) from None


def programs_of(jurisdiction: str, chosen: list[str] | None) -> list[Program]:
    """The chosen programs (all of the jurisdiction's when none), mirroring the CLI."""
    if not chosen:
        return [p for p in all_programs() if p.jurisdiction == jurisdiction]
    programs = [known_program(identifier, "programs") for identifier in dict.fromkeys(chosen)]
    foreign = [p.id for p in programs if p.jurisdiction != jurisdiction]
    if foreign:
        raise InputError(f"programs: {', '.join(foreign)} not of jurisdiction {jurisdiction}")
    return programs


class ErrorField(BaseModel):
    field: str = Field(examples=["pp1176_loan_amount"])
    message: str


class ErrorDetail(BaseModel):
    code: str = Field(examples=["invalid_input"])
    message: str = Field(examples=["fact 'pp1176_loan_amount': expected a number, got 'lots'"])
    fields: list[ErrorField]


class ErrorBody(BaseModel):
    """Every error: a 4xx with this body (a 5xx would be a bug of ours)."""

    error: ErrorDetail


Responses = dict[int | str, dict[str, Any]]


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


INVALID: Responses = {422: _error("Invalid input: the fields at fault and what was expected")}
NOT_FOUND: Responses = {404: _error("Not found")}
SIGNED_IN: Responses = {
    401: _error("Not signed in: send 'Authorization: Bearer <token>' or sign in"),
    403: _error("Not allowed for this account (or a browser session without its CSRF token)"),
}
CONFLICT: Responses = {409: _error("Not allowed in the case's current state, or changed meanwhile")}


def currency_of(jurisdiction: str) -> str:
    currency = CURRENCY[jurisdiction]
    assert currency in CURRENCY_DIGITS
    return currency
