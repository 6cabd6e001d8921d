"""``isupport case …``: the officials' and applicants' commands on the case store."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from .engine.errors import IsupportError
from .engine.money import Money

if TYPE_CHECKING:  # the store (SQLAlchemy, Alembic) is imported by the commands that use it
    from .cases.store import CaseStore, CaseView

app = typer.Typer(
    help="Administer cases: calls, applications, steps, deadlines, logs.", no_args_is_help=True
)
console = Console()
DbOption = Annotated[
    str | None,
    typer.Option("--db", help="database URL (default: $ISUPPORT_DB or sqlite var/isupport.db)"),
]
JsonOption = Annotated[bool, typer.Option("--json", help="print JSON for machines")]


def _date(text: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise IsupportError(f"{field}: expected YYYY-MM-DD, got {text!r}") from None


TODAY_ENV = "ISUPPORT_TODAY"  # tests and demonstrations fix the server's day (YYYY-MM-DD)


def _store(db: str | None) -> CaseStore:
    """The case store on the server's clock — or, for tests and demonstrations, on the day
    $ISUPPORT_TODAY names (the time of day stays the real one). No command takes a date for
    a step except an official's late recording."""
    from .cases.store import CaseStore

    fixed = os.environ.get(TODAY_ENV)
    if not fixed:
        return CaseStore(db)
    day = _date(fixed, TODAY_ENV)

    def clock() -> dt.datetime:
        return dt.datetime.combine(day, dt.datetime.now(dt.UTC).time(), tzinfo=dt.UTC)

    return CaseStore(db, clock=clock)


def _money(text: str) -> Money:
    parts = text.split()
    if len(parts) != 2:
        raise IsupportError(
            f"budget: expected '<amount> <currency>', e.g. '100000000 RUB'; got {text!r}"
        )
    return Money.of(parts[0], parts[1])


def parse_value(raw: str) -> Any:
    """A step datum from text: true/false, a small whole number (a year), else the text."""
    if raw in ("true", "false"):
        return raw == "true"
    return int(raw) if raw.lstrip("-").isdigit() and len(raw) < 6 else raw


def parse_data(pairs: list[str] | None) -> dict[str, Any]:
    """Step data given as key=value pairs (the command line and the workbench form)."""
    data = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise IsupportError(f"data: expected key=value, got {pair!r}")
        data[key] = parse_value(value)
    return data


def _out(data: Any) -> None:
    from .report import plain

    sys.stdout.write(json.dumps(plain(data), ensure_ascii=False, indent=2, default=str) + "\n")


def _case_dict(case: CaseView) -> dict[str, Any]:
    from .cases.procedure import get_procedure

    procedure = get_procedure(case.procedure)
    return {
        "id": case.id,
        "procedure": case.procedure,
        "call_id": case.call_id,
        "arrival_number": case.arrival_number,
        "enterprise_id": case.enterprise_id,
        "subject": case.subject,
        "state": case.state,
        "amount": str(case.amount) if case.amount else None,
        "next_steps": [
            {
                "action": s.action,
                "party": s.party,
                "four_eyes": s.four_eyes,
                "basis": s.basis,
                "reasons": list(s.reasons),
            }
            for s in procedure.available(case.state)
        ],
    }


