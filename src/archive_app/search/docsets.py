"""Every document a query matches, as sets: postings read a block at a time, and/or/not as set
operations in C, instead of Whoosh's matchers stepping through each document in Python.

Used where every match is wanted and none is scored: exact counts and facets, a whole result
(export, tagging), and pages sorted by date or title. Query types not listed here are asked of
Whoosh (`Query.docs`), so the answer is always Whoosh's, only found sooner.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound

from archive_app.search.block_lookup import lookup
from archive_app.search.phrases import PhraseChecked, checker

LEAP = 16  # a term this many times more common than the documents left is looked up in them


def _block_ids(matcher: W3LeafMatcher) -> list[int]:
    """Every document number of a term's postings, a block at a time."""
    found: list[int] = []
    while True:
        if matcher._ids is None:
            matcher._read_ids()
        found.extend(matcher._ids)
        if matcher._lastblock:
            return found
        matcher._goto(matcher._nextoffset)


def _term(reader: Any, fieldname: str, text: Any) -> set[int]:
    try:
        postings = reader.postings(fieldname, text)
    except TermNotFound:
        return set()
    if isinstance(postings, W3LeafMatcher):
        return set(_block_ids(postings))
    if isinstance(postings, FilterMatcher) and isinstance(postings.child, W3LeafMatcher):
        # a segment with deletions: its postings still name the deleted documents
        return set(_block_ids(postings.child)).difference(_deleted(reader))
    return set(postings.all_ids())


def _deleted(reader: Any) -> frozenset[int]:
    """The segment's deleted documents (kept by its reader)."""
    if not reader.has_deletions():
        return frozenset()
    found = getattr(reader, "deleted_docs_set", None)
    if found is None:
        found = frozenset(range(reader.doc_count_all())).difference(reader.all_doc_ids())
    return frozenset(found)


def _every(reader: Any) -> set[int]:
    everything = set(range(reader.doc_count_all()))
    return everything.difference(_deleted(reader)) if reader.has_deletions() else everything


def _phrases(searcher: Any, query: PhraseChecked) -> set[int]:
    candidates = segment_docs(searcher, query.child)
    if not candidates:
        return candidates
    checks = [checker(searcher.reader(), verifier) for verifier in query.verifiers]
    tests = [check for check in checks if check is not None]
    if len(tests) < len(checks):
        return set()
    # in increasing order: each word's postings are read forward once
    return {d for d in sorted(candidates) if all(test(d) for test in tests)}


def _words(query: Any) -> list[tuple[str, Any]] | None:
    """The (field, word) terms of a term or an or of terms (a word's forms); None for any
    other query."""
    if isinstance(query, wq.Term):
        return [(query.fieldname, query.text)]
    if isinstance(query, wq.Or) and all(isinstance(q, wq.Term) for q in query.subqueries):
        return [(q.fieldname, q.text) for q in query.subqueries]
    return None


def _holding(reader: Any, words: list[tuple[str, Any]], candidates: list[int]) -> set[int]:
    """Those of `candidates` (in increasing order) in the postings of any of `words`, each
    looked up in just the blocks that can hold them rather than by reading all of them."""
    found: set[int] = set()
    for fieldname, text in words:
        try:
            postings = reader.postings(fieldname, text)
        except TermNotFound:
            continue
        found.update(lookup(postings, candidates, "id"))
    return found


def _all_of(searcher: Any, parts: list[Any]) -> set[int]:
    """The documents every part matches: the part with the fewest documents read whole, a
    term many times larger than what is left looked up document by document, the rest read
    whole and intersected."""
    if not parts:
        return _every(searcher.reader())
    reader = searcher.reader()
    sized = sorted(parts, key=lambda part: part.estimate_size(reader))
    found = segment_docs(searcher, sized[0])
    for part in sized[1:]:
        if not found:
            return found
        words = _words(part)
        if words is not None and part.estimate_size(reader) > LEAP * len(found):
            found = _holding(reader, words, sorted(found))
        else:
            found &= segment_docs(searcher, part)
    return found


