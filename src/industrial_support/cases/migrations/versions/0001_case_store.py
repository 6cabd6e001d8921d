"""Case store: calls, cases, append-only transitions, obligations, register entries.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_SQLITE_GUARD = """
CREATE TRIGGER transitions_no_{verb} BEFORE {verb} ON transitions
BEGIN SELECT RAISE(ABORT, 'the transition log is append-only'); END
"""
_PG_FUNCTION = """
CREATE FUNCTION transitions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the transition log is append-only'; END $$
"""
_PG_TRIGGER = """
CREATE TRIGGER transitions_no_update_delete BEFORE UPDATE OR DELETE ON transitions
FOR EACH ROW EXECUTE FUNCTION transitions_append_only()
"""


def upgrade() -> None:
    op.create_table(
        "calls",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("procedure", sa.String(64), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("published_on", sa.Date, nullable=False),
        sa.Column("closes_on", sa.Date, nullable=False),
        sa.Column("budget_year", sa.Integer, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("budget_limit_minor", sa.BigInteger, nullable=False),
        sa.Column("committed_minor", sa.BigInteger, nullable=False),
        sa.Column("last_arrival_number", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("committed_minor <= budget_limit_minor", name="ck_calls_within_budget"),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("procedure", sa.String(64), nullable=False),
        sa.Column("call_id", sa.Integer, sa.ForeignKey("calls.id")),
        sa.Column("arrival_number", sa.Integer),
        sa.Column("enterprise_id", sa.String(64), nullable=False),
        sa.Column("subject", sa.String(120)),
        sa.Column("state", sa.String(64), nullable=False),
        sa.Column("facts", sa.JSON, nullable=False),
        sa.Column("currency", sa.String(3)),
        sa.Column("amount_minor", sa.BigInteger),
        sa.Column("idempotency_key", sa.String(120), unique=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.UniqueConstraint("call_id", "arrival_number", name="uq_case_arrival"),
    )
    op.create_index("ix_cases_enterprise_id", "cases", ["enterprise_id"])
    op.create_table(
        "transitions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("from_state", sa.String(64)),
        sa.Column("to_state", sa.String(64), nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("event_date", sa.Date, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("basis", sa.String(120), nullable=False),
        sa.Column("reason_code", sa.String(64)),
        sa.Column("note", sa.Text),
        sa.Column("data", sa.JSON),
    )
    op.create_index("ix_transitions_case_id", "transitions", ["case_id"])
    op.create_table(
        "obligations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("party", sa.String(32), nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("rule", sa.String(200), nullable=False),
        sa.Column("basis", sa.String(120), nullable=False),
        sa.Column("opened_by", sa.Integer, sa.ForeignKey("transitions.id"), nullable=False),
        sa.Column("closed_by", sa.Integer, sa.ForeignKey("transitions.id")),
    )
    op.create_index("ix_obligations_case_id", "obligations", ["case_id"])
    op.create_index("ix_obligations_open_due", "obligations", ["closed_by", "due_on"])
    op.create_table(
        "register_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("register", sa.String(64), nullable=False),
        sa.Column("enterprise_id", sa.String(64), nullable=False),
        sa.Column("product", sa.String(120), nullable=False),
        sa.Column("included_on", sa.Date, nullable=False),
        sa.Column("removed_on", sa.Date),
        sa.Column("removal_reason", sa.String(64)),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
    )
    op.create_index(
        "ix_register_lookup", "register_entries", ["register", "enterprise_id", "product"]
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        op.execute(_PG_TRIGGER)
    else:
        op.execute(_SQLITE_GUARD.format(verb="UPDATE"))
        op.execute(_SQLITE_GUARD.format(verb="DELETE"))


def downgrade() -> None:
    for table in ("register_entries", "obligations", "transitions", "cases", "calls"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS transitions_append_only")
