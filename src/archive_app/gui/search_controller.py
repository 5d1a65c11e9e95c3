"""Run searches on reader threads and pass on only the newest query's results, page by page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from archive_app.core.model import SearchPage
from archive_app.gui.tasks import TaskRunner

FIRST_PAGE = 100  # enough to fill the table at once; snippets cost time per hit
LATER_PAGE = 1000  # the rest arrives in larger pages while the person reads the first


class SearchSource(Protocol):
    """What searching needs from the Archive facade."""

    def search(self, query: str, limit: int = ..., offset: int = ...) -> SearchPage: ...

    def article_ids(self, sort: str = ...) -> list[int]: ...


@dataclass(frozen=True, slots=True)
class ResultBatch:
    """Ids found for one query: the first batch replaces the table, later ones extend it."""

    query: str
    ids: tuple[int, ...]
    total: int
    snippets: dict[int, tuple[str, ...]] = field(default_factory=dict)
    exact: bool = True  # False while `total` is the index's estimate
    complete: bool = True  # no further batch will follow for this query


class SearchController(QObject):
    """Every search gets a generation number; a result from an older generation is dropped."""

    started = Signal(object)  # ResultBatch: the first page of a new query
    extended = Signal(object)  # ResultBatch: a later page of the current query
    failed = Signal(str, object)  # (query, the exception: a QueryError has .position)

    def __init__(self, archive: SearchSource, runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self._runner = runner
        self._generation = 0
        self.current_query = ""

    def search(self, query: str) -> None:
        """Start a search; an empty query lists every article, newest first."""
        self._generation += 1
        self.current_query = query = query.strip()
        if query:
            job: Callable[[], object] = partial(self._archive.search, query, FIRST_PAGE, 0)
        else:
            job = partial(self._archive.article_ids, "newest")
        self._runner.submit(job, partial(self._first, self._generation, query),
                            partial(self._error, self._generation, query))

    def _current(self, generation: int) -> bool:
        return generation == self._generation

    def _first(self, generation: int, query: str, result: object) -> None:
        if not self._current(generation):
            return  # the person has typed on since: an older query's hits would mislead
        if isinstance(result, SearchPage):
            more = len(result.hits) >= FIRST_PAGE
            self.started.emit(_batch(result, complete=not more))
            if more:
                self._more(generation, query, len(result.hits))
        else:
            assert isinstance(result, list)
            self.started.emit(ResultBatch(query, tuple(result), len(result)))

    def _more(self, generation: int, query: str, offset: int) -> None:
        job = partial(self._archive.search, query, LATER_PAGE, offset)
        self._runner.submit(job, partial(self._later, generation, query, offset),
                            partial(self._error, generation, query))

    def _later(self, generation: int, query: str, offset: int, result: object) -> None:
        if not self._current(generation):
            return
        assert isinstance(result, SearchPage)
        # a short page is the last one; the total alone cannot tell, it may be an estimate
        more = len(result.hits) >= LATER_PAGE
        self.extended.emit(_batch(result, complete=not more))
        if more:
            self._more(generation, query, offset + len(result.hits))

    def _error(self, generation: int, query: str, error: Exception) -> None:
        if self._current(generation):
            self.failed.emit(query, error)


def _batch(page: SearchPage, complete: bool) -> ResultBatch:
    # total_exact arrived with estimated totals; a SearchPage without it is always exact
    exact = bool(getattr(page, "total_exact", True))
    return ResultBatch(page.query, tuple(h.id for h in page.hits), page.total,
                       {h.id: h.snippets for h in page.hits}, exact, complete)
