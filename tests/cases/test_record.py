"""The record decides, not the user (issue 11, points 1-5), on SQLite and PostgreSQL: the
server's clock dates steps, the party the law names acts, four eyes on money, a log that SQL
as the application's role cannot bend and that ``isupport case verify`` checks, the rules
hash in every decision, and arrival as one fact. Dates are the Russian calendar of 2025."""

from __future__ import annotations

import copy
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from industrial_support.cases.procedure import PartyError, ProcedureError, StepInputError
from industrial_support.cases.store import (
    CaseStore,
    DuplicateApplication,
    IdempotencyConflict,
    LateRecording,
)
from industrial_support.engine.evaluate import RuleSet
from industrial_support.engine.money import Money
from industrial_support.engine.parameters import ParameterSet, load_yaml
from industrial_support.engine.program import get_program
from industrial_support.engine.rules_hash import program_rules_hash, rules_hash
from tests.cases.conftest import ClockedStore, owner_url

from .test_pp1176_procedure import ELIGIBLE, _at, _call, _to_agreement
from .test_reliability import _in_parallel

PP1176_YAML = Path(__file__).parent.parent.parent / "src/industrial_support/programs/ru/pp1176.yaml"


def _admitted(store: ClockedStore) -> int:
    """Submitted 15 March, registered 7 April, admitted 10 April: signing due 24 April."""
    case = store.submit(
        call_id=_call(store),
        enterprise_id="e",
        facts=ELIGIBLE,
        actor="a",
        submitted_at=_at("2025-03-15"),
    )
    store.act(case.id, "register", actor="clerk", party="ministry", on=dt.date(2025, 4, 7))
    store.act(case.id, "admit", actor="head", party="ministry", on=dt.date(2025, 4, 10))
    return case.id


# --- 1. the server's clock ------------------------------------------------------------------
def test_the_applicant_signs_today_and_cannot_date_a_late_signature_back(
    store: ClockedStore,
) -> None:
    case_id = _admitted(store)
    store.clock.day = dt.date(2025, 4, 25)  # the 10 working days ended on 24 April (003 §9(c))
    with pytest.raises(ProcedureError, match=r"ended on 2025-04-24.*003 §9\(d\)"):
        store.act(case_id, "sign", actor="ceo", party="applicant")
    with pytest.raises(PartyError, match="only an official may record a step late"):
        store.act(
            case_id,
            "sign",
            actor="ceo",
            party="applicant",
            late=LateRecording(dt.date(2025, 4, 24), "signed earlier"),
        )
    assert store.get(case_id).state == "agreement_sent"


def test_an_official_cannot_refuse_as_unsigned_while_the_window_is_open(
    store: ClockedStore,
) -> None:
    case_id = _admitted(store)
    store.clock.day = dt.date(2025, 4, 24)  # the last day to sign
    with pytest.raises(ProcedureError, match="may still sign until 2025-04-24"):
        store.act(
            case_id,
            "refuse_unsigned",
            actor="head",
            party="ministry",
            reason="agreement_not_signed",
        )


def test_a_late_recording_is_explicit_bounded_and_shown(store: ClockedStore) -> None:
    case_id = _admitted(store)
    store.clock.day = dt.date(2025, 4, 28)
    for day, reason, expected in [
        (dt.date(1900, 1, 1), "old paper", r"expected 2025-04-10 or later"),  # before admit
        (dt.date(2025, 4, 29), "ahead", r"expected today \(2025-04-28\) or earlier"),
        (dt.date(2025, 4, 25), "  ", r"late.reason: expected why"),
    ]:
        with pytest.raises(StepInputError, match=expected):
            store.act(
                case_id,
                "refuse_unsigned",
                actor="head",
                party="ministry",
                reason="agreement_not_signed",
                late=LateRecording(day, reason),
            )
    # refused on paper on Friday 25 April, the first day after the window; entered Monday
    store.act(
        case_id,
        "refuse_unsigned",
        actor="head",
        party="ministry",
        reason="agreement_not_signed",
        late=LateRecording(dt.date(2025, 4, 25), "signed on paper, system down"),
    )
    last = store.log(case_id)[-1]
    assert last.event_date == dt.date(2025, 4, 25)
    assert last.recorded_at.date() == dt.date(2025, 4, 28)
    assert last.late_reason == "signed on paper, system down"


# --- 2. parties and four eyes ---------------------------------------------------------------
def _paid(store: ClockedStore) -> int:
    case_id = _to_agreement(store, _call(store))
    store.act(
        case_id,
        "request_subsidy",
        actor="ceo",
        party="applicant",
        on=dt.date(2025, 6, 2),
        data={"project_last_year": 2025},
    )
    store.decide(case_id, "approve", party="ministry", on=dt.date(2025, 6, 20))
    store.act(case_id, "payment_order", actor="ceo", party="applicant", on=dt.date(2025, 6, 23))
    store.decide(case_id, "pay", party="treasury", on=dt.date(2025, 6, 25))
    return case_id


