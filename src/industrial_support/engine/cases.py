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
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from .calendars import JURISDICTIONS
from .errors import CaseFileError
from .facts import catalog
from .parameters import load_yaml

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
    if not isinstance(raw, dict):
        raise CaseFileError(f"{source}: expected a mapping with 'jurisdiction' and 'facts'")
    unknown = set(raw) - _KEYS
    if unknown:
        raise CaseFileError(f"{source}: unknown key(s) {sorted(unknown)}; expected {sorted(_KEYS)}")
    jurisdiction = raw.get("jurisdiction")
    if jurisdiction not in JURISDICTIONS:
        raise CaseFileError(
            f"{source}: jurisdiction: expected one of {', '.join(JURISDICTIONS)}, got {jurisdiction!r}"
        )
    facts = raw.get("facts")
    if not isinstance(facts, dict):
        raise CaseFileError(f"{source}: facts: expected a mapping of fact names to values")
    as_of = raw.get("facts_as_of")
    if as_of is not None and not isinstance(as_of, dt.date):
        try:
            as_of = dt.date.fromisoformat(str(as_of))
        except ValueError:
            raise CaseFileError(
                f"{source}: facts_as_of: expected YYYY-MM-DD, got {as_of!r}"
            ) from None
    from ..engine.program import all_programs

    all_programs()  # the catalogs are filled by the program modules
    validated = catalog(jurisdiction).validate(facts)
    identifier = str(raw.get("id") or Path(source).stem)
    return Case(
        identifier, str(raw.get("name") or identifier), jurisdiction, validated, as_of, source
    )


def load_case(path: Path) -> Case:
    try:
        if path.suffix.lower() == ".json":
            raw = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        elif path.suffix.lower() in (".yaml", ".yml"):
            raw = load_yaml(path)
        else:
            raise CaseFileError(f"{path}: expected a .yaml, .yml or .json case file")
    except FileNotFoundError:
        raise CaseFileError(f"{path}: no such case file") from None
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        raise CaseFileError(f"{path}: cannot parse: {error}") from None
    return parse_case(raw, str(path))
