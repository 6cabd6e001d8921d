"""Industries a program is meant for: one controlled vocabulary, used by the catalogue's filter.

A program lists the sectors its seed restricts it to (``Program.sectors``); a program open to
any industry has ``("any",)``. Three sectors are branches of manufacturing: a filter for a
branch also finds programs for manufacturing in general (a car maker is a manufacturer), and
a filter for manufacturing also finds the programs of its branches.

Sectors describe whom a program is *for*; whether an enterprise qualifies is still decided
by the program's criteria, never by this tag.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .errors import ProgramError

ANY = "any"

SECTORS: Mapping[str, Mapping[str, str]] = {
    ANY: {"en": "Any industry", "ja": "業種を問わない"},
    "manufacturing": {"en": "Manufacturing", "ja": "製造業"},
    "automotive": {"en": "Automotive (vehicle makers)", "ja": "自動車製造"},
    "components": {
        "en": "Components for vehicles and machinery",
        "ja": "自動車・機械の部品製造",
    },
    "machinery": {"en": "Machinery (making and repair)", "ja": "機械の製造・修理"},
    "raw_materials": {"en": "Raw materials and mining", "ja": "原材料・鉱業"},
    "logistics": {"en": "Logistics and warehousing", "ja": "物流・倉庫"},
    "trade": {"en": "Trade (wholesale, intermediation)", "ja": "商業（卸売・仲介）"},
    "services": {
        "en": "Services (telecommunications, health, sports …)",
        "ja": "サービス業（通信・保健・スポーツ等）",
    },
    "technology": {
        "en": "Technology start-ups and innovation",
        "ja": "技術系スタートアップ・イノベーション",
    },
    "public_sector": {"en": "Public bodies and state enterprises", "ja": "公的機関・国営企業"},
}

# A branch → the wider sector it belongs to.
PARENT: Mapping[str, str] = {
    "automotive": "manufacturing",
    "components": "manufacturing",
    "machinery": "manufacturing",
}


def check(sectors: Iterable[str], owner: str) -> tuple[str, ...]:
    """The sectors as a tuple, or a ProgramError naming the first unknown one."""
    chosen = tuple(sectors)
    if not chosen:
        raise ProgramError(f"program {owner}: sectors: give at least one, or {ANY!r}")
    for sector in chosen:
        if sector not in SECTORS:
            raise ProgramError(
                f"program {owner}: sectors: {sector!r} is not one of {sorted(SECTORS)}"
            )
    if ANY in chosen and len(chosen) > 1:
        raise ProgramError(f"program {owner}: sectors: {ANY!r} stands alone")
    if len(set(chosen)) != len(chosen):
        raise ProgramError(f"program {owner}: sectors: {list(chosen)} repeats a sector")
    return chosen


def covers(sectors: Iterable[str], wanted: str) -> bool:
    """Whether a program for ``sectors`` is meant for an enterprise of sector ``wanted``."""
    for sector in sectors:
        if sector in (ANY, wanted) or PARENT.get(wanted) == sector or PARENT.get(sector) == wanted:
            return True
    return False
