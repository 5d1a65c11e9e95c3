"""Alembic environment: runs migrations on the connection the library opener passes in."""

from __future__ import annotations

from alembic import context

from archive_app.db import (
    blob_store,  # noqa: F401  (a team library's files: its tables too)
    change_log,  # noqa: F401  (its table is the catalogue's too)
)
from archive_app.db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
