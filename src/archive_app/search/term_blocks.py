"""A term's postings from the writer's pool encoded as Whoosh's W3 blocks, the term in one write.

Whoosh's postings writer (codec/whoosh3.py W3PostingsWriter and W3FieldWriter) takes a term
through a dozen method calls: a block buffer made twice, the postings file asked where it is
four times and written to five times, each block's statistics kept through the block's
methods, the term's entry added through its terms-file writer. Most terms of a segment have
one or two postings, so that per-term work, not the postings, is what the flush of an import
costs. Here the same bytes (the tests compare them with Whoosh's own writer's) are made with
the block's lists in hand: ids as gaps, weights minified, word places packed, each block
pickled and compressed, its info and the term's entry packed as Whoosh packs them, and the
term's blocks written at once.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Callable
from operator import sub
from pickle import dumps
from typing import Any

from whoosh.codec import whoosh3
from whoosh.system import pack_int, pack_long, pack_ushort

from archive_app.search import postings
from archive_app.search.fields import WordPositions
from archive_app.search.postings import pack_values

MAGIC = whoosh3.WHOOSH3_HEADER_MAGIC
_TERM_ENTRY = whoosh3.W3TermInfo._struct


def split(postings: list[Any]) -> tuple[array[int], array[float], list[bytes]]:
    """A term's postings in the writer's pool (document number, weight and value of each in
    turn) as document numbers, weights and values."""
    return array("I", postings[0::3]), array("f", postings[1::3]), postings[2::3]


def own_terms_writer(fieldwriter: Any, fieldobj: Any, lengths: bytes | None) -> OwnTerms | None:
    """A writer of the field's pool-only terms, or None when the field or the codec asks
    for something it does not restate (Whoosh's own path then writes them)."""
    postwriter = fieldwriter._postwriter
    if postwriter._byteids or postwriter._inlinelimit > 1:
        return None
    # the values are packed as the block writer in place would pack them: Arsip's (postings.py,
    # once its patches are installed) or Whoosh's own; another's is left to write them itself
    minify = whoosh3.W3PostingsWriter._mini_values
    packed = minify is postings._mini_values
    if not packed and minify is not postings._original_mini_values:
        return None
    fmt = fieldobj.format
    if isinstance(fmt, WordPositions):
        if not packed:
            return None  # Whoosh's tuple of values, as a block written before postings.py
        pack: Callable[[list[bytes]], Any] | None = pack_values
    elif fmt.fixed_value_size() == 0:
        pack = None
    elif (fmt.fixed_value_size() or 0) > 0:
        pack = b"".join  # values of one size, joined (W3PostingsWriter._mini_values)
    else:
        return None
    return OwnTerms(fieldwriter, postwriter, pack, lengths)


class OwnTerms:
    """Writes terms that only the pool holds, as W3PostingsWriter and W3FieldWriter would."""

    def __init__(
        self,
        fieldwriter: Any,
        postwriter: Any,
        pack: Callable[[list[bytes]], Any] | None,
        lengths: bytes | None,
    ) -> None:
        self._postfile = fieldwriter._postfile
        self._add_entry = fieldwriter._tindex.add
        self._prefix = pack_ushort(fieldwriter._fieldid)
        self._limit = postwriter._blocklimit
        self._compression = postwriter._compression
        self._pack = pack
        self._lengths = lengths

    def write(
        self, text: bytes, docnums: array[int], weights: array[float], values: list[bytes]
    ) -> None:
        """One term: its blocks in the postings file, its entry in the terms file."""
        limit, compression, pack, lengths = (
            self._limit,
            self._compression,
            self._pack,
            self._lengths,
        )
        count = len(docnums)
        parts = [MAGIC]
        # the term's statistics as W3TermInfo.add_block gathers them, lengths as their bytes
        # (byte_to_length and length_to_byte undo each other, and both keep the order)
        total: float = 0
        shortest: int | None = None
        longest = 0
        heaviest: float = 0
        for start in range(0, count, limit):
            end = start + limit
            ids = docnums[start:end]
            block_weights = weights[start:end]
            size = len(ids)
            first = block_weights[0]
            if size == 1:
                gaps: tuple[int, ...] = (ids[0],)
                mini_weights: Any = None if first == 1.0 else first
                heavy = first
            else:
                gaps = (ids[0], *map(sub, ids[1:], ids))
                if block_weights.count(first) == size:
                    mini_weights = None if first == 1.0 else first
                else:
                    mini_weights = tuple(block_weights)
                heavy = max(block_weights)
            data = dumps(
                (gaps, mini_weights, pack(values[start:end]) if pack is not None else None), 2
            )
            if compression:
                data = zlib.compress(data, compression)
            if lengths is None:
                low, high = None, 0
            elif size == 1:
                high = lengths[ids[0]]
                low = high or None
            else:
                found = bytes(map(lengths.__getitem__, ids))
                high = max(found)
                low = min(found) if 0 not in found else min((b for b in found if b), default=None)
            info = dumps((size, ids[-1], heavy, compression, low or 0, high), 2)
            length = len(info) + len(data)
            parts += (pack_int(-length if end >= count else length), info, data)
            total += sum(block_weights)
            shortest = low if shortest is None else min(shortest, low)  # type: ignore[type-var]
            longest = max(longest, high)
            heaviest = max(heaviest, heavy)
        postfile = self._postfile
        offset = postfile.tell()
        written = b"".join(parts)
        postfile.write(written)
        entry = _TERM_ENTRY.pack(
            False,
            total,
            count,
            shortest or 0,
            longest,
            heaviest,
            docnums[0],
            docnums[-1],
        )
        self._add_entry(self._prefix + text, entry + pack_long(offset) + pack_int(len(written)))
