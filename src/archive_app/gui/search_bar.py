"""The search row: a query field that searches as you type, its inline error and a count."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from archive_app.gui.drops import local_paths

DEBOUNCE_MS = 250  # long enough to skip the keystrokes of one word, short enough to feel live
PLACEHOLDER = 'Search titles, text, people, places — "exact phrase", site:jpnn.com'


class SearchField(QLineEdit):
    """A line edit that lets dragged files fall through to the window (which imports them)."""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.ignore()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event.mimeData()):
            event.ignore()
            return
        super().dragMoveEvent(event)


class SearchBar(QWidget):
    """Emits `submitted(query)` 250 ms after typing stops, or at once on Enter."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = SearchField(self)
        self.field.setObjectName("searchField")
        self.field.setAccessibleName("Search the archive")
        self.field.setPlaceholderText(PLACEHOLDER)
        self.field.setClearButtonEnabled(True)
        self.field.setToolTip(
            'Every word must match. "Quotes" find an exact phrase; title:, body:, people:, '
            "place:, site: and date: search one field."
        )
        self.error = QLabel(self)
        self.error.setObjectName("searchError")
        self.error.setAccessibleName("Search error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        self.count = QLabel(self)
        self.count.setObjectName("resultCount")
        self.count.setAccessibleName("Number of articles")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.field, 3)
        layout.addWidget(self.error, 2)
        layout.addWidget(self.count, 0)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._submit)
        self.field.textEdited.connect(self._timer.start)
        self.field.returnPressed.connect(self._submit)

    @property
    def query(self) -> str:
        return self.field.text()

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def _submit(self) -> None:
        self._timer.stop()
        self.submitted.emit(self.field.text())

    def show_error(self, message: str, position: int | None = None) -> None:
        """Say what is wrong with the query beside it (the cursor stays where the person types)."""
        where = f" (at character {position + 1})" if position is not None else ""
        self.error.setText(f"⚠ {message}{where}")
        self.error.setToolTip(self.error.text())
        self.error.show()
        self._set_invalid(True)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        self._set_invalid(False)

    def show_count(self, text: str) -> None:
        self.count.setText(text)

    def _set_invalid(self, invalid: bool) -> None:
        if self.field.property("invalid") == invalid:
            return
        self.field.setProperty("invalid", invalid)
        # a dynamic property selector in the stylesheet applies only after a re-polish
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)
