"""The query language on one screen, over the window under the search box; examples are clickable.

It is a child of the window, not a popup window: it needs no window manager (and shows in a
screenshot of the window), and Esc or a click elsewhere closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QLabel, QPushButton, QWidget

from archive_app.domain.query import CHEAT_SHEET
from archive_app.gui.common.i18n import translate


def meaning(text: str) -> str:
    """A cheat-sheet meaning in the interface language (catalogued in qt_texts.py)."""
    return translate("CheatSheet", text)


class CheatSheet(QFrame):
    """Emits `exampleChosen(example)` when a person clicks an example to try it."""

    exampleChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cheatSheet")
        self.setAccessibleName(translate("Search", "Search language cheat sheet"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 12, 14, 12)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        title = QLabel(translate("Search", "How to write a search"), self)
        title.setObjectName("cheatSheetTitle")
        grid.addWidget(title, 0, 0, 1, 2)
        self.examples: list[QPushButton] = []
        self._toggle: QWidget | None = None
        for row, (example, explained) in enumerate(CHEAT_SHEET, start=1):
            button = QPushButton(example, self)
            button.setObjectName("cheatExample")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAccessibleName(translate("Search", "Try {example}").format(example=example))
            # several examples share a line ("title:  body:"): the first one is what it tries
            button.clicked.connect(
                lambda _checked=False, text=example: self.exampleChosen.emit(_first(text))
            )
            label = QLabel(meaning(explained), self)
            label.setObjectName("cheatMeaning")
            label.setWordWrap(True)
            label.setMinimumWidth(300)
            grid.addWidget(button, row, 0)
            grid.addWidget(label, row, 1)
            self.examples.append(button)
        hint = QLabel(translate("Search", "Click an example to try it. Esc closes this."), self)
        hint.setObjectName("cheatMeaning")
        grid.addWidget(hint, len(CHEAT_SHEET) + 1, 0, 1, 2)
        self.hide()

    def show_under(self, anchor: QWidget, toggle: QWidget | None = None) -> None:
        """Open over the window, below `anchor`, kept inside the window; a click on `toggle`
        (the button that opens it) is left to that button."""
        self._toggle = toggle
        window = anchor.window()
        if self.parentWidget() is not window:
            self.setParent(window)
        self.adjustSize()
        below = anchor.mapTo(window, QPoint(0, anchor.height() + 4))
        x = max(min(below.x(), window.width() - self.width() - 4), 4)
        self.move(x, below.y())
        self.raise_()
        self.show()
        self.examples[0].setFocus(Qt.FocusReason.PopupFocusReason)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def hideEvent(self, event: QHideEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # a click anywhere else closes the sheet, as a popup would
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and watched is not self._toggle
        ):
            inside = self.rect().contains(self.mapFromGlobal(event.globalPosition().toPoint()))
            if not inside:
                self.hide()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


def _first(example: str) -> str:
    """The first example of a line; a bare field name ("title:") gets a word to search."""
    first = example.split("  ")[0].strip()
    return first + "banjir" if first.endswith(":") else first
