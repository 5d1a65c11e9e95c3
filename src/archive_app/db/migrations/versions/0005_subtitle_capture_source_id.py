"""Subtitles, web-archive capture times and wire item identifiers on articles.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("subtitle", sa.Text(), nullable=True))
        batch.add_column(sa.Column("captured", sa.String(40), nullable=True))
        batch.add_column(sa.Column("source_id", sa.Text(), nullable=True))
    op.create_index("ix_articles_source_id", "articles", ["source_id"])


def downgrade() -> None:
    op.drop_index("ix_articles_source_id", "articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("source_id")
        batch.drop_column("captured")
        batch.drop_column("subtitle")
