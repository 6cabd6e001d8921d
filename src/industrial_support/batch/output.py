"""Writing the layout of :mod:`.layout` to a local folder or, from a cluster, to shared
storage (any URI Arrow knows: ``s3://``, ``gs://``, ``hdfs://``, ``file://``)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from ..engine.errors import IsupportError
from .layout import PROGRAMS, empty, programs_table
from .screen import Screen
from .validate import ENTERPRISE

# Measured on the wide results (bench/README.md): zstd at Arrow's default level writes about
# as fast as snappy and the files are smaller.
COMPRESSION = "zstd"
FIRST_PART = "part-0.parquet"  # written by the driver: the table exists even if empty


def _options(schema: pa.Schema) -> dict[str, Any]:
    """Min/max statistics of a status column (four values) cost 40% of writing it and would
    skip no row group; ids and amounts keep theirs."""
    stats = [f.name for f in schema if not pa.types.is_dictionary(f.type)]
    return {"compression": COMPRESSION, "write_statistics": stats}


def filesystem(out: str) -> tuple[pafs.FileSystem, str]:
    if "://" in out:
        fs, root = pafs.FileSystem.from_uri(out)
        return fs, root.rstrip("/")
    return pafs.LocalFileSystem(), str(Path(out).resolve())


def prepare(out: str, screen: Screen) -> tuple[pafs.FileSystem, str]:
    """Create the output folders, empty of earlier parts (a stale part would be read as a
    result), and write the programs table."""
    fs, root = filesystem(out)
    if fs.get_file_info(root).type == pafs.FileType.File:
        raise IsupportError(f"out: {out} is a file; expected a folder for the results")
    for name, schema in screen.schemas.items():
        fs.create_dir(f"{root}/{name}", recursive=True)
        fs.delete_dir_contents(f"{root}/{name}", missing_dir_ok=True)
        pq.write_table(empty(schema), f"{root}/{name}/{FIRST_PART}", filesystem=fs)
    pq.write_table(
        programs_table(screen.programs, screen.as_of), f"{root}/{PROGRAMS}", filesystem=fs
    )
    return fs, root


class PartWriters:
    """One part file per table, appended chunk by chunk (the local runner)."""

    def __init__(self, fs: pafs.FileSystem, root: str, schemas: dict[str, pa.Schema]) -> None:
        self._writers = {
            name: pq.ParquetWriter(f"{root}/{name}/{FIRST_PART}", schema, **_options(schema))
            for name, schema in schemas.items()
        }

    def write(self, tables: dict[str, pa.Table]) -> None:
        for name, table in tables.items():
            if table.num_rows:
                self._writers[name].write_table(table)

    def close(self) -> None:
        for writer in self._writers.values():
            writer.close()


def write_parts(fs: pafs.FileSystem, root: str, tables: dict[str, pa.Table]) -> None:
    """One file per table and chunk (a cluster's workers). The name comes from the chunk's
    content, so a task that Ray retries overwrites its own part instead of adding one."""
    for name, table in tables.items():
        if not table.num_rows:
            continue
        ids = "\n".join(str(i) for i in table[ENTERPRISE].to_pylist())
        digest = hashlib.sha1(ids.encode())
        part = f"{root}/{name}/part-{digest.hexdigest()[:16]}.parquet"
        pq.write_table(table, part, filesystem=fs, **_options(table.schema))


# --- A run that fails changes nothing --------------------------------------------------------
MANIFEST = "_SUCCESS"  # written last: a results folder without it is not a finished run


def staging_folder(out: Path) -> Path:
    """Where a local run writes: a fresh folder beside ``out`` (same file system, so the
    final rename is atomic), named after this process so that runs do not collide."""
    if out.exists() and not out.is_dir():
        raise IsupportError(f"out: {out} is a file; expected a folder for the results")
    out.parent.mkdir(parents=True, exist_ok=True)
    for stale in out.parent.glob(f".{out.name}.partial-*"):
        pid = stale.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)  # left by a run that was killed
    staging = out.parent / f".{out.name}.partial-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    return staging


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    """The completion marker: row counts, rules hash, input checksum, duration."""
    path = folder / MANIFEST
    path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def publish(staging: Path, out: Path) -> None:
    """Put a finished run in place of ``out``: the earlier results are moved aside, the new
    folder renamed in, and only then the earlier ones deleted."""
    previous = out.parent / f".{out.name}.previous-{os.getpid()}"
    if out.exists():
        os.replace(out, previous)
    os.replace(staging, out)
    shutil.rmtree(previous, ignore_errors=True)
