"""Demonstration data for `make run`: enterprises of all three countries (the example case
files), an account per role, an open Decree 1176 call and one application already in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..engine.cases import load_case
from ..engine.money import Money
from .context import Services

PASSWORD = "demo-password"  # printed by `isupport serve --demo`; never used outside the demo


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    note: str


@dataclass(frozen=True)
class Demo:
    accounts: tuple[DemoAccount, ...]
    password: str
    call_id: int


def _examples() -> Path:
    """The repository's examples/ folder (the demo runs from a checkout)."""
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        if (base / "examples").is_dir() and any((base / "examples").glob("*.yaml")):
            return base / "examples"
    raise FileNotFoundError("examples/: the demonstration needs the repository's example cases")


def load(services: Services) -> Demo:
    today = services.today()
    examples = _examples()
    cases = {case.id: case for case in map(load_case, sorted(examples.glob("*.yaml")))}
    for case in cases.values():
        services.accounts.add_enterprise(case.id, case.name, case.jurisdiction, case.facts)
    # a second Russian maker, so that two applicants compete in one call
    ru = cases["ru-components-maker"]
    services.accounts.add_enterprise(
        "ru-bearing-works", "Bearing Works JSC (АО «Подшипник»)", "RU", ru.facts
    )
    accounts = (
        DemoAccount("applicant-ru", "applicant", "Sample Components LLC"),
        DemoAccount("applicant-ru2", "applicant", "Bearing Works JSC"),
        DemoAccount("applicant-jp", "applicant", "Sample Precision Parts KK"),
        DemoAccount("applicant-kz", "applicant", "Sample Machinery LLP"),
        DemoAccount("official-ru", "official", "Decree 1176 (Minpromtorg)"),
        # four eyes: a second official of the ministry confirms what the first prepares
        DemoAccount("official-ru2", "official", "Decree 1176 (Minpromtorg), second signatory"),
        DemoAccount("treasury-ru", "official", "Decree 1176 (Federal Treasury)"),
        DemoAccount("treasury-ru2", "official", "Decree 1176 (Federal Treasury), second"),
        DemoAccount("control-ru", "official", "Decree 1176 (state financial control)"),
        DemoAccount("official-kz", "official", "KZ register of producers"),
        DemoAccount("appeal-kz", "official", "KZ register: Appeal Commission"),
        DemoAccount("auditor", "auditor", "read-only"),
    )
    enterprise = {
        "applicant-ru": "ru-components-maker",
        "applicant-ru2": "ru-bearing-works",
        "applicant-jp": "jp-precision-parts",
        "applicant-kz": "kz-machine-builder",
    }
    authority = {
        "official-ru": ["ru.pp1176"],
        "official-ru2": ["ru.pp1176"],
        "treasury-ru": ["ru.pp1176:treasury"],
        "treasury-ru2": ["ru.pp1176:treasury"],
        "control-ru": ["ru.pp1176:financial_control"],
        "official-kz": ["kz.producers_register"],
        "appeal-kz": ["kz.producers_register:appeal_commission"],
    }
    names = {
        "official-ru": "Ivan Petrov (Minpromtorg)",
        "official-kz": "Aigerim Seitova (MIIR)",
        "auditor": "Audit Chamber",
    }
    for account in accounts:
        services.accounts.add_account(
            account.username,
            PASSWORD,
            account.role,
            display_name=names.get(account.username, account.note),
            enterprise_id=enterprise.get(account.username),
            authorities=authority.get(account.username, ()),
        )
    # Decree 1176 §6(b): the window stays open at least 30 calendar days.
    published = today - dt.timedelta(days=3)
    call_id = services.cases.open_call(
        "ru.pp1176",
        title=f"Decree 1176 selection {today.year}",
        published_on=published,
        closes_on=published + dt.timedelta(days=40),
        budget_limit=Money.of(500_000_000, "RUB"),
        budget_year=today.year,
    )
    services.cases.submit(
        call_id=call_id,
        enterprise_id="ru-bearing-works",
        facts=ru.facts,
        actor="applicant-ru2",
        subject="Bearing units for passenger cars",
    )
    return Demo(accounts, PASSWORD, call_id)
