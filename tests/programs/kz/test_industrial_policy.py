"""Kazakhstan, Law on Industrial Policy (seed 000) and State Program 2020–2025 (seed 001):
ownership through chains, effective dates of the programs, and the refund formula's shape.

Expected values are worked out by hand in the comments beside them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from industrial_support.engine.errors import FactError, ParameterError, ProgramError
from industrial_support.engine.evaluate import RuleSet
from industrial_support.engine.money import Money
from industrial_support.engine.outcomes import Status
from industrial_support.engine.parameters import ParameterSet, load_yaml
from industrial_support.programs.kz import classification, industrial_policy, measures
from industrial_support.programs.kz.classification import OwnershipLink as Link
from industrial_support.programs.kz.classification import effective_share

HOLDINGS = {"NH"}  # a national holding


# --- ownership through chains (000 Art.1(6-1), Art.46(2); 001 L874) ----------------------


def test_direct_share() -> None:
    # 000 Art.1(6-1): NH holds 50% of X directly → 0.5
    assert effective_share([Link("NH", "X", Decimal("0.5"))], HOLDINGS, "X") == Decimal("0.5")


def test_chain_is_multiplied_through() -> None:
    # NH 100% → A 60% → B: 1 × 0.6 × 0.6 = 0.36 (reading: multiplied through the chain)
    links = [
        Link("NH", "A", Decimal(1)),
        Link("A", "B", Decimal("0.6")),
        Link("B", "C", Decimal("0.6")),
    ]
    assert effective_share(links, HOLDINGS, "C") == Decimal("0.36")


def test_parallel_chains_add_up_to_the_boundary() -> None:
    # X: 30% directly from NH + 40% from A, which NH holds 50% of: 0.3 + 0.5 × 0.4 = 0.5
    links = [
        Link("NH", "X", Decimal("0.3")),
        Link("NH", "A", Decimal("0.5")),
        Link("A", "X", Decimal("0.4")),
        Link("private", "X", Decimal("0.3")),
    ]
    assert effective_share(links, HOLDINGS, "X") == Decimal("0.5")


def test_chain_share_feeds_the_quasi_public_test() -> None:
    # 0.5 from the chains above is "50% or more" → quasi-public (000 Art.1(6-1))
    links = [
        Link("NH", "X", Decimal("0.3")),
        Link("NH", "A", Decimal("0.5")),
        Link("A", "X", Decimal("0.4")),
    ]
    held = effective_share(links, HOLDINGS, "X")
    rules = RuleSet([classification.quasi_public], dt.date(2026, 3, 1))
    (result,) = rules.explain(
        {
            "kz_entity_type": "other_organisation",
            "kz_national_holding_share": str(held),
            "kz_trust_with_buyout": False,
        }
    )
    assert result.status is Status.ELIGIBLE


def test_a_holder_holds_all_of_itself_and_unowned_entities_nothing() -> None:
    assert effective_share([], HOLDINGS, "NH") == Decimal(1)
    assert effective_share([Link("private", "X", Decimal(1))], HOLDINGS, "X") == Decimal(0)


def test_trust_links_count_only_when_asked() -> None:
    # 000 Art.46(2) counts shares the NWF holds in trust; Art.1(6-1) and 001 count ownership.
    links = [Link("NWF", "X", Decimal("0.3")), Link("NWF", "X", Decimal("0.2"), in_trust=True)]
    assert effective_share(links, {"NWF"}, "X") == Decimal("0.3")
    assert effective_share(links, {"NWF"}, "X", count_trust=True) == Decimal("0.5")


def test_cycle_is_an_error() -> None:
    links = [Link("A", "B", Decimal("0.5")), Link("B", "A", Decimal("0.5"))]
    with pytest.raises(FactError, match="cycle"):
        effective_share(links, HOLDINGS, "A")


def test_impossible_shares_are_errors() -> None:
    with pytest.raises(FactError, match=r"not in 0\.\.1"):
        effective_share([Link("NH", "X", Decimal("1.2"))], HOLDINGS, "X")
    over = [Link("NH", "X", Decimal("0.6")), Link("P", "X", Decimal("0.5"))]
    with pytest.raises(FactError, match="more than 100%"):
        effective_share(over, HOLDINGS, "X")


# --- effective dates --------------------------------------------------------------------


def _in_force(program: Any, day: dt.date) -> bool:
    rules = RuleSet([program], day)
    return [p.program.id for p in rules.programs] == [program.id]


def test_customs_vat_exemption_only_from_2026() -> None:
    # 000 Art.29(13-1), Law 215-VIII: in force from 2026-01-01
    assert not _in_force(measures.customs_vat_exemption, dt.date(2025, 12, 31))
    assert _in_force(measures.customs_vat_exemption, dt.date(2026, 1, 1))


def test_law_programs_start_with_the_base_law() -> None:
    # 000 Art.69: the base law (86-VII of 27 Dec 2021) took effect 10 calendar days after
    # first publication; publication on 27 Dec is the earliest: 28 Dec-6 Jan → 7 Jan 2022.
    # One date for the base law everywhere.
    for program in (
        industrial_policy.gate,
        industrial_policy.competitiveness_agreement,
        measures.financing,
    ):
        assert not _in_force(program, dt.date(2022, 1, 6)), program.id
        assert _in_force(program, dt.date(2022, 1, 7)), program.id


@pytest.mark.parametrize(
    "program", [classification.nwf_group, classification.backbone, classification.large_customer]
)
def test_188_viii_wordings_from_2025_07_19(program: Any) -> None:
    # Law 188-VIII of 19 May 2025, +60 calendar days after publication: 2025-07-19 at the earliest
    assert not _in_force(program, dt.date(2025, 7, 18))
    assert _in_force(program, dt.date(2025, 7, 19))


def test_every_measure_requires_the_gate() -> None:
    # 000 Art.25(5): the conditions hold for every measure of Art.29
    programs = [
        p for p in vars(measures).values() if getattr(p, "id", "").startswith("kz.measure.")
    ]
    assert len(programs) == 14  # items 1–13 and 13-1 (item 14 has no content to encode)
    for program in programs:
        required = {c.requires.id for c in program.criteria if c.requires is not None}
        # 001 §5.2's ownership bar binds the Program's instruments, not the Law's measures
        assert required == {"kz.gate"}, program.id


# --- the refund of Art.27(4) --------------------------------------------------------------

REFUND_FACTS = {
    "kz_measure_funds_received": "1000000.00",
    "kz_cross_obligation_fulfilment": "0.6",
    "kz_funds_received_date": "2022-12-01",
    "kz_refund_date": "2023-12-01",
}


def test_base_rate_not_verified_is_unavailable_with_the_reason() -> None:
    # 2023-09-01: the August 2023 decision is not verified; 2024-06-03 falls in the decisions
    # of Apr 2024 - Aug 2025 not verified; 2026-03-09: decisions from 6 Mar 2026 not entered.
    # The rule set reports the program as unavailable with the reason, and evaluates nothing
    # for it, instead of using another date's rate.
    for day in (dt.date(2023, 9, 1), dt.date(2024, 6, 3), dt.date(2026, 3, 9)):
        rules = RuleSet([industrial_policy.refund], day)
        assert rules.programs == []
        reason = rules.unavailable[industrial_policy.refund.id]
        assert "nbk_base_rate" in reason and "unavailable" in reason and "verified" in reason
        with pytest.raises(ParameterError, match="unavailable"):
            industrial_policy.refund.parameter_view(day).resolve("nbk_base_rate")


def test_mci_2027_is_not_yet_published_not_a_crash() -> None:
    # The MCI of 2027 comes with the 2027 budget law: the offset threshold (000 Art.49(1))
    # for 2027 is unavailable with that reason, through the CLI as one clear line.
    from industrial_support.programs.kz import contracts

    rules = RuleSet([contracts.offset], dt.date(2027, 1, 4))
    assert rules.programs == []
    assert "not yet published" in rules.unavailable["kz.contract.offset"]


def _with_formula(shape: str) -> ParameterSet:
    raw = load_yaml(Path(industrial_policy.__file__).with_name("industrial_policy.yaml"))
    raw["refund_formula"]["values"] = [
        {"from": dt.date(2021, 12, 27), "value": shape, "cite": "000 Art.27(4)"}
    ]
    return ParameterSet.from_mapping(raw, "test")


def test_refund_without_interest_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    # shape 'unfulfilled_share': 1,000,000 × (1 − 0.6) = 400,000, no interest
    monkeypatch.setattr(industrial_policy.refund, "parameters", _with_formula("unfulfilled_share"))
    (result,) = RuleSet([industrial_policy.refund], dt.date(2023, 12, 1)).explain(REFUND_FACTS)
    values = {v.value.id: v.result for v in result.values}
    assert values["refund_interest"] == Money(Decimal(0), "KZT")
    assert values["refund_total"] == Money(Decimal(400000), "KZT")


def test_unknown_refund_shape_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(industrial_policy.refund, "parameters", _with_formula("compound"))
    with pytest.raises(ProgramError, match="compound"):
        RuleSet([industrial_policy.refund], dt.date(2023, 12, 1))


# --- the dated idiom: one id, dated versions that may not overlap -------------------------


def test_a_criterion_version_overlapping_another_is_refused() -> None:
    # kz.gate's C4 has two versions: 2025-05-30..2025-12-31 (Art.68 transition) and from
    # 2026-01-01; a third covering 1 June 2025 would give two answers for one day.
    with pytest.raises(ProgramError, match="defined twice for the same dates"):
        industrial_policy.gate.criterion(
            "c4_producers_register", "000 Art.25(5)", en="x", ja="x", from_="2025-06-01"
        )(lambda f, p: f.kz_in_producers_register)
    assert [c.id for c in industrial_policy.gate.criteria].count("c4_producers_register") == 2


def test_only_the_version_in_force_is_compiled() -> None:
    # 000 Art.25(5), Art.68: before 30 May 2025 no C4; then the transition's wording; from
    # 2026 the register alone. The trace cites what was in force.
    def c4(day: dt.date) -> list[str]:
        (compiled,) = RuleSet([industrial_policy.gate], day).programs
        return [str(c.criterion.citation) for c in compiled.criteria if "c4" in c.criterion.id]

    assert c4(dt.date(2025, 5, 29)) == []
    assert c4(dt.date(2025, 5, 30)) == ["000 Art.25(5); Art.68"]
    assert c4(dt.date(2026, 1, 1)) == ["000 Art.25(5)"]
