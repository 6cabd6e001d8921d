"""Alembic environment: migrations run on the connection the store hands over."""

from __future__ import annotations

from alembic import context

import industrial_support.accounts.models  # noqa: F401 - its tables belong to the same schema
from industrial_support.cases.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
