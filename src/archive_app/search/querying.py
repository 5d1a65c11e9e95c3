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
from archive_app.search.compile import Compiled, compile_query, verify
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
# (article ids, fields) -> field name -> text, for the articles whose text a phrase check or a
# snippet needs
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

    The total is exact when it costs nothing extra; `facet_counts` gives it exactly otherwise.
    """
    searcher, columns, compiled, allowed = prepared
    if compiled.browse_only and sort == "relevance":
        sort = "newest"
    sortedby = SORTS.get(sort)
    wanted = offset + limit
    want_more = wanted * 3 if compiled.verifiers else wanted
    checked: dict[int, bool] = {}  # phrase checks already made, kept across wider passes
    fields = frozenset(v.field for v in compiled.verifiers)
    while True:
        results = searcher.search(
            compiled.query, limit=want_more, filter=allowed, sortedby=sortedby
        )
        ids = [columns.article_ids[hit.docnum] for hit in results]
        scores = [0.0 if sortedby else float(hit.score or 0.0) for hit in results]
        if not compiled.verifiers:
            break
        unchecked = [i for i in ids if i not in checked]
        if unchecked:
            fetched = texts(unchecked, fields)
            for article_id in unchecked:
                checked[article_id] = all(
                    verify(v, fetched.get(article_id, {}).get(v.field, ""))
                    for v in compiled.verifiers
                )
        kept = [i for i, article_id in enumerate(ids) if checked[article_id]]
        exhausted = len(ids) < want_more
        if len(kept) >= wanted or exhausted:
            ids, scores = [ids[i] for i in kept], [scores[i] for i in kept]
            break
        want_more *= 4
    page_ids = ids[offset:wanted]
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
        for article_id, score in zip(page_ids, scores[offset:wanted], strict=False)
    )
    if compiled.verifiers:
        # every candidate was checked only when fewer than asked for came back
        exact = len(ids) < wanted
        total = len(ids)
    else:
        exact = results.has_exact_length()
        total = len(results) if exact else results.estimated_length()
    suggestion = None
    if total <= 3 and compiled.plain_words and query_text:
        suggestion = suggest(searcher.reader(), query_text, compiled.plain_words)
    return RawPage(total, exact, hits, suggestion)


def matching_docnums(prepared: Prepared, texts: TextsFor) -> list[int]:
    """Every matching document number (unranked), phrases checked on the text."""
    searcher, columns, compiled, allowed = prepared
    docnums = [
        d for d in searcher.docs_for_query(compiled.query) if allowed is None or d in allowed
    ]
    if compiled.verifiers:
        fields = frozenset(v.field for v in compiled.verifiers)
        kept: list[int] = []
        for start in range(0, len(docnums), 1000):
            chunk = docnums[start : start + 1000]
            chunk_texts = texts([columns.article_ids[d] for d in chunk], fields)
            kept.extend(
                d
                for d in chunk
                if all(
                    verify(v, chunk_texts.get(columns.article_ids[d], {}).get(v.field, ""))
                    for v in compiled.verifiers
                )
            )
        docnums = kept
    return docnums


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
