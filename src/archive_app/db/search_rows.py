"""A page of search hits read at once: each article's results row and the text of its snippets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from archive_app.db.article_people import in_chunks
from archive_app.db.models import Article, ArticlePerson, Person, Site
from archive_app.db.models import Photo as PhotoRow
from archive_app.domain.model import ArticleSummary

_articles, _sites, _photos = Article.__table__, Site.__table__, PhotoRow.__table__
_credits, _people = ArticlePerson.__table__, Person.__table__

# Core statements built once, over the tables rather than the mapped classes, with the ids as
# one expanding parameter: a first page otherwise spends more on building and compiling the
# ORM's statements than SQLite does answering them
_ROWS = (
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
    .where(_articles.c.id.in_(bindparam("ids", expanding=True)))
)
_CAPTIONS = (
    select(_photos.c.article_id, _photos.c.caption, _photos.c.credit)
    .where(_photos.c.article_id.in_(bindparam("ids", expanding=True)))
    .order_by(_photos.c.position)
)
_NAMES = (  # as article_people.people_by_article lists them
    select(_credits.c.article_id, _people.c.name)
    .select_from(_credits.join(_people, _people.c.id == _credits.c.person_id))
    .where(_credits.c.article_id.in_(bindparam("ids", expanding=True)))
    .order_by(_credits.c.article_id, _credits.c.position)
)


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
    for chunk in in_chunks(ids):
        wanted = {"ids": list(chunk)}
        people: dict[int, dict[str, None]] = {}
        for article_id, name in connection.execute(_NAMES, wanted):
            people.setdefault(article_id, {})[name] = None  # each name once, in order
        captions: dict[int, list[str]] = {}
        for article_id, caption, credit in connection.execute(_CAPTIONS, wanted):
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
        ) in connection.execute(_ROWS, wanted):
            names = tuple(people.get(article_id, ()))
            found.summaries[article_id] = ArticleSummary(
                article_id, title, published or updated, site, place, names, language
            )
            found.texts[article_id] = "\n".join((title, *body, *captions.get(article_id, [])))
    return found
