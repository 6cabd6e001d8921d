"""Decree 1176 (seed 003) time limits in the procedure (issue 12 items 3-4): reports due per
calendar period (§10, §17), the agreement concluded by 31 December of the year after the
project's last year (§10), the signing period from receipt of the draft (§9(d)), and refunds
of a §4 breach found by an inspection (§18). Dates on the Russian calendar of 2025."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from industrial_support.cases.procedure import ProcedureError

from .conftest import ClockedStore
from .test_pp1176_procedure import ELIGIBLE, _at, _call, _due, _to_agreement


def test_a_late_report_does_not_skip_the_next_quarter_or_month(store: ClockedStore) -> None:
    case_id = _to_agreement(store, _call(store))  # signed 24 April 2025 (Q2)
    # Q2 report due 31 July; April's monthly report due 31 May (003 §17, §10)
    assert _due(store, case_id, "quarterly_report") == dt.date(2025, 7, 31)
    assert _due(store, case_id, "monthly_report") == dt.date(2025, 5, 31)
    # the Q2 report comes late, on 5 November: the Q3 report (July-September) is still due
    # at the end of the month after Q3, 31 October — not 31 January for Q4
    store.act(case_id, "report_quarterly", actor="ceo", party="applicant", on=dt.date(2025, 11, 5))
    assert _due(store, case_id, "quarterly_report") == dt.date(2025, 10, 31)
    # April's report filed late on 20 June: May's report is due 30 June, not 31 July
    store.act(case_id, "report_monthly", actor="ceo", party="applicant", on=dt.date(2025, 6, 20))
    assert _due(store, case_id, "monthly_report") == dt.date(2025, 6, 30)


def test_agreement_must_be_concluded_by_31_december_after_the_last_project_year(
    store: ClockedStore,
) -> None:
    call = _call(store)
    case = store.submit(
        call_id=call,
        enterprise_id="ent-late",
        facts=ELIGIBLE,  # project ended 30 November 2024: last year 2024
        actor="applicant",
        submitted_at=_at("2025-03-15"),
    )
    store.decide(case.id, "register", party="ministry", on=dt.date(2025, 4, 7))
    store.decide(
        case.id,
        "admit",
        party="ministry",
        on=dt.date(2025, 4, 10),
        data={"received_on": "2025-04-14"},
    )
    # 003 §10: last project year 2024 → concluded by 31 December 2025
    assert _due(store, case.id, "conclude_agreement") == dt.date(2025, 12, 31)
    # 003 §9(d): 10 working days from receipt on 14 April → 15-18, 21-25, 28 April → 28 April
    assert _due(store, case.id, "sign_agreement") == dt.date(2025, 4, 28)
    store.act(case.id, "sign", actor="ceo", party="applicant", on=dt.date(2025, 4, 28))
    open_kinds = {d.kind for d in store.due(dt.date(2025, 1, 1)) if d.case_id == case.id}
    assert "conclude_agreement" not in open_kinds and "sign_agreement" not in open_kinds


def test_admission_needs_the_projects_last_year(store: ClockedStore) -> None:
    facts = {k: v for k, v in ELIGIBLE.items() if k != "pp1176_project_end_date"}
    case = store.submit(
        call_id=_call(store),
        enterprise_id="ent-no-year",
        facts=facts,
        actor="applicant",
        submitted_at=_at("2025-03-15"),
    )
    store.decide(case.id, "register", party="ministry", on=dt.date(2025, 4, 7))
    with pytest.raises(ProcedureError, match="pp1176_project_end_date"):
        store.decide(case.id, "admit", party="ministry", on=dt.date(2025, 4, 10))


def _paid(store: ClockedStore, key: str = "a") -> int:
    case_id = _to_agreement(store, _call(store), key)
    for action, party, day, data in [
        ("request_subsidy", "applicant", "2025-06-02", {"project_last_year": 2025}),
        ("approve", "ministry", "2025-06-20", None),
        ("payment_order", "applicant", "2025-06-23", None),
        ("pay", "treasury", "2025-06-25", None),
    ]:
        store.decide(case_id, action, party=party, on=dt.date.fromisoformat(day), data=data)
    return case_id


def test_a_breach_found_by_the_ministry_is_refunded_within_15_working_days_of_receipt(
    store: ClockedStore,
) -> None:
    case_id = _paid(store)  # C = 80,000,000 received
    store.decide(
        case_id,
        "demand_breach_refund",
        party="ministry",
        on=dt.date(2025, 9, 1),
        data={
            "breach_found": "10000000",
            "principal_repaid": "70000000",
            "received_on": "2025-09-03",
        },
    )
    last = store.log(case_id)[-1]
    # §18: breach 10,000,000 + §19 R = 80m − 70m = 10,000,000 → 20,000,000
    assert last.basis == "003 §18(a)"
    assert last.data is not None and last.data["refund"] == "20000000 RUB"
    # §18(a): 15 working days after receipt on 3 September (Wed) → 24 September
    assert _due(store, case_id, "refund") == dt.date(2025, 9, 24)


def test_a_breach_ordered_by_the_control_body_is_due_on_the_orders_date(
    store: ClockedStore,
) -> None:
    case_id = _paid(store)
    with pytest.raises(ProcedureError, match="refund"):
        store.decide(
            case_id,
            "control_refund_order",
            party="financial_control",
            on=dt.date(2025, 9, 1),
            data={"refund": "5000000"},
        )
    store.decide(
        case_id,
        "control_refund_order",
        party="financial_control",
        on=dt.date(2025, 9, 1),
        data={"refund": "5000000", "refund_by": "2025-10-15"},
    )
    last = store.log(case_id)[-1]
    assert last.basis == "003 §18(b)" and last.data is not None
    assert last.data["refund"] == "5000000 RUB"  # the breach alone: no principal given
    assert _due(store, case_id, "refund") == dt.date(2025, 10, 15)
    other = _paid(store, "b")
    with pytest.raises(ProcedureError, match="exceeds"):
        store.decide(
            other,
            "demand_breach_refund",
            party="ministry",
            on=dt.date(2025, 9, 1),
            data={"breach_found": str(Decimal("80000000.01"))},
        )
