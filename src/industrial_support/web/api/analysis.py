"""Analysis: where to build in Russia (regional tax regimes year by year, 004 §2-§3) and the
monitoring of Kazakhstan's State Program 2020-2025 targets (001)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints

from ...engine.evaluate import RuleSet
from ...engine.money import normalise
from ...engine.outcomes import Status
from ...engine.program import get_program
from ...monitoring import (
    Direction,
    FlagCode,
    Judgement,
    Kind,
    YearStatus,
    actuals_from_rows,
    judge,
    load_targets,
)
from ...monitoring import Status as Judged
from ...programs.ru.regions.projection import (
    REGIMES,
    InvestmentPlan,
    PlanYear,
    TaxLine,
    compare,
)
from ..context import ServicesDep
from ..serialize import MoneyOut, Out, Text, money_of, text
from .common import DAY_HELP, INVALID, Day, Facts, InputError, Year, checked_facts

router = APIRouter(tags=["analysis"], responses=INVALID)

Amount = (
    Annotated[StrictInt, Field(ge=0, le=10**15)]
    | Annotated[str, StringConstraints(pattern=r"^\d{1,15}(\.\d{1,2})?$")]
)


class PlanYearIn(BaseModel):
    """One calendar year of the plan, amounts in RUB."""

    model_config = ConfigDict(extra="forbid")
    year: Year
    investment: Amount
    taxable_profit: Amount = Field(description="profit-tax base, after losses carried forward")
    property_value: Amount
    land_value: Amount
    payroll: Amount
    jobs: Annotated[StrictInt, Field(ge=0, le=10**7)] = Field(
        description="new permanent jobs in place at the end of the year (cumulative)"
    )


class RegionsRequest(BaseModel):
    """An investment plan, the JSON twin of examples/plans/*.yaml (see ``isupport regions``)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "as_of": "2019-01-15",
                    "facts": {"sam_project_in_region": True, "uly_manufacturing": True},
                    "plan": [
                        {
                            "year": 2019,
                            "investment": 300000000,
                            "taxable_profit": 10000000,
                            "property_value": 50000000,
                            "land_value": 4000000,
                            "payroll": 20000000,
                            "jobs": 30,
                        }
                    ],
                }
            ]
        },
    )
    as_of: Day | None = Field(None, description=f"evaluation date (default today), {DAY_HELP}")
    facts: Facts = Field(default_factory=dict)
    plan: list[PlanYearIn] = Field(min_length=1, max_length=50)
    eligible_only: bool = Field(False, description="leave out regimes needing an official's review")


class Rank(Out):
    rank: int
    regime: str = Field(examples=["ru.ulyanovsk.tor_dimitrovgrad"])
    title: Text
    status: Status
    total_tax: MoneyOut
    total_standard_tax: MoneyOut
    total_saving: MoneyOut


class TaxLineOut(Out):
    kind: str = Field(examples=["profit"])
    base: MoneyOut
    rate: str = Field(examples=["0.05"])
    standard_rate: str
    tax: MoneyOut
    standard_tax: MoneyOut
    saving: MoneyOut
    citation: str = Field(description="where the rate applied comes from")


class YearRowOut(Out):
    regime: str
    status: Status
    year: int
    residence_year: int
    taxes: list[TaxLineOut]
    tax: MoneyOut
    standard_tax: MoneyOut
    saving: MoneyOut


class NotProjectedOut(Out):
    regime: str
    status: Status
    missing_facts: list[str]
    reason: str


class RegionsResponse(Out):
    evaluated_as_of: dt.date
    ranking: list[Rank]
    years: list[YearRowOut]
    not_projected: list[NotProjectedOut]


def _rub(amount: Decimal) -> MoneyOut:
    return money_of(amount, "RUB")


def _line(line: TaxLine) -> TaxLineOut:
    return TaxLineOut(
        kind=line.kind,
        base=_rub(line.base),
        rate=normalise(line.rate),
        standard_rate=normalise(line.standard_rate),
        tax=_rub(line.tax),
        standard_tax=_rub(line.standard_tax),
        saving=_rub(line.saving),
        citation=line.cite,
    )


def _check_regimes(date: dt.date) -> None:
    """The comparison screens every regime on the date: refuse a date on which one of them
    is not in force or lacks its numbers (compare() expects a result for each)."""
    rules = RuleSet([regime.program for regime in REGIMES.values()], date)
    problems = [f"{p.id} is not in force" for p in rules.not_in_force] + [
        f"{pid}: {reason}" for pid, reason in rules.unavailable.items()
    ]
    if problems:
        raise InputError(f"as_of: the regional regimes cannot all be evaluated: {problems[0]}")


@router.post("/regions", summary="Where to build: a plan's taxes under each regional regime")
def regions(body: RegionsRequest, stores: ServicesDep) -> RegionsResponse:
    years = []
    for index, row in enumerate(body.plan):
        try:
            years.append(PlanYear(**row.model_dump()))
        except ValueError as error:
            raise InputError(f"plan.{index}: {error}") from None
    try:
        plan = InvestmentPlan(tuple(years))
    except ValueError as error:
        raise InputError(f"plan: {str(error).removeprefix('plan: ')}") from None
    date = body.as_of or stores.today()
    facts = checked_facts("RU", body.facts)
    _check_regimes(date)
    comparison = compare(plan, facts, date, include_review=not body.eligible_only)
    return RegionsResponse(
        evaluated_as_of=date,
        ranking=[
            Rank(
                rank=r.rank,
                regime=r.regime,
                title=text(get_program(r.regime).title),
                status=Status(r.status),
                total_tax=_rub(r.total_tax),
                total_standard_tax=_rub(r.total_standard_tax),
                total_saving=_rub(r.total_saving),
            )
            for r in comparison.ranking()
        ],
        years=[
            YearRowOut(
                regime=row.regime,
                status=Status(projection.status),
                year=row.year,
                residence_year=row.residence_year,
                taxes=[_line(line) for line in row.lines.values()],
                tax=_rub(row.tax),
                standard_tax=_rub(row.standard_tax),
                saving=_rub(row.saving),
            )
            for projection in comparison.projections
            for row in projection.rows
        ],
        not_projected=[
            NotProjectedOut(
                regime=item.regime,
                status=Status(item.status),
                missing_facts=list(item.missing),
                reason=item.reason,
            )
            for item in comparison.not_projected
        ],
    )


# --- monitoring ---------------------------------------------------------------------------
class FlagOut(Out):
    code: FlagCode
    years: list[int]
    note: str


class YearValue(Out):
    year: int
    year_status: YearStatus = Field(description="fact, estimate or plan")
    printed: str | None = Field(description="the cell as printed in the program")
    target: str | None = Field(description="the judged target (plan years with a number)")


class HeadlineOut(Out):
    value: str
    text: Text
    citation: str


class IndicatorOut(Out):
    id: str = Field(examples=["T1_yoy"])
    level: Literal["target", "result"]
    task: int | None
    name: Text
    unit: Text
    kind: Kind
    direction: Direction
    pair: str | None = Field(description="the year-on-year / cumulative row it pairs with")
    values: list[YearValue]
    headline: HeadlineOut | None
    source: list[str]
    responsible: list[str]
    citation: str
    flags: list[FlagOut] = Field(description="inconsistencies of the printed table")


class TargetsResponse(Out):
    source: str = Field(examples=["001"])
    base_year: int
    plan_years: list[int]
    bodies: dict[str, Text]
    indicators: list[IndicatorOut]


@router.get("/monitoring/targets", summary="Kazakhstan State Program 2020-2025 indicators")
def targets() -> TargetsResponse:
    loaded = load_targets()
    return TargetsResponse(
        source=loaded.source,
        base_year=loaded.base_year,
        plan_years=loaded.plan_years,
        bodies={key: Text(en=body.en, ja=body.ja) for key, body in loaded.bodies.items()},
        indicators=[
            IndicatorOut(
                id=i.id,
                level=i.level,
                task=i.task,
                name=Text(en=i.name.en, ja=i.name.ja),
                unit=Text(en=i.unit.en, ja=i.unit.ja),
                kind=i.kind,
                direction=i.direction,
                pair=i.pair,
                values=[
                    YearValue(
                        year=year,
                        year_status=loaded.year_status[year],
                        printed=i.printed(year),
                        target=_text(loaded.target(i, year)),
                    )
                    for year in sorted(i.values)
                ],
                headline=HeadlineOut(
                    value=normalise(i.headline.value),
                    text=Text(en=i.headline.text.en, ja=i.headline.text.ja),
                    citation=i.headline.cite,
                )
                if i.headline
                else None,
                source=i.source,
                responsible=i.responsible,
                citation=i.cite,
                flags=[FlagOut(code=f.code, years=f.years, note=f.note) for f in i.flags],
            )
            for i in loaded.indicators
        ],
    )


class ActualIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    indicator: Annotated[str, StringConstraints(min_length=1, max_length=64)] = Field(
        examples=["T1_yoy"]
    )
    year: Annotated[StrictInt, Field(ge=1900, le=2100)]
    value: (
        Annotated[StrictInt, Field(ge=-(10**15), le=10**15)]
        | Annotated[str, StringConstraints(max_length=40)]
    ) = Field(description="exact: an integer or a decimal string", examples=["104.4"])


class MonitoringRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "actuals": [
                        {"indicator": "T1_yoy", "year": 2020, "value": "104.4"},
                        {"indicator": "T2_cum", "year": 2020, "value": "110.2"},
                    ]
                }
            ]
        },
    )
    actuals: list[ActualIn] = Field(max_length=2000)


class JudgementOut(Out):
    indicator: str
    year: int
    target: str | None
    actual: str | None
    status: Judged
    printed: str | None
    derived_from: str | None = Field(description="the paired row an actual was computed from")
    flags: list[str]


class MonitoringResponse(Out):
    counts: dict[str, int] = Field(examples=[{"on_track": 3, "off_track": 1}])
    rows: list[JudgementOut]
    off_track: list[JudgementOut]


def _text(value: Decimal | None) -> str | None:
    return None if value is None else normalise(value)


def _judgement(row: Judgement) -> JudgementOut:
    return JudgementOut(**row.as_dict())


@router.post("/monitoring", summary="Judge actual values against the 2020-2025 targets")
def monitoring(body: MonitoringRequest) -> MonitoringResponse:
    loaded = load_targets()
    actuals = actuals_from_rows(
        ((a.indicator, str(a.year), str(a.value)) for a in body.actuals), loaded
    )
    rows = judge(loaded, actuals)
    counts = {
        status: sum(row.status == status for row in rows)
        for status in ("on_track", "off_track", "no_actual", "no_target")
    }
    return MonitoringResponse(
        counts=counts,
        rows=[_judgement(row) for row in rows],
        off_track=[_judgement(row) for row in rows if row.status == "off_track"],
    )
