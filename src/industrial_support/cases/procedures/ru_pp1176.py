"""Decree 1176 (seed 003) administered: selection by order of arrival (§8-§9), agreement
(§9(c), §10), subsidy request and decision (§11-§13, §15), payment (§14), reports (§10, §17),
year-end indicator and refund (§16, §18-§19).

Readings (docs/readings.md): the enterprise receives the draft agreement on the day it is
sent, so its 10 working days run from the admission; the review's 20 working days run from
the call's closing day (§9); the refund's 15 working days run from the day the demand is
received, which the official records (default: the day of the demand)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from ...engine.money import Money
from ...programs.ru import pp1176 as rules
from ..procedure import FromData, Opens, Party, Procedure, Step, StepContext, register_procedure
from ..store import Effects, from_minor, to_minor
from ._rules import evaluate, explain_status

PROGRAM = "ru.pp1176"
D = rules.SCHEDULE  # every deadline of the decree, cited and dated

SELECTION_REFUSALS = {
    "requirements_not_met": {
        "en": "The enterprise does not meet §4 and §7",
        "ja": "第4項・第7項の要件に不適合",
    },
    "documents_nonconforming": {
        "en": "Application or documents do not meet the call",
        "ja": "申込書類が告示の要件に不適合",
    },
    "inaccurate_information": {"en": "Information given is inaccurate", "ja": "提出情報が不正確"},
    "late_submission": {"en": "Submitted after the closing day", "ja": "受理期限後の提出"},
}
UNSIGNED = {
    "agreement_not_signed": {
        "en": "Agreement not signed within 10 working days",
        "ja": "10労働日以内に協定書へ署名せず",
    }
}
SUBSIDY_REFUSAL = {
    "inaccurate_or_missing_documents": {
        "en": "Inaccurate information, or §11 documents missing or not as §8 requires",
        "ja": "情報の不正確又は第11項書類の欠落・不適合",
    }
}
BUDGET_SHORTAGE = {
    "budget_shortage": {"en": "Budget limit not sufficient (§13(b))", "ja": "予算執行限度額の不足"}
}
REPORTS = ("quarterly_report", "monthly_report")


def _call_check(published_on: dt.date, closes_on: dt.date) -> str | None:
    if rules.application_window_ok(published_on, closes_on, as_of=published_on):
        return None
    earliest = D["application_window"].due(published_on)
    return f"the window must stay open at least until {earliest} (003 §6(b))"


def _admit(context: StepContext) -> str | None:
    if _project_end(context) is None:
        return "pp1176_project_end_date: the project's end date is needed (003 §10 deadline)"
    if context.call_closes_on and context.submitted_on > context.call_closes_on:
        return "submitted after the closing day: refuse with late_submission (003 §9(d))"
    result = evaluate(PROGRAM, context.facts, context.event_date)
    return None if result.status.value == "eligible" else explain_status(result)


def _refuse_selection(context: StepContext) -> str | None:
    # The reason must agree with the record: the system does not let a refusal cite a
    # ground the facts contradict.
    reason = context.reason
    if reason == "late_submission" and not (
        context.call_closes_on and context.submitted_on > context.call_closes_on
    ):
        return "late_submission: the application arrived by the closing day"
    if reason == "requirements_not_met":
        result = evaluate(PROGRAM, context.facts, context.event_date)
        if result.status.value != "ineligible":
            return f"requirements_not_met: the rules say {explain_status(result)}"
    return None


def _signed_in_time(context: StepContext) -> str | None:
    due = context.open_obligations.get("sign_agreement")
    if due is not None and context.event_date > due:
        return f"the 10 working days ended on {due}: the application is to be refused (003 §9(d))"
    last = context.open_obligations.get("conclude_agreement")
    if last is not None and context.event_date > last:
        return f"the agreement had to be concluded by {last} (003 §10)"
    return None


def _unsigned_after_deadline(context: StepContext) -> str | None:
    due = context.open_obligations.get("sign_agreement")
    if due is None or context.event_date <= due:
        return f"the enterprise may still sign until {due}"
    return None


def _request(context: StepContext) -> str | None:
    last_year = context.data.get("project_last_year")
    if not isinstance(last_year, int):
        return "project_last_year: expected the project's last year, e.g. 2025"
    if not rules.subsidy_request_in_time(last_year, context.event_date, as_of=context.event_date):
        return f"filed after 10 November of {last_year + 1} (003 §11)"
    result = evaluate(PROGRAM, context.facts, context.event_date)
    values = {v.value.id: v.result for v in result.values}
    if result.status.value != "eligible" or values.get("subsidy_amount") is None:
        return explain_status(result)
    return None


def _set_requested_amount(effects: Effects) -> None:
    result = evaluate(PROGRAM, effects.context.facts, effects.context.event_date)
    amount = next(v.result for v in result.values if v.value.id == "subsidy_amount")
    effects.set_amount(amount.rounded("half_up"))
    effects.data["amount"] = str(amount)


def _approve(effects: Effects) -> None:
    if effects.amount_minor is None:
        raise ValueError("no amount requested")
    effects.commit_budget(effects.amount_minor)


def _shortage(context: StepContext) -> str | None:
    if context.data.get("confirmed_shortage") is not True:
        return "confirm with data {confirmed_shortage: true} that the remaining limit is short"
    return None


def _year_end(effects: Effects) -> None:
    """V and R from the year's actual principal repaid (003 §16, §19)."""
    raw = effects.context.data.get("principal_repaid")
    if raw is None:
        raise ValueError("principal_repaid: expected the principal repaid in the year (RUB)")
    repaid = Money.of(raw, "RUB")
    received = from_minor(effects.amount_minor, "RUB") or Money(Decimal(0), "RUB")
    indicator = rules.indicator(received, repaid)
    refund = rules.refund(received, repaid, as_of=effects.context.event_date)
    effects.data.update(
        subsidy_received=str(received),
        indicator_v=str(indicator) if indicator is not None else None,
        refund=str(refund),
    )
    effects.data["_refund_minor"] = to_minor(refund)


