"""Searching one generation of the index: a ranked page with snippets, every match, facet counts."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any, NamedTuple

from whoosh import query as wq
from whoosh.query import And
from whoosh.searching import Searcher

from archive_app.domain.query import Node
from archive_app.search.bulk_scores import best_exact, bulk_scores, contenders, scored_terms
from archive_app.search.columns import Columns
from archive_app.search.compile import Compiled, compile_query
from archive_app.search.docsets import AllowedDocs, matching_docs
from archive_app.search.phrase_pages import best_holding, holding
from archive_app.search.phrases import PhraseChecked
from archive_app.search.snippets import snippets
from archive_app.search.suggest import suggest

# the orders a page can be sorted in besides relevance, as Whoosh's sorting collector would give
# them with these facets (dated articles first either way, then by instant; ties by document):
# newest = (dated desc, when desc), oldest = (dated desc, when asc), title = title_sort
SORTS = ("newest", "oldest", "title")
FACET_LIMIT = 30
SPARSE = 4  # dates that allow under 1 in SPARSE of a query's documents are intersected
SCORED_AT_ONCE = 1000  # matches of several terms scored alone, when no more are found
# a phrase with more candidates (articles holding its words) checks only those that can be on
# its page, and estimates its total
PHRASE_CHECK_ALL = 500
# matches of words scored in bulk to choose a page: fewer cost less scored by Whoosh alone
# (measured: the same at 300, half the time from 1,000); more go to Whoosh's collector
BULK_LEAST, BULK_MOST = 300, 30_000
DATED_SET_MOST = 8 * BULK_MOST  # documents of a query within dates read as a set at most
DENSE = 8  # a sorted page walks the sort's order when more than 1 in DENSE documents match
# (article ids, fields) -> field name -> text, for the articles whose snippets a page shows
TextsFor = Callable[[list[int], frozenset[str]], dict[int, dict[str, str]]]
SNIPPET_FIELDS = frozenset({"text"})


@dataclass(frozen=True, slots=True)
class RawHit:
    id: int
    score: float
    snippets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RawPage:
    total: int
    exact: bool
    hits: tuple[RawHit, ...]
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class RawCounts:
    total: int
    facets: dict[str, list[tuple[str, int]]]
    months: list[tuple[str, int]]


class Prepared(NamedTuple):
    """A query compiled against one searcher, with the documents its dates allow."""

    searcher: Searcher
    columns: Columns
    compiled: Compiled
    allowed: set[int] | None


def prepare(searcher: Searcher, columns: Columns, node: Node) -> Prepared:
    compiled = compile_query(node, searcher.reader())
    allowed: set[int] | None = None
    for first, last in compiled.day_ranges:
        days = columns.docs_between(first, last)
        allowed = days if allowed is None else allowed & days
    return Prepared(searcher, columns, compiled, allowed)


def search_page(
    prepared: Prepared, *, sort: str, limit: int, offset: int, texts: TextsFor, query_text: str
) -> RawPage:
    """A page of hits, best first (or by date or title), with snippets for that page only.

    The total is exact when every match was seen (fewer than asked for, or a query of several
    terms found as sets) or when counting them cost nothing extra; `facet_counts` gives it
    exactly otherwise.
    """
    searcher, columns, compiled, _allowed = prepared
    if compiled.browse_only and sort == "relevance":
        sort = "newest"
    wanted = offset + limit
    if sort in SORTS:
        # every match, in the order kept for the sort: as Whoosh's sorting collector gives it
        docnums, total = _sorted(prepared, sort, wanted)
        exact, scores = True, [0.0] * len(docnums)
    else:
        docnums, scores, total, exact = _ranked(prepared, wanted)
    page_ids = [columns.article_ids[docnum] for docnum in docnums[offset:wanted]]
    scores = scores[offset:wanted]
    page_texts = texts(page_ids, SNIPPET_FIELDS) if page_ids else {}
    hits = tuple(
        RawHit(
            article_id,
            score,
            snippets(
                page_texts.get(article_id, {}).get("text", ""),
                compiled.highlight_forms,
                compiled.highlight_phrases,
            ),
        )
        for article_id, score in zip(page_ids, scores, strict=False)
    )
    suggestion = None
    if total <= 3 and compiled.plain_words and query_text:
        suggestion = suggest(searcher.reader(), query_text, compiled.plain_words)
    return RawPage(total, exact, hits, suggestion)


def _ranked(prepared: Prepared, wanted: int) -> tuple[list[int], list[float], int, bool]:
    """The `wanted` best-scored matches with their scores, the total and whether it is exact.

    A query of several terms (or a phrase), or of words within dates, finds its matches as
    sets first, which costs less than Whoosh's leaps from term to term. Its words' scores are
    then summed in bulk from the posting blocks and only the matches that can be on the page
    are scored by Whoosh (all of them when they are few, or when the query is not one of
    words); the total is then known too. Otherwise Whoosh ranks them with its block-skipping
    collector, the dates intersected with the query when they allow few of its documents,
    else filtering.
    """
    searcher, _columns, compiled, allowed = prepared
    query = compiled.query
    # a phrase's words were found in order in each match already: its terms alone score
    base = query.child if isinstance(query, PhraseChecked) else query
    matches: set[int] | None = None
    if isinstance(query, PhraseChecked):
        candidates = matching_docs(searcher, base)  # the phrases' words, in any order
        if allowed is not None:
            candidates &= allowed
        if PHRASE_CHECK_ALL < len(candidates) <= BULK_MOST:
            page = _phrase_page(searcher, query, candidates, wanted)
            if page is not None:
                return page
        matches = holding(searcher, query.verifiers, candidates)
    elif _conjunction(query) or (allowed is not None and _dated_words(searcher, query)):
        matches = matching_docs(searcher, query)
        if allowed is not None:
            matches &= allowed
    if matches is not None and not matches:
        return [], [], 0, True
    if matches is not None:
        chosen = matches
        if max(wanted, BULK_LEAST) < len(matches) <= BULK_MOST:
            bulk = bulk_scores(searcher, base, matches)
            if bulk is not None and bulk.exact:  # whole weights: Whoosh's scores already
                docnums, scores_of = best_exact(bulk.scores, wanted)
                return docnums, scores_of, len(matches), True
            if bulk is not None:
                chosen = contenders(bulk.scores, wanted)
        if len(chosen) <= SCORED_AT_ONCE:
            docnums, scores_of = _scored(searcher, base, chosen, wanted)
            return docnums, scores_of, len(matches), True
    if allowed is not None and len(allowed) * SPARSE < query.estimate_size(searcher.reader()):
        # the dates allow few of the query's documents: leap over the rest, rather than
        # look at each match in turn
        query, collector = And([query, AllowedDocs(allowed)]), searcher.collector(limit=wanted)
    else:
        collector = searcher.collector(limit=wanted, filter=allowed)
    searcher.search_with_collector(query, collector)
    results = collector.results()
    docnums = [hit.docnum for hit in results]
    scores = [float(hit.score or 0.0) for hit in results]
    if matches is not None:
        return docnums, scores, len(matches), True
    if len(docnums) < wanted:  # fewer than asked for: the collector saw every match
        return docnums, scores, len(docnums), True
    if allowed is not None:
        # Whoosh counts a dated search's matches again, one by one; as sets here
        return docnums, scores, len(matching_docs(searcher, compiled.query) & allowed), True
    if results.has_exact_length():
        return docnums, scores, len(results), True
    return docnums, scores, _estimate(compiled, results, len(docnums)), False


def _phrase_page(
    searcher: Searcher, query: PhraseChecked, candidates: set[int], wanted: int
) -> tuple[list[int], list[float], int, bool] | None:
    """A phrase's page from its many candidates, checked best first (None when its terms
    cannot be scored in bulk); the total is estimated unless every candidate was checked."""
    bulk = bulk_scores(searcher, query.child, candidates)
    if bulk is None:
        return None
    found = best_holding(searcher, query, bulk.scores, wanted)
    if bulk.exact:
        docnums, scores = best_exact(found.held, wanted)
    else:
        docnums, scores = _scored(searcher, query.child, contenders(found.held, wanted), wanted)
    return docnums, scores, found.total(), found.complete


def _scored(
    searcher: Searcher, query: Any, matches: set[int], wanted: int
) -> tuple[list[int], list[float]]:
    """The `wanted` best of `matches` (which all match `query`) and their scores: Whoosh's
    matcher taken to each in turn and asked its score, as its collector would, and the best
    kept as its collector keeps them (higher score first, then lower document number)."""
    context = searcher.context()
    found: list[tuple[float, int]] = []
    for leaf, offset in searcher.leaf_searchers():
        count = leaf.reader().doc_count_all()
        local = sorted(d - offset for d in matches if offset <= d < offset + count)
        if not local:
            continue
        matcher = query.matcher(leaf, context)
        for docnum in local:
            if not matcher.is_active():
                break
            matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                found.append((matcher.score(), -(docnum + offset)))
    best = heapq.nlargest(wanted, found)
    return [-negated for _score, negated in best], [score for score, _negated in best]


def _dated_words(searcher: Searcher, query: Any) -> bool:
    """Whether a query within dates is of words scored in bulk, common enough to be found as
    a set first (a site or language of most of the library is left to Whoosh's leaps)."""
    if scored_terms(query) is None:
        return False
    return bool(query.estimate_size(searcher.reader()) <= DATED_SET_MOST)


def _conjunction(query: Any) -> bool:
    """Whether a query needs several terms (or a phrase) in each match."""
    if isinstance(query, PhraseChecked):
        return True
    if isinstance(query, wq.AndNot):
        return _conjunction(query.a)
    return isinstance(query, wq.And)


def _sorted(prepared: Prepared, sort: str, wanted: int) -> tuple[list[int], int]:
    """The first `wanted` matches in the order of `sort`, and how many match."""
    searcher, columns, compiled, allowed = prepared
    order, places = columns.order(sort)
    deleted = columns.deleted
    if compiled.browse_only and allowed is None:  # every document
        first = list(islice((d for d in order if d not in deleted), wanted))
        return first, len(order) - len(deleted)
    docs: set[int]
    if compiled.browse_only and allowed is not None:  # every document the dates allow
        docs = allowed - deleted if deleted else allowed
    else:
        docs = matching_docs(searcher, compiled.query)
        if allowed is not None:
            docs &= allowed
    if len(docs) * DENSE > len(order):  # most documents match: walk the order
        first = list(islice((d for d in order if d in docs), wanted))
    else:
        first = heapq.nsmallest(wanted, docs, key=places.__getitem__)
    return first, len(docs)


def _estimate(compiled: Compiled, results: Any, found: int) -> int:
    """The number of matches, guessed from the terms' counts (and for phrases, the share of
    the candidates seen that held them)."""
    estimate = int(results.estimated_length())
    if isinstance(compiled.query, PhraseChecked):
        estimate = compiled.query.share_held(estimate)
    return max(found, estimate)


def matching_docnums(prepared: Prepared, texts: TextsFor | None = None) -> list[int]:
    """Every matching document number, in increasing order (as Whoosh finds them)."""
    searcher, _columns, compiled, allowed = prepared
    docs = matching_docs(searcher, compiled.query)
    if allowed is not None:
        docs &= allowed
    return sorted(docs)


def facet_counts(columns: Columns, docnums: list[int]) -> RawCounts:
    """The exact total and facet counts over these documents, and hits per month.

    Each facet is one Counter over the documents' values looked up in C (map over the
    column), not a loop in Python per document."""
    months = Counter(map(columns.months.__getitem__, docnums))
    months.pop(0, None)  # undated
    years: Counter[str] = Counter()
    for month, count in months.items():  # in the order first met, as each year is
        years[str(month // 100).zfill(4)] += count
    places = Counter(map(columns.places.__getitem__, docnums))
    places.pop("", None)
    facets: dict[str, Counter[str]] = {
        "site": Counter(map(columns.sites.__getitem__, docnums)),
        "year": years,
        "month": Counter({_month(m): n for m, n in months.items()}),
        "place": places,
        "person": Counter(chain.from_iterable(map(columns.people.__getitem__, docnums))),
        "language": Counter(map(columns.languages.__getitem__, docnums)),
        "tag": Counter(chain.from_iterable(map(columns.tags.__getitem__, docnums))),
        "review": Counter(chain.from_iterable(map(columns.reviews.__getitem__, docnums))),
    }
    return RawCounts(
        len(docnums),
        {
            name: [(k, n) for k, n in counter.most_common(FACET_LIMIT) if k]
            for name, counter in facets.items()
        },
        sorted(facets["month"].items()),
    )


def _month(yyyymm: int) -> str:
    return f"{yyyymm // 100:04d}-{yyyymm % 100:02d}"
