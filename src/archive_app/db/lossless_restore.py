"""Articles recreated from their lossless state a batch at a time (team push and pull): a query
per kind of row per batch, where lossless.load_article makes several per article."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from archive_app.db.field_access import find_collection
from archive_app.db.lossless import restored_article
from archive_app.db.models import (
    Article,
    ArticleCollection,
    ArticleTag,
    ArticleVersion,
    ChangeSet,
    Collection,
    HistoryEntry,
    MediaFile,
    Original,
    Person,
    PersonAlias,
    Tag,
)
from archive_app.db.store import CatalogueWriter, person_key
from archive_app.domain.clock import utc_now
from archive_app.domain.model import CatalogueRecord

IN_LIST = 500  # values in one IN (...): well under either engine's limit of parameters


@dataclass(frozen=True, slots=True)
class Restorable:
    """One article to restore: its record, its deduplication key and its lossless state."""

    record: CatalogueRecord
    key: str | None
    state: dict[str, Any]


def restore_new(
    session: Session, items: Sequence[Restorable], changes: dict[int, int]
) -> list[tuple[Restorable, Article]]:
    """Recreate, in the caller's transaction, the articles of `items` the catalogue does not
    hold yet (by URL key or by any text, as the importer knows a duplicate), exactly as
    `load_article` does one at a time: current record, versions with provenance, files,
    tags, collections and history. `changes` maps the source's change ids to the ones made
    here (kept by the caller across batches, so a bulk change stays one change)."""
    writer = CatalogueWriter(session, utc_now())
    fresh = _not_there(session, items)
    _add_files(session, fresh)
    writer.remember_people(_people(session, fresh))
    with session.no_autoflush:  # the rows go in one flush below, not one article at a time
        added = [(item, _article(session, writer, item)) for item in fresh]
    session.flush()  # every table's rows in one statement each (insertmanyvalues)
    _tags(session, added)
    _collections(session, added)
    _history(session, added, changes)
    session.flush()
    return added


def _values_in(session: Session, column: Any, values: Iterable[Any]) -> set[Any]:
    """The values of `column` among `values` that the catalogue holds."""
    wanted = sorted(set(values))
    found: set[Any] = set()
    for start in range(0, len(wanted), IN_LIST):
        part = wanted[start : start + IN_LIST]
        found.update(session.scalars(select(column).where(column.in_(part))))
    return found


def _hashes(item: Restorable) -> set[str]:
    hashes = {v["content_hash"] for v in item.state.get("versions", [])}
    hashes.add(item.state["current_hash"])
    return hashes


def _not_there(session: Session, items: Sequence[Restorable]) -> list[Restorable]:
    """The items neither the catalogue nor an earlier item of the batch holds (a rerun of an
    interrupted push finds its articles again)."""
    keys = _values_in(session, Article.url_key, (i.key for i in items if i.key is not None))
    texts = _values_in(session, ArticleVersion.content_hash, (h for i in items for h in _hashes(i)))
    fresh: list[Restorable] = []
    for item in items:
        hashes = _hashes(item)
        if (item.key is not None and item.key in keys) or hashes & texts:
            continue
        fresh.append(item)
        if item.key is not None:
            keys.add(item.key)
        texts |= hashes
    return fresh


def _add_files(session: Session, items: Sequence[Restorable]) -> None:
    """The originals and photo files the items name that the catalogue lacks, flushed before
    the rows naming them (those name them by column, which orders no insert)."""
    originals = {
        source["sha256"]: source
        for item in items
        for version in item.state.get("versions", [])
        for source in version["provenance"]
    }
    media = {photo["sha256"]: photo for item in items for photo in item.state.get("media", [])}
    have_originals = _values_in(session, Original.sha256, originals)
    have_media = _values_in(session, MediaFile.sha256, media)
    session.add_all(
        Original(
            sha256=sha256,
            size=source["original_size"],
            ext=source["original_ext"],
            path=source["original_path"],
            first_imported_at=source["imported_at"],
        )
        for sha256, source in originals.items()
        if sha256 not in have_originals
    )
    session.add_all(
        MediaFile(
            sha256=sha256,
            path=photo["path"],
            size=photo["size"],
            mime=photo["mime"] or "",
            width=photo["width"] or 0,
            height=photo["height"] or 0,
            metadata_=photo["metadata"] or {},
            thumbnail=photo["thumbnail"] or "",
        )
        for sha256, photo in media.items()
        if sha256 not in have_media
    )
    session.flush()


def _people(session: Session, items: Sequence[Restorable]) -> dict[str, int]:
    """The people the items credit, by key: under their own spelling first, else as an alias
    of the person they were merged into (as the writer looks them up one by one); those the
    catalogue lacks are added first, in one statement."""
    spelled: dict[str, str] = {}  # key -> the name as first credited, spaces made single
    for item in items:
        for credit in item.record.people:
            spelled.setdefault(person_key(credit.name), " ".join(credit.name.split()))
    known = _people_known(session, spelled)
    missing = [{"name": name, "key": key} for key, name in spelled.items() if key not in known]
    if missing:
        _add_people(session, missing)
        known.update(_people_known(session, [row["key"] for row in missing]))
    return known


def _people_known(session: Session, keys: Iterable[str]) -> dict[str, int]:
    known: dict[str, int] = {}
    wanted = sorted(set(keys))
    for start in range(0, len(wanted), IN_LIST):
        part = wanted[start : start + IN_LIST]
        rows = session.execute(select(Person.key, Person.id).where(Person.key.in_(part)))
        known.update((key, person_id) for key, person_id in rows)
    aliased = sorted(set(wanted) - set(known))
    for start in range(0, len(aliased), IN_LIST):
        part = aliased[start : start + IN_LIST]
        rows = session.execute(
            select(PersonAlias.key, PersonAlias.person_id).where(PersonAlias.key.in_(part))
        )
        for key, person_id in rows:
            known.setdefault(key, person_id)
    return known


def _add_people(session: Session, rows: list[dict[str, str]]) -> None:
    """New people, a key another desktop adds meanwhile taken as it is. On PostgreSQL in a
    short transaction of their own, committed at once, as an import adds them
    (upsert.get_or_create_committed says why: no key held for a whole batch)."""
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        session.execute(sqlite.insert(Person).on_conflict_do_nothing(), rows)
        return
    engine = bind.engine if isinstance(bind, Connection) else bind
    assert isinstance(engine, Engine)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as own:
        own.execute(postgresql.insert(Person).on_conflict_do_nothing(), rows)


def _article(session: Session, writer: CatalogueWriter, item: Restorable) -> Article:
    """The article with its versions and provenance, added to the session (not flushed)."""
    article = restored_article(writer, item.record, item.state, item.key, None)
    session.add(article)
    return article


def _tags(session: Session, added: Sequence[tuple[Restorable, Article]]) -> None:
    """The articles' tags: the names the catalogue lacks inserted in one statement (a name
    another desktop adds meanwhile is taken as it is), then the articles' rows."""
    wanted = [
        (article.id, list(dict.fromkeys(item.state.get("tags", [])))) for item, article in added
    ]
    names = {name for _, tags in wanted for name in tags}
    ids = _tag_ids(session, names)
    missing = sorted(names - set(ids))
    if missing:
        dialect = session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        session.execute(insert(Tag).on_conflict_do_nothing(), [{"name": n} for n in missing])
        ids = _tag_ids(session, names)
    session.add_all(
        ArticleTag(article_id=article_id, tag_id=ids[name])
        for article_id, tags in wanted
        for name in tags
    )


