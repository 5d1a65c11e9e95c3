"""Whoosh's BM25F, with each segment's field lengths read once into a list.

BM25F weighs a match by the length of the field it is in. Whoosh reads that length for every
document it scores through two column readers and a file read, several calls in Python per
document; a first page of a common word scores thousands. The lengths of a segment never
change, so they are read once per segment and field, in one piece, and looked up by index.
The scores are Whoosh's own, to the last bit.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from whoosh.codec import whoosh3
from whoosh.scoring import BM25F, BM25FScorer
from whoosh.util.numeric import byte_to_length

KEPT = 64  # (segment, field) lists of lengths kept, the most recently used
# a stored length byte -> the length Whoosh reads from it (0 stands for none: None)
_LENGTH_OF_BYTE: list[int | None] = [None, *(byte_to_length(b) for b in range(1, 256))]
_kept: OrderedDict[tuple[str, str, int], list[int | None]] = OrderedDict()
_lock = threading.Lock()


def _read_lengths(reader: Any, fieldname: str) -> list[int | None] | None:
    """Each document's length of the field in a segment, as doc_field_length reads it (None
    for a document without it); None when the segment keeps no lengths for the field."""
    count = reader.doc_count_all()
    try:  # the length column's bytes in one read (private parts of Whoosh's W3 codec)
        column = reader._perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        if column is None:
            return None
        raw = column._dbfile.get(column._basepos, min(column._count, count))
    except AttributeError:  # another codec: one document at a time
        return [reader.doc_field_length(d, fieldname, None) or None for d in range(count)]
    table = _LENGTH_OF_BYTE
    lengths = [table[b] for b in raw]
    lengths.extend([None] * (count - len(lengths)))
    return lengths


def segment_lengths(reader: Any, fieldname: str) -> list[int | None] | None:
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
        with _lock:
            _kept[key] = lengths
            while len(_kept) > KEPT:
                _kept.popitem(last=False)
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
