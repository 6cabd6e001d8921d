"""Analysis pages: where to build in Russia (the regional comparison of ``isupport regions``)
and the Kazakhstan State Program 2020–2025 monitoring dashboard (``isupport monitor``).

Both run the same functions as the CLI — ``plans.load_plan`` / ``projection.compare`` and
``monitoring.load_actuals`` / ``judge`` — on the example files of the repository or on what
the user changes or uploads; the charts are inline SVG with labels in the page's language.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import yaml
from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from ...engine.errors import IsupportError
from ...engine.money import Money, normalise
from ...engine.parameters import load_yaml
from ...engine.program import get_program, text
from ...i18n import render_problem
from ...monitoring import (
    Actuals,
    Indicator,
    Judgement,
    Targets,
    judge,
    load_actuals,
    load_targets,
    resolve_actual,
)
from ...programs.ru.regions.plans import check_year, load_plan
from ...programs.ru.regions.projection import (
    Comparison,
    InvestmentPlan,
    Projection,
    compare,
)
from ...report import plain
from ..context import LangDep, ServicesDep
from ..i18n import N_, gettext, number
from .catalogue import parse_date
from .charts import Chart, Series, line_chart
from .common import page

router = APIRouter(include_in_schema=False)

PLAN_FILE = "plans/ru_plant_2019.yaml"
ACTUALS_FILE = "kz_actuals_sample.csv"
MAX_UPLOAD = 1_000_000  # bytes: plans and actuals are small text files
MAX_YEARS = 50

MONEY_KEYS = ("investment", "taxable_profit", "property_value", "land_value", "payroll")
PLAN_LABELS = {
    "year": N_("Year"),
    "investment": N_("Investment"),
    "taxable_profit": N_("Taxable profit"),
    "property_value": N_("Property value"),
    "land_value": N_("Land value"),
    "payroll": N_("Payroll"),
    "jobs": N_("New jobs (cumulative)"),
}
TAX_LABELS = {
    "profit": N_("Profit tax"),
    "property": N_("Property tax"),
    "land": N_("Land tax"),
    "social": N_("Social insurance"),
}
MONITOR_STATUS = {
    "off_track": N_("off track"),
    "on_track": N_("on track"),
    "no_actual": N_("no actual value"),
    "no_target": N_("no target to judge"),
}
YEAR_STATUS = {"fact": N_("fact"), "estimate": N_("estimate"), "plan": N_("plan")}
DIRECTION = {
    "higher_is_better": N_("higher is better"),
    "lower_is_better": N_("lower is better"),
}
LEVEL = {"target": N_("target indicator"), "result": N_("result indicator")}
FLAGS = {
    "truncated_value": N_("a printed number lost digits"),
    "unit_garbled": N_("the printed unit cannot be right"),
    "label_garbled": N_("the printed name does not match the values"),
    "header_year_typo": N_("a column is headed with the wrong year"),
    "yoy_cumulative_drift": N_("year-on-year and cumulative rows drift apart"),
    "headline_table_mismatch": N_("the headline target and the table disagree"),
    "irregular_step": N_("a jump out of line with the series"),
    "questionable_value": N_("possible but implausible value"),
    "duplicate_body": N_("a body is listed twice"),
    "missing_responsible_body": N_("no responsible body is given"),
    "blank_cells": N_("cells printed blank or '-'"),
}


def example(relative: str) -> Path | None:
    """A file of the repository's examples/ folder (the pages run from a checkout)."""
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        candidate = base / "examples" / relative
        if candidate.is_file():
            return candidate
    return None


def _from_upload(data: bytes, name: str, read: Callable[[Path], Any], field_name: str) -> Any:
    """Run ``read`` (the CLI's reader) on an uploaded file. Whatever the file gets wrong
    becomes an IsupportError naming the uploaded file, never a temporary path or a 500."""
    if not data.strip():
        raise IsupportError(f"{field_name}: choose a file to upload")
    if len(data) > MAX_UPLOAD:
        raise IsupportError(f"{field_name}: the file is larger than {MAX_UPLOAD} bytes")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise IsupportError(f"{field_name}: the file is not UTF-8 text") from None
    shown = Path(name).name or "upload"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{Path(name).suffix.lower() or '.txt'}"
        path.write_bytes(data)
        try:
            return read(path)
        except yaml.YAMLError as error:
            problem = str(error).replace(str(path), shown)
            raise IsupportError(f"{shown}: not valid YAML: {problem}") from None
        # A reader's own checks raise IsupportError; a wrongly typed value that slips past
        # them surfaces as ValueError or TypeError.
        except (IsupportError, ValueError, TypeError) as error:
            raise IsupportError(str(error).replace(str(path), shown)) from None


