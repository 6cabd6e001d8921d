"""Property-based fuzzing of the API from its own OpenAPI document (schemathesis): whatever
an official or an applicant sends to any operation — inputs that fit the schema and inputs
that break it — the answer is never a 5xx. Writes go to the fixture's throwaway SQLite app.

Deterministic (derandomized) and bounded so that it runs in about a minute on two cores."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis import Case
from schemathesis.checks import not_a_server_error

from industrial_support.accounts.service import AccountStore
from industrial_support.web import demo
from industrial_support.web.app import create_app

from .conftest import PASSWORD, TODAY

EXAMPLES = 12  # per operation and generation mode (inputs that fit the schema, and not)

# The document is the same for every database; the requests go to the fixture's app. (The
# lazy `schemathesis.pytest.from_fixture` loader does not run under pytest 9.)
schema = schemathesis.openapi.from_dict(create_app("sqlite:///:memory:").openapi())
schema.config.generation.update(max_examples=EXAMPLES, deterministic=True)
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """One throwaway app for the whole module: every operation's writes land in it."""
    folder: Path = tmp_path_factory.mktemp("fuzz")
    application = create_app(f"sqlite:///{folder / 'fuzz.db'}", today=lambda: TODAY)
    application.state.demo = demo.load(application.state.services)
    return application


def _bearer(app: FastAPI, username: str) -> dict[str, str]:
    accounts: AccountStore = app.state.services.accounts
    principal = accounts.authenticate(username, PASSWORD)
    assert principal is not None
    return {"Authorization": f"Bearer {accounts.issue_token(principal, 'fuzz')}"}


@pytest.fixture(scope="module")
def official(fuzz_app: FastAPI) -> dict[str, str]:
    return _bearer(fuzz_app, "official-ru")


@pytest.fixture(scope="module")
def applicant(fuzz_app: FastAPI) -> dict[str, str]:
    return _bearer(fuzz_app, "applicant-ru")


@schema.parametrize()
@FUZZ
def test_no_server_error_for_an_official(
    case: Case[Any], fuzz_app: FastAPI, official: dict[str, str]
) -> None:
    case.call_and_validate(app=fuzz_app, headers=official, checks=[not_a_server_error])


@schema.parametrize()
@FUZZ
def test_no_server_error_for_an_applicant(
    case: Case[Any], fuzz_app: FastAPI, applicant: dict[str, str]
) -> None:
    case.call_and_validate(app=fuzz_app, headers=applicant, checks=[not_a_server_error])
