"""Index a big import in a process of its own, while the importer goes on storing articles.

Indexing costs about twice what reading, normalising and storing do, and both are Python, so
one process cannot use the second core. A spawned process (never forked: the window has
threads) receives the documents of each committed batch and writes them; the importer waits
for it only at the end. Errors come back as messages for the import report.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import time
from multiprocessing.context import SpawnProcess
from pathlib import Path
from typing import Any

from archive_app.domain.model import IndexDocument
from archive_app.storage.diskspace import is_disk_full
from archive_app.storage.processes import die_with_parent

log = logging.getLogger(__name__)
_STOP = None
_WARM = "warm"  # in place of the new ids: articles to analyse, not to index
# One commit, one segment: committing every batch left hundreds of segments (or, with Whoosh's
# default merging, rewrote them all now and then). A commit every COMMIT_DOCS articles keeps
# them few, and one at least every COMMIT_SECONDS lets searches see a long import arrive.
COMMIT_DOCS = 50_000
COMMIT_SECONDS = 120.0
# ...and as soon as it is idle (nothing waiting, or articles to analyse ahead while the importer
# stores them) with this many articles pending: an indexer that keeps up commits in its idle time
# instead of leaving the work to the end of the import.
IDLE_COMMIT_DOCS = 1_000


def _serve(folder: str, inbox: Any, outbox: Any) -> None:
    """The indexing process: add each batch it is sent and answer with None or a message;
    commit now and then, and at the end (whose answer is the last one)."""
    die_with_parent()  # never left writing the index after the import was killed
    from archive_app.search.index import FullTextIndex
    from archive_app.search.writing import IndexBatch

    index = FullTextIndex(Path(folder))
    earlier = index.segment_ids()  # this import's commits merge only what it wrote itself
    batch: IndexBatch | None = None
    since = time.monotonic()

    def commit() -> str | None:
        nonlocal batch
        if batch is None:
            return None
        done, batch = batch, None
        try:
            done.commit()
        except Exception as error:  # reported in the import report, not lost
            return _problem(error, "background index commit failed")
        return None

    deferred: str | None = None  # a problem met between answers, told with the next one
    try:
        while (message := inbox.get()) is not _STOP:
            docs, new_ids = message
            if new_ids == _WARM:
                # articles still being stored: the importer is busy, so this is idle time
                if batch is not None and batch.pending >= IDLE_COMMIT_DOCS:
                    deferred = commit() or deferred
                _warm(docs)
                continue
            try:
                answer, deferred = deferred, None
                if batch is not None and batch.holds_any(docs):  # a new version of one it holds
                    answer = commit() or answer
                if batch is None:
                    batch, since = index.batch(leave=earlier), time.monotonic()
                batch.add(docs, frozenset(new_ids))
                if (
                    batch.pending >= COMMIT_DOCS
                    or time.monotonic() - since >= COMMIT_SECONDS
                    or (batch.pending >= IDLE_COMMIT_DOCS and inbox.empty())
                ):
                    answer = commit() or answer
                outbox.put(answer)
            except Exception as error:
                problem = _problem(error, "background indexing failed")
                if batch is not None:
                    batch.cancel()
                    batch = None
                outbox.put(problem)
        outbox.put(commit() or deferred)
    finally:
        index.close()


def _problem(error: Exception, doing: str) -> str:
    """The message for the import report; a traceback in the log only for the unexpected (a
    full disk is said once, by the import)."""
    if is_disk_full(error):
        log.info("%s: the disk is full", doing)
        return "the disk is full"
    log.exception(doing)
    return f"{type(error).__name__}: {error}"


def _warm(docs: list[IndexDocument]) -> None:
    """Analyse articles not yet committed, for the stems it leaves in the cache: the analysis
    of a new word costs ten times that of a known one, and the articles arrive to be indexed
    only once the importer commits them, all at once for a big file."""
    from archive_app.search.documents import document_fields

    try:
        for doc in docs:
            document_fields(doc)
    except Exception:  # the same articles are analysed again when indexed, and fail there
        log.exception("analysing articles ahead of indexing failed")


class BackgroundWriter:
    """One indexing process for the length of an import."""

    def __init__(self, folder: Path) -> None:
        context = multiprocessing.get_context("spawn")
        self._inbox = context.Queue(maxsize=4)  # a few batches ahead, no more (memory)
        self._outbox = context.Queue()
        self._process: SpawnProcess = context.Process(
            target=_serve,
            args=(str(folder), self._inbox, self._outbox),
            daemon=True,
            name="arsip-indexer",
        )
        self._process.start()
        self._sent = 0
        self._articles = 0

    def submit(self, docs: list[IndexDocument], new_ids: set[int]) -> None:
        self._inbox.put((docs, sorted(new_ids)))
        self._sent += 1
        self._articles += len(docs)

    def warm(self, docs: list[IndexDocument]) -> None:
        """Let the process analyse articles still to be committed while it would be idle (none:
        the importer is only busy); skipped when it has work waiting (the articles are analysed
        again when indexed)."""
        try:
            self._inbox.put_nowait((docs, _WARM))
        except queue.Full:
            pass

    def finish(self) -> list[str]:
        """Wait for every batch to be written and committed; the messages of what failed."""
        problems: list[str] = []
        answered = 0
        if self._process.is_alive():
            self._inbox.put(_STOP)
            self._sent += 1  # the final commit answers too
        while answered < self._sent:
            try:
                answer = self._outbox.get(timeout=1)
            except queue.Empty:
                if self._process.is_alive():
                    continue  # still writing
                problems.append(f"the indexing process ended early (code {self._process.exitcode})")
                break
            answered += 1
            if answer is not None:
                problems.append(answer)
        self._process.join(timeout=60)
        if self._process.is_alive():
            self._process.terminate()
        elif self._process.exitcode not in (0, None) and not problems:
            problems.append(f"the indexing process ended with code {self._process.exitcode}")
        return problems
