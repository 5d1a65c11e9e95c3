"""Run searches on reader threads: the first page at once, counts after it, more pages on demand."""

from __future__ import annotations

import logging
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from archive_app.domain.model import ArticleSummary, SearchCounts, SearchPage
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.search.collection_listing import collection_listing, listing_sort, local_counts

log = logging.getLogger(__name__)

FIRST_PAGE = 30  # two screenfuls: snippets cost time per hit, so the first page is small
# the whole library's first rows: a few screens read from the sort key's index; the rest of
# the ids (0.2 s at 100,000 articles, 2 s at a million) only once the person scrolls past them
FIRST_LISTED = 200
NEXT_PAGE = 200  # later pages come as the person scrolls towards the end of the list
WARM_UP_WORD = "berita"  # any word will do; an Indonesian one loads the Indonesian stemmer
# the empty query lists every article, dated or not: the facets of the whole library
EVERYTHING = ""


class SearchSource(Protocol):
    """What searching needs from the Archive facade."""

    def search(
        self,
        query: str,
        limit: int = ...,
        offset: int = ...,
        sort: str = ...,
        within: Sequence[str] = ...,
    ) -> SearchPage: ...

    def counts(self, query: str, within: Sequence[str] = ...) -> SearchCounts: ...

    def article_ids(self, sort: str = ..., limit: int | None = ...) -> list[int]: ...

    def count(self) -> int: ...

    def matching_ids(self, query: str, within: Sequence[str] = ...) -> list[int]: ...

    def collection_ids(self, path: str) -> list[int]: ...

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]: ...


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """What the person asked for: typed words, the filters they clicked, and an order."""

    query: str = ""
    filters: tuple[str, ...] = ()
    sort: str = "relevance"
    collection: str | None = None  # only the articles of this collection

    @property
    def listing(self) -> bool:
        """Nothing typed and nothing filtered: the whole library."""
        return not self.query.strip() and not self.filters and self.collection is None

    @property
    def effective_sort(self) -> str:
        # relevance means nothing without words: a filtered browse reads best newest first
        return "newest" if self.sort == "relevance" and not self.query.strip() else self.sort


@dataclass(frozen=True, slots=True)
class ListingPage:
    """The first rows of the whole library in one order, and how many articles it holds."""

    ids: tuple[int, ...]
    total: int


def first_listed(source: SearchSource, sort: str, limit: int = FIRST_LISTED) -> ListingPage:
    """The library's first `limit` articles in `sort` order, counted only when there are
    more of them."""
    ids = tuple(source.article_ids(sort, limit))
    return ListingPage(ids, len(ids) if len(ids) < limit else source.count())


@dataclass(frozen=True, slots=True)
class ResultBatch:
    """Ids found for one request: the first batch replaces the table, later ones extend it."""

    request: SearchRequest
    ids: Sequence[int]  # a tuple; the rest of a listing as an array (made on the worker)
    total: int
    snippets: dict[int, tuple[str, ...]] = field(default_factory=dict)
    exact: bool = True  # False while `total` is the index's estimate
    more: bool = False  # another page can be fetched
    suggestion: str | None = None
    # answered by the team catalogue while this desktop's index is built: (indexed, of how
    # many), and what of the query that search left out
    from_catalogue: tuple[int, int] | None = None
    unanswered: tuple[str, ...] = ()

    @property
    def query(self) -> str:
        return self.request.query


