"""The saved-searches list in the sidebar: run one with a click, save the current one, delete."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.model import SavedSearch
from archive_app.gui.i18n import translate

_SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class SavedSearchList(QListWidget):
    """Enter runs the chosen search, Delete asks to remove it."""

    deleteRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.deleteRequested.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.itemClicked.emit(self.currentItem())
            return
        super().keyPressEvent(event)


class SavedSearchesPanel(QWidget):
    """Emits `chosen(SavedSearch)`, `saveRequested()` and `deleteRequested(name)`."""

    chosen = Signal(object)
    saveRequested = Signal()
    deleteRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = SavedSearchList(self)
        self.list.setObjectName("savedSearches")
        self.list.setAccessibleName(translate("Sidebar", "Saved searches"))
        self.list.setMaximumHeight(120)
        self.list.itemClicked.connect(self._clicked)
        self.list.deleteRequested.connect(self._delete_current)
        self.save = QToolButton(self)
        self.save.setObjectName("sidebarButton")
        self.save.setText(translate("Sidebar", "Save this search…"))
        self.save.setAccessibleName(translate("Sidebar", "Save the current search"))
        self.save.clicked.connect(self.saveRequested)
        self.delete = QToolButton(self)
        self.delete.setObjectName("sidebarButton")
        self.delete.setText(translate("Sidebar", "Delete"))
        self.delete.setAccessibleName(translate("Sidebar", "Delete the chosen saved search"))
        self.delete.clicked.connect(self._delete_current)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        buttons.addWidget(self.delete)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.list)
        column.addLayout(buttons)
        self.set_searches([])

    def set_searches(self, searches: Sequence[SavedSearch]) -> None:
        self.list.clear()
        for search in searches:
            item = QListWidgetItem(search.name, self.list)
            item.setToolTip(search.query)
            item.setData(_SEARCH_ROLE, search)
        if not searches:
            empty = QListWidgetItem(translate("Sidebar", "None yet"), self.list)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.setFixedHeight(min(max(len(searches), 1), 5) * 22 + 6)
        self.delete.setEnabled(bool(searches))

    def set_writable(self, writable: bool) -> None:
        """A read-only library can run saved searches but not change them."""
        self.save.setEnabled(writable)
        self.delete.setEnabled(writable and self.list.count() > 0)

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())
                if isinstance(self.list.item(i).data(_SEARCH_ROLE), SavedSearch)]

    def _clicked(self, item: QListWidgetItem) -> None:
        search = item.data(_SEARCH_ROLE)
        if isinstance(search, SavedSearch):
            self.chosen.emit(search)

    def _delete_current(self) -> None:
        item = self.list.currentItem()
        if item is not None and isinstance(item.data(_SEARCH_ROLE), SavedSearch):
            self.deleteRequested.emit(item.text())
