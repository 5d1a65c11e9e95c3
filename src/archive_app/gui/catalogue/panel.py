"""The catalogue in the sidebar: choose or make collections and smart ones, take dropped rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from archive_app.gui.catalogue.model import (
    COLLECTION,
    COUNT,
    NAME,
    REVIEW,
    SMART,
    TAG,
    CatalogueModel,
)
from archive_app.gui.common.i18n import translate


class CatalogueTree(QTreeView):
    """Enter or Space chooses the current row; Delete asks to delete a smart collection."""

    chosen = Signal(QModelIndex)
    deleteRequested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit(self.currentIndex())
            return
        if event.key() == Qt.Key.Key_Delete:
            self.deleteRequested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class CataloguePanel(QWidget):
    """Emits what the person asks for; the catalogue controller does it."""

    collectionChosen = Signal(str)
    smartChosen = Signal(str)  # the saved search's name
    reviewChosen = Signal(str)  # "any" or a kind of review flag
    tagChosen = Signal(str)
    newCollectionRequested = Signal(str)  # the parent's path ("" for a top-level one)
    saveRequested = Signal()
    deleteRequested = Signal(str)  # a saved search's name
    exportRequested = Signal(str)  # a collection's path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CatalogueModel(self)
        self.tree = CatalogueTree(self)
        self.tree.setObjectName("catalogue")
        self.tree.setAccessibleName(
            translate("Catalogue", "Collections, smart collections and tags")
        )
        self.tree.setAccessibleDescription(
            translate(
                "Catalogue",
                "Choose one to list its articles; drop articles from the results on a "
                "collection to add them",
            )
        )
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # drops land on a collection, never between rows
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.tree.setDragDropOverwriteMode(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.model.modelReset.connect(self.tree.expandAll)
        self.tree.clicked.connect(self._choose)
        self.tree.chosen.connect(self._choose)
        self.tree.deleteRequested.connect(self._delete)
        self.tree.customContextMenuRequested.connect(self._menu)
        # a narrow sidebar: "New" opens a menu of what can be made, as in a mail client
        self.new_collection = QAction(translate("Catalogue", "New collection…"), self)
        self.new_collection.triggered.connect(
            lambda: self.newCollectionRequested.emit(self._parent_path())
        )
        self.save_search = QAction(
            translate("Catalogue", "Save the current search as a smart collection…"), self
        )
        self.save_search.triggered.connect(self.saveRequested.emit)
        self.new = self._button(
            translate("Catalogue", "New"),
            translate("Catalogue", "Make a collection or a smart collection"),
            None,
        )
        new_menu = QMenu(self.new)
        new_menu.addAction(self.new_collection)
        new_menu.addAction(self.save_search)
        self.new.setMenu(new_menu)
        self.new.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.delete = self._button(
            translate("Catalogue", "Delete"),
            translate("Catalogue", "Delete the chosen smart collection"),
            lambda: self._delete(self.tree.currentIndex()),
        )
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(0)
        buttons.addWidget(self.new)
        buttons.addStretch(1)
        buttons.addWidget(self.delete)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.tree, 1)
        column.addLayout(buttons)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._writable = True
        self._update_buttons()

    def _button(self, text: str, name: str, slot: Callable[[], object] | None) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("sidebarButton")
        button.setText(text)
        button.setToolTip(name)
        button.setAccessibleName(name)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    def set_writable(self, writable: bool) -> None:
        """A read-only library lists and filters but changes nothing."""
        self._writable = writable
        self.tree.setAcceptDrops(writable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        kind, _key = self.model.item(self.tree.currentIndex())
        self.new.setEnabled(self._writable)
        self.delete.setEnabled(self._writable and kind == SMART)

    def _parent_path(self) -> str:
        kind, key = self.model.item(self.tree.currentIndex())
        return key if kind == COLLECTION else ""

    def smart_names(self) -> list[str]:
        group = self.model.index(1, 0)
        return [
            key
            for row in range(self.model.rowCount(group))
            for kind, key in [self.model.item(self.model.index(row, 0, group))]
            if kind == SMART
        ]

    def _choose(self, index: QModelIndex) -> None:
        kind, key = self.model.item(index.siblingAtColumn(NAME))
        signal = {
            COLLECTION: self.collectionChosen,
            SMART: self.smartChosen,
            TAG: self.tagChosen,
            REVIEW: self.reviewChosen,
        }.get(kind)
        if signal is not None:
            signal.emit(key)

    def _delete(self, index: QModelIndex) -> None:
        kind, key = self.model.item(index.siblingAtColumn(NAME))
        if kind == SMART and self._writable:
            self.deleteRequested.emit(key)

    def _menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        kind, key = self.model.item(index.siblingAtColumn(NAME))
        menu = QMenu(self)
        if kind == COLLECTION:
            menu.addAction(
                translate("Catalogue", "List its articles"), lambda: self.collectionChosen.emit(key)
            )
            menu.addAction(
                translate("Catalogue", "New collection inside it…"),
                lambda: self.newCollectionRequested.emit(key),
            ).setEnabled(self._writable)
            menu.addAction(
                translate("Catalogue", "Export it…"), lambda: self.exportRequested.emit(key)
            )
        elif kind == SMART:
            menu.addAction(
                translate("Catalogue", "Run the search"), lambda: self.smartChosen.emit(key)
            )
        elif kind == REVIEW:
            menu.addAction(
                translate("Catalogue", "List the articles to review"),
                lambda: self.reviewChosen.emit(key),
            )
            menu.addAction(
                translate("Catalogue", "Delete"), lambda: self.deleteRequested.emit(key)
            ).setEnabled(self._writable)
        else:
            menu.addAction(
                translate("Catalogue", "New collection…"),
                lambda: self.newCollectionRequested.emit(""),
            ).setEnabled(self._writable)
        menu.popup(self.tree.viewport().mapToGlobal(point))
