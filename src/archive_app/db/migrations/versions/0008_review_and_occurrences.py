"""Review flags on articles, and provenance rows for every place an article was seen.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("review", sa.JSON(), nullable=False, server_default="[]"))
    # rows written before this revision each gave a version: "import"
    with op.batch_alter_table("provenance") as batch:
        batch.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default="import"))


def downgrade() -> None:
    with op.batch_alter_table("provenance") as batch:
        batch.drop_column("kind")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("review")
