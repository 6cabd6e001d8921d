"""Case files: one enterprise's facts, as YAML or JSON.

id: jp-sample-1
name: Sample Precision KK
jurisdiction: JP
facts_as_of: 2026-04-01     # the date the facts describe (optional)
facts:
  legal_form: company
  capital: 100000000        # in the fact's currency; or {amount: ..., currency: JPY}
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .calendars import JURISDICTIONS
from .errors import N_, InputErrors, IsupportError, Problem, given
from .facts import catalog, parse_date_value, suggest
from .inputs import read_data

_KEYS = {"id", "name", "jurisdiction", "facts_as_of", "facts", "note"}


@dataclass(frozen=True)
class Case:
    id: str
    name: str
    jurisdiction: str
    facts: dict[str, Any]  # validated, typed values
    facts_as_of: dt.date | None = None
    source: str = ""


def parse_case(raw: Any, source: str = "<case>") -> Case:
    """A case from its parsed file: every problem of the file is reported at once."""
    if not isinstance(raw, dict):
        raise InputErrors(
            [Problem(source, N_("expected a mapping with 'jurisdiction' and 'facts'"))]
        )
    problems: list[Problem] = []
    for key in raw:
        if key not in _KEYS:
            hint = suggest(key, _KEYS) if isinstance(key, str) else None
            problems.append(
                Problem(
                    given(key).strip("'\""),
                    N_("unknown key; did you mean {hint}?")
                    if hint
                    else N_("unknown key; expected one of {allowed}"),
                    {"hint": hint or "", "allowed": ", ".join(sorted(_KEYS))},
                )
            )
    jurisdiction = raw.get("jurisdiction")
    if not isinstance(jurisdiction, str) or jurisdiction not in JURISDICTIONS:
        problems.append(
            Problem(
                "jurisdiction",
                N_("expected one of {allowed}, got {given}"),
                {"allowed": ", ".join(JURISDICTIONS), "given": given(jurisdiction)},
            )
        )
        jurisdiction = None
    facts = raw.get("facts")
    if not isinstance(facts, dict):
        problems.append(Problem("facts", N_("expected a mapping of fact names to values")))
        facts = {}
    as_of = raw.get("facts_as_of")
    if as_of is not None:
        try:
            as_of = parse_date_value(as_of, _field_error("facts_as_of"))
        except IsupportError as error:
            problems.extend(error.problems)
            as_of = None
    for key in ("id", "name", "note"):
        value = raw.get(key)
        if value is not None and not (isinstance(value, str | int) and not isinstance(value, bool)):
            problems.append(Problem(key, N_("expected text, got {given}"), {"given": given(value)}))
        elif isinstance(value, str) and not _encodable(value):
            problems.append(
                Problem(
                    key, N_("expected valid Unicode text, got {given}"), {"given": given(value)}
                )
            )
    validated: dict[str, Any] = {}
    if jurisdiction is not None:
        from ..engine.program import all_programs

        all_programs()  # the catalogs are filled by the program modules
        validated, fact_problems = catalog(jurisdiction).check(facts)
        problems.extend(fact_problems)
    if problems:
        raise InputErrors(problems, source)
    assert jurisdiction is not None
    identifier = str(raw.get("id") or Path(source).stem)
    return Case(
        identifier, str(raw.get("name") or identifier), jurisdiction, validated, as_of, source
    )


def _field_error(name: str) -> Any:
    def make(template: str, **params: Any) -> IsupportError:
        return InputErrors([Problem(name, template, {k: str(v) for k, v in params.items()})])

    return make


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def load_case(path: Path) -> Case:
    return parse_case(read_data(path, N_("no such case file")), str(path))
