"""Mutation pass over the law's numbers and comparisons (`make mutate`, not part of `make test`).

    .venv/bin/python scripts/mutate.py [--only jp/sme.yaml] [--no-parameters] [--no-flips]

1. Every numeric cell of every parameter file is perturbed, one at a time: +1 for whole units
   (persons, days, counts, ...), +0.01 for ratios, ×1.01 for amounts (+1 when the amount is 0).
2. Every comparison (<, <=, >, >=, ==, !=) in a criterion function is flipped at its boundary
   (< ↔ <=, > ↔ >=, == ↔ !=), and every ``is_between`` has one end opened, one at a time, by
   recompiling the function from its AST.

Each mutant runs, in this process, the hand-worked cases (tests/programs/*/cases/*.yaml) that
can see it: for a number, the cases that read that parameter entry in the clean run; for a
comparison, the cases of the criterion's program and of programs that require it. A mutant no
case notices is a survivor. A cell whose entry no clean case reads is listed apart: "unexercised"
when a rule names the parameter (a case on a date the entry covers is missing), "unread" when no
Python source names it at all (a number no rule reads). Exit status 1 when anything survives.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import datetime as dt
import functools
import importlib
import inspect
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.casefiles import check, discover  # noqa: E402

from industrial_support.engine.parameters import (  # noqa: E402
    INTEGER_UNITS,
    Parameter,
    ParameterSet,
)
from industrial_support.engine.program import Criterion, Program, all_programs  # noqa: E402

PROGRAMS_DIR = ROOT / "src" / "industrial_support" / "programs"
FLIPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
}
SYMBOL = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}


@dataclasses.dataclass
class Outcome:
    label: str
    status: str  # killed | survived | unexercised | unread
    cases: int = 0


# --- what runs: the case files and the acts' own hand-worked tests ------------------------


@dataclasses.dataclass(frozen=True)
class Unit:
    """One hand-worked check: a case of a case file, or a test function of an act's tests
    (tests/programs/<country>/test_*.py) that needs no fixture."""

    name: str
    run: Callable[[], None]


def case_units() -> list[Unit]:
    return [Unit(spec.test_id, functools.partial(check, spec)) for spec in discover()]


def act_test_units() -> list[Unit]:
    units: list[Unit] = []
    for path in sorted((ROOT / "tests" / "programs").glob("*/test_*.py")):
        if path.name == "test_case_files.py":
            continue
        module = importlib.import_module(f"tests.programs.{path.parent.name}.{path.stem}")
        for name, function in vars(module).items():
            if name.startswith("test_") and inspect.isfunction(function):
                label = f"{path.parent.name}/{path.stem}::{name}"
                units.extend(_calls(label, function))
    return units


def _calls(label: str, function: Callable[..., Any]) -> Iterator[Unit]:
    wanted = list(inspect.signature(function).parameters)
    if not wanted:
        yield Unit(label, function)
        return
    marks = [m for m in getattr(function, "pytestmark", []) if m.name == "parametrize"]
    if len(marks) != 1:
        return  # needs a fixture: pytest runs it, the mutation pass does not
    argnames, rows = marks[0].args[0], marks[0].args[1]
    names = (
        [n.strip() for n in argnames.split(",")] if isinstance(argnames, str) else list(argnames)
    )
    if sorted(names) != sorted(wanted):
        return
    for index, row in enumerate(rows):
        values = row.values if type(row).__name__ == "ParameterSet" else row
        arguments = tuple(values) if len(names) > 1 else (values,)
        yield Unit(
            f"{label}[{index}]",
            functools.partial(function, **dict(zip(names, arguments, strict=True))),
        )


# --- the clean run: which unit reads which parameter entry, builds which criterion -------


def parameter_sets() -> dict[str, ParameterSet]:
    """Every loaded parameter file, by its path under programs/."""
    all_programs()
    found: dict[int, ParameterSet] = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("industrial_support."):
            for thing in vars(module).values():
                if isinstance(thing, ParameterSet):
                    found[id(thing)] = thing
    return {_short(pset.source): pset for pset in found.values()}


def _short(source: str) -> str:
    return source.replace("\\", "/").split("/programs/")[-1]


def clean_run(
    units: list[Unit],
) -> tuple[list[Unit], dict[tuple[int, dt.date], set[int]], dict[tuple[str, int], set[int]]]:
    """Run every unit once; keep those that pass, with what each one read: (parameter object,
    entry start) and (program id, criterion index) of every criterion it built."""
    reads: dict[tuple[int, dt.date], set[int]] = defaultdict(set)
    builds: dict[tuple[str, int], set[int]] = defaultdict(set)
    original = Parameter.as_of
    current: list[int] = []

    def recording(self: Parameter, date: dt.date) -> Any:
        resolved = original(self, date)
        if current:
            reads[(id(self), resolved.effective_from)].add(current[0])
        return resolved

    def watched(key: tuple[str, int], build: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any) -> Any:
            if current:
                builds[key].add(current[0])
            return build(*args)

        return run

    saved = {program.id: list(program.criteria) for program in all_programs()}
    for program in all_programs():
        for index, criterion in enumerate(program.criteria):
            if criterion.build is not None:
                wrapped = watched((program.id, index), criterion.build)
                program.criteria[index] = dataclasses.replace(criterion, build=wrapped)
    Parameter.as_of = recording  # type: ignore[method-assign]
    passing: list[int] = []
    try:
        for index, unit in enumerate(units):
            current[:] = [index]
            try:
                unit.run()
                passing.append(index)
            except Exception as error:
                # a unit failing before any mutation is the suite's problem: reported, left out
                print(
                    f"clean run: {unit.name} fails ({type(error).__name__}); left out",
                    file=sys.stderr,
                )
    finally:
        Parameter.as_of = original  # type: ignore[method-assign]
        for program in all_programs():
            program.criteria[:] = saved[program.id]
    keep = set(passing)
    reads = {key: value & keep for key, value in reads.items()}
    builds = {key: value & keep for key, value in builds.items()}
    return units, reads, builds


def kills(units: list[Unit], chosen: set[int]) -> bool:
    for index in sorted(chosen):
        try:
            units[index].run()
        except Exception:  # an assertion, or an error the mutant provokes: both notice it
            return True
    return False


# --- numbers ------------------------------------------------------------------------------


def perturb(value: Any, unit: str) -> Any | None:
    """The mutant of one cell, or None for a cell that is not a number."""
    if isinstance(value, bool) or unit in ("text", "date", "flag"):
        return None
    if not isinstance(value, int | Decimal):
        return None
    if unit in INTEGER_UNITS:
        return value + 1
    if unit == "ratio":
        return Decimal(value) + Decimal("0.01")
    if value == 0:
        return Decimal(1)
    return (Decimal(value) * Decimal("1.01")).quantize(Decimal("0.01"))


def cell_mutants(parameter: Parameter) -> Iterator[tuple[str, dt.date, Callable[[], Parameter]]]:
    """(label, entry start, build the mutated parameter) for every numeric cell."""
    definition = parameter.definition
    for position, entry in enumerate(parameter.entries):

        def rebuild(new_entry: Any, position: int = position) -> Parameter:
            entries = list(parameter.entries)
            entries[position] = new_entry
            return Parameter(parameter.name, definition.model_copy(update={"values": entries}))

        where = f"{parameter.name} [{entry.from_}]"
        if entry.table is not None:
            for key, row in entry.table.items():
                mutant = perturb(row.value, definition.unit)
                if mutant is None:
                    continue
                table = dict(entry.table)
                table[key] = row.model_copy(update={"value": mutant})
                new = entry.model_copy(update={"table": table})
                yield (
                    f"{where}[{key}] {row.value} → {mutant}",
                    entry.from_,
                    functools.partial(rebuild, new),
                )
        elif isinstance(entry.value, list):
            for item, raw in enumerate(entry.value):
                mutant = perturb(raw, definition.unit)
                if mutant is None:
                    continue
                values = list(entry.value)
                values[item] = mutant
                new = entry.model_copy(update={"value": values})
                yield (
                    f"{where}[{item}] {raw} → {mutant}",
                    entry.from_,
                    functools.partial(rebuild, new),
                )
        else:
            mutant = perturb(entry.value, definition.unit)
            if mutant is not None:
                new = entry.model_copy(update={"value": mutant})
                yield (
                    f"{where} {entry.value} → {mutant}",
                    entry.from_,
                    functools.partial(rebuild, new),
                )


def named_in_code(name: str, sources: str) -> bool:
    return f".{name}" in sources or f'"{name}"' in sources or f"'{name}'" in sources


def mutate_numbers(
    units: list[Unit], reads: dict[tuple[int, dt.date], set[int]], only: str | None
) -> Iterator[Outcome]:
    sources = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "src").rglob("*.py"))
    for source, pset in sorted(parameter_sets().items()):
        if only and only not in source:
            continue
        for name, parameter in list(pset.parameters.items()):
            for label, start, build in cell_mutants(parameter):
                full = f"{source}: {label}"
                chosen = reads.get((id(parameter), start), set())
                if not chosen:
                    unread = not named_in_code(name, sources)
                    yield Outcome(full, "unread" if unread else "unexercised")
                    continue
                pset.parameters[name] = build()
                try:
                    killed = kills(units, chosen)
                finally:
                    pset.parameters[name] = parameter
                yield Outcome(full, "killed" if killed else "survived", len(chosen))


# --- comparisons --------------------------------------------------------------------------


def _is_criterion(function: ast.FunctionDef) -> bool:
    for decorator in function.decorator_list:
        call = decorator if isinstance(decorator, ast.Call) else None
        if call and isinstance(call.func, ast.Attribute) and call.func.attr == "criterion":
            return True
    return False


@dataclasses.dataclass(frozen=True)
class Site:
    """One edit of a criterion's AST: ``apply`` makes the mutant, ``undo`` restores it."""

    function: ast.FunctionDef
    line: int
    what: str
    apply: Callable[[], None]
    undo: Callable[[], None]


