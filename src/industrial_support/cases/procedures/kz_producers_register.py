"""The Register of Kazakhstan Producers administered (seed 000 Arts.51-1, 51-3 to 51-6;
research SM-1, SM-2): application → digital verification → production assessment (with an
optional on-site visit) → inclusion or reasoned refusal; wholly produced goods are included
without assessment; monitoring at least once a quarter; notice to cure; removal (monitoring,
voluntary, liquidation or reorganisation); objection within 30 Kazakhstan working days →
reinstatement without repeating the checks.

Readings (docs/readings.md): the first monitoring is due by the end of the quarter after
inclusion, then by the end of each following quarter; the cure period is not in the law
(Register Rules) so the official sets it in the notice; a reinstated producer is in the
register again from the day the objection is upheld — the days between removal and
reinstatement stay outside the register (alternative: reinstatement as if never removed);
reorganisation by transformation does not remove (Art.51-6(4) excepts it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...engine.citations import Citation, cite
from ...engine.deadlines import EndOfQuarter, WorkingDays
from ...programs.kz.producers_register import PARAMETERS, REGISTER_FROM
from ..procedure import FromData, Opens, Party, Procedure, Step, StepContext, register_procedure
from ..store import Effects
from ._rules import evaluate, explain_status

REGISTER = "kz.producers"
PROGRAM = "kz.producers_register.application"
# Art.51-4: at least once a quarter after inclusion — the quarter of inclusion is the first
# (due at its end); each later one is due by the end of the quarter after the one before,
# counted from the previous due date so that a late check does not skip a quarter.
FIRST_MONITORING = EndOfQuarter(0, cite("000 Art.51-4(1)"))
NEXT_MONITORING = EndOfQuarter(1, cite("000 Art.51-4(1)"))


@dataclass(frozen=True)
class ObjectionPeriod:
    """Art.51-5(3): working days from the removal, as many as the parameter in force says."""

    citation: Citation

    def rule(self, event: dt.date) -> WorkingDays:
        days: int = PARAMETERS["objection_working_days"].as_of(event).value
        return WorkingDays(days, "KZ", self.citation)

    def due(self, event: dt.date) -> dt.date:
        return self.rule(event).due(event)

    def describe(self) -> str:
        return "working days (KZ calendar) after the removal, objection_working_days in force"


OBJECTION = ObjectionPeriod(cite("000 Art.51-5(3)"))


def _register_exists(context: StepContext) -> str | None:
    """Arts.51-1 to 51-7 exist only from Law 188-VIII's entry into force (law_dates)."""
    if context.event_date < REGISTER_FROM:
        return (
            f"date: the Register of Kazakhstan Producers exists from {REGISTER_FROM} "
            f"(000 Arts.51-1 to 51-7, Law No. 188-VIII); nothing can be entered on "
            f"{context.event_date}"
        )
    return None


def _application_complete(context: StepContext) -> str | None:
    if problem := _register_exists(context):
        return problem
    result = evaluate(PROGRAM, context.facts, context.event_date)
    return None if result.status.value == "eligible" else explain_status(result)


def _wholly_produced(context: StepContext) -> str | None:
    if problem := _application_complete(context):
        return problem
    if context.facts.get("kz_reg_wholly_produced") is not True:
        return "only wholly produced goods (Art.51-3) skip the production assessment"
    return None


def _processed_goods(context: StepContext) -> str | None:
    if problem := _application_complete(context):
        return problem
    if context.facts.get("kz_reg_wholly_produced") is not False:
        return "wholly produced goods are included without assessment (include_wholly_produced)"
    return None


def _include(effects: Effects) -> None:
    effects.register_include(REGISTER, effects.context.event_date)


def _remove(effects: Effects) -> None:
    effects.register_remove(REGISTER, effects.context.event_date, effects.context.reason or "")
    effects.data["removal_reason"] = effects.context.reason


def _objection_in_time(context: StepContext) -> str | None:
    due = context.open_obligations.get("objection")
    if due is None:
        return "only a removal on monitoring results can be objected to (Art.51-5)"
    if context.event_date > due:
        return f"the 30 working days for an objection ended on {due}"
    return None


