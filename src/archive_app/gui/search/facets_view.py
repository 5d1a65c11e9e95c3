"""The facet tree in the sidebar: a click (or Space) on a value toggles its filter."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from archive_app.gui.common.i18n import translate
from archive_app.gui.search.facet_model import COUNT, NAME, FacetModel


class FacetsView(QTreeView):
    """Emits `filterToggled(Filter)`; groups open by themselves when new counts arrive."""

    filterToggled = Signal(object)

    def __init__(self, model: FacetModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facets")
        self.setAccessibleName(translate("Facets", "Narrow the results"))
        self.setAccessibleDescription(
            translate(
                "Facets",
                "Sites, years, languages, places, people and tags in the results, with "
                "counts; choose one to filter by it, choose it again to remove the filter",
            )
        )
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setIndentation(14)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
        model.modelReset.connect(self.expandAll)
        self.clicked.connect(self._toggle)

    def facet_model(self) -> FacetModel:
        model = self.model()
        assert isinstance(model, FacetModel)
        return model

    def _toggle(self, index: QModelIndex) -> None:
        chosen = self.facet_model().filter_at(index.siblingAtColumn(NAME))
        if chosen is not None:
            self.filterToggled.emit(chosen)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._toggle(self.currentIndex())
            return
        super().keyPressEvent(event)
