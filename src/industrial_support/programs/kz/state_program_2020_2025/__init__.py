"""Kazakhstan: State Program of Industrial-Innovative Development 2020–2025 (seed 001), one
module per passage of the Program, each declaring its facts beside the rules that read them.
Numbers live in ``state_program_2020_2025.yaml``; the citation convention for seed 001 (which
has no article numbers) is explained there.

* ``ownership`` — §5.2's 50% state-ownership bar, with its exception; every firm-facing
  instrument requires it explicitly (vehicle leasing only for lessees that are not state
  bodies or state enterprises).
* ``groups`` — §5.1's four target groups; categories are official findings where the text
  gives no threshold, so a missing finding is ``needs_review``.
* ``agreement``, ``dbk``, ``brk_leasing``, ``damu``, ``kcm``, ``qtv``, ``vouchers``,
  ``regional`` — the instruments and procedures, programs ``kz.program2025.*``.

A program open to several categories (innovation vouchers; the agreement) asks for the
category the firm applies under and requires that category's program — one rule source.
Readings of ambiguous text are in docs/readings.md and beside each rule.
"""

from __future__ import annotations

from .agreement import agreement, agreement_term
from .brk_leasing import modernisation_leasing, revolving_leasing, vehicle_leasing
from .common import PARAMETERS
from .damu import damu_guarantee, damu_subsidy
from .dbk import dbk_loan
from .groups import (
    growth_driver,
    national_champion,
    new_industrial_player,
    power_centre,
    strong_rear,
)
from .kcm import kcm_equity
from .ownership import ownership
from .qtv import qtv_innovation, qtv_venture
from .regional import regional_programme_deadline
from .vouchers import voucher

__all__ = [
    "PARAMETERS",
    "agreement",
    "agreement_term",
    "damu_guarantee",
    "damu_subsidy",
    "dbk_loan",
    "growth_driver",
    "kcm_equity",
    "modernisation_leasing",
    "national_champion",
    "new_industrial_player",
    "ownership",
    "power_centre",
    "qtv_innovation",
    "qtv_venture",
    "regional_programme_deadline",
    "revolving_leasing",
    "strong_rear",
    "vehicle_leasing",
    "voucher",
]
