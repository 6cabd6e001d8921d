"""The ``isupport`` command line."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import traceback
from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import click
import typer
from rich.console import Console

from .accounts import cli as accounts_cli
from .engine.errors import N_, InputErrors, IsupportError, Problem, given
from .policy import commands as policy_commands

# Each command imports what it needs in its body: importing everything (Polars, SQLAlchemy,
# Alembic, the 73 programs) made even `isupport --help` take 2-4 s (bench/startup.py).
if TYPE_CHECKING:
    from .engine.cases import Case
    from .engine.program import Program

app = typer.Typer(
    help="industrial-support: state support for industry as cited, dated rules.",
    no_args_is_help=True,
    add_completion=False,
    # Click's plain usage errors: one line each, where Rich's panel wraps them at 80 columns
    rich_markup_mode=None,
)
console = Console()
errors = Console(stderr=True)


class Format(StrEnum):
    table = "table"
    json = "json"


class Lang(StrEnum):
    en = "en"
    ja = "ja"


FormatOption = Annotated[
    Format, typer.Option("--format", help="table for people, json for machines")
]
LangOption = Annotated[Lang, typer.Option("--lang", help="ja or en")]
AsOfOption = Annotated[
    dt.datetime | None,
    typer.Option("--as-of", formats=["%Y-%m-%d"], help="evaluation date (default: today)"),
]
ReformOption = Annotated[
    Path | None,
    typer.Option("--reform", help="reform file (YAML): show the rules as it would change them"),
]
F = TypeVar("F", bound=Callable[..., Any])
# A deadline of the law runs days or months, not centuries: a larger count is a typing error
# (and counting a billion working days one by one would not end).
MAX_DEADLINE_DAYS = 36_500


def friendly(command: F) -> F:
    """The one place every failure of a command ends: the user's errors as one line per
    problem in their language and exit code 2; anything else is a bug of ours, reported in
    one line with exit code 1 (``--debug`` shows the traceback). Never a bare traceback."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        lang = str(getattr(kwargs.get("lang"), "value", kwargs.get("lang") or "en"))
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, click.exceptions.ClickException):
            raise
        except IsupportError as error:
            report_error(error, lang)
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            raise
        except Exception as error:  # a bug of ours: say so briefly, never a traceback
            report_internal(error, lang)
            raise typer.Exit(1) from None

    return run  # type: ignore[return-value]


def _say(line: str) -> None:
    """One line on stderr, never wrapped, whatever the terminal's width (Rich is not used
    for errors: it wraps at 80 columns)."""
    sys.stderr.write(line.replace("\n", " ") + "\n")
    sys.stderr.flush()


def report_error(error: IsupportError, lang: str) -> None:
    prefix = "エラー：" if lang == "ja" else "error: "
    from .i18n import render_error

    source = getattr(error, "source", "")
    for line in render_error(error, lang):
        _say(f"{prefix}{source}: {line}" if source else f"{prefix}{line}")


def report_internal(error: BaseException, lang: str) -> None:
    if _debug():
        traceback.print_exception(error)
    summary = f"{type(error).__name__}: {error}".replace("\n", " ")[:200]
    if lang == "ja":
        _say(f"内部エラー：{summary} — 不具合です。ご報告ください（--debug で詳細を表示）")
    else:
        _say(f"internal error: {summary} — this is a bug; please report it (--debug shows details)")


def _debug() -> bool:
    return _STATE["debug"] or os.environ.get("ISUPPORT_DEBUG", "") not in ("", "0")


_STATE = {"debug": False}


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="on an internal error, show the traceback")
    ] = False,
) -> None:
    """industrial-support: state support for industry as cited, dated rules."""
    _STATE["debug"] = debug


def _date(value: dt.datetime | None) -> dt.date:
    return value.date() if value else dt.date.today()


