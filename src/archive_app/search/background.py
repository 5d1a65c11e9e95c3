"""Index a big import in a process of its own, which reads the articles the import commits.

Indexing costs about as much as reading, normalising and storing, and both are Python, so one
process cannot use the second core. The importer sends the ids of each group of articles it
commits, nothing more; a spawned process (never forked: the window has threads) reads their
documents through the feed it is given (the catalogue, read-only), writes them through one
Whoosh writer and commits when that writer holds COMMIT_BYTES of postings, or COMMIT_SECONDS
after it opened so that searches see a long import arrive. After each commit, segments are
merged as the tiered policy says (merging.py) in commits of their own, until no level is full
(a merge's memory never adds to the postings gathered): the import leaves a bounded number of
segments. Every merge is bounded by what the import
wrote (merging.import_cap): a big import tidies its own segments, while a small one into a
large library never rewrites the articles that were there before it, and its last commit
stays cheap; merging those is left to an idle moment (idle_merge.py). The importer never
waits for the indexer (ids are small: the queue takes them all) except at the end; problems
come back as messages for the import report.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from multiprocessing.context import SpawnProcess
from pathlib import Path
from typing import Any

from archive_app.domain.model import IndexDocument
from archive_app.search.merging import import_cap
from archive_app.storage.diskspace import is_disk_full
from archive_app.storage.processes import die_with_parent

log = logging.getLogger(__name__)
_STOP = None
# in place of the new ids: (language, texts) of articles still being stored, to analyse ahead
_WARM = "warm"
# warm-ahead messages waiting at most: more are dropped (the articles are analysed anyway,
# when indexed; this bounds the texts a busy indexer's inbox holds)
WARM_BACKLOG = 4
# the postings a writer gathers before it commits (about; segment_writer.POSTING_BYTES each):
# the indexing process's memory, and the size of the segments an import writes
COMMIT_BYTES = 192 * 2**20
# ...and a commit at least this often, so that searches see a long import arrive
COMMIT_SECONDS = 60.0
# articles read from the feed at a time
READ_CHUNK = 1_000

Feed = Callable[[Sequence[int]], Iterable[IndexDocument]]


def _serve(
    folder: str,
    feed_factory: Callable[[str], Feed],
    source: str,
    commit_bytes: int,
    inbox: Any,
    outbox: Any,
) -> None:
    """The indexing process: index the ids it is sent, commit now and then, merge at the end;
    answer once, with the problems met."""
    die_with_parent()  # never left writing the index after the import was killed
    from archive_app.search.index import FullTextIndex

    index = None
    problems: list[str] = []
    try:
        index = FullTextIndex(Path(folder))
        writer = _Writer(index, feed_factory(source), commit_bytes)
        while (message := inbox.get()) is not _STOP:
            new_ids, changed_ids = message
            if new_ids == _WARM:
                _warm(changed_ids)
                continue
            problem = writer.index(new_ids, changed_ids)
            if problem:
                problems.append(problem)
        problems.extend(p for p in (writer.commit(), writer.tidy()) if p)
    except Exception as error:  # the index or the feed could not be opened: said, not lost
        problems.append(_problem(error, "background indexing failed"))
    finally:
        if index is not None:
            index.close()
        outbox.put(problems)


class _Writer:
    """The indexing process's writer: one batch open at a time, committed by size or age."""

    def __init__(self, index: Any, feed: Feed, commit_bytes: int) -> None:
        self._index = index
        self._feed = feed
        self._commit_bytes = commit_bytes
        self._batch: Any = None
        self._opened = 0.0
        self._written = 0  # articles this import indexed: what its merges may rewrite

    def index(self, new_ids: Sequence[int], changed_ids: Sequence[int]) -> str | None:
        """Read and add these articles; a message instead of an error when that failed."""
        problem = None
        new = frozenset(new_ids)
        ids = sorted(new | set(changed_ids))
        try:
            for start in range(0, len(ids), READ_CHUNK):
                docs = list(self._feed(ids[start : start + READ_CHUNK]))
                if self._batch is not None and self._batch.holds_any(docs):
                    problem = self.commit() or problem  # a new version of one it holds
                if self._batch is None:
                    self._batch, self._opened = self._index.batch(), time.monotonic()
                self._written += self._batch.add(docs, new)
                if (
                    self._batch.pending_bytes() >= self._commit_bytes
                    or time.monotonic() - self._opened >= COMMIT_SECONDS
                ):
                    problem = self.commit() or problem
        except Exception as error:
            if self._batch is not None:
                self._batch.cancel()
                self._batch = None
            return _problem(error, "background indexing failed")
        return problem

    def commit(self) -> str | None:
        """Commit what the batch holds, then merge as the tiered policy says (within the cap)
        in commits of their own: a merge's memory (about 1 kB a merged article: 140 MB for
        ten segments of 14,000) comes after the postings gathered are written and let go,
        not on top of them."""
        batch, self._batch = self._batch, None
        if batch is None:
            return None
        try:
            batch.commit(merge=False)
        except Exception as error:  # reported in the import report, not lost
            return _problem(error, "background index commit failed")
        return self.tidy()

    def tidy(self) -> str | None:
        """Merge until no level of segments within the cap is full, a commit a merge (with
        segments left empty dropped): after each commit, and the shape the import leaves (a
        small import into a large library merges only its own segments)."""
        largest = import_cap(self._written)
        try:
            while True:
                batch = self._index.batch()
                if not batch.merge_due(largest):
                    batch.cancel()
                    return None
                batch.commit(tidy=True, largest=largest)
        except Exception as error:
            return _problem(error, "merging the index's segments failed")


