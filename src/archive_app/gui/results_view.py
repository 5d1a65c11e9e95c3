"""The results table: one row per article, whole-row selection, columns sized for reading."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from archive_app.gui.results_model import DATE, PEOPLE, SITE, TITLE, ResultsModel


class ResultsTable(QTableView):
    """Shows a ResultsModel; asks it for more rows whenever its last row comes into view."""

    def __init__(self, model: ResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("results")
        self.setAccessibleName("Search results")
        self.setAccessibleDescription("Articles: title, date, site and people")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        # a fixed row height lets the view skip measuring every row it has not drawn
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # sized by their typical content: a full date, a site name, a person's name
        for column, sample in ((DATE, "2024-05-17 03:50"), (SITE, "liputan6.com"),
                               (PEOPLE, "Agustinus Rangga")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.fontMetrics().horizontalAdvance(sample) + 24)
        model.moreAvailable.connect(self.fetch_if_at_end)

    def results_model(self) -> ResultsModel:
        model = self.model()
        assert isinstance(model, ResultsModel)
        return model

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
            model.fetchMore(root)

    def select_row(self, row: int) -> None:
        self.selectRow(row)
        self.scrollTo(self.model().index(row, 0))
