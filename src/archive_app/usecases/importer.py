"""The import pipeline: files -> records -> dedupe -> chunks in group commits -> index -> report."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from archive_app.db import import_unit
from archive_app.db.import_unit import FileOutcome, ImportUnit, Texts
from archive_app.db.lost_race import RETRIES, lost_race
from archive_app.db.new_articles import Lookups
from archive_app.db.sessions import Sessions
from archive_app.domain.clock import utc_now
from archive_app.domain.errors import ImportCancelled, ReadError
from archive_app.domain.model import ImportItem, ImportReport
from archive_app.domain.printable import printable
from archive_app.domain.progress import CancelToken, Progress, ProgressCallback, ignore_progress
from archive_app.ingest.sources import Found, MissingPath, SkippedPath, SourceFile, expand
from archive_app.storage import originals
from archive_app.storage.diskspace import DiskFull, free_bytes, is_disk_full, room_needed
from archive_app.storage.diskspace import stopped_message as disk_full_message
from archive_app.storage.library_folder import LibraryLayout
from archive_app.usecases import heap
from archive_app.usecases.import_chunks import Chunk, Entry, Group, discard_files
from archive_app.usecases.import_file import FileStorer, size_of
from archive_app.usecases.import_journal import stream_report

log = logging.getLogger(__name__)
# an import this big is indexed in a process of its own from its first commit on, so the
# indexing runs beside the import instead of after it
_BIG_IMPORT_FILES = 200
_BIG_IMPORT_BYTES = 2_000_000


class Importer:
    """Runs imports into one library; the caller serialises writers."""

    def __init__(
        self,
        root: Path,
        sessions: Sessions,
        index_changes: Callable[[set[int], set[int], bool], str | None],
        columns: dict[str, str] | None = None,
        team: bool = False,
        warm: Callable[[list[Texts]], None] | None = None,
    ) -> None:
        self._clock: tuple[float, int] = (time.monotonic(), 0)
        self._bytes_done = 0
        self._root = root
        self._sessions = sessions
        # (new ids, changed ids, in the background) -> None, or a message when the index
        # could not be updated
        self._index_changes = index_changes
        # (language, texts) of articles stored but not committed -> None: a big import's
        # indexing process analyses them while it waits for the commit
        self._warm = warm
        self._big = False
        self._report = ImportReport()
        # the people and sites this import's committed transactions met (person key or
        # domain -> id): asked of the catalogue once an import, not once a transaction
        self._known = (Lookups(), Lookups())
        self._files = FileStorer(root, columns, self._progress, self._settle, team)

    def run(
        self, paths: Iterable[str | Path], progress: ProgressCallback, cancel: CancelToken
    ) -> ImportReport:
        started = time.monotonic()
        path_list = [str(p) for p in paths]
        report = self._report = ImportReport()
        self._known = (Lookups(), Lookups())  # a librarian may have merged people since
        report.batch_id = import_unit.new_batch(self._sessions, [printable(p) for p in path_list])
        # every item goes to the report file as it comes; the report holds a screenful
        stream_report(report, self._root, LibraryLayout(self._root).file_mode())
        files = expand(path_list)
        sizes = [size_of(f) for f in files]
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
        group: Group | None = None
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
                group = Group(ImportUnit(self._sessions, self._known), time.monotonic())
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
                if self._big:  # what the group's files and rows took goes back to the system
                    heap.give_back()
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
        group: Group,
        source: SourceFile,
        batch_id: int | None,
        progress: ProgressCallback,
        cancel: CancelToken,
        position: tuple[int, int, int],
    ) -> None:
        """Store one file in the group's open chunk; a file that fails is reported and undone
        without losing the files stored before it."""
        if group.chunk is None:
            group.chunk = Chunk(group.unit.open_chunk())
            group.unit.writer.now = utc_now()
        chunk = group.chunk
        try:
            chunk.entries.append(
                self._files.store_file(group, chunk, source, batch_id, progress, cancel, position)
            )
        except Exception as error:
            if is_disk_full(error):  # the next files would fail alike: stop the import
                raise DiskFull(str(error)) from error
            raced = lost_race(error)
            if self._files.wrote or raced:
                # undo the chunk, store its earlier files again one at a time, and report this
                # one (a file that failed before storing anything leaves the chunk as it was)
                for earlier in self._abandon_chunk(group):
                    self._add_file_alone(group, earlier.source, batch_id, progress, position)
            if isinstance(error, ImportCancelled):
                raise
            if raced:  # another desktop stored an article of it first: it is met again now
                self._add_file_alone(group, source, batch_id, progress, position, 1)
                return
            self._fail(source, error)
            return
        if chunk.full():
            self._close_chunk(group, batch_id, progress, position)

    def _add_file_alone(
        self,
        group: Group,
        source: SourceFile,
        batch_id: int | None,
        progress: ProgressCallback,
        position: tuple[int, int, int],
        attempt: int = 0,
    ) -> None:
        """Store a file in a chunk of its own (after its chunk failed): it commits or fails
        by itself; again when it lost a race with another desktop (`attempt` counts)."""
        group.chunk = Chunk(group.unit.open_chunk())
        try:
            group.chunk.entries.append(
                self._files.store_file(
                    group, group.chunk, source, batch_id, progress, CancelToken(), position
                )
            )
        except Exception as error:
            if is_disk_full(error):
                raise DiskFull(str(error)) from error
            self._abandon_chunk(group)
            if lost_race(error) and attempt < RETRIES:
                self._add_file_alone(group, source, batch_id, progress, position, attempt + 1)
            else:
                self._fail(source, error)
            return
        self._close_chunk(group, batch_id, progress, position, attempt)

    def _close_chunk(
        self,
        group: Group,
        batch_id: int | None,
        progress: ProgressCallback,
        position: tuple[int, int, int],
        attempt: int = 0,
    ) -> None:
        """Flush the chunk and release its savepoint; if that fails, its files are stored
        again one at a time."""
        chunk = group.chunk
        if chunk is None:
            return
        try:
            self._settle(group, chunk)
            chunk.rows.savepoint.commit()
        except Exception as error:
            if is_disk_full(error):
                raise DiskFull(str(error)) from error
            entries = self._abandon_chunk(group)
            raced = lost_race(error) and attempt < RETRIES
            if len(entries) == 1 and not raced:
                self._fail(entries[0].source, error)
                return
            for entry in entries:
                again = attempt + 1 if raced else 0
                self._add_file_alone(group, entry.source, batch_id, progress, position, again)
            return
        group.chunk = None
        for entry in chunk.entries:
            group.outcomes.append((entry.source, entry.outcome))
            group.records += len(entry.outcome.added) + len(entry.outcome.updated)
            group.written.extend(entry.media)
            if entry.staged is not None:
                group.staged.append(entry.staged)
                group.written.append(entry.staged.target)
        group.fingerprints.update(chunk.rows.fingerprints)
        group.placed.update(chunk.rows.placed)

    def _abandon_chunk(self, group: Group) -> list[Entry]:
        """Roll the open chunk back and remove the files it wrote; its entries."""
        chunk, group.chunk = group.chunk, None
        if chunk is None:
            return []
        group.unit.roll_back_chunk(chunk.rows)
        discard_files(chunk.entries)
        group.unit.forget()
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

    def _commit_group(self, group: Group, new: set[int], changed: set[int]) -> None:
        """Commit the group's files; if that fails, none of them is kept and each says why."""
        report = self._report
        try:
            self._close_chunk(group, report.batch_id, ignore_progress, (0, 0, 0))
            links = group.unit.link_same_stories(group.fingerprints)
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
            group.unit.commit()
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
            group.unit.close()
        for source, outcome in group.outcomes:
            self._merge(source, outcome)
            new |= outcome.new_ids
            changed |= outcome.changed_ids

    def _abandon_group(self, group: Group) -> None:
        """Roll the group's whole transaction back (SQLite may have done so already, after a
        full disk: no savepoint is left to return to) and remove every file it wrote."""
        chunk, group.chunk = group.chunk, None
        discard_files(chunk.entries if chunk is not None else [])
        group.unit.roll_back()
        originals.discard(group.staged)
        for path in group.written:
            path.unlink(missing_ok=True)
        group.unit.close()

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
        import_unit.finish_batch(self._sessions, report)

    def _merge(self, source: SourceFile, outcome: FileOutcome) -> None:
        report = self._report
        for article_id, locator, title in outcome.added:
            report.added.append(ImportItem(source.display, locator, article_id, title))
        for article_id, locator, title, message in outcome.updated:
            report.updated.append(ImportItem(source.display, locator, article_id, title, message))
        report.duplicates.extend(outcome.duplicates)
        report.failed.extend(outcome.failed)
        for warned_id, locator, message in outcome.warnings:
            report.warnings.append(ImportItem(source.display, locator, warned_id, "", message))

    def _settle(self, group: Group, chunk: Chunk) -> None:
        """Flush what is pending and let the session's objects go (see ImportUnit.settle);
        a big import's indexing process gets their texts to analyse meanwhile.

        A big file is one transaction, indexed only once it commits: without this the indexer
        idles while the file is stored, then does all its work after the import's last file.
        """
        if not self._big or self._warm is None:
            group.unit.settle(chunk.rows)
            return
        texts: list[Texts] = []
        group.unit.settle(chunk.rows, texts)
        if texts:
            self._warm(texts)
