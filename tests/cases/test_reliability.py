"""Reliability, tested rather than promised: concurrent submissions get distinct gap-free
arrival numbers, concurrent approvals never over-commit the budget, and a process killed in
the middle of a transition leaves the case exactly as it was."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from decimal import Decimal

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import industrial_support.accounts.models  # noqa: F401 - its tables belong to the same schema
from industrial_support.cases.models import Base
from industrial_support.cases.procedure import ProcedureError
from industrial_support.engine.money import Money
from tests.cases.conftest import ClockedStore, clocked

from .test_pp1176_procedure import ELIGIBLE, _at, _call, _to_agreement

WORKERS = 50


def _in_parallel(count: int, work: Callable[[int], object]) -> list[object]:
    """Run ``work(i)`` on ``count`` threads released at the same moment."""
    start = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(index: int) -> None:
        start.wait()
        try:
            results[index] = work(index)
        except Exception as error:  # collected and checked by the caller
            results[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_concurrent_submissions_get_gap_free_numbers_in_arrival_order(store: ClockedStore) -> None:
    call = _call(store)
    results = _in_parallel(
        WORKERS,
        lambda i: store.submit(
            call_id=call,
            enterprise_id=f"e{i}",
            facts=ELIGIBLE,
            actor="a",
            submitted_at=_at("2025-03-20"),
            idempotency_key=f"k{i}",
        ),
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    cases = store.cases(call)
    numbers = [c.arrival_number or 0 for c in cases]
    assert sorted(numbers) == list(range(1, WORKERS + 1))  # distinct, no gaps
    # arrival order: the number follows the order in which the store committed the
    # applications, which is the order of their log entries
    by_log = sorted(cases, key=lambda c: store.log(c.id)[0].id)
    assert [c.arrival_number for c in by_log] == list(range(1, WORKERS + 1))


def test_concurrent_retries_with_one_key_store_one_application(store: ClockedStore) -> None:
    call = _call(store)
    results = _in_parallel(
        10,
        lambda i: store.submit(
            call_id=call,
            enterprise_id="same",
            facts=ELIGIBLE,
            actor="a",
            submitted_at=_at("2025-03-20"),
            idempotency_key="retry",
        ),
    )
    ids = {getattr(r, "id", None) for r in results}
    assert len(ids) == 1 and None not in ids
    assert [c.arrival_number for c in store.cases(call)] == [1]
    assert store.call(call).last_arrival_number == 1  # the failed retries left no gap


def test_concurrent_approvals_never_exceed_the_budget(store: ClockedStore) -> None:
    # 12 requests of 80m against a 500m limit: at most 6 fit (6 × 80m = 480m)
    call = _call(store, limit=500_000_000)
    cases = [_to_agreement(store, call, f"c{i}") for i in range(12)]
    for case_id in cases:
        store.act(
            case_id,
            "request_subsidy",
            actor="a",
            party="applicant",
            on=dt.date(2025, 6, 2),
            data={"project_last_year": 2025},
        )
    results = _in_parallel(
        len(cases),
        lambda i: store.decide(cases[i], "approve", party="ministry", on=dt.date(2025, 6, 20)),
    )
    approved = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, ProcedureError)]
    assert len(approved) == 6 and len(refused) == 6
    assert store.committed(call) == Money(Decimal("480000000.00"), "RUB")
    states = sorted(store.get(c).state for c in cases)
    assert states.count("subsidy_approved") == 6 and states.count("subsidy_requested") == 6


_STEP_IN_CHILD = """
import datetime as dt, sys
from industrial_support.cases.store import CaseStore
store = CaseStore(sys.argv[1])
store.act(int(sys.argv[2]), "register", actor="clerk", party="ministry")
"""


def test_a_process_killed_mid_transition_changes_nothing(db_url: str) -> None:
    store = clocked(db_url)
    case = store.submit(
        call_id=_call(store),
        enterprise_id="e",
        facts=ELIGIBLE,
        actor="a",
        submitted_at=_at("2025-03-15"),
    )
    before = (
        store.get(case.id),
        [t.id for t in store.log(case.id)],
        store.due(dt.date(2025, 1, 1)),
    )
    for point in ("after_log", "before_commit"):
        child = subprocess.run(
            [sys.executable, "-c", _STEP_IN_CHILD, db_url, str(case.id)],
            env={**os.environ, "ISUPPORT_FAULT": point},
            capture_output=True,
            timeout=120,
        )
        assert child.returncode == 86, child.stderr.decode()
        after = (
            store.get(case.id),
            [t.id for t in store.log(case.id)],
            store.due(dt.date(2025, 1, 1)),
        )
        assert after == before  # nothing half-written, nothing committed lost
    # and the same step still works afterwards
    assert (
        store.act(case.id, "register", actor="c", party="ministry", on=dt.date(2025, 4, 7)).state
        == "registered"
    )


def test_migrations_build_exactly_the_models(store: ClockedStore) -> None:
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
