"""Build a whole index with worker processes: each reads and indexes a share of the articles into
an index of its own, and their segments are then gathered into one index and merged.

Reading an article from the catalogue, analysing it and writing its postings are all Python, so a
rebuild in one process uses one core. Here `processes` spawned workers (never forked: the window
has threads) each take chunks of article ids from one queue, read the articles through the feed
they are given (the catalogue, read-only), and write them into their own index folder beside
the one being built, committing by size and merging as the tiered policy says (merging.py), so
each holds a bounded amount of memory, and merges its segments once at the end, into one (or
a few of at most MAX_MERGED articles): each article is rewritten once, in parallel. The parent
only hands out ids. Once all are written, the workers' segment files move into the new index
and one table of contents lists them all: a rebuild by two workers leaves two segments.
Every worker ends with its parent (die_with_parent).

Whoosh's own MpWriter, used before, forked its workers, analysed every document in the parent
and left one unmerged segment per worker. `build_serially` writes documents already in hand in
this process, bounded the same way.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from multiprocessing.context import SpawnProcess
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from archive_app.domain.model import IndexDocument
from archive_app.search.index_folder import create_empty
from archive_app.search.merging import MAX_MERGED
from archive_app.search.patches import install_patches
from archive_app.search.writing import IndexBatch, merge_segments
from archive_app.storage.processes import die_with_parent

log = logging.getLogger(__name__)
# ids a worker takes at a time (read from the catalogue in one go)
CHUNK = 500
# postings a worker gathers before it commits a segment (about; see segment_writer.py)
WORKER_COMMIT_BYTES = 192 * 2**20
_STOP = None


def _build_part(
    folder: str,
    feed_factory: Callable[[str], Any],
    source: str,
    commit_bytes: int,
    inbox: Any,
    outbox: Any,
) -> None:
    """A worker: index the chunks of ids it takes into a new index in `folder`, then merge
    until no level is full; tell the parent how many it wrote as it goes."""
    die_with_parent()
    index = create_empty(Path(folder))
    try:
        feed = feed_factory(source)
        batch = None
        while (chunk := inbox.get()) is not _STOP:
            docs = list(feed(chunk))
            if batch is None:
                batch = _batch(index)
            batch.add(docs, frozenset(doc.id for doc in docs))
            if batch.pending_bytes() >= commit_bytes:
                batch.commit(merge=False)  # merged once, at the end
                batch = None
            outbox.put(("indexed", len(docs)))
        if batch is not None:
            batch.commit(merge=False)
        compact(index)
        outbox.put(("done", None))
    except BaseException as error:
        log.exception("a rebuild worker failed")
        outbox.put(("failed", f"{type(error).__name__}: {error}"))
        raise
    finally:
        index.close()


def build_serially(
    folder: Path,
    docs: Iterable[IndexDocument],
    progress: Callable[[int], None] | None = None,
    commit_bytes: int = WORKER_COMMIT_BYTES,
) -> int:
    """Index `docs` into the empty index in `folder` in this process, committing by size and
    compacting at the end; the number written."""
    index = open_index(folder)
    count = 0
    try:
        batch = _batch(index)
        for doc in docs:
            batch.add([doc], frozenset({doc.id}))
            count += 1
            if progress is not None and count % 500 == 0:
                progress(count)
            if batch.pending_bytes() >= commit_bytes:
                batch.commit(merge=False)
                batch = _batch(index)
        batch.commit(merge=False)
        compact(index)
    finally:
        index.close()
    return count


def compact(index: Any, largest: int = MAX_MERGED) -> None:
    """Merge the segments of a Whoosh index into as few as hold at most `largest` articles
    each (one, up to half a million): each article is rewritten once."""
    groups: list[list[Any]] = [[]]
    for segment in sorted(index._segments(), key=lambda s: s.doc_count()):
        if groups[-1] and sum(s.doc_count() for s in groups[-1]) + segment.doc_count() > largest:
            groups.append([])
        groups[-1].append(segment)
    for group in groups:
        if len(group) > 1:
            merge_segments(index, group)


def tidy(index: Any) -> None:
    """Merge the segments of a Whoosh index until no level is full (merging.py)."""
    while True:
        batch = _batch(index)
        if not batch.merge_due():
            batch.cancel()
            return
        batch.commit(tidy=True)


def _batch(index: Any) -> IndexBatch:
    return IndexBatch(index, _nothing, _nothing)


def _nothing() -> None:
    """No searcher to renew, no index to mark behind: the index is being built."""


def open_index(folder: Path) -> Any:
    """The Whoosh index in `folder`, opened with Arsip's patches."""
    install_patches()
    return whoosh_index.open_dir(str(folder))