def _emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _programs_for(case: Case, chosen: list[str] | None) -> list[Program]:
    from .engine.program import all_programs, get_program

    if chosen:
        programs = [get_program(identifier) for identifier in chosen]
        foreign = [p.id for p in programs if p.jurisdiction != case.jurisdiction]
        if foreign:
            raise IsupportError(
                f"program: {', '.join(foreign)} not of the case's jurisdiction {case.jurisdiction}"
            )
        return programs
    return [p for p in all_programs() if p.jurisdiction == case.jurisdiction]


@app.command()
@friendly
def programs(
    jurisdiction: Annotated[str | None, typer.Option(help="JP, RU or KZ")] = None,
    as_of: AsOfOption = None,
    format: FormatOption = Format.table,
    lang: LangOption = Lang.en,
    reform: ReformOption = None,
) -> None:
    """List the encoded programs (those in force on --as-of are marked)."""
    from rich.table import Table

    from .engine.program import all_programs, text
    from .i18n import show, word

    date = _date(as_of)
    chosen = [
        p for p in all_programs() if jurisdiction is None or p.jurisdiction == jurisdiction.upper()
    ]
    if reform is not None:
        from .policy.views import show_reformed_programs

        show_reformed_programs(reform, chosen, date, format.value, lang.value, console)
        return
    if format is Format.json:
        _emit_json(
            [
                {
                    "id": p.id,
                    "jurisdiction": p.jurisdiction,
                    "kind": p.kind,
                    "title": text(p.title, lang),
                    "source": str(p.citation),
                    "in_force": p.in_force(date),
                    "criteria": [{"id": c.id, "citation": str(c.citation)} for c in p.criteria],
                    "values": [
                        {"id": v.id, "unit": v.unit, "citation": str(v.citation)} for v in p.values
                    ],
                }
                for p in chosen
            ]
        )
        return
    table = Table(
        title=f"{len(chosen)} programs · {word('evaluated_as_of', lang)} {show(date, lang)}"
    )
    for key in ("program", "jurisdiction", "kind", "title", "source"):
        table.add_column(word(key, lang) if key != "program" else "id", overflow="fold")
    for p in chosen:
        mark = "" if p.in_force(date) else f" [dim]({word('not_in_force', lang)})[/dim]"
        table.add_row(p.id, p.jurisdiction, p.kind, text(p.title, lang) + mark, str(p.citation))
    console.print(table)


@app.command()
@friendly
def facts(
    program: Annotated[str | None, typer.Option(help="only the facts this program reads")] = None,
    jurisdiction: Annotated[str, typer.Option(help="JP, RU or KZ")] = "JP",
    format: FormatOption = Format.table,
    lang: LangOption = Lang.en,
) -> None:
    """List the facts a case can give (all of a country's, or those one program reads)."""
    from rich.table import Table

    from .engine.evaluate import rule_set
    from .engine.facts import catalog
    from .engine.program import all_programs, get_program
    from .i18n import word

    all_programs()
    if program:
        chosen = get_program(program)
        names = rule_set([chosen], chosen.in_force_from or dt.date.today()).facts_needed()
        specs = [catalog(chosen.jurisdiction)[name] for name in names]
    else:
        specs = sorted(catalog(jurisdiction.upper()).specs(), key=lambda s: s.name)
    if format is Format.json:
        _emit_json(
            [
                {
                    "name": s.name,
                    "kind": s.kind,
                    "type": s.describe_type(),
                    "currency": s.currency,
                    "unit": s.unit,
                    "values": list(s.values) or None,
                    "description": getattr(s, lang),
                }
                for s in specs
            ]
        )
        return
    table = Table(title=f"{len(specs)} facts")
    for key in ("fact", "type", "description"):
        table.add_column(word(key, lang), overflow="fold")
    for s in specs:
        table.add_row(s.name, s.describe_type(), getattr(s, lang))
    console.print(table)


