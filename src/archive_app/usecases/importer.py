"""The import pipeline: files -> records -> dedupe -> chunks in group commits -> index -> report."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from archive_app.db import queries
from archive_app.db.lossless import load_article
from archive_app.db.models import Article, ImportBatch
from archive_app.db.store import (
    CatalogueWriter,
    Source,
    article_with_text,
    article_with_url,
    link_same_stories,
    place_known,
    sort_date,
)
from archive_app.domain.clock import utc_now
from archive_app.domain.errors import ImportCancelled, ReadError
from archive_app.domain.model import CatalogueRecord, ImportItem, ImportReport, IndexDocument
from archive_app.domain.printable import printable
from archive_app.domain.progress import CancelToken, Progress, ProgressCallback, ignore_progress
from archive_app.ingest.dedupe import content_hash, url_key
from archive_app.ingest.extract import EXTRACTOR, Extracted, extract_file
from archive_app.ingest.sources import (
    Found,
    MissingPath,
    SkippedPath,
    SourceFile,
    expand,
    read_file,
)
from archive_app.storage import originals
from archive_app.storage.diskspace import DiskFull, free_bytes, is_disk_full, room_needed
from archive_app.storage.diskspace import stopped_message as disk_full_message
from archive_app.storage.media_store import archive_photo

log = logging.getLogger(__name__)
_CHECK_EVERY = 100  # records between cancel checks and progress reports
_SETTLE_EVERY = 500  # records between flushes that let the session's objects go
_CHUNK_FILES = 50  # files that share a savepoint and a flush
# a transaction holds files until one of these is reached
_GROUP_RECORDS = 1000
_GROUP_FILES = 500
_GROUP_SECONDS = 10.0
# an import this big is indexed in a process of its own from its first commit on, so the
# indexing runs beside the import instead of after it
_BIG_IMPORT_FILES = 200
_BIG_IMPORT_BYTES = 2_000_000


@dataclass(slots=True)
class _FileOutcome:
    """What one file's transaction did, merged into the report only once it commits."""

    added: list[tuple[int, str, str]] = field(default_factory=list)
    updated: list[tuple[int, str, str, str]] = field(default_factory=list)
    duplicates: list[ImportItem] = field(default_factory=list)
    failed: list[ImportItem] = field(default_factory=list)
    warnings: list[tuple[int | None, str, str]] = field(default_factory=list)
    new_ids: set[int] = field(default_factory=set)
    changed_ids: set[int] = field(default_factory=set)


@dataclass(slots=True)
class _Pending:
    """Articles stored since the session was last settled (their ids come at the flush)."""

    added: list[tuple[_FileOutcome, Article, str, str, list[str]]] = field(default_factory=list)
    updated: list[tuple[_FileOutcome, Article, str, str]] = field(default_factory=list)
    # URL keys and text hashes met in this chunk -> the article (an object until settled)
    seen_urls: dict[str, Article | int] = field(default_factory=dict)
    seen_hashes: dict[str, Article | int] = field(default_factory=dict)
    # places (article, file, member, locator) recorded in this chunk: a place is kept once
    places: set[tuple[int, str, str, str]] = field(default_factory=set)
    # duplicates of articles not flushed yet: reported once their ids are known
    duplicates: list[tuple[_FileOutcome, Article, ImportItem]] = field(default_factory=list)


@dataclass(slots=True)
class _Entry:
    """One file of a chunk: what it did and what it wrote outside the catalogue."""

    source: SourceFile
    outcome: _FileOutcome
    staged: originals.Staged | None = None
    media: list[Path] = field(default_factory=list)  # photo files first written by this file


@dataclass(slots=True)
class _Chunk:
    """Files stored under one savepoint and written by one flush.

    A savepoint and a flush per file cost about 2 ms each, most of a page dump's import; a
    chunk shares them among up to _CHUNK_FILES files. If anything in a chunk fails, the chunk
    is undone and its files are stored again one at a time, so a bad file still takes only its
    own records with it.
    """

    savepoint: SessionTransaction
    pending: _Pending = field(default_factory=_Pending)
    entries: list[_Entry] = field(default_factory=list)
    records: int = 0  # articles added or updated
    unsettled: int = 0  # records read since the last flush
    # articles added in the chunk: their bodies (for same-story links) and who added them
    bodies: dict[int, list[str]] = field(default_factory=dict)
    placed: dict[int, tuple[_FileOutcome, str]] = field(default_factory=dict)

    def full(self) -> bool:
        return len(self.entries) >= _CHUNK_FILES or self.records >= _SETTLE_EVERY


