"""Each thread's own searcher of the index, renewed after commits, and the columns they share."""

from __future__ import annotations

import threading
from typing import Any

from whoosh.searching import Searcher

from archive_app.search.columns import Columns
from archive_app.search.scoring import CachedLengthsBM25F

# (generation of the index, our own commits so far, its readers' segments): searchers with the
# same key see the same documents under the same numbers. The segments too: a refreshed
# searcher keeps reading segments a commit merged away (Whoosh's reuse), so its numbers differ
# from a new reader's at the same generation
_Key = tuple[Any, int, tuple[str, ...]]


def _layout(reader: Any) -> tuple[str, ...]:
    # an empty index's reader has no segments (None)
    return tuple(str(segment.segment_id()) for segment in reader.segments() or ())


class Searchers:
    """Whoosh's searchers and readers keep file positions, so they must not be shared across
    threads (Whoosh's documentation says so): each thread keeps its own, with the generation it
    was opened at, and renews it when the index has changed. The facet columns are plain arrays
    once read, shared by every thread searching the same generation."""

    def __init__(self, index: Any) -> None:
        self._index = index
        self._local = threading.local()
        self._lock = threading.Lock()
        # our own commits so far: after one, threads open a new searcher instead of refreshing
        # theirs, since Searcher.refresh() can miss deletions
        self._writes = 0
        self._shared: tuple[_Key, Columns] | None = None

    def changed(self) -> None:
        """The index was written (by us, or by another process we were told of)."""
        with self._lock:
            self._writes += 1

    def current(self) -> tuple[Searcher, Columns]:
        """This thread's searcher of the newest commit, and the columns of its generation."""
        local = self._local
        writes = self._writes
        searcher: Searcher | None = getattr(local, "searcher", None)
        if searcher is None or local.writes != writes:
            # the thread's old searcher is not closed: its files close with the last reference
            searcher = self._index.searcher(weighting=CachedLengthsBM25F)
        else:
            try:
                searcher = searcher.refresh()  # picks up other processes' commits
            except TypeError:  # Whoosh cannot refresh a searcher of an empty index
                searcher = self._index.searcher(weighting=CachedLengthsBM25F)
        local.searcher, local.writes = searcher, writes
        reader = searcher.reader()
        return searcher, self._columns((reader.generation(), writes, _layout(reader)), searcher)

    def _columns(self, key: _Key, searcher: Searcher) -> Columns:
        with self._lock:
            if self._shared is not None and self._shared[0] == key:
                return self._shared[1]
        own: tuple[_Key, Columns] | None = getattr(self._local, "columns", None)
        if own is not None and own[0] == key:
            return own[1]
        reader = self._index.reader()  # the columns' own, for every thread at this generation
        if reader.generation() == key[0] and _layout(reader) == key[2]:
            columns = Columns(reader)
            with self._lock:
                self._shared = (key, columns)
            return columns
        # the index moved on between the two: this thread reads the columns on its own reader
        reader.close()
        columns = Columns(searcher.reader())
        self._local.columns = (key, columns)
        return columns
