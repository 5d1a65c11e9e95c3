"""Read one file of an import and store its articles, photos and original in the open chunk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from archive_app.db import blob_store
from archive_app.db.import_store import Arrival, store_item
from archive_app.db.import_unit import FileOutcome
from archive_app.db.known_articles import Keys, KnownArticles
from archive_app.db.store import CatalogueWriter, Source
from archive_app.domain.errors import ImportCancelled, ReadError
from archive_app.domain.model import CatalogueRecord, ImportItem
from archive_app.domain.progress import CancelToken, Progress, ProgressCallback
from archive_app.ingest.dedupe import content_hash, url_key
from archive_app.ingest.extract import EXTRACTOR, Extracted, extract_file
from archive_app.ingest.sources import Found, SourceFile, read_file
from archive_app.storage import originals
from archive_app.storage.media_store import archive_photo
from archive_app.usecases.import_chunks import CHECK_EVERY, SETTLE_EVERY, Chunk, Entry, Group


class FileStorer:
    """Stores files one at a time; remembers across files what this import registered."""

    def __init__(
        self,
        root: Path,
        columns: dict[str, str] | None,
        progress_at: Callable[[int, int, str, int], Progress],
        settle: Callable[[Group, Chunk], None],
        team: bool = False,
    ) -> None:
        self._root = root
        # a team library: originals and photos go into the catalogue as blobs, in the
        # import's transaction; the files written under root are this desktop's cache
        self._team = team
        self._columns = columns
        self._progress_at = progress_at
        self._settle = settle
        # whether the session holds anything of the current file (its original is
        # registered before its first article)
        self.wrote = False
        # exported change ids -> change sets made while restoring an Arsip export (by id)
        self._restored_changes: dict[int, int] = {}
        # originals first registered by this import: a second copy of one is not a repair
        self._registered_here: set[str] = set()
        self._known = KnownArticles()  # the next articles' URLs and texts, looked up at once

    def store_file(
        self,
        group: Group,
        chunk: Chunk,
        source: SourceFile,
        batch_id: int | None,
        progress: ProgressCallback,
        cancel: CancelToken,
        position: tuple[int, int, int],
    ) -> Entry:
        """Read a file and store its articles in the open chunk (nothing is flushed here but
        every SETTLE_EVERY records); raises ReadError when the file cannot be read."""
        self.wrote = False
        data = read_file(source.path)
        sha256 = originals.sha256_of(data)
        ext = originals.extension_of(source.name)
        relative = originals.relative_path(sha256, ext)
        extracted = extract_file(source.name, data, source.path, self._columns)
        entry = Entry(source, FileOutcome())
        self._restored_changes = {}
        origin = Source(sha256, source.name, "", extracted.format, EXTRACTOR, batch_id)
        known = False  # the catalogue had this original before this import

        def register() -> None:  # kept once the file adds or records something
            nonlocal known
            if not self.wrote:
                self.wrote = True
                if group.unit.writer.original(sha256, len(data), ext, relative):
                    self._registered_here.add(sha256)
                else:
                    known = sha256 not in self._registered_here

        try:
            pending = chunk.rows.pending
            items = self._known.ahead(
                group.unit.session, extracted.items, _keys, (pending.seen_urls, pending.seen_hashes)
            )
            for count, item in enumerate(items, start=1):
                if count % CHECK_EVERY == 0:
                    if cancel.cancelled:
                        raise ImportCancelled("import cancelled")
                    done, total, added = position
                    progress(
                        self._progress_at(
                            done,
                            total,
                            source.display,
                            added + len(entry.outcome.added) + len(chunk.rows.pending.added),
                        )
                    )
                if chunk.rows.unsettled >= SETTLE_EVERY:
                    self._settle(group, chunk)
                chunk.rows.unsettled += 1
                if item.record is None:
                    entry.outcome.failed.append(
                        ImportItem(source.display, _where(item), message=item.failure or "")
                    )
                    continue
                if self._store(
                    group, chunk, item, _for_item(origin, item), source, entry, register
                ):
                    chunk.records += 1
            if self.wrote and self._team:
                session = group.unit.writer.session
                stored = blob_store.put_blob(session, sha256, len(data), blob_store.pieces(data))
                entry.staged = originals.stage(self._root, relative, data)  # the cache
                state = "was missing" if stored and known else None
                if known and not stored and blob_store.verify(session, sha256) == "changed":
                    # the catalogue's copy was damaged: this file puts it right
                    blob_store.replace_blob(session, sha256, len(data), blob_store.pieces(data))
                    state = "had changed"
                if state is not None:
                    entry.outcome.warnings.append(
                        (
                            None,
                            "file",
                            f"the library's copy of this file {state}; "
                            "it is restored from this file",
                        )
                    )
            elif self.wrote:
                entry.staged = originals.stage(self._root, relative, data)
                if entry.staged is not None and (known or entry.staged.replaces_changed):
                    state = "had changed" if entry.staged.replaces_changed else "was missing"
                    entry.outcome.warnings.append(
                        (
                            None,
                            "file",
                            (
                                f"the library's copy of this file {state}; "
                                "it is restored from this file"
                            ),
                        )
                    )
        except BaseException:
            for written in entry.media:  # the chunk does not list this file yet
                written.unlink(missing_ok=True)
            raise
        return entry

    def _store(
        self,
        group: Group,
        chunk: Chunk,
        item: Extracted,
        origin: Source,
        source: SourceFile,
        entry: Entry,
        register: Callable[[], None],
    ) -> bool:
        """Add the item as an article or a new version; False when it is a duplicate."""
        record = item.record
        assert record is not None
        key = _url_key(record)
        arrival = Arrival(
            record,
            key,
            content_hash(record),
            _where(item),
            source.display,
            origin,
            item.revisit,
            item.restore,
            item.warnings,
            self._known,
        )
        return store_item(
            group.unit,
            chunk.rows,
            entry.outcome,
            arrival,
            register,
            lambda: self._archive_photos(group.unit.writer, item, entry),
            self._restored_changes,
        )

    def _archive_photos(
        self, writer: CatalogueWriter, item: Extracted, entry: Entry
    ) -> CatalogueRecord:
        """Store the photo files an article carries; the record with them, on the item too;
        warnings for those that cannot be kept go to the item's.

        The article's own caption and credit win; what the file says fills the gaps and is
        kept beside them.
        """
        from archive_app.domain.review import small_photo

        assert item.record is not None
        warnings: list[str] = []
        photos, review = list(item.record.photos), list(item.record.review)
        for number, (photo, data) in enumerate(
            zip(item.record.photos, item.photo_data, strict=False), start=1
        ):
            if not data:
                continue
            try:
                archived = archive_photo(self._root, data)
            except ReadError as error:
                warnings.append(
                    f"photo {number}: {error}; its caption and credit are kept, "
                    "the file is not archived"
                )
                continue
            entry.media.extend(archived.written)
            if self._team:
                blob_store.put_blob(
                    writer.session, archived.sha256, archived.size, blob_store.pieces(data)
                )
            writer.media(
                archived.sha256,
                archived.path,
                archived.size,
                archived.mime,
                archived.width,
                archived.height,
                {**archived.metadata, "summary": archived.credit},
                archived.thumbnail,
            )
            embedded = archived.credit
            photos[number - 1] = replace(
                photo,
                media_sha256=archived.sha256,
                media_path=archived.path,
                media_size=archived.size,
                embedded=embedded,
                caption=photo.caption or embedded["caption"],
                credit=photo.credit or embedded["credit"],
                photographer=photo.photographer or embedded["photographer"],
                agency=photo.agency or embedded["agency"],
            )
            flag = small_photo(number, archived.width, archived.height)
            if flag is not None:  # an icon or a thumbnail kept as the photo: worth a look
                review.append(flag)
                warnings.append(flag.message)
        item.record = replace(item.record, photos=photos, review=review)
        item.warnings.extend(warnings)
        return item.record


def size_of(source: Found) -> int:
    if not isinstance(source, SourceFile):
        return 0
    try:
        return source.path.stat().st_size
    except OSError:
        return 0


def _for_item(source: Source, item: Extracted) -> Source:
    """Where this article came from inside the file: member path, locator, format, extractor."""
    return Source(
        source.sha256,
        source.file_name,
        item.locator,
        item.format or source.format,
        item.extractor or source.extractor,
        source.batch_id,
        item.member,
    )


def _url_key(record: CatalogueRecord) -> str | None:
    # a wire item without a web address is known by its own identifier (guid)
    return url_key(record.url) or (f"id:{record.source_id}" if record.source_id else None)


def _keys(item: Extracted) -> Keys:
    """What an article is looked up by as it is stored: its URL key, its texts' hashes (an
    Arsip export's record by those it was imported with)."""
    if item.record is None:
        return None, ()
    if item.restore is not None:
        return _url_key(item.record), {v["content_hash"] for v in item.restore["versions"]}
    return _url_key(item.record), (content_hash(item.record),)


def _where(item: Extracted) -> str:
    """How a report names an article's place: "row 3", or "news/day1.csv row 3" in a zip."""
    if item.member and item.locator not in ("", "file"):
        return f"{item.member} {item.locator}"
    return item.member or item.locator
