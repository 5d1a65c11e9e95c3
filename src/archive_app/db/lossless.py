"""An article's whole catalogue state as plain data, and back: versions, provenance, history,
photos' file references, tags, collections, notes — what a lossless export carries."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_app.db.field_access import read_field, write_field
from archive_app.db.models import (
    Article,
    ArticleVersion,
    ChangeSet,
    HistoryEntry,
    MediaFile,
    Original,
    ProvenanceRow,
)
from archive_app.db.sort_key import sort_date
from archive_app.db.store import CatalogueWriter
from archive_app.domain.model import CatalogueRecord

FORMAT = "arsip-record"


def dump_article(session: Session, article_id: int) -> dict[str, Any]:
    """Everything the catalogue knows about one article beyond its current record."""
    article = session.get(Article, article_id)
    assert article is not None
    versions = []
    for version in article.versions:
        provenance = [p for p in article.provenance if p.version_id == version.id]
        versions.append(
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
                    for p in provenance
                ],
            }
        )
    history = [
        {
            "change": change.id,
            "kind": change.kind,
            "description": change.description,
            "user": change.user,
            "when": change.created_at,
            "undone": change.undone,
            "field": entry.field,
            "old": entry.old,
            "new": entry.new,
        }
        for entry, change in session.execute(
            select(HistoryEntry, ChangeSet)
            .join(ChangeSet, ChangeSet.id == HistoryEntry.change_id)
            .where(HistoryEntry.article_id == article_id)
            .order_by(HistoryEntry.id)
        )
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
        "tags": read_field(session, article, "tags"),
        "collections": read_field(session, article, "collections"),
        "versions": versions,
        "history": history,
        "media": media,
    }


def load_article(
    session: Session,
    writer: CatalogueWriter,
    record: CatalogueRecord,
    state: dict[str, Any],
    url_key: str | None,
    batch_id: int | None,
    changes: dict[int, int],
) -> Article:
    """Recreate an article exactly as dumped: current record, versions with provenance,
    history, tags, collections and photo file references."""
    for item in state.get("media", []):
        writer.media(
            item["sha256"],
            item["path"],
            item["size"],
            item["mime"] or "",
            item["width"] or 0,
            item["height"] or 0,
            item["metadata"] or {},
            item["thumbnail"] or "",
        )
    by_position = {item["position"]: item["sha256"] for item in state.get("media", [])}
    record = replace(
        record,
        photos=[
            replace(photo, media_sha256=by_position.get(position))
            for position, photo in enumerate(record.photos)
        ],
    )
    article = Article(url_key=url_key, version=1, created_at=state["created_at"])
    writer._apply(article, record, state["current_hash"])
    article.created_at, article.modified_at = state["created_at"], state["modified_at"]
    article.sort_date = sort_date(record.published or record.updated)
    article.overrides, article.note = dict(state.get("overrides") or {}), state.get("note")
    session.add(article)
    for version_state in state.get("versions", []):
        version = ArticleVersion(
            number=version_state["number"],
            content_hash=version_state["content_hash"],
            record=version_state["record"],
            created_at=version_state["created_at"],
        )
        article.versions.append(version)
        for source in version_state["provenance"]:
            if session.get(Original, source["sha256"]) is None:
                session.add(
                    Original(
                        sha256=source["sha256"],
                        size=source["original_size"],
                        ext=source["original_ext"],
                        path=source["original_path"],
                        first_imported_at=source["imported_at"],
                    )
                )
                session.flush()
            article.provenance.append(
                ProvenanceRow(
                    version=version,
                    batch_id=batch_id,
                    original_sha256=source["sha256"],
                    file_name=source["file"],
                    member=source["member"],
                    locator=source["locator"],
                    format=source["format"],
                    extractor=source["extractor"],
                    imported_at=source["imported_at"],
                    kind=source.get("kind", "import"),
                )
            )
    session.flush()
    write_field(session, writer, article, "tags", state.get("tags", []))
    write_field(session, writer, article, "collections", state.get("collections", []))
    # `changes` maps the exported change ids to the ones made here, across the whole import,
    # so a bulk change over many articles stays one change
    for item in state.get("history", []):
        change_id = changes.get(item["change"])
        if change_id is None:
            change = ChangeSet(
                kind=item["kind"],
                description=item["description"],
                user=item["user"],
                created_at=item["when"],
                undone=item["undone"],
                payload={},
            )
            session.add(change)
            session.flush()
            change_id = changes[item["change"]] = change.id
        session.add(
            HistoryEntry(
                change_id=change_id,
                article_id=article.id,
                field=item["field"],
                old=item["old"],
                new=item["new"],
            )
        )
    session.flush()
    return article


def missing_files(session: Session, root: Any) -> list[str]:
    """Originals and photos the catalogue names that are not in the library folder."""
    named = list(session.scalars(select(Original.path))) + list(
        session.scalars(select(MediaFile.path))
    )
    return [p for p in named if not (root / p).is_file()]
