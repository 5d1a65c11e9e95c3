"""Articles restored from their lossless state, skipping those already there (push, pull)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from archive_app.db import blob_store
from archive_app.db.lossless_restore import Restorable, restore_new
from archive_app.db.same_story import link_same_stories

__all__ = ["Restorable", "files_named", "put_blobs", "restore_batch"]


def restore_batch(
    session: Session, items: Sequence[Restorable], changes: dict[int, int]
) -> list[tuple[Restorable, int]]:
    """Restore the articles not in the catalogue yet in the caller's transaction; those
    restored with their new ids (the others were there already). `changes` maps the
    source's change ids to the ones made here, kept by the caller across batches so a bulk
    change stays one."""
    added = restore_new(session, items, changes)
    # the same-story links are derived from the bodies, as an import makes them
    link_same_stories(session, {article.id: list(article.body) for _, article in added})
    return [(item, article.id) for item, article in added]


def files_named(state: dict[str, Any]) -> dict[str, str | None]:
    """The library paths of the originals and photos an article's lossless state names, each
    with its SHA-256, and of the photos' thumbnails (None: derived, not content-addressed)."""
    files: dict[str, str | None] = {
        source["original_path"]: source["sha256"]
        for version in state.get("versions", [])
        for source in version["provenance"]
    }
    for photo in state.get("media", []):
        files[photo["path"]] = photo["sha256"]
        if photo.get("thumbnail"):
            files[photo["thumbnail"]] = None
    return files


def put_blobs(session: Session, files: Sequence[tuple[str, Path]]) -> None:
    """Store files as a team catalogue's blobs in the caller's transaction, each streamed a
    chunk at a time (never whole in memory); one the catalogue has already is not read."""
    for sha256, path in files:
        with path.open("rb") as stream:
            pieces = iter(lambda: stream.read(blob_store.CHUNK_SIZE), b"")
            blob_store.put_blob(session, sha256, path.stat().st_size, pieces)