# --- Where to build: the regional comparison ---------------------------------------------
@dataclass
class PlanForm:
    """What the form shows: raw text of every field, and the errors by field name."""

    as_of: str
    facts: str  # the enterprise's and sites' facts, as YAML
    rows: list[dict[str, str]]
    eligible_only: bool = False
    errors: dict[str, str] = field(default_factory=dict)


def _plan_form(
    plan: InvestmentPlan, facts: Mapping[str, Any], as_of: dt.date | None, eligible_only: bool
) -> PlanForm:
    rows = [
        {
            "year": str(y.year),
            **{k: normalise(getattr(y, k)) for k in MONEY_KEYS},
            "jobs": str(y.jobs),
        }
        for y in plan.years
    ]
    text_facts = yaml.safe_dump(plain(dict(facts)), allow_unicode=True, sort_keys=False)
    return PlanForm(as_of.isoformat() if as_of else "", text_facts, rows, eligible_only)


def _yaml_text(text_value: str) -> Any:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "facts.yaml"
        path.write_text(text_value, encoding="utf-8")
        return load_yaml(path)


def _read_plan_form(
    form: Mapping[str, str], lang: str = "en"
) -> tuple[PlanForm, InvestmentPlan | None, dict[str, Any]]:
    """The plan and facts typed from the form, or the errors naming each bad field."""
    errors: dict[str, str] = {}
    try:
        count = int(form.get("rows", "0"))
    except ValueError:
        count = 0
    count = max(0, min(count, MAX_YEARS))
    rows = [
        {key: form.get(f"plan-{i}-{key}", "").strip() for key in PLAN_LABELS} for i in range(count)
    ]
    result = PlanForm(
        form.get("as_of", "").strip(),
        form.get("facts", ""),
        rows,
        bool(form.get("eligible_only")),
        errors,
    )
    years = []
    for i, row in enumerate(rows):
        # the CLI's check of a plan row: bounds, whole numbers, every problem at once
        year, problems = check_year(row, f"plan-{i}")
        for problem in problems:
            key = problem.field.rsplit(".", 1)[-1]  # shown beside its input: the key names it
            errors[problem.field.replace(".", "-")] = render_problem(
                replace(problem, field=key), lang
            )
        if year is not None:
            years.append(year)
    plan = None
    if not errors:
        try:
            plan = InvestmentPlan(tuple(years))
        except ValueError as error:
            errors["plan"] = str(error)
    facts: dict[str, Any] = {}
    try:
        raw_facts = _yaml_text(result.facts) if result.facts.strip() else {}
        if not isinstance(raw_facts, dict):
            raise IsupportError("facts: expected a mapping of fact names to values")
        facts = raw_facts
    except IsupportError as error:
        errors["facts"] = str(error)
    except yaml.YAMLError as error:
        errors["facts"] = f"facts: not valid YAML: {error}"
    return result, plan, facts


def rate_sources(projection: Projection) -> list[str]:
    """The citations of the rates a projection applied, once each, in order."""
    return list(dict.fromkeys(line.cite for row in projection.rows for line in row.lines.values()))


def _regions_chart(comparison: Comparison, lang: str) -> Chart | None:
    if not comparison.projections:
        return None
    years = [str(row.year) for row in comparison.projections[0].rows]
    series = []
    for projection in comparison.projections:
        running, values = Decimal(0), []
        for row in projection.rows:
            running += row.saving
            values.append(running / 1_000_000)
        series.append(Series(text(get_program(projection.regime).title, lang), values))
    return line_chart(
        "regions-chart",
        gettext(lang, N_("Cumulative tax saving by regime")),
        gettext(
            lang,
            N_("Tax saved against the standard rates, added up year by year, in million RUB."),
        ),
        years,
        series,
        gettext(lang, N_("million RUB")),
        lambda value: number(value, lang),
        include_zero=True,
    )


