"""A table model over a list of article ids that fetches row fields lazily, a batch at a time."""

from __future__ import annotations

import logging
from array import array
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from archive_app.domain.model import ArticleSummary
from archive_app.gui.common.display import short_date
from archive_app.gui.common.drops import ARTICLE_IDS, article_ids_mime
from archive_app.gui.common.i18n import translate

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
log = logging.getLogger(__name__)

TITLE, DATE, SITE, PEOPLE = range(4)
BATCH = 100  # rows fetched per fetchMore: a few screens, one short query
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2  # the hit snippet as HTML with <b class="hit">
FIRST_PEOPLE = 2  # names shown in the People column before "+N"
# rows are dragged onto a collection in the sidebar to add them to it (made once: Qt asks for
# every cell it paints, and combining flags is Python work)
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
)


def column_titles() -> tuple[str, ...]:
    return (
        translate("Results", "Title"),
        translate("Results", "Date"),
        translate("Results", "Site"),
        translate("Results", "People"),
    )


def missing_text() -> str:
    return translate("Results", "(no longer in the library)")


def untitled_text() -> str:
    return translate("Results", "(untitled)")


class SummarySource(Protocol):
    """What the model needs from the Archive facade: row fields for ids, in the same order."""

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]: ...


Summaries = list[ArticleSummary]
# runs a job on a worker, then hands its outcome (or its error) to a callback on the GUI thread:
# TaskRunner.submit
ReadAhead = Callable[
    [Callable[[], Summaries], Callable[[Summaries], None], Callable[[Exception], None]], None
]


