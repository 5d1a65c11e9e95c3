"""Cataloguing: notes and edited fields, change history, collections, people and place
authorities, sign-off codes.

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


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))
        batch.add_column(sa.Column("overrides", sa.JSON(), nullable=False, server_default="{}"))
    with op.batch_alter_table("article_people") as batch:
        batch.add_column(sa.Column("credited_name", sa.String(255), nullable=True))
    op.execute(
        "UPDATE article_people SET credited_name = "
        "(SELECT name FROM people WHERE people.id = article_people.person_id)"
    )
    op.create_table(
        "change_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("user", sa.String(255), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("undone", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("payload", sa.JSON(), nullable=False, server_default="{}"),
        sa.PrimaryKeyConstraint("id", name="pk_change_sets"),
    )
    op.create_table(
        "history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("change_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("old", sa.JSON(), nullable=True),
        sa.Column("new", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["change_id"],
            ["change_sets.id"],
            name="fk_history_change_id_change_sets",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_history_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_history"),
    )
    op.create_index("ix_history_article_id", "history", ["article_id"])
    op.create_index("ix_history_change_id", "history", ["change_id"])
    op.create_table(
        "collections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["collections.id"],
            name="fk_collections_parent_id_collections",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_collections"),
        sa.UniqueConstraint("parent_id", "name", name="uq_collections_parent_id_name"),
    )
    op.create_table(
        "article_collections",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_article_collections_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collections.id"],
            name="fk_article_collections_collection_id_collections",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "collection_id", name="pk_article_collections"),
    )
    op.create_index(
        "ix_article_collections_collection_id", "article_collections", ["collection_id"]
    )
    op.create_table(
        "person_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name="fk_person_aliases_person_id_people",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_person_aliases"),
        sa.UniqueConstraint("key", name="uq_person_aliases_key"),
    )
    op.create_table(
        "signoff_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name="fk_signoff_codes_site_id_sites"),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name="fk_signoff_codes_person_id_people",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_signoff_codes"),
        sa.UniqueConstraint("site_id", "code", name="uq_signoff_codes_site_id_code"),
    )
    op.create_table(
        "place_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("place", sa.String(255), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_place_aliases"),
        sa.UniqueConstraint("key", name="uq_place_aliases_key"),
    )


def downgrade() -> None:
    for table in (
        "place_aliases",
        "signoff_codes",
        "person_aliases",
        "article_collections",
        "collections",
        "history",
        "change_sets",
    ):
        op.drop_table(table)
    with op.batch_alter_table("article_people") as batch:
        batch.drop_column("credited_name")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("overrides")
        batch.drop_column("note")
