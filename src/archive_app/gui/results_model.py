"""A table model over a list of article ids that fetches row fields lazily, a batch at a time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from archive_app.core.model import ArticleSummary
from archive_app.gui.display import short_date

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

COLUMNS = ("Title", "Date", "Site", "People")
TITLE, DATE, SITE, PEOPLE = range(len(COLUMNS))
BATCH = 100  # rows fetched per fetchMore: a few screens, one short query
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MISSING = "(no longer in the library)"
UNTITLED = "(untitled)"


class SummarySource(Protocol):
    """What the model needs from the Archive facade: row fields for ids, in the same order."""

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]: ...


class ResultsModel(QAbstractTableModel):
    """Rows are article ids; a row's fields are fetched when the view first needs that batch.

    As in Anki's browser table, the model holds only ids and a cache of fetched rows; unlike
    Anki it grows with canFetchMore/fetchMore, so a library of 100,000 articles costs one
    query per hundred rows the person actually scrolls past.
    """

    # more ids arrived after every row was fetched: a view showing the end should fetch again
    moreAvailable = Signal()

    def __init__(self, source: SummarySource, batch: int = BATCH,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._batch = batch
        self._ids: list[int] = []
        self._positions: dict[int, int] = {}
        self._loaded = 0  # rows exposed to views so far
        self._rows: dict[int, ArticleSummary] = {}
        self._snippets: dict[int, tuple[str, ...]] = {}
        self.query = ""

    # -- what the window asks ---------------------------------------------------------

    def set_ids(self, ids: Iterable[int], query: str = "",
                snippets: dict[int, tuple[str, ...]] | None = None) -> None:
        """Show a new list of articles (a search's hits or the whole library)."""
        self.beginResetModel()
        self._ids = []
        self._positions = {}
        self._rows = {}
        self._snippets = {}
        self._loaded = 0
        self.query = query
        self._extend(ids, snippets)
        self.endResetModel()
        # the first screenful at once, so a result never appears as a blank table
        if self.canFetchMore(_ROOT):
            self.fetchMore(_ROOT)

    def append_ids(self, ids: Iterable[int],
                   snippets: dict[int, tuple[str, ...]] | None = None) -> None:
        """More ids for the same list (a search's later pages); fetched as the view scrolls."""
        before = len(self._ids)
        self._extend(ids, snippets)
        if len(self._ids) > before:
            self.moreAvailable.emit()

    def _extend(self, ids: Iterable[int], snippets: dict[int, tuple[str, ...]] | None) -> None:
        for article_id in ids:
            if article_id not in self._positions:
                self._positions[article_id] = len(self._ids)
                self._ids.append(article_id)
        if snippets:
            self._snippets.update(snippets)

    @property
    def total(self) -> int:
        """How many articles the list holds, fetched or not."""
        return len(self._ids)

    def article_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, article_id: int) -> int | None:
        row = self._positions.get(article_id)
        return row if row is not None and row < self._loaded else None

    def snippets(self, article_id: int) -> tuple[str, ...]:
        return self._snippets.get(article_id, ())

    def summary(self, row: int) -> ArticleSummary | None:
        return self._rows.get(self._ids[row])

    # -- lazy fetching ----------------------------------------------------------------

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: ModelIndex) -> None:
        if parent.isValid():
            return
        start = self._loaded
        end = min(start + self._batch, len(self._ids))
        if end <= start:
            return
        # fetch before announcing the rows, so data() never sees a half-filled batch
        for summary in self._source.summaries(self._ids[start:end]):
            self._rows[summary.id] = summary
        self.beginInsertRows(_ROOT, start, end - 1)
        self._loaded = end
        self.endInsertRows()

    # -- the Qt model interface -------------------------------------------------------

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.summary(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags  # deleted since the list was made: not selectable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._loaded:
            return None
        if role == ARTICLE_ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        summary = self.summary(index.row())
        if summary is None:
            return MISSING if index.column() == TITLE else ""
        text = _cell(summary, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return text or None
        return text


def _cell(summary: ArticleSummary, column: int) -> str:
    if column == TITLE:
        return summary.title or UNTITLED  # a blank cell would look like a broken row
    if column == DATE:
        return short_date(summary.published)
    if column == SITE:
        return summary.site or ""
    if column == PEOPLE:
        return ", ".join(summary.people)
    return ""
