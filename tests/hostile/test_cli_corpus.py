"""Every hostile input of tests/hostile/corpus.py through the real command line, as a
subprocess on an 80-column terminal: never a traceback or an internal error, the exit code
expected (2: bad input), the field named, and each of our error lines one line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .corpus import ALL, Hostile

ISUPPORT = shutil.which("isupport", path=str(Path(sys.executable).parent)) or "isupport"
PREFIXES = ("error: ", "warning: ", "エラー：", "警告：")


def _run(hostile: Hostile, root: Path) -> str | None:
    """None if the input was handled as it should be, else what went wrong."""
    folder = root / f"h{ALL.index(hostile):03d}"
    folder.mkdir()
    for name, content in hostile.files.items():
        (folder / name).write_bytes(content)
    for name in hostile.folders:
        (folder / name).mkdir()
    argv = [arg.replace("{dir}", str(folder)) for arg in hostile.argv]
    env = {**os.environ, "COLUMNS": "80", "TERM": "dumb", "ISUPPORT_DEBUG": ""}
    try:
        done = subprocess.run(
            [ISUPPORT, *argv], capture_output=True, text=True, timeout=120, env=env, cwd=folder
        )
    except subprocess.TimeoutExpired:
        return f"{hostile.name}: no answer within 120 s"
    output = done.stdout + done.stderr
    wrong = []
    if "Traceback" in output or "internal error" in output:
        wrong.append("a traceback or an internal error")
    if done.returncode != hostile.code:
        wrong.append(f"exit code {done.returncode}, expected {hostile.code}")
    if hostile.says not in output:
        wrong.append(f"{hostile.says!r} not named")
    ours = [line for line in done.stderr.splitlines() if line.startswith(PREFIXES)]
    if done.returncode == 2 and "Usage:" not in output:
        others = [line for line in done.stderr.splitlines() if line.strip() and line not in ours]
        if not ours or others:
            wrong.append(f"error lines not one line each: {others[:2]}")
    if wrong:
        return f"{hostile.name}: {'; '.join(wrong)}\n  {output[:600]!r}"
    return None


def test_no_hostile_input_crashes_the_cli(tmp_path: Path) -> None:
    # two at a time: the machine may be shared; each run is a fresh interpreter
    with ThreadPoolExecutor(2) as pool:
        failures = [f for f in pool.map(lambda h: _run(h, tmp_path), ALL) if f]
    assert failures == [], "\n".join(failures)


def test_the_corpus_covers_every_entry_point() -> None:
    commands = {h.argv[0] for h in ALL}
    assert commands == {"screen", "explain", "deadline", "batch", "regions", "monitor", "case"}
    assert len(ALL) >= 150
