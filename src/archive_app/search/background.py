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
from multiprocessing.context import SpawnProcess
from pathlib import Path
from typing import Any

from archive_app.core.model import IndexDocument

log = logging.getLogger(__name__)
_STOP = None


def _serve(folder: str, inbox: Any, outbox: Any) -> None:
    """The indexing process: write each batch it is sent, answer with None or a message."""
    from archive_app.search.index import FullTextIndex

    index = FullTextIndex(Path(folder))
    try:
        while (message := inbox.get()) is not _STOP:
            docs, new_ids = message
            try:
                index.write(docs, new_ids=frozenset(new_ids))
                outbox.put(None)
            except Exception as error:  # reported in the import report, not lost
                log.exception("background indexing failed")
                outbox.put(f"{type(error).__name__}: {error}")
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
        """Wait for every batch to be written; the messages of those that failed."""
        problems: list[str] = []
        answered = 0
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
        if self._process.is_alive():
            self._inbox.put(_STOP)
        self._process.join(timeout=60)
        if self._process.is_alive():
            self._process.terminate()
        elif self._process.exitcode not in (0, None) and not problems:
            problems.append(f"the indexing process ended with code {self._process.exitcode}")
        return problems