def _close_year(effects: Effects) -> None:
    _year_end(effects)
    if effects.data.pop("_refund_minor"):
        raise ValueError("a refund is due: demand it (demand_refund) instead")


def _demand_refund(effects: Effects) -> None:
    _year_end(effects)
    if not effects.data.pop("_refund_minor"):
        raise ValueError("nothing to refund: close the year instead")


def _control_refund(effects: Effects) -> None:
    """The control body's order names the sum; it is recorded as demanded (003 §18(b))."""
    raw = effects.context.data.get("refund")
    if raw is None:
        raise ValueError("refund: expected the sum the control order names (RUB)")
    effects.data["refund"] = str(Money.of(raw, "RUB"))


def _receipt(context: StepContext) -> dt.date:
    raw = context.data.get("received_on")
    return dt.date.fromisoformat(raw) if isinstance(raw, str) else context.event_date


def _after_report_due(kind: str) -> Callable[[StepContext], dt.date]:
    """Reports are due per calendar period (003 §17: the month after each quarter): the next
    one counts from the due day of the report just filed — a day in the period after the one
    reported on — not from the filing day, so a late report does not skip a period."""

    def counted_from(context: StepContext) -> dt.date:
        return context.open_obligations.get(kind, context.event_date)

    return counted_from


def _report_opens() -> tuple[Opens, ...]:
    return (
        Opens("quarterly_report", "applicant", D["quarterly_report"].rule),
        Opens("monthly_report", "applicant", D["monthly_report"].rule),
    )


def _next_report(kind: str) -> Opens:
    return Opens(kind, "applicant", D[kind].rule, counted_from=_after_report_due(kind))


