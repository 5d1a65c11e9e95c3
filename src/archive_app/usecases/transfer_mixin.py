"""The facade's part for moving a library between kinds: articles restored from their lossless
state, the catalogue's other contents, and the bytes of its originals and photos (and those
no article uses any more taken out of a team catalogue)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive_app.db.blob_pruning import UnusedFiles
from archive_app.db.library_extras import dump_extras, load_extras
from archive_app.db.transfer_rows import Restorable, files_named, put_blobs, restore_batch
from archive_app.domain.errors import ArchiveError
from archive_app.domain.serial import record_from_dict
from archive_app.storage import originals
from archive_app.storage.library_folder import LibraryLayout
from archive_app.usecases.library_core import LibraryCore
from archive_app.usecases.library_files import LibraryFiles


class TransferMixin(LibraryCore):
    """Mixed into Archive: what `team push` and `team pull` read from one library and write
    into the other."""

    layout: LibraryLayout
    files: LibraryFiles

    # -- files no article uses -------------------------------------------------------------

    def unused_files(self, *, remove: bool = False) -> UnusedFiles:
        """A team library's originals and photo files no article uses any more (a deleted
        article's, a photo a newer version replaced), with the blobs holding them; taken out
        of the catalogue when `remove` (safe beside other desktops writing at once: see
        db/blob_pruning.py)."""
        if not remove:
            return self.files.unused(remove=False)
        self._require_writable()
        with self._write_lane:
            return self.files.unused(remove=True)

    # -- originals' and photos' files ----------------------------------------------------

    def _keep_files(
        self, files: dict[str, str | None], source: Callable[[str], Path | None]
    ) -> tuple[list[tuple[str, Path]], int]:
        """Keep the files the rows being restored name, before those rows commit, durably in
        the library's folder (a file already here is not written again); a team library's
        originals and photos are also left to the caller, as blobs to put in the same
        transaction. The blobs (SHA-256, file), and how many files the source lacks."""
        blobs: list[tuple[str, Path]] = []
        lacking = 0
        for relative, sha256 in files.items():
            path = source(relative)
            if path is None:
                lacking += sha256 is not None  # a thumbnail is derived from its photo
                continue
            if self.layout.team is not None and sha256 is not None:
                blobs.append((sha256, path))
            # a folder library's file; for a team library this desktop's cache of it (as an
            # import keeps one), or a thumbnail, derived and this desktop's own
            originals.store(self.layout.root, relative, path.read_bytes())
        return blobs, lacking

    # -- the catalogue ---------------------------------------------------------------------

    def transfer_extras(self) -> dict[str, list[dict[str, Any]]]:
        """Saved searches, collections, people's aliases, sign-off codes and place spellings."""
        with self._sessions() as session:
            return dump_extras(session)

    def restore_extras(self, extras: dict[str, list[dict[str, Any]]]) -> None:
        """Add what `transfer_extras` of another library gave and this one lacks."""
        self._require_writable()
        with self._write_lane, self._sessions.begin() as session:
            load_extras(session, extras)

    def restore_articles(
        self,
        lines: Sequence[dict[str, Any]],
        changes: dict[int, int],
        source: Callable[[str], Path | None],
    ) -> Restored:
        """Restore lossless export records (`export_jsonl`'s lines, parsed) in one
        transaction with the originals and photos they name (read from `source`, the other
        library's `library_file`), skipping the articles already here, then index the new
        ones.

        `changes` maps the exported change ids to the ones made here; kept by the caller
        across batches, so a bulk change over articles of several batches stays one change.
        """
        self._require_writable()
        items = [_restorable(line) for line in lines]
        made = dict(changes)  # taken over only once the transaction commits
        with self._write_lane:
            with self._sessions.begin() as session:
                restored = restore_batch(session, items, made)
                files = {
                    path: sha256
                    for item, _ in restored
                    for path, sha256 in files_named(item.state).items()
                }
                blobs, lacking = self._keep_files(files, source)
                put_blobs(session, blobs)
            changes.update(made)
            ids = [article_id for _, article_id in restored]
            problem = self._index_changes(set(ids), set())
        return Restored(
            ids=ids,
            already_there=len(items) - len(ids),
            history=sum(len(item.state.get("history", [])) for item, _ in restored),
            originals={
                p["sha256"]
                for item, _ in restored
                for version in item.state.get("versions", [])
                for p in version["provenance"]
            },
            photos={
                photo["sha256"] for item, _ in restored for photo in item.state.get("media", [])
            },
            lacking=lacking,
            index_problem=problem,
        )


@dataclass(frozen=True, slots=True)
class Restored:
    """What one batch restored: the new articles' ids, how many were here already, the
    history entries, the distinct originals and photos (by SHA-256) of the new articles, the
    files the source lacked, and what the index could not take (or None)."""

    ids: list[int]
    already_there: int
    history: int
    originals: set[str]
    photos: set[str]
    lacking: int
    index_problem: str | None


def _restorable(line: dict[str, Any]) -> Restorable:
    # imported here: they load ftfy and the import machinery, which opening a library (and
    # the window) must not pay for; only push and pull restore records
    from archive_app.ingest.dedupe import url_key
    from archive_app.ingest.sanitise import sanitise

    state = line.get("archive")
    if not isinstance(state, dict) or "record" not in state:
        raise ArchiveError(f"article {line.get('id')}: an export record without its state")
    record = sanitise(record_from_dict(state["record"]))
    # the importer's keys: the web address, else a wire item's own identifier
    key = url_key(record.url) or (f"id:{record.source_id}" if record.source_id else None)
    return Restorable(record, key, state)
