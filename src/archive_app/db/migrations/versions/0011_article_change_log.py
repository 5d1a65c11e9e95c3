"""A change log of the catalogue's articles, which each desktop's own index follows.

Revision ID: 0011
Revises: 0010

Every insert, update and delete of an article row appends (article_id, kind, at, txid) to
article_changes in the same transaction, and wakes listening desktops with
NOTIFY arsip_changes (delivered on commit, one per transaction: the payload is empty, so the
server folds a bulk change's notifications into one).

Written by a PostgreSQL trigger rather than SQLAlchemy flush events: every change to what the
index holds bumps the article's row (version, row_version), and a trigger also sees the
changes made by bulk UPDATE/DELETE statements, which bypass the ORM's flush, and those made by
another program or an older desktop. On SQLite the table is made (one schema for both) but no
trigger fills it: a folder library has a single writer, which indexes its own changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_FUNCTION = """
CREATE FUNCTION arsip_log_article_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO article_changes (article_id, kind, txid)
            VALUES (OLD.id, 'deleted', pg_current_xact_id()::text::bigint);
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO article_changes (article_id, kind, txid)
            VALUES (NEW.id, 'added', pg_current_xact_id()::text::bigint);
    ELSE
        INSERT INTO article_changes (article_id, kind, txid)
            VALUES (NEW.id, 'changed', pg_current_xact_id()::text::bigint);
    END IF;
    PERFORM pg_notify('arsip_changes', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""

_TRIGGER = """
CREATE TRIGGER arsip_article_changes AFTER INSERT OR UPDATE OR DELETE ON articles
FOR EACH ROW EXECUTE FUNCTION arsip_log_article_change()
"""


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "article_changes",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        # the writing transaction: ids are taken in one order and committed in another, so a
        # desktop follows the log by transaction (everything below the oldest transaction
        # still running is final), not by id
        sa.Column("txid", sa.BigInteger(), nullable=True),
    )
    op.create_index("ix_article_changes_txid", "article_changes", ["txid"])
    if postgres:
        op.execute(_FUNCTION)
        op.execute(_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER arsip_article_changes ON articles")
        op.execute("DROP FUNCTION arsip_log_article_change()")
    op.drop_table("article_changes")
