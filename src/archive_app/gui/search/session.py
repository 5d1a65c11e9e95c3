"""The search a person builds (words, clicked filters, an order) and where its results go."""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, Signal

from archive_app.domain.errors import ArchiveError, QueryError
from archive_app.domain.model import SearchCounts
from archive_app.gui.common.i18n import count_text, translate
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.search.bar import SearchBar
from archive_app.gui.search.collection_listing import listing_sort
from archive_app.gui.search.controller import (
    ResultBatch,
    SearchController,
    SearchRequest,
    SearchSource,
)
from archive_app.gui.search.filter_bar import FilterBar
from archive_app.gui.search.filters import Filter, FilterSet
from archive_app.gui.search.results_model import ResultsModel
from archive_app.gui.search.results_view import ResultsTable
from archive_app.gui.shell.sidebar import Sidebar

log = logging.getLogger(__name__)


def count_label(total: int, listing: bool, exact: bool = True) -> str:
    """ "3,203 articles", "35 matches", "about 2,500 matches"."""
    if listing:
        return count_text(
            total, translate("Window", "{count} article"), translate("Window", "{count} articles")
        )
    matches = count_text(
        total, translate("Window", "{count} match"), translate("Window", "{count} matches")
    )
    return matches if exact else translate("Window", "about {count}").format(count=matches)


class SearchSession(QObject):
    """Connects the search bar, filter chips, sidebar and results table to one controller.

    Emits `listed(batch)` after a first page is in the table (the window selects a row) and
    `emptied(message)` when nothing matches.
    """

    listed = Signal(object)
    emptied = Signal(str)
    ran = Signal()  # a new search started (the filters may have changed)

    def __init__(
        self,
        archive: SearchSource,
        runner: TaskRunner,
        bar: SearchBar,
        chips: FilterBar,
        table: ResultsTable,
        sidebar: Sidebar,
        filters: FilterSet,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = SearchController(archive, runner, self)
        self.bar, self.chips, self.table, self.sidebar = bar, chips, table, sidebar
        self.model: ResultsModel = table.results_model()
        self.filters = filters
        self._frozen = False
        self.total = 0  # articles in the current result (exact once counted)
        bar.submitted.connect(lambda _q: self.run())
        bar.sortChanged.connect(lambda _s: self.run())
        table.sortRequested.connect(self._sort_from_header)
        chips.removeRequested.connect(self.toggle_filter)
        chips.clearRequested.connect(self.clear_filters)
        sidebar.facets.filterToggled.connect(self.toggle_filter)
        sidebar.histogram.rangeChosen.connect(self.filter_dates)
        self.model.pageWanted.connect(self.controller.fetch_more)
        self.controller.started.connect(self._show_results)
        self.controller.extended.connect(self._extend_results)
        self.controller.counted.connect(self._show_counts)
        self.controller.failed.connect(self._failed)

    def run(self) -> None:
        request = SearchRequest(
            self.bar.query, self.filters.clauses(), self.bar.sort_key, self.filters.collection
        )
        if request.collection is not None:
            self.table.show_sort(listing_sort(request.sort))  # a collection has no relevance
        else:
            self.table.show_sort(
                request.effective_sort if request.sort != "relevance" else "relevance"
            )
        self.chips.set_filters(self.filters)
        self.controller.search(request)
        self.ran.emit()

    def recount(self) -> None:
        """The total, facets and months again after a change; the table stays as it is."""
        collection = self.controller.request.collection is not None
        self.controller.recount(self.model.listed() if collection else [])

    def search_for(self, query: str, sort: str | None = None) -> None:
        """A new query on its own (a saved search, a person's name): filters are dropped."""
        self.filters.clear()
        if sort is not None:
            self.bar.set_sort(sort)
        self.bar.set_query(query)

    def toggle_filter(self, chosen: object) -> None:
        assert isinstance(chosen, Filter)
        self.filters.toggle(chosen)
        self.run()

    def filter_dates(self, value: str) -> None:
        self.filters.set_date(value)
        self.run()

    def clear_filters(self) -> None:
        self.filters.clear()
        self.run()

    def clear_step(self) -> bool:
        """Esc: the typed words first, then the filters; False when both were empty."""
        if self.bar.query:
            self.bar.set_query("")
        elif len(self.filters):
            self.clear_filters()
        else:
            return False
        return True

    @property
    def request(self) -> SearchRequest:
        """What the results table lists now (to export or change the whole result)."""
        return self.controller.request

    def describe(self) -> str:
        """The current result in a few words: "banjir site:detik.com", "Banjir/Jakarta"."""
        parts = [p for p in (self.filters.collection, self.saved_query()) if p]
        return " · ".join(parts) or translate("Window", "the whole library")

    def saved_query(self) -> str:
        """The whole search as one query (words and filters), as a saved search keeps it."""
        return " ".join((self.bar.query.strip(), *self.filters.clauses())).strip()

    def _sort_from_header(self, sort: str) -> None:
        self.bar.set_sort(sort)
        self.run()

    def _show_results(self, batch: ResultBatch) -> None:
        self.bar.clear_error()
        self.bar.show_suggestion(batch.suggestion)
        self.bar.catalogue.show_source(batch.from_catalogue, batch.unanswered)
        self.model.set_ids(batch.ids, batch.query, batch.snippets, batch.more)
        self.total = batch.total
        self.bar.show_count(count_label(batch.total, _lists(batch.request), batch.exact))
        if self.model.rowCount():
            self.listed.emit(batch)
        else:
            self.emptied.emit(_empty_text(batch.request))

    def _extend_results(self, batch: ResultBatch) -> None:
        self.model.append_ids(batch.ids, batch.snippets, batch.more)

    def _show_counts(self, counts: SearchCounts) -> None:
        request = self.controller.request
        self.total = counts.total
        self.bar.show_count(count_label(counts.total, _lists(request)))
        self.sidebar.facet_model.set_counts(counts.facets, self.filters)
        self.sidebar.histogram.set_months(counts.months)
        date = next((f.value for f in self.filters if f.field == "date"), None)
        self.sidebar.histogram.set_selection(date)
        if request.listing:
            self.sidebar.show_library(counts.total, counts.facets)
        if not self._frozen:
            self.controller.warm_up()
            # the index's facet columns (millions of small objects at 100,000 articles) now
            # live as long as the library is open: keep the cyclic collector from walking them
            # on every full collection, which would stall a frame while scrolling
            gc.freeze()
            self._frozen = True

    def _failed(self, query: str, error: object) -> None:
        if isinstance(error, QueryError):
            self.bar.show_error(str(error), error.position)
        elif isinstance(error, ArchiveError):
            self.bar.show_error(str(error))
        else:  # a bug, not a mistake in the query: say so plainly and keep the log
            log.error(
                "search for %r failed",
                query,
                exc_info=error if isinstance(error, BaseException) else None,
            )
            self.bar.show_error(
                translate("Window", "the search failed ({error})").format(error=error)
            )


def _lists(request: SearchRequest) -> bool:
    """Whether the result is counted in articles (a listing) rather than in matches."""
    return request.listing or (
        request.collection is not None and not request.query.strip() and not request.filters
    )


def _empty_text(request: SearchRequest) -> str:
    if request.listing:
        return translate("Window", "The library is empty.")
    if _lists(request):
        return translate(
            "Window",
            "The collection “{name}” holds no articles yet; drag "
            "articles from the results onto it.",
        ).format(name=request.collection)
    return translate("Window", "No articles match “{query}”.").format(
        query=" ".join((request.query, *request.filters)).strip()
    )
