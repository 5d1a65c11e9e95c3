"""Find what another desktop changed under an edit: the conflicts that refuse it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from archive_app.db.field_access import read_field
from archive_app.db.models import Article
from archive_app.db.sessions import Sessions
from archive_app.domain.conflicts import Conflict, FieldConflict

Wanted = tuple[int, str, Any]  # (article id, field, the value the change writes)
# lists whose order the catalogue does not keep: compared as sets
_UNORDERED = frozenset({"tags", "collections", "keywords"})


def same_value(field: str, stored: Any, wanted: Any) -> bool:
    """Whether the stored value is the one the change writes (or undo expects)."""
    if field in _UNORDERED and isinstance(stored, list) and isinstance(wanted, list):
        return sorted(map(str, stored)) == sorted(map(str, wanted))
    return bool(stored == wanted)


def conflict(
    session: Session, article_id: int, expected: int | None, wanted: Iterable[tuple[str, Any]]
) -> Conflict:
    """The conflict of one article as it stands in `session`: each field of the change whose
    stored value is not the one the change writes."""
    article = session.get(Article, article_id)
    if article is None:
        return Conflict(article_id, "", expected, None, ())
    fields: dict[str, FieldConflict] = {}
    for field, yours in wanted:
        theirs = read_field(session, article, field)
        if not same_value(field, theirs, yours):
            fields[field] = FieldConflict(field, theirs, yours)
    return Conflict(
        article_id, article.title, expected, article.row_version, tuple(fields.values())
    )


def stale(
    session: Session, changes: Iterable[Wanted], expected: Mapping[int, int]
) -> list[Conflict]:
    """Conflicts of the articles whose row version is no longer the one the change was
    prepared against (before anything is written)."""
    by_article = _group(changes)
    found: list[Conflict] = []
    # locked (PostgreSQL; SQLite has one writer anyway) until the change commits: a desktop
    # committing the article meanwhile is waited for and its version seen here, instead of
    # this change writing the article's tag or people rows beside theirs first and failing on
    # a duplicate key before its versioned UPDATE could say "conflict". Locked in id order,
    # as an import updates them, so two bulk changes (or one and an import) of overlapping
    # articles wait for each other instead of deadlocking
    for article_id, version in sorted(expected.items()):
        article = session.get(Article, article_id, with_for_update=True)
        if article is None or article.row_version != version:
            found.append(conflict(session, article_id, version, by_article.get(article_id, [])))
    return found


def raced(sessions: Sessions, changes: Iterable[Wanted], seen: Mapping[int, int]) -> list[Conflict]:
    """After the database refused an update (another desktop committed the article between
    our read and our write): the articles whose version moved, read afresh."""
    by_article = _group(changes)
    with sessions() as session:
        found = [
            conflict(session, article_id, version, by_article.get(article_id, []))
            for article_id, version in seen.items()
            if (article := session.get(Article, article_id)) is None
            or article.row_version != version
        ]
    return found


def _group(changes: Iterable[Wanted]) -> dict[int, list[tuple[str, Any]]]:
    grouped: dict[int, list[tuple[str, Any]]] = {}
    for article_id, field, value in changes:
        grouped.setdefault(article_id, []).append((field, value))
    return grouped
