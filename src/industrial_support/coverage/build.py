"""Build the coverage map from the citations themselves plus the hand-kept file."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal

import yaml

from ..engine.citations import SEEDS, Citation, cite
from ..engine.parameters import ParameterSet

Status = Literal["encoded", "declarative", "not_modelled", "uncited", "unaccounted"]
Kind = Literal["program", "criterion", "value", "parameter", "step", "deadline", "target"]


@dataclass(frozen=True)
class Use:
    """One place that cites a seed: what kind of rule, which one, and the citation as written."""

    kind: Kind
    where: str
    ref: str


@dataclass(frozen=True)
class Entry:
    """A hand-kept entry: the node has no rule on purpose."""

    status: Literal["declarative", "not_modelled"]
    why: dict[str, str]  # {"en": ..., "ja": ...}


@dataclass
class Node:
    id: str
    level: str  # article | paragraph | item
    parent: str | None
    heading: str = ""  # our own short words, top-level units only
    children: list[str] = field(default_factory=list)
    uses: list[Use] = field(default_factory=list)
    entry: Entry | None = None
    status: Status = "unaccounted"
    why: dict[str, str] = field(default_factory=dict)  # the hand-kept reason, en and ja


@dataclass(frozen=True)
class ArticleRow:
    seed: str
    id: str
    status: Status


@dataclass
class CoverageMap:
    nodes: dict[str, dict[str, Node]]  # seed → id → node, in the seed's order
    unplaced: list[tuple[str, Use]]  # citations naming no node of the outline

    def stale(self) -> list[tuple[str, str]]:
        """Hand-kept entries of nodes that citations now encode: the entry can go."""
        return [
            (seed, node.id)
            for seed, nodes in self.nodes.items()
            for node in nodes.values()
            if node.entry is not None and node.status == "encoded"
        ]

    def articles(self, seed: str) -> list[Node]:
        return [node for node in self.nodes[seed].values() if node.level == "article"]

    def summary(self) -> dict[str, dict[str, int]]:
        """Per seed: how many articles are encoded, declarative, not modelled (unaccounted
        should be 0 — the test checks it)."""
        table = {}
        for seed in self.nodes:
            counts = {"encoded": 0, "declarative": 0, "not_modelled": 0, "unaccounted": 0}
            for node in self.articles(seed):
                counts[node.status] = counts.get(node.status, 0) + 1
            counts["uncited_parts"] = sum(
                1 for node in self.nodes[seed].values() if node.status == "uncited"
            )
            table[seed] = counts
        return table

    def as_json(self, seeds: Iterable[str] | None = None) -> dict[str, Any]:
        chosen = list(seeds) if seeds else list(self.nodes)
        return {
            "summary": {seed: self.summary()[seed] for seed in chosen},
            "seeds": {
                seed: {
                    "title": SEEDS[seed],
                    "nodes": [
                        {
                            "id": node.id,
                            "level": node.level,
                            "heading": node.heading or None,
                            "status": node.status,
                            "why": node.why or None,
                            "uses": [
                                {"kind": use.kind, "where": use.where, "cite": use.ref}
                                for use in node.uses
                            ],
                        }
                        for node in self.nodes[seed].values()
                    ],
                }
                for seed in chosen
            },
            "stale_entries": [
                {"seed": seed, "id": identifier}
                for seed, identifier in self.stale()
                if seed in chosen
            ],
            "unplaced": [
                {"seed": seed, "kind": use.kind, "where": use.where, "cite": use.ref}
                for seed, use in self.unplaced
                if seed in chosen
            ],
        }


# --- where the citations live -------------------------------------------------------------


def collect_citations() -> list[tuple[Citation, Use]]:
    """Every seed citation of every program, criterion, value, parameter, procedure step and
    module-level deadline rule, with where it lives."""
    from ..cases.procedure import all_procedures
    from ..engine.program import all_programs

    found: list[tuple[Citation, Use]] = []
    sets_seen: set[int] = set()
    for program in all_programs():
        found.append((program.citation, Use("program", program.id, str(program.citation))))
        for criterion in program.criteria:
            where = f"{program.id} / {criterion.id}"
            found.append((criterion.citation, Use("criterion", where, str(criterion.citation))))
        for value in program.values:
            where = f"{program.id} / {value.id}"
            found.append((value.citation, Use("value", where, str(value.citation))))
        if program.parameters is not None and id(program.parameters) not in sets_seen:
            sets_seen.add(id(program.parameters))
            found.extend(_parameter_citations(program.parameters))
    for module in _program_modules():
        for name, thing in vars(module).items():
            if isinstance(thing, ParameterSet) and id(thing) not in sets_seen:
                sets_seen.add(id(thing))
                found.extend(_parameter_citations(thing))
            elif (
                hasattr(thing, "due")  # a deadline rule kept at module level
                and isinstance(getattr(thing, "citation", None), Citation)
                and not name.startswith("_")
            ):
                citation = thing.citation
                found.append(
                    (citation, Use("deadline", f"{module.__name__}.{name}", str(citation)))
                )
    for procedure in all_procedures():
        found.append(
            (
                cite(procedure.submit_basis),
                Use("step", f"{procedure.id} / submit", procedure.submit_basis),
            )
        )
        opens = [("submit", spec) for spec in procedure.submit_opens]
        for step in procedure.steps:
            found.append(
                (step.citation, Use("step", f"{procedure.id} / {step.action}", step.basis))
            )
            opens.extend((step.action, spec) for spec in step.opens)
        for action, spec in opens:
            citation = spec.rule.citation
            where = f"{procedure.id} / {action} → {spec.kind}"
            found.append((citation, Use("deadline", where, str(citation))))
    found.extend(_target_citations())
    return [(citation, use) for citation, use in found if citation.is_seed]


def _target_citations() -> Iterator[tuple[Citation, Use]]:
    """The State Program's target and result indicators the monitor judges (monitoring.py)."""
    from ..engine.parameters import load_yaml
    from ..monitoring import TARGETS_PATH

    def walk(node: Any, path: str) -> Iterator[tuple[Citation, Use]]:
        if isinstance(node, dict):
            if isinstance(node.get("cite"), str):
                yield cite(node["cite"]), Use("target", path, node["cite"])
            for key, child in node.items():
                if key != "cite":
                    yield from walk(child, f"{path}.{key}" if path else str(key))
        elif isinstance(node, list):
            for index, child in enumerate(node):
                name = child.get("id", index) if isinstance(child, dict) else index
                yield from walk(child, f"{path}[{name}]")

    for citation, use in walk(load_yaml(TARGETS_PATH), ""):
        yield citation, Use("target", f"kz/targets_2020_2025.yaml: {use.where}", use.ref)