def _tag_ids(session: Session, names: set[str]) -> dict[str, int]:
    wanted = sorted(names)
    ids: dict[str, int] = {}
    for start in range(0, len(wanted), IN_LIST):
        part = wanted[start : start + IN_LIST]
        rows = session.execute(select(Tag.name, Tag.id).where(Tag.name.in_(part)))
        ids.update((name, tag_id) for name, tag_id in rows)
    return ids


def _collections(session: Session, added: Sequence[tuple[Restorable, Article]]) -> None:
    """The articles' collections, each path looked up (or made) once a batch."""
    found: dict[str, Collection | None] = {}
    for item, article in added:
        for path in dict.fromkeys(item.state.get("collections", [])):
            if path not in found:
                found[path] = find_collection(session, path, create=True)
            collection = found[path]
            if collection is not None:
                session.add(ArticleCollection(article_id=article.id, collection_id=collection.id))


def _history(
    session: Session, added: Sequence[tuple[Restorable, Article]], changes: dict[int, int]
) -> None:
    """The articles' history: the changes not made here yet made first, in the order they
    are met (one flush for them all), then each entry."""
    made: dict[int, ChangeSet] = {}
    for item, _article in added:
        for entry in item.state.get("history", []):
            if entry["change"] not in changes and entry["change"] not in made:
                made[entry["change"]] = ChangeSet(
                    kind=entry["kind"],
                    description=entry["description"],
                    user=entry["user"],
                    created_at=entry["when"],
                    undone=entry["undone"],
                    payload={},
                )
    if made:
        session.add_all(made.values())
        session.flush()
        changes.update({source: change.id for source, change in made.items()})
    session.add_all(
        HistoryEntry(
            change_id=changes[entry["change"]],
            article_id=article.id,
            field=entry["field"],
            old=entry["old"],
            new=entry["new"],
        )
        for item, article in added
        for entry in item.state.get("history", [])
    )
