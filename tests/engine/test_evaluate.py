"""The evaluation path: one case and N cases give the same answers; statuses combine
criteria in a fixed order; missing facts are listed; refused programs show no amounts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from industrial_support.engine.evaluate import RuleSet, column
from industrial_support.engine.facts import catalog
from industrial_support.engine.program import all_programs, get_program

AS_OF = dt.date(2026, 4, 1)
JP_PROGRAMS = [p for p in all_programs() if p.jurisdiction == "JP"]
JP = catalog("JP")


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _fact_strategy(name: str) -> st.SearchStrategy[Any]:
    spec = JP[name]
    match spec.kind:
        case "money":
            # around the Act's thresholds so that boundaries are hit often
            edges = [50_000_000, 100_000_000, 300_000_000, 600_000_000]
            near = st.sampled_from(edges).flatmap(lambda e: st.integers(e - 2, e + 2))
            return _maybe(st.one_of(near, st.integers(0, 2_000_000_000)))
        case "integer":
            edges = [50, 100, 200, 300, 900]
            lowest = int(spec.minimum or 0)
            near = st.sampled_from(edges).flatmap(lambda e: st.integers(e - 1, e + 1))
            return _maybe(st.one_of(near, st.integers(lowest, 2000)))
        case "boolean":
            return _maybe(st.booleans())
        case "enum":
            return _maybe(st.sampled_from(spec.values))
        case "date":
            return _maybe(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
        case _:
            return st.none()


FACT_NAMES = RuleSet(JP_PROGRAMS, AS_OF).facts_needed()
CASES = st.fixed_dictionaries({name: _fact_strategy(name) for name in FACT_NAMES})


@settings(max_examples=25, deadline=None)
@given(rows=st.lists(CASES, min_size=1, max_size=12))
def test_one_case_and_n_cases_agree(rows: list[dict[str, Any]]) -> None:
    rules = RuleSet(JP_PROGRAMS, AS_OF)
    batch = rules.evaluate(JP.frame(rows))
    for index, row in enumerate(rows):
        for result in rules.explain(row):
            pid = result.program.id
            assert batch[column(pid, "status")][index] == result.status.value
            for c in result.criteria:
                assert batch[column(pid, c.criterion.id)][index] == int(c.outcome)
            for v in result.values:
                single = v.result.amount if hasattr(v.result, "amount") else v.result
                assert batch[column(pid, v.value.id)][index] == single
            assert sorted(batch[column(pid, "missing")][index]) == sorted(result.missing_facts)


def _status(program: str, facts: dict[str, Any]) -> str:
    (result,) = RuleSet([get_program(program)], AS_OF).explain(facts)
    return result.status.value


def test_a_failed_criterion_outranks_missing_facts() -> None:
    # form "other_entity" fails Art.2(1) whatever the size facts would say
    assert _status("jp.sme", {"legal_form": "other_entity"}) == "ineligible"


def test_missing_facts_outrank_pending_reviews() -> None:
    facts = {
        "legal_form": "company",
        "main_industry": "manufacturing",
        "capital": 10_000_000,
        "application_type": "new",
        "technology_designated": True,
        "plan_joint": False,
        "plan_states_goal": True,
        "plan_states_content_and_period": True,
        "plan_has_collaborators": False,
    }  # funding item unknown, findings not recorded
    (result,) = RuleSet([get_program("jp.monozukuri.plan_certification")], AS_OF).explain(facts)
    assert result.status.value == "undetermined"
    assert result.missing_facts == ("plan_states_funding",)


def test_refused_programs_show_no_amounts() -> None:
    facts = {
        "legal_form": "other_entity",
        "guarantee_insurance_type": "ordinary",
        "guarantee_amount": 1000,
    }
    (result,) = RuleSet([get_program("jp.monozukuri.credit_insurance")], AS_OF).explain(facts)
    assert result.status.value == "ineligible"
    # what the program gives is not shown; what the law asks (here: the cover without the
    # Act, 70% for ordinary insurance, 002 Art.7(3)) is
    assert all(v.result is None for v in result.values if v.value.kind == "entitlement")
    asked = {v.value.id: v.result for v in result.values if v.value.kind != "entitlement"}
    assert asked["payout_share_without_act"] == Decimal("0.7")


def test_trace_names_facts_and_parameters_with_citations() -> None:
    (result,) = RuleSet([get_program("jp.sme")], AS_OF).explain(
        {"legal_form": "company", "main_industry": "hotels_inns", "regular_employees": 200}
    )
    size = next(c for c in result.criteria if c.criterion.id == "company_size")
    assert size.facts == {
        "legal_form": "company",
        "capital": None,
        "main_industry": "hotels_inns",
        "regular_employees": 200,
    }
    employees = next(p for p in size.parameters if p.name == "employees_max")
    assert employees.value["hotels_inns"] == 200
    # item v's industries and limits come from the Cabinet Order, which the row cites
    assert (
        "JP SME Monozukuri Act Enforcement Order Art.1 (Cabinet Order under Act Art.2(1)(v))"
        in [str(c) for c in employees.citations]
    )


def test_facts_absent_from_a_frame_are_unknown() -> None:
    import polars as pl

    rules = RuleSet([get_program("jp.sme")], AS_OF)
    frame = pl.DataFrame({"legal_form": ["company"]}, schema={"legal_form": JP["legal_form"].dtype})
    result = rules.evaluate(frame)
    assert result[column("jp.sme", "status")][0] == "undetermined"