@dataclass(slots=True)
class _Group:
    """Chunks stored in one transaction: small files commit together (a commit and its fsync
    per file dominated folders of page dumps)."""

    session: Session
    writer: CatalogueWriter
    started: float
    chunk: _Chunk | None = None
    outcomes: list[tuple[SourceFile, _FileOutcome]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)  # originals and photos new in the group
    # originals written under temporary names: made durable together just before the commit
    staged: list[originals.Staged] = field(default_factory=list)
    records: int = 0
    # articles added in the group, to link to the same stories in one query before commit
    bodies: dict[int, list[str]] = field(default_factory=dict)
    placed: dict[int, tuple[_FileOutcome, str]] = field(default_factory=dict)

    def full(self) -> bool:
        return (
            self.records >= _GROUP_RECORDS
            or len(self.outcomes) >= _GROUP_FILES
            or time.monotonic() - self.started > _GROUP_SECONDS
        )


def _is_newer(record: CatalogueRecord, article: Article) -> bool:
    """Whether a new text of an article should become the one shown (newest date wins)."""
    new = sort_date(record.updated or record.published)
    current = sort_date(article.updated or article.published)
    return new is None or current is None or new >= current


class Importer:
    """Runs imports into one library; the caller serialises writers."""

    def __init__(
        self,
        root: Path,
        sessions: sessionmaker[Session],
        index_changes: Callable[[set[int], set[int], bool], str | None],
        columns: dict[str, str] | None = None,
        warm: Callable[[list[IndexDocument]], None] | None = None,
    ) -> None:
        self._columns = columns
        # articles flushed but not committed, for the indexer to analyse while it waits
        self._warm = warm
        self._clock: tuple[float, int] = (time.monotonic(), 0)
        self._bytes_done = 0
        self._root = root
        self._sessions = sessions
        # (new ids, changed ids, in the background) -> None, or a message when the index
        # could not be updated
        self._index_changes = index_changes
        self._big = False
        self._wrote = False
        self._report = ImportReport()
        # exported change ids -> change sets made while restoring an Arsip export (by id)
        self._restored_changes: dict[int, int] = {}
        # originals first registered by this import: a second copy of one is not a repair
        self._registered_here: set[str] = set()

    def run(
        self, paths: Iterable[str | Path], progress: ProgressCallback, cancel: CancelToken
    ) -> ImportReport:
        started = time.monotonic()
        path_list = [str(p) for p in paths]
        report = self._report = ImportReport()
        with self._sessions.begin() as session:
            batch = CatalogueWriter(session, utc_now()).new_batch([printable(p) for p in path_list])
            report.batch_id = batch.id
        files = expand(path_list)
        sizes = [_size(f) for f in files]
        self._clock = (started, sum(sizes))
        self._big = len(files) >= _BIG_IMPORT_FILES or sum(sizes) >= _BIG_IMPORT_BYTES
        self._bytes_done = 0
        if self._big:  # start the indexing process now: it is ready by the first commit
            self._index_changes(set(), set(), True)
        free_at_start = free_bytes(self._root)
        try:
            self._each_file(files, sizes, progress, cancel)
        except DiskFull:
            self._stop_for_full_disk(files, sizes, free_at_start)
        self._bytes_done = sum(sizes)
        progress(self._progress(len(files), len(files), "", len(report.added), "done"))
        self._finish_batch()
        report.seconds = time.monotonic() - started
        return report

    def _each_file(
        self, files: list[Found], sizes: list[int], progress: ProgressCallback, cancel: CancelToken
    ) -> None:
        """Store the files in groups, one transaction each, and index what each group added."""
        report = self._report
        pending_new: set[int] = set()
        pending_changed: set[int] = set()
        group: _Group | None = None
        full: DiskFull | None = None  # the disk filled up: store no more files
        for number, source in enumerate(files):
            progress(self._progress(number, len(files), source.display, len(report.added)))
            if cancel.cancelled:
                report.cancelled = True
                break
            if isinstance(source, MissingPath):
                report.failed.append(ImportItem(source.display, "file", message=source.reason))
                continue
            if isinstance(source, SkippedPath):  # a pipe or socket in a folder: said, not read
                report.warnings.append(ImportItem(source.display, "file", message=source.reason))
                continue
            report.files += 1
            if group is None:
                session = self._sessions()
                group = _Group(session, CatalogueWriter(session, utc_now()), time.monotonic())
            try:
                self._add_file(
                    group,
                    source,
                    report.batch_id,
                    progress,
                    cancel,
                    (number, len(files), len(report.added)),
                )
            except ImportCancelled:
                report.cancelled = True
                break
            except DiskFull as error:
                # SQLite may have rolled the whole transaction back by itself: none of the
                # group is kept (its files are part of the rest)
                full = error
                self._abandon_group(group)
                group = None
                break
            finally:
                self._bytes_done += sizes[number]
            if group.full():
                try:
                    self._commit_group(group, pending_new, pending_changed)
                except DiskFull as error:
                    full, group = error, None
                    break
                group = None
                if self._big or len(pending_new) + len(pending_changed) >= 2000:
                    self._flush_index(pending_new, pending_changed)
        if group is not None:  # files finished before a cancel are kept too
            try:
                self._commit_group(group, pending_new, pending_changed)
            except DiskFull as error:
                full = error
        self._flush_index(pending_new, pending_changed)
        if full is not None:
            raise full

    def _stop_for_full_disk(
        self, files: list[Found], sizes: list[int], free_at_start: int | None
    ) -> None:
        """The import stops: the report says what was stored, and one line what the files not
        stored need (none of them was half-written: their transaction was rolled back)."""
        report = self._report
        handled = {
            item.path
            for items in (report.added, report.updated, report.duplicates, report.failed)
            for item in items
        }
        rest = [
            size
            for source, size in zip(files, sizes, strict=True)
            if isinstance(source, SourceFile) and source.display not in handled
        ]
        free_now = free_bytes(self._root)
        used = None if free_at_start is None or free_now is None else free_at_start - free_now
        needed = room_needed(sum(rest), sum(sizes) - sum(rest), used)
        report.stopped = disk_full_message(self._root, len(rest), sum(rest), needed)
        log.info("import stopped: %s", report.stopped)  # the caller shows report.stopped

    # -- chunks and groups -----------------------------------------------------------------

    def _add_file(
        self,
        group: _Group,
        source: SourceFile,
        batch_id: int | None,
        progress: ProgressCallback,
        cancel: CancelToken,
        position: tuple[int, int, int],
    ) -> None:
        """Store one file in the group's open chunk; a file that fails is reported and undone
        without losing the files stored before it."""
        if group.chunk is None:
            group.chunk = _Chunk(group.session.begin_nested())
            group.writer.now = utc_now()
        chunk = group.chunk
        try:
            chunk.entries.append(
                self._store_file(group, chunk, source, batch_id, progress, cancel, position)
            )
        except Exception as error:
            if is_disk_full(error):  # the next files would fail alike: stop the import
                raise DiskFull(str(error)) from error
            if self._wrote:
                # undo the chunk, store its earlier files again one at a time, and report this
                # one (a file that failed before storing anything leaves the chunk as it was)
                for earlier in self._abandon_chunk(group):
                    self._add_file_alone(group, earlier.source, batch_id, progress, position)
            if isinstance(error, ImportCancelled):
                raise
            self._fail(source, error)
            return
        if chunk.full():
            self._close_chunk(group, batch_id, progress, position)

    def _add_file_alone(
        self,
        group: _Group,
        source: SourceFile,
        batch_id: int | None,
        progress: ProgressCallback,
        position: tuple[int, int, int],
    ) -> None:
        """Store a file in a chunk of its own (after its chunk failed): it commits or fails
        by itself."""
        group.chunk = _Chunk(group.session.begin_nested())
        try:
            group.chunk.entries.append(
                self._store_file(
                    group, group.chunk, source, batch_id, progress, CancelToken(), position
                )
            )
        except Exception as error:
            if is_disk_full(error):
                raise DiskFull(str(error)) from error
            self._abandon_chunk(group)
            self._fail(source, error)
            return
        self._close_chunk(group, batch_id, progress, position)

    def _close_chunk(
        self,
        group: _Group,
        batch_id: int | None,
        progress: ProgressCallback,
        position: tuple[int, int, int],
    ) -> None:
        """Flush the chunk and release its savepoint; if that fails, its files are stored
        again one at a time."""
        chunk = group.chunk
        if chunk is None:
            return
        try:
            self._settle(group, chunk)
            chunk.savepoint.commit()
        except Exception as error:
            if is_disk_full(error):
                raise DiskFull(str(error)) from error
            entries = self._abandon_chunk(group)
            if len(entries) == 1:
                self._fail(entries[0].source, error)
                return
            for entry in entries:
                self._add_file_alone(group, entry.source, batch_id, progress, position)
            return
        group.chunk = None
        for entry in chunk.entries:
            group.outcomes.append((entry.source, entry.outcome))
            group.records += len(entry.outcome.added) + len(entry.outcome.updated)
            group.written.extend(entry.media)
            if entry.staged is not None:
                group.staged.append(entry.staged)
                group.written.append(entry.staged.target)
        group.bodies.update(chunk.bodies)
        group.placed.update(chunk.placed)

    def _abandon_chunk(self, group: _Group) -> list[_Entry]:
        """Roll the open chunk back and remove the files it wrote; its entries."""
        chunk, group.chunk = group.chunk, None
        if chunk is None:
            return []
        # a failed flush leaves the savepoint deactivated but still open: it needs the rollback
        if group.session.get_nested_transaction() is chunk.savepoint:
            chunk.savepoint.rollback()
        for entry in chunk.entries:
            if entry.staged is not None:
                originals.discard([entry.staged])
            for written in entry.media:
                written.unlink(missing_ok=True)
        # the writer may remember sites and people the rollback took away
        group.writer = CatalogueWriter(group.session, group.writer.now)
        group.session.expunge_all()
        return chunk.entries

    def _fail(self, source: SourceFile, error: BaseException) -> None:
        if is_disk_full(error):  # not the file's fault: the import stops (no file is blamed)
            raise DiskFull(str(error)) from error
        if isinstance(error, ReadError):
            message = str(error)
        elif isinstance(error, RecursionError):  # the file's fault: a reader walks its nesting
            message = (
                "nested too deeply to read (elements or brackets one inside another, "
                "far deeper than any article)"
            )
        else:  # a fault of Arsip's, not of the file: kept in the log with its traceback
            log.error("importing %s failed", source.display, exc_info=error)
            message = f"could not be imported ({type(error).__name__}: {error})"
        self._report.failed.append(ImportItem(source.display, "file", message=message))

    def _commit_group(self, group: _Group, new: set[int], changed: set[int]) -> None:
        """Commit the group's files; if that fails, none of them is kept and each says why."""
        report = self._report
        try:
            self._close_chunk(group, report.batch_id, ignore_progress, (0, 0, 0))
            links = link_same_stories(group.session, group.bodies)
            for article_id, others in links.items():
                outcome, where = group.placed[article_id]
                outcome.warnings.append(
                    (
                        article_id,
                        where,
                        "same story as article " + ", ".join(str(i) for i in others),
                    )
                )
            originals.put_in_place(group.staged)  # durable and named before the catalogue says so
            group.session.commit()
        except Exception as error:
            self._abandon_group(group)
            if is_disk_full(error):  # its files are the rest the import could not store
                raise DiskFull(str(error)) from error
            for source, outcome in group.outcomes:
                if outcome.added or outcome.updated:
                    report.failed.append(
                        ImportItem(source.display, "file", message=f"could not be saved ({error})")
                    )
                else:
                    self._merge(source, outcome)
            log.exception("an import transaction failed")
            return
        finally:
            group.session.close()
        for source, outcome in group.outcomes:
            self._merge(source, outcome)
            new |= outcome.new_ids
            changed |= outcome.changed_ids

    def _abandon_group(self, group: _Group) -> None:
        """Roll the group's whole transaction back (SQLite may have done so already, after a
        full disk: no savepoint is left to return to) and remove every file it wrote."""
        chunk, group.chunk = group.chunk, None
        for entry in chunk.entries if chunk is not None else []:
            if entry.staged is not None:
                originals.discard([entry.staged])
            for written in entry.media:
                written.unlink(missing_ok=True)
        group.session.rollback()
        originals.discard(group.staged)
        for path in group.written:
            path.unlink(missing_ok=True)
        group.session.close()

    def _progress(
        self, done: int, total: int, current: str, articles: int, phase: str = "importing"
    ) -> Progress:
        started, total_bytes = self._clock
        return Progress(
            phase,
            done,
            total,
            current,
            articles,
            time.monotonic() - started,
            self._bytes_done,
            total_bytes,
        )

    def _flush_index(self, new: set[int], changed: set[int]) -> None:
        if not new and not changed:
            return
        problem = self._index_changes(set(new), set(changed), self._big)
        if problem:
            self._report.warnings.append(ImportItem("(search index)", "", message=problem))
        new.clear()
        changed.clear()

    def _finish_batch(self) -> None:
        report = self._report
        try:
            self._record_batch(report)
        except Exception as error:
            if not is_disk_full(error):
                raise
            # what it stored is committed; only the batch's totals are missing
            log.info("the import's totals were not recorded: the disk is full")

    def _record_batch(self, report: ImportReport) -> None:
        with self._sessions.begin() as session:
            batch = session.get(ImportBatch, report.batch_id)
            assert batch is not None
            batch.finished_at = utc_now()
            batch.status = "cancelled" if report.cancelled else "done"
            batch.added, batch.updated = len(report.added), len(report.updated)
            batch.duplicates, batch.failed = len(report.duplicates), len(report.failed)

    def _merge(self, source: SourceFile, outcome: _FileOutcome) -> None:
        report = self._report
        for article_id, locator, title in outcome.added:
            report.added.append(ImportItem(source.display, locator, article_id, title))
        for article_id, locator, title, message in outcome.updated:
            report.updated.append(ImportItem(source.display, locator, article_id, title, message))
        report.duplicates.extend(outcome.duplicates)
        report.failed.extend(outcome.failed)
        for warned_id, locator, message in outcome.warnings:
            report.warnings.append(ImportItem(source.display, locator, warned_id, "", message))

    # -- one file ----------------------------------------------------------------------------

    def _store_file(
        self,
        group: _Group,
        chunk: _Chunk,
        source: SourceFile,
        batch_id: int | None,
        progress: ProgressCallback,
        cancel: CancelToken,
        position: tuple[int, int, int],
    ) -> _Entry:
        """Read a file and store its articles in the open chunk (nothing is flushed here but
        every _SETTLE_EVERY records); raises ReadError when the file cannot be read."""
        self._wrote = False  # whether the session holds anything of this file (its original
        # is registered before its first article)
        data = read_file(source.path)
        sha256 = originals.sha256_of(data)
        ext = originals.extension_of(source.name)
        relative = originals.relative_path(sha256, ext)
        extracted = extract_file(source.name, data, source.path, self._columns)
        entry = _Entry(source, _FileOutcome())
        self._restored_changes = {}
        origin = Source(sha256, source.name, "", extracted.format, EXTRACTOR, batch_id)
        known = False  # the catalogue had this original before this import

        def register() -> None:  # kept once the file adds or records something
            nonlocal known
            if not self._wrote:
                self._wrote = True
                if group.writer.original(sha256, len(data), ext, relative):
                    self._registered_here.add(sha256)
                else:
                    known = sha256 not in self._registered_here

        try:
            for count, item in enumerate(extracted.items, start=1):
                if count % _CHECK_EVERY == 0:
                    if cancel.cancelled:
                        raise ImportCancelled("import cancelled")
                    done, total, added = position
                    progress(
                        self._progress(
                            done,
                            total,
                            source.display,
                            added + len(entry.outcome.added) + len(chunk.pending.added),
                        )
                    )
                if chunk.unsettled >= _SETTLE_EVERY:
                    self._settle(group, chunk)
                chunk.unsettled += 1
                if item.record is None:
                    entry.outcome.failed.append(
                        ImportItem(source.display, _where(item), message=item.failure or "")
                    )
                    continue
                if self._store(
                    group, chunk, item, _for_item(origin, item), source.display, entry, register
                ):
                    chunk.records += 1
            if self._wrote:
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

    def _settle(self, group: _Group, chunk: _Chunk) -> None:
        """Flush what is pending, keep only ids and bodies, and let the ORM objects go.

        A chunk stays one savepoint, but the session holds at most a few hundred articles:
        a file of 100,000 rows would otherwise keep them all in memory until its commit.
        """
        session, pending = group.session, chunk.pending
        session.flush()
        settled: list[int] = []  # the articles added or changed since the last flush
        for outcome, article, where, title, warnings in pending.added:
            outcome.added.append((article.id, where, title))
            outcome.new_ids.add(article.id)
            outcome.warnings.extend((article.id, where, w) for w in warnings)
            chunk.bodies[article.id] = list(article.body)
            chunk.placed[article.id] = (outcome, where)
            settled.append(article.id)
        for outcome, article, where, message in pending.updated:
            outcome.updated.append((article.id, where, article.title, message))
            outcome.changed_ids.add(article.id)
            settled.append(article.id)
        for outcome, article, item in pending.duplicates:
            outcome.duplicates.append(replace(item, article_id=article.id))
        for seen in (pending.seen_urls, pending.seen_hashes):
            for key, value in seen.items():
                if isinstance(value, Article):
                    seen[key] = value.id
        pending.added.clear()
        pending.updated.clear()
        pending.duplicates.clear()
        chunk.unsettled = 0
        group.writer.release()  # its sites and people become ids the session can load again
        session.expunge_all()
        if self._big and self._warm is not None:  # also when all were duplicates: the
            # indexer learns that the importer is busy, and commits what it holds meanwhile
            self._warm(list(queries.index_documents(session, settled)) if settled else [])

    def _archive_photos(
        self, writer: CatalogueWriter, item: Extracted, entry: _Entry
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

    def _store(
        self,
        group: _Group,
        chunk: _Chunk,
        item: Extracted,
        origin: Source,
        display: str,
        entry: _Entry,
        register: Callable[[], None],
    ) -> bool:
        """Add the item as an article or a new version; False when it is a duplicate."""
        session, writer, pending = group.session, group.writer, chunk.pending
        outcome = entry.outcome
        record = item.record
        assert record is not None
        # a wire item without a web address is known by its own identifier (guid)
        key = url_key(record.url) or (f"id:{record.source_id}" if record.source_id else None)
        digest = content_hash(record)
        where = _where(item)
        with session.no_autoflush:
            article = _resolve(session, pending.seen_urls.get(key)) if key else None
            if article is None and key:
                article = _resolve(session, article_with_url(session, key))
            if item.revisit:
                return self._revisit(group, chunk, item, article, origin, display, entry, register)
            if article is not None:
                if digest in {v.content_hash for v in article.versions}:
                    register()
                    self._seen_again(group, chunk, article, {digest}, origin, "duplicate")
                    _duplicate(
                        chunk,
                        outcome,
                        article,
                        ImportItem(
                            display,
                            where,
                            article.id,
                            record.title,
                            "same URL and text as an article already in the library",
                        ),
                    )
                    return False
                register()
                record = self._archive_photos(writer, item, entry)
                number = writer.add_version(
                    article, record, digest, origin, make_current=_is_newer(record, article)
                )
                pending.updated.append(
                    (
                        outcome,
                        article,
                        where,
                        f"URL already in the library with different text: kept as version {number}",
                    )
                )
                if key:
                    pending.seen_urls[key] = article
                pending.seen_hashes[digest] = article
                return True
            # a restored record is known by the texts it was imported with, not its edits
            hashes = (
                {v["content_hash"] for v in item.restore["versions"]}
                if (item.restore is not None)
                else {digest}
            )
            twin = next((pending.seen_hashes[h] for h in hashes if h in pending.seen_hashes), None)
            twin_id = (
                twin
                if isinstance(twin, int)
                else twin.id
                if twin is not None
                else article_with_text(session, hashes)
            )
            if twin is not None or twin_id is not None:
                register()
                self._seen_again(
                    group, chunk, twin if twin is not None else twin_id, hashes, origin, "duplicate"
                )
                _duplicate(
                    chunk,
                    outcome,
                    twin,
                    ImportItem(
                        display,
                        where,
                        twin_id,
                        record.title,
                        "same text as an article already in the library",
                    ),
                )
                return False
            register()
            if item.restore is not None:
                article = load_article(
                    session,
                    writer,
                    record,
                    item.restore,
                    key,
                    origin.batch_id,
                    self._restored_changes,
                )
            else:
                record = self._archive_photos(writer, item, entry)
                article = writer.add_article(record, digest, key, origin)
        if key:
            pending.seen_urls[key] = article
        for restored_hash in hashes:
            pending.seen_hashes[restored_hash] = article
        pending.added.append((outcome, article, where, record.title, list(item.warnings)))
        return True

    def _seen_again(
        self,
        group: _Group,
        chunk: _Chunk,
        article: Article | int | None,
        hashes: set[str],
        origin: Source,
        kind: str,
    ) -> None:
        """Keep the place where an article was found again in its provenance (once a place):
        a librarian tracing row 61 of a file finds the article it duplicated."""
        if article is None:
            return
        article_id = article if isinstance(article, int) else article.id
        marker = (
            article_id if article_id is not None else -id(article),
            origin.sha256,
            origin.member or "",
            origin.locator,
        )
        if marker in chunk.pending.places:
            return
        chunk.pending.places.add(marker)
        if article_id is not None and place_known(
            group.session, article_id, origin.sha256, origin.member, origin.locator
        ):
            return
        group.writer.seen_again(article, hashes, origin, kind)

    def _revisit(
        self,
        group: _Group,
        chunk: _Chunk,
        item: Extracted,
        article: Article | None,
        origin: Source,
        display: str,
        entry: _Entry,
        register: Callable[[], None],
    ) -> bool:
        """A web archive's revisit record: another capture of an article already archived."""
        assert item.record is not None
        where, url = _where(item), item.record.url or ""
        if article is None:
            entry.outcome.failed.append(
                ImportItem(
                    display,
                    where,
                    message=(
                        f"a revisit record of {url}: the capture it repeats is not in the library "
                        "(import the web archive that holds it first)"
                    ),
                )
            )
            return False
        register()
        self._seen_again(group, chunk, article, {article.content_hash}, origin, "revisit")
        when = f", captured {item.record.captured}" if item.record.captured else ""
        _duplicate(
            chunk,
            entry.outcome,
            article,
            ImportItem(
                display,
                where,
                article.id,
                article.title,
                f"another capture of an article already in the library (revisit record{when})",
            ),
        )
        return False


def _duplicate(
    chunk: _Chunk, outcome: _FileOutcome, article: Article | int | None, item: ImportItem
) -> None:
    """Report a duplicate with the id of the article it repeats (known at the next flush when
    that article came earlier in the same chunk)."""
    if isinstance(article, Article) and article.id is None:
        chunk.pending.duplicates.append((outcome, article, item))
    else:
        outcome.duplicates.append(item)


def _size(source: Found) -> int:
    if not isinstance(source, SourceFile):
        return 0
    try:
        return source.path.stat().st_size
    except OSError:
        return 0


def _resolve(session: Session, seen: Article | int | None) -> Article | None:
    """An article met earlier in this file, loaded again if the session has let it go."""
    if isinstance(seen, int):
        return session.get(Article, seen)
    return seen


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


def _where(item: Extracted) -> str:
    """How a report names an article's place: "row 3", or "news/day1.csv row 3" in a zip."""
    if item.member and item.locator not in ("", "file"):
        return f"{item.member} {item.locator}"
    return item.member or item.locator