@app.command()
@friendly
def screen(
    cases: Annotated[list[Path], typer.Argument(help="case files (.yaml or .json)")],
    as_of: AsOfOption = None,
    program: Annotated[
        list[str] | None, typer.Option("--program", help="limit to these programs")
    ] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="case store whose registers answer facts by date")
    ] = None,
    format: FormatOption = Format.table,
    lang: LangOption = Lang.en,
) -> None:
    """Screen one or more enterprises against every program of their country."""
    from .engine.cases import load_case
    from .engine.evaluate import rule_set
    from .report import case_json, print_screen

    date = _date(as_of)
    store = None
    if db is not None:
        from .cases.store import CaseStore

        store = CaseStore(db)
    output = []
    for path in cases:
        case = load_case(path)
        rules = rule_set(_programs_for(case, program), date)
        facts = case.facts
        if store is not None:
            from .cases.feeds import with_register_facts

            facts = with_register_facts(store, case.jurisdiction, case.id, facts, date)
        results = rules.explain(facts)
        if format is Format.json:
            output.append(
                case_json(
                    case, date, results, [p.id for p in rules.not_in_force], rules.unavailable, lang
                )
            )
        else:
            print_screen(console, case, date, results, lang, rules.unavailable)
    if format is Format.json:
        _emit_json({"cases": output})


@app.command()
@friendly
def explain(
    case_file: Annotated[Path, typer.Argument(help="case file (.yaml or .json)")],
    program: Annotated[str, typer.Option("--program", help="program id")],
    as_of: AsOfOption = None,
    format: FormatOption = Format.table,
    lang: LangOption = Lang.en,
    reform: ReformOption = None,
) -> None:
    """Explain one program for one case: every criterion, fact, parameter and citation."""
    from .engine.cases import load_case
    from .engine.evaluate import rule_set
    from .report import print_explanation, program_json

    date = _date(as_of)
    case = load_case(case_file)
    chosen = _programs_for(case, [program])
    if reform is not None:
        from .policy.views import explain_reformed

        explain_reformed(reform, chosen, case, date, format.value, lang.value, console)
        return
    rules = rule_set(chosen, date)
    if rules.not_in_force:
        raise IsupportError(f"program: {program} is not in force on {date}")
    if rules.unavailable:
        raise IsupportError(f"program: {program} cannot be evaluated: {rules.unavailable[program]}")
    (result,) = rules.explain(case.facts)
    if format is Format.json:
        _emit_json(program_json(result, lang, trace=True) | {"evaluated_as_of": date.isoformat()})
    else:
        print_explanation(console, result, lang)


