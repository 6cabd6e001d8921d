"""The transition log as evidence: each entry's hash covers the previous entry of its case and
its own content, so an edited, deleted or inserted row breaks the chain; ``verify`` also
replays every case's log and compares the case as stored (state, amount, open obligations)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Case, Obligation, Transition
from .procedure import ProcedureError, get_procedure

GENESIS = ""  # the previous hash of a case's first entry


def _instant(moment: dt.datetime) -> str:
    """One spelling of a moment whatever the backend returns (SQLite drops the zone)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds")


def content(entry: Transition) -> dict[str, Any]:
    """Everything an entry asserts, in a stable form."""
    return {
        "case": entry.case_id,
        "action": entry.action,
        "phase": entry.phase,
        "from": entry.from_state,
        "to": entry.to_state,
        "actor": entry.actor,
        "party": entry.party,
        "effective_on": entry.event_date.isoformat(),
        "recorded_at": _instant(entry.recorded_at),
        "basis": entry.basis,
        "reason": entry.reason_code,
        "note": entry.note,
        "data": entry.data,
        "late_reason": entry.late_reason,
        "rules_hash": entry.rules_hash,
        "amount_minor": entry.amount_minor,
        "currency": entry.currency,
    }


def entry_digest(previous: str, entry: Transition) -> str:
    text = json.dumps(
        {"previous": previous, **content(entry)},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(text.encode()).hexdigest()


def seal(session: Session, entry: Transition) -> None:
    """Chain ``entry`` (not yet added) to the newest entry of its case. Call inside the
    step's transaction after the case row is locked by its version update, so the entries
    of one case queue; the hash is set before the insert because the log takes no UPDATE."""
    previous = session.scalars(
        select(Transition.entry_hash)
        .where(Transition.case_id == entry.case_id)
        .order_by(Transition.id.desc())
        .limit(1)
    ).first()
    entry.prev_hash = previous or GENESIS
    entry.entry_hash = entry_digest(entry.prev_hash, entry)


@dataclass(frozen=True)
class Problem:
    case_id: int
    entry_id: int | None
    what: str

    def __str__(self) -> str:
        where = f"entry {self.entry_id}" if self.entry_id is not None else "the case row"
        return f"case {self.case_id}, {where}: {self.what}"


def _check_case(session: Session, case: Case, entries: list[Transition]) -> Problem | None:
    if not entries:
        return Problem(case.id, None, "no log entries")
    previous = GENESIS
    state: str | None = None
    amount: tuple[int | None, str | None] = (None, None)
    opened: set[str] = set()
    try:
        procedure = get_procedure(case.procedure)
    except ProcedureError:
        return Problem(case.id, None, f"unknown procedure {case.procedure!r}")
    for entry in entries:
        if entry.prev_hash != previous:
            return Problem(case.id, entry.id, "chain broken: an entry before it is missing")
        if entry.entry_hash != entry_digest(previous, entry):
            return Problem(case.id, entry.id, "content does not match its hash (edited)")
        if entry.from_state != state:
            return Problem(case.id, entry.id, f"starts from {entry.from_state!r}, not {state!r}")
        if entry.phase != "prepared":
            if entry.action == "submit":
                opens = [spec.kind for spec in procedure.submit_opens]
                closes: tuple[str, ...] = ()
            else:
                try:
                    step = procedure.step(entry.action)
                except ProcedureError:
                    return Problem(case.id, entry.id, f"{entry.action!r} is no step of it")
                opens = [spec.kind for spec in step.opens]
                closes = step.closes
            opened.difference_update(closes)
            opened.update(opens)
        elif entry.to_state != entry.from_state:
            return Problem(case.id, entry.id, "a prepared step changed the state")
        state = entry.to_state
        amount = (entry.amount_minor, entry.currency)
        previous = entry.entry_hash or ""
    last = entries[-1].id
    if case.state != state:
        return Problem(case.id, last, f"case state {case.state!r} differs from the log's {state!r}")
    if (case.amount_minor, case.currency) != amount:
        return Problem(case.id, last, "case amount differs from the log's")
    stored = Counter(
        session.scalars(
            select(Obligation.kind).where(
                Obligation.case_id == case.id, Obligation.closed_by.is_(None)
            )
        )
    )
    replayed = Counter(opened)
    if stored != replayed:
        return Problem(
            case.id,
            last,
            f"open obligations {sorted(stored.elements())} differ from the log's "
            f"{sorted(replayed.elements())}",
        )
    return None


def verify(session: Session) -> tuple[int, int, list[Problem]]:
    """Check every case: (cases checked, entries checked, first problem of each bad case)."""
    problems: list[Problem] = []
    by_case: dict[int, list[Transition]] = {}
    for entry in session.scalars(select(Transition).order_by(Transition.case_id, Transition.id)):
        by_case.setdefault(entry.case_id, []).append(entry)
    cases = list(session.scalars(select(Case).order_by(Case.id)))
    known = {case.id for case in cases}
    for case in cases:
        if (problem := _check_case(session, case, by_case.get(case.id, []))) is not None:
            problems.append(problem)
    for case_id in sorted(set(by_case) - known):
        problems.append(Problem(case_id, by_case[case_id][0].id, "entries of an unknown case"))
    return len(cases), sum(len(v) for v in by_case.values()), problems
