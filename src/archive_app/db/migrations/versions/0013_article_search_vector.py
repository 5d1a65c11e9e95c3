"""The team catalogue's own full-text search: a weighted tsvector per article, GIN-indexed.

Revision ID: 0013
Revises: 0012

PostgreSQL only (a no-op on SQLite, whose one desktop always has its own index): a desktop whose
index of a team catalogue is still being built answers searches from this column meanwhile
(db/team_fulltext.py). The vector weighs the title (A) above the subtitle (B) and the body (D),
stemmed with the `indonesian` configuration for Indonesian articles and `english` otherwise.

A stored generated column rather than a trigger: the server computes it from the row on every
insert and update, whoever writes (the ORM, a bulk UPDATE, another program), and filling it for
the rows already there is the table rewrite of ADD COLUMN, which fires no row trigger, so the
change log (0011) is not flooded with a change per article.
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# IMMUTABLE, as a generated column requires: both depend on their argument only
_CONFIG = """
CREATE FUNCTION arsip_fts_config(language text) RETURNS regconfig AS $$
    SELECT CASE WHEN lower(coalesce(language, '')) IN ('id', 'ind', 'ms', 'may')
                THEN 'indonesian'::regconfig ELSE 'english'::regconfig END
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE
"""
_BODY = """
CREATE FUNCTION arsip_body_text(body json) RETURNS text AS $$
    SELECT coalesce(string_agg(paragraph, E'\\n'), '')
    FROM json_array_elements_text(CASE WHEN json_typeof(body) = 'array' THEN body
                                      ELSE '[]'::json END) AS paragraph
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE
"""
_COLUMN = """
ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(arsip_fts_config(language), coalesce(title, '')), 'A')
    || setweight(to_tsvector(arsip_fts_config(language), coalesce(subtitle, '')), 'B')
    || setweight(to_tsvector(arsip_fts_config(language), arsip_body_text(body)), 'D')
) STORED
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_CONFIG)
    op.execute(_BODY)
    op.execute(_COLUMN)
    op.execute("CREATE INDEX ix_articles_search_vector ON articles USING gin (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_articles_search_vector")
    op.execute("ALTER TABLE articles DROP COLUMN search_vector")
    op.execute("DROP FUNCTION arsip_body_text(json)")
    op.execute("DROP FUNCTION arsip_fts_config(text)")
