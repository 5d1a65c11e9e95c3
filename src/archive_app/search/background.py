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

from archive_app.core.model import IndexDocument

log = logging.getLogger(__name__)
_STOP = None
# One commit, one segment: committing every batch left hundreds of segments (or, with Whoosh's
# default merging, rewrote them all now and then). A commit every COMMIT_DOCS articles keeps
# them few, and one at least every COMMIT_SECONDS lets searches see a long import arrive.
COMMIT_DOCS = 50_000
COMMIT_SECONDS = 120.0
# ...and as soon as it has nothing waiting and this many articles pending: an indexer that keeps
# up commits in its idle time instead of leaving the work to the end of the import.
IDLE_COMMIT_DOCS = 2_000


def _serve(folder: str, inbox: Any, outbox: Any) -> None:
    """The indexing process: add each batch it is sent and answer with None or a message;
    commit now and then, and at the end (whose answer is the last one)."""
    from archive_app.search.index import FullTextIndex, IndexBatch

    index = FullTextIndex(Path(folder))
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
            log.exception("background index commit failed")
            return f"{type(error).__name__}: {error}"
        return None

    try:
        while (message := inbox.get()) is not _STOP:
            docs, new_ids = message
            try:
                answer = None
                if batch is not None and batch.holds_any(docs):  # a new version of one it holds
                    answer = commit()
                if batch is None:
                    batch, since = index.batch(), time.monotonic()
                batch.add(docs, frozenset(new_ids))
                if (batch.pending >= COMMIT_DOCS or time.monotonic() - since >= COMMIT_SECONDS
                        or (batch.pending >= IDLE_COMMIT_DOCS and inbox.empty())):
                    answer = commit() or answer
                outbox.put(answer)
            except Exception as error:
                log.exception("background indexing failed")
                if batch is not None:
                    batch.cancel()
                    batch = None
                outbox.put(f"{type(error).__name__}: {error}")
        outbox.put(commit())
    finally:
        index.close()


class BackgroundWriter:
    """One indexing process for the length of an import."""

    def __init__(self, folder: Path) -> None:
        context = multiprocessing.get_context("spawn")
        self._inbox = context.Queue(maxsize=4)  # a few batches ahead, no more (memory)
        self._outbox = context.Queue()
        self._process: SpawnProcess = context.Process(
            target=_serve, args=(str(folder), self._inbox, self._outbox), daemon=True,
            name="arsip-indexer")
        self._process.start()
        self._sent = 0
        self._articles = 0

    def submit(self, docs: list[IndexDocument], new_ids: set[int]) -> None:
        self._inbox.put((docs, sorted(new_ids)))
        self._sent += 1
        self._articles += len(docs)

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
                problems.append(f"the indexing process ended early (code "
                                f"{self._process.exitcode})")
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
