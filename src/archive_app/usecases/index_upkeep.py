"""Keeping the index in step with the catalogue: follow changes, catch up, repair, rebuild."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from functools import partial

from archive_app.db import index_feed, library_stats, queries
from archive_app.db.sessions import Sessions
from archive_app.domain.model import CheckReport, IndexDocument, IndexStatus
from archive_app.domain.progress import CancelToken, Progress, ProgressCallback, ignore_progress
from archive_app.search.background import BackgroundWriter
from archive_app.search.index import FullTextIndex
from archive_app.search.workers import build_in_parallel
from archive_app.storage.diskspace import is_disk_full
from archive_app.storage.library_folder import LibraryLayout
from archive_app.usecases.idle_merge import IdleMerger
from archive_app.usecases.import_indexing import catalogue_feed, indexing_process
from archive_app.usecases.library_files import LibraryFiles

log = logging.getLogger(__name__)
# an import flushing this many articles at once hands indexing to a process of its own
BACKGROUND_BATCH = 1500
# catching up, the index commits every so many articles (one segment each): a catch-up cut
# short keeps what it did
CATCH_UP_COMMIT = 5000
LATER = "Arsip indexes them the next time it opens this library to write"


class IndexUpkeep:
    """The facade's index work. Its callers hold the writer lane; only reads come meanwhile."""

    def __init__(
        self,
        layout: LibraryLayout,
        sessions: Sessions,
        index: FullTextIndex,
        count: Callable[[], int],
    ) -> None:
        self.layout = layout
        self.index = index
        self._sessions = sessions
        self._count = count  # the articles the catalogue holds
        self.status = IndexStatus(False, 0, 0)
        self._background: BackgroundWriter | None = None
        # merges what imports left unmerged once the library is idle (the window's library)
        self.idle_merger: IdleMerger | None = None

    # -- following changes ---------------------------------------------------------------

    def index_changes(
        self, new_ids: set[int], changed_ids: set[int], in_background: bool = False
    ) -> str | None:
        """Index new and changed articles; a message instead of an error when it failed (the
        catalogue is committed, and the next writer to open the library catches up)."""
        if self.idle_merger is not None:  # the pause a merge waits for starts again
            self.idle_merger.poke()
        try:
            ids = sorted(new_ids | changed_ids)
            if in_background or len(ids) >= BACKGROUND_BATCH or self._background is not None:
                # a big import: index in a process of its own while the import goes on; it
                # reads the articles from the catalogue itself
                if self._background is None:
                    self._background = indexing_process(
                        self.layout.index, self.layout.catalogue_source
                    )
                if ids:  # none when a big import starts: the process gets ready meanwhile
                    self._background.submit(new_ids, changed_ids)
                return None
            with self._sessions() as session:
                docs = list(index_feed.index_documents(session, ids))
            self.index.write(docs, new_ids=frozenset(new_ids))
        except Exception as error:  # the catalogue is committed; say so instead of failing
            self.index.mark_behind()
            if is_disk_full(error):  # expected, and said once: no traceback
                log.warning("index update failed: the disk is full")
                error_text = "the disk is full"
            else:
                log.exception("index update failed")
                error_text = str(error)
            return (
                f"the search index was not updated for {len(new_ids | changed_ids)} "
                f"articles ({error_text}); {LATER}"
            )
        return None

    def warm_background(self, texts: Sequence[tuple[str | None, Sequence[str]]]) -> None:
        """Let a big import's indexing process analyse articles (language, texts) the import
        stores but has not committed yet."""
        if self._background is None:
            return
        try:
            self._background.warm(texts)
        except Exception:  # only a head start: the articles are analysed when indexed anyway
            log.exception("sending articles to analyse ahead to the indexing process failed")

    def finish_background(self) -> list[str]:
        """Wait for a big import's indexing process; the messages of what it failed to do."""
        writer, self._background = self._background, None
        if writer is None:
            return []
        problems = writer.finish()
        self.index.changed_elsewhere()
        if self.idle_merger is not None:  # what the import left unmerged, once idle
            self.idle_merger.poke()
        if problems:
            self.index.mark_behind()
        return problems

    def documents(self, ids: Sequence[int]) -> Iterator[IndexDocument]:
        with self._sessions() as session:
            yield from index_feed.index_documents(session, ids)

    # -- catching up -----------------------------------------------------------------------

    def may_lag(self) -> bool:
        if self.index.behind or self.index.recreated or self.index.stale_schema:
            return True
        return self.index.doc_count() != self._count()

    def catch_up(self, cancel: CancelToken | None = None) -> int:
        """Compare the catalogue's versions with the index's and index the difference; the
        number of articles indexed (`status` says how far it is meanwhile).

        Cancelled, it stops at its next commit (a rebuild leaves the old index): the index is
        still marked behind, so the next writer to open the library completes it.
        """
        if not self.may_lag():
            return 0
        token = cancel or CancelToken()
        # a catch-up cut short (the window closed, the process killed) must be taken up again
        # by the next writer, even when only versions differ and the counts agree
        self.index.mark_behind()
        try:
            report = self.compare(CheckReport())  # the index only: no integrity check
            if report.index_error or self.index.stale_schema:
                todo = self._article_ids()
                self.status = IndexStatus(True, 0, len(todo))
                self._rebuild(todo, 1, self._rebuild_progress, token)
            else:
                todo = sorted(set(report.missing_from_index) | set(report.stale_in_index))
                if report.orphaned_in_index:
                    self.index.delete(report.orphaned_in_index)
                self.status = IndexStatus(bool(todo), 0, len(todo))
                new = frozenset(report.missing_from_index)
                for start in range(0, len(todo), CATCH_UP_COMMIT):
                    if token.cancelled:
                        log.info(
                            "the index caught up %d of %d articles, then stopped", start, len(todo)
                        )
                        return start
                    chunk = todo[start : start + CATCH_UP_COMMIT]
                    self.index.write(self.documents(chunk), new_ids=new)
                    self.status = IndexStatus(True, start + len(chunk), len(todo))
        finally:
            self.status = IndexStatus(False, 0, 0)
        self.index.caught_up()
        self.index.recreated = False
        if todo:
            log.info("indexed %d articles the index lacked", len(todo))
        return len(todo)

    def repair(self, cancel: CancelToken | None = None) -> int:
        """Catch up, then load the facet columns; a failure or a cancel is logged, not raised
        (what is left, the next writer to open the library repairs)."""
        try:
            done = self.catch_up(cancel)
            if cancel is None or not cancel.cancelled:
                self.index.warm()
            return done
        except InterruptedError:
            log.info("the index repair was cancelled; the next opening completes it")
        except Exception as error:  # a failed repair leaves the drift for the next open
            if is_disk_full(error):
                log.warning("the index could not catch up: the disk is full")
            else:
                log.exception("index repair failed")
        return 0

    def _rebuild_progress(self, done: int) -> None:
        self.status = IndexStatus(True, done, self.status.total)

    def _article_ids(self) -> list[int]:
        with self._sessions() as session:
            return queries.article_ids(session, "added")

    # -- rebuilding and comparing ----------------------------------------------------------

    def reindex(
        self,
        progress: ProgressCallback = ignore_progress,
        cancel: CancelToken | None = None,
        processes: int = 1,
    ) -> int:
        """Rebuild the whole index from the catalogue; the old index serves until the swap."""
        token = cancel or CancelToken()
        ids = self._article_ids()
        total = len(ids)
        count = self._rebuild(
            ids, processes, lambda done: progress(Progress("indexing", done, total)), token
        )
        progress(Progress("indexing", total, total))
        return count

    def _rebuild(
        self, ids: list[int], processes: int, progress: Callable[[int], None], token: CancelToken
    ) -> int:
        """A new index of these articles, built beside the old one by `processes` worker
        processes that read them from the catalogue themselves, then swapped in; raises
        InterruptedError when cancelled (the old index is left as it was)."""
        build = partial(
            build_in_parallel,
            feed_factory=catalogue_feed,
            source=self.layout.catalogue_source,
            ids=ids,
            processes=max(1, processes),
            progress=progress,
            cancelled=lambda: token.cancelled,
        )
        return self.index.rebuild_by(build)

    def compare(self, report: CheckReport) -> CheckReport:
        """The catalogue against the index and the originals folder."""
        with self._sessions() as session:
            catalogue = queries.versions(session)
            original_paths = library_stats.original_paths(session)
        report.articles = len(catalogue)
        if self.index.missing:
            report.index_error = f"the search index is missing ({self.layout.index} is empty)"
        elif self.index.stale_schema:
            report.index_error = "the index was built by another version of Arsip"
        elif self.index.damage:
            report.index_error = f"the search index is damaged ({self.index.damage})"
        try:
            indexed = self.index.versions()
        except Exception as error:  # a damaged index must be reported, not crash the check
            report.index_error = f"the index cannot be read ({error})"
            indexed = {}
        report.indexed = len(indexed)
        for article_id, version in sorted(catalogue.items()):
            if article_id not in indexed:
                report.missing_from_index.append(article_id)
            elif indexed[article_id] != version:
                report.stale_in_index.append(article_id)
        report.orphaned_in_index = sorted(set(indexed) - set(catalogue))
        # a team library's originals are blobs in its catalogue, a folder's files in it
        team = self._sessions if self.layout.team is not None else None
        report.missing_originals = LibraryFiles(self.layout.root, team).missing(original_paths)
        return report
