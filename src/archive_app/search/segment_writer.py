"""Arsip's segment writer: postings gathered per term as they come, merged segments copied by block.

Whoosh's writer puts every posting in a pool of tuples, pickles the pool to sorted runs on disk
whenever its estimate of their size passes `limitmb` (an underestimate: 10,000 articles, 2.5
million postings, took 500 MB), sorts them, reads them back and writes them one at a time; a
merge reads every posting of the merged segments back into that pool. Here:

- `TermPool` files each posting under its field and term as it comes (documents arrive in
  order, so a term's postings are already sorted): a flush sorts the terms only, and writes
  each term's postings a block at a time, with no run on disk;
- a merged segment (`add_reader`, as Whoosh's merge policies call it) has its documents copied
  at once, and its posting blocks copied at the flush with the first document number changed
  (ids are stored as gaps), never decoded one posting at a time; a segment with deletions has
  its blocks decoded and the deleted documents left out.

The postings file format is Whoosh's own (W3); what this module relies on of Whoosh's private
parts is listed in RELIED_ON and checked by tests/search/test_writing.py.
"""

from __future__ import annotations

import heapq
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
from whoosh.columns import TranslatingColumnReader
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

# (module, class, attribute) -> the signature relied on (None: an attribute, not called)
RELIED_ON: dict[tuple[str, str, str], str | None] = {
    ("whoosh.writing", "SegmentWriter", "_flush_segment"): "(self)",
    # restated by ArsipSegmentWriter.add_document, which calls these as Whoosh's does
    ("whoosh.writing", "SegmentWriter", "add_document"): "(self, **fields)",
    ("whoosh.writing", "SegmentWriter", "_doc_boost"): "(self, fields, default=1.0)",
    ("whoosh.writing", "SegmentWriter", "_field_boost"): "(self, fields, fieldname, default=1.0)",
    ("whoosh.writing", "SegmentWriter", "_check_fields"): "(self, schema, fieldnames)",
    # restated by ArsipSegmentWriter._copy_documents
    ("whoosh.writing", "SegmentWriter", "write_per_doc"): "(self, fieldnames, reader)",
    ("whoosh.codec.whoosh3", "W3PostingsWriter", "_write_block"): "(self, last=False)",
    ("whoosh.codec.whoosh3", "W3PostingsWriter", "_new_block"): "(self)",
    ("whoosh.codec.whoosh3", "W3FieldWriter", "start_term"): "(self, btext)",
    ("whoosh.codec.whoosh3", "W3FieldWriter", "finish_term"): "(self)",
    ("whoosh.codec.whoosh3", "W3TermsReader", "items"): "(self)",
    (
        "whoosh.codec.whoosh3",
        "W3TermsReader",
        "matcher",
    ): "(self, fieldname, tbytes, format_, scorer=None)",
    ("whoosh.codec.whoosh3", "W3LeafMatcher", "_next_block"): "(self)",
    ("whoosh.codec.whoosh3", "W3PerDocReader", "_cached_reader"): "(self, fieldname, column)",
}
_INT = struct.Struct("!i")
_MAGIC = whoosh3.WHOOSH3_HEADER_MAGIC
# bytes a posting costs in the pool, about: its value (a word's places), its slot in the
# term's lists, the document number and weight; the term's own lists once per term
POSTING_BYTES = 60
# bytes of merged segments read between two releases of their pages (see _MappedPages)
RELEASE_BYTES = 32 * 2**20


class TermPool:
    """The postings of the documents a writer added: field -> term -> (document numbers,
    weights, values), each list in document order."""

    def __init__(self) -> None:
        self.fields: dict[str, dict[bytes, tuple[array[int], array[float], list[bytes]]]] = {}
        self.postings = 0

    def add(self, item: tuple[str, bytes, int, float, bytes]) -> None:
        """One posting, as Whoosh's add_document hands it over."""
        fieldname, text, docnum, weight, value = item
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
        postings = terms.get(text)
        if postings is None:
            postings = terms[text] = (array("I"), array("f"), [])
        postings[0].append(docnum)
        postings[1].append(weight)
        postings[2].append(value)
        self.postings += 1

    def size(self) -> int:
        """About how many bytes the pool holds."""
        return self.postings * POSTING_BYTES

    def cleanup(self) -> None:
        self.fields.clear()
        self.postings = 0


