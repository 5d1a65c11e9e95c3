"""An article recreated from its lossless state: versions, provenance, history, photos' file
references, tags, collections, notes (lossless_batch.py reads that state for the export)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_app.db.field_access import write_field
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
    for version_state in state.get("versions", []):
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
    article = restored_article(writer, record, state, url_key, batch_id)
    session.add(article)
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


def restored_article(
    writer: CatalogueWriter,
    record: CatalogueRecord,
    state: dict[str, Any],
    url_key: str | None,
    batch_id: int | None,
) -> Article:
    """The article as dumped, with its versions and their provenance, not yet in a session:
    its photos' files and the originals its provenance names must be stored already."""
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
    for version_state in state.get("versions", []):
        version = ArticleVersion(
            number=version_state["number"],
            content_hash=version_state["content_hash"],
            record=version_state["record"],
            created_at=version_state["created_at"],
        )
        article.versions.append(version)
        for source in version_state["provenance"]:
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
    return article


def missing_files(session: Session, root: Any) -> list[str]:
    """Originals and photos the catalogue names that are not in the library folder."""
    named = list(session.scalars(select(Original.path))) + list(
        session.scalars(select(MediaFile.path))
    )
    return [p for p in named if not (root / p).is_file()]
