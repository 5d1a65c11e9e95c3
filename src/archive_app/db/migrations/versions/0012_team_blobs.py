"""Originals and photos of a team library kept in its catalogue, content-addressed, in chunks.

Revision ID: 0012
Revises: 0011

blobs holds one row per distinct file (its SHA-256, size and number of chunks); blob_chunks
holds its bytes in pieces of about 1 MiB, so a file is written and read a piece at a time,
never whole in memory. A team library's members all reach them through the server; each
desktop keeps a read-through cache in its own folder. A folder library keeps its files in
originals/ and media/ as before: on SQLite the tables are made (one schema for both) and stay
empty.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("chunks", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
    )
    op.create_table(
        "blob_chunks",
        sa.Column(
            "sha256",
            sa.String(64),
            sa.ForeignKey("blobs.sha256", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("blob_chunks")
    op.drop_table("blobs")