def build_in_parallel(
    folder: Path,
    feed_factory: Callable[[str], Any],
    source: str,
    ids: Sequence[int],
    processes: int,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    commit_bytes: int = WORKER_COMMIT_BYTES,
) -> int:
    """Index the articles `ids` into the empty index in `folder` with `processes` workers;
    the number indexed. `feed_factory(source)`, called in each worker, gives the function that
    reads articles by id (a module's top-level function: the workers are spawned). Raises
    InterruptedError when `cancelled()` turns true, RuntimeError when a worker failed."""
    context = multiprocessing.get_context("spawn")
    inbox = context.Queue(maxsize=4 * processes)
    outbox = context.Queue()
    parts = [folder / f".part-{number}" for number in range(processes)]
    workers: list[SpawnProcess] = []
    for part in parts:
        worker = context.Process(
            target=partial(_build_part, str(part), feed_factory, source, commit_bytes),
            args=(inbox, outbox),
            daemon=True,
            name="arsip-rebuild",
        )
        worker.start()
        workers.append(worker)
    tally = _Tally(outbox, workers, progress)
    try:
        for start in range(0, len(ids), CHUNK):
            if cancelled():
                raise InterruptedError("reindex cancelled")
            chunk = list(ids[start : start + CHUNK])
            while True:
                try:
                    inbox.put(chunk, timeout=0.5)
                    break
                except queue.Full:
                    tally.read(block=False)  # progress while the workers are busy
            tally.read(block=False)
        for _worker in workers:
            inbox.put(_STOP)
        tally.wait_done(cancelled)
    except BaseException:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
        for worker in workers:
            worker.join(10)
        raise
    for worker in workers:
        worker.join(60)
    _gather(folder, parts)
    return tally.indexed


class _Tally:
    """What the workers report: articles indexed (for progress), who is done, what failed."""

    def __init__(
        self, outbox: Any, workers: list[SpawnProcess], progress: Callable[[int], None] | None
    ) -> None:
        self._outbox = outbox
        self._workers = workers
        self._progress = progress
        self.indexed = 0
        self.done = 0

    def read(self, block: bool) -> None:
        """Take in what the workers said (waiting up to a second for it when `block`)."""
        timeout = 1.0 if block else 0.0
        while True:
            try:
                if timeout:
                    kind, value = self._outbox.get(timeout=timeout)
                else:
                    kind, value = self._outbox.get_nowait()
            except queue.Empty:
                return
            timeout = 0.0  # take what else is there, then go back to work
            if kind == "indexed":
                self.indexed += value
                if self._progress is not None:
                    self._progress(self.indexed)
            elif kind == "done":
                self.done += 1
            else:
                raise RuntimeError(f"a worker of the index rebuild failed: {value}")

    def wait_done(self, cancelled: Callable[[], bool]) -> None:
        while self.done < len(self._workers):
            if cancelled():
                raise InterruptedError("reindex cancelled")
            self.read(block=True)
            if self.done < len(self._workers) and not any(w.is_alive() for w in self._workers):
                time.sleep(0.2)
                self.read(block=False)  # its last words may still have been in the pipe
                if self.done < len(self._workers):
                    codes = [w.exitcode for w in self._workers]
                    raise RuntimeError(f"a worker of the index rebuild ended early ({codes})")


def _gather(folder: Path, parts: list[Path]) -> None:
    """Move the workers' segments (compacted already) into the index in `folder`, and list them
    all in one table of contents."""
    target = open_index(folder)
    segments = list(target._segments())
    for part in parts:
        opened = open_index(part)
        for segment in opened._segments():
            names = (
                [segment.make_filename(".seg")]
                if segment.is_compound()
                else segment.list_files(opened.storage)
            )
            for name in names:
                (part / name).rename(folder / name)
            segments.append(segment)
        opened.close()
    generation = whoosh_index.TOC._latest_generation(target.storage, target.indexname) + 1
    whoosh_index.TOC(target.schema, segments, generation).write(target.storage, target.indexname)
    whoosh_index.clean_files(target.storage, target.indexname, generation, segments)
    target.close()
    for part in parts:
        shutil.rmtree(part, ignore_errors=True)