def _program_modules() -> Iterator[Any]:
    from .. import programs  # noqa: F401 - importing registers every program

    for name, module in sorted(sys.modules.items()):
        if name.startswith(("industrial_support.programs.", "industrial_support.cases.procedures")):
            yield module


def _parameter_citations(parameters: ParameterSet) -> Iterator[tuple[Citation, Use]]:
    source = parameters.source.replace("\\", "/").split("/programs/")[-1]
    for name, parameter in parameters.parameters.items():
        where = f"{source}: {name}"
        for entry in parameter.entries:
            if entry.cite:
                yield cite(entry.cite), Use("parameter", where, entry.cite)
            for row in (entry.table or {}).values():
                yield cite(row.cite), Use("parameter", where, row.cite)


# --- placing a citation on the outline ----------------------------------------------------

_HEAD = re.compile(r"^(Art\.\d+(?:-\d+)?|§\d+(?:[.-]\d+)*|decree|decision)")
_GROUP = re.compile(r"^\(([^()]+)\)")


def _split(ref: str) -> list[str]:
    """ "Art.29(7); Art.68(1)" and "Art.42-2(2), Art.65(1)" name two places."""
    parts = [part.strip() for part in re.split(r";\s*|,\s*(?=Art\.|§)", ref) if part.strip()]
    out: list[str] = []
    for part in parts:
        # "Arts.62-64" (a run of articles) and "Arts.42-1, 42-2" (a list of them)
        if run := re.fullmatch(r"Arts\.(\d+)-(\d+)", part):
            out.extend(f"Art.{n}" for n in range(int(run[1]), int(run[2]) + 1))
        elif part.startswith("Arts."):
            out.extend(f"Art.{number.strip()}" for number in part[5:].split(","))
        else:
            out.append(part)
    return out


def place(ref: str, outline: dict[str, Node]) -> list[str]:
    """The outline nodes a citation's reference names (the deepest that exist)."""
    placed: list[str] = []
    for part in _split(ref):
        placed.extend(_place_one(part, outline))
    return list(dict.fromkeys(placed))


def _place_one(ref: str, outline: dict[str, Node]) -> list[str]:
    head = _HEAD.match(ref)
    if head is None:
        return []
    base = head[1]
    rest = ref[head.end() :]
    groups: list[str] = []
    while match := _GROUP.match(rest):
        groups.append(match[1])
        rest = rest[match.end() :]
    alternatives: list[list[str]] = [groups]
    # "(i)-(v)" and "(6),(7)": a range or a list of siblings
    if match := re.match(r"^-\(([^()]+)\)", rest):
        alternatives = [
            [*groups[:-1], sibling] for sibling in _range(groups, match[1], base, outline)
        ]
        rest = rest[match.end() :]
    elif match := re.match(r"^,\(([^()]+)\)", rest):
        alternatives = [groups, [*groups[:-1], match[1]]]
        rest = rest[match.end() :]
    words = rest.split()
    label = " ".join(words[:2]) if words else ""  # "step 2", "col.1", "No.30", "Group 1"
    label = label if re.match(r"^(step \d+|Group \d+)$", label) else (words[0] if words else "")
    placed = []
    for path in alternatives:
        placed.append(_deepest(base, path, label, outline))
    return [node for node in placed if node]


