"""A title sort key on articles (case and accents folded) and its index, for the title order.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from archive_app.db.sort_key import title_key

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_FILL_BATCH = 5000  # rows keyed per statement: 100,000 articles in a few seconds


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("title_key", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    articles = sa.table("articles", sa.column("id"), sa.column("title"), sa.column("title_key"))
    rows = connection.execute(sa.select(articles.c.id, articles.c.title)).all()
    update = (
        articles.update()
        .where(articles.c.id == sa.bindparam("row_id"))
        .values(title_key=sa.bindparam("key"))
    )
    for start in range(0, len(rows), _FILL_BATCH):
        chunk = rows[start : start + _FILL_BATCH]
        connection.execute(update, [{"row_id": i, "key": title_key(t)} for i, t in chunk])
    # the title order (key, then id) read straight from the index: no sort of every row
    op.create_index("ix_articles_title_key", "articles", ["title_key", "id"])


def downgrade() -> None:
    op.drop_index("ix_articles_title_key", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("title_key")
