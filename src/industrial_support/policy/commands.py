"""The policy-simulation sub-commands (``whatif``, ``call-sim``), registered on the main app
by :func:`register` so that cli.py needs one line."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ..engine.errors import IsupportError

console = Console()
errors = Console(stderr=True)


def whatif(
    register: Annotated[Path, typer.Argument(help="register: .parquet or .csv")],
    reform: Annotated[Path, typer.Option("--reform", help="reform file (YAML)")],
    out: Annotated[Path, typer.Option("--out", help="results folder (replaced)")],
    as_of: Annotated[
        dt.datetime | None,
        typer.Option("--as-of", formats=["%Y-%m-%d"], help="evaluation date (default: today)"),
    ] = None,
    chunk_rows: Annotated[int, typer.Option(help="rows per chunk (bounds memory)")] = 200_000,
    lang: Annotated[str, typer.Option("--lang", help="en or ja (the report)")] = "en",
) -> None:
    """Law against a reform over one register in one pass: counts, transitions, amounts."""
    from ..engine.reform import load_reform
    from .whatif import run_whatif
    from .whatif_report import write_whatif

    try:
        date = as_of.date() if as_of else dt.date.today()
        result = run_whatif(register, date, load_reform(reform), chunk_rows=chunk_rows)
        data = write_whatif(result, out, lang)
    except IsupportError as error:
        errors.print(f"[red]error:[/red] {error}", highlight=False)
        raise typer.Exit(2) from None
    moved = sum(t["count"] for p in data["programs"] for t in p["transitions"])
    console.print(
        f"{data['rows']} enterprises, {moved} results changed status, "
        f"{data['changed_results']} changed outcome; report: {out / 'report.html'}"
    )


def call_sim(
    procedure: Annotated[str, typer.Option("--procedure", help="procedure id: ru.pp1176")],
    budget: Annotated[str, typer.Option("--budget", help='the call\'s limit, e.g. "3e9 RUB"')],
    register: Annotated[Path, typer.Option("--register", help="register: .parquet or .csv")],
    arrivals: Annotated[
        Path | None,
        typer.Option("--arrivals", help="CSV of enterprise_id,submitted_at (ISO date-time)"),
    ] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="draw arrival times")] = None,
    start: Annotated[
        dt.datetime | None,
        typer.Option("--start", formats=["%Y-%m-%d"], help="first day of drawn arrivals"),
    ] = None,
    curve: Annotated[bool, typer.Option(help="also the cut-off at 25%-200% of the budget")] = True,
) -> None:
    """Which applicants a Decree 1176 call would fund in order of arrival (003 §9, §13)."""
    import json

    from ..engine.money import normalise
    from .call_sim import PROCEDURE, load_applicants, parse_budget, sensitivity, simulate

    def side(result: Any) -> dict[str, Any]:
        return {
            "budget": normalise(result.budget.amount),
            "committed": normalise(result.committed.amount),
            "cut_off": result.cut_off,
            "funded": [
                {"enterprise_id": e, "amount": normalise(m.amount)} for e, m in result.funded
            ],
            "deferred": [
                {"enterprise_id": e, "amount": normalise(m.amount)} for e, m in result.deferred
            ],
        }

    try:
        if procedure != PROCEDURE:
            raise IsupportError(f"procedure: expected {PROCEDURE}, got {procedure!r}")
        limit = parse_budget(budget)
        first = start.date() if start else dt.date.today()
        applicants = load_applicants(register, arrivals, seed, first)
        result = simulate(applicants, limit)
        body = side(result) | {
            "currency": limit.currency,
            "arrival_order": result.order,
            "refused": [{"enterprise_id": e, "why": w} for e, w in result.refused],
        }
        if curve:
            body["sensitivity"] = [
                {k: v for k, v in side(r).items() if k in ("budget", "committed", "cut_off")}
                | {"funded": len(r.funded), "deferred": len(r.deferred)}
                for r in sensitivity(applicants, limit)
            ]
    except IsupportError as error:
        errors.print(f"[red]error:[/red] {error}", highlight=False)
        raise typer.Exit(2) from None
    sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")


def register(app: typer.Typer) -> None:
    app.command("whatif")(whatif)
    app.command("call-sim")(call_sim)