def _range(groups: list[str], end: str, base: str, outline: dict[str, Node]) -> list[str]:
    if not groups:
        return []
    start = groups[-1]
    parent = base + "".join(f"({g})" for g in groups[:-1])
    siblings = [
        child.rsplit("(", 1)[-1].rstrip(")")
        for child in outline.get(parent, Node("", "", None)).children
    ]
    if start in siblings and end in siblings:
        return siblings[siblings.index(start) : siblings.index(end) + 1]
    return [start]


def _deepest(base: str, groups: list[str], label: str, outline: dict[str, Node]) -> str | None:
    candidates = []
    for depth in range(len(groups), -1, -1):
        stem = base + "".join(f"({g})" for g in groups[:depth])
        if depth == len(groups) and label:
            candidates.append(f"{stem} {label}")
        candidates.append(stem)
    # "§5.3" not in the excerpt: fall back to its parent section "§5"
    section = base
    while "." in section[1:] or "-" in section[1:]:
        section = re.sub(r"[.-]\d+$", "", section)
        candidates.append(section)
    return next((candidate for candidate in candidates if candidate in outline), None)


# --- the map --------------------------------------------------------------------------------


def load_outline() -> dict[str, dict[str, Node]]:
    text = resources.files(__package__).joinpath("outline.yaml").read_text(encoding="utf-8")
    raw: dict[str, list[dict[str, str]]] = yaml.safe_load(text)
    outline: dict[str, dict[str, Node]] = {}
    for seed, rows in raw.items():
        nodes = {
            row["id"]: Node(row["id"], row["level"], row.get("parent"), row.get("heading", ""))
            for row in rows
        }
        for node in nodes.values():
            if node.parent:
                nodes[node.parent].children.append(node.id)
        outline[seed] = nodes
    return outline


def load_entries() -> dict[str, dict[str, Entry]]:
    text = resources.files(__package__).joinpath("unencoded.yaml").read_text(encoding="utf-8")
    raw: dict[str, dict[str, dict[str, Any]]] = yaml.safe_load(text)
    entries: dict[str, dict[str, Entry]] = {}
    for seed, items in raw.items():
        entries[seed] = {}
        for identifier, body in items.items():
            status = body["status"]
            if status not in ("declarative", "not_modelled"):
                raise ValueError(f"unencoded.yaml: {seed} {identifier}: bad status {status!r}")
            why = body.get("why")
            if not (isinstance(why, dict) and set(why) == {"en", "ja"} and all(why.values())):
                raise ValueError(f"unencoded.yaml: {seed} {identifier}: 'why' needs en and ja")
            entries[seed][identifier] = Entry(status, why)
    return entries


def build_map(citations: list[tuple[Citation, Use]] | None = None) -> CoverageMap:
    outline = load_outline()
    entries = load_entries()
    unplaced: list[tuple[str, Use]] = []
    for citation, use in citations if citations is not None else collect_citations():
        nodes = outline[citation.source]
        placed = place(citation.ref, nodes)
        if not placed:
            unplaced.append((citation.source, use))
        for identifier in placed:
            if use not in nodes[identifier].uses:
                nodes[identifier].uses.append(use)
    for seed, nodes in outline.items():
        for identifier, entry in entries.get(seed, {}).items():
            if identifier not in nodes:
                raise ValueError(f"unencoded.yaml: {seed} {identifier} is not in the outline")
            nodes[identifier].entry = entry
        for node in nodes.values():
            _settle(node, nodes)
    return CoverageMap(outline, unplaced)


def _encoded(node: Node, nodes: dict[str, Node]) -> bool:
    return bool(node.uses) or any(_encoded(nodes[child], nodes) for child in node.children)


def _settle(node: Node, nodes: dict[str, Node]) -> None:
    if _encoded(node, nodes):
        node.status = "encoded"
        return
    holder: Node | None = node  # the nearest hand-kept entry on the node or above it
    while holder is not None and holder.entry is None:
        holder = nodes[holder.parent] if holder.parent else None
    if holder is not None and holder.entry is not None:
        node.status, node.why = holder.entry.status, holder.entry.why
    elif node.level == "article" and node.parent is None:
        node.status = "unaccounted"
    else:
        # a part of an article that other parts encode, that no rule cites
        node.status = "uncited" if node.level != "article" else "unaccounted"
