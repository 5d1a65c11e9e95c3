"""The find-in-article bar under the reader: type to mark, Enter for next, Esc to close."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from archive_app.gui.common.i18n import translate


class FindField(QLineEdit):
    """Claims Esc and Shift+Enter before the window's shortcuts see them."""

    closeRequested = Signal()
    previousRequested = Signal()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.closeRequested.emit()
            return
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.previousRequested.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Emits `searched(text)`, `stepped(+1 or -1)` and `closed()`; shows "3 of 9"."""

    searched = Signal(str)
    stepped = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.field = FindField(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(translate("Reader", "Find in this article"))
        self.field.setAccessibleName(translate("Reader", "Find in this article"))
        self.field.textChanged.connect(self.searched)
        self.field.returnPressed.connect(lambda: self.stepped.emit(1))
        self.field.previousRequested.connect(lambda: self.stepped.emit(-1))
        self.field.closeRequested.connect(self.close_bar)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setAccessibleName(translate("Reader", "Matches in the article"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        for text, name, step in (
            ("↑", translate("Reader", "Previous match"), -1),
            ("↓", translate("Reader", "Next match"), 1),
        ):
            button = QToolButton(self)
            button.setObjectName("readerButton")
            button.setText(text)
            button.setToolTip(name)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _c=False, s=step: self.stepped.emit(s))
            layout.addWidget(button)
        close = QToolButton(self)
        close.setObjectName("readerButton")
        close.setText("✕")
        close.setToolTip(translate("Reader", "Close (Esc)"))
        close.setAccessibleName(translate("Reader", "Close the find bar"))
        close.clicked.connect(self.close_bar)
        layout.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self.searched.emit(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int) -> None:
        if not self.field.text():
            self.count.clear()
        elif not total:
            self.count.setText(translate("Reader", "not found"))
        elif current:
            self.count.setText(translate("Reader", "{n} of {total}").format(n=current, total=total))
        else:
            self.count.setText(translate("Reader", "{total} found").format(total=total))
