"""Citations: every rule and every number names where it comes from.

Two kinds of source are accepted:
* a seed document of this project: ``"003 §4(e)"``, ``"002 Art.2(1)(i)"``;
* another act of a jurisdiction, named with its country code: ``"JP Patent Act Art.107(1)"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import CitationError

SEEDS: dict[str, str] = {
    "000": "Kazakhstan — Law on Industrial Policy",
    "001": "Kazakhstan — State Program of Industrial-Innovative Development 2020–2025",
    "002": "Japan — Act on the Enhancement of SME Monozukuri Base Technologies",
    "003": "Russia — Government Decree No. 1176 (2022)",
    "004": "Russia — survey of federal, fund and regional support schemes",
}
_SEED_REF = re.compile(r"^(?P<seed>\d{3}) (?P<ref>\S.*)$")
_EXTERNAL_REF = re.compile(r"^(?P<country>JP|RU|KZ) (?P<ref>\S.*)$")
# A reform's values cite the proposal they come from, not a law (engine/reform.py).
PROPOSAL = "proposal"
_PROPOSAL_REF = re.compile(r"^proposal (?P<ref>\S.*)$")


@dataclass(frozen=True, slots=True)
class Citation:
    source: str  # a seed id ("002") or a jurisdiction code for another act ("JP")
    ref: str

    @property
    def is_seed(self) -> bool:
        return self.source in SEEDS

    def __str__(self) -> str:
        return f"{self.source} {self.ref}"


def cite(text: str) -> Citation:
    """Parse ``"002 Art.9(1)"``; anything that names no known source is an error."""
    text = text.strip()
    if match := _SEED_REF.match(text):
        if match["seed"] not in SEEDS:
            raise CitationError(
                f"citation {text!r}: seed {match['seed']} is not one of {sorted(SEEDS)}"
            )
        return Citation(match["seed"], match["ref"])
    if match := _EXTERNAL_REF.match(text):
        return Citation(match["country"], match["ref"])
    if match := _PROPOSAL_REF.match(text):
        return Citation(PROPOSAL, match["ref"])
    raise CitationError(
        f"citation {text!r}: expected '<seed> <reference>' such as '002 Art.2(1)(i)', "
        "or '<JP|RU|KZ> <act and article>' for another act, or 'proposal <reference>' in a reform"
    )