@dataclass(slots=True)
class _Merged:
    """A segment merged into the new one: its documents start at `base`; `docmap` maps its
    documents to the new numbers when some of them were deleted (None: all kept, in order)."""

    segment: Any
    base: int
    docmap: dict[int, int] | None
    # field -> its documents' length bytes, read when a filtered block first needs them
    lengths: dict[str, bytes | None] = field(default_factory=dict)


class ArsipSegmentWriter(SegmentWriter):  # type: ignore[misc]
    """SegmentWriter with a TermPool, and merges that copy posting blocks (see the module)."""

    pool: TermPool

    def __init__(self, index: Any, **options: Any) -> None:
        super().__init__(index, **options)
        self.pool.cleanup()  # Whoosh's pool: nothing written yet, nothing to keep
        self.pool = TermPool()
        self._merged: list[_Merged] = []

    def add_document(self, **fields: Any) -> None:
        """Whoosh's add_document (whoosh/writing.py), restated to file each posting straight
        into the pool: a tuple and a call less per posting, a quarter of the pool's cost."""
        self._check_state()
        if self._merged:  # its postings would come after the copied blocks' higher numbers
            raise RuntimeError("documents must be added before segments are merged in")
        perdocwriter, schema, docnum = self.perdocwriter, self.schema, self.docnum
        pool = self.pool.fields
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        added = 0
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                fieldobj = schema[fieldname]
                if fieldobj.separate_spelling() or fieldobj.vector:
                    raise ValueError(f"{fieldname}: spelling and vector fields are not written")
                length = 0
                if fieldobj.indexed:
                    boost = self._field_boost(fields, fieldname, docboost)
                    terms = pool.get(fieldname)
                    if terms is None:
                        terms = pool[fieldname] = {}
                    scorable = fieldobj.scorable
                    for text, freq, weight, vbytes in fieldobj.index(value):
                        if scorable:
                            length += freq
                        postings = terms.get(text)
                        if postings is None:
                            postings = terms[text] = (array("I"), array("f"), [])
                        postings[0].append(docnum)
                        postings[1].append(weight * boost)
                        postings[2].append(vbytes)
                        added += 1
                stored = fields.get("_stored_" + fieldname, value)
                perdocwriter.add_field(
                    fieldname, fieldobj, stored if fieldobj.stored else None, length
                )
                column = fieldobj.column_type
                if column and stored is not None:
                    perdocwriter.add_column_value(
                        fieldname, column, fieldobj.to_column_value(stored)
                    )
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self.pool.postings += added
        self._added = True
        self.docnum += 1

    def add_reader(self, reader: Any) -> None:
        """Merge a segment in: its documents now, its posting blocks at the flush."""
        self._check_state()
        if not isinstance(reader, SegmentReader):
            raise TypeError(f"only a segment's reader can be merged in, not {reader!r}")
        base = self.docnum
        docmap = self._copy_documents(reader)
        self._merged.append(_Merged(reader.segment(), base, docmap))
        self._added = True

    def _copy_documents(self, reader: SegmentReader) -> dict[int, int] | None:
        """Whoosh's write_per_doc (whoosh/writing.py), restated to find each field's length
        and value columns once, not once a document (a file lookup each when there is none):
        the stored fields, lengths and columns of the segment's live documents; the map of
        their numbers when some were deleted."""
        schema, perdoc, writer = self.schema, reader._perdoc, self.perdocwriter
        names = set(schema.names())
        fieldnames = names | {name for name in reader.indexed_field_names() if name in names}
        docmap: dict[int, int] | None = {} if reader.has_deletions() else None
        lengths = {
            name: perdoc._cached_reader(whoosh3._lenfield(name), whoosh3.LENGTHS_COLUMN)
            for name in fieldnames
        }
        columns = {}
        for name in fieldnames:
            kind = schema[name].column_type
            if kind and reader.has_column(name):
                column = reader.column_reader(name, kind)
                if isinstance(column, TranslatingColumnReader):
                    column = column.raw_column()
                columns[name] = (kind, column)
        to_length = whoosh3.byte_to_length
        for docnum, stored in reader.iter_docs():
            if docmap is not None:
                docmap[docnum] = self.docnum
            writer.start_doc(self.docnum)
            for name in fieldnames | {key for key in stored if key in names}:
                fieldobj = schema[name]
                if fieldobj.vector:
                    raise ValueError(f"{name}: vector fields are not merged")
                column = lengths.get(name)
                length = to_length(column[docnum]) if column is not None else 0
                writer.add_field(name, fieldobj, stored.get(name), length or None)
                if name in columns:
                    kind, values = columns[name]
                    writer.add_column_value(name, kind, values[docnum])
            writer.finish_doc()
            self.docnum += 1
        return docmap

    def pending_bytes(self) -> int:
        """About how much memory the documents added so far hold until the flush."""
        return int(self.pool.size())

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        own = self._merged[0].base if self._merged else self.docnum
        sources = [
            (SegmentReader(self.storage, self.schema, merged.segment), merged)
            for merged in self._merged
        ]
        try:
            _write_postings(self, lengths, own, sources)
        finally:
            for reader, _merged in sources:
                reader.close()
            self.fieldwriter.close()
            if lengths is not None:
                lengths.close()


def segment_writer(index: Any, **options: Any) -> ArsipSegmentWriter:
    """A writer on the index (locks it, as index.writer() would)."""
    return ArsipSegmentWriter(index, **options)


# -- writing the postings ------------------------------------------------------------------


def _write_postings(
    writer: ArsipSegmentWriter,
    lengths: Any,
    own_docs: int,
    sources: list[tuple[SegmentReader, _Merged]],
) -> None:
    """Every term of the pool and of the merged segments, field by field in name order (the
    order Whoosh writes and reads them in), each term's postings in document order: the
    pool's first (the lowest numbers), then each merged segment's blocks."""
    schema, fieldwriter, pool = writer.schema, writer.fieldwriter, writer.pool
    source_terms = [_peekable(reader._terms.items()) for reader, _merged in sources]
    mapped = _MappedPages([reader for reader, _merged in sources])
    names = set(pool.fields)
    for reader, _merged in sources:
        names |= {name for name in reader.indexed_field_names() if name in schema}
    for fieldname in sorted(names):
        own = pool.fields.pop(fieldname, {})
        field = _Field(
            fieldwriter,
            schema[fieldname],
            own,
            sources,
            _own_lengths(lengths, fieldname, own_docs) if own else None,
            mapped,
        )
        streams: list[Iterator[tuple[bytes, int, Any]]] = [
            ((text, -1, None) for text in sorted(own))
        ]
        for number, terms in enumerate(source_terms):
            streams.append(_field_terms(terms, fieldname, number))
        fieldwriter.start_field(fieldname, field.fieldobj)
        current: bytes | None = None
        parts: list[tuple[int, Any]] = []
        for text, number, info in heapq.merge(*streams):
            if text != current:
                if current is not None:
                    field.write_term(current, parts)
                current, parts = text, []
            parts.append((number, info))
        if current is not None:
            field.write_term(current, parts)
        fieldwriter.finish_field()
        own.clear()
    mapped.release()


class _peekable:
    """An iterator of ((fieldname, text), terminfo) with a look at the next item."""

    def __init__(self, items: Iterator[tuple[tuple[str, bytes], Any]]) -> None:
        self._items = items
        self.head: tuple[tuple[str, bytes], Any] | None = next(items, None)

    def advance(self) -> None:
        self.head = next(self._items, None)


def _field_terms(terms: _peekable, fieldname: str, number: int) -> Iterator[tuple[bytes, int, Any]]:
    """The terms of one field of a merged segment: (text, its number, terminfo)."""
    while terms.head is not None and terms.head[0][0] < fieldname:
        terms.advance()  # a field the schema no longer has
    while terms.head is not None and terms.head[0][0] == fieldname:
        (_name, text), info = terms.head
        terms.advance()
        yield text, number, info


def _own_lengths(lengths: Any, fieldname: str, count: int) -> bytes | None:
    """The length bytes of the field in the pool's documents (None: the field keeps none)."""
    if lengths is None:
        return None
    column = lengths._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
    if column is None:
        return None
    return bytes(column[docnum] for docnum in range(count))


@dataclass(slots=True)
class _Field:
    """What writing one field's terms needs."""

    fieldwriter: Any
    fieldobj: Any
    own: dict[bytes, tuple[array[int], array[float], list[bytes]]]
    sources: list[tuple[SegmentReader, _Merged]]
    lengths: bytes | None  # of the pool's documents in this field
    mapped: _MappedPages

    def write_term(self, text: bytes, parts: list[tuple[int, Any]]) -> None:
        """One term: the pool's postings (the lowest numbers), then each merged segment's
        (`parts`: (-1, None) for the pool, (the segment's number, its terminfo) for each)."""
        fieldwriter = self.fieldwriter
        postwriter = fieldwriter._postwriter
        fieldwriter.start_term(text)
        no_values = self.fieldobj.format.fixed_value_size() == 0
        copied = [(number, info) for number, info in parts if number >= 0]
        blocks = _Blocks(postwriter, self.mapped)
        if parts[0][0] < 0:
            docnums, weights, values = self.own[text]
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


class _MappedPages:
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

    def __init__(self, postwriter: Any, mapped: _MappedPages) -> None:
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
                offset = self.postfile.tell() + (0 if postwriter._blockcount else len(_MAGIC))
                postwriter._write_block()
                self._last = (offset, self.postfile.tell() - offset - _INT.size)

    def copy(self, reader: SegmentReader, info: Any, base: int, final: bool) -> None:
        """A term's blocks of a segment without deletions, written again with their document
        numbers moved up by `base` (only a block's first id changes: the rest are gaps); the
        last of them marked the term's last when `final`."""
        postwriter = self.postwriter
        offset, length = _extent(info)
        data = reader._terms._postfile.get(offset, length)
        self._mapped.read(length)
        if data[:4] != _MAGIC:
            raise ValueError(f"no posting list at {offset} of {reader.segment()}")
        if not postwriter._blockcount:
            self.postfile.write(_MAGIC)
        position = 4
        while position < len(data):
            (size,) = _INT.unpack_from(data, position)
            block = data[position + 4 : position + 4 + abs(size)]
            position += 4 + abs(size)
            if base:
                block = _moved_block(block, base)
            if final and position >= len(data):
                self.postfile.write(_INT.pack(-len(block)))
                self._last = None  # marked already
            else:
                self._last = (self.postfile.tell(), len(block))
                self.postfile.write(_INT.pack(len(block)))
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
        merged: _Merged,
    ) -> None:
        """A term's postings of a segment with deletions, decoded a block at a time: the
        deleted documents left out, the rest renumbered."""
        docmap = merged.docmap
        assert docmap is not None
        no_values = fieldobj.format.fixed_value_size() == 0
        matcher = reader._terms.matcher(fieldname, text, fieldobj.format)
        self._mapped.read(_extent(info)[1])
        if fieldname not in merged.lengths:
            merged.lengths[fieldname] = _own_lengths(
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
        self.postfile.write(_INT.pack(-size))
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
