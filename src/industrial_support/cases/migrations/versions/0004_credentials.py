"""Credentials with a lifecycle: disabled accounts, forced password change, token expiry and
last use, and the sign-in audit trail.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The audit trail is evidence: like the transition log, rows are never changed or removed.
_SQLITE_GUARD = """
CREATE TRIGGER login_events_no_{verb} BEFORE {verb} ON login_events
BEGIN SELECT RAISE(ABORT, 'the sign-in audit trail is append-only'); END
"""
_PG_FUNCTION = """
CREATE FUNCTION login_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the sign-in audit trail is append-only'; END $$
"""
_PG_TRIGGER = """
CREATE TRIGGER login_events_no_update_delete BEFORE UPDATE OR DELETE ON login_events
FOR EACH ROW EXECUTE FUNCTION login_events_append_only()
"""


def upgrade() -> None:
    with op.batch_alter_table("accounts") as table:
        table.add_column(sa.Column("disabled_at", sa.DateTime(timezone=True)))
        table.add_column(sa.Column("password_changed_at", sa.DateTime(timezone=True)))
        table.add_column(
            sa.Column("must_change_password", sa.Boolean, nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("api_tokens") as table:
        table.add_column(sa.Column("expires_at", sa.DateTime(timezone=True)))
        table.add_column(sa.Column("last_used_at", sa.DateTime(timezone=True)))
    op.create_table(
        "login_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id")),
        sa.Column("client_address", sa.String(64)),
        sa.Column("actor", sa.String(64)),
        sa.Column("detail", sa.String(200)),
    )
    op.create_index("ix_login_events_at", "login_events", ["at"])
    op.create_index("ix_login_events_username", "login_events", ["username"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        op.execute(_PG_TRIGGER)
    else:
        op.execute(_SQLITE_GUARD.format(verb="UPDATE"))
        op.execute(_SQLITE_GUARD.format(verb="DELETE"))


def downgrade() -> None:
    op.drop_table("login_events")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS login_events_append_only")
    with op.batch_alter_table("api_tokens") as table:
        table.drop_column("last_used_at")
        table.drop_column("expires_at")
    with op.batch_alter_table("accounts") as table:
        table.drop_column("must_change_password")
        table.drop_column("password_changed_at")
        table.drop_column("disabled_at")
