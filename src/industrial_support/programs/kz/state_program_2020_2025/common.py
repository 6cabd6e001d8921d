"""What every passage of the State Program 2020–2025 (seed 001) shares: its parameter
file, its period (Passport: 2020–2025), its provider, the facts several passages read, and
the constructor every ``kz.program2025.*`` program goes through.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import polars as pl

from ....engine.facts import catalog
from ....engine.parameters import ParameterSet
from ....engine.program import Program

facts = catalog("KZ")

PARAMETERS = ParameterSet.load(Path(__file__).with_name("state_program_2020_2025.yaml"))
IN_FORCE = {"in_force_from": dt.date(2020, 1, 1), "in_force_to": dt.date(2025, 12, 31)}
PROVIDER_MIID = {
    "en": "Ministry of Industry and Infrastructural Development",
    "ja": "産業インフラ発展省",
}


# --- Facts read by several passages ---------------------------------------------------

CATEGORIES = ("new_industrial_player", "strong_rear", "growth_driver", "power_centre")

facts.define(
    "kz_sp_category",
    "enum",
    values=CATEGORIES,
    en="Target group under which the firm applies for the measure",
    ja="企業が支援を申請するターゲットグループ",
)


def decimal_param(value: object) -> Decimal:
    """A money or ratio parameter, typed (parameter files hold exact decimals)."""
    assert isinstance(value, Decimal), value
    return value


def months_in(years: int) -> int:
    return years * 12


def joined_list(*lists: list[str]) -> pl.Expr:
    return pl.lit(", ".join(item for items in lists for item in items))


def count_of(*lists: list[str]) -> pl.Expr:
    return pl.lit(sum(len(items) for items in lists))


def instrument(
    identifier: str,
    kind: str,
    title: dict[str, str],
    summary: dict[str, str],
    source: str,
    provider: dict[str, str] = PROVIDER_MIID,
    sectors: tuple[str, ...] = ("manufacturing",),
) -> Program:
    return Program(
        id=f"kz.program2025.{identifier}",
        jurisdiction="KZ",
        kind=kind,
        sectors=sectors,
        title=title,
        summary=summary,
        provider=provider,
        source=source,
        parameters=PARAMETERS,
        in_force_from=IN_FORCE["in_force_from"],
        in_force_to=IN_FORCE["in_force_to"],
    )
