"""``programs --reform`` and ``explain --reform``: the reformed rules, changed values marked."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from ..engine.cases import Case
from ..engine.errors import IsupportError
from ..engine.evaluate import RuleSet
from ..engine.program import Program, text
from ..engine.reform import Reform, change_rows, is_proposed, load_reform
from ..i18n import show
from ..report import plain, print_explanation, program_json

MARK = "*"


def _emit(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _reform_json(reform: Reform, date: dt.date, lang: str) -> dict[str, Any]:
    return {
        "id": reform.id,
        "title": text(reform.title, lang),
        "changes": [plain(row) for row in change_rows(reform, date)],
    }


def _changes_table(reform: Reform, date: dt.date, lang: str) -> Table:
    table = Table(title=f"{MARK} {reform.id}: {text(reform.title, lang)} · {show(date, lang)}")
    for key in ("program", "change", "name", "from", "law", "reform", "citation"):
        table.add_column(key, overflow="fold")
    for row in change_rows(reform, date):
        table.add_row(
            row["program"],
            row["kind"],
            f"{MARK} {row['name']}",
            row["from"] + ("" if row["in_effect"] else " (later)"),
            show(row["law"], lang),
            show(row["reform"], lang),
            row["citation"],
        )
    return table


def show_reformed_programs(
    path: Path, chosen: list[Program], date: dt.date, fmt: str, lang: str, console: Console
) -> None:
    reform = load_reform(path)
    touched = set(reform.program_ids)
    reformed = reform.apply_all(chosen)
    if fmt == "json":
        _emit(
            {
                "reform": _reform_json(reform, date, lang),
                "programs": [
                    {
                        "id": p.id,
                        "jurisdiction": p.jurisdiction,
                        "title": text(p.title, lang),
                        "in_force": p.in_force(date),
                        "reformed": p.id in touched,
                        "criteria": [
                            {"id": c.id, "citation": str(c.citation)}
                            for c in p.in_force_on(date)[0]
                        ],
                    }
                    for p in reformed
                ],
            }
        )
        return
    table = Table(title=f"{len(reformed)} programs · {show(date, lang)}")
    for key in ("id", "jurisdiction", "kind", "title", "source"):
        table.add_column(key, overflow="fold")
    for p in reformed:
        mark = f"{MARK} " if p.id in touched else ""
        table.add_row(mark + p.id, p.jurisdiction, p.kind, text(p.title, lang), str(p.citation))
    console.print(table)
    console.print(_changes_table(reform, date, lang))


def explain_reformed(
    path: Path,
    chosen: list[Program],
    case: Case,
    date: dt.date,
    fmt: str,
    lang: str,
    console: Console,
) -> None:
    reform = load_reform(path)
    rules = RuleSet(reform.apply_all(chosen), date)
    if rules.not_in_force or rules.unavailable or not rules.programs:
        reason = "; ".join(rules.unavailable.values()) or "not in force"
        raise IsupportError(f"program: {chosen[0].id} cannot be evaluated on {date}: {reason}")
    (result,) = rules.explain(case.facts)
    if fmt == "json":
        body = program_json(result, lang, trace=True)
        for part in (*body["criteria"], *body["values"]):
            for parameter in part.get("parameters", []):
                parameter["reformed"] = parameter["citations"][0].startswith("proposal ")
        _emit(
            body | {"evaluated_as_of": date.isoformat(), "reform": _reform_json(reform, date, lang)}
        )
        return
    print_explanation(console, result, lang)
    used = {p.name: p for c in result.criteria for p in c.parameters}
    used.update({p.name: p for v in result.values for p in v.parameters})
    proposed = sorted(name for name, p in used.items() if is_proposed(p.citations))
    console.print(_changes_table(reform, date, lang))
    console.print(f"{MARK} proposed values used: {', '.join(proposed) or 'none'}")
