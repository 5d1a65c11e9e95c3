"""Source keywords on articles, embedded photo metadata and thumbnails, same-story links.

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


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("keywords", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("simhash", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("media_files") as batch:
        batch.add_column(sa.Column("metadata", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("thumbnail", sa.String(255), nullable=True))
    op.create_table(
        "simhash_bands",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_simhash_bands_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "band", name="pk_simhash_bands"),
    )
    op.create_index("ix_simhash_bands_band_value", "simhash_bands", ["band", "value"])
    op.create_table(
        "same_story",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_same_story_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["other_id"],
            ["articles.id"],
            name="fk_same_story_other_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "other_id", name="pk_same_story"),
    )
    op.create_index("ix_same_story_other_id", "same_story", ["other_id"])


def downgrade() -> None:
    op.drop_table("same_story")
    op.drop_table("simhash_bands")
    with op.batch_alter_table("media_files") as batch:
        batch.drop_column("thumbnail")
        batch.drop_column("metadata")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("simhash")
        batch.drop_column("keywords")
