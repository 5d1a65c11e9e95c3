"""Looking up many documents in one term's postings at once: only the blocks that can hold them.

Stepping a Whoosh matcher to each document (`skip_to`, `is_active`, `id`, then `weight` or
`value`) costs several calls in Python per document. Given the documents already, sorted, the
blocks that can hold them are found by bisecting the term's list of block ends, each of those
blocks is decoded once, and the documents are found in its ids by bisection (or a dict, when
many fall in one block).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import Any, Literal

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher

from archive_app.search.postings import blocks_of

What = Literal["id", "weight", "value"]


def _blocks(postings: W3LeafMatcher, docs: list[int]) -> Iterator[list[tuple[int, int]]]:
    """For each block that may hold some of `docs` (sorted), with `postings` moved to it: the
    (document, its place in the block's ids) of those of `docs` it holds."""
    starts, last_ids = blocks_of(postings)
    i, count = 0, len(docs)
    while i < count:
        block = bisect_left(last_ids, docs[i])
        if block == len(last_ids):
            return
        end = bisect_left(docs, last_ids[block] + 1, i)  # the documents up to the block's last
        postings._goto(starts[block])
        postings._read_ids()
        ids = postings._ids
        size = len(ids)
        if 4 * (end - i) > size:  # many of the block's documents: look them up in C
            where = dict(zip(ids, range(size), strict=True))
            pairs = [(d, where[d]) for d in docs[i:end] if d in where]
        else:
            pairs = []
            at = 0
            for docnum in docs[i:end]:
                at = bisect_left(ids, docnum, at)
                if at < size and ids[at] == docnum:
                    pairs.append((docnum, at))
        if pairs:
            yield pairs
        i = end


def lookup(postings: Any, docs: list[int], what: What) -> dict[int, Any]:
    """Those of `docs` (sorted numbers of live documents of the postings' segment) that the
    postings hold, each with its weight or value (or True, for "id")."""
    if isinstance(postings, FilterMatcher):  # deletions: the documents asked for are live
        postings = postings.child
    found: dict[int, Any] = {}
    if not isinstance(postings, W3LeafMatcher):  # another codec: step through it
        for docnum in docs:
            if not postings.is_active():
                break
            postings.skip_to(docnum)
            if postings.is_active() and postings.id() == docnum:
                found[docnum] = (
                    True
                    if what == "id"
                    else postings.weight()
                    if what == "weight"
                    else postings.value()
                )
        return found
    for pairs in _blocks(postings, docs):
        if what == "id":
            found.update((d, True) for d, _at in pairs)
            continue
        if what == "weight":
            postings._read_weights()
            column = postings._weights
        else:
            postings._read_values()
            column = postings._values
        found.update((d, column[at]) for d, at in pairs)
    return found
