"""Kazakhstan: special investment projects and contracts (seed 000, Law on Industrial Policy,
Arts.42-1 and 42-2, added by Law No. 215-VIII; in force from 2026-01-01).

``kz.sic.contract`` — who may conclude a special investment contract (SIC): a Kazakh legal
entity that is a special-economic-zone participant, a free (bonded) warehouse owner, or a
producer of vehicles, agricultural machinery or their components holding the relevant
industrial assembly agreement. Values: the day the Authority must have the contract ready
(15 working days, KZ calendar) and the last day of the customs-duty exemption (at most 15 years
from the SIC's registration; an SEZ participant's also ends with the zone).

The contract's life is dated functions: :func:`report_deadlines` (25 July and 25 January),
:func:`amendment_allowed` (at most 2 a year) and :func:`cure_deadline` (3 months).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from ...engine.calendars import calendar_for
from ...engine.citations import cite
from ...engine.deadlines import FixedDate, Period, WorkingDays, period_end_expr
from ...engine.errors import ProgramError
from ...engine.facts import FactsView as F
from ...engine.facts import catalog
from ...engine.parameters import ParameterSet
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, ValuesView
from .law_dates import LAW_215_VIII

facts = catalog("KZ")
PARAMETERS = ParameterSet.load(Path(__file__).with_suffix(".yaml"))
IN_FORCE_FROM = LAW_215_VIII  # Law No. 215-VIII (000 Arts.42-1, 42-2 notes)

SEZ, WAREHOUSE, MOTOR_VEHICLE = "sez_participant", "warehouse_owner", "motor_vehicle_producer"
PRODUCERS = (
    MOTOR_VEHICLE,
    "vehicle_component_producer",
    "agricultural_machinery_producer",
    "agricultural_component_producer",
)
ENTITY_TYPES = (SEZ, WAREHOUSE, *PRODUCERS, "other")

facts.define(
    "kz_sic_kz_legal_entity",
    "boolean",
    en="The applicant is a legal entity of Kazakhstan",
    ja="申請者がカザフスタン共和国の法人であること",
)
facts.define(
    "kz_sic_entity_type",
    "enum",
    values=ENTITY_TYPES,
    en="Capacity in which the applicant seeks the contract: participant of a special economic "
    "zone, owner of a free (bonded) warehouse, producer of motor vehicles, of vehicle "
    "components, of agricultural machinery or of its components, or other",
    ja="申請者の立場：特別経済区の参加者、保税倉庫の所有者、原動機付輸送手段の製造者、輸送手段"
    "部品の製造者、農業機械の製造者、農業機械部品の製造者、その他",
)
facts.define(
    "kz_sic_assembly_agreement",
    "boolean",
    en="The producer holds the industrial assembly agreement for what it makes",
    ja="製造者が製造品目に対応する工業組立契約を締結していること",
)
facts.define(
    "kz_sic_application_received",
    "date",
    en="Date the Authority received the application to conclude the contract",
    ja="権限機関が特別投資契約締結申請書を受け付けた日",
)
facts.define(
    "kz_sic_registered",
    "date",
    en="Date the special investment contract was registered",
    ja="特別投資契約の登録日",
)
facts.define(
    "kz_sic_sez_term_end",
    "date",
    en="Last day of the special economic zone's term (SEZ participants)",
    ja="特別経済区の有効期間の最終日（特別経済区参加者）",
)


contract = Program(
    id="kz.sic.contract",
    jurisdiction="KZ",
    kind="contract",
    sectors=("manufacturing", "logistics"),
    title={"en": "Special investment contract", "ja": "特別投資契約"},
    summary={
        "en": "Exemption from import customs duties (equipment, components, spare parts; raw "
        "materials identified in the finished goods) and from import VAT on raw materials, "
        "for up to 15 years.",
        "ja": "技術設備・部品・スペアパーツ及び製品に同定される原材料の輸入関税並びに原材料輸入の"
        "付加価値税の免除（最長15年）。",
    },
    provider={
        "en": "Authority for state stimulation of industry",
        "ja": "国家産業促進分野の権限機関",
    },
    source="000 Arts.42-1, 42-2",
    parameters=PARAMETERS,
    in_force_from=IN_FORCE_FROM,
)


@contract.criterion(
    "kz_legal_entity",
    "000 Art.42-2(2)",
    en="The applicant is a Kazakh legal entity",
    ja="申請者がカザフスタン共和国の法人であること",
)
def _kz_entity(f: F, p: P) -> pl.Expr:
    return f.kz_sic_kz_legal_entity


@contract.criterion(
    "eligible_capacity",
    "000 Art.42-2(2)",
    en="An SEZ participant, a free-warehouse owner, or a producer of vehicles, agricultural "
    "machinery or their components",
    ja="特別経済区の参加者、保税倉庫の所有者、又は輸送手段・農業機械・それらの部品の製造者",
)
def _capacity(f: F, p: P) -> pl.Expr:
    return f.kz_sic_entity_type != "other"


def _producer(f: F, p: P) -> pl.Expr:
    return f.kz_sic_entity_type.is_in(list(PRODUCERS))


@contract.criterion(
    "assembly_agreement",
    "000 Art.42-2(2), Art.65(1)",
    en="Producers: hold the relevant industrial assembly agreement",
    ja="製造者：対応する工業組立契約を締結していること",
    applies=_producer,
)
def _assembly(f: F, p: P) -> pl.Expr:
    return f.kz_sic_assembly_agreement


@contract.value(
    "preparation_due",
    "000 Art.42-2(3)",
    unit="date",
    en="Day by which the Authority prepares the contract for signature (15 working days)",
    ja="権限機関が契約締結の準備を終える期限（15営業日）",
)
def _preparation_due(f: F, p: P, v: ValuesView) -> pl.Expr:
    days: int = p.preparation_working_days
    return calendar_for("KZ").add_working_days_expr(f.kz_sic_application_received, days)


# Reading: "not more than 15 years from the registration date" counts the registration day as
# the first day, so the exemption's last day is the day before the 15th anniversary.
# Alternative: the anniversary itself. For SEZ participants the law gives 15 years without a
# start; we count it from the SIC's registration too (alternative: from admission to the SEZ).
# Producers of components and of agricultural machinery may conclude a contract
# (Art.42-2(2)) but Art.42-1(2) gives them no term: the value stays empty (unknown).
@contract.value(
    "exemption_last_day",
    "000 Art.42-1(2)",
    unit="date",
    en="Last day of the customs-duty exemption",
    ja="関税免除の最終日",
)
def _exemption_last_day(f: F, p: P, v: ValuesView) -> pl.Expr:
    years: int = p.exemption_years
    fifteen = period_end_expr(f.kz_sic_registered, years=years, start_day_counted=True)
    zone_end = f.kz_sic_sez_term_end
    capped = pl.when(fifteen <= zone_end).then(fifteen).when(fifteen > zone_end).then(zone_end)
    kind = f.kz_sic_entity_type
    return (
        pl.when(kind == SEZ).then(capped).when(kind.is_in([WAREHOUSE, MOTOR_VEHICLE])).then(fifteen)
    )


# ============================================================================================
# The contract's life: reports, amendments, cure (Art.42-2(4)-(6))
# ============================================================================================


def preparation_rule(received: dt.date) -> WorkingDays:
    days: int = PARAMETERS.as_of(received).preparation_working_days
    return WorkingDays(days, "KZ", cite("000 Art.42-2(3)"))


def report_deadlines(year: int) -> dict[str, dt.date]:
    """Half-yearly report deadlines for the half-years of ``year`` (Art.42-2(5)).

    Reading: the report on January–June is due 25 July of the same year and the report on
    July–December 25 January of the next year. Alternative: the article pairs the dates with
    no half-year; the Authority's form may say otherwise.
    """
    p = PARAMETERS.as_of(dt.date(year, 7, 1))
    first = FixedDate(p.first_half_report_month, p.first_half_report_day, cite("000 Art.42-2(5)"))
    second = FixedDate(
        p.second_half_report_month, p.second_half_report_day, cite("000 Art.42-2(5)"), year_offset=1
    )
    anchor = dt.date(year, 1, 1)
    return {"first_half": first.due(anchor), "second_half": second.due(anchor)}


def amendment_allowed(amendments_made_this_year: int, on: dt.date) -> bool:
    """Whether one more amendment by mutual agreement may be made in ``on``'s calendar year.

    Reading: "twice a year" is a ceiling of 2 amendments per calendar year (not two fixed
    windows, not 2 per contract year).
    """
    if amendments_made_this_year < 0:
        raise ProgramError("amendment_allowed: expected 0 or more amendments")
    ceiling: int = PARAMETERS.as_of(on).amendments_per_year_max
    return amendments_made_this_year < ceiling


def cure_deadline(notice_sent: dt.date) -> dt.date:
    """Last day to cure a breach of the work programme (Art.42-2(6)): 3 months from the notice,
    on the corresponding day (the month's last day where there is none). The law states no
    consequence of a failure to cure; see ``kz.assembly`` for the assembly-agreement analogue.
    """
    months: int = PARAMETERS.as_of(notice_sent).cure_months
    return Period(months, cite("000 Art.42-2(6)")).due(notice_sent)