def criterion_sites(module: ModuleType) -> Iterator[Site]:
    """Each comparison flipped at its boundary, and each ``is_between`` (both ends included
    unless it says otherwise) with one end opened."""
    tree = ast.parse(inspect.getsource(module))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and _is_criterion(node):
            body = [inner for statement in node.body for inner in ast.walk(statement)]
            for inner in body:  # the body only: the decorator's `applies` is not recompiled
                if isinstance(inner, ast.Compare):
                    for position, op in enumerate(inner.ops):
                        if type(op) in FLIPS:
                            yield _flip(node, inner, position, op)
                elif (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and inner.func.attr == "is_between"
                ):
                    yield from _open_ends(node, inner)


def _flip(function: ast.FunctionDef, compare: ast.Compare, position: int, op: ast.cmpop) -> Site:
    flipped = FLIPS[type(op)]()
    what = f"{SYMBOL[type(op)]} → {SYMBOL[type(flipped)]}"

    def apply() -> None:
        compare.ops[position] = flipped

    def undo() -> None:
        compare.ops[position] = op

    return Site(function, compare.lineno, what, apply, undo)


def _open_ends(function: ast.FunctionDef, call: ast.Call) -> Iterator[Site]:
    given = [k for k in call.keywords if k.arg == "closed"]
    current = given[0].value.value if given and isinstance(given[0].value, ast.Constant) else "both"
    if current != "both":
        return
    original = list(call.keywords)
    for closed in ("left", "right"):

        def apply(closed: str = closed) -> None:
            keywords = [k for k in original if k.arg != "closed"]
            call.keywords = [*keywords, ast.keyword(arg="closed", value=ast.Constant(closed))]

        def undo() -> None:
            call.keywords = list(original)

        yield Site(function, call.lineno, f"is_between both ends → closed={closed!r}", apply, undo)


