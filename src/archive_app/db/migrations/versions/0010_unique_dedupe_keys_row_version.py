"""Unique deduplication keys and a row version on articles, for desktops writing at once.

Revision ID: 0010
Revises: 0009

Two desktops importing the same new article, or creating the same top-level collection, race
between their look-up and their insert; unique indexes let the database refuse the second.
Only what the importer treats as the same article is unique: the URL key (or "id:<guid>") of an
article, and the text of an article without one. A catalogue that already holds rows breaking
a rule keeps them: the index covers only rows added after the upgrade (id above the highest
breaking row), so the upgrade never fails, the older duplicates stay linked as they are, and
every new row is held to the rule.

`row_version` counts each update of an article's row: an edit prepared against an older count
is refused (UPDATE ... WHERE row_version = ?, SQLAlchemy's version_id_col).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# (index, table, key columns, which rows the rule is about)
_RULES = (
    ("uq_articles_url_key", "articles", ("url_key",), "url_key IS NOT NULL"),
    ("uq_articles_text_without_url", "articles", ("content_hash",), "url_key IS NULL"),
    ("uq_collections_top_name", "collections", ("name",), "parent_id IS NULL"),
)


def _breaking_floor(table: str, columns: tuple[str, ...], rows: str) -> int:
    """The highest id of a row that repeats another's key (0 when none does)."""
    keys = ", ".join(columns)
    found = op.get_bind().scalar(
        sa.text(
            f"SELECT max(id) FROM {table} WHERE {rows} AND ({keys}) IN "
            f"(SELECT {keys} FROM {table} WHERE {rows} GROUP BY {keys} HAVING count(*) > 1)"
        )
    )
    return int(found or 0)


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"))
    for name, table, columns, rows in _RULES:
        floor = _breaking_floor(table, columns, rows)
        where = sa.text(rows if floor == 0 else f"{rows} AND id > {floor}")
        op.create_index(
            name, table, list(columns), unique=True, sqlite_where=where, postgresql_where=where
        )


def downgrade() -> None:
    for name, table, _columns, _rows in reversed(_RULES):
        op.drop_index(name, table_name=table)
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("row_version")