@app.command("open-call")
def open_call(
    procedure: Annotated[str, typer.Option(help="procedure id, e.g. ru.pp1176")],
    title: Annotated[str, typer.Option()],
    published: Annotated[str, typer.Option(help="publication date")],
    closes: Annotated[str, typer.Option(help="last day to apply")],
    budget: Annotated[str, typer.Option(help="yearly budget limit, e.g. '100000000 RUB'")],
    year: Annotated[int, typer.Option(help="budget year")],
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Announce a call for applications (its window is checked against the law)."""
    call_id = _store(db).open_call(
        procedure,
        title=title,
        published_on=_date(published, "published"),
        closes_on=_date(closes, "closes"),
        budget_limit=_money(budget),
        budget_year=year,
    )
    _out({"call_id": call_id}) if json_ else console.print(f"call {call_id} opened")


@app.command()
def submit(
    case_file: Annotated[Path, typer.Argument(help="the enterprise's case file (facts)")],
    call: Annotated[int | None, typer.Option(help="call id")] = None,
    procedure: Annotated[
        str | None, typer.Option(help="procedure id, for procedures without calls")
    ] = None,
    key: Annotated[
        str | None, typer.Option(help="idempotency key: a retry never creates a second application")
    ] = None,
    subject: Annotated[
        str | None, typer.Option(help="e.g. the product code for a register entry")
    ] = None,
    actor: Annotated[str, typer.Option()] = "applicant",
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Submit an application, dated now; with a call it gets the next arrival number."""
    from .engine.cases import load_case

    case = load_case(case_file)
    view = _store(db).submit(
        call_id=call,
        procedure_id=procedure,
        enterprise_id=case.id,
        facts=case.facts,
        actor=actor,
        idempotency_key=key,
        subject=subject,
    )
    _out(_case_dict(view)) if json_ else console.print(
        f"case {view.id}: {view.state}"
        + (f", arrival number {view.arrival_number}" if view.arrival_number else "")
    )


@app.command()
def act(
    case_id: Annotated[int, typer.Argument()],
    action: Annotated[str, typer.Argument(help="a step of the case's procedure (see 'case show')")],
    party: Annotated[
        str,
        typer.Option("--as", help="the procedure party acting (see 'case show'), e.g. ministry"),
    ],
    actor: Annotated[str, typer.Option(help="who acts (a four-eyes step needs two)")] = "unnamed",
    on: Annotated[
        str | None,
        typer.Option(
            help="late recording (officials): the earlier day the step took effect; "
            "needs --late-reason. Without it the step is dated today"
        ),
    ] = None,
    late_reason: Annotated[
        str | None, typer.Option(help="why the step is recorded only now (with --on)")
    ] = None,
    reason: Annotated[str | None, typer.Option(help="reason code, for refusals")] = None,
    note: Annotated[str | None, typer.Option()] = None,
    data: Annotated[list[str] | None, typer.Option(help="key=value, repeatable")] = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Take a step, dated today: decide, sign, request, pay, report, remove, object …"""
    from .cases.store import LateRecording

    late = None
    if on is not None or late_reason is not None:
        if on is None or not (late_reason or "").strip():
            raise IsupportError("on, late-reason: a late recording needs both the day and why")
        late = LateRecording(_date(on, "on"), late_reason or "")
    view = _store(db).act(
        case_id,
        action,
        actor=actor,
        party=party,
        late=late,
        reason=reason,
        note=note,
        data=parse_data(data),
    )
    _out(_case_dict(view)) if json_ else console.print(f"case {view.id}: {view.state}")


@app.command()
def show(case_id: int, db: DbOption = None, json_: JsonOption = False) -> None:
    """A case, its open deadlines and the steps it may take next."""
    store = _store(db)
    view = store.get(case_id)
    decided = [t for t in store.log(case_id) if t.rules_hash]
    data = _case_dict(view) | {
        "open_obligations": [vars(d) for d in store.due(store.today()) if d.case_id == case_id],
        # the rules of the latest step that evaluated the program
        "rules_hash": decided[-1].rules_hash if decided else None,
    }
    if json_:
        _out(data)
        return
    console.print(
        f"[bold]case {view.id}[/bold] {view.procedure} · {view.enterprise_id} · state [bold]{view.state}[/bold]"
    )
    if data["rules_hash"]:
        console.print(f"  rules {data['rules_hash']} (latest decision)")
    for step in data["next_steps"]:
        reasons = f" reasons: {', '.join(step['reasons'])}" if step["reasons"] else ""
        eyes = ", four eyes" if step["four_eyes"] else ""
        console.print(f"  → {step['action']} ({step['party']}{eyes}, {step['basis']}){reasons}")
    for item in data["open_obligations"]:
        console.print(f"  due {item['due_on']}: {item['kind']} ({item['party']}, {item['basis']})")


@app.command()
def log(case_id: int, db: DbOption = None, json_: JsonOption = False) -> None:
    """The append-only log of a case: who, when, from, to, basis."""
    rows = [
        {
            "at": t.recorded_at,
            "date": t.event_date,
            "action": t.action,
            "from": t.from_state,
            "to": t.to_state,
            "actor": t.actor,
            "party": t.party,
            "phase": t.phase,
            "basis": t.basis,
            "reason": t.reason_code,
            "late_reason": t.late_reason,
            "rules_hash": t.rules_hash,
            "data": t.data,
            "hash": t.entry_hash,
        }
        for t in _store(db).log(case_id)
    ]
    if json_:
        _out(rows)
        return
    table = Table(title=f"case {case_id}")
    columns = ("date", "action", "from", "to", "actor", "party", "basis", "reason", "rules_hash")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        cells = {c: str(row[c] or "") for c in columns}
        if row["late_reason"]:
            cells["date"] += f" (recorded late {row['at']:%Y-%m-%d}: {row['late_reason']})"
        if row["phase"]:
            cells["action"] += f" ({row['phase']})"
        table.add_row(*(cells[c] for c in columns))
    console.print(table)


@app.command()
def verify(db: DbOption = None, json_: JsonOption = False) -> None:
    """Check the record: every case's hash chain, and that its state, amount and open
    obligations equal the replay of its log. Exits 1 naming the first broken entry."""
    cases, entries, problems = _store(db).verify()
    if json_:
        _out({"cases": cases, "entries": entries, "problems": [str(p) for p in problems]})
    elif problems:
        for problem in problems:
            console.print(f"[red]broken[/red] {problem}")
    else:
        console.print(f"record verified: {cases} cases, {entries} entries")
    if problems:
        raise typer.Exit(1)


@app.command()
def due(
    as_of: Annotated[str, typer.Option("--as-of", help="the day to judge by")],
    party: Annotated[str | None, typer.Option(help="official or applicant")] = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Everything due across all cases, overdue items marked."""
    items = _store(db).due(_date(as_of, "as-of"), party)
    if json_:
        _out([vars(i) for i in items])
        return
    table = Table(title=f"due as of {as_of}")
    for column in ("due", "case", "enterprise", "what", "who", "basis"):
        table.add_column(column, overflow="fold")
    for i in items:
        mark = "[red]overdue[/red] " if i.overdue else ""
        table.add_row(
            f"{mark}{i.due_on}", str(i.case_id), i.enterprise_id, i.kind, i.party, i.basis
        )
    console.print(table)


@app.command("list")
def list_cases(
    call: Annotated[int | None, typer.Option()] = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Cases, in order of arrival within each call."""
    cases = _store(db).cases(call)
    if json_:
        _out([_case_dict(c) for c in cases])
        return
    for c in cases:
        console.print(
            f"{c.id}\t#{c.arrival_number or '-'}\t{c.enterprise_id}\t{c.state}\t{c.amount or ''}"
        )


@app.command()
def registered(
    enterprise: Annotated[str, typer.Option()],
    product: Annotated[str, typer.Option()],
    on: Annotated[str, typer.Option()],
    register: Annotated[str, typer.Option()] = "kz.producers",
    db: DbOption = None,
) -> None:
    """Was the enterprise in the register for the product on that day? (000 Art.51-1)"""
    answer = _store(db).registered(register, enterprise, product, _date(on, "on"))
    _out(
        {
            "register": register,
            "enterprise": enterprise,
            "product": product,
            "on": on,
            "registered": answer,
        }
    )


@app.command()
def results(call: int, db: DbOption = None) -> None:
    """The results record of a call (003 §9(e)): every application in order of arrival, who
    was refused and on which ground, and the agreements with their amounts."""
    store = _store(db)
    record = store.call(call)
    rows = []
    for case in store.cases(call):
        refusal = next((t for t in reversed(store.log(case.id)) if t.reason_code), None)
        rows.append(
            {
                "arrival_number": case.arrival_number,
                "enterprise_id": case.enterprise_id,
                "state": case.state,
                "refusal_ground": refusal.reason_code if refusal else None,
                "refusal_basis": refusal.basis if refusal else None,
                "amount": str(case.amount) if case.amount else None,
            }
        )
    publish_by = None
    if record.procedure == "ru.pp1176":
        from .programs.ru.pp1176 import SCHEDULE

        # the review results are published by 1 April of the budget year (003 §9(e))
        publish_by = SCHEDULE["review_results_publication"].due(dt.date(record.budget_year, 1, 1))
    _out(
        {
            "call_id": call,
            "title": record.title,
            "closes_on": record.closes_on,
            "publish_by": publish_by,
            "committed": str(store.committed(call)),
            "applications": rows,
        }
    )