def _owner(module: ModuleType, function: ast.FunctionDef) -> list[tuple[Program, int]]:
    """Where the criterion built by ``function`` sits: (program, index in its criteria)."""
    first_line = min([d.lineno for d in function.decorator_list] + [function.lineno])
    found = []
    for program in all_programs():
        for index, criterion in enumerate(program.criteria):
            build = criterion.build
            if (
                build is not None
                and build.__module__ == module.__name__
                and build.__code__.co_firstlineno in (first_line, function.lineno)
            ):
                found.append((program, index))
    return found


def _compile(module: ModuleType, function: ast.FunctionDef) -> Callable[..., Any]:
    bare = ast.FunctionDef(
        name=function.name,
        args=function.args,
        body=function.body,
        decorator_list=[],
        returns=function.returns,
        type_comment=None,
    )
    ast.copy_location(bare, function)
    tree = ast.fix_missing_locations(ast.Module(body=[bare], type_ignores=[]))
    namespace: dict[str, Any] = {}
    exec(compile(tree, module.__file__ or module.__name__, "exec"), vars(module), namespace)
    built: Callable[..., Any] = namespace[function.name]
    return built


def mutate_comparisons(
    units: list[Unit], builds: dict[tuple[str, int], set[int]], only: str | None
) -> Iterator[Outcome]:
    all_programs()
    modules = sorted(
        (
            module
            for name, module in sys.modules.items()
            if name.startswith("industrial_support.programs.")
        ),
        key=lambda module: module.__name__,
    )
    for module in modules:
        relative = _short(module.__file__ or "")
        if only and only.rsplit(".", 1)[0] not in relative:
            continue
        for site in criterion_sites(module):
            function = site.function
            owners = _owner(module, function)
            label = f"{relative}:{site.line} {function.name}: {site.what}"
            if not owners:
                yield Outcome(label, "unexercised")
                continue
            site.apply()
            try:
                mutant = _compile(module, function)
            finally:
                site.undo()
            chosen: set[int] = set()
            saved: list[tuple[Program, int, Criterion]] = []
            for program, index in owners:
                saved.append((program, index, program.criteria[index]))
                program.criteria[index] = dataclasses.replace(program.criteria[index], build=mutant)
                chosen |= builds.get((program.id, index), set())
            try:
                killed = kills(units, chosen) if chosen else False
            finally:
                for program, index, criterion in saved:
                    program.criteria[index] = criterion
            status = "killed" if killed else ("survived" if chosen else "unexercised")
            yield Outcome(label, status, len(chosen))


