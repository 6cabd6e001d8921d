"""Each command imports only what it needs (issue 15): `--help` and `deadline` start without
Polars, SQLAlchemy, Alembic, FastAPI or pandas; `programs` without the case store or pandas.
Timings are measured by bench/startup.py; this checks the imports that made them slow."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

_RUN = """
import json, sys
from industrial_support.cli import app
try:
    app(sys.argv[1:])
except SystemExit:
    pass
heavy = ["polars", "sqlalchemy", "alembic", "fastapi", "pandas", "industrial_support.programs"]
print(json.dumps([name for name in heavy if name in sys.modules]))
"""


def _loaded(*arguments: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *arguments], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


@pytest.mark.parametrize(
    "arguments",
    [
        ["--help"],
        ["deadline", "--jurisdiction", "JP", "--from", "2025-04-25", "--working-days", "5"],
        ["case", "--help"],
    ],
)
def test_light_commands_import_nothing_heavy(arguments: list[str]) -> None:
    assert _loaded(*arguments) == []


def test_programs_loads_the_programs_but_not_the_store() -> None:
    assert _loaded("programs", "--format", "json") == ["polars", "industrial_support.programs"]
