"""`isupport coverage`: the map as a table for people or JSON for machines."""

from __future__ import annotations

import json
import sys

from rich.console import Console
from rich.table import Table

from ..engine.citations import SEEDS
from ..engine.errors import IsupportError
from .build import CoverageMap, Node, build_map

STATUS_TEXT = {
    "encoded": "encoded",
    "declarative": "declarative (no rule)",
    "not_modelled": "not modelled",
    "uncited": "not cited (other parts of the article are encoded)",
    "unaccounted": "UNACCOUNTED",
}


def chosen_seeds(seed: str | None) -> list[str]:
    if seed is None:
        return list(SEEDS)
    if seed not in SEEDS:
        raise IsupportError(f"seed: expected one of {', '.join(SEEDS)}, got {seed!r}")
    return [seed]


def where(node: Node) -> str:
    """The rules that cite the node, or the reason none does."""
    if node.uses:
        return "; ".join(f"{use.kind} {use.where}" for use in node.uses)
    if node.status == "not_modelled":
        return f"not modelled: {node.why['en']}"
    if node.status == "declarative":
        return f"declarative (no rule): {node.why['en']}"
    return STATUS_TEXT[node.status]


def print_coverage(seed: str | None, format: str, console: Console) -> None:
    seeds = chosen_seeds(seed)
    coverage = build_map()
    if format == "json":
        sys.stdout.write(json.dumps(coverage.as_json(seeds), ensure_ascii=False, indent=2) + "\n")
        return
    for name in seeds:
        _print_seed(coverage, name, console)
    for name, identifier in coverage.stale():
        if name in seeds:
            console.print(
                f"note: {name} {identifier} is encoded now; its entry in unencoded.yaml can go"
            )


def _print_seed(coverage: CoverageMap, seed: str, console: Console) -> None:
    counts = coverage.summary()[seed]
    table = Table(
        title=f"{seed} {SEEDS[seed]} — articles: {counts['encoded']} encoded, "
        f"{counts['declarative']} declarative, {counts['not_modelled']} not modelled",
        show_lines=False,
    )
    table.add_column("id", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("where it lives", overflow="fold")
    for node in coverage.nodes[seed].values():
        indent = "" if node.level == "article" else "  " if node.level == "paragraph" else "    "
        label = f"{node.id} {node.heading}" if node.heading else node.id
        table.add_row(indent + label, node.status, where(node))
    console.print(table)
