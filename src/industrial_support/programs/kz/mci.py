"""Kazakhstan's monthly calculation index (MCI) as a dated parameter.

Rules that state an amount as "N × MCI" ask for :func:`mci_as_of` on the evaluation date;
a date outside the years entered is a loud error, never last year's value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from ...engine.money import Money
from ...engine.parameters import ParameterSet

MCI_PARAMETERS = ParameterSet.load(Path(__file__).with_suffix(".yaml"))


def mci_as_of(date: dt.date) -> Decimal:
    value: Decimal = MCI_PARAMETERS["mci"].as_of(date).value
    return value


def in_kzt(multiple: Decimal | int, date: dt.date) -> Money:
    """``multiple`` × MCI in force on ``date``, in KZT."""
    return Money(Decimal(multiple) * mci_as_of(date), "KZT")
