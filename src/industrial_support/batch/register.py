"""Checks of a register file before anything is written: that it can be read at all, its
header (no duplicate or missing columns; unknown ones warned of with the closest known
name), and that each fact column's type can hold its fact. A problem of the file is an
:class:`InputErrors` naming the file and column; a problem of one row is a reject."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import polars as pl

from ..engine.errors import N_, InputErrors, Problem, given
from ..engine.facts import FactSpec, suggest
from .validate import ENTERPRISE, JURISDICTION

HEADER_BYTES = 1_000_000  # a header longer than this is no register's


def _problem(field: str, template: str, **params: object) -> Problem:
    return Problem(field, template, {key: str(value) for key, value in params.items()})


def _refuse(path: Path, template: str, **params: object) -> InputErrors:
    return InputErrors([_problem("input", template, **params)], str(path))


def _csv_header(path: Path) -> list[str]:
    """The header of a CSV file, read with Python's csv module (Polars renames a duplicate
    column instead of refusing it)."""
    with path.open("rb") as handle:
        head = handle.read(HEADER_BYTES)
    if not head.strip():
        raise _refuse(
            path,
            N_("the file is empty; expected a header with {columns}"),
            columns=f"{ENTERPRISE}, {JURISDICTION}",
        )
    if b"\0" in head:
        raise _refuse(path, N_("is a binary file; expected CSV text"))
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if len(head) < HEADER_BYTES or error.start < len(head) - 4:  # not a cut character
            raise _refuse(
                path,
                N_("is not UTF-8 text (byte {position}); save it as UTF-8"),
                position=error.start,
            ) from None
        text = head[: error.start].decode("utf-8-sig")
    try:
        return next(csv.reader(io.StringIO(text), strict=True))
    except (csv.Error, StopIteration) as error:
        raise _refuse(path, N_("not valid CSV: {reason}"), reason=error) from None


def read_columns(path: Path) -> list[str]:
    """The register's column names, after checking that the file can be read."""
    if not path.exists():
        raise _refuse(path, N_("no such file"))
    if path.is_dir():
        raise _refuse(path, N_("is a folder; expected a .parquet or .csv file"))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        names = [name.strip() for name in _csv_header(path)]
    elif suffix == ".parquet":
        try:
            names = pl.scan_parquet(path).collect_schema().names()
        except (pl.exceptions.PolarsError, OSError) as error:
            raise _refuse(
                path, N_("is not a readable Parquet file: {reason}"), reason=_first_line(error)
            ) from None
    else:
        raise _refuse(
            path, N_("expected a .parquet or .csv file, got {given}"), given=given(path.name)
        )
    problems = []
    seen: set[str] = set()
    for name in names:
        if name in seen:
            problems.append(_problem(name, N_("the column appears more than once")))
        seen.add(name)
    for required in (ENTERPRISE, JURISDICTION):
        if required not in seen:
            problems.append(_problem(required, N_("the column is missing")))
    if problems:
        raise InputErrors(problems, str(path))
    return names


def unknown_columns(names: list[str], known: set[str]) -> list[Problem]:
    """Columns no catalog knows (each with the closest known name): ignored, so a typo
    would silently leave its fact unknown."""
    found = []
    for name in names:
        if name in known:
            continue
        hint = suggest(name, known)
        found.append(
            _problem(name, N_("unknown column, ignored; did you mean {hint}?"), hint=hint)
            if hint
            else _problem(name, N_("unknown column, ignored"))
        )
    return found


_NUMERIC = (
    pl.Decimal,
    pl.Int8,
    pl.Int16,
    pl.Int32,
    pl.Int64,
    pl.UInt8,
    pl.UInt16,
    pl.UInt32,
    pl.UInt64,
    pl.Float32,
    pl.Float64,
    pl.String,
)
_ACCEPTED: dict[str, tuple[type[pl.DataType], ...]] = {
    "money": _NUMERIC,
    "decimal": _NUMERIC,
    "integer": _NUMERIC,
    "boolean": (pl.Boolean, pl.String),
    "enum": (pl.String, pl.Categorical, pl.Enum),
    "date": (pl.Date, pl.String),
    "text": (pl.String, pl.Categorical, pl.Enum),
}


def column_types(path: Path, specs: list[FactSpec]) -> None:
    """A Parquet column whose type cannot hold its fact (a list or a boolean where an
    amount belongs) is a problem of the file, not of each row."""
    if path.suffix.lower() != ".parquet":
        return  # CSV is read as text and checked value by value
    schema = pl.scan_parquet(path).collect_schema()
    problems = []
    for spec in specs:
        dtype = schema.get(spec.name)
        if dtype is None:
            continue
        if not any(isinstance(dtype, kind) or dtype == kind for kind in _ACCEPTED[spec.kind]):
            problems.append(
                _problem(
                    spec.name,
                    N_("expected a column of {expected}, the file's column holds {dtype}"),
                    expected=spec.describe_type(),
                    dtype=dtype,
                )
            )
    if problems:
        raise InputErrors(problems, str(path))


def checksum(path: Path) -> str:
    """SHA-256 of the input file, for the manifest: which bytes these results come from."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__


def clean_csv(path: Path, cleaned: Path) -> tuple[Path, pl.DataFrame]:
    """A copy of a CSV register without its unreadable lines, and those lines as rejects
    (their id and jurisdiction where the line has them, and the line number)."""
    from .validate import reject_frame

    ids: list[str] = []
    codes: list[str | None] = []
    reasons: list[str] = []
    with (
        path.open(encoding="utf-8-sig", errors="replace", newline="") as source,
        cleaned.open("w", encoding="utf-8", newline="") as target,
    ):
        reader = csv.reader(source)
        writer = csv.writer(target)
        header = next(reader)
        writer.writerow(header)
        where = {name.strip(): index for index, name in enumerate(header)}
        for row in reader:
            if len(row) == len(header):
                writer.writerow(row)
                continue
            if not any(cell.strip() for cell in row):
                continue
            ids.append(row[where[ENTERPRISE]] if len(row) > where[ENTERPRISE] else "")
            codes.append(row[where[JURISDICTION]] if len(row) > where[JURISDICTION] else None)
            reasons.append(f"line {reader.line_num}: expected {len(header)} fields, got {len(row)}")
    return cleaned, reject_frame(
        pl.Series(ids, dtype=pl.String),
        pl.Series(codes, dtype=pl.String),
        pl.Series(reasons, dtype=pl.String),
    )
