"""Decree 1176 administered end to end (seed 003), every date worked out by hand on the
Russian calendar of 2025 (1-4 and 8-11 May, 12-13 June off)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from industrial_support.cases.procedure import ProcedureError
from industrial_support.engine.money import Money
from industrial_support.engine.parameters import load_yaml
from tests.cases.conftest import ClockedStore

CASES = Path(__file__).parent.parent / "programs" / "ru" / "cases" / "pp1176.yaml"
# the hand-checked eligible enterprise of the program's case file (loan 100m, asks 80m)
ELIGIBLE: dict[str, Any] = dict(load_yaml(CASES)["cases"][0]["facts"])
RUB = "RUB"


def _at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T10:00:00+03:00")


def _call(store: ClockedStore, limit: int = 100_000_000) -> int:
    return store.open_call(
        "ru.pp1176",
        title="2025 selection",
        published_on=dt.date(2025, 3, 3),
        closes_on=dt.date(2025, 4, 4),
        budget_limit=Money.of(limit, RUB),
        budget_year=2025,
    )


def _due(store: ClockedStore, case_id: int, kind: str) -> dt.date:
    (item,) = [d for d in store.due(dt.date(2025, 1, 1)) if d.case_id == case_id and d.kind == kind]
    return item.due_on


def _to_agreement(store: ClockedStore, call: int, key: str = "a") -> int:
    case = store.submit(
        call_id=call,
        enterprise_id=f"ent-{key}",
        facts=ELIGIBLE,
        actor="applicant",
        submitted_at=_at("2025-03-15"),
        idempotency_key=key,
    )
    store.act(case.id, "register", actor="clerk", party="ministry", on=dt.date(2025, 4, 7))
    store.act(case.id, "admit", actor="head", party="ministry", on=dt.date(2025, 4, 10))
    store.act(case.id, "sign", actor="ceo", party="applicant", on=dt.date(2025, 4, 24))
    return case.id


def test_window_must_last_30_calendar_days(store: ClockedStore) -> None:
    # published 3 March → earliest closing day 2 April (003 §6(b))
    with pytest.raises(ProcedureError, match="2025-04-02"):
        store.open_call(
            "ru.pp1176",
            title="x",
            published_on=dt.date(2025, 3, 3),
            closes_on=dt.date(2025, 4, 1),
            budget_limit=Money.of(1, RUB),
            budget_year=2025,
        )


def test_selection_agreement_payment_and_refund(store: ClockedStore) -> None:
    call = _call(store)
    case = store.submit(
        call_id=call,
        enterprise_id="ent-1",
        facts=ELIGIBLE,
        actor="applicant",
        submitted_at=_at("2025-03-15"),
        idempotency_key="k1",
    )
    assert case.arrival_number == 1 and case.state == "submitted"
    # review: 20 working days after the closing day 4 April → 6 May (003 §9)
    assert _due(store, case.id, "review") == dt.date(2025, 5, 6)
    store.act(case.id, "register", actor="clerk", party="ministry", on=dt.date(2025, 4, 7))
    store.act(case.id, "admit", actor="head", party="ministry", on=dt.date(2025, 4, 10))
    # signing: 10 working days after 10 April → 24 April (003 §9(c)-(d))
    assert _due(store, case.id, "sign_agreement") == dt.date(2025, 4, 24)
    store.act(case.id, "sign", actor="ceo", party="applicant", on=dt.date(2025, 4, 24))
    # reports (003 §10, §17): April's monthly report in May, Q2's quarterly report in July
    assert _due(store, case.id, "monthly_report") == dt.date(2025, 5, 31)
    assert _due(store, case.id, "quarterly_report") == dt.date(2025, 7, 31)

    store.act(
        case.id,
        "request_subsidy",
        actor="ceo",
        party="applicant",
        on=dt.date(2025, 6, 2),
        data={"project_last_year": 2025},
    )
    # decision: 30 working days after 2 June → 16 July (12-13 June off) (003 §12)
    assert _due(store, case.id, "decision") == dt.date(2025, 7, 16)
    approved = store.decide(case.id, "approve", party="ministry", on=dt.date(2025, 6, 20))
    # subsidy = the amount asked, 80,000,000, within the 100,000,000 loan (003 §4)
    assert approved.amount == Money(Decimal("80000000.00"), RUB)
    assert store.committed(call) == Money(Decimal("80000000.00"), RUB)
    store.act(case.id, "payment_order", actor="ceo", party="applicant", on=dt.date(2025, 6, 23))
    assert _due(store, case.id, "payment") == dt.date(2025, 6, 25)  # 2 working days (003 §14)
    store.decide(case.id, "pay", party="treasury", on=dt.date(2025, 6, 25))
    store.act(case.id, "report_quarterly", actor="ceo", party="applicant", on=dt.date(2025, 7, 10))
    assert _due(store, case.id, "quarterly_report") == dt.date(2025, 10, 31)

    # year end: C = 80m, P = 50m → V = 1.6 > 1; R = C − C/V = 80m − 50m = 30m (003 §16, §19)
    demanded = store.act(
        case.id,
        "demand_refund",
        actor="head",
        party="ministry",
        on=dt.date(2026, 1, 20),
        data={"principal_repaid": "50000000", "received_on": "2026-01-22"},
    )
    assert demanded.state == "refund_demanded"
    last = store.log(case.id)[-1]
    assert last.data is not None and last.data["refund"] == "30000000 RUB"
    assert last.data["indicator_v"] == "1.6000000000"
    # refund: 15 working days after receipt on 22 January 2026 → 12 February (003 §18(a))
    assert _due(store, case.id, "refund") == dt.date(2026, 2, 12)
    store.decide(case.id, "refund_received", party="treasury", on=dt.date(2026, 2, 10))
    assert store.get(case.id).state == "completed"
    assert not [d for d in store.due(dt.date(2026, 3, 1)) if d.case_id == case.id]
    actions = [(t.action, t.phase, t.party) for t in store.log(case.id)]
    assert actions == [
        ("submit", None, "applicant"),
        ("register", None, "ministry"),
        ("admit", None, "ministry"),
        ("sign", None, "applicant"),
        ("request_subsidy", None, "applicant"),
        # four eyes (approval, payment, refund receipt): prepared, then confirmed by another
        ("approve", "prepared", "ministry"),
        ("approve", "confirmed", "ministry"),
        ("payment_order", None, "applicant"),
        ("pay", "prepared", "treasury"),
        ("pay", "confirmed", "treasury"),
        ("report_quarterly", None, "applicant"),
        ("demand_refund", None, "ministry"),
        ("refund_received", "prepared", "treasury"),
        ("refund_received", "confirmed", "treasury"),
    ]
    assert all(t.basis.startswith("003 ") for t in store.log(case.id))


def test_year_closed_without_refund_when_v_is_met(store: ClockedStore) -> None:
    case_id = _to_agreement(store, _call(store))
    for action, role, day, data in [
        ("request_subsidy", "applicant", "2025-06-02", {"project_last_year": 2025}),
        ("approve", "ministry", "2025-06-20", None),
        ("payment_order", "applicant", "2025-06-23", None),
        ("pay", "treasury", "2025-06-25", None),
    ]:
        store.decide(case_id, action, party=role, on=dt.date.fromisoformat(day), data=data)
    with pytest.raises(ProcedureError, match="nothing to refund"):
        # P = 80m → V = 1 → R = 0 (003 §19)
        store.act(
            case_id,
            "demand_refund",
            actor="x",
            party="ministry",
            on=dt.date(2026, 1, 20),
            data={"principal_repaid": "80000000"},
        )
    closed = store.act(
        case_id,
        "close_year",
        actor="x",
        party="ministry",
        on=dt.date(2026, 1, 20),
        data={"principal_repaid": "80000000"},
    )
    assert closed.state == "completed"


def test_refusals_need_a_ground_the_record_supports(store: ClockedStore) -> None:
    call = _call(store)
    late = store.submit(
        call_id=call,
        enterprise_id="late",
        facts=ELIGIBLE,
        actor="a",
        submitted_at=_at("2025-04-05"),
    )
    store.act(late.id, "register", actor="c", party="ministry", on=dt.date(2025, 4, 7))
    with pytest.raises(ProcedureError, match="late_submission"):
        store.act(late.id, "admit", actor="c", party="ministry", on=dt.date(2025, 4, 8))
    with pytest.raises(ProcedureError, match="reason"):
        store.act(
            late.id, "refuse", actor="c", party="ministry", on=dt.date(2025, 4, 8), reason="whim"
        )
    with pytest.raises(ProcedureError, match="rules say"):
        # the enterprise meets §4 and §7, so that ground is refused
        store.act(
            late.id,
            "refuse",
            actor="c",
            party="ministry",
            on=dt.date(2025, 4, 8),
            reason="requirements_not_met",
        )
    refused = store.act(
        late.id,
        "refuse",
        actor="c",
        party="ministry",
        on=dt.date(2025, 4, 8),
        reason="late_submission",
    )
    assert refused.state == "refused"
    assert store.log(late.id)[-1].reason_code == "late_submission"

    ineligible = store.submit(
        call_id=call,
        enterprise_id="arrears",
        facts={**ELIGIBLE, "tax_arrears": True},
        actor="a",
        submitted_at=_at("2025-03-20"),
    )
    store.act(ineligible.id, "register", actor="c", party="ministry", on=dt.date(2025, 4, 7))
    with pytest.raises(ProcedureError, match="no_tax_arrears"):
        store.act(ineligible.id, "admit", actor="c", party="ministry", on=dt.date(2025, 4, 8))
    store.act(
        ineligible.id,
        "refuse",
        actor="c",
        party="ministry",
        on=dt.date(2025, 4, 8),
        reason="requirements_not_met",
    )


def test_unsigned_agreement_is_refused_only_after_ten_working_days(store: ClockedStore) -> None:
    case = store.submit(
        call_id=_call(store),
        enterprise_id="slow",
        facts=ELIGIBLE,
        actor="a",
        submitted_at=_at("2025-03-15"),
    )
    store.act(case.id, "register", actor="c", party="ministry", on=dt.date(2025, 4, 7))
    store.act(case.id, "admit", actor="c", party="ministry", on=dt.date(2025, 4, 10))
    with pytest.raises(ProcedureError, match="may still sign until 2025-04-24"):
        store.act(
            case.id,
            "refuse_unsigned",
            actor="c",
            party="ministry",
            on=dt.date(2025, 4, 24),
            reason="agreement_not_signed",
        )
    with pytest.raises(ProcedureError, match="ended on 2025-04-24"):
        store.act(case.id, "sign", actor="a", party="applicant", on=dt.date(2025, 4, 25))
    store.act(
        case.id,
        "refuse_unsigned",
        actor="c",
        party="ministry",
        on=dt.date(2025, 4, 25),
        reason="agreement_not_signed",
    )


def test_budget_limit_and_shortage(store: ClockedStore) -> None:
    call = _call(store, limit=100_000_000)
    first, second = (_to_agreement(store, call, key) for key in ("b1", "b2"))
    for case_id in (first, second):
        store.act(
            case_id,
            "request_subsidy",
            actor="a",
            party="applicant",
            on=dt.date(2025, 6, 2),
            data={"project_last_year": 2025},
        )
    store.decide(first, "approve", party="ministry", on=dt.date(2025, 6, 20))
    # 80m committed of 100m: a second 80m would over-commit (003 §13(b))
    with pytest.raises(ProcedureError, match="budget"):
        store.decide(second, "approve", party="ministry", on=dt.date(2025, 6, 20))
    assert store.get(second).state == "subsidy_requested"
    deferred = store.act(
        second,
        "defer_budget",
        actor="h",
        party="ministry",
        on=dt.date(2025, 6, 20),
        reason="budget_shortage",
        data={"confirmed_shortage": True},
    )
    assert deferred.state == "deferred"
    store.act(second, "resume", actor="h", party="ministry", on=dt.date(2026, 2, 2))
    assert store.get(second).state == "subsidy_requested"


def test_wrong_role_state_and_unknown_action_are_refused(store: ClockedStore) -> None:
    case = store.submit(
        call_id=_call(store),
        enterprise_id="e",
        facts=ELIGIBLE,
        actor="a",
        submitted_at=_at("2025-03-15"),
    )
    with pytest.raises(
        ProcedureError,
        match=r"taken by Ministry of Industry and Trade \(ministry\), not by applicant",
    ):
        store.act(case.id, "register", actor="a", party="applicant", on=dt.date(2025, 4, 7))
    with pytest.raises(ProcedureError, match="not allowed in state 'submitted'"):
        store.act(case.id, "sign", actor="a", party="applicant", on=dt.date(2025, 4, 7))
    with pytest.raises(ProcedureError, match="not a step"):
        store.act(case.id, "bribe", actor="a", party="applicant", on=dt.date(2025, 4, 7))
    assert [t.action for t in store.log(case.id)] == ["submit"]


def test_due_and_overdue_across_cases(store: ClockedStore) -> None:
    call = _call(store)
    a = store.submit(
        call_id=call, enterprise_id="a", facts=ELIGIBLE, actor="a", submitted_at=_at("2025-03-15")
    )
    b = store.submit(
        call_id=call, enterprise_id="b", facts=ELIGIBLE, actor="a", submitted_at=_at("2025-03-16")
    )
    store.act(a.id, "register", actor="c", party="ministry", on=dt.date(2025, 4, 7))
    store.act(a.id, "admit", actor="c", party="ministry", on=dt.date(2025, 4, 10))
    items = store.due(dt.date(2025, 4, 30))
    by_case = {(i.case_id, i.kind): i for i in items}
    assert by_case[(a.id, "sign_agreement")].overdue  # due 24 April
    assert not by_case[(b.id, "review")].overdue  # due 6 May
    assert (a.id, "review") not in by_case  # closed by the admission
    assert [i.due_on for i in items] == sorted(i.due_on for i in items)


def test_the_log_is_append_only(store: ClockedStore) -> None:
    case = store.submit(
        call_id=_call(store),
        enterprise_id="e",
        facts=ELIGIBLE,
        actor="a",
        submitted_at=_at("2025-03-15"),
    )
    for statement in ("UPDATE transitions SET actor = 'x'", "DELETE FROM transitions"):
        # SQLite: the triggers; PostgreSQL: the application's role has no such right
        with (
            pytest.raises(Exception, match=r"append-only|permission denied"),
            store.engine.begin() as connection,
        ):
            connection.execute(text(statement))
    assert len(store.log(case.id)) == 1


def test_idempotent_retry_returns_the_first_application(store: ClockedStore) -> None:
    call = _call(store)
    first = store.submit(
        call_id=call,
        enterprise_id="e",
        facts=ELIGIBLE,
        actor="a",
        submitted_at=_at("2025-03-15"),
        idempotency_key="same",
    )
    again = store.submit(
        call_id=call,
        enterprise_id="e",
        facts=ELIGIBLE,
        actor="a",
        submitted_at=_at("2025-03-15"),
        idempotency_key="same",
    )
    assert again.id == first.id and len(store.cases(call)) == 1
    nxt = store.submit(
        call_id=call, enterprise_id="f", facts=ELIGIBLE, actor="a", submitted_at=_at("2025-03-16")
    )
    assert nxt.arrival_number == 2


def test_bad_facts_are_refused_before_anything_is_written(store: ClockedStore) -> None:
    call = _call(store)
    with pytest.raises(Exception, match="pp1176_loan_amount"):
        store.submit(
            call_id=call,
            enterprise_id="e",
            facts={**ELIGIBLE, "pp1176_loan_amount": -5},
            actor="a",
            submitted_at=_at("2025-03-15"),
        )
    assert store.cases(call) == [] and store.call(call).last_arrival_number == 0