def _regions(
    request: Request,
    today: dt.date,
    lang: str,
    form: PlanForm,
    plan: InvestmentPlan | None,
    facts: Mapping[str, Any],
) -> Response:
    comparison = None
    date = None
    try:
        date = parse_date(form.as_of, "as_of", today)
    except IsupportError as error:
        form.errors["as_of"] = str(error)
    if plan is not None and date is not None and not form.errors:
        try:
            comparison = compare(plan, facts, date, include_review=not form.eligible_only)
        # The facts are the user's: a wrong one is a FactError; a year no rate covers is a
        # ParameterError (both IsupportError); an impossible year a ValueError.
        except (IsupportError, ValueError) as error:
            form.errors["facts"] = str(error)
    chart = _regions_chart(comparison, lang) if comparison else None
    return page(
        request,
        "regions.html",
        status_code=422 if form.errors else 200,
        section="regions",
        form=form,
        comparison=comparison,
        as_of=date,
        chart=chart,
        plan_labels=PLAN_LABELS,
        tax_labels=TAX_LABELS,
        money_keys=MONEY_KEYS,
        program=get_program,
        rub=lambda value: Money(value, "RUB"),
        rate_sources=rate_sources,
    )


@router.get("/regions", response_class=HTMLResponse)
def regions_page(request: Request, stores: ServicesDep, lang: LangDep) -> Response:
    path = example(PLAN_FILE)
    if path is None:
        form = PlanForm("", "", [], errors={"plan": "plan: no example plan found; upload one"})
        return _regions(request, stores.today(), lang, form, None, {})
    plan, facts, as_of = load_plan(path)
    form = _plan_form(plan, facts, as_of, False)
    return _regions(request, stores.today(), lang, form, plan, facts)


@router.post("/regions", response_class=HTMLResponse)
async def regions_post(request: Request, stores: ServicesDep, lang: LangDep) -> Response:
    posted = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    form, plan, facts = _read_plan_form(posted, lang)
    # projecting and rendering are CPU work: keep them off the event loop
    return await run_in_threadpool(_regions, request, stores.today(), lang, form, plan, facts)


@router.post("/regions/upload", response_class=HTMLResponse)
async def regions_upload(
    request: Request,
    stores: ServicesDep,
    lang: LangDep,
    plan_file: Annotated[UploadFile, File()],
) -> Response:
    data = await plan_file.read(MAX_UPLOAD + 1)
    try:
        plan, facts, as_of = _from_upload(
            data, plan_file.filename or "plan.yaml", _checked_plan, "plan_file"
        )
    except IsupportError as error:
        form = PlanForm("", "", [], errors={"plan_file": str(error)})
        return _regions(request, stores.today(), lang, form, None, {})
    form = _plan_form(plan, facts, as_of, False)
    return await run_in_threadpool(_regions, request, stores.today(), lang, form, plan, facts)


def _checked_plan(path: Path) -> tuple[InvestmentPlan, dict[str, Any], dt.date | None]:
    """``load_plan``, plus what the web form needs and the CLI takes on trust: real years."""
    plan, facts, as_of = load_plan(path)
    for index, year in enumerate(plan.years, start=1):
        if (
            isinstance(year.year, bool)
            or not isinstance(year.year, int)
            or not 1900 <= year.year <= 2200
        ):
            raise IsupportError(f"plan row {index}: year: expected a year such as 2019")
    return plan, facts, as_of


# --- Kazakhstan monitoring -------------------------------------------------------------------
@dataclass(frozen=True)
class YearView:
    year: int
    year_status: str | None  # fact / estimate / plan, or None outside the program's years
    printed: str | None
    judgement: Judgement | None


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    years: tuple[YearView, ...]
    status: str  # the worst of its judgements
    chart: Chart | None


ORDER = ("off_track", "on_track", "no_actual", "no_target")


