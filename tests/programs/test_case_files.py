"""Runs every program case file (tests/programs/<country>/cases/*.yaml)."""

from __future__ import annotations

import pytest

from tests.casefiles import CaseSpec, check, discover

CASES = list(discover())


@pytest.mark.parametrize("spec", CASES, ids=[spec.test_id for spec in CASES])
def test_case(spec: CaseSpec) -> None:
    check(spec)


def test_every_program_has_case_files() -> None:
    from industrial_support.engine.program import all_programs

    covered = {spec.program for spec in CASES}
    untested = [p.id for p in all_programs() if p.id not in covered]
    assert not untested, f"programs without case files: {untested}"
