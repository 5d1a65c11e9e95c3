"""Read and write one catalogue field of an article, as the plain values history records."""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from archive_app.db.models import (
    Article,
    ArticleCollection,
    ArticlePerson,
    ArticleTag,
    Collection,
    Person,
    RelatedLink,
    Site,
    Tag,
)
from archive_app.db.sort_key import sort_date
from archive_app.db.upsert import get_or_insert
from archive_app.domain.clock import utc_now

SEPARATOR = "/"  # collection paths: "Banjir/Jawa Timur"


class RowMaker(Protocol):
    """Finds or makes the site and person rows a field points at (the catalogue writer)."""

    def site(self, domain: str | None) -> Site | None: ...

    def person(self, name: str) -> Person: ...


def collection_path(session: Session, collection: Collection) -> str:
    names = [collection.name]
    parent_id = collection.parent_id
    while parent_id is not None:
        parent = session.get(Collection, parent_id)
        if parent is None:
            break
        names.append(parent.name)
        parent_id = parent.parent_id
    return SEPARATOR.join(reversed(names))


def find_collection(session: Session, path: str, *, create: bool) -> Collection | None:
    """The collection at `path` ("Parent/Child"), created with its parents when asked."""
    parent: Collection | None = None
    for name in (part.strip() for part in path.split(SEPARATOR)):
        if not name:
            continue
        where = (Collection.name == name) & (
            Collection.parent_id.is_(None) if parent is None else Collection.parent_id == parent.id
        )
        if not create:
            found = session.scalar(select(Collection).where(where))
            if found is None:
                return None
        else:
            values = {"name": name, "parent_id": parent.id if parent else None}
            found = get_or_insert(session, Collection, where, {**values, "created_at": utc_now()})
        parent = found
    return parent


def read_field(session: Session, article: Article, field: str) -> Any:
    """The current value of `field` as JSON-ready data."""
    if field == "site":
        return article.site.domain if article.site else None
    if field == "people":
        return [{"name": c.credited_name or c.person.name, "role": c.role} for c in article.credits]
    if field == "related":
        return [{"title": r.title, "url": r.url} for r in article.related]
    if field == "photos":
        return [
            {
                "caption": p.caption,
                "credit": p.credit,
                "photographer": p.photographer,
                "agency": p.agency,
            }
            for p in article.photos
        ]
    if field == "tags":
        return sorted(
            session.scalars(
                select(Tag.name)
                .join(ArticleTag, ArticleTag.tag_id == Tag.id)
                .where(ArticleTag.article_id == article.id)
            )
        )
    if field == "collections":
        collections = session.scalars(
            select(Collection)
            .join(ArticleCollection, ArticleCollection.collection_id == Collection.id)
            .where(ArticleCollection.article_id == article.id)
        )
        return sorted(collection_path(session, c) for c in collections)
    value = getattr(article, field)
    return list(value) if isinstance(value, list) else value


def _set_tags(session: Session, article: Article, names: list[str]) -> None:
    # only the tags that changed are written: rewriting all of them made a tag added to an
    # article with 75 tags cost 75 deletes and 75 inserts (a team's cataloguers: 14,428
    # inserts in one bench run)
    rows = session.execute(
        select(Tag.name, ArticleTag.tag_id)
        .join(ArticleTag, ArticleTag.tag_id == Tag.id)
        .where(ArticleTag.article_id == article.id)
    )
    held = {name: tag_id for name, tag_id in rows}
    kept = set(names)
    dropped = [tag_id for name, tag_id in held.items() if name not in kept]
    if dropped:
        session.execute(
            delete(ArticleTag).where(
                ArticleTag.article_id == article.id, ArticleTag.tag_id.in_(dropped)
            )
        )
    added = [name for name in dict.fromkeys(names) if name not in held]
    # the new ones' tags in one look-up, not a round trip each (a team's)
    wanted = select(Tag).where(Tag.name.in_(added))
    known = {t.name: t for t in session.scalars(wanted)} if added else {}
    for name in added:
        tag = known.get(name) or get_or_insert(session, Tag, Tag.name == name, {"name": name})
        known[name] = tag
        session.add(ArticleTag(article_id=article.id, tag_id=tag.id))


def _set_collections(session: Session, article: Article, paths: list[str]) -> None:
    session.execute(delete(ArticleCollection).where(ArticleCollection.article_id == article.id))
    for path in paths:
        collection = find_collection(session, path, create=True)
        if collection is not None:
            session.add(ArticleCollection(article_id=article.id, collection_id=collection.id))


def write_field(
    session: Session, writer: RowMaker, article: Article, field: str, value: Any
) -> None:
    """Set `field` to an already validated value."""
    if field == "site":
        article.site = writer.site(value)
    elif field in ("published", "updated"):
        setattr(article, field, value)
        setattr(article, f"{field}_raw", value)
        article.sort_date = sort_date(article.published or article.updated)
    elif field == "people":
        article.credits = []
        session.flush()
        for position, entry in enumerate(value):
            article.credits.append(
                ArticlePerson(
                    person=writer.person(entry["name"]),
                    role=entry["role"],
                    position=position,
                    credited_name=entry["name"],
                )
            )
    elif field == "related":
        article.related = []
        session.flush()
        article.related = [
            RelatedLink(position=i, title=link["title"], url=link.get("url"))
            for i, link in enumerate(value)
        ]
    elif field == "photos":
        for photo, entry in zip(article.photos, value, strict=False):
            for key in ("caption", "credit", "photographer", "agency"):
                setattr(photo, key, entry.get(key))
    elif field == "tags":
        _set_tags(session, article, value)
    elif field == "collections":
        _set_collections(session, article, value)
    else:
        setattr(article, field, list(value) if isinstance(value, list) else value)