def _monitor_chart(
    targets: Targets, indicator: Indicator, actuals: Actuals, years: list[int], lang: str
) -> Chart | None:
    def printed(year: int, plan: bool) -> Decimal | None:
        value = indicator.values.get(year)
        is_plan = targets.year_status.get(year) == "plan"
        return value if isinstance(value, Decimal) and is_plan == plan else None

    resolved = {year: resolve_actual(targets, indicator, year, actuals) for year in years}
    reported = [v if v is not None and src is None else None for v, src in resolved.values()]
    derived = [v if v is not None and src is not None else None for v, src in resolved.values()]
    series = [
        Series(gettext(lang, N_("target (plan)")), [printed(y, True) for y in years], "dashed", 0),
        Series(
            gettext(lang, N_("2018 fact / 2019 estimate")),
            [printed(y, False) for y in years],
            "hollow",
            0,
        ),
        Series(gettext(lang, N_("actual")), reported, "line", 4),
        Series(
            gettext(lang, N_("actual derived from %(pair)s")) % {"pair": indicator.pair},
            derived,
            "hollow",
            4,
        ),
    ]
    series = [s for s in series if any(v is not None for v in s.values)]
    if not series:
        return None
    name = indicator.name.ja if lang == "ja" else indicator.name.en
    unit = indicator.unit.ja if lang == "ja" else indicator.unit.en
    return line_chart(
        f"chart-{indicator.id}",
        f"{indicator.id}: {name}",
        gettext(lang, N_("Targets against actual values by year (%(unit)s).")) % {"unit": unit},
        [str(y) for y in years],
        series,
        unit,
        lambda value: number(value, lang),
    )


def dashboard(targets: Targets, actuals: Actuals, lang: str) -> list[IndicatorView]:
    """Every indicator with its judgements and chart, off-track ones first."""
    by_indicator: dict[str, list[Judgement]] = {}
    for row in judge(targets, actuals):
        by_indicator.setdefault(row.indicator, []).append(row)
    views = []
    for indicator in targets.indicators:
        judged = {row.year: row for row in by_indicator.get(indicator.id, [])}
        years = sorted(set(targets.year_status) | set(judged))
        statuses = {row.status for row in judged.values()}
        worst = next((status for status in ORDER if status in statuses), "no_target")
        views.append(
            IndicatorView(
                indicator,
                tuple(
                    YearView(y, targets.year_status.get(y), indicator.printed(y), judged.get(y))
                    for y in years
                ),
                worst,
                _monitor_chart(targets, indicator, actuals, years, lang),
            )
        )
    views.sort(key=lambda view: ORDER.index(view.status))  # stable: table order within
    return views


def _monitoring(
    request: Request, lang: str, actuals: Actuals | None, source: str, error: str | None
) -> Response:
    targets = load_targets()
    views = dashboard(targets, actuals, lang) if actuals is not None else []
    counts = Counter(
        year.judgement.status for view in views for year in view.years if year.judgement
    )
    return page(
        request,
        "monitoring.html",
        status_code=422 if error else 200,
        section="monitoring",
        targets=targets,
        views=views,
        counts=counts,
        source=source,
        error=error,
        order=ORDER,
        monitor_status=MONITOR_STATUS,
        year_status=YEAR_STATUS,
        direction=DIRECTION,
        level=LEVEL,
        flags=FLAGS,
    )


@router.get("/monitoring", response_class=HTMLResponse)
def monitoring_page(request: Request, lang: LangDep) -> Response:
    path = example(ACTUALS_FILE)
    if path is None:
        return _monitoring(request, lang, None, "", "actuals: no sample file found; upload one")
    return _monitoring(request, lang, load_actuals(path, load_targets()), path.name, None)


@router.post("/monitoring", response_class=HTMLResponse)
async def monitoring_upload(
    request: Request, lang: LangDep, actuals: Annotated[UploadFile, File()]
) -> Response:
    data = await actuals.read(MAX_UPLOAD + 1)
    name = actuals.filename or "actuals.csv"
    targets = load_targets()
    try:
        found = _from_upload(data, name, lambda path: load_actuals(path, targets), "actuals")
    except IsupportError as error:
        return _monitoring(request, lang, None, name, str(error))
    return await run_in_threadpool(_monitoring, request, lang, found, Path(name).name, None)
