"""Sorting by title (schema 0009): case and accents ignored, read in order from its index, and
an older catalogue's titles keyed when it is upgraded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.dialects import sqlite

from archive_app.db.engine import create_catalogue_engine, migrate, session_factory
from archive_app.db.models import Article
from archive_app.db.queries import SORTS, article_ids
from archive_app.db.sessions import Sessions
from archive_app.db.sort_key import title_key
from archive_app.search.analysis import fold

# Indonesian and English titles as people type them: capitals, accents, a typographic apostrophe
TITLES = (
    "zaman baru di Jakarta",
    "Éclair dan kopi: kafe baru di Bandung",
    "Apel Malang naik harga",
    "apel pagi di Istana",
    "Ekonomi Indonesia tumbuh 5 persen",
    "ÖZIL visits Jakarta",
    "The mayor’s plan for floods",
    "the Mayor's Office answers",
    "Banjir rendam Kampung Melayu",
)
READER_ORDER = [  # what a reader expects: as if every title were lower case without accents
    "Apel Malang naik harga",
    "apel pagi di Istana",
    "Banjir rendam Kampung Melayu",
    "Éclair dan kopi: kafe baru di Bandung",
    "Ekonomi Indonesia tumbuh 5 persen",
    "ÖZIL visits Jakarta",
    "the Mayor's Office answers",
    "The mayor’s plan for floods",
    "zaman baru di Jakarta",
]


def _titles_in_order(sessions: Sessions) -> list[str]:
    with sessions() as session:
        ids = article_ids(session, "title")
        titles = {i: t for i, t in session.execute(select(Article.id, Article.title))}
    return [titles[i] for i in ids]


def test_titles_sort_as_a_reader_expects_whatever_their_case_and_accents(
    sessions: Sessions, add_article: Callable[..., int]
) -> None:
    for title in TITLES:
        add_article(title=title)
    assert _titles_in_order(sessions) == READER_ORDER


def test_an_edited_title_moves_to_its_new_place(
    sessions: Sessions, add_article: Callable[..., int]
) -> None:
    ids = {title: add_article(title=title) for title in TITLES}
    zaman = ids["zaman baru di Jakarta"]
    with sessions.begin() as session:
        article = session.get(Article, zaman)
        assert article is not None
        article.title = "Àbad baru di Jakarta"  # now first: À is read as a
    assert _titles_in_order(sessions)[0] == "Àbad baru di Jakarta"


def _title_plan(sessions: Sessions) -> str:
    """SQLite's plan for the listing's first 200 ids sorted by title."""
    query = select(Article.id).order_by(*SORTS["title"]).limit(200)
    sql = str(query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    with sessions() as session:
        return " ".join(row[3] for row in session.execute(text(f"EXPLAIN QUERY PLAN {sql}")))


@pytest.mark.sqlite_only("reads SQLite's query plan")
def test_the_title_order_is_read_from_its_index_without_sorting(sessions: Sessions) -> None:
    plan = _title_plan(sessions)
    assert "USING COVERING INDEX ix_articles_title_key" in plan
    assert "TEMP B-TREE" not in plan  # no sort of every article for a page of 200


def test_the_listing_and_the_search_index_sort_titles_alike() -> None:
    for title in (*TITLES, "Ḿultiple ñ and ß", "", "  leading space"):
        assert title_key(title) == fold(title)[:120]


def test_an_older_catalogue_gets_its_titles_keyed_when_upgraded(tmp_path: Path) -> None:
    engine = create_catalogue_engine(tmp_path / "catalogue.sqlite")
    migrate(engine, "0008")
    with engine.begin() as connection:
        for number, title in enumerate(TITLES, start=1):
            connection.execute(
                text(
                    "INSERT INTO articles (id, title, body, signoff, rules, warnings,"
                    " content_hash, version, created_at, modified_at)"
                    " VALUES (:id, :title, '[]', '[]', '{}', '[]', :hash, 1, 'now', 'now')"
                ),
                {"id": number, "title": title, "hash": f"h{number}"},
            )
    migrate(engine)
    upgraded = session_factory(engine)
    assert _titles_in_order(upgraded) == READER_ORDER
    assert "USING COVERING INDEX ix_articles_title_key" in _title_plan(upgraded)
    engine.dispose()
