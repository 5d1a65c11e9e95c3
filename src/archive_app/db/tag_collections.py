"""Tags and collections as the catalogue counts them: names with their article counts."""

from __future__ import annotations

from sqlalchemy import func, select

from archive_app.db.field_access import collection_path, find_collection
from archive_app.db.models import ArticleCollection, ArticleTag, Collection, Tag
from archive_app.db.sessions import Sessions
from archive_app.domain.model import CollectionInfo


def tag_counts(sessions: Sessions) -> list[tuple[str, int]]:
    """Every tag in use with its article count, by name."""
    with sessions() as session:
        rows = session.execute(
            select(Tag.name, func.count(ArticleTag.article_id))
            .outerjoin(ArticleTag, ArticleTag.tag_id == Tag.id)
            .group_by(Tag.id)
            .order_by(Tag.name)
        )
        return [(name, count) for name, count in rows if count]


def collection_counts(sessions: Sessions) -> list[CollectionInfo]:
    """Every collection with its article count, in no particular order."""
    with sessions() as session:
        counts = {
            collection_id: count
            for collection_id, count in session.execute(
                select(ArticleCollection.collection_id, func.count()).group_by(
                    ArticleCollection.collection_id
                )
            )
        }
        return [
            CollectionInfo(collection_path(session, c), counts.get(c.id, 0))
            for c in session.scalars(select(Collection))
        ]


def make_collection(sessions: Sessions, path: str) -> str:
    """Create the collection at `path` with its parents (or find it); its full path."""
    with sessions.begin() as session:
        collection = find_collection(session, path, create=True)
        assert collection is not None
        return collection_path(session, collection)


def collection_members(sessions: Sessions, path: str) -> list[int] | None:
    """The articles in a collection (not its sub-collections); None when there is none."""
    with sessions() as session:
        collection = find_collection(session, path, create=False)
        if collection is None:
            return None
        return list(
            session.scalars(
                select(ArticleCollection.article_id)
                .where(ArticleCollection.collection_id == collection.id)
                .order_by(ArticleCollection.article_id)
            )
        )
