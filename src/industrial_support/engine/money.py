"""Exact money: Decimal amounts with an explicit currency, never binary floats."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import IsupportError

# Digits after the decimal point of each currency's minor unit (ISO 4217).
CURRENCY_DIGITS: dict[str, int] = {"JPY": 0, "RUB": 2, "KZT": 2, "EUR": 2, "USD": 2}

ROUNDING_MODES = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "floor": ROUND_FLOOR}


class MoneyError(IsupportError, ValueError):
    pass


def to_decimal(value: object, field: str = "amount") -> Decimal:
    """Convert int/str/Decimal to Decimal. Floats are refused: they are not exact."""
    if isinstance(value, bool | float):
        raise MoneyError(
            f"{field}: expected an exact number (integer or decimal string), got {value!r}"
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int | str):
        try:
            result = Decimal(str(value).replace("_", "").replace(",", "").strip())
        except InvalidOperation:
            raise MoneyError(f"{field}: expected a number, got {value!r}") from None
    else:
        raise MoneyError(f"{field}: expected a number, got {type(value).__name__}")
    if not result.is_finite():
        raise MoneyError(f"{field}: expected a finite number, got {value!r}")
    return result


def check_currency(code: str) -> str:
    if code not in CURRENCY_DIGITS:
        raise MoneyError(f"currency: expected one of {sorted(CURRENCY_DIGITS)}, got {code!r}")
    return code


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        check_currency(self.currency)
        if not isinstance(self.amount, Decimal):
            raise MoneyError(f"amount: expected Decimal, got {type(self.amount).__name__}")

    @classmethod
    def of(cls, amount: object, currency: str) -> Money:
        return cls(to_decimal(amount), currency)

    def rounded(self, mode: str = "half_even") -> Money:
        """Round to the currency's minor unit with a declared rounding mode."""
        digits = CURRENCY_DIGITS[self.currency]
        quantum = Decimal(1).scaleb(-digits)
        return Money(self.amount.quantize(quantum, rounding=ROUNDING_MODES[mode]), self.currency)

    def __str__(self) -> str:
        return f"{normalise(self.amount)} {self.currency}"


def normalise(value: Decimal) -> str:
    """Plain decimal text without exponent or trailing zeros: 300000000, 0.8, 12.5."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"