MONITOR = Opens("monitoring", "authority", FIRST_MONITORING)
MONITOR_NEXT = Opens(
    "monitoring",
    "authority",
    NEXT_MONITORING,
    counted_from=lambda context: context.open_obligations.get("monitoring", context.event_date),
)

procedure = register_procedure(
    Procedure(
        id="kz.producers_register",
        jurisdiction="KZ",
        title={"en": "Register of Kazakhstan Producers", "ja": "カザフスタン生産者レジストリ"},
        initial="submitted",
        submit_basis="000 Art.51-1(2)",
        uses_calls=False,
        # one register entry request per product: a second one for the same product waits
        # for the first to end, but other products are separate applications
        repeat_applications=True,
        parties={
            "applicant": Party(kind="applicant", en="The producer", ja="生産者"),
            "authority": Party(
                kind="authority", en="Authorized body (industry)", ja="権限機関", lead=True
            ),
            "appeal_commission": Party(
                kind="authority", en="Appeal Commission", ja="不服審査委員会"
            ),
            "system": Party(kind="system", en="Digital verification", ja="デジタル検証"),
        },
        state_labels={
            "submitted": {"en": "Submitted", "ja": "申請受付"},
            "verification_failed": {"en": "Verification failed", "ja": "検証不合格"},
            "production_assessment": {"en": "Production assessment", "ja": "生産評価中"},
            "site_visit": {"en": "Site visit", "ja": "現地調査中"},
            "cure_notice": {"en": "Notice to cure", "ja": "是正通知中"},
            "included": {"en": "Included in the register", "ja": "登録済み"},
            "rejected": {"en": "Rejected", "ja": "不登録"},
            "removed": {"en": "Removed (objection possible)", "ja": "抹消（異議申立可）"},
            "objection_pending": {"en": "Objection pending", "ja": "異議審査中"},
            "removal_final": {"en": "Removal final", "ja": "抹消確定"},
        },
        obligation_labels={
            "monitoring": {"en": "Monitoring of the entry", "ja": "登録のモニタリング"},
            "cure": {"en": "Cure the shortcomings", "ja": "不備の是正"},
            "objection": {"en": "Object to the removal", "ja": "抹消への異議申立"},
        },
        final=frozenset({"verification_failed", "rejected", "removal_final"}),
        steps=(
            Step(
                action="verification_fail",
                sources=("submitted",),
                target="verification_failed",
                party="system",
                basis="000 Art.51-1(3)",
                en="Digital verification does not confirm production (reasoned reply)",
                ja="デジタル検証で生産活動が確認されない（理由付き回答）",
                reasons={
                    "production_not_confirmed": {
                        "en": "Criteria of the Register Rules not confirmed",
                        "ja": "規則の基準が確認されない",
                    }
                },
            ),
            Step(
                action="include_wholly_produced",
                sources=("submitted",),
                target="included",
                party="authority",
                basis="000 Art.51-1(9)",
                evaluates=True,
                en="Include wholly produced goods without production assessment",
                ja="完全生産品を生産評価なしで登録",
                guard=_wholly_produced,
                effect=_include,
                opens=(MONITOR,),
            ),
            Step(
                action="verification_pass",
                sources=("submitted",),
                target="production_assessment",
                party="system",
                basis="000 Art.51-1(3)",
                evaluates=True,
                en="Digital verification passed; production assessment follows",
                ja="デジタル検証合格、生産評価へ",
                guard=_processed_goods,
            ),
            Step(
                action="order_site_visit",
                sources=("production_assessment",),
                target="site_visit",
                party="authority",
                basis="000 Art.51-1(5)",
                en="Information insufficient: visit the site",
                ja="情報不足のため現地訪問",
            ),
            Step(
                action="site_visit_report",
                sources=("site_visit",),
                target="production_assessment",
                party="authority",
                basis="000 Art.51-1(5)",
                en="Production assessment report from the visit",
                ja="現地訪問による生産評価書",
            ),
            Step(
                action="include",
                sources=("production_assessment",),
                target="included",
                party="authority",
                basis="000 Art.51-1(6)",
                evaluates=True,
                en="Positive assessment: include",
                ja="肯定的評価により登録",
                effect=_include,
                opens=(MONITOR,),
            ),
            Step(
                action="reject",
                sources=("production_assessment",),
                target="rejected",
                party="authority",
                basis="000 Art.51-1(6)",
                evaluates=True,
                en="Negative assessment: reasoned refusal (may reapply)",
                ja="否定的評価：理由付き拒否（再申請可）",
                reasons={
                    "operations_below_minimum": {
                        "en": "Operations below the minimum standard",
                        "ja": "最低基準未満の工程",
                    },
                    "conditions_not_confirmed": {
                        "en": "Declared conditions not confirmed",
                        "ja": "申告条件が確認されない",
                    },
                },
            ),
            Step(
                action="monitor",
                sources=("included",),
                target="=",
                party="authority",
                basis="000 Art.51-4",
                en="Quarterly monitoring by digital verification: compliant",
                ja="四半期モニタリング：適合",
                closes=("monitoring",),
                opens=(MONITOR_NEXT,),
            ),
            Step(
                action="notice_to_cure",
                sources=("included",),
                target="cure_notice",
                party="authority",
                basis="000 Art.51-4",
                en="Monitoring found non-compliance: notice to cure",
                ja="モニタリングで不適合：是正通知",
                closes=("monitoring",),
                opens=(
                    Opens(
                        "cure",
                        "applicant",
                        FromData("cure_by", "000 Art.51-4", "set in the notice (Register Rules)"),
                    ),
                ),
            ),
            Step(
                action="cured",
                sources=("cure_notice",),
                target="included",
                party="authority",
                basis="000 Art.51-4",
                en="Non-compliance cured",
                ja="是正済み",
                closes=("cure",),
                opens=(MONITOR,),
            ),
            Step(
                action="remove_not_cured",
                sources=("cure_notice",),
                target="removed",
                party="authority",
                basis="000 Art.51-6(1)",
                en="Not cured: remove on monitoring results",
                ja="是正されず：モニタリング結果により削除",
                reasons={
                    "monitoring": {
                        "en": "Digital verification in monitoring",
                        "ja": "モニタリングのデジタル検証",
                    }
                },
                effect=_remove,
                closes=("cure",),
                opens=(Opens("objection", "applicant", OBJECTION),),
            ),
            Step(
                action="remove_voluntary",
                sources=("included", "cure_notice"),
                target="removal_final",
                party="authority",
                basis="000 Art.51-6(3)",
                en="Removed at the producer's request",
                ja="生産者の申請により削除",
                reasons={"voluntary": {"en": "Producer's application", "ja": "生産者の申請"}},
                effect=_remove,
                closes=("monitoring", "cure"),
            ),
            Step(
                action="remove_liquidation",
                sources=("included", "cure_notice"),
                target="removal_final",
                party="system",
                basis="000 Art.51-6 para.2",
                en="Removed automatically: liquidation or reorganisation (not transformation)",
                ja="自動削除：清算又は組織再編（組織変更を除く）",
                reasons={
                    "liquidation": {"en": "Liquidation", "ja": "清算"},
                    "reorganisation": {
                        "en": "Reorganisation other than transformation",
                        "ja": "組織変更以外の再編",
                    },
                },
                effect=_remove,
                closes=("monitoring", "cure"),
            ),
            Step(
                action="object",
                sources=("removed",),
                target="objection_pending",
                party="applicant",
                basis="000 Art.51-5(3)",
                en="Object to the removal before the Appeal Commission within 30 working days",
                ja="30労働日以内に削除へ異議",
                guard=_objection_in_time,
                closes=("objection",),
            ),
            Step(
                action="uphold_objection",
                sources=("objection_pending",),
                target="included",
                party="appeal_commission",
                basis="000 Art.51-5(8)",
                en="Appeal Commission upholds the objection: reinstated without the checks again",
                ja="不服審査委員会が異議を認容：審査を繰り返さず復帰",
                effect=_include,
                opens=(MONITOR,),
            ),
            Step(
                action="reject_objection",
                sources=("objection_pending",),
                target="removal_final",
                party="appeal_commission",
                basis="000 Art.51-5(5)",
                en="Appeal Commission rejects the objection with reasons",
                ja="不服審査委員会が理由を付して異議を棄却",
            ),
            Step(
                action="objection_lapsed",
                sources=("removed",),
                target="removal_final",
                party="system",
                basis="000 Art.51-5(3)",
                en="No objection within 30 working days",
                ja="30労働日以内に異議なし",
                closes=("objection",),
            ),
        ),
    )
)