# --- the report ---------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="one parameter file / program module, e.g. jp/sme.yaml")
    parser.add_argument("--no-parameters", action="store_true")
    parser.add_argument("--no-flips", action="store_true")
    args = parser.parse_args(argv)
    started = time.monotonic()
    units, reads, builds = clean_run(case_units() + act_test_units())
    outcomes: list[Outcome] = []
    if not args.no_parameters:
        outcomes.extend(mutate_numbers(units, reads, args.only))
    if not args.no_flips:
        outcomes.extend(mutate_comparisons(units, builds, args.only))
    by_status: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_status[outcome.status].append(outcome)
    for status, title in (
        ("survived", "SURVIVED (a case reads it, none notices the change)"),
        ("unexercised", "UNEXERCISED (a rule names it; no case reads this entry)"),
        ("unread", "UNREAD (no rule names the parameter: a number no rule reads)"),
    ):
        if by_status[status]:
            print(f"\n{title}:")
            for outcome in by_status[status]:
                print(f"  {outcome.label}")
    counts = ", ".join(
        f"{len(by_status[s])} {s}" for s in ("killed", "survived", "unexercised", "unread")
    )
    print(f"\n{len(outcomes)} mutants: {counts} ({time.monotonic() - started:.0f} s)")
    return 1 if by_status["survived"] or by_status["unexercised"] else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
