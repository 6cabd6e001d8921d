"""Facts the case store knows better than the enterprise: the rules read them by date.

The Kazakhstan measure gate (000 Art.25(5), C4) asks whether the enterprise is in the
Register of Kazakhstan Producers; with a store at hand, the answer comes from the register
as of the evaluation date instead of from the enterprise's own statement."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .procedures.kz_producers_register import REGISTER
from .store import CaseStore

REGISTER_FACT = "kz_in_producers_register"
PRODUCT_FACT = "kz_reg_product"


def with_register_facts(
    store: CaseStore, jurisdiction: str, enterprise_id: str, facts: dict[str, Any], on: dt.date
) -> dict[str, Any]:
    """The facts with C4 answered from the register, when the product is known."""
    if jurisdiction != "KZ" or not facts.get(PRODUCT_FACT):
        return facts
    registered = store.registered(REGISTER, enterprise_id, str(facts[PRODUCT_FACT]), on)
    return {**facts, REGISTER_FACT: registered}
