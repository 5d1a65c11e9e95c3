"""Setting an article's tags writes only the tags that changed, on both backends."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import event

from archive_app.db.field_access import read_field, write_field
from archive_app.db.models import Article
from archive_app.db.sessions import Sessions
from archive_app.db.store import CatalogueWriter
from archive_app.domain.clock import utc_now

AddArticle = Callable[..., int]


def _set(sessions: Sessions, article_id: int, tags: list[str]) -> list[str]:
    with sessions.begin() as session:
        article = session.get(Article, article_id)
        assert article is not None
        write_field(session, CatalogueWriter(session, utc_now()), article, "tags", tags)
    with sessions() as session:
        article = session.get(Article, article_id)
        assert article is not None
        tags_read: list[str] = read_field(session, article, "tags")
        return tags_read


class _TagRows:
    """Rows of article_tags inserted and deleted by the statements run meanwhile."""

    def __init__(self) -> None:
        self.inserted = 0
        self.deleted = 0

    def __call__(self, _conn: Any, cursor: Any, statement: str, *_rest: Any) -> None:
        verb = statement.lstrip().split(None, 1)[0].upper()
        if "article_tags" in statement and verb in ("INSERT", "DELETE"):
            if verb == "INSERT":
                self.inserted += cursor.rowcount
            else:
                self.deleted += cursor.rowcount


def _counted(sessions: Sessions) -> Iterator[_TagRows]:
    engine = sessions.kw["bind"]
    rows = _TagRows()
    event.listen(engine, "after_cursor_execute", rows)
    try:
        yield rows
    finally:
        event.remove(engine, "after_cursor_execute", rows)


def test_a_tag_added_to_a_tagged_article_writes_one_row(
    sessions: Sessions, add_article: AddArticle
) -> None:
    article = add_article(title="Banjir")
    tags = [f"topik{n:02}" for n in range(30)]
    assert _set(sessions, article, tags) == tags
    for rows in _counted(sessions):
        assert _set(sessions, article, [*tags, "rob"]) == sorted([*tags, "rob"])
        assert (rows.inserted, rows.deleted) == (1, 0)


def test_tags_dropped_and_added_in_one_edit_write_only_those(
    sessions: Sessions, add_article: AddArticle
) -> None:
    article = add_article(title="Banjir")
    assert _set(sessions, article, ["banjir", "gresik", "rob"]) == ["banjir", "gresik", "rob"]
    for rows in _counted(sessions):
        # "rob" out, "pasang" in (named twice: once), the others untouched
        after = _set(sessions, article, ["pasang", "gresik", "banjir", "pasang"])
        assert after == ["banjir", "gresik", "pasang"]
        assert (rows.inserted, rows.deleted) == (1, 1)
    assert _set(sessions, article, []) == []
