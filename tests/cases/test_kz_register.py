"""The Register of Kazakhstan Producers administered (seed 000 Arts.51-1 to 51-6), with
dates on the Kazakhstan calendar, and the "was X registered for P on D" query."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from industrial_support.cases.procedure import ProcedureError
from tests.cases.conftest import ClockedStore

REGISTER = "kz.producers"
CONSENTS: dict[str, Any] = {
    "kz_reg_consent_personal_data": True,
    "kz_reg_consent_site_access": True,
    "kz_reg_consent_video": True,
    "kz_reg_production_evidence": True,
    "kz_reg_product": "8708.29",
}


def _apply(store: ClockedStore, wholly: bool, **changes: Any) -> int:
    facts = {**CONSENTS, "kz_reg_wholly_produced": wholly, **changes}
    case = store.submit(
        procedure_id="kz.producers_register",
        enterprise_id="BIN-123",
        facts=facts,
        actor="applicant",
        submitted_at=dt.datetime(2025, 2, 3, 9, tzinfo=dt.UTC),
        subject="8708.29",
    )
    return case.id


def _act(
    store: ClockedStore, case_id: int, action: str, day: str, party: str = "authority", **kw: Any
) -> str:
    return store.act(
        case_id, action, actor="x", party=party, on=dt.date.fromisoformat(day), **kw
    ).state


def test_wholly_produced_goods_skip_the_assessment(store: ClockedStore) -> None:
    case_id = _apply(store, wholly=True)
    with pytest.raises(ProcedureError, match="wholly produced"):
        _act(store, case_id, "verification_pass", "2025-06-04", party="system")
    assert (
        _act(store, case_id, "include_wholly_produced", "2025-06-05") == "included"
    )  # Art.51-1(9)
    assert store.registered(REGISTER, "BIN-123", "8708.29", dt.date(2025, 6, 5))
    assert not store.registered(REGISTER, "BIN-123", "8708.29", dt.date(2025, 6, 4))
    # Art.51-4(1): the quarter of inclusion is monitored too: 5 June is in Q2 → 30 June
    (monitoring,) = store.due(dt.date(2025, 6, 5))
    assert (monitoring.kind, monitoring.due_on) == ("monitoring", dt.date(2025, 6, 30))


def test_missing_consent_blocks_verification(store: ClockedStore) -> None:
    case_id = _apply(store, wholly=False, kz_reg_consent_video=False)
    with pytest.raises(ProcedureError, match="consent_video"):  # Art.51-1(2)(3)
        _act(store, case_id, "verification_pass", "2025-06-04", party="system")
    assert (
        _act(
            store,
            case_id,
            "verification_fail",
            "2025-06-04",
            party="system",
            reason="production_not_confirmed",
        )
        == "verification_failed"
    )


def test_processed_goods_assessment_visit_monitoring_removal_objection(store: ClockedStore) -> None:
    case_id = _apply(store, wholly=False)
    assert (
        _act(store, case_id, "verification_pass", "2025-06-04", party="system")
        == "production_assessment"
    )
    assert _act(store, case_id, "order_site_visit", "2025-06-10") == "site_visit"  # Art.51-1(5)
    assert _act(store, case_id, "site_visit_report", "2025-06-20") == "production_assessment"
    assert _act(store, case_id, "include", "2025-07-01") == "included"
    # Art.51-4(1): included on 1 July (Q3) → the first monitoring is due by 30 September
    assert [d.due_on for d in store.due(dt.date(2025, 7, 1))] == [dt.date(2025, 9, 30)]
    assert _act(store, case_id, "monitor", "2025-08-15") == "included"
    # the next: the quarter after Q3 → 31 December 2025
    assert [d.due_on for d in store.due(dt.date(2025, 8, 15))] == [dt.date(2025, 12, 31)]
    assert (
        _act(store, case_id, "notice_to_cure", "2025-09-15", data={"cure_by": "2025-10-15"})
        == "cure_notice"
    )
    assert _act(store, case_id, "remove_not_cured", "2025-10-16", reason="monitoring") == "removed"
    assert store.registered(REGISTER, "BIN-123", "8708.29", dt.date(2025, 10, 15))
    assert not store.registered(REGISTER, "BIN-123", "8708.29", dt.date(2025, 10, 16))
    # objection within 30 Kazakhstan working days of 16 Oct 2025 (Thu): Oct 17-24 (6);
    # Republic Day (Sat 25 Oct) moves to Mon 27 Oct; Oct 28-31 (10), Nov 3-7 (15), 10-14 (20),
    # 17-21 (25), 24-28 (30) → 28 November 2025 (Art.51-5)
    (objection,) = [d for d in store.due(dt.date(2025, 10, 16)) if d.kind == "objection"]
    assert objection.due_on == dt.date(2025, 11, 28)
    assert _act(store, case_id, "object", "2025-11-28", party="applicant") == "objection_pending"
    assert _act(store, case_id, "uphold_objection", "2025-12-10", "appeal_commission") == "included"
    # reinstated from the decision, without repeating the checks; the gap stays outside
    assert not store.registered(REGISTER, "BIN-123", "8708.29", dt.date(2025, 11, 1))
    assert store.registered(REGISTER, "BIN-123", "8708.29", dt.date(2025, 12, 10))
    assert not store.registered(REGISTER, "BIN-123", "7308.90", dt.date(2025, 12, 10))


def test_late_objection_and_voluntary_removal(store: ClockedStore) -> None:
    case_id = _apply(store, wholly=True)
    _act(store, case_id, "include_wholly_produced", "2025-06-05")
    _act(store, case_id, "notice_to_cure", "2025-07-01", data={"cure_by": "2025-07-20"})
    _act(store, case_id, "remove_not_cured", "2025-07-21", reason="monitoring")
    with pytest.raises(ProcedureError, match="30 working days"):
        _act(store, case_id, "object", "2025-10-01", party="applicant")
    other = _apply(store, wholly=True)
    _act(store, other, "include_wholly_produced", "2025-06-05")
    assert (
        _act(store, other, "remove_voluntary", "2025-08-01", reason="voluntary") == "removal_final"
    )
    with pytest.raises(ProcedureError, match="not allowed"):
        _act(store, other, "object", "2025-08-02", party="applicant")


def test_no_entry_before_the_register_exists(store: ClockedStore) -> None:
    """000 Arts.51-1 to 51-7 came with Law 188-VIII, in force 10 calendar days after its
    publication: 19 May 2025 + 10 days (20-29 May) → from 30 May 2025 at the earliest."""
    case_id = _apply(store, wholly=True)
    with pytest.raises(ProcedureError, match="exists from 2025-05-30"):
        _act(store, case_id, "include_wholly_produced", "2025-05-29")
    other = _apply(store, wholly=False)
    with pytest.raises(ProcedureError, match="exists from 2025-05-30"):
        _act(store, other, "verification_pass", "2024-11-04", party="system")
    assert _act(store, case_id, "include_wholly_produced", "2025-05-30") == "included"


def test_a_late_monitoring_does_not_skip_a_quarter(store: ClockedStore) -> None:
    """000 Art.51-4(1): every quarter is monitored. Included 20 Aug 2025 (Q3) → due 30 Sep;
    checked late on 6 Oct, the next is still due by the end of Q4 (31 Dec), not Q1 2026."""
    case_id = _apply(store, wholly=True)
    _act(store, case_id, "include_wholly_produced", "2025-08-20")
    assert [d.due_on for d in store.due(dt.date(2025, 8, 20))] == [dt.date(2025, 9, 30)]
    _act(store, case_id, "monitor", "2025-10-06")
    assert [d.due_on for d in store.due(dt.date(2025, 10, 6))] == [dt.date(2025, 12, 31)]


def test_wholly_produced_goods_need_no_video_of_the_process(store: ClockedStore) -> None:
    """000 Art.51-1(9), Art.51-3(7): wholly produced goods are entered from the competent
    bodies' information; the applicant's production evidence is not asked for."""
    case_id = _apply(store, wholly=True, kz_reg_production_evidence=False)
    assert _act(store, case_id, "include_wholly_produced", "2025-06-05") == "included"
    other = _apply(store, wholly=False, kz_reg_production_evidence=False)
    with pytest.raises(ProcedureError, match="production_evidence"):
        _act(store, other, "verification_pass", "2025-06-05", party="system")


SOFTWARE: dict[str, Any] = {
    "kz_sw_made_in_kazakhstan": True,
    "kz_sw_in_trusted_register": True,
    "kz_sw_informatization_notice": True,
}


def _apply_software(store: ClockedStore, **changes: Any) -> int:
    case = store.submit(
        procedure_id="kz.producers_register.software",
        enterprise_id="BIN-777",
        facts={**SOFTWARE, **changes},
        actor="applicant",
        submitted_at=dt.datetime(2025, 6, 2, 9, tzinfo=dt.UTC),
        subject="ERP suite",
    )
    return case.id


def test_software_producers_route_and_30_calendar_days(store: ClockedStore) -> None:
    """000 Art.51-2: entered on the informatization body's notice (51-2(4)), monitored every
    quarter (51-2(3)), excluded on its notice (51-6 item 2); objection within 30 *calendar*
    days of the exclusion (51-2(5)) — not the 30 working days of Art.51-5(3)."""
    case_id = _apply_software(store)
    assert _act(store, case_id, "include_on_notice", "2025-06-10") == "included"
    assert store.registered(REGISTER, "BIN-777", "ERP suite", dt.date(2025, 6, 10))
    # entered in Q2 → first monitoring by 30 June 2025
    assert [d.due_on for d in store.due(dt.date(2025, 6, 10))] == [dt.date(2025, 6, 30)]
    assert (
        _act(store, case_id, "remove_on_notice", "2025-10-01", reason="software_monitoring")
        == "removed"
    )
    # 1 Oct + 30 calendar days = 31 Oct 2025 (a Friday; calendar days do not skip weekends)
    (objection,) = [d for d in store.due(dt.date(2025, 10, 1)) if d.kind == "objection"]
    assert objection.due_on == dt.date(2025, 10, 31)
    with pytest.raises(ProcedureError, match="30 calendar days"):
        _act(store, case_id, "object", "2025-11-01", party="applicant")
    assert _act(store, case_id, "object", "2025-10-31", party="applicant") == "objection_pending"


def test_software_producer_needs_the_trusted_register_and_the_register_itself(
    store: ClockedStore,
) -> None:
    case_id = _apply_software(store, kz_sw_in_trusted_register=False)
    with pytest.raises(ProcedureError, match="in_trusted_software_register"):
        _act(store, case_id, "include_on_notice", "2025-06-10")
    early = _apply_software(store)
    with pytest.raises(ProcedureError, match="exists from 2025-05-30"):
        _act(store, early, "include_on_notice", "2025-05-29")