@app.command()
@friendly
def deadline(
    jurisdiction: Annotated[str, typer.Option(help="JP, RU or KZ: whose calendar counts")],
    start: Annotated[
        dt.datetime, typer.Option("--from", formats=["%Y-%m-%d"], help="the event date")
    ],
    working_days: Annotated[int | None, typer.Option(help="N working days after the event")] = None,
    calendar_days: Annotated[
        int | None, typer.Option(help="N calendar days after the event")
    ] = None,
    format: FormatOption = Format.table,
    lang: LangOption = Lang.en,
) -> None:
    """Compute a deadline: N working days or N calendar days after an event."""
    from .engine.calendars import JURISDICTIONS, calendar_for
    from .engine.citations import Citation
    from .engine.date_range import EARLIEST_DATE, LATEST_DATE
    from .engine.deadlines import CalendarDays, WorkingDays
    from .i18n import show, word

    problems: list[Problem] = []
    if (working_days is None) == (calendar_days is None):
        problems.append(
            Problem("deadline", N_("give exactly one of --working-days or --calendar-days"))
        )
    for option, count in (("working-days", working_days), ("calendar-days", calendar_days)):
        if count is not None and not 0 <= count <= MAX_DEADLINE_DAYS:
            problems.append(
                Problem(
                    option,
                    N_("expected a number of days from 0 to {largest}, got {given}"),
                    {"largest": str(MAX_DEADLINE_DAYS), "given": given(count)},
                )
            )
    code = jurisdiction.upper()
    if code not in JURISDICTIONS:
        problems.append(
            Problem(
                "jurisdiction",
                N_("expected one of {allowed}, got {given}"),
                {"allowed": ", ".join(JURISDICTIONS), "given": given(jurisdiction)},
            )
        )
    event = start.date()
    if not EARLIEST_DATE <= event <= LATEST_DATE:
        problems.append(
            Problem(
                "from",
                N_("expected a date between {earliest} and {latest}, got {given}"),
                {"earliest": str(EARLIEST_DATE), "latest": str(LATEST_DATE), "given": str(event)},
            )
        )
    if problems:
        raise InputErrors(problems)
    calendar = calendar_for(code)
    basis = Citation(code, "working-day calendar")
    rule = (
        WorkingDays(working_days, code, basis)
        if working_days is not None
        else CalendarDays(calendar_days or 0, basis)
    )
    due = rule.due(event)
    skipped = (
        calendar.non_working_days(event + dt.timedelta(days=1), due)
        if working_days is not None
        else []
    )
    if format is Format.json:
        _emit_json(
            {
                "jurisdiction": code,
                "from": event.isoformat(),
                "rule": rule.describe(),
                "due": due.isoformat(),
                "due_is_working_day": calendar.is_working_day(due),
                "calendar": calendar.source,
                "days_not_counted": [
                    {"date": d.date.isoformat(), "reason": d.reason} for d in skipped
                ],
            }
        )
        return
    console.print(
        f"{word('due', lang)}: [bold]{show(due, lang)}[/bold] ({due.isoformat()}) — {rule.describe()}"
    )
    if skipped:
        console.print(
            f"{word('days_off', lang)}: "
            + ", ".join(
                f"{d.date.isoformat()} ({d.reason})"
                if d.reason != "weekend"
                else d.date.isoformat()
                for d in skipped
            )
        )
    console.print(f"[dim]{word('calendar', lang)}: {calendar.source}[/dim]")


def main() -> None:  # pragma: no cover
    app()


def _wire_case_commands() -> None:
    """``isupport case …``: every command there reports errors the same friendly way."""
    from . import case_cli

    for command in case_cli.app.registered_commands:
        assert command.callback is not None
        command.callback = friendly(command.callback)
    app.add_typer(case_cli.app, name="case")


_wire_case_commands()
app.add_typer(accounts_cli.app, name="accounts")
policy_commands.register(app)  # whatif, call-sim


@app.command()
@friendly
def regions(
    plan_file: Annotated[Path, typer.Argument(help="investment plan (.yaml): facts + plan years")],
    as_of: AsOfOption = None,
    eligible_only: Annotated[
        bool, typer.Option(help="leave out regimes that still need an official's review")
    ] = False,
    format: FormatOption = Format.table,
    lang: LangOption = Lang.en,
) -> None:
    """Where should we build? Project a plan's taxes under every Russian regional regime it
    qualifies for (004 §2-§3), year by year, and rank them by saving."""
    from rich.table import Table

    from .i18n import show, word
    from .programs.ru.regions.plans import load_plan
    from .report import plain

    plan, enterprise_facts, plan_date = load_plan(plan_file)
    from .programs.ru.regions.projection import compare

    date = as_of.date() if as_of else plan_date or dt.date.today()
    comparison = compare(plan, enterprise_facts, date, include_review=not eligible_only)
    if format is Format.json:
        _emit_json(
            plain(
                {
                    "evaluated_as_of": date.isoformat(),
                    "ranking": [vars(rank) for rank in comparison.ranking()],
                    "years": comparison.rows(),
                    "not_projected": [vars(item) for item in comparison.not_projected],
                }
            )
        )
        return
    ranking = Table(
        title=f"{word('ranking', lang)} · {word('evaluated_as_of', lang)} {show(date, lang)}"
    )
    for key in ("rank", "program", "status", "tax", "standard_tax", "saving"):
        ranking.add_column(
            word(key, lang),
            justify="right" if "tax" in key or key == "saving" else "left",
            overflow="fold",
        )
    for rank in comparison.ranking():
        ranking.add_row(
            str(rank.rank),
            rank.regime,
            word(rank.status, lang),
            show(rank.total_tax, lang),
            show(rank.total_standard_tax, lang),
            show(rank.total_saving, lang),
        )
    console.print(ranking)
    for projection in comparison.projections:
        years = Table(title=projection.regime)
        for key in ("year", "residence_year", "tax", "standard_tax", "saving"):
            years.add_column(word(key, lang), justify="right")
        for row in projection.rows:
            years.add_row(
                str(row.year),
                str(row.residence_year),
                show(row.tax, lang),
                show(row.standard_tax, lang),
                show(row.saving, lang),
            )
        console.print(years)
    for item in comparison.not_projected:
        console.print(f"[dim]{item.regime}: {word(item.status, lang)} — {item.reason}[/dim]")