def _project_end(context: StepContext) -> dt.date | None:
    raw = context.facts.get("pp1176_project_end_date")
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw)) if raw is not None else None
    except ValueError:
        return None


def _project_last_year(context: StepContext) -> dt.date:
    """1 January of the project's last year: §10 counts the agreement's last day from it."""
    end = _project_end(context)
    assert end is not None  # the admission's guard asks for it
    return dt.date(end.year, 1, 1)


def _breach_refund(effects: Effects) -> None:
    """003 §18: the breach of §4 an inspection found, plus §19's R where the principal of
    the year is given; at most what was received."""
    raw = effects.context.data.get("breach_found")
    if raw is None:
        raise ValueError("breach_found: expected the amount of the §4 breach found (RUB)")
    received = from_minor(effects.amount_minor, "RUB") or Money(Decimal(0), "RUB")
    principal = effects.context.data.get("principal_repaid")
    total = rules.breach_refund(
        received,
        Money.of(raw, "RUB"),
        Money.of(principal, "RUB") if principal is not None else None,
    )
    effects.data.update(subsidy_received=str(received), refund=str(total))


AFTER_AGREEMENT = (
    "agreement_signed",
    "subsidy_requested",
    "deferred",
    "subsidy_approved",
    "payment_ordered",
    "paid",
    "subsidy_refused",
    "refund_demanded",
)

