"""Software producers in the Register of Kazakhstan Producers (seed 000 Art.51-2; Art.51-6
item 2): their own route — Art.51-1's stages do not apply (51-1(10)). The Authority enters a
software producer on the informatization body's notice (51-2(4)); that body monitors every
quarter (51-2(3)); a notice of non-conformity removes the producer (51-6 item 2), who may
object to the informatization body within 30 *calendar* days of the exclusion (51-2(5)).

Readings (docs/readings.md): the quarterly monitoring is due by the end of the quarter of
entry, then each next quarter (as for Art.51-4); an upheld objection re-enters the producer
from the day it is upheld."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...engine.citations import Citation, cite
from ...engine.deadlines import CalendarDays, EndOfQuarter
from ...programs.kz.producers_register import PARAMETERS, REGISTER_FROM
from ..procedure import Opens, Party, Procedure, Step, StepContext, register_procedure
from ..store import Effects
from ._rules import evaluate, explain_status

REGISTER = "kz.producers"
PROGRAM = "kz.producers_register.software"


@dataclass(frozen=True)
class SoftwareObjectionPeriod:
    """Art.51-2(5): calendar days from the exclusion, as the parameter in force says."""

    citation: Citation

    def due(self, event: dt.date) -> dt.date:
        days: int = PARAMETERS["software_objection_calendar_days"].as_of(event).value
        return CalendarDays(days, self.citation).due(event)

    def describe(self) -> str:
        return "calendar days after the exclusion, software_objection_calendar_days in force"


OBJECTION = SoftwareObjectionPeriod(cite("000 Art.51-2(5)"))
MONITOR = Opens("monitoring", "authority", EndOfQuarter(0, cite("000 Art.51-2(3)")))
MONITOR_NEXT = Opens(
    "monitoring",
    "authority",
    EndOfQuarter(1, cite("000 Art.51-2(3)")),
    counted_from=lambda context: context.open_obligations.get("monitoring", context.event_date),
)


def _notified(context: StepContext) -> str | None:
    if context.event_date < REGISTER_FROM:
        return (
            f"date: the Register of Kazakhstan Producers exists from {REGISTER_FROM} "
            f"(000 Art.51-2, Law No. 188-VIII); nothing can be entered on {context.event_date}"
        )
    result = evaluate(PROGRAM, context.facts, context.event_date)
    return None if result.status.value == "eligible" else explain_status(result)


def _include(effects: Effects) -> None:
    effects.register_include(REGISTER, effects.context.event_date)


def _remove(effects: Effects) -> None:
    effects.register_remove(REGISTER, effects.context.event_date, effects.context.reason or "")


def _objection_in_time(context: StepContext) -> str | None:
    due = context.open_obligations.get("objection")
    if due is None:
        return "only an exclusion on the informatization body's notice can be objected to"
    if context.event_date > due:
        return f"the 30 calendar days for an objection ended on {due}"
    return None


procedure = register_procedure(
    Procedure(
        id="kz.producers_register.software",
        jurisdiction="KZ",
        title={
            "en": "Register of Kazakhstan Producers: software producers",
            "ja": "カザフスタン生産者レジストリ：ソフトウェア製造者",
        },
        initial="submitted",
        submit_basis="000 Art.51-2(2)",
        uses_calls=False,
        program=PROGRAM,
        # Art.51-2: the industry body keeps the register on the informatization body's notices
        parties={
            "applicant": Party(kind="applicant", en="The producer", ja="生産者"),
            "authority": Party(
                kind="authority", en="Authorized body (industry)", ja="権限機関", lead=True
            ),
            "system": Party(kind="system", en="Digital verification", ja="デジタル検証"),
        },
        state_labels={
            "submitted": {"en": "Awaiting the informatization body's notice", "ja": "通知待ち"},
            "included": {"en": "Included in the register", "ja": "登録済み"},
            "not_confirmed": {"en": "Not confirmed", "ja": "確認されず"},
            "removed": {"en": "Excluded (objection possible)", "ja": "除外（異議申立可）"},
            "objection_pending": {"en": "Objection pending", "ja": "異議審査中"},
            "removal_final": {"en": "Exclusion final", "ja": "除外確定"},
        },
        obligation_labels={
            "monitoring": {"en": "Quarterly monitoring", "ja": "四半期モニタリング"},
            "objection": {"en": "Object to the exclusion", "ja": "除外への異議申立"},
        },
        final=frozenset({"not_confirmed", "removal_final"}),
        steps=(
            Step(
                action="include_on_notice",
                sources=("submitted",),
                target="included",
                party="authority",
                basis="000 Art.51-2(4)",
                en="Enter the software producer on the informatization body's notice",
                ja="情報化権限機関の通知に基づきソフトウェア製造者を登録",
                guard=_notified,
                effect=_include,
                opens=(MONITOR,),
            ),
            Step(
                action="not_confirmed",
                sources=("submitted",),
                target="not_confirmed",
                party="authority",
                basis="000 Art.51-2(2)",
                en="The informatization body does not confirm the producer",
                ja="情報化権限機関が製造者を確認しない",
            ),
            Step(
                action="monitor",
                sources=("included",),
                target="=",
                party="authority",
                basis="000 Art.51-2(3)",
                en="Quarterly monitoring by the informatization body: conforming",
                ja="情報化権限機関による四半期モニタリング：適合",
                closes=("monitoring",),
                opens=(MONITOR_NEXT,),
            ),
            Step(
                action="remove_on_notice",
                sources=("included",),
                target="removed",
                party="authority",
                basis="000 Art.51-6 item 2",
                en="Exclude on the informatization body's monitoring notice",
                ja="ソフトウェア製造者のモニタリング結果の通知により除外",
                reasons={
                    "software_monitoring": {
                        "en": "Results of the software producers' monitoring",
                        "ja": "ソフトウェア製造者のモニタリング結果",
                    }
                },
                effect=_remove,
                closes=("monitoring",),
                opens=(Opens("objection", "applicant", OBJECTION),),
            ),
            Step(
                action="object",
                sources=("removed",),
                target="objection_pending",
                party="applicant",
                basis="000 Art.51-2(5)",
                en="Object to the informatization body within 30 calendar days",
                ja="30暦日以内に情報化権限機関へ異議申立",
                guard=_objection_in_time,
                closes=("objection",),
            ),
            Step(
                action="uphold_objection",
                sources=("objection_pending",),
                target="included",
                party="authority",
                basis="000 Art.51-2(5)",
                en="Objection upheld: entered again",
                ja="異議認容：再登録",
                effect=_include,
                opens=(MONITOR,),
            ),
            Step(
                action="reject_objection",
                sources=("objection_pending",),
                target="removal_final",
                party="authority",
                basis="000 Art.51-2(5)",
                en="Objection rejected",
                ja="異議棄却",
            ),
            Step(
                action="objection_lapsed",
                sources=("removed",),
                target="removal_final",
                party="system",
                basis="000 Art.51-2(5)",
                en="No objection within 30 calendar days",
                ja="30暦日以内に異議なし",
                closes=("objection",),
            ),
        ),
    )
)
