"""The lossless export's reading: each article's details and whole catalogue state, a chunk of
ids at a time with one query per related table per chunk (never a query per article)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from archive_app.db.article_people import in_chunks
from archive_app.db.field_access import SEPARATOR
from archive_app.db.lossless import FORMAT
from archive_app.db.models import (
    Article,
    ArticleCollection,
    ArticlePerson,
    ArticleTag,
    ChangeSet,
    Collection,
    HistoryEntry,
    ProvenanceRow,
    SameStory,
    Tag,
)
from archive_app.db.models import Photo as PhotoRow
from archive_app.db.queries import detail_from
from archive_app.domain.model import ArticleDetail

# what one chunk's articles are read with: every relation the details and the state use
_LOAD = (
    selectinload(Article.site),
    selectinload(Article.credits).selectinload(ArticlePerson.person),
    selectinload(Article.photos).selectinload(PhotoRow.media),
    selectinload(Article.related),
    selectinload(Article.versions),
    selectinload(Article.provenance).selectinload(ProvenanceRow.original),
    selectinload(Article.provenance).selectinload(ProvenanceRow.version),
)


def export_rows(
    session: Session, ids: Sequence[int]
) -> Iterator[tuple[ArticleDetail, dict[str, Any]]]:
    """Each article of `ids` (in that order; unknown ids are left out) as its details and its
    lossless state (what `lossless.load_article` recreates it from); at most one chunk's rows
    are held at a time."""
    paths = _collection_paths(session)
    for chunk in in_chunks(ids):
        articles = {
            a.id: a
            for a in session.scalars(select(Article).where(Article.id.in_(chunk)).options(*_LOAD))
        }
        tags = _tags(session, chunk)
        collections = _collections(session, chunk, paths)
        same = _same_story(session, chunk)
        history = _history(session, chunk)
        for article_id in chunk:
            article = articles.get(article_id)
            if article is None:
                continue
            detail = detail_from(
                article,
                list(tags[article_id]),
                collections[article_id],
                sorted(same.get(article_id, ())),
            )
            yield detail, _state(article, tags[article_id], detail.collections, history)
        # the rows of this chunk are not needed again: a whole library's export holds one
        # chunk's objects at a time, not every article's
        session.expunge_all()


def _state(
    article: Article,
    tags: list[str],
    collections: list[str],
    history: dict[int, list[dict[str, Any]]],
) -> dict[str, Any]:
    """The article's lossless state; its keys in the order the export has always written."""
    versions = [
        {
            "number": version.number,
            "content_hash": version.content_hash,
            "created_at": version.created_at,
            "record": version.record,
            "provenance": [
                {
                    "file": p.file_name,
                    "sha256": p.original_sha256,
                    "member": p.member,
                    "locator": p.locator,
                    "format": p.format,
                    "extractor": p.extractor,
                    "imported_at": p.imported_at,
                    "original_path": p.original.path,
                    "original_size": p.original.size,
                    "original_ext": p.original.ext,
                    "kind": p.kind,
                }
                for p in article.provenance
                if p.version_id == version.id
            ],
        }
        for version in article.versions
    ]
    media = [
        {
            "position": photo.position,
            "sha256": photo.media.sha256,
            "path": photo.media.path,
            "size": photo.media.size,
            "mime": photo.media.mime,
            "width": photo.media.width,
            "height": photo.media.height,
            "thumbnail": photo.media.thumbnail,
            "metadata": photo.media.metadata_,
        }
        for photo in article.photos
        if photo.media is not None
    ]
    return {
        "format": FORMAT,
        "version": 1,
        "created_at": article.created_at,
        "modified_at": article.modified_at,
        "current_hash": article.content_hash,
        "overrides": article.overrides or {},
        "note": article.note,
        # the field's value as history records it: sorted here, not by the database's collation
        "tags": sorted(tags),
        "collections": collections,
        "versions": versions,
        "history": history.get(article.id, []),
        "media": media,
    }


def _tags(session: Session, chunk: Sequence[int]) -> dict[int, list[str]]:
    """Each article's tag names in the database's order of names (as the details give them)."""
    found: dict[int, list[str]] = defaultdict(list)
    rows = session.execute(
        select(ArticleTag.article_id, Tag.name)
        .join(Tag, Tag.id == ArticleTag.tag_id)
        .where(ArticleTag.article_id.in_(chunk))
        .order_by(Tag.name)
    )
    for article_id, name in rows:
        found[article_id].append(name)
    return found


def _collection_paths(session: Session) -> dict[int, str]:
    """Every collection's path ("Parent/Child"): the collections are few, read once."""
    rows = {
        c_id: (name, parent)
        for c_id, name, parent in session.execute(
            select(Collection.id, Collection.name, Collection.parent_id)
        )
    }
    paths: dict[int, str] = {}
    for collection_id in rows:
        names: list[str] = []
        at: int | None = collection_id
        while at is not None and at in rows:
            name, at = rows[at]
            names.append(name)
        paths[collection_id] = SEPARATOR.join(reversed(names))
    return paths


def _collections(
    session: Session, chunk: Sequence[int], paths: dict[int, str]
) -> dict[int, list[str]]:
    """Each article's collection paths, sorted."""
    found: dict[int, list[str]] = defaultdict(list)
    rows = session.execute(
        select(ArticleCollection.article_id, ArticleCollection.collection_id).where(
            ArticleCollection.article_id.in_(chunk)
        )
    )
    for article_id, collection_id in rows:
        found[article_id].append(paths[collection_id])
    return defaultdict(list, {a: sorted(p) for a, p in found.items()})


def _same_story(session: Session, chunk: Sequence[int]) -> dict[int, set[int]]:
    """The articles each of the chunk's tells the same story as, whichever side links them."""
    wanted = set(chunk)
    found: dict[int, set[int]] = defaultdict(set)
    rows = session.execute(
        select(SameStory.article_id, SameStory.other_id).where(
            or_(SameStory.article_id.in_(chunk), SameStory.other_id.in_(chunk))
        )
    )
    for one, other in rows:
        if one in wanted:
            found[one].add(other)
        if other in wanted:
            found[other].add(one)
    return found


def _history(session: Session, chunk: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """Each article's history entries with their change's description, oldest first."""
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    rows = session.execute(
        select(
            HistoryEntry.article_id,
            ChangeSet.id,
            ChangeSet.kind,
            ChangeSet.description,
            ChangeSet.user,
            ChangeSet.created_at,
            ChangeSet.undone,
            HistoryEntry.field,
            HistoryEntry.old,
            HistoryEntry.new,
        )
        .join(ChangeSet, ChangeSet.id == HistoryEntry.change_id)
        .where(HistoryEntry.article_id.in_(chunk))
        .order_by(HistoryEntry.id)
    )
    for article_id, change, kind, description, user, when, undone, field, old, new in rows:
        found[article_id].append(
            {
                "change": change,
                "kind": kind,
                "description": description,
                "user": user,
                "when": when,
                "undone": undone,
                "field": field,
                "old": old,
                "new": new,
            }
        )
    return found