class ResultsModel(QAbstractTableModel):
    """Rows are article ids; a row's fields are fetched when the view first needs that batch.

    As in Anki's browser table, the model holds only ids and a cache of fetched rows; unlike
    Anki it grows with canFetchMore/fetchMore, so a library of 100,000 articles costs one
    query per hundred rows the person actually scrolls past.
    """

    # more ids arrived after every row was fetched: a view showing the end should fetch again
    moreAvailable = Signal()
    # every known id is shown and the search has more pages: the controller should fetch one
    pageWanted = Signal()
    # the batch after the rows shown was read on a worker: a view near the end may take it
    rowsReadAhead = Signal()

    def __init__(
        self,
        source: SummarySource,
        batch: int = BATCH,
        parent: QObject | None = None,
        read_ahead: ReadAhead | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._batch = batch
        # the next batch's rows are read on a worker while the person looks at this one, so a
        # frame of scrolling never waits on the catalogue (without one, fetchMore reads them)
        self._read_ahead = read_ahead
        self._ahead: dict[int, ArticleSummary | None] = {}  # read ahead; None: not found
        self._reading_ahead = False
        self._generation = 0  # a new list: rows read ahead for the last one are dropped
        # every id of the list, 8 bytes each: a listing of a million articles holds them all,
        # and a list with a position for each (a dict) took 100 MB more
        self._ids: array[int] = array("q")
        self._rows_of: dict[int, int] | None = {}  # the fetched rows' ids; None: to be rebuilt
        self._loaded = 0  # rows exposed to views so far
        self._rows: dict[int, ArticleSummary] = {}
        self._snippets: dict[int, tuple[str, ...]] = {}
        self._more_pages = False  # the search behind the list has pages not yet asked for
        self._page_asked = False
        self._busy = False  # rows going in or out: no other batch may come in meanwhile
        self.query = ""

    # -- what the window asks ---------------------------------------------------------

    def set_ids(
        self,
        ids: Iterable[int],
        query: str = "",
        snippets: dict[int, tuple[str, ...]] | None = None,
        more_pages: bool = False,
    ) -> None:
        """Show a new list of articles (a search's hits or the whole library)."""
        self.beginResetModel()
        self._ids = array("q")
        self._rows_of = {}
        self._rows = {}
        self._snippets = {}
        self._ahead = {}
        self._reading_ahead = False
        self._generation += 1
        self._loaded = 0
        self._more_pages, self._page_asked = more_pages, False
        self.query = query
        self._extend(ids, snippets)
        self.endResetModel()
        # the first screenful at once, so a result never appears as a blank table
        if self.canFetchMore(_ROOT):
            self.fetchMore(_ROOT)

    def append_ids(
        self,
        ids: Iterable[int],
        snippets: dict[int, tuple[str, ...]] | None = None,
        more_pages: bool = False,
    ) -> None:
        """More ids for the same list (a search's later pages); fetched as the view scrolls."""
        before = len(self._ids)
        self._extend(ids, snippets)
        self._more_pages, self._page_asked = more_pages, False
        if len(self._ids) > before:
            reading = self._reading_ahead
            self._read_next()
            if reading or not self._reading_ahead:
                self.moreAvailable.emit()
            # else the next rows are being read on a worker: rowsReadAhead brings them to a
            # view at the end without a query on the GUI thread (it stalled a frame there)

    @property
    def has_snippets(self) -> bool:
        return bool(self._snippets)

    def _extend(self, ids: Iterable[int], snippets: dict[int, tuple[str, ...]] | None) -> None:
        held = len(self._ids)
        if isinstance(ids, array) and ids[:held] == self._ids:
            # the rest of a listing, made an array on the worker: the new ids copied at once
            self._ids.extend(ids[held:])
        elif (
            held
            and isinstance(ids, Sequence)
            and len(ids) >= held
            and self._ids == array("q", ids[:held])
        ):
            # the rest of a listing (every id from the catalogue, each once) begins with the
            # ids held: the others are new, taken as they are (a million ids on the GUI thread)
            self._ids.extend(array("q", ids[held:]))
        else:
            seen = set(self._ids)
            added = array("q")
            for article_id in ids:
                if article_id not in seen:
                    seen.add(article_id)
                    added.append(article_id)
            self._ids.extend(added)
        if snippets:
            self._snippets.update(snippets)

    @property
    def total(self) -> int:
        """How many articles the list holds, fetched or not."""
        return len(self._ids)

    def article_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, article_id: int) -> int | None:
        """The row of an article among the rows fetched so far."""
        return self._fetched_rows().get(article_id)

    def _fetched_rows(self) -> dict[int, int]:
        if self._rows_of is None:
            self._rows_of = {self._ids[row]: row for row in range(self._loaded)}
        return self._rows_of

    def snippets(self, article_id: int) -> tuple[str, ...]:
        return self._snippets.get(article_id, ())

    def cell_text(self, row: int, column: int) -> str:
        """What a cell shows (the delegate asks here directly: no data() round per role)."""
        summary = self._rows.get(self._ids[row])
        if summary is None:
            return missing_text() if column == TITLE else ""
        return _cell(summary, column)

    def snippet_text(self, row: int) -> str:
        """The row's hit snippets as HTML with <b class="hit">, "" for a plain listing."""
        found = self._snippets.get(self._ids[row], ())
        return " … ".join(found[:2])

    def summary(self, row: int) -> ArticleSummary | None:
        return self._rows.get(self._ids[row])

    # -- after a change ---------------------------------------------------------------

    def listed(self) -> list[int]:
        """Every id of the list, fetched or not, in its order."""
        return self._ids.tolist()

    def among(self, ids: Iterable[int]) -> list[int]:
        """Those of `ids` the list holds (fetched or not), in the order given."""
        held = set(self._ids)
        return [i for i in ids if i in held]

    def update_rows(self, named: Iterable[int], found: Sequence[ArticleSummary]) -> int:
        """Show the `found` rows of changed articles in place, and take out those of `named`
        that were not found (deleted); every other row, the selection and the scroll stay.
        Returns how many rows left the list."""
        fresh = {summary.id: summary for summary in found}
        for article_id in named:  # rows read ahead of these may be out of date: read again
            self._ahead.pop(article_id, None)
        gone: list[int] = []
        listed = self.among(named)
        wanted = set(listed)
        positions = {i: row for row, i in enumerate(self._ids) if i in wanted} if listed else {}
        for article_id in listed:
            row = positions[article_id]
            if article_id not in fresh:
                gone.append(row)
            elif row < self._loaded:  # rows not fetched yet will be read when they are
                self._rows[article_id] = fresh[article_id]
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        for row in sorted(gone, reverse=True):
            self._remove(row)
        if gone and self.canFetchMore(_ROOT):
            self.moreAvailable.emit()  # the rows that moved up may have left room at the end
        return len(gone)

    def _remove(self, row: int) -> None:
        fetched = row < self._loaded
        if fetched:
            self._busy = True  # a view asking for more rows meanwhile is not answered
            self.beginRemoveRows(_ROOT, row, row)
        article_id = self._ids.pop(row)
        self._ahead.pop(article_id, None)
        self._rows_of = None  # the rows after it moved up one
        self._rows.pop(article_id, None)
        self._snippets.pop(article_id, None)
        if fetched:
            self._loaded -= 1
            self.endRemoveRows()
            self._busy = False

    # -- lazy fetching ----------------------------------------------------------------

    def more_to_come(self) -> bool:
        """Whether the result has rows past those shown: ids held but not fetched, or pages
        of the search not listed yet (asked for or not)."""
        return self._loaded < len(self._ids) or self._more_pages

    def canFetchMore(self, parent: ModelIndex) -> bool:
        if parent.isValid() or self._busy:
            return False
        return self._loaded < len(self._ids) or (self._more_pages and not self._page_asked)

    def fetchMore(self, parent: ModelIndex) -> None:
        if parent.isValid() or self._busy:
            return
        if self._loaded >= len(self._ids):
            if self._more_pages and not self._page_asked:
                self._page_asked = True  # one request at a time; append_ids answers it
                self.pageWanted.emit()
            return
        start = self._loaded
        end = min(start + self._batch, len(self._ids))
        if end <= start:
            return
        # fetch before announcing the rows, so data() never sees a half-filled batch; rows
        # read ahead are taken as they are, the rest (none, when reading ahead kept up) read now
        ids = self._ids[start:end].tolist()
        ahead = self._ahead
        unread = [article_id for article_id in ids if article_id not in ahead]
        for summary in self._source.summaries(unread) if unread else ():
            self._rows[summary.id] = summary
        for article_id in ids:
            read = ahead.pop(article_id, None)
            if read is not None:
                self._rows[article_id] = read
        self._busy = True
        self.beginInsertRows(_ROOT, start, end - 1)
        self._loaded = end
        if self._rows_of is not None:
            self._rows_of.update((self._ids[row], row) for row in range(start, end))
        self.endInsertRows()
        self._busy = False
        self._read_next()

    def _read_next(self) -> None:
        """Read the batch after the rows shown on a worker, unless it is read or on its way."""
        if self._read_ahead is None or self._reading_ahead:
            return
        start = self._loaded
        wanted = [
            i for i in self._ids[start : start + self._batch].tolist() if i not in self._ahead
        ]
        if not wanted:
            return
        self._reading_ahead = True
        generation = self._generation
        self._read_ahead(
            partial(self._source.summaries, wanted),
            partial(self._read, generation, wanted),
            partial(self._not_read, generation),
        )

    def _read(self, generation: int, wanted: list[int], found: Summaries) -> None:
        if generation != self._generation:
            return  # read for a list no longer shown
        self._reading_ahead = False
        rows: dict[int, ArticleSummary | None] = dict.fromkeys(wanted)
        rows.update((summary.id, summary) for summary in found)
        self._ahead.update(rows)
        self.rowsReadAhead.emit()

    def read_ahead(self) -> bool:
        """Whether the next batch's rows are read already: fetchMore shows them without a
        query (a view takes them before it reaches the end, so no frame waits on them)."""
        if self._busy or self._loaded >= len(self._ids):
            return False
        ahead = self._ahead
        return all(i in ahead for i in self._ids[self._loaded : self._loaded + self._batch])

    def _not_read(self, generation: int, error: Exception) -> None:
        # the rows are read when the view reaches them, where a failure is the window's to show
        log.warning("reading rows ahead failed: %s", error)
        if generation == self._generation:
            self._reading_ahead = False

    # -- the Qt model interface -------------------------------------------------------

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.columnCount()
        ):
            return column_titles()[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.summary(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags  # deleted since the list was made: not selectable
        return _ROW_FLAGS

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_IDS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return article_ids_mime(self._ids[row] for row in rows if row < self._loaded)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction  # the rows stay where they are

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._loaded:
            return None
        if role == ARTICLE_ID_ROLE:
            return self._ids[index.row()]
        if role == SNIPPET_ROLE:
            snippet = self.snippet_text(index.row()) if index.column() == TITLE else ""
            return snippet or None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        summary = self.summary(index.row())
        if summary is None:
            return missing_text() if index.column() == TITLE else ""
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == PEOPLE:
            return ", ".join(summary.people) or None  # every name, not only the first ones
        text = _cell(summary, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return text or None
        return text


def _cell(summary: ArticleSummary, column: int) -> str:
    if column == TITLE:
        return summary.title or untitled_text()  # a blank cell would look like a broken row
    if column == DATE:
        return short_date(summary.published)
    if column == SITE:
        return summary.site or ""
    if column == PEOPLE:
        shown = ", ".join(summary.people[:FIRST_PEOPLE])
        rest = len(summary.people) - FIRST_PEOPLE
        return f"{shown} +{rest}" if rest > 0 else shown
    return ""
