"""Merged segments copied by posting block: their terms walked in order, their mapped pages let
go as the copy goes, each block moved to its new first document number (ids are gaps) or, where
documents were deleted, decoded and written without them (used by segment_writer)."""

from __future__ import annotations

import io
import mmap
import pickle
import struct
import zlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from whoosh.codec import whoosh3
from whoosh.reading import SegmentReader

from archive_app.search.term_blocks import OwnTerms, split

INT = struct.Struct("!i")
MAGIC = whoosh3.WHOOSH3_HEADER_MAGIC
# bytes of merged segments read between two releases of their pages (see MappedPages)
RELEASE_BYTES = 32 * 2**20


@dataclass(slots=True)
class Merged:
    """A segment merged into the new one: its documents start at `base`; `docmap` maps its
    documents to the new numbers when some of them were deleted (None: all kept, in order)."""

    segment: Any
    base: int
    docmap: dict[int, int] | None
    # field -> its documents' length bytes, read when a filtered block first needs them
    lengths: dict[str, bytes | None] = field(default_factory=dict)


class Peekable:
    """An iterator of ((fieldname, text), terminfo) with a look at the next item."""

    def __init__(self, items: Iterator[tuple[tuple[str, bytes], Any]]) -> None:
        self._items = items
        self.head: tuple[tuple[str, bytes], Any] | None = next(items, None)

    def advance(self) -> None:
        self.head = next(self._items, None)


def field_terms(terms: Peekable, fieldname: str, number: int) -> Iterator[tuple[bytes, int, Any]]:
    """The terms of one field of a merged segment: (text, its number, terminfo)."""
    while terms.head is not None and terms.head[0][0] < fieldname:
        terms.advance()  # a field the schema no longer has
    while terms.head is not None and terms.head[0][0] == fieldname:
        (_name, text), info = terms.head
        terms.advance()
        yield text, number, info


def own_lengths(lengths: Any, fieldname: str, count: int) -> bytes | None:
    """The length bytes of the field in the pool's documents (None: the field keeps none)."""
    if lengths is None:
        return None
    column = lengths._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
    if column is None:
        return None
    return bytes(column[docnum] for docnum in range(count))


@dataclass(slots=True)
class MergedField:
    """What writing one field's terms needs."""

    fieldwriter: Any
    fieldobj: Any
    own: dict[bytes, list[Any]]  # the pool's postings of each term (segment_writer.TermPool)
    sources: list[tuple[SegmentReader, Merged]]
    lengths: bytes | None  # of the pool's documents in this field
    mapped: MappedPages
    # writes the terms only the pool holds (None: the field's format is not restated there)
    own_terms: OwnTerms | None = None

    def write_term(self, text: bytes, parts: list[tuple[int, Any]]) -> None:
        """One term: the pool's postings (the lowest numbers), then each merged segment's
        (`parts`: (-1, None) for the pool, (the segment's number, its terminfo) for each)."""
        if self.own_terms is not None and len(parts) == 1 and parts[0][0] < 0:
            self.own_terms.write(text, *split(self.own[text]))
            return
        fieldwriter = self.fieldwriter
        postwriter = fieldwriter._postwriter
        fieldwriter.start_term(text)
        no_values = self.fieldobj.format.fixed_value_size() == 0
        copied = [(number, info) for number, info in parts if number >= 0]
        blocks = _Blocks(postwriter, self.mapped)
        if parts[0][0] < 0:
            docnums, weights, values = split(self.own[text])
            # alone, its last block stays buffered for finish_term, which marks it the last
            blocks.add(docnums, weights, [] if no_values else values, self.lengths, not copied)
        for position, (number, info) in enumerate(copied, start=1):
            reader, merged = self.sources[number]
            if merged.docmap is None:
                blocks.copy(reader, info, merged.base, final=position == len(copied))
            else:
                blocks.filter(reader, info, fieldwriter._fieldname, text, self.fieldobj, merged)
        if postwriter._blockcount == 0 and not postwriter._ids:
            postwriter._terminfo = None  # every posting was of a deleted document: no term
            return
        blocks.mark_last()
        fieldwriter.finish_term()


