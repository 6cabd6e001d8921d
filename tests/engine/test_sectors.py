"""The industries programs are meant for: one vocabulary, checked when a program is defined."""

from __future__ import annotations

import pytest

from industrial_support.engine.errors import ProgramError
from industrial_support.engine.program import Program, all_programs, get_program
from industrial_support.engine.sectors import ANY, SECTORS, check, covers


def test_every_program_names_sectors_of_the_vocabulary() -> None:
    for program in all_programs():
        assert program.sectors, program.id
        assert set(program.sectors) <= set(SECTORS), program.id
        assert ANY not in program.sectors or program.sectors == (ANY,), program.id


def test_every_sector_has_english_and_japanese_labels() -> None:
    for sector, labels in SECTORS.items():
        assert set(labels) == {"en", "ja"} and all(labels.values()), sector


@pytest.mark.parametrize(
    ("program_id", "sectors"),
    [
        # 003 §1: component makers for wheeled vehicles and special machinery.
        ("ru.pp1176", ("components",)),
        # 004 §4: the Decree 29-32 / 637 subsidies go to automakers.
        ("ru.auto.rnd", ("automotive",)),
        # 002 Art.2-3: R&D in monozukuri base technologies of manufacturing SMEs.
        ("jp.monozukuri.plan_certification", ("manufacturing",)),
        # 000 Art.25(2): measures serve industrial-innovative (manufacturing) entities.
        ("kz.measure.industrial_grant", ("manufacturing",)),
        # 002 Art.2(1): every industry has its SME limits.
        ("jp.sme", (ANY,)),
    ],
)
def test_sectors_follow_the_seed(program_id: str, sectors: tuple[str, ...]) -> None:
    assert get_program(program_id).sectors == sectors


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (("shipbuilding",), "'shipbuilding' is not one of"),
        ((), "at least one"),
        ((ANY, "manufacturing"), "stands alone"),
        (("automotive", "automotive"), "repeats"),
    ],
)
def test_unknown_or_malformed_sectors_are_refused(given: tuple[str, ...], message: str) -> None:
    with pytest.raises(ProgramError, match=message):
        check(given, "test.program")


def test_a_program_with_an_unknown_sector_is_not_defined() -> None:
    with pytest.raises(ProgramError, match="sectors: 'fishing'"):
        Program(
            id="test.sectors.unknown",
            jurisdiction="JP",
            kind="subsidy",
            title={"en": "t", "ja": "t"},
            source="002 Art.2",
            sectors=("fishing",),
        )
    assert "test.sectors.unknown" not in {p.id for p in all_programs()}


@pytest.mark.parametrize(
    ("sectors", "wanted", "expected"),
    [
        ((ANY,), "automotive", True),  # open to every industry
        (("manufacturing",), "automotive", True),  # a car maker is a manufacturer
        (("automotive",), "manufacturing", True),  # automotive is a branch of manufacturing
        (("components",), "automotive", False),  # sibling branches stay apart
        (("raw_materials",), "manufacturing", False),
        (("technology",), "technology", True),
    ],
)
def test_covers(sectors: tuple[str, ...], wanted: str, expected: bool) -> None:
    assert covers(sectors, wanted) is expected
