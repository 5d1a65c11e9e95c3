"""The results table: one row per article, whole-row selection, snippets, sorting by header."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from archive_app.gui.common.i18n import translate
from archive_app.gui.search.results_delegate import ResultsDelegate
from archive_app.gui.search.results_model import DATE, PEOPLE, SITE, TITLE, ResultsModel
from archive_app.gui.shell.theme import Colours

# rows read ahead go in while the end of those shown is this many screens below the view:
# rows put in out of sight cost no paint, at the end they cost a frame a second paint
AHEAD_SCREENS = 2


class ResultsTable(QTableView):
    """Shows a ResultsModel; asks it for more rows whenever its last row comes into view."""

    openRequested = Signal()  # Enter on a row: read it
    sortRequested = Signal(str)  # a header click: "title", "newest" or "oldest"

    def __init__(self, model: ResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("results")
        # a table walks Tab from cell to cell by default, thousands of them here: Tab leaves
        # for the reader instead, and the arrows (or J and K) move through the articles
        self.setTabKeyNavigation(False)
        self.setAccessibleName(translate("Results", "Search results"))
        self.setAccessibleDescription(
            translate(
                "Results",
                "Articles: title with the matching text, date, site and people. Up and Down "
                "(or J and K) move, Enter reads the article, Shift selects several",
            )
        )
        self.setModel(model)
        self.delegate = ResultsDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # many rows at once (Shift, Ctrl): bulk changes, exports and dragging onto a collection
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        # a fixed row height lets the view skip measuring every row it has not drawn
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.sort = "relevance"
        header = self.horizontalHeader()
        header.setObjectName("resultsHeader")
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.sectionClicked.connect(self._header_clicked)
        # sized by their typical content: a full date, a site name, two people's names
        for column, sample in (
            (DATE, "2024-05-17 03:50"),
            (SITE, "liputan6.com"),
            (PEOPLE, "Agustinus Rangga"),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.fontMetrics().horizontalAdvance(sample) + 16)
        self.update_row_height()
        model.moreAvailable.connect(self.fetch_if_at_end)
        model.rowsReadAhead.connect(self.take_rows_read_ahead)
        self.verticalScrollBar().valueChanged.connect(self.take_rows_read_ahead)
        model.modelReset.connect(self.update_row_height)

    def results_model(self) -> ResultsModel:
        model = self.model()
        assert isinstance(model, ResultsModel)
        return model

    def set_colours(self, colours: Colours) -> None:
        self.delegate.colours = colours
        self.viewport().update()

    def update_row_height(self) -> None:
        """Two lines (title and snippet) for a search's hits, one for a plain listing."""
        lines = 2 if self.results_model().has_snippets else 1
        height = self.fontMetrics().height()
        self.verticalHeader().setDefaultSectionSize(lines * height + (lines - 1) * 3 + 12)

    def show_sort(self, sort: str) -> None:
        """Mark the header the list is sorted by (relevance marks none)."""
        self.sort = sort
        header = self.horizontalHeader()
        column = {"title": TITLE, "newest": DATE, "oldest": DATE}.get(sort)
        header.setSortIndicatorShown(column is not None)
        if column is not None:
            order = (
                Qt.SortOrder.DescendingOrder if sort == "newest" else Qt.SortOrder.AscendingOrder
            )
            header.setSortIndicator(column, order)

    def _header_clicked(self, column: int) -> None:
        if column == TITLE:
            self.sortRequested.emit("title")
        elif column == DATE:
            self.sortRequested.emit("oldest" if self.sort == "newest" else "newest")
        else:  # the core sorts by relevance, date and title only: keep the indicator honest
            self.show_sort(self.sort)

    def fetch_if_at_end(self) -> None:
        """Fetch another batch while the last fetched row is visible (or there is none)."""
        model = self.results_model()
        root = QModelIndex()
        while model.canFetchMore(root):
            last = model.rowCount(root) - 1
            if last >= 0 and not self.viewport().rect().intersects(
                self.visualRect(model.index(last, 0))
            ):
                return
            rows = model.rowCount(root)
            model.fetchMore(root)
            if model.rowCount(root) == rows:
                return  # a page was asked of the search; its answer arrives later
            self.executeDelayedItemsLayout()  # painted once, as in take_rows_read_ahead

    def take_rows_read_ahead(self, *_moved: object) -> None:
        """Show the rows read ahead while the end of the list is near, before it is in view."""
        model = self.results_model()
        while model.read_ahead():
            last = self.visualRect(model.index(model.rowCount() - 1, 0))
            height = self.viewport().height()
            if last.top() > height * (1 + AHEAD_SCREENS):
                return
            model.fetchMore(QModelIndex())
            # lay the new rows out now, not on Qt's later timer: the frame being drawn
            # then paints them once, where the timer made it paint the whole view twice
            self.executeDelayedItemsLayout()

    def selected_ids(self) -> list[int]:
        """The chosen articles in list order (the current one alone when none is selected)."""
        model = self.results_model()
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return [model.article_id(row) for row in rows]

    def select_ids(self, ids: list[int]) -> None:
        """Select these articles again where the list (as far as it is loaded) holds them."""
        model = self.results_model()
        selection = QItemSelection()
        for article_id in ids:
            row = model.row_of(article_id)
            if row is not None:
                selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        if not selection.isEmpty():
            self.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def select_row(self, row: int) -> None:
        self.selectRow(row)
        self.scrollTo(self.model().index(row, 0))

    def step_row(self, step: int) -> None:
        """Select the row `step` rows below (above, when negative) the current one."""
        model = self.results_model()
        if not model.rowCount():
            return
        current = self.currentIndex().row()
        row = min(max((current if current >= 0 else -1) + step, 0), model.rowCount() - 1)
        self.select_row(row)
        if row == model.rowCount() - 1 and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.openRequested.emit()
            return
        super().keyPressEvent(event)
