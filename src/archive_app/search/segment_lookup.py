"""Finding the documents an article id has through segment readers kept open across commits."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from typing import Any

from whoosh.reading import SegmentReader, TermNotFound

# Whoosh's update_document and delete_by_term look an id up through the writer's searcher,
# which opens a reader on every segment of the index once per writer, and filters each
# segment's postings through a fresh set of its deleted documents per look-up: a follower that
# commits each edit on its own paid for opening the whole index at every commit (45 % of a
# listening desktop's time). A segment's files never change once written (its deletions live
# in the table of contents, which the writer holds), so a reader opened on it stays right
# for as long as the segment exists: these are kept, and only new segments are opened.


class SegmentLookup:
    """Open terms readers of an index's segments by segment id, for one writer at a time.

    Whoosh's readers keep file positions and must not be used by two threads at once: every
    use holds the lock (only the thread holding the index's write lock uses it anyway)."""

    def __init__(self) -> None:
        self._readers: dict[str, SegmentReader] = {}
        self._lock = threading.Lock()

    def live_documents(self, writer: Any, field: str, values: Iterable[str]) -> list[int]:
        """The numbers (in the writer's numbering) of the writer's committed documents whose
        `field` holds one of `values` and that are not deleted yet."""
        segments = writer.segments
        schema_field = writer.schema[field]
        wanted = [schema_field.to_bytes(value) for value in values]
        found: list[int] = []
        with self._lock:
            self._forget_gone(segments)
            base = 0
            for segment in segments:
                if segment.doc_count() > 0:  # all deleted: nothing left to find
                    terms = self._reader(writer, segment)._terms
                    for text in wanted:
                        try:
                            matcher = terms.matcher(field, text, schema_field.format)
                        except TermNotFound:
                            continue
                        found.extend(
                            base + docnum
                            for docnum in matcher.all_ids()
                            if not segment.is_deleted(docnum)
                        )
                base += segment.doc_count_all()
        return found

    def _reader(self, writer: Any, segment: Any) -> SegmentReader:
        segment_id = segment.segment_id()
        reader = self._readers.get(segment_id)
        if reader is None:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            self._readers[segment_id] = reader
        return reader

    def _forget_gone(self, segments: list[Any]) -> None:
        """Close the readers of segments merged away since (their files are deleted)."""
        live = {segment.segment_id() for segment in segments}
        for segment_id in [s for s in self._readers if s not in live]:
            self._readers.pop(segment_id).close()

    def close(self) -> None:
        with self._lock:
            for reader in self._readers.values():
                reader.close()
            self._readers.clear()


# one lookup per open index (the facade's FullTextIndex keeps its Whoosh index for as long as
# the library is open; a rebuilt index is a new object with a lookup of its own)
_lookups: weakref.WeakKeyDictionary[Any, SegmentLookup] = weakref.WeakKeyDictionary()
_lookups_lock = threading.Lock()


def lookup_for(index: Any) -> SegmentLookup:
    """The kept segment readers of this Whoosh index (made on first use)."""
    with _lookups_lock:
        lookup = _lookups.get(index)
        if lookup is None:
            lookup = _lookups[index] = SegmentLookup()
        return lookup
