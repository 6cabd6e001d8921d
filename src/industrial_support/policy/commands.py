"""The policy-simulation sub-commands (``whatif``, ``call-sim``), registered on the main app
by :func:`register` so that cli.py needs one line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

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


def register(app: typer.Typer) -> None:
    app.command("whatif")(whatif)
