"""Searching a library: pages of hits, exact counts, every match, saved searches, reader marks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from archive_app.db import index_feed, saved_searches, search_rows
from archive_app.db.sessions import Sessions
from archive_app.domain import query as query_language
from archive_app.domain.clock import utc_now
from archive_app.domain.errors import QueryError
from archive_app.domain.model import (
    ArticleSummary,
    SavedSearch,
    SearchCounts,
    SearchPage,
)
from archive_app.search.highlight import matched_forms
from archive_app.search.index import FullTextIndex
from archive_app.search.querying import TextsFor
from archive_app.usecases.catalogue_search import CatalogueSearch
from archive_app.usecases.library_core import LibraryCore
from archive_app.usecases.search_hits import named_hits
from archive_app.usecases.sort_orders import SORT_ORDERS as SORT_ORDERS

T = TypeVar("T")


class LibrarySearch:
    """The facade's queries: the index finds, the catalogue gives rows and texts."""

    def __init__(
        self,
        index: FullTextIndex,
        sessions: Sessions,
        summaries: Callable[[Sequence[int]], list[ArticleSummary]],
        catalogue: CatalogueSearch | None = None,
    ) -> None:
        self._index = index
        self._sessions = sessions
        self._summaries = summaries
        # a team library's own full-text search, answering while this desktop's index is built
        self._catalogue = catalogue

    def search(
        self, query: str, limit: int, offset: int, sort: str, within: Sequence[str]
    ) -> SearchPage:
        if sort not in SORT_ORDERS:
            raise QueryError(f"unknown sort {sort!r} (choose {', '.join(SORT_ORDERS)})", query)
        node = _parse(query, within)
        if self._catalogue is not None and (built := self._catalogue.building()) is not None:
            return self._catalogue.search(query, node, sort, limit, offset, self._summaries, built)
        page = _PageRows(self._sessions, self._texts, self._summaries)
        raw = _with_query_text(
            query,
            lambda: self._index.search(
                node, sort=sort, limit=limit, offset=offset, texts=page.texts, query_text=query
            ),
        )
        hits = named_hits(raw.hits, page.summaries)
        return SearchPage(query, raw.total, hits, raw.exact, raw.suggestion, sort)

    def counts(self, query: str, within: Sequence[str]) -> SearchCounts:
        node = _parse(query, within)
        if self._catalogue is not None and self._catalogue.building() is not None:
            return self._catalogue.counts(query, node)
        raw = _with_query_text(query, lambda: self._index.counts(node, self._texts))
        return SearchCounts(query, raw.total, raw.facets, raw.months)

    def matching_ids(self, query: str, within: Sequence[str]) -> list[int]:
        node = _parse(query, within)
        if self._catalogue is not None and self._catalogue.building() is not None:
            return self._catalogue.matching_ids(node)
        return _with_query_text(query, lambda: self._index.matching_ids(node, self._texts))

    def _texts(
        self, ids: list[int], fields: frozenset[str] = frozenset({"text"})
    ) -> dict[int, dict[str, str]]:
        with self._sessions() as session:
            return index_feed.field_texts(session, ids, fields)


class _PageRows:
    """One page's snippet texts and results rows, read from the catalogue together (one
    session, three queries) when the index asks for the texts; the rows are then at hand."""

    def __init__(
        self,
        sessions: Sessions,
        texts: TextsFor,
        summaries: Callable[[Sequence[int]], list[ArticleSummary]],
    ) -> None:
        self._sessions = sessions
        self._other_texts = texts
        self._other_summaries = summaries
        self._read: frozenset[int] = frozenset()
        self._rows: dict[int, ArticleSummary] = {}

    def texts(
        self, ids: list[int], fields: frozenset[str] = frozenset({"text"})
    ) -> dict[int, dict[str, str]]:
        if fields != {"text"}:
            return self._other_texts(ids, fields)
        with self._sessions() as session:
            found = search_rows.page_rows(session, ids)
        self._read, self._rows = frozenset(ids), found.summaries
        return {article_id: {"text": text} for article_id, text in found.texts.items()}

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        if not self._read.issuperset(ids):  # rows the texts did not bring (an empty page)
            return self._other_summaries(ids)
        return [self._rows[i] for i in ids if i in self._rows]


class SavedSearchesMixin(LibraryCore):
    """Mixed into Archive: queries kept under a name."""

    def save_search(self, name: str, query: str, sort: str = "relevance") -> None:
        """Keep a query under a name (replacing one of the same name)."""
        self._require_writable()
        if not name.strip():
            raise QueryError("a saved search needs a name", query)
        query_language.parse(query)  # refuse to save a query that cannot run
        with self._write_lane, self._sessions.begin() as session:
            saved_searches.save_search(session, name.strip(), query, sort, utc_now())

    def saved_searches(self) -> list[SavedSearch]:
        with self._sessions() as session:
            return saved_searches.saved_searches(session)

    def delete_saved_search(self, name: str) -> bool:
        self._require_writable()
        with self._write_lane, self._sessions.begin() as session:
            return saved_searches.delete_saved_search(session, name)


def highlight_terms(query: str, texts: Iterable[str]) -> list[str]:
    """The words and phrases of `texts` (an article's title, body, captions) that `query`
    matched, spelled as there, for the reader to mark: words through their stems as the index
    matched them, phrases as phrases; excluded words, field values and dates are not marked.
    A query that cannot be parsed marks nothing."""
    if not query.strip():
        return []
    try:
        node = query_language.parse(query)
    except QueryError:
        return []
    return matched_forms(node, texts)


def _parse(query: str, within: Sequence[str]) -> query_language.Node:
    nodes = [query_language.parse(q) for q in (*within, query) if q.strip()]
    # nothing typed: every article (a browse, listed newest first)
    return nodes[0] if len(nodes) == 1 else query_language.And(tuple(nodes))


def _with_query_text(query: str, run: Callable[[], T]) -> T:
    try:
        return run()
    except QueryError as error:
        if not error.query:
            raise QueryError(str(error), query, error.position) from None
        raise
