"""Searching one generation of the index: a ranked page with snippets, every match, facet counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from whoosh import sorting
from whoosh.searching import Searcher

from archive_app.domain.query import Node
from archive_app.search.columns import Columns
from archive_app.search.compile import Compiled, compile_query
from archive_app.search.phrases import PhraseChecked
from archive_app.search.snippets import snippets
from archive_app.search.suggest import suggest

SORTS: dict[str, Any] = {
    # dated articles first either way, then by instant
    "newest": sorting.MultiFacet(
        [sorting.FieldFacet("dated", reverse=True), sorting.FieldFacet("when", reverse=True)]
    ),
    "oldest": sorting.MultiFacet(
        [sorting.FieldFacet("dated", reverse=True), sorting.FieldFacet("when")]
    ),
    "title": sorting.FieldFacet("title_sort"),
}
FACET_LIMIT = 30
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

    The total is exact when every match was seen (fewer than asked for) or when counting them
    cost nothing extra; `facet_counts` gives it exactly otherwise.
    """
    searcher, columns, compiled, allowed = prepared
    if compiled.browse_only and sort == "relevance":
        sort = "newest"
    sortedby = SORTS.get(sort)
    wanted = offset + limit
    results = searcher.search(compiled.query, limit=wanted, filter=allowed, sortedby=sortedby)
    found = [(hit.docnum, hit.score) for hit in results]
    page_ids = [columns.article_ids[docnum] for docnum, _score in found[offset:wanted]]
    scores = [0.0 if sortedby else float(score or 0.0) for _docnum, score in found[offset:]]
    if len(found) < wanted or results.has_exact_length():
        # fewer than asked for: the collector saw every match
        exact, total = True, len(found) if len(found) < wanted else len(results)
    else:
        exact, total = False, _estimate(compiled, results, len(found))
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


def _estimate(compiled: Compiled, results: Any, found: int) -> int:
    """The number of matches, guessed from the terms' counts (and for phrases, the share of
    the candidates seen that held them)."""
    estimate = int(results.estimated_length())
    if isinstance(compiled.query, PhraseChecked):
        estimate = compiled.query.share_held(estimate)
    return max(found, estimate)


def matching_docnums(prepared: Prepared, texts: TextsFor | None = None) -> list[int]:
    """Every matching document number (unranked), phrases checked."""
    searcher, _columns, compiled, allowed = prepared
    return [d for d in searcher.docs_for_query(compiled.query) if allowed is None or d in allowed]


def facet_counts(columns: Columns, docnums: list[int]) -> RawCounts:
    """The exact total and facet counts over these documents, and hits per month."""
    facets: dict[str, Counter[str]] = {
        name: Counter()
        for name in ("site", "year", "month", "place", "person", "language", "tag", "review")
    }
    months: Counter[str] = Counter()
    sites, languages, places = columns.sites, columns.languages, columns.places
    people, tags, days = columns.people, columns.tags, columns.days
    reviews = columns.reviews
    for d in docnums:
        facets["site"][sites[d]] += 1
        facets["language"][languages[d]] += 1
        if places[d]:
            facets["place"][places[d]] += 1
        for person in people[d]:
            facets["person"][person] += 1
        for tag in tags[d]:
            facets["tag"][tag] += 1
        for kind in reviews[d]:
            facets["review"][kind] += 1
        day = days[d]
        if day:
            month = f"{day // 10000:04d}-{day // 100 % 100:02d}"
            months[month] += 1
            facets["year"][month[:4]] += 1
    facets["month"] = months
    return RawCounts(
        len(docnums),
        {
            name: [(k, n) for k, n in counter.most_common(FACET_LIMIT) if k]
            for name, counter in facets.items()
        },
        sorted(months.items()),
    )