def test_the_applicant_cannot_declare_its_refund_paid(store: ClockedStore) -> None:
    case_id = _paid(store)
    store.act(
        case_id,
        "demand_refund",
        actor="head",
        party="ministry",
        on=dt.date(2026, 1, 20),
        data={"principal_repaid": "50000000"},
    )
    with pytest.raises(PartyError, match=r"Federal Treasury.*not by applicant"):
        store.act(case_id, "refund_received", actor="ceo", party="applicant")
    assert store.get(case_id).state == "refund_demanded"
    assert "refund" in {d.kind for d in store.due(dt.date(2026, 1, 21)) if d.case_id == case_id}


def test_four_eyes_the_preparer_cannot_confirm(store: ClockedStore) -> None:
    case_id = _to_agreement(store, _call(store))
    store.act(
        case_id,
        "request_subsidy",
        actor="ceo",
        party="applicant",
        on=dt.date(2025, 6, 2),
        data={"project_last_year": 2025},
    )
    prepared = store.act(
        case_id, "approve", actor="ivanov", party="ministry", on=dt.date(2025, 6, 20)
    )
    assert prepared.state == "subsidy_requested"  # nothing committed yet
    with pytest.raises(PartyError, match="ivanov prepared 'approve'; another official"):
        store.act(case_id, "approve", actor="ivanov", party="ministry")
    with pytest.raises(PartyError, match="taken by Ministry"):
        store.act(case_id, "approve", actor="kuznetsov", party="treasury")
    approved = store.act(case_id, "approve", actor="petrova", party="ministry")
    assert approved.state == "subsidy_approved"
    confirmed = store.log(case_id)[-1]
    assert confirmed.data is not None and confirmed.data["prepared_by"] == "ivanov"