class SearchController(QObject):
    """Every request gets a generation number; a result from an older generation is dropped."""

    started = Signal(object)  # ResultBatch: the first page of a new request
    extended = Signal(object)  # ResultBatch: a later page of the current request
    counted = Signal(object)  # SearchCounts: exact total, facets and months of the request
    failed = Signal(str, object)  # (query, the exception: a QueryError has .position)

    def __init__(
        self, archive: SearchSource, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._archive = archive
        self._runner = runner
        self._generation = 0
        self._offset = 0
        self._more = False
        self._fetching = False
        self.request = SearchRequest()
        # the count of a first page starts once that page is painted: begun at once, its
        # worker would hold the GIL while the table draws the rows (a zero timer fires after
        # the events waiting, the table's paint among them)
        self._counting = QTimer(self)
        self._counting.setSingleShot(True)
        self._counting.setInterval(0)
        self._counting.timeout.connect(self._count_painted)
        self._to_count: tuple[int, Sequence[int]] | None = None

    @property
    def current_query(self) -> str:
        return self.request.query

    @property
    def can_fetch_more(self) -> bool:
        return self._more and not self._fetching

    def search(self, request: SearchRequest | str) -> None:
        """Start a request; a plain string is a query with no filters."""
        if isinstance(request, str):
            request = SearchRequest(
                request.strip(), self.request.filters, self.request.sort, self.request.collection
            )
        self.request = request = SearchRequest(
            request.query.strip(), request.filters, request.sort, request.collection
        )
        self._generation += 1
        self._offset, self._more, self._fetching = 0, False, True
        if request.collection is not None:
            job: Callable[[], object] = partial(
                collection_listing,
                self._archive,
                request.collection,
                request.query,
                request.filters,
                request.sort,
            )
        elif request.listing:
            job = partial(first_listed, self._archive, request.effective_sort)
        else:
            job = partial(
                self._archive.search,
                request.query,
                FIRST_PAGE,
                0,
                request.effective_sort,
                request.filters,
            )
        generation = self._generation
        self._runner.submit(
            job, partial(self._first, generation), partial(self._error, generation, request.query)
        )

    def fetch_more(self) -> bool:
        """Ask for the next page of the current request; False when there is none to ask."""
        if not self.can_fetch_more:
            return False
        self._fetching = True
        request, generation = self.request, self._generation
        if request.listing:
            # every id, from the first: the table skips those it holds, and an article deleted
            # or added since the first rows were read shifts no later one out of the list
            job: Callable[[], object] = partial(all_ids, self._archive, request.effective_sort)
        else:
            job = partial(
                self._archive.search,
                request.query,
                NEXT_PAGE,
                self._offset,
                request.effective_sort,
                request.filters,
            )
        self._runner.submit(
            job, partial(self._later, generation), partial(self._error, generation, request.query)
        )
        return True

    def warm_up(self) -> None:
        """Run one throwaway word search in the background: the first real search would
        otherwise pay for loading the stemmer's dictionary and the index's term files."""
        self._runner.submit(
            partial(self._archive.search, WARM_UP_WORD, 1, 0, "relevance", ()),
            lambda _page: None,
            lambda _error: None,
        )

    def _current(self, generation: int) -> bool:
        return generation == self._generation

    def _first(self, generation: int, result: object) -> None:
        if not self._current(generation):
            return  # the person has typed on since: an older query's hits would mislead
        self._fetching = False
        request = self.request
        if isinstance(result, SearchPage):
            self._offset = len(result.hits)
            self._more = len(result.hits) >= FIRST_PAGE
            self.started.emit(_batch(request, result, self._more))
        elif isinstance(result, ListingPage):
            self._offset = len(result.ids)
            self._more = len(result.ids) < result.total
            self.started.emit(ResultBatch(request, result.ids, result.total, more=self._more))
        else:
            assert isinstance(result, list)
            self.started.emit(ResultBatch(request, tuple(result), len(result)))
        # the exact total and the facets for the whole result, after the page is on screen
        self._to_count = (generation, result if isinstance(result, list) else [])
        self._counting.start()

    def _count_painted(self) -> None:
        waiting, self._to_count = self._to_count, None
        if waiting is not None and self._current(waiting[0]):
            self._count(*waiting)

    def recount(self, listed: Sequence[int]) -> None:
        """Count the current request again (a change altered its articles), leaving the
        pages shown as they are; `listed` are the ids a collection's listing holds now."""
        waiting = self._to_count
        if waiting is not None and waiting[0] == self._generation:
            self._to_count = (self._generation, listed)  # about to start: with these ids
        elif not (self._fetching and self._offset == 0):  # a first page on its way counts itself
            self._count(self._generation, listed)

    def _count(self, generation: int, listed: Sequence[int]) -> None:
        request = self.request
        if request.collection is not None:
            counting: Callable[[], object] = partial(
                local_counts, self._archive, list(listed), request.query
            )
        else:
            query, within = (
                (EVERYTHING, ()) if request.listing else (request.query, request.filters)
            )
            counting = partial(self._archive.counts, query, within)
        self._runner.submit(counting, partial(self._counted, generation), self._counts_failed)

    def _later(self, generation: int, result: object) -> None:
        if not self._current(generation):
            return
        self._fetching = False
        if isinstance(result, array):  # the rest of a listing: every id at once
            self._offset, self._more = len(result), False
            self.extended.emit(ResultBatch(self.request, result, len(result)))
            return
        assert isinstance(result, SearchPage)
        self._offset += len(result.hits)
        self._more = len(result.hits) >= NEXT_PAGE
        self.extended.emit(_batch(self.request, result, self._more))

    def _counted(self, generation: int, result: object) -> None:
        if self._current(generation):
            self.counted.emit(result)

    @staticmethod
    def _counts_failed(error: Exception) -> None:
        # the page is already on screen; missing facets are worth a log line, not a dialog
        log.error("counting the results failed: %s", error, exc_info=error)

    def _error(self, generation: int, query: str, error: Exception) -> None:
        if self._current(generation):
            self._fetching = False
            self.failed.emit(query, error)


def all_ids(source: SearchSource, sort: str) -> array[int]:
    """Every article of the library in `sort` order, as the array the table holds: made on
    the worker, since 100,000 ids made into one on the GUI thread stalled a frame of scrolling."""
    return array("q", source.article_ids(sort))


def result_ids(source: SearchSource, request: SearchRequest) -> list[int]:
    """Every article a request lists, in its order where it has one (to export or change a
    whole result: the table holds only the pages seen so far)."""
    if request.collection is not None:
        return collection_listing(
            source, request.collection, request.query, request.filters, request.sort
        )
    if request.listing:
        return source.article_ids(listing_sort(request.effective_sort))
    return source.matching_ids(request.query, request.filters)


def _batch(request: SearchRequest, page: SearchPage, more: bool) -> ResultBatch:
    return ResultBatch(
        request,
        tuple(h.id for h in page.hits),
        page.total,
        {h.id: h.snippets for h in page.hits},
        bool(page.total_exact),
        more,
        page.suggestion,
        page.index_built if page.from_catalogue else None,
        page.unanswered,
    )
