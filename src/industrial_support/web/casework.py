"""Cases as one account may see and move them: the permission rules of the pages, in one
place (applicants: their enterprise; officials: procedures of their authority; auditors:
everything, read-only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..accounts.service import Principal
from ..cases.models import Call
from ..cases.procedure import Procedure, Step, get_procedure
from ..cases.store import CaseStore, CaseView, DueItem, NotFoundError, from_minor
from ..engine.money import Money
from .context import ForbiddenError


@dataclass(frozen=True)
class CallSummary:
    call: Call
    procedure: Procedure
    limit: Money
    committed: Money
    open: bool
    by_state: dict[str, int]


def readable_case(store: CaseStore, principal: Principal, case_id: int) -> CaseView:
    """The case, or ForbiddenError — an unknown id and another enterprise's case look alike
    to an applicant, so ids cannot be probed."""
    try:
        case = store.get(case_id)
    except NotFoundError:
        if principal.role == "applicant":
            raise ForbiddenError(f"case: you may not open case {case_id}") from None
        raise
    if not principal.may_read_case(case.enterprise_id, case.procedure):
        raise ForbiddenError(f"case: you may not open case {case_id}")
    return case


def visible_cases(
    store: CaseStore, principal: Principal, call_id: int | None = None
) -> list[CaseView]:
    return [
        case
        for case in store.cases(call_id)
        if principal.may_read_case(case.enterprise_id, case.procedure)
    ]


def parties_of(principal: Principal, procedure: Procedure) -> set[str]:
    """The procedure parties this account acts for: an applicant for the applicant; an
    official for each body its authorities list ("ru.pp1176" = the lead body, which also
    records the automated checks; "ru.pp1176:treasury" = the treasury); auditors none."""
    if principal.role == "applicant":
        return {p for p, party in procedure.parties.items() if party.kind == "applicant"}
    if principal.role != "official":
        return set()
    return {
        p
        for p, party in procedure.parties.items()
        if party.kind != "applicant" and procedure.authority_for(p) in principal.authorities
    }


def may_take(principal: Principal, case: CaseView, step: Step) -> bool:
    procedure = get_procedure(case.procedure)
    if step.party not in parties_of(principal, procedure):
        return False
    kind = procedure.parties[step.party].kind
    return kind != "applicant" or principal.enterprise_id == case.enterprise_id


def who_may(procedure: Procedure, step: Step) -> str:
    """Who may take the step, for a refusal: the party and the authority an account needs."""
    party = procedure.parties[step.party]
    if party.kind == "applicant":
        return f"{party.en} (an applicant account of the enterprise)"
    return f"an official of {party.en} (authority {procedure.authority_for(step.party)!r})"


def steps_for(principal: Principal, case: CaseView) -> list[Step]:
    """The steps this account may take on the case now."""
    procedure = get_procedure(case.procedure)
    return [step for step in procedure.available(case.state) if may_take(principal, case, step)]


def calls(store: CaseStore, principal: Principal, today: dt.date) -> list[CallSummary]:
    """Calls this account works with: officials their procedures', others all."""
    summaries = []
    for call in store.calls():
        if principal.role == "official" and call.procedure not in principal.authorities:
            continue
        counts: dict[str, int] = {}
        for case in visible_cases(store, principal, call.id):
            counts[case.state] = counts.get(case.state, 0) + 1
        limit = from_minor(call.budget_limit_minor, call.currency)
        assert limit is not None
        summaries.append(
            CallSummary(
                call,
                get_procedure(call.procedure),
                limit,
                store.committed(call.id),
                call.published_on <= today <= call.closes_on,
                counts,
            )
        )
    return summaries


def due_items(store: CaseStore, principal: Principal, today: dt.date) -> list[DueItem]:
    return [
        item
        for item in store.due(today)
        if principal.may_read_case(item.enterprise_id, item.procedure)
    ]