def _warm(texts: Sequence[tuple[str | None, Sequence[str]]]) -> None:
    """Stem the words of articles the importer is still storing, for the stem caches they
    leave: a new word's stem costs ten times a known one's, and a big file's articles come to
    be indexed only once the file commits, all at once, after the import's last file."""
    from archive_app.search.analysis import stemmer_for, words

    try:
        for language, parts in texts:
            stemmer = stemmer_for(language)
            if stemmer is not None:
                for word in {word for part in parts for word in words(part)}:
                    stemmer(word)
    except Exception:  # the same articles are analysed again when indexed, and fail there
        log.exception("analysing articles ahead of indexing failed")


def _problem(error: Exception, doing: str) -> str:
    """The message for the import report; a traceback in the log only for the unexpected (a
    full disk is said once, by the import)."""
    if is_disk_full(error):
        log.info("%s: the disk is full", doing)
        return "the disk is full"
    log.exception(doing)
    return f"{type(error).__name__}: {error}"


class BackgroundWriter:
    """One indexing process for the length of an import. `feed_factory(source)`, called in
    that process, gives the function that reads articles by id; it must be importable by name
    (a module's top-level function), as the process is spawned."""

    def __init__(
        self,
        folder: Path,
        feed_factory: Callable[[str], Feed],
        source: str,
        commit_bytes: int = COMMIT_BYTES,
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self._inbox = context.Queue()
        self._outbox = context.Queue()
        self._process: SpawnProcess = context.Process(
            target=partial(_serve, str(folder), feed_factory, source, commit_bytes),
            args=(self._inbox, self._outbox),
            daemon=True,
            name="arsip-indexer",
        )
        self._process.start()

    def submit(self, new_ids: Iterable[int], changed_ids: Iterable[int] = ()) -> None:
        """Index these articles, committed to the catalogue by now."""
        self._inbox.put((sorted(new_ids), sorted(changed_ids)))

    def warm(self, texts: Sequence[tuple[str | None, Sequence[str]]]) -> None:
        """Let the process analyse articles (language, texts) still to be committed, while it
        would wait for them; skipped when it has a backlog."""
        try:
            if self._inbox.qsize() >= WARM_BACKLOG:
                return
        except NotImplementedError:  # macOS has no queue size: no warming there
            return
        self._inbox.put((_WARM, [(language, list(parts)) for language, parts in texts]))

    def finish(self) -> list[str]:
        """Wait for every article to be indexed, committed and merged; the messages of what
        failed."""
        problems: list[str] = []
        if self._process.is_alive():
            self._inbox.put(_STOP)
        while True:
            try:
                problems.extend(self._outbox.get(timeout=1))
                break
            except queue.Empty:
                if self._process.is_alive():
                    continue  # still writing
                problems.append(f"the indexing process ended early (code {self._process.exitcode})")
                break
        self._process.join(timeout=60)
        if self._process.is_alive():
            self._process.terminate()
        elif self._process.exitcode not in (0, None) and not problems:
            problems.append(f"the indexing process ended with code {self._process.exitcode}")
        return problems
