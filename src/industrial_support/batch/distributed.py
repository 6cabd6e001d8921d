"""``isupport batch --engine ray``: the same per-chunk function on a Ray cluster.

Ray Data reads the register (a Parquet or CSV file, a folder of them, or an ``s3://``
prefix) and hands Arrow batches to :func:`screen_batch` on the workers. It compiles the
rules once per worker process and calls :func:`.screen.screen_chunk`, exactly as the local
runner does, then writes its part of each table of the layout (:mod:`.layout`) straight to
the output folder. The folder must therefore be storage every worker sees (S3, GCS, HDFS,
NFS); the driver only gathers the counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.dataset as pads

from ..engine.errors import IsupportError
from .output import filesystem, prepare, write_parts
from .screen import CHUNK_ROWS, Counts, Screen, compile_screen, screen_chunk
from .validate import ENTERPRISE, JURISDICTION


def screen_batch(batch: pa.Table, *, as_of: str, missing: bool, out: str) -> pa.Table:
    """Ray's per-batch function: screen, write the parts, return the batch's counts and
    the node it ran on."""
    import ray

    screen = compile_screen(dt.date.fromisoformat(as_of), missing)
    frame = pl.from_arrow(batch)
    assert isinstance(frame, pl.DataFrame)
    screened = screen_chunk(frame, screen)
    write_parts(*filesystem(out), screened.tables)
    counts = asdict(screened.counts)
    counts["by_status"] = list(counts["by_status"].items())
    del counts["by_node"]
    counts["node"] = ray.get_runtime_context().get_node_id()
    return pa.Table.from_pylist([counts], schema=_COUNTS)


_COUNTS = pa.schema(
    [
        ("rows", pa.int64()),
        ("rejected", pa.int64()),
        ("results", pa.int64()),
        ("by_status", pa.map_(pa.string(), pa.int64())),
        ("node", pa.string()),
    ]
)


def _kind(source: str) -> str:
    return "csv" if source.lower().rstrip("/").endswith(".csv") else "parquet"


def _input_columns(source: str, screen: Screen) -> list[str]:
    """The register's columns that some program reads (checked before anything is written)."""
    try:
        names = pads.dataset(source, format=_kind(source)).schema.names
    except FileNotFoundError:
        raise IsupportError(f"input: no such file or folder {source}") from None
    except (OSError, ValueError) as error:
        raise IsupportError(f"input: cannot read {source}: {error}") from None
    for required in (ENTERPRISE, JURISDICTION):
        if required not in names:
            raise IsupportError(f"input: column {required!r} is missing")
    return [name for name in screen.inputs if name in names]


def _read(source: str, columns: list[str]) -> Any:
    import ray.data

    if _kind(source) == "parquet":
        return ray.data.read_parquet(source).select_columns(columns)  # pushed into the read
    # every value as text, validated per fact, and only an empty cell is unknown — as the
    # local runner reads CSV
    options = pacsv.ConvertOptions(
        column_types={name: pa.string() for name in columns},
        include_columns=columns,
        strings_can_be_null=True,
        null_values=[""],
    )
    return ray.data.read_csv(source, convert_options=options)


def run_ray(
    source: str,
    as_of: dt.date,
    out: str,
    *,
    address: str | None = None,
    chunk_rows: int = CHUNK_ROWS,
    missing: bool = False,
    on_chunk: Callable[[int], None] | None = None,
) -> Counts:
    """Screen ``source`` on the Ray cluster at ``address`` (or the one this process is
    already connected to; without either, ``RAY_ADDRESS`` or a new local cluster)."""
    import ray
    import ray.data

    if chunk_rows < 1:
        raise IsupportError("chunk-rows: expected 1 or more")
    # a relative path would be read by workers against their own working folder
    source, out = (s if "://" in s else str(Path(s).resolve()) for s in (source, out))
    screen = compile_screen(as_of, missing)
    columns = _input_columns(source, screen)
    prepare(out, screen)
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, log_to_driver=False)
    try:
        ray.data.DataContext.get_current().enable_progress_bars = False  # ours is shown
        counts = _read(source, columns).map_batches(
            screen_batch,
            batch_format="pyarrow",
            batch_size=chunk_rows,
            fn_kwargs={"as_of": as_of.isoformat(), "missing": missing, "out": out},
        )
        summary = Counts()
        for batch in counts.iter_batches(batch_format="pyarrow", batch_size=None):
            for row in batch.to_pylist():
                done = Counts(
                    row["rows"],
                    row["rejected"],
                    row["results"],
                    dict(row["by_status"]),
                    {row["node"]: row["rows"]},
                )
                summary.add(done)
                if on_chunk is not None:
                    on_chunk(done.rows)
        return summary
    finally:
        if started:
            ray.shutdown()
