"""``isupport accounts …``: the administrator's commands (run at the server, on its database).

Passwords are never command-line arguments (they would stay in the shell history and the
process list): they are typed at a hidden prompt, or read from standard input with
``--password-stdin``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from ..engine.errors import IsupportError

app = typer.Typer(
    help="Administer accounts: create, list, disable, reset passwords, revoke tokens.",
    no_args_is_help=True,
)
console = Console()
errors = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])
DbOption = Annotated[
    str | None,
    typer.Option("--db", help="database URL (default: $ISUPPORT_DB or sqlite var/isupport.db)"),
]
JsonOption = Annotated[bool, typer.Option("--json", help="print JSON for machines")]
PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help="read the password from standard input")
]


def friendly(command: F) -> F:
    """The engine's errors become one clear line and exit code 2, never a traceback."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except IsupportError as error:
            errors.print(f"[red]error:[/red] {error}", highlight=False)
            raise typer.Exit(2) from None

    return run  # type: ignore[return-value]


def _store(db: str | None) -> Any:
    from ..cases.db import connect
    from .service import AccountStore

    return AccountStore(connect(db))


def _password(from_stdin: bool, prompt: str) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    entered: str = typer.prompt(prompt, hide_input=True, confirmation_prompt=True)
    return entered


def _out(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


@app.command()
@friendly
def create(
    username: Annotated[str, typer.Argument(help="the name to sign in with")],
    role: Annotated[str, typer.Option(help="applicant, official or auditor")],
    enterprise: Annotated[
        str | None, typer.Option(help="the enterprise an applicant acts for")
    ] = None,
    authority: Annotated[
        list[str] | None,
        typer.Option(help="a procedure an official decides on (repeat for more)"),
    ] = None,
    display_name: Annotated[str | None, typer.Option(help="the name shown on pages")] = None,
    password_stdin: PasswordStdin = False,
    db: DbOption = None,
) -> None:
    """Create an account."""
    password = _password(password_stdin, "Password")
    principal = _store(db).add_account(
        username,
        password,
        role,
        display_name=display_name,
        enterprise_id=enterprise,
        authorities=authority or (),
    )
    console.print(f"account {principal.username} created ({principal.role})")


@app.command("list")
@friendly
def list_accounts(db: DbOption = None, json_: JsonOption = False) -> None:
    """Every account, with its role and whether it is disabled."""
    store = _store(db)
    accounts = store.accounts()
    if json_:
        _out(
            [
                {
                    "username": a.username,
                    "display_name": a.display_name,
                    "role": a.role,
                    "enterprise_id": a.enterprise_id,
                    "authorities": list(a.authorities),
                    "created_at": a.created_at.isoformat(),
                    "disabled_at": a.disabled_at.isoformat() if a.disabled_at else None,
                    "must_change_password": a.must_change_password,
                }
                for a in accounts
            ]
        )
        return
    table = Table("username", "role", "enterprise / authorities", "state")
    for a in accounts:
        scope = a.enterprise_id or ", ".join(a.authorities) or "—"
        state = (
            "disabled"
            if a.disabled_at
            else "must change password"
            if a.must_change_password
            else "active"
        )
        table.add_row(a.username, a.role, scope, state)
    console.print(table)


@app.command()
@friendly
def disable(username: str, db: DbOption = None) -> None:
    """Disable an account: it can no longer sign in; its sessions end; its tokens stop."""
    _store(db).set_disabled(username, True)
    console.print(f"account {username} disabled")


@app.command()
@friendly
def enable(username: str, db: DbOption = None) -> None:
    """Enable a disabled account again (its revoked tokens stay revoked)."""
    _store(db).set_disabled(username, False)
    console.print(f"account {username} enabled")


@app.command("reset-password")
@friendly
def reset_password(
    username: str,
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin", help="read the new password from standard input"),
    ] = False,
    db: DbOption = None,
) -> None:
    """Set a new password (random unless given on stdin) that must be changed at the next
    sign-in; ends every session and revokes every API token of the account."""
    chosen = sys.stdin.readline().rstrip("\r\n") if password_stdin else None
    password = _store(db).reset_password(username, chosen)
    if chosen is None:
        console.print(f"temporary password for {username} (shown once): {password}")
    else:
        console.print(f"password of {username} reset")
    console.print("every session ended, every API token revoked; a new password is due at sign-in")


@app.command()
@friendly
def tokens(username: str, db: DbOption = None, json_: JsonOption = False) -> None:
    """An account's API tokens (never the secrets)."""
    store = _store(db)
    account = next((a for a in store.accounts() if a.username == username), None)
    if account is None:
        raise IsupportError(f"username: no account {username!r}")
    found = store.tokens(account.id)
    rows = [
        {
            "id": t.id,
            "name": t.name,
            "created_at": t.created_at.isoformat(),
            "expires_at": t.expires_at.isoformat() if t.expires_at else None,
            "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
            "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
        }
        for t in found
    ]
    if json_:
        _out(rows)
        return
    table = Table("id", "name", "created", "expires", "last used", "revoked")
    for row in rows:
        table.add_row(*(str(row[k] or "—") for k in row))
    console.print(table)


@app.command("revoke-token")
@friendly
def revoke_token(
    token_id: Annotated[int, typer.Argument(help="the token's id (see: isupport accounts tokens)")],
    db: DbOption = None,
) -> None:
    """Revoke one API token: it stops working at once."""
    view = _store(db).revoke_token(token_id, owner=None)
    console.print(f"token {view.id} ({view.name}) revoked")


@app.command()
@friendly
def audit(
    username: Annotated[str | None, typer.Option(help="only this username")] = None,
    outcome: Annotated[str | None, typer.Option(help="only this event, e.g. locked_out")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10000)] = 50,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """The sign-in audit trail, newest first."""
    from .models import LOGIN_OUTCOMES

    if outcome and outcome not in LOGIN_OUTCOMES:
        raise IsupportError(f"outcome: expected one of {', '.join(LOGIN_OUTCOMES)}")
    events = _store(db).login_events(username=username, outcome=outcome, limit=limit)
    rows = [
        {
            "at": e.at.isoformat(),
            "outcome": e.outcome,
            "username": e.username,
            "client_address": e.client_address,
            "actor": e.actor,
            "detail": e.detail,
        }
        for e in events
    ]
    if json_:
        _out(rows)
        return
    table = Table("at", "event", "username", "address", "by", "detail")
    for row in rows:
        table.add_row(*(str(row[k] or "—") for k in row))
    console.print(table)
