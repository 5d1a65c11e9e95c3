"""A collection's articles as a result list: narrowed by the query and filters, sorted, counted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from archive_app.domain.model import ArticleSummary, SearchCounts

LISTING_SORTS = ("newest", "oldest", "title")
FACET_LIMIT = 30  # as many values per facet as the index counts
_CHUNK = 500  # summaries read per query while counting


class CollectionSource(Protocol):
    """What listing a collection needs from the Archive facade."""

    def collection_ids(self, path: str) -> list[int]: ...

    def matching_ids(self, query: str, within: Sequence[str] = ...) -> list[int]: ...

    def article_ids(self, sort: str = ...) -> list[int]: ...

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]: ...


def listing_sort(sort: str) -> str:
    """A collection has no relevance order: it reads newest first unless told otherwise."""
    return sort if sort in LISTING_SORTS else "newest"


def collection_listing(
    source: CollectionSource, path: str, query: str, filters: Sequence[str], sort: str
) -> list[int]:
    """The collection's articles that the query and filters match, in `sort` order."""
    chosen = set(source.collection_ids(path))
    if chosen and (query.strip() or filters):
        chosen &= set(source.matching_ids(query, filters))
    # the library's own order (one query for every id) keeps sorting in the catalogue
    return [i for i in source.article_ids(listing_sort(sort)) if i in chosen]


def local_counts(source: CollectionSource, ids: Sequence[int], query: str = "") -> SearchCounts:
    """Facets and months of a list of articles, counted from their summaries (the index
    counts only what a query matches, and a collection is not a query)."""
    counters: dict[str, Counter[str]] = {
        key: Counter() for key in ("site", "year", "language", "place", "person")
    }
    months: Counter[str] = Counter()
    for start in range(0, len(ids), _CHUNK):
        for summary in source.summaries(ids[start : start + _CHUNK]):
            _count(summary, counters, months)
    facets = {key: _top(counter.items()) for key, counter in counters.items() if counter}
    return SearchCounts(query, len(ids), facets, sorted(months.items()))


def _count(
    summary: ArticleSummary, counters: dict[str, Counter[str]], months: Counter[str]
) -> None:
    if summary.site:
        counters["site"][summary.site] += 1
    if summary.published and summary.published[:4].isdigit():
        counters["year"][summary.published[:4]] += 1
        if len(summary.published) >= 7:
            months[summary.published[:7]] += 1
    if summary.language:
        counters["language"][summary.language] += 1
    if summary.dateline_place:
        counters["place"][summary.dateline_place] += 1
    for name in dict.fromkeys(summary.people):
        counters["person"][name] += 1


def _top(values: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """The most frequent first, then by name, as the index lists them."""
    return sorted(values, key=lambda item: (-item[1], item[0]))[:FACET_LIMIT]
