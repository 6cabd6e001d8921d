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
        _act(store, case_id, "verification_pass", "2025-02-04", party="system")
    assert (
        _act(store, case_id, "include_wholly_produced", "2025-02-05") == "included"
    )  # Art.51-1(9)
    assert store.registered(REGISTER, "BIN-123", "8708.29", dt.date(2025, 2, 5))
    assert not store.registered(REGISTER, "BIN-123", "8708.29", dt.date(2025, 2, 4))
    # first monitoring by the end of the next quarter: Q2 2025 → 30 June (Art.51-4)
    (monitoring,) = store.due(dt.date(2025, 2, 5))
    assert (monitoring.kind, monitoring.due_on) == ("monitoring", dt.date(2025, 6, 30))


def test_missing_consent_blocks_verification(store: ClockedStore) -> None:
    case_id = _apply(store, wholly=False, kz_reg_consent_video=False)
    with pytest.raises(ProcedureError, match="consent_video"):  # Art.51-1(2)(3)
        _act(store, case_id, "verification_pass", "2025-02-04", party="system")
    assert (
        _act(
            store,
            case_id,
            "verification_fail",
            "2025-02-04",
            party="system",
            reason="production_not_confirmed",
        )
        == "verification_failed"
    )


def test_processed_goods_assessment_visit_monitoring_removal_objection(store: ClockedStore) -> None:
    case_id = _apply(store, wholly=False)
    assert (
        _act(store, case_id, "verification_pass", "2025-02-04", party="system")
        == "production_assessment"
    )
    assert _act(store, case_id, "order_site_visit", "2025-02-10") == "site_visit"  # Art.51-1(5)
    assert _act(store, case_id, "site_visit_report", "2025-02-20") == "production_assessment"
    assert _act(store, case_id, "include", "2025-03-03") == "included"
    assert _act(store, case_id, "monitor", "2025-06-16") == "included"
    # the next monitoring: end of Q3 2025
    assert [d.due_on for d in store.due(dt.date(2025, 6, 16))] == [dt.date(2025, 9, 30)]
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
    _act(store, case_id, "include_wholly_produced", "2025-02-05")
    _act(store, case_id, "notice_to_cure", "2025-03-03", data={"cure_by": "2025-03-20"})
    _act(store, case_id, "remove_not_cured", "2025-03-21", reason="monitoring")
    with pytest.raises(ProcedureError, match="30 working days"):
        _act(store, case_id, "object", "2025-06-01", party="applicant")
    other = _apply(store, wholly=True)
    _act(store, other, "include_wholly_produced", "2025-02-05")
    assert (
        _act(store, other, "remove_voluntary", "2025-04-01", reason="voluntary") == "removal_final"
    )
    with pytest.raises(ProcedureError, match="not allowed"):
        _act(store, other, "object", "2025-04-02", party="applicant")
