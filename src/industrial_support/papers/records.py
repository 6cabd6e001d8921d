"""What the papers say, gathered from the case store: the results record of a call
(003 §9(e)) — every application in order of arrival, who was refused and on which ground,
the agreements with their amounts, and the day the record must be published."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..cases.models import Call, Transition
from ..cases.procedure import Procedure, get_procedure
from ..cases.store import CaseStore, CaseView
from ..engine.money import Money

# States from which the enterprise holds an agreement (003 §9(c), §10).
AGREEMENT_STATES = frozenset(
    {
        "agreement_signed",
        "subsidy_requested",
        "deferred",
        "subsidy_approved",
        "subsidy_refused",
        "payment_ordered",
        "paid",
        "refund_demanded",
        "completed",
    }
)
# The steps that decide on an application in the selection (003 §9(b)-(d)).
REVIEW_ACTIONS = frozenset({"register", "admit", "refuse", "refuse_unsigned"})


@dataclass(frozen=True)
class ResultRow:
    case: CaseView
    enterprise_name: str
    refusal: Transition | None
    refusal_label: Mapping[str, str] | None

    @property
    def agreed(self) -> bool:
        return self.case.state in AGREEMENT_STATES


@dataclass(frozen=True)
class ResultsRecord:
    call: Call
    procedure: Procedure
    rows: list[ResultRow]
    review_dates: list[dt.date]
    publish_by: dt.date | None
    committed: Money


def results_record(
    store: CaseStore, call_id: int, enterprise_name: Callable[[str], str | None]
) -> ResultsRecord:
    call = store.call(call_id)
    procedure = get_procedure(call.procedure)
    rows = []
    review_dates: set[dt.date] = set()
    for case in sorted(store.cases(call_id), key=lambda c: c.arrival_number or 0):
        log = store.log(case.id)
        review_dates.update(t.event_date for t in log if t.action in REVIEW_ACTIONS)
        refusal = next((t for t in reversed(log) if t.reason_code), None)
        label = (
            procedure.step(refusal.action).reasons.get(refusal.reason_code or "")
            if refusal
            else None
        )
        rows.append(
            ResultRow(
                case, enterprise_name(case.enterprise_id) or case.enterprise_id, refusal, label
            )
        )
    publish_by = None
    if procedure.id == "ru.pp1176":
        from ..programs.ru.pp1176 import SCHEDULE

        # the review results are published by 1 April of the budget year (003 §9(e))
        publish_by = SCHEDULE["review_results_publication"].due(dt.date(call.budget_year, 1, 1))
    return ResultsRecord(
        call, procedure, rows, sorted(review_dates), publish_by, store.committed(call_id)
    )
