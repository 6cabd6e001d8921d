"""``isupport batch``: screen a register of enterprises on this machine, in chunks, with
bounded memory.

Chunks are read, screened by :func:`.screen.screen_chunk` and written in three overlapping
steps: the next chunk is read and the previous one written (Arrow and Polars release the
GIL) while the current one is evaluated. At most one chunk waits at each step, so memory
follows the chunk size, not the register's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import polars as pl

from ..engine.errors import IsupportError
from .output import PartWriters, prepare
from .screen import Counts, compile_screen, screen_chunk
from .validate import ENTERPRISE, JURISDICTION

Summary = Counts


def input_columns(path: Path) -> list[str]:
    if not path.exists():
        raise IsupportError(f"input: no such file {path}")
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        names = pl.scan_parquet(path).collect_schema().names()
    elif suffix == ".csv":
        names = pl.scan_csv(path, infer_schema=False).collect_schema().names()
    else:
        raise IsupportError(f"input: expected a .parquet or .csv file, got {path.name!r}")
    for required in (ENTERPRISE, JURISDICTION):
        if required not in names:
            raise IsupportError(f"input: column {required!r} is missing")
    return names


def read_chunks(path: Path, rows: int, columns: list[str]) -> Iterator[pl.DataFrame]:
    """The register in chunks of ``rows``, only the given columns."""
    if path.suffix.lower() == ".csv":
        lazy = pl.scan_csv(path, infer_schema=False)  # every value as text, validated per fact
        yield from lazy.select(columns).collect_batches(chunk_size=rows)
        return
    lazy = pl.scan_parquet(path).select(columns)
    total = pl.scan_parquet(path).select(pl.len()).collect().item()
    # A slice reads only the row groups it touches; measured faster than Arrow's
    # iter_batches (0.9 s against 2.4 s per million rows of 345 columns) and leaner.
    for offset in range(0, total, rows):
        yield lazy.slice(offset, rows).collect()


def by_jurisdiction(
    chunks: Iterator[pl.DataFrame], rows: int, columns: dict[str, list[str]]
) -> Iterator[pl.DataFrame]:
    """Regroup chunks so each holds one jurisdiction's rows (and only the columns its
    programs read), up to ``rows`` of them.

    Planning a jurisdiction's evaluation costs ~0.1 s whatever the chunk's size, so a mixed
    chunk of 3 × 33,000 rows would cost three plans; gathering each country's rows first
    keeps it to one plan per ``rows`` rows. Rows with another or no jurisdiction pass on
    at once (they are rejected). Within a country the input order is kept."""
    waiting: dict[str, list[pl.DataFrame]] = {}
    held: dict[str, int] = {}
    for chunk in chunks:
        codes = chunk[JURISDICTION].cast(pl.String)
        unknown = ~codes.is_in(list(columns)).fill_null(False)
        if unknown.any():
            yield chunk.select(ENTERPRISE, JURISDICTION).filter(unknown)
        for code, names in columns.items():
            mine = codes == code
            count = int(mine.sum())
            if not count:
                continue
            # select first (no copy), so that only this country's columns are filtered
            part = chunk.select(names)
            waiting.setdefault(code, []).append(
                part if count == chunk.height else part.filter(mine)
            )
            held[code] = held.get(code, 0) + count
            if held[code] >= rows:
                yield pl.concat(waiting.pop(code))
                held[code] = 0
    for parts in waiting.values():
        yield pl.concat(parts)


def run_batch(
    source: Path,
    as_of: dt.date,
    out: Path,
    *,
    chunk_rows: int = 100_000,
    missing: bool = False,
    on_chunk: Callable[[int], None] | None = None,
) -> Summary:
    """Screen ``source`` into the folder ``out`` (layout: :mod:`.layout`).

    ``missing=True`` adds each result's missing facts (about 5× slower to evaluate)."""
    if chunk_rows < 1:
        raise IsupportError("chunk-rows: expected 1 or more")
    screen = compile_screen(as_of, missing)
    names = input_columns(source)
    columns = [name for name in screen.inputs if name in names]
    per_country = {
        code: [
            name
            for name in (ENTERPRISE, JURISDICTION, *(f.name for f in country.facts))
            if name in names
        ]
        for code, country in screen.countries.items()
    }
    fs, root = prepare(str(out), screen)
    writers = PartWriters(fs, root, screen.schemas)
    summary = Summary()
    chunks = by_jurisdiction(read_chunks(source, chunk_rows, columns), chunk_rows, per_country)
    try:
        with ThreadPoolExecutor(1) as reader, ThreadPoolExecutor(1) as writer:
            ahead = reader.submit(next, chunks, None)
            written: Future[None] | None = None
            while (chunk := ahead.result()) is not None:
                ahead = reader.submit(next, chunks, None)
                screened = screen_chunk(chunk, screen)
                if written is not None:
                    written.result()  # one chunk in writing at a time keeps memory bounded
                written = writer.submit(writers.write, screened.tables)
                summary.add(screened.counts)
                if on_chunk is not None:
                    on_chunk(chunk.height)
            if written is not None:
                written.result()
    finally:
        writers.close()
    return summary