procedure = register_procedure(
    Procedure(
        id="ru.pp1176",
        jurisdiction="RU",
        title={
            "en": "Decree 1176 subsidy: selection, agreement, payment, refund",
            "ja": "政府決定第1176号補助金：選抜・協定・支払・返還",
        },
        initial="submitted",
        submit_basis="003 §8",
        program=PROGRAM,
        state_labels={
            "submitted": {"en": "Submitted", "ja": "申込受付"},
            "registered": {"en": "Registered", "ja": "登録済み"},
            "agreement_sent": {"en": "Admitted: agreement sent", "ja": "選抜通過・協定書案送付"},
            "agreement_signed": {"en": "Agreement signed", "ja": "協定締結済み"},
            "subsidy_requested": {"en": "Subsidy requested", "ja": "補助金申請中"},
            "deferred": {"en": "Deferred (budget)", "ja": "予算待ち"},
            "subsidy_approved": {"en": "Subsidy granted", "ja": "交付決定"},
            "subsidy_refused": {"en": "Subsidy refused", "ja": "交付拒否"},
            "payment_ordered": {"en": "Payment ordered", "ja": "支払指示済み"},
            "paid": {"en": "Paid", "ja": "支払済み"},
            "refund_demanded": {"en": "Refund demanded", "ja": "返還請求中"},
            "refused": {"en": "Refused", "ja": "却下"},
            "completed": {"en": "Completed", "ja": "完了"},
        },
        obligation_labels={
            "review": {"en": "Review the application", "ja": "申込の審査"},
            "sign_agreement": {"en": "Sign the agreement", "ja": "協定書への署名"},
            "conclude_agreement": {"en": "Conclude the agreement", "ja": "協定の締結"},
            "decision": {"en": "Decide on the subsidy", "ja": "補助金の決定"},
            "return_documents": {"en": "Return the documents", "ja": "書類の返却"},
            "payment": {"en": "Transfer the subsidy", "ja": "補助金の振込"},
            "quarterly_report": {"en": "Quarterly report", "ja": "四半期報告"},
            "monthly_report": {"en": "Monthly report", "ja": "月次報告"},
            "refund": {"en": "Pay the refund", "ja": "返還金の納付"},
        },
        call_check=_call_check,
        parties={
            "applicant": Party(kind="applicant", en="The enterprise", ja="企業"),
            "ministry": Party(
                kind="authority", en="Ministry of Industry and Trade", ja="産業商業省", lead=True
            ),
            "treasury": Party(
                kind="authority", en="Federal Treasury (territorial body)", ja="連邦国庫庁地域機関"
            ),
            "financial_control": Party(
                kind="authority", en="State financial control body", ja="国家財務監視機関"
            ),
        },
        submit_opens=(
            Opens(
                "review",
                "ministry",
                D["application_review"].rule,
                counted_from=lambda c: c.call_closes_on or c.event_date,
            ),
        ),
        final=frozenset({"refused", "completed"}),
        steps=(
            Step(
                action="register",
                sources=("submitted",),
                target="registered",
                party="ministry",
                basis="003 §9(a)",
                en="Register the documents in order of arrival",
                ja="到着順に書類を登録",
            ),
            Step(
                action="admit",
                sources=("registered",),
                target="agreement_sent",
                party="ministry",
                basis="003 §9(b)-(c)",
                evaluates=True,
                en="Admit and send the draft agreement",
                ja="選抜通過を決定し協定書案を送付",
                guard=_admit,
                closes=("review",),
                opens=(
                    # §9(d): 10 working days from the enterprise's receipt of the draft
                    # (data received_on; default: the day it is sent).
                    Opens(
                        "sign_agreement",
                        "applicant",
                        D["agreement_signing"].rule,
                        counted_from=_receipt,
                    ),
                    Opens(
                        "conclude_agreement",
                        "ministry",
                        D["agreement_conclusion"].rule,
                        counted_from=_project_last_year,
                    ),
                ),
            ),
            Step(
                action="refuse",
                sources=("submitted", "registered"),
                target="refused",
                party="ministry",
                basis="003 §9(d)",
                en="Refuse the application with one ground",
                ja="申込を却下（事由を一つ記載）",
                evaluates=True,
                reasons=SELECTION_REFUSALS,
                guard=_refuse_selection,
                closes=("review",),
            ),
            Step(
                action="sign",
                sources=("agreement_sent",),
                target="agreement_signed",
                party="applicant",
                basis="003 §9(c)",
                en="Sign the agreement",
                ja="協定書に署名",
                guard=_signed_in_time,
                closes=("sign_agreement", "conclude_agreement"),
                opens=_report_opens(),
            ),
            Step(
                action="refuse_unsigned",
                sources=("agreement_sent",),
                target="refused",
                party="ministry",
                basis="003 §9(d)",
                en="Refuse: agreement not signed in time",
                ja="期限内に署名がないため却下",
                reasons=UNSIGNED,
                guard=_unsigned_after_deadline,
                closes=("sign_agreement", "conclude_agreement"),
            ),
            Step(
                action="request_subsidy",
                sources=("agreement_signed",),
                target="subsidy_requested",
                party="applicant",
                basis="003 §11",
                evaluates=True,
                en="Request the subsidy with the §11 documents",
                ja="補助金提供申請書を提出",
                guard=_request,
                effect=_set_requested_amount,
                opens=(Opens("decision", "ministry", D["subsidy_decision"].rule),),
            ),
            Step(
                action="approve",
                sources=("subsidy_requested",),
                target="subsidy_approved",
                party="ministry",
                basis="003 §12(c)",
                four_eyes=True,
                evaluates=True,
                en="Grant the subsidy (commits the budget limit)",
                ja="交付を決定（予算限度額を充当）",
                effect=_approve,
                closes=("decision",),
            ),
            Step(
                action="refuse_subsidy",
                sources=("subsidy_requested",),
                target="subsidy_refused",
                party="ministry",
                basis="003 §13(a)",
                en="Refuse the subsidy",
                ja="補助金提供を拒否",
                reasons=SUBSIDY_REFUSAL,
                closes=("decision",),
                opens=(Opens("return_documents", "ministry", D["documents_return"].rule),),
            ),
            Step(
                action="return_documents",
                sources=("subsidy_refused",),
                target="=",
                party="ministry",
                basis="003 §15",
                en="Return the documents with the reasons",
                ja="理由を付して書類を返却",
                closes=("return_documents",),
            ),
            Step(
                action="defer_budget",
                sources=("subsidy_requested",),
                target="deferred",
                party="ministry",
                basis="003 §13(b)",
                en="Not reviewed for lack of budget; carried to the next allocation",
                ja="予算不足のため審査せず次の割当てへ",
                reasons=BUDGET_SHORTAGE,
                guard=_shortage,
                closes=("decision",),
            ),
            Step(
                action="resume",
                sources=("deferred",),
                target="subsidy_requested",
                party="ministry",
                basis="003 §15",
                en="Review again after a new allocation",
                ja="新たな割当て後に審査を再開",
                opens=(Opens("decision", "ministry", D["subsidy_decision"].rule),),
            ),
            Step(
                action="payment_order",
                sources=("subsidy_approved",),
                target="payment_ordered",
                party="applicant",
                basis="003 §14",
                en="Submit the treasury payment order",
                ja="国庫支払指示書を提出",
                opens=(Opens("payment", "treasury", D["payment"].rule),),
            ),
            Step(
                action="pay",
                sources=("payment_ordered",),
                target="paid",
                party="treasury",
                basis="003 §14",
                four_eyes=True,
                en="Transfer the subsidy",
                ja="補助金を振込み",
                closes=("payment",),
            ),
            Step(
                action="close_year",
                sources=("paid",),
                target="completed",
                party="ministry",
                basis="003 §16",
                en="Year end: indicator V achieved, nothing to refund",
                ja="年度末：指標達成、返還なし",
                effect=_close_year,
                closes=REPORTS,
            ),
            Step(
                action="demand_refund",
                sources=("paid",),
                target="refund_demanded",
                party="ministry",
                basis="003 §19",
                en="Year end: demand the refund R",
                ja="年度末：返還額Rを請求",
                effect=_demand_refund,
                opens=(Opens("refund", "applicant", D["refund"].rule, counted_from=_receipt),),
            ),
            Step(
                action="demand_breach_refund",
                sources=("paid",),
                target="refund_demanded",
                party="ministry",
                basis="003 §18(a)",
                en="Inspection found a breach of §4: demand its amount back (registered mail)",
                ja="検証で第4項の条件違反が判明：違反相当額の返還を請求（書留郵便）",
                effect=_breach_refund,
                opens=(Opens("refund", "applicant", D["refund"].rule, counted_from=_receipt),),
            ),
            Step(
                action="control_refund_order",
                sources=("paid", "completed"),
                target="refund_demanded",
                party="financial_control",
                basis="003 §18(b)",
                en="State financial control orders a refund (period per the budget law)",
                ja="国家財務監視機関が返還を命令（期限は予算法による）",
                effect=_control_refund,
                opens=(
                    Opens(
                        "refund",
                        "applicant",
                        FromData("refund_by", "003 §18(b)", "named in the control order"),
                    ),
                ),
            ),
            Step(
                action="refund_received",
                sources=("refund_demanded",),
                target="completed",
                party="treasury",
                basis="003 §18(a)",
                four_eyes=True,
                en="Refund received in the federal budget (treasury side confirms)",
                ja="返還金の国庫受領を確認",
                closes=("refund", *REPORTS),
            ),
            Step(
                action="report_quarterly",
                sources=AFTER_AGREEMENT,
                target="=",
                party="applicant",
                basis="003 §17",
                en="Quarterly report on results and costs",
                ja="四半期報告（成果・費用）",
                closes=("quarterly_report",),
                opens=(_next_report("quarterly_report"),),
            ),
            Step(
                action="report_monthly",
                sources=AFTER_AGREEMENT,
                target="=",
                party="applicant",
                basis="003 §10",
                en="Monthly milestone report",
                ja="月次報告（マイルストーン）",
                closes=("monthly_report",),
                opens=(_next_report("monthly_report"),),
            ),
        ),
    )
)
