"""A page of search hits read at once: each article's results row and the text of its snippets."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, bindparam, func, literal_column, select
from sqlalchemy.orm import Session

from archive_app.db.article_people import in_chunks
from archive_app.db.models import Article, ArticlePerson, Person, Site
from archive_app.db.models import Photo as PhotoRow
from archive_app.domain.model import ArticleSummary

_articles, _sites, _photos = Article.__table__, Site.__table__, PhotoRow.__table__
_credits, _people = ArticlePerson.__table__, Person.__table__

Among = Callable[[ColumnElement[int]], ColumnElement[bool]]


def _expanding(column: ColumnElement[int]) -> ColumnElement[bool]:
    return column.in_(bindparam("ids", expanding=True))


def _json_each(column: ColumnElement[int]) -> ColumnElement[bool]:
    # SQLite: the ids as one JSON array, a statement whose text never changes, where an
    # expanding IN list is written out anew (SQLAlchemy's post-compile step) for each page
    ids: Select[Any] = select(literal_column("value")).select_from(func.json_each(bindparam("ids")))
    return column.in_(ids.scalar_subquery())


class _Statements(NamedTuple):
    rows: Select[Any]
    captions: Select[Any]
    names: Select[Any]


def _statements(among: Among) -> _Statements:
    """Core statements built once, over the tables rather than the mapped classes, with the ids
    as one parameter: a first page otherwise spends more on building and compiling the ORM's
    statements than SQLite does answering them."""
    rows = (
        select(
            _articles.c.id,
            _articles.c.title,
            _articles.c.body,
            _articles.c.published,
            _articles.c.updated,
            _sites.c.domain,
            _articles.c.dateline_place,
            _articles.c.language,
        )
        .select_from(_articles.outerjoin(_sites, _sites.c.id == _articles.c.site_id))
        .where(among(_articles.c.id))
    )
    captions = (
        select(_photos.c.article_id, _photos.c.caption, _photos.c.credit)
        .where(among(_photos.c.article_id))
        .order_by(_photos.c.position)
    )
    names = (  # as article_people.people_by_article lists them
        select(_credits.c.article_id, _people.c.name)
        .select_from(_credits.join(_people, _people.c.id == _credits.c.person_id))
        .where(among(_credits.c.article_id))
        .order_by(_credits.c.article_id, _credits.c.position)
    )
    return _Statements(rows, captions, names)


_SQLITE, _OTHER = _statements(_json_each), _statements(_expanding)


@dataclass(slots=True)
class PageRows:
    """What a page of hits shows of its articles, by article id (unknown ids are absent)."""

    summaries: dict[int, ArticleSummary] = field(default_factory=dict)
    # the title, body paragraphs, then captions and credits, one a line, as the index reads
    # the text field (index_feed.field_texts gives the same "text")
    texts: dict[int, str] = field(default_factory=dict)


def page_rows(session: Session, ids: Sequence[int]) -> PageRows:
    """The results rows (as queries.summaries gives them) and snippet texts of `ids`."""
    found = PageRows()
    # Core statements run on the session's connection: the session's own execute adds ORM
    # steps (events, autoflush, result adaptation) that plain rows do not need
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    statements = _SQLITE if sqlite else _OTHER
    for chunk in in_chunks(ids):
        wanted = {"ids": json.dumps(list(chunk)) if sqlite else list(chunk)}
        people: dict[int, dict[str, None]] = {}
        for article_id, name in connection.execute(statements.names, wanted):
            people.setdefault(article_id, {})[name] = None  # each name once, in order
        captions: dict[int, list[str]] = {}
        for article_id, caption, credit in connection.execute(statements.captions, wanted):
            captions.setdefault(article_id, []).extend(t for t in (caption, credit) if t)
        for (
            article_id,
            title,
            body,
            published,
            updated,
            site,
            place,
            language,
        ) in connection.execute(statements.rows, wanted):
            names = tuple(people.get(article_id, ()))
            found.summaries[article_id] = ArticleSummary(
                article_id, title, published or updated, site, place, names, language
            )
            found.texts[article_id] = "\n".join((title, *body, *captions.get(article_id, [])))
    return found
