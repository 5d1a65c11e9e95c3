"""After a change: show the articles it names as they are now, and leave the rest of the list be.

An edit, a bulk change, a find-and-replace, a collection drop, or an Undo or Redo of one, reports
the articles it touched (ChangeInfo.articles). Only their rows are read again, in the background,
and updated in place: the search does not run again, the other rows, the selection and the
scroll position stay, and an article no longer in the library leaves the list. The reader reads
the shown article again when it was touched; the sidebar's counts and Undo are asked again.

Like a mail client, the list is not re-filtered: an article edited so that the query would no
longer find it (or would now find it) stays listed as it is (or stays absent) until the next
search. The exact total and the facets are counted again, so they already say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol

from archive_app.domain.model import ArticleSummary, ChangeInfo
from archive_app.gui.catalogue.controller import CatalogueController
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.editing.undo_controller import UndoController
from archive_app.gui.reader.controller import ReadingController
from archive_app.gui.search.results_model import ResultsModel
from archive_app.gui.search.session import SearchSession
from archive_app.gui.shell.sidebar import Sidebar

if TYPE_CHECKING:
    from archive_app.usecases.archive import Archive

# Changes to what a name or a place stands for rather than to articles' own fields: a merge or
# split of people, a sign-off code, a place spelling. They change what `person:`, `place:` and
# plain words find all over the library, so the current result can gain or lose articles it does
# not show yet: the search runs again (and so for an Undo or Redo of one).
BROAD_KINDS = frozenset({"merge", "split", "signoff", "place_alias"})
# A review queue is a work list: clearing an article's flags is what takes it off the list, and
# Undo what puts it back, so there the search runs again after every change.
REVIEW_TERM = "review:"


class ChangedWindow(Protocol):
    """What refreshing after a change needs of the main window (named here, not imported:
    main_window imports this module)."""

    archive: Archive
    reads: TaskRunner
    model: ResultsModel
    sidebar: Sidebar
    session: SearchSession
    reading: ReadingController
    catalogue: CatalogueController
    undo: UndoController

    def refresh(self) -> None: ...


def named_articles(result: object, query: str) -> list[int] | None:
    """The articles to refresh in place after `result`, or None for the whole refresh.

    None for a result naming no article (not a ChangeInfo: an Undo that found nothing left to
    undo, say), for a change of names or places (BROAD_KINDS), and while `query` (the whole
    search, filters included) lists a review queue.
    """
    if not isinstance(result, ChangeInfo):
        return None
    if (result.target_kind or result.kind) in BROAD_KINDS or REVIEW_TERM in query.casefold():
        return None
    return list(result.articles)


def refresh_named(window: ChangedWindow, named: Sequence[int]) -> None:
    """Read the listed ones of `named` again off the GUI thread; then update their rows."""
    listed = window.model.among(named)
    window.catalogue.reload()
    window.undo.update()
    if listed:
        window.reads.submit(
            partial(window.archive.summaries, listed), partial(_read, window, named, listed)
        )
    else:  # none of them is in the list: only the reader and the counts may show them
        _read(window, named, [], [])


def _read(
    window: ChangedWindow, named: Sequence[int], listed: Sequence[int], found: list[ArticleSummary]
) -> None:
    removed = window.model.update_rows(listed, found)
    if removed and not window.model.total:
        window.refresh()  # the last of the list is gone: the empty list's message, or welcome
        return
    window.reading.reread(named)
    window.session.recount()
    if removed:
        window.reads.submit(window.archive.count, window.sidebar.show_articles)