@app.command()
@friendly
def monitor(
    actuals: Annotated[Path, typer.Argument(help="actual values (.csv): indicator, year, value")],
    charts: Annotated[
        Path | None, typer.Option(help="folder to draw target-versus-actual charts into")
    ] = None,
    chart_format: Annotated[str, typer.Option(help="png or svg")] = "png",
    format: FormatOption = Format.table,
    lang: LangOption = Lang.en,
) -> None:
    """Judge Kazakhstan's State Program 2020-2025 indicators against their targets (001)."""
    from .monitoring import monitor_report
    from .report import plain

    if chart_format not in ("png", "svg"):
        raise IsupportError(f"chart-format: expected png or svg, got {chart_format!r}")
    report = monitor_report(actuals, charts, chart_format=chart_format)  # type: ignore[arg-type]
    if format is Format.json:
        _emit_json(plain(report.as_dict()))
    else:
        console.print(report.to_text(lang.value), highlight=False)


@app.command()
@friendly
def synth(
    rows: Annotated[int, typer.Option(help="number of enterprises")],
    out: Annotated[Path, typer.Option(help="output .parquet")],
    seed: Annotated[int, typer.Option(help="random seed: same seed, same register")] = 1,
) -> None:
    """Write a reproducible synthetic register of enterprises (JP, RU, KZ)."""
    from .batch.synth import write

    written = write(rows, seed, out)
    console.print(f"{written} enterprises written to {out}")


class Engine(StrEnum):
    local = "local"
    ray = "ray"


@app.command()
@friendly
def batch(
    source: Annotated[
        str,
        typer.Argument(help="register: .parquet or .csv (with --engine ray also a folder or URI)"),
    ],
    out: Annotated[
        str,
        typer.Option(
            help="results folder (replaced only when the run succeeds): JP/, RU/, KZ/ with one "
            "row per enterprise and a status and key amount per program, rejects/ with "
            "reasons, programs.parquet with each program's columns, currency and parameter "
            "version, and _SUCCESS (written last) with counts, rules hash and input checksum"
        ),
    ],
    as_of: AsOfOption = None,
    chunk_rows: Annotated[
        int, typer.Option(help="rows per chunk (bounds memory)")
    ] = 200_000,  # batch.screen.CHUNK_ROWS
    missing: Annotated[bool, typer.Option(help="add each result's missing facts (slower)")] = False,
    engine: Annotated[
        Engine, typer.Option(help="local: this machine; ray: a Ray cluster (Ray Data)")
    ] = Engine.local,
    ray_address: Annotated[
        str | None,
        typer.Option(help="Ray cluster to use (default: RAY_ADDRESS, else a local one)"),
    ] = None,
    strict: Annotated[
        bool, typer.Option(help="refuse a register with columns no program knows")
    ] = False,
    lang: LangOption = Lang.en,
) -> None:
    """Screen a whole register against every program, in chunks."""
    from rich.progress import Progress

    from .batch.run import input_warnings, register_rows, run_batch
    from .i18n import render_problem

    date = _date(as_of)
    if engine is Engine.local:
        # listed once, before the run: a misspelt column would leave its fact unknown
        prefix = "警告：" if lang is Lang.ja else "warning: "
        for problem in input_warnings(Path(source), strict):
            _say(f"{prefix}{source}: {render_problem(problem, lang.value)}")
    with Progress(console=errors, transient=True) as progress:
        task = progress.add_task("screening", total=register_rows(source))
        if engine is Engine.ray:
            from .batch.distributed import run_ray

            summary = run_ray(
                source,
                date,
                out,
                address=ray_address,
                chunk_rows=chunk_rows,
                missing=missing,
                on_chunk=lambda n: progress.advance(task, n),
            )
        else:
            if ray_address is not None:
                raise IsupportError("ray-address: only with --engine ray")
            summary = run_batch(
                Path(source),
                date,
                Path(out),
                chunk_rows=chunk_rows,
                missing=missing,
                on_chunk=lambda n: progress.advance(task, n),
            )
    console.print(
        f"{summary.rows} enterprises, {summary.rejected} rejected, "
        f"{summary.results} program results in {out}: "
        + ", ".join(f"{k} {v}" for k, v in sorted(summary.by_status.items()))
        + (f" (on {len(summary.by_node)} Ray nodes)" if summary.by_node else ""),
        soft_wrap=True,
    )