# --- 3. the log cannot be bent; verify tells -------------------------------------------------
def _verify(url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ}
    if owner := owner_url(url):
        env["ISUPPORT_DB_OWNER"] = owner
    return subprocess.run(
        [str(Path(sys.executable).parent / "isupport"), "case", "verify", "--db", url],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_sql_as_the_application_cannot_rewrite_the_log(store: ClockedStore, db_url: str) -> None:
    case_id = _admitted(store)
    backend = store.engine.dialect.name
    attacks = (
        [
            "INSERT OR REPLACE INTO transitions (id, case_id, action, to_state, actor, role, "
            "event_date, recorded_at, basis) VALUES (1, 1, 'submit', 'paid', 'x', 'applicant', "
            "'2025-01-01', '2025-01-01 00:00:00', '003 §8')"
        ]
        if backend == "sqlite"
        else [
            "TRUNCATE transitions CASCADE",
            "ALTER TABLE transitions DISABLE TRIGGER ALL",
            "DELETE FROM transitions",
            "UPDATE transitions SET actor = 'x'",
        ]
    )
    for statement in attacks:
        with (
            pytest.raises(Exception, match=r"append-only|permission denied|must be owner"),
            store.engine.begin() as connection,
        ):
            connection.execute(text(statement))
    assert [t.action for t in store.log(case_id)] == ["submit", "register", "admit"]
    assert _verify(db_url).returncode == 0


def test_verify_names_a_state_that_differs_from_the_log(store: ClockedStore, db_url: str) -> None:
    case_id = _admitted(store)
    with store.engine.begin() as connection:  # the application's role may write cases
        connection.execute(text("UPDATE cases SET state = 'paid' WHERE id = :id"), {"id": case_id})
    result = _verify(db_url)
    assert result.returncode == 1
    assert f"case {case_id}" in result.stdout and "'paid' differs from the log's" in result.stdout


def _as_owner(store: ClockedStore, db_url: str, *statements: str) -> None:
    """Tampering past the database's guards (someone with the owner's rights)."""
    engine = create_engine(owner_url(db_url) or db_url)
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER transitions_no_UPDATE")
            connection.exec_driver_sql("DROP TRIGGER transitions_no_DELETE")
        else:
            connection.exec_driver_sql("ALTER TABLE transitions DISABLE TRIGGER ALL")
        for statement in statements:
            connection.exec_driver_sql(statement)
    engine.dispose()


def test_verify_names_an_edited_row(store: ClockedStore, db_url: str) -> None:
    case_id = _admitted(store)
    second = store.log(case_id)[1].id
    _as_owner(store, db_url, f"UPDATE transitions SET actor = 'someone else' WHERE id = {second}")
    result = _verify(db_url)
    assert result.returncode == 1
    assert f"case {case_id}, entry {second}: content does not match its hash" in result.stdout


def test_verify_names_the_entry_after_a_deleted_row(store: ClockedStore, db_url: str) -> None:
    case_id = _admitted(store)
    log = store.log(case_id)
    _as_owner(
        store,
        db_url,
        f"UPDATE obligations SET opened_by = {log[0].id} WHERE opened_by = {log[1].id}",
        f"UPDATE obligations SET closed_by = NULL WHERE closed_by = {log[1].id}",
        f"DELETE FROM transitions WHERE id = {log[1].id}",
    )
    result = _verify(db_url)
    assert result.returncode == 1
    assert f"case {case_id}, entry {log[2].id}: chain broken" in result.stdout


# --- 4. the rules hash ----------------------------------------------------------------------
def test_the_rules_hash_changes_with_one_parameter_value() -> None:
    program = get_program("ru.pp1176")
    raw = load_yaml(PP1176_YAML)
    raw["offshore_share_max"]["values"][0]["value"] = "0.1"  # same start date, other value
    changed = copy.copy(program)  # the same program, not registered a second time
    changed.parameters = ParameterSet.from_mapping(raw, "edited")
    on = dt.date(2025, 4, 10)
    before = rules_hash(RuleSet([program], on).programs, on)
    after = rules_hash(RuleSet([changed], on).programs, on)
    assert before != after and before.startswith("2025-04-10#")
    assert before == program_rules_hash("ru.pp1176", on)


def test_every_decision_carries_the_rules_hash(store: ClockedStore) -> None:
    case_id = _admitted(store)
    register, admit = store.log(case_id)[1:3]
    assert register.rules_hash is None  # registering evaluates nothing
    assert admit.rules_hash == program_rules_hash("ru.pp1176", dt.date(2025, 4, 10))


# --- 5. arrival is one fact -----------------------------------------------------------------
def test_fifty_concurrent_arrivals_number_in_time_order(db_url: str) -> None:
    store = CaseStore(db_url, owner_url=owner_url(db_url))  # the real clock
    call = store.open_call(
        "ru.pp1176",
        title="now",
        published_on=dt.date(2025, 3, 3),
        closes_on=dt.date(2099, 4, 4),
        budget_limit=Money.of(1, "RUB"),
        budget_year=2025,
    )
    results = _in_parallel(
        50,
        lambda i: store.submit(
            call_id=call, enterprise_id=f"e{i}", facts=ELIGIBLE, actor="a", idempotency_key=f"k{i}"
        ),
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    cases = sorted(store.cases(call), key=lambda c: c.arrival_number or 0)
    times = [c.submitted_at for c in cases]
    inversions = sum(
        1 for i in range(len(times)) for j in range(i + 1, len(times)) if times[i] > times[j]
    )
    assert len(cases) == 50 and inversions == 0


def test_a_key_reused_for_another_request_is_refused(store: ClockedStore) -> None:
    call = _call(store)
    first = store.submit(
        call_id=call, enterprise_id="e", facts=ELIGIBLE, actor="a", idempotency_key="k"
    )
    again = store.submit(
        call_id=call, enterprise_id="e", facts=ELIGIBLE, actor="a", idempotency_key="k"
    )
    assert again.id == first.id
    with pytest.raises(
        IdempotencyConflict, match=r"'k' was already used for a different request \(case 1\)"
    ):
        store.submit(
            call_id=call,
            enterprise_id="e",
            facts={**ELIGIBLE, "pp1176_requested_amount": "1.00"},
            actor="a",
            idempotency_key="k",
        )


def test_one_enterprise_applies_once_to_a_call(store: ClockedStore) -> None:
    call = _call(store)
    store.submit(call_id=call, enterprise_id="other", facts=ELIGIBLE, actor="a")
    first = store.submit(call_id=call, enterprise_id="e", facts=ELIGIBLE, actor="a")
    with pytest.raises(DuplicateApplication, match=r"case 2, arrival number 2"):
        store.submit(call_id=call, enterprise_id="e", facts=ELIGIBLE, actor="a")
    assert [c.id for c in store.cases(call)] == [1, first.id]
    assert store.call(call).last_arrival_number == 2  # the refused one took no number


_MIGRATE = """
import sys
from industrial_support.cases.db import connect
connect(sys.argv[1], owner_url=sys.argv[2] or None).dispose()
"""


def test_four_servers_starting_on_an_empty_database_migrate_once(db_url: str) -> None:
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _MIGRATE, db_url, owner_url(db_url) or ""],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    for child in children:
        _, errors = child.communicate(timeout=180)
        assert child.returncode == 0, errors
    store = CaseStore(db_url, owner_url=owner_url(db_url))
    assert store.verify() == (0, 0, [])
