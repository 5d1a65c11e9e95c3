"""Same-story links by shared sentences instead of SimHash bands.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("simhash_bands")
    op.create_table(
        "story_sentences",
        sa.Column("hash", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_story_sentences_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("hash", "article_id", name="pk_story_sentences"),
    )
    op.create_index("ix_story_sentences_article_id", "story_sentences", ["article_id"])


def downgrade() -> None:
    op.drop_table("story_sentences")
    op.create_table(
        "simhash_bands",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "band", name="pk_simhash_bands"),
    )
