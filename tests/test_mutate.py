"""The mutation pass (scripts/mutate.py, `make mutate`): the perturbations it makes, and that
a hand-worked case kills a mutant — and that without that case the mutant survives."""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from industrial_support.programs.jp.sme import PARAMETERS

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def mutate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutate", ROOT / "scripts" / "mutate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["mutate"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_perturbations_fit_the_unit(mutate: ModuleType) -> None:
    assert mutate.perturb(300, "persons") == 301  # whole units: +1
    assert mutate.perturb(Decimal("0.80"), "ratio") == Decimal("0.81")  # ratios: +0.01
    assert mutate.perturb(50000000, "RUB") == Decimal("50500000.00")  # amounts: x1.01
    assert mutate.perturb(0, "RUB") == Decimal(1)
    assert mutate.perturb("i", "text") is None and mutate.perturb(True, "flag") is None


def test_a_case_at_the_edge_kills_the_mutant_and_its_absence_lets_it_survive(
    mutate: ModuleType,
) -> None:
    """jp/sme.yaml employees_max[construction] 300 → 301 (002 Art.2(1)(i), "三百人以下"): the
    two cases of a construction company / individual with 301 employees are ineligible only
    with the true limit; the other cases that read the parameter do not notice."""
    units = [u for u in mutate.case_units() if u.name.startswith("jp/sme:")]
    units, reads, _ = mutate.clean_run(units)
    parameter = PARAMETERS["employees_max"]
    (label, start, build) = next(
        m for m in mutate.cell_mutants(parameter) if "[construction] 300 → 301" in m[0]
    )
    readers = reads[(id(parameter), start)]
    edge = {i for i in readers if "construction" in units[i].name and "301" in units[i].name}
    assert len(edge) == 2
    assert edge, label
    PARAMETERS.parameters["employees_max"] = build()
    try:
        assert mutate.kills(units, readers)
        assert not mutate.kills(units, readers - edge)
    finally:
        PARAMETERS.parameters["employees_max"] = parameter
