"""The record as evidence: hash-chained transitions (prev/entry hash), the rules hash, late
recording, four-eyes phases, the amount after each step; request hashes for idempotency
keys; on SQLite id reuse (INSERT OR REPLACE) on the log is refused.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# INSERT OR REPLACE deletes the old row without firing DELETE triggers: refuse any insert
# that names an id the log has already given (an omitted id arrives here as -1 or NULL).
_SQLITE_NO_REUSE = """
CREATE TRIGGER transitions_no_id_reuse BEFORE INSERT ON transitions
WHEN NEW.id > 0 AND NEW.id <= (SELECT COALESCE(MAX(id), 0) FROM transitions)
BEGIN SELECT RAISE(ABORT, 'the transition log is append-only: id reuse refused'); END
"""


def _columns() -> tuple[sa.Column[object], ...]:
    return (
        sa.Column("phase", sa.String(16)),
        sa.Column("late_reason", sa.Text),
        sa.Column("rules_hash", sa.String(40)),
        sa.Column("amount_minor", sa.BigInteger),
        sa.Column("currency", sa.String(3)),
        sa.Column("prev_hash", sa.String(64)),
        sa.Column("entry_hash", sa.String(64)),
    )


def upgrade() -> None:
    for column in _columns():
        op.add_column("transitions", column)
    op.add_column("cases", sa.Column("request_hash", sa.String(64)))
    op.create_index("ix_cases_call_enterprise", "cases", ["call_id", "enterprise_id"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(_SQLITE_NO_REUSE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS transitions_no_id_reuse")
    op.drop_index("ix_cases_call_enterprise", "cases")
    op.drop_column("cases", "request_hash")
    for column in _columns():
        op.drop_column("transitions", column.name)
