"""The active filters as chips under the search box; clicking a chip removes its filter."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from archive_app.gui.common.focus import chain_tabs
from archive_app.gui.common.i18n import translate
from archive_app.gui.search.filters import Filter


class FilterBar(QWidget):
    """Hidden while no filter is on; emits `removeRequested(Filter)` and `clearRequested`."""

    removeRequested = Signal(object)
    clearRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.setAccessibleName(translate("Filters", "Active filters"))
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.chips: list[QToolButton] = []
        self.tab_after: QWidget | None = None  # the control Tab visits just before the chips
        self.title = QLabel(translate("Filters", "Filtered by:"), self)
        self.title.setObjectName("resultCount")
        self.clear = QToolButton(self)
        self.clear.setObjectName("clearFilters")
        self.clear.setText(translate("Filters", "Clear all"))
        self.clear.setAccessibleName(translate("Filters", "Remove every filter"))
        self.clear.clicked.connect(self.clearRequested)
        self.hide()

    def set_filters(self, filters: Iterable[Filter]) -> None:
        while self._layout.count():
            self._layout.takeAt(0)
        for chip in self.chips:
            chip.deleteLater()
        self.chips = []
        self._layout.addWidget(self.title)
        for chosen in filters:
            chip = QToolButton(self)
            chip.setObjectName("chip")
            chip.setText(f"{chosen.label}  ✕")
            chip.setToolTip(translate("Filters", "Remove this filter"))
            chip.setAccessibleName(
                translate("Filters", "Remove filter {label}").format(label=chosen.label)
            )
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.clicked.connect(lambda _c=False, f=chosen: self.removeRequested.emit(f))
            self._layout.addWidget(chip)
            self.chips.append(chip)
        self.clear.setVisible(len(self.chips) > 1)
        self._layout.addWidget(self.clear)
        self._layout.addStretch(1)
        # new chips would come last in Tab order (Qt orders by creation): put them in place
        chain_tabs(*([self.tab_after] if self.tab_after else []), *self.chips, self.clear)
        self.setVisible(bool(self.chips))
