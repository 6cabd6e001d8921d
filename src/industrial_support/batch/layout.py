"""Where ``isupport batch`` puts its results.

The output is a directory of Parquet datasets (each a folder of part files, as Spark, Ray
and Arrow write them, so that one or many machines write the same layout):

* ``JP/``, ``RU/``, ``KZ/`` — one row per screened enterprise of that country: its
  ``enterprise_id``, then per program ``<program>::status`` and, where the program gives
  money, its key amount ``<program>::<value>`` — the first money *entitlement* (what it
  gives, null where refused) — then its requirements and deadlines ``<program>::<value>``
  (minimums, caps, shares, last days: filled whatever the status), and
  ``<program>::missing`` with ``--missing``. A row per enterprise and program (the first layout) repeated the id and
  five strings 17.6 times per enterprise; writing it cost more than evaluating the rules.
* ``rejects/`` — ``enterprise_id``, ``jurisdiction``, ``reason``.
* ``programs.parquet`` — per program: its columns, the key amount's value and currency, and
  the parameter version used (evaluation date and a fingerprint of every parameter entry
  read). The version is the same for every row, so it is stated once, here and in each
  part file's metadata, rather than on each row.

Every table folder holds a ``part-0.parquet``, empty if need be, so that it is typed and
readable whatever rows it got.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow as pa

from ..engine.errors import IsupportError
from ..engine.evaluate import STATUS_DTYPE, CompiledProgram, RuleSet, column
from ..engine.money import CURRENCY_DIGITS
from ..engine.rules_hash import rules_hash
from .validate import ENTERPRISE, JURISDICTION, REASON

REJECTS = "rejects"
PROGRAMS = "programs.parquet"
REJECT_SCHEMA = pa.schema(
    [
        (ENTERPRISE, pa.large_string()),
        (JURISDICTION, pa.large_string()),
        (REASON, pa.large_string()),
    ]
)


def empty(schema: pa.Schema) -> pa.Table:
    """A table with no rows (``Schema.empty_table`` would import pandas, 0.6 s)."""
    return pa.Table.from_batches([], schema=schema)


def read_table(out: Path, name: str) -> pl.DataFrame:
    """One table of a local results folder, whichever engine wrote it (one part or many)."""
    parts = sorted((out / name).glob("*.parquet"))
    if not parts:
        raise IsupportError(f"{out}: no {name} table")
    return pl.concat([pl.read_parquet(part) for part in parts])


def parameter_version(compiled: CompiledProgram, as_of: dt.date) -> str:
    """The rules a program applied: the evaluation date and the content hash of every
    parameter value read (with its dates and citations) and of the program code
    (engine/rules_hash.py)."""
    return rules_hash([compiled], as_of)


def parameters_used(compiled: CompiledProgram) -> list[str]:
    parameters = [p for c in compiled.criteria for p in c.parameters]
    parameters += [p for v in compiled.values for p in v.parameters]
    return sorted({f"{p.name}@{p.effective_from}" for p in parameters})


@dataclass(frozen=True)
class ProgramColumns:
    """One program's columns in its country's results."""

    jurisdiction: str
    program: str
    status: str
    amount: str | None  # the key amount: the program's first money value
    value: str | None
    currency: str | None
    missing: str | None
    parameters: str
    parameters_used: tuple[str, ...]
    # What the law asks (requirements, deadlines): column name → the value's unit.
    requirements: tuple[tuple[str, str], ...] = ()

    @property
    def columns(self) -> list[str]:
        asks = [name for name, _ in self.requirements]
        return [c for c in (self.status, self.amount, *asks, self.missing) if c is not None]


# Units of requirement columns other than money (text and flags stay in ``explain``).
_REQUIREMENT_DTYPES: dict[str, pl.DataType] = {
    "ratio": pl.Decimal(38, 10),
    "date": pl.Date(),
    "days": pl.Int64(),
    "months": pl.Int64(),
    "years": pl.Int64(),
    "count": pl.Int64(),
    "persons": pl.Int64(),
}


def _requirement_dtype(unit: str) -> pl.DataType:
    return pl.Decimal(38, 10) if unit in CURRENCY_DIGITS else _REQUIREMENT_DTYPES[unit]


def program_columns(rules: RuleSet, missing: bool) -> list[ProgramColumns]:
    found = []
    for compiled in rules.programs:
        pid = compiled.program.id
        # The key amount is what the program gives: a requirement in money (a minimum
        # investment, a cap on costs) is not the support amount.
        key = next(
            (
                v.value
                for v in compiled.values
                if v.value.kind == "entitlement" and v.value.unit in CURRENCY_DIGITS
            ),
            None,
        )
        asks = tuple(
            (v.column, v.value.unit)
            for v in compiled.values
            if v.value.always_shown
            and (v.value.unit in CURRENCY_DIGITS or v.value.unit in _REQUIREMENT_DTYPES)
        )
        found.append(
            ProgramColumns(
                jurisdiction=rules.jurisdiction,
                program=pid,
                status=compiled.status_column,
                amount=column(pid, key.id) if key else None,
                value=key.id if key else None,
                currency=key.unit if key else None,
                missing=compiled.missing_column if missing else None,
                parameters=parameter_version(compiled, rules.as_of),
                parameters_used=tuple(parameters_used(compiled)),
                requirements=asks,
            )
        )
    return found


def results_schema(programs: list[ProgramColumns]) -> pa.Schema:
    """Arrow schema of a country's results; each column's metadata names its program, and an
    amount's its currency; the file's metadata holds the parameter versions."""
    dtypes: dict[str, pl.DataType] = {ENTERPRISE: pl.String()}
    for p in programs:
        dtypes[p.status] = STATUS_DTYPE
        if p.amount is not None:
            dtypes[p.amount] = pl.Decimal(38, 10)
        for name, unit in p.requirements:
            dtypes[name] = _requirement_dtype(unit)
        if p.missing is not None:
            dtypes[p.missing] = pl.List(pl.String)
    base = pl.DataFrame(schema=dtypes).to_arrow().schema
    fields = [base.field(ENTERPRISE)]
    for p in programs:
        fields.append(_with_meta(base.field(p.status), program=p.program))
        if p.amount is not None:
            fields.append(
                _with_meta(base.field(p.amount), program=p.program, currency=p.currency or "")
            )
        for name, unit in p.requirements:
            fields.append(
                _with_meta(base.field(name), program=p.program, kind="requirement", unit=unit)
            )
        if p.missing is not None:
            fields.append(_with_meta(base.field(p.missing), program=p.program))
    versions = {p.program: p.parameters for p in programs}
    return pa.schema(fields, metadata={"isupport.parameters": json.dumps(versions)})


def _with_meta(field: pa.Field, **values: str) -> pa.Field:
    meta = dict(field.metadata or {})
    meta.update({f"isupport.{k}".encode(): v.encode() for k, v in values.items()})
    return field.with_metadata(meta)


def programs_table(programs: list[ProgramColumns], as_of: dt.date) -> pa.Table:
    # built with Polars: Arrow's own constructors import pandas where it is installed (0.6 s)
    return pl.DataFrame(
        [
            {
                "jurisdiction": p.jurisdiction,
                "program": p.program,
                "status_column": p.status,
                "amount_column": p.amount,
                "value": p.value,
                "currency": p.currency,
                "as_of": as_of,
                "parameters": p.parameters,
                "parameters_used": list(p.parameters_used),
                "requirement_columns": [name for name, _ in p.requirements],
            }
            for p in programs
        ],
        schema={
            "jurisdiction": pl.String,
            "program": pl.String,
            "status_column": pl.String,
            "amount_column": pl.String,
            "value": pl.String,
            "currency": pl.String,
            "as_of": pl.Date,
            "parameters": pl.String,
            "parameters_used": pl.List(pl.String),
            "requirement_columns": pl.List(pl.String),
        },
    ).to_arrow()
