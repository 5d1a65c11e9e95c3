"""The search row: a query field that searches as you type, the cheat sheet, errors, a count."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from archive_app.gui.common.drops import local_paths
from archive_app.gui.common.i18n import translate
from archive_app.gui.search.catalogue_banner import CatalogueBanner
from archive_app.gui.search.cheat_sheet import CheatSheet

DEBOUNCE_MS = 250  # long enough to skip the keystrokes of one word, short enough to feel live


def sort_choices() -> tuple[tuple[str, str], ...]:
    return (
        ("relevance", translate("Search", "Best match")),
        ("newest", translate("Search", "Newest first")),
        ("oldest", translate("Search", "Oldest first")),
        ("title", translate("Search", "Title A–Z")),
    )


class SearchField(QLineEdit):
    """A line edit that passes Up/Down to the results and dragged files to the window."""

    moveRequested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            self.moveRequested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

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
    sortChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = SearchField(self)
        self.field.setObjectName("searchField")
        self.field.setAccessibleName(translate("Search", "Search the archive"))
        self.field.setAccessibleDescription(
            translate(
                "Search",
                "Searches as you type, Enter at once; Up and Down move through the results, "
                "Esc clears; Shift+F1 explains the search language",
            )
        )
        self.field.setPlaceholderText(
            translate(
                "Search", 'Search titles, text, people, places — "exact phrase", site:jpnn.com'
            )
        )
        self.field.setClearButtonEnabled(True)
        self.field.setToolTip(
            translate(
                "Search", "Every word must match. Press the ? button for the search language."
            )
        )
        self.help = QToolButton(self)
        self.help.setObjectName("cheatSheetButton")
        self.help.setText("?")
        self.help.setAccessibleName(translate("Search", "Search language cheat sheet"))
        self.help.setToolTip(translate("Search", "How to write a search"))
        self.help.clicked.connect(self.show_cheat_sheet)
        self.sort = QComboBox(self)
        self.sort.setObjectName("sortChoice")
        self.sort.setAccessibleName(translate("Search", "Sort results"))
        for key, label in sort_choices():
            self.sort.addItem(label, key)
        self.sort.currentIndexChanged.connect(
            lambda _i: self.sortChanged.emit(self.sort.currentData())
        )
        self.count = QLabel(self)
        self.count.setObjectName("resultCount")
        self.count.setAccessibleName(translate("Search", "Number of articles"))
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.error = QLabel(self)
        self.error.setObjectName("searchError")
        self.error.setAccessibleName(translate("Search", "Search error"))
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        self.suggestion = QLabel(self)
        self.suggestion.setObjectName("suggestion")
        self.suggestion.setAccessibleName(translate("Search", "Did you mean"))
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.linkActivated.connect(self._take_suggestion)
        self.suggestion.hide()
        self.catalogue = CatalogueBanner(self)
        self.cheat_sheet = CheatSheet(self)
        self.cheat_sheet.exampleChosen.connect(self._use_example)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(4)
        layout.addWidget(self.field, 0, 0)
        layout.addWidget(self.help, 0, 1)
        layout.addWidget(self.sort, 0, 2)
        layout.addWidget(self.count, 0, 3)
        layout.addWidget(self.error, 1, 0, 1, 4)
        layout.addWidget(self.suggestion, 2, 0, 1, 4)
        layout.addWidget(self.catalogue, 3, 0, 1, 4)
        layout.setColumnStretch(0, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._submit)
        self.field.textEdited.connect(self._timer.start)
        self.field.returnPressed.connect(self._submit)

    @property
    def query(self) -> str:
        return self.field.text()

    @property
    def sort_key(self) -> str:
        return str(self.sort.currentData())

    def set_sort(self, key: str) -> None:
        """Show an order without announcing it (the window already searches with it)."""
        index = self.sort.findData(key)
        if index >= 0 and index != self.sort.currentIndex():
            self.sort.blockSignals(True)
            self.sort.setCurrentIndex(index)
            self.sort.blockSignals(False)

    def set_query(self, text: str, submit: bool = True) -> None:
        self.field.setText(text)
        if submit:
            self._submit()

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def _submit(self) -> None:
        self._timer.stop()
        self.submitted.emit(self.field.text())

    def show_cheat_sheet(self) -> None:
        """Open (or, when open, close) the cheat sheet under the search box."""
        if self.cheat_sheet.isVisible():
            self.cheat_sheet.hide()
        else:
            self.cheat_sheet.show_under(self.field, self.help)

    def _use_example(self, example: str) -> None:
        self.cheat_sheet.hide()
        self.set_query(example)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_error(self, message: str, position: int | None = None) -> None:
        """Say what is wrong with the query below it (the cursor stays where the person types)."""
        where = (
            translate("Search", " (at character {n})").format(n=position + 1)
            if position is not None
            else ""
        )
        self.error.setText(f"⚠ {message}{where}")
        self.error.setToolTip(self.error.text())
        self.error.show()
        self._set_invalid(True)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        self._set_invalid(False)

    def show_suggestion(self, suggestion: str | None) -> None:
        """ "Did you mean banjir?" as a link that searches for it."""
        if not suggestion:
            self.suggestion.hide()
            return
        link = f'<a href="suggest">{html.escape(suggestion)}</a>'
        self.suggestion.setText(
            translate("Search", "Did you mean {suggestion}?").format(suggestion=link)
        )
        self.suggestion.setProperty("query", suggestion)
        self.suggestion.show()

    def _take_suggestion(self, _link: str) -> None:
        self.suggestion.hide()
        self.set_query(str(self.suggestion.property("query")))

    def show_count(self, text: str) -> None:
        self.count.setText(text)

    def _set_invalid(self, invalid: bool) -> None:
        if self.field.property("invalid") == invalid:
            return
        self.field.setProperty("invalid", invalid)
        # a dynamic property selector in the stylesheet applies only after a re-polish
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)