class MappedPages:
    """The memory maps of the merged segments' files. Pages read while copying stay resident,
    counted in the process's memory, until the map is closed: a merge of 200,000 articles
    would hold some 600 MB of them. Every RELEASE_BYTES read they are let go (MADV_DONTNEED:
    the kernel keeps them in its page cache; the process holds them no more)."""

    def __init__(self, readers: list[SegmentReader]) -> None:
        self._maps = [m for reader in readers if (m := _map_of(reader)) is not None]
        self._read = 0

    def read(self, size: int) -> None:
        self._read += size + 64  # and the term's entry
        if self._read >= RELEASE_BYTES:
            self.release()

    def release(self) -> None:
        self._read = 0
        for mapped in self._maps:
            try:
                mapped.madvise(mmap.MADV_DONTNEED)
            except (AttributeError, ValueError, OSError):  # no madvise here, or closed
                return


def _map_of(reader: SegmentReader) -> mmap.mmap | None:
    """The memory map of a compound segment's file (Whoosh's CompoundStorage), if any."""
    compound = getattr(reader._storage, "a", None)
    source = getattr(compound, "_source", None)
    return source if isinstance(source, mmap.mmap) else None


def _extent(info: Any) -> tuple[int, int]:
    """Where a term's postings lie in the postings file: offset and length."""
    offset, length = info.extent()
    if isinstance(length, tuple):  # W3TermInfo.from_bytes leaves it as unpacked
        (length,) = length
    return int(offset), int(length)


