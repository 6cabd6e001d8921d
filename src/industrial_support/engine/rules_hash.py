"""The rules a decision was made under, as one content hash.

The hash covers every parameter entry a program read on the evaluation date — its value, its
dates and its citations — and the version of the code that applies them (the package version
and a hash of the program modules). Two decisions with the same hash were made under the same
rules; change one value (even with the same start date) and the hash changes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from .evaluate import CompiledProgram
from .parameters import Resolved

PROGRAMS_DIR = Path(__file__).resolve().parent.parent / "programs"
DIGITS = 16  # hex digits shown and stored: 64 bits, ample to tell rule versions apart


@lru_cache(maxsize=1)
def code_version() -> str:
    """``<package version>+<hash of the program modules>``: the code that applies the values."""
    try:
        version = metadata.version("industrial-support")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        version = "0"
    digest = hashlib.sha256()
    for module in sorted(PROGRAMS_DIR.rglob("*.py")):
        digest.update(module.relative_to(PROGRAMS_DIR).as_posix().encode())
        digest.update(b"\0")
        digest.update(module.read_bytes())
    return f"{version}+{digest.hexdigest()[:DIGITS]}"


def _entry(program: str, parameter: Resolved) -> list[Any]:
    return [
        program,
        parameter.name,
        parameter.value,
        parameter.effective_from,
        parameter.effective_to,
        sorted(str(citation) for citation in parameter.citations),
    ]


def parameters_read(compiled: CompiledProgram) -> list[Resolved]:
    found = [p for c in compiled.criteria for p in c.parameters]
    found += [p for v in compiled.values for p in v.parameters]
    return found


def rules_hash(programs: Iterable[CompiledProgram], as_of: dt.date) -> str:
    """``<as_of>#<hash>`` over the parameter values read and the code version."""
    entries = sorted(
        {
            json.dumps(_entry(compiled.program.id, p), default=str, sort_keys=True)
            for compiled in programs
            for p in parameters_read(compiled)
        }
    )
    content = json.dumps({"code": code_version(), "parameters": entries}, sort_keys=True)
    return f"{as_of.isoformat()}#{hashlib.sha256(content.encode()).hexdigest()[:DIGITS]}"


def program_rules_hash(program_id: str, as_of: dt.date) -> str:
    """The rules hash of one program as it stands on ``as_of`` (what a case step records)."""
    from .evaluate import RuleSet
    from .program import get_program

    ruleset = RuleSet([get_program(program_id)], as_of)
    return rules_hash(ruleset.programs, as_of)
