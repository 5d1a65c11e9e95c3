"""A page's best matches chosen from their scores computed in bulk, then scored by Whoosh.

A query of words (a word's forms, several words, a phrase's terms) scores a document as the
sum of BM25F over the terms it holds. Whoosh's matchers compute that one document at a time
through a tree of matchers, several calls in Python per term; here the matches, already known
as a set, are scored term by term from the posting blocks that hold them, with the same
formula, field lengths and statistics. Sums taken in another order may differ in the last
bits, so these scores only choose: every match within a hair of the page's last score is
scored again by Whoosh's own matchers, which give the page its order and its scores.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from heapq import nlargest, nsmallest
from typing import Any

from whoosh import query as wq
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F

from archive_app.search.block_lookup import lookup
from archive_app.search.docsets import AllowedDocs
from archive_app.search.phrases import PhraseChecked
from archive_app.search.scoring import segment_lengths

# scores taken as equal to the page's last when within this share of it: far wider than the
# rounding of a sum of a few dozen terms (about 1e-15 of it), far narrower than real gaps
MARGIN = 1e-9
Terms = list[tuple[str, Any]]  # (field, term), a term twice when the query has it twice


@dataclass(frozen=True, slots=True)
class _Term:
    """One term's BM25F constants, as Whoosh's scorer takes them from the whole index."""

    field: str
    text: bytes
    scorable: bool  # False: the field keeps no lengths and a term scores its weight
    idf: float
    avgfl: float
    b: float
    k1: float


def scored_terms(query: Any) -> Terms | None:
    """The terms a query's score is summed over (Whoosh adds the scores of the terms a
    document holds, through its ANDs and ORs alike; excluded words, the check of a phrase's
    places and the dates' documents add nothing); None for a query holding anything else
    (prefixes, fuzzy terms, boosts…)."""
    if getattr(query, "boost", 1.0) != 1.0:
        return None
    if isinstance(query, wq.Term):
        return [(query.fieldname, query.text)]
    if isinstance(query, wq.AndNot):
        return scored_terms(query.a)
    if isinstance(query, PhraseChecked):
        return scored_terms(query.child)
    if isinstance(query, AllowedDocs):
        return []
    if isinstance(query, wq.And) or (isinstance(query, wq.Or) and not query.scale):
        terms: Terms = []
        for part in query.subqueries:
            found = scored_terms(part)
            if found is None:
                return None
            terms.extend(found)
        return terms if terms or isinstance(query, wq.And) else None
    return None


def _constants(searcher: Any, terms: Terms) -> list[_Term] | None:
    """Each term's constants as Whoosh's weighting reads them from the whole index; None
    when it is not BM25F."""
    weighting = searcher.weighting
    if not isinstance(weighting, BM25F):
        return None
    schema = searcher.schema
    found: list[_Term] = []
    for fieldname, text in terms:
        if fieldname not in schema:
            continue  # Whoosh's Term matches nothing then: it adds nothing
        field = schema[fieldname]
        try:
            btext = field.to_bytes(text)
        except ValueError:
            continue
        if not field.scorable:  # Whoosh scores its terms by their weight alone
            found.append(_Term(fieldname, btext, False, 0.0, 1.0, 0.0, 0.0))
            continue
        found.append(
            _Term(
                fieldname,
                btext,
                True,
                searcher.idf(fieldname, btext),
                searcher.avg_field_length(fieldname) or 1,
                weighting._field_B.get(fieldname, weighting.B),
                weighting.K1,
            )
        )
    return found


def _weights_at(reader: Any, term: _Term, docs: list[int]) -> dict[int, float]:
    """The term's weight in each of `docs` (sorted numbers of one segment) that holds it,
    read from just the posting blocks that hold them."""
    try:
        postings = reader.postings(term.field, term.text)
    except TermNotFound:
        return {}
    return lookup(postings, docs, "weight")


def _lengths(reader: Any, fieldname: str, docs: Iterable[int]) -> Sequence[int] | dict[int, int]:
    """The field's length in each document of the segment (at least in `docs`), as the
    scorer reads them."""
    lengths = segment_lengths(reader, fieldname)
    if lengths is not None:
        return lengths
    return {docnum: reader.doc_field_length(docnum, fieldname, 1) for docnum in docs}


def segment_scores(
    reader: Any, terms: Iterable[_Term], docs: list[int]
) -> tuple[dict[int, float], bool]:
    """The scores of `terms` summed for each of `docs` (sorted numbers of one segment), and
    whether every weight-only term had whole weights there."""
    totals = dict.fromkeys(docs, 0.0)
    whole = True
    for term in terms:
        weights = _weights_at(reader, term, docs)
        if not weights:
            continue
        if not term.scorable:
            for docnum, tf in weights.items():
                totals[docnum] += tf
            whole = whole and all(tf.is_integer() for tf in weights.values())
            continue
        lengths = _lengths(reader, term.field, weights)
        idf, avgfl, b, k1 = term.idf, term.avgfl, term.b, term.k1
        # bm25() of whoosh.scoring, its parts that do not change from document to document
        # worked out once (the rounding may differ in the last bits: the scores only choose)
        top, base, slope = k1 + 1, k1 * (1 - b), k1 * b / avgfl
        for docnum, tf in weights.items():
            totals[docnum] += idf * ((tf * top) / (tf + base + slope * lengths[docnum]))
    return totals, whole


@dataclass(frozen=True, slots=True)
class BulkScores:
    """Each match's score by global document number, and whether they are Whoosh's to the
    last bit (sums of whole weights, as of site and language terms, whose order cannot
    round) rather than within rounding of them."""

    scores: dict[int, float]
    exact: bool


def bulk_scores(searcher: Any, query: Any, matches: set[int]) -> BulkScores | None:
    """Each match's score (by global document number), within rounding of Whoosh's; None
    when the query is not one of terms scored by BM25F or by their weight."""
    named = scored_terms(query)
    if named is None:
        return None
    terms = _constants(searcher, named)
    if terms is None:
        return None
    whole = not any(term.scorable for term in terms)  # only weights: exact if they are whole
    scores: dict[int, float] = {}
    ordered = sorted(matches)
    for leaf, offset in searcher.leaf_searchers():
        first = bisect_left(ordered, offset)
        end = bisect_left(ordered, offset + leaf.reader().doc_count_all(), first)
        if first == end:
            continue
        local = [d - offset for d in ordered[first:end]] if offset else ordered[first:end]
        found, whole_here = segment_scores(leaf.reader(), terms, local)
        whole = whole and whole_here
        if offset:
            scores.update((d + offset, s) for d, s in found.items())
        else:
            scores.update(found)
    return BulkScores(scores, whole)


def best_exact(scores: dict[int, float], wanted: int) -> tuple[list[int], list[float]]:
    """The `wanted` best of exact scores, as Whoosh's collector keeps them (higher score
    first, then lower document number)."""
    best = nsmallest(wanted, scores.items(), key=lambda item: (-item[1], item[0]))
    return [docnum for docnum, _score in best], [score for _docnum, score in best]


def contenders(scores: dict[int, float], wanted: int) -> set[int]:
    """The documents that may be among the `wanted` best: every one scored at least the
    `wanted`-th best score, less the margin of rounding."""
    if len(scores) <= wanted:
        return set(scores)
    last = nlargest(wanted, scores.values())[-1]
    floor = last - MARGIN * max(1.0, abs(last))
    return {d for d, s in scores.items() if s >= floor}