class _Blocks:
    """Writes a term's posting blocks through Whoosh's postings writer, or copies them; the
    term's last block is marked as such (a negative length) by finish_term when it is still
    buffered, else by `mark_last`."""

    def __init__(self, postwriter: Any, mapped: MappedPages) -> None:
        self.postwriter = postwriter
        self.postfile = postwriter._postfile
        self._mapped = mapped
        self._last: tuple[int, int] | None = None  # offset and length of the last block written

    def add(
        self,
        docnums: Any,
        weights: Any,
        values: Any,
        field_lengths: bytes | None,
        keep_last: bool,
        bounds: tuple[int | None, int] | None = None,
    ) -> None:
        """Postings in blocks; with `keep_last` the last block stays buffered. `bounds` are
        the shortest and longest field lengths of the documents when theirs are not at hand
        (those of the block they come from)."""
        postwriter = self.postwriter
        limit = postwriter._blocklimit
        count = len(docnums)
        for start in range(0, count, limit):
            end = min(count, start + limit)
            ids = docnums[start:end]
            block_weights = weights[start:end]
            postwriter._ids = ids if isinstance(ids, array) else array("I", ids)
            postwriter._weights = (
                block_weights if isinstance(block_weights, array) else array("f", block_weights)
            )
            postwriter._values = list(values[start:end]) if values else []
            postwriter._maxweight = max(postwriter._weights)
            if bounds is not None:
                postwriter._minlength, postwriter._maxlength = bounds
            else:
                postwriter._minlength, postwriter._maxlength = _bounds(field_lengths, ids)
            if end < count or not keep_last:
                offset = self.postfile.tell() + (0 if postwriter._blockcount else len(MAGIC))
                postwriter._write_block()
                self._last = (offset, self.postfile.tell() - offset - INT.size)

    def copy(self, reader: SegmentReader, info: Any, base: int, final: bool) -> None:
        """A term's blocks of a segment without deletions, written again with their document
        numbers moved up by `base` (only a block's first id changes: the rest are gaps); the
        last of them marked the term's last when `final`."""
        postwriter = self.postwriter
        offset, length = _extent(info)
        data = reader._terms._postfile.get(offset, length)
        self._mapped.read(length)
        if data[:4] != MAGIC:
            raise ValueError(f"no posting list at {offset} of {reader.segment()}")
        if not postwriter._blockcount:
            self.postfile.write(MAGIC)
        position = 4
        while position < len(data):
            (size,) = INT.unpack_from(data, position)
            block = data[position + 4 : position + 4 + abs(size)]
            position += 4 + abs(size)
            if base:
                block = _moved_block(block, base)
            if final and position >= len(data):
                self.postfile.write(INT.pack(-len(block)))
                self._last = None  # marked already
            else:
                self._last = (self.postfile.tell(), len(block))
                self.postfile.write(INT.pack(len(block)))
            self.postfile.write(block)
            postwriter._blockcount += 1
        terminfo = postwriter._terminfo
        terminfo._weight += info.weight()
        terminfo._df += info.doc_frequency()
        shortest = info.min_length()
        if shortest:
            known = terminfo._minlength
            terminfo._minlength = shortest if known is None else min(known, shortest)
        terminfo._maxlength = max(terminfo._maxlength, info.max_length())
        terminfo._maxweight = max(terminfo._maxweight, info.max_weight())
        if terminfo._minid is None:
            terminfo._minid = info.min_id() + base
        terminfo._maxid = info.max_id() + base

    def filter(
        self,
        reader: SegmentReader,
        info: Any,
        fieldname: str,
        text: bytes,
        fieldobj: Any,
        merged: Merged,
    ) -> None:
        """A term's postings of a segment with deletions, decoded a block at a time: the
        deleted documents left out, the rest renumbered."""
        docmap = merged.docmap
        assert docmap is not None
        no_values = fieldobj.format.fixed_value_size() == 0
        matcher = reader._terms.matcher(fieldname, text, fieldobj.format)
        self._mapped.read(_extent(info)[1])
        if fieldname not in merged.lengths:
            merged.lengths[fieldname] = own_lengths(
                reader._perdoc, fieldname, reader.doc_count_all()
            )
        lengths = merged.lengths[fieldname]
        while not matcher._atend:
            matcher._read_ids()
            matcher._read_weights()
            if not no_values:
                matcher._read_values()
            ids, weights, values = matcher._ids, matcher._weights, matcher._values
            keep = [i for i, docnum in enumerate(ids) if docnum in docmap]
            if keep:
                self.add(
                    [docmap[ids[i]] for i in keep],
                    [weights[i] for i in keep],
                    [] if no_values else [values[i] for i in keep],
                    None,
                    keep_last=False,
                    bounds=_bounds(lengths, [ids[i] for i in keep]),
                )
            if matcher._lastblock:
                break
            matcher._next_block()

    def mark_last(self) -> None:
        """Mark the last block written the term's last, unless one is still buffered."""
        if self.postwriter._ids or self._last is None:
            return
        offset, size = self._last
        end = self.postfile.tell()
        self.postfile.seek(offset)
        self.postfile.write(INT.pack(-size))
        self.postfile.seek(end)


def _bounds(field_lengths: bytes | None, docnums: Any) -> tuple[int | None, int]:
    """The shortest and longest field length of these documents, as Whoosh's postings writer
    keeps them for a block (a length of 0 counts for neither; None: no length kept)."""
    if field_lengths is None:
        return None, 0
    found = [field_lengths[d] for d in docnums]
    shortest = min((b for b in found if b), default=0)
    return (
        whoosh3.byte_to_length(shortest) if shortest else None,
        whoosh3.byte_to_length(max(found)),
    )


def _moved_block(block: bytes, base: int) -> bytes:
    """A block (pickled info, then its data) with its document numbers moved up by `base`."""
    stream = io.BytesIO(block)
    count, last_id, max_weight, compression, shortest, longest = pickle.load(stream)
    data = block[stream.tell() :]
    if compression:
        data = zlib.decompress(data)
    ids, weights, values = pickle.loads(data)
    ids = (ids[0] + base, *ids[1:])
    data = pickle.dumps((ids, weights, values), 2)
    if compression:
        data = zlib.compress(data, compression)
    info = pickle.dumps((count, last_id + base, max_weight, compression, shortest, longest), 2)
    return info + data
