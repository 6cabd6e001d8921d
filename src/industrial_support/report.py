"""Results as stable JSON for machines and as Rich tables for people.

The JSON shape of ``screen`` (documented in README.md) is::

    {"cases": [{"case": {...}, "evaluated_as_of": "YYYY-MM-DD", "not_in_force": [...],
                "unavailable": [{"id", "reason"}],   # numbers not in force on the date
                "programs": [{"id", "title", "kind", "status", "source",
                              "values": [{"id", "label", "kind", "value", "unit",
                                          "citation"}],
                              "criteria": [{"id", "label", "status", "citation"}],
                              "missing_facts": [...]}]}]}

A value's ``kind`` is ``entitlement`` (what the program gives: null where it is refused),
``requirement`` or ``deadline`` (what the law asks: given whatever the status).
``explain`` adds, per criterion and value, the facts and parameters it read.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .engine.cases import Case
from .engine.evaluate import ProgramResult
from .engine.money import Money, normalise
from .engine.outcomes import Outcome
from .engine.parameters import Resolved
from .engine.program import text
from .i18n import show, status_label, word


def plain(value: Any) -> Any:
    """A JSON-safe value: money and decimals as exact strings, dates as ISO text."""
    if isinstance(value, Money):
        return normalise(value.amount)
    if isinstance(value, Decimal):
        return normalise(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def _unique(parameters: Any) -> list[Resolved]:
    """Parameters read by several rules, once each (by name)."""
    return list({p.name: p for p in parameters}.values())


def _parameter(resolved: Resolved) -> dict[str, Any]:
    return {
        "name": resolved.name,
        "value": plain(resolved.value),
        "unit": resolved.unit,
        "effective_from": resolved.effective_from.isoformat(),
        "effective_to": resolved.effective_to.isoformat() if resolved.effective_to else None,
        "citations": [str(c) for c in resolved.citations],
    }


def program_json(result: ProgramResult, lang: str, trace: bool = False) -> dict[str, Any]:
    program = result.program
    criteria = []
    for c in result.criteria:
        row: dict[str, Any] = {
            "id": c.criterion.id,
            "label": getattr(c.criterion, lang),
            "status": c.outcome.label,
            "citation": str(c.criterion.citation),
        }
        if c.criterion.requires is not None:
            row["see_program"] = c.criterion.requires.id
        if trace:
            row["facts"] = plain(c.facts)
            row["parameters"] = [_parameter(p) for p in _unique(c.parameters)]
        criteria.append(row)
    values = []
    for v in result.values:
        entry: dict[str, Any] = {
            "id": v.value.id,
            "label": getattr(v.value, lang),
            "kind": v.value.kind,
            "value": plain(v.result),
            "unit": v.value.unit,
            "citation": str(v.value.citation),
        }
        if trace:
            entry["facts"] = plain(v.facts)
            entry["parameters"] = [_parameter(p) for p in _unique(v.parameters)]
        values.append(entry)
    return {
        "id": program.id,
        "title": text(program.title, lang),
        "kind": program.kind,
        "status": result.status.value,
        "source": str(program.citation),
        "values": values,
        "criteria": criteria,
        "missing_facts": list(result.missing_facts),
    }


def case_json(
    case: Case,
    as_of: dt.date,
    results: list[ProgramResult],
    not_in_force: list[str],
    unavailable: dict[str, str],
    lang: str,
    trace: bool = False,
) -> dict[str, Any]:
    return {
        "case": {
            "id": case.id,
            "name": case.name,
            "jurisdiction": case.jurisdiction,
            "facts_as_of": case.facts_as_of.isoformat() if case.facts_as_of else None,
        },
        "evaluated_as_of": as_of.isoformat(),
        "not_in_force": not_in_force,
        "unavailable": [{"id": pid, "reason": reason} for pid, reason in unavailable.items()],
        "programs": [program_json(r, lang, trace) for r in results],
    }


_STATUS_STYLE = {
    "eligible": "green",
    "ineligible": "red",
    "needs_review": "yellow",
    "undetermined": "cyan",
}


def print_screen(
    console: Console,
    case: Case,
    as_of: dt.date,
    results: list[ProgramResult],
    lang: str,
    unavailable: dict[str, str] | None = None,
) -> None:
    caption = f"{word('evaluated_as_of', lang)} {show(as_of, lang)}"
    if case.facts_as_of:
        caption += f" · {word('facts_as_of', lang)} {show(case.facts_as_of, lang)}"
    table = Table(title=f"{case.name} ({case.jurisdiction})", caption=caption, show_lines=True)
    for key in ("program", "status", "values", "why"):
        table.add_column(word(key, lang), overflow="fold")
    for result in results:
        status = result.status.value
        values = "\n".join(
            _value_line(v.value.kind, getattr(v.value, lang), show(v.result, lang), lang)
            for v in result.values
            if v.result is not None
        )
        table.add_row(
            f"{text(result.program.title, lang)}\n[dim]{result.program.id} · {result.program.citation}[/dim]",
            f"[{_STATUS_STYLE[status]}]{status_label(status, result.program.kind, lang)}[/]",
            values,
            _why(result, lang),
        )
    console.print(table)
    for pid, reason in (unavailable or {}).items():
        console.print(f"[yellow]{word('unavailable', lang)}[/yellow] {pid}: {reason}")


def _flagged(kind: str, unit: str, result: Any, shown: str) -> str:
    """A requirement the case does not keep (003 §16's V above 1, say) is marked."""
    if kind == "requirement" and unit == "flag" and result is False:
        return f"[red]✗ {escape(shown)}[/red]"
    return escape(shown)


def _value_line(kind: str, label: str, shown: str, lang: str) -> str:
    """Entitlements plain; what the law asks marked, since it shows for a refusal too."""
    if kind == "entitlement":
        return f"{label}: {shown}"
    return escape(f"[{word(kind, lang)}] {label}: {shown}")


def _why(result: ProgramResult, lang: str) -> str:
    """What decides the status: failed criteria, pending reviews, or the facts to give."""
    wanted = {"ineligible": Outcome.NOT_MET, "needs_review": Outcome.REVIEW}.get(
        result.status.value
    )
    if wanted is None:
        return ", ".join(result.missing_facts)
    return "\n".join(
        f"✗ {getattr(c.criterion, lang)} ({c.criterion.citation})"
        if wanted is Outcome.NOT_MET
        else f"? {getattr(c.criterion, lang)} ({c.criterion.citation})"
        for c in result.criteria
        if c.outcome is wanted
    )


def print_explanation(console: Console, result: ProgramResult, lang: str) -> None:
    program = result.program
    status = result.status.value
    console.print(
        f"[bold]{text(program.title, lang)}[/bold] ({program.id}, {program.citation}): "
        f"[{_STATUS_STYLE[status]}]{status_label(status, program.kind, lang)}[/]"
    )
    criteria = Table(show_lines=True)
    for key in ("criterion", "status", "citation", "facts_used"):
        criteria.add_column(word(key, lang), overflow="fold")
    for c in result.criteria:
        label = getattr(c.criterion, lang)
        if c.criterion.requires is not None:
            label += f" → {c.criterion.requires.id}"
        criteria.add_row(
            label,
            word(c.outcome.label, lang),
            str(c.criterion.citation),
            "\n".join(f"{name} = {show(value, lang)}" for name, value in c.facts.items()),
        )
    console.print(criteria)
    if result.values:
        values = Table(title=word("values", lang), show_lines=False)
        for key in ("value", "value_kind", "status", "citation"):
            values.add_column(word(key, lang) if key != "status" else "", overflow="fold")
        for v in result.values:
            values.add_row(
                getattr(v.value, lang),
                word(v.value.kind, lang),
                _flagged(v.value.kind, v.value.unit, v.result, show(v.result, lang)),
                str(v.value.citation),
            )
        console.print(values)
    used = _unique(
        [p for c in result.criteria for p in c.parameters]
        + [p for v in result.values for p in v.parameters]
    )
    if used:
        parameters = Table(title=word("parameters", lang))
        for key in ("fact", "value", "effective", "citation"):
            parameters.add_column(word(key, lang) if key != "fact" else "", overflow="fold")
        for p in sorted(used, key=lambda item: item.name):
            parameters.add_row(
                f"{p.name}\n[dim]{getattr(p, lang)}[/dim]",
                f"{show(p.value, lang)} {p.unit}",
                p.effective_from.isoformat(),
                ", ".join(str(c) for c in p.citations),
            )
        console.print(parameters)
    if result.missing_facts:
        console.print(f"{word('missing', lang)}: {', '.join(result.missing_facts)}")