@app.command()
@friendly
def coverage(
    seed: Annotated[str | None, typer.Option(help="one seed: 000, 001, 002, 003 or 004")] = None,
    format: FormatOption = Format.table,
) -> None:
    """Every article, paragraph and item of the seeds with the rules citing it, or why none."""
    from .coverage.report import print_coverage

    print_coverage(seed, format.value, console)


@app.command()
@friendly
def serve(
    demo: Annotated[
        bool, typer.Option(help="start on a fresh SQLite file with demonstration data")
    ] = False,
    db: Annotated[
        str | None, typer.Option(help="database URL (default: ISUPPORT_DB or SQLite)")
    ] = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(help="server processes sharing the database (default: one per CPU core)"),
    ] = None,
) -> None:
    """Serve the web application and the HTTP API."""
    import os

    import uvicorn

    from .cases.db import DEFAULT_URL_ENV
    from .web import demo as demo_data
    from .web.app import create_app

    if demo and db is None:
        fresh = Path("var") / "demo.db"
        for leftover in (fresh, fresh.with_suffix(".db-wal"), fresh.with_suffix(".db-shm")):
            leftover.unlink(missing_ok=True)
        db = f"sqlite:///{fresh}"
    if workers is not None and workers < 1:
        raise IsupportError("workers: expected 1 or more")
    in_memory = db is not None and db.startswith("sqlite") and ":memory:" in db
    processes = 1 if in_memory else workers or os.cpu_count() or 1
    # This process migrates the schema and loads the demonstration data once, before any
    # worker starts; the workers then share the store (SQLite in WAL mode, or PostgreSQL).
    application = create_app(db)
    if demo:
        application.state.demo = demo_data.load(application.state.services)
        console.print(
            "Demonstration accounts: "
            + ", ".join(a.username for a in application.state.demo.accounts)
            + f" (password: {application.state.demo.password})"
        )
    console.print(
        f"isupport is serving on [bold]http://{host}:{port}/[/bold] (API: /docs)"
        + (f" with {processes} workers" if processes > 1 else "")
    )
    if processes == 1:
        uvicorn.run(application, host=host, port=port, log_level="warning")
        return
    if not os.environ.get("ISUPPORT_THROTTLE_URL"):
        errors.print(
            "warning: each worker counts sign-in attempts on its own; set "
            "ISUPPORT_THROTTLE_URL=redis://… to share the counts (README: Accounts)"
        )
    application.state.services.cases.engine.dispose()
    if db is not None:
        os.environ[DEFAULT_URL_ENV] = db  # what each worker's application opens
    # One Polars thread per worker: the workers already fill the cores, and a one-row
    # evaluation split across threads only waits on them.
    os.environ.setdefault("POLARS_MAX_THREADS", "1")
    uvicorn.run(
        "industrial_support.web.app:create_app",
        factory=True,
        workers=processes,
        host=host,
        port=port,
        log_level="warning",
    )
