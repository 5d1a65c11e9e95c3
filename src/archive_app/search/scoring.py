"""Whoosh's BM25F, with each segment's field lengths read once into an array.

BM25F weighs a match by the length of the field it is in. Whoosh reads that length for every
document it scores through two column readers and a file read, several calls in Python per
document; a first page of a common word scores thousands. The lengths of a segment never
change, so they are read once per segment and field, in one piece, and looked up by index.
The scores are Whoosh's own, to the last bit.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from typing import Any

from whoosh.codec import whoosh3
from whoosh.scoring import BM25F, BM25FScorer
from whoosh.util.numeric import byte_to_length

KEPT_BYTES = 48 << 20  # lengths kept (4 bytes a document), the most recently used segments'
# a stored length byte -> the length Whoosh reads from it; 0 (no words in the field) is only
# read for a document none of whose words is in the field, which is never scored in it
_LENGTH_OF_BYTE = array("I", [0, *(byte_to_length(b) for b in range(1, 256))])
_kept: OrderedDict[tuple[str, str, int], array[int]] = OrderedDict()
_kept_bytes = 0
_lock = threading.Lock()


def _read_lengths(reader: Any, fieldname: str) -> array[int] | None:
    """Each document's length of the field in a segment, as doc_field_length reads it (0 for
    a document without it); None when the segment keeps no lengths for the field."""
    count = reader.doc_count_all()
    try:  # the length column's bytes in one read (private parts of Whoosh's W3 codec)
        column = reader._perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        if column is None:
            return None
        raw = column._dbfile.get(column._basepos, min(column._count, count))
    except AttributeError:  # another codec: one document at a time
        return array("I", (reader.doc_field_length(d, fieldname, 0) or 0 for d in range(count)))
    table = _LENGTH_OF_BYTE
    lengths = array("I", (table[b] for b in raw))
    if len(lengths) < count:  # documents after the last with a length read as 0
        lengths.extend(array("I", bytes(4 * (count - len(lengths)))))
    return lengths


def segment_lengths(reader: Any, fieldname: str) -> array[int] | None:
    """The field lengths of a segment's documents (shared, not to be changed), or None when
    `reader` is not one segment's or keeps no lengths for the field."""
    if not reader.is_atomic() or not hasattr(reader, "segment"):
        return None
    key = (reader.segment().segment_id(), fieldname, reader.doc_count_all())
    with _lock:
        found = _kept.get(key)
        if found is not None:
            _kept.move_to_end(key)
            return found
    lengths = _read_lengths(reader, fieldname)
    if lengths is not None:
        global _kept_bytes
        with _lock:
            if key not in _kept:
                _kept[key] = lengths
                _kept_bytes += 4 * len(lengths)
            while _kept_bytes > KEPT_BYTES and len(_kept) > 1:
                _key, dropped = _kept.popitem(last=False)
                _kept_bytes -= 4 * len(dropped)
    return lengths


class CachedLengthsBM25F(BM25F):  # type: ignore[misc]
    """BM25F whose scorers look a document's field length up in `segment_lengths`."""

    def scorer(self, searcher: Any, fieldname: str, text: Any, qf: int = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if type(scorer) is BM25FScorer:
            lengths = segment_lengths(searcher.reader(), fieldname)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer
