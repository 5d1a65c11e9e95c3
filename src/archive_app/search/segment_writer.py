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
from array import array
from collections.abc import Iterator
from typing import Any

from whoosh.codec import whoosh3
from whoosh.columns import TranslatingColumnReader
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from archive_app.search import term_index
from archive_app.search.fields import Positioned, PreparedTerms
from archive_app.search.merged_blocks import (
    MappedPages,
    Merged,
    MergedField,
    Peekable,
    field_terms,
    own_lengths,
)
from archive_app.search.term_blocks import own_terms_writer, split

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
    # the terms index made compact by term_index.compact
    ("whoosh.codec.whoosh3", "W3FieldWriter", "__init__"): "(self, codec, storage, segment)",
    ("whoosh.filedb.filetables", "OrderedHashWriter", "add"): "(self, key, value)",
    ("whoosh.filedb.filetables", "HashWriter", "_write_hashes"): "(self)",
}
# bytes a posting costs in the pool, about: its value (a word's places), its slot in the
# term's lists, the document number and weight; the term's own lists once per term
POSTING_BYTES = 60


class TermPool:
    """The postings of the documents a writer added: field -> term -> one list of document
    number, weight and value for each posting in turn, in document order (a list grown by
    three at a time costs a third of three arrays grown by one; `split` parts them)."""

    def __init__(self) -> None:
        self.fields: dict[str, dict[bytes, list[Any]]] = {}
        self.postings = 0

    def add(self, item: tuple[str, bytes, int, float, bytes]) -> None:
        """One posting, as Whoosh's add_document hands it over."""
        fieldname, text, docnum, weight, value = item
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
        postings = terms.get(text)
        if postings is None:
            terms[text] = [docnum, weight, value]
        else:
            postings += (docnum, weight, value)
        self.postings += 1

    def postings_of(
        self, fieldname: str, text: bytes
    ) -> tuple[array[int], array[float], list[bytes]]:
        """A term's document numbers, weights and values."""
        return split(self.fields[fieldname][text])

    def size(self) -> int:
        """About how many bytes the pool holds."""
        return self.postings * POSTING_BYTES

    def cleanup(self) -> None:
        self.fields.clear()
        self.postings = 0


class ArsipSegmentWriter(SegmentWriter):  # type: ignore[misc]
    """SegmentWriter with a TermPool, and merges that copy posting blocks (see the module)."""

    pool: TermPool

    def __init__(self, index: Any, **options: Any) -> None:
        super().__init__(index, **options)
        self.pool.cleanup()  # Whoosh's pool: nothing written yet, nothing to keep
        self.pool = TermPool()
        term_index.compact(self.fieldwriter)  # its terms' hashes in arrays, not tuples
        self._merged: list[Merged] = []

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
                    if isinstance(value, Positioned) and isinstance(fieldobj, PreparedTerms):
                        # the text fields: the terms as lists, filed in one loop
                        count, texts, weights, vbytes_of = fieldobj.postings(value, boost)
                        if fieldobj.scorable:
                            length = count
                        for text, weight, vbytes in zip(texts, weights, vbytes_of, strict=True):
                            postings = terms.get(text)
                            if postings is None:
                                terms[text] = [docnum, weight, vbytes]
                            else:
                                postings += (docnum, weight, vbytes)
                        added += len(texts)
                    else:
                        scorable = fieldobj.scorable
                        for text, freq, weight, vbytes in fieldobj.index(value):
                            if scorable:
                                length += freq
                            postings = terms.get(text)
                            if postings is None:
                                terms[text] = [docnum, weight * boost, vbytes]
                            else:
                                postings += (docnum, weight * boost, vbytes)
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
        self._merged.append(Merged(reader.segment(), base, docmap))
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
    sources: list[tuple[SegmentReader, Merged]],
) -> None:
    """Every term of the pool and of the merged segments, field by field in name order (the
    order Whoosh writes and reads them in), each term's postings in document order: the
    pool's first (the lowest numbers), then each merged segment's blocks."""
    schema, fieldwriter, pool = writer.schema, writer.fieldwriter, writer.pool
    source_terms = [Peekable(reader._terms.items()) for reader, _merged in sources]
    mapped = MappedPages([reader for reader, _merged in sources])
    names = set(pool.fields)
    for reader, _merged in sources:
        names |= {name for name in reader.indexed_field_names() if name in schema}
    for fieldname in sorted(names):
        own = pool.fields.pop(fieldname, {})
        fieldobj = schema[fieldname]
        fieldwriter.start_field(fieldname, fieldobj)
        own_field_lengths = own_lengths(lengths, fieldname, own_docs) if own else None
        field = MergedField(
            fieldwriter,
            fieldobj,
            own,
            sources,
            own_field_lengths,
            mapped,
            own_terms_writer(fieldwriter, fieldobj, own_field_lengths) if own else None,
        )
        streams: list[Iterator[tuple[bytes, int, Any]]] = [
            ((text, -1, None) for text in sorted(own))
        ]
        for number, terms in enumerate(source_terms):
            streams.append(field_terms(terms, fieldname, number))
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