def segment_docs(searcher: Any, query: Any) -> set[int]:
    """The (segment) numbers of the live documents of one segment's searcher that `query`
    matches."""
    reader = searcher.reader()
    if isinstance(query, wq.Term):
        return _term(reader, query.fieldname, query.text)
    if isinstance(query, wq.And):
        return _all_of(searcher, query.subqueries)
    if isinstance(query, wq.Or):
        union: set[int] = set()
        for part in query.subqueries:
            union |= segment_docs(searcher, part)
        return union
    if isinstance(query, wq.AndNot):
        docs = segment_docs(searcher, query.a)
        return docs - segment_docs(searcher, query.b) if docs else docs
    if isinstance(query, wq.Every) and not query.fieldname:
        return _every(reader)
    if isinstance(query, wq.NullQuery.__class__):
        return set()
    if isinstance(query, PhraseChecked):
        return _phrases(searcher, query)
    if isinstance(query, wq.Prefix | wq.FuzzyTerm):  # the words it stands for, as Whoosh's
        words = (  # own matcher lists them
            reader.expand_prefix(query.fieldname, query.text)
            if isinstance(query, wq.Prefix)
            else reader.terms_within(
                query.fieldname, query.text, query.maxdist, prefix=query.prefixlength
            )
        )
        union = set()
        for word in words:
            union |= _term(reader, query.fieldname, word)
        return union
    return set(query.docs(searcher))


def matching_docs(searcher: Any, query: Any) -> set[int]:
    """The document numbers of the live documents `query` matches, over every segment."""
    found: set[int] = set()
    for leaf, offset in searcher.leaf_searchers():
        docs = segment_docs(leaf, query)
        found |= {d + offset for d in docs} if offset else docs
    return found


class AllowedDocs(wq.Query):  # type: ignore[misc]
    """The documents of a set (by global number), each scoring nothing: And-ed with a query,
    it keeps the query's scores (x + 0.0 is x) and lets the intersection leap over the
    documents the set leaves out, where a filter would look at each match in turn."""

    def __init__(self, docnums: set[int]) -> None:
        self.docnums = docnums
        self._sorted: list[int] | None = None

    def __repr__(self) -> str:
        return f"AllowedDocs({len(self.docnums)} documents)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AllowedDocs) and self.docnums is other.docnums

    def __hash__(self) -> int:
        return id(self.docnums)

    def is_leaf(self) -> bool:
        return True

    def estimate_size(self, ixreader: Any) -> int:
        return len(self.docnums)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if self._sorted is None:
            self._sorted = sorted(self.docnums)
        offset, count = _offset(searcher), searcher.reader().doc_count_all()
        every = self._sorted
        ids = [
            d - offset
            for d in every[bisect_left(every, offset) : bisect_left(every, offset + count)]
        ]
        if not ids:
            return NullMatcher()
        return _ScoresNothing(ids)


class _ScoresNothing(ListMatcher):  # type: ignore[misc]
    """A list of documents that adds nothing to a score (Whoosh's counts 1.0 each)."""

    def weight(self) -> float:
        return 0.0

    def score(self) -> float:
        return 0.0

    def supports_block_quality(self) -> bool:
        return False

    def max_quality(self) -> float:
        return 0.0

    def replace(self, minquality: float = 0) -> Any:
        # never dropped for adding too little: it is what keeps the intersection to the set
        # (Whoosh's would be, and its intersection would then answer with the query alone)
        return self if self.is_active() else NullMatcher()


def _offset(searcher: Any) -> int:
    """Where a segment's documents start among all of the index's."""
    parent = searcher.get_parent()
    if parent is searcher:
        return 0
    for leaf, offset in parent.leaf_searchers():
        if leaf is searcher:
            return int(offset)
    raise ValueError("a searcher that is not one of its parent's segments")
