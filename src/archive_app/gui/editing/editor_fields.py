"""The editor's building blocks: a field with room for its error, and tables for list fields."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_app.gui.common.i18n import translate

Column = tuple[str, str]  # (key in the value, column title)
Choices = Sequence[tuple[str, str]]  # (stored value, label shown)


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Draw (or stop drawing) a widget in the error colours of the stylesheet."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class FieldRow(QWidget):
    """An input with a hint line under it (how a date reads) and an error line when refused."""

    def __init__(
        self,
        field: str,
        widget: QWidget,
        editor: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.field = field
        # the input drawn in error colours and focused (a table inside its buttons' frame)
        self.editor = editor if editor is not None else widget
        self.hint = QLabel(self)
        self.hint.setObjectName("fieldHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.hint)
        column.addWidget(self.error)

    def show_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def mark(self, message: str) -> None:
        self.hint.hide()  # how the refused text would read says nothing: it was refused
        self.error.setText(message)
        self.error.show()
        self.editor.setAccessibleDescription(message)
        set_invalid(self.editor, True)

    def clear(self) -> None:
        self.error.clear()
        self.error.hide()
        self.editor.setAccessibleDescription("")
        set_invalid(self.editor, False)

    @property
    def marked(self) -> bool:
        return self.error.isVisibleTo(self)


class ListTable(QWidget):
    """Rows of a list field (people, related links, photos) with Add and Remove buttons.

    A column with choices (a person's role) is a drop-down; `fixed` tables (photos, which
    are edited by position) have no buttons.
    """

    def __init__(
        self,
        name: str,
        columns: Sequence[Column],
        choices: dict[str, Choices] | None = None,
        fixed: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.choices = choices or {}
        self.fixed = fixed
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setObjectName("editorTable")
        self.table.setAccessibleName(name)
        # Tab leaves the table (the arrows move between cells, typing or F2 edits one): a Tab
        # from cell to cell would keep a keyboard user in it
        self.table.setTabKeyNavigation(False)
        self.table.setHorizontalHeaderLabels([title for _key, title in self.columns])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for number, (key, _title) in enumerate(self.columns):
            mode = (
                QHeaderView.ResizeMode.ResizeToContents
                if key in self.choices
                else QHeaderView.ResizeMode.Stretch
            )
            header.setSectionResizeMode(number, mode)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        self.add = QPushButton(translate("Editor", "Add"), self)
        self.add.setAccessibleName(translate("Editor", "Add a row to {name}").format(name=name))
        self.add.clicked.connect(lambda: self.append({}))
        self.remove = QPushButton(translate("Editor", "Remove"), self)
        self.remove.setAccessibleName(
            translate("Editor", "Remove the chosen row from {name}").format(name=name)
        )
        self.remove.clicked.connect(self._remove_current)
        if not fixed:
            buttons = QHBoxLayout()
            buttons.addWidget(self.add)
            buttons.addWidget(self.remove)
            buttons.addStretch(1)
            column.addLayout(buttons)

    def set_values(self, values: Sequence[dict[str, Any]]) -> None:
        self.table.setRowCount(0)
        for value in values:
            self.append(value)

    def append(self, value: dict[str, Any]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for number, (key, title) in enumerate(self.columns):
            text = value.get(key)
            if key in self.choices:
                box = QComboBox(self.table)
                box.setAccessibleName(title)
                for stored, label in self.choices[key]:
                    box.addItem(label, stored)
                found = box.findData(text if text is not None else self.choices[key][0][0])
                box.setCurrentIndex(max(found, 0))
                self.table.setCellWidget(row, number, box)
            else:
                self.table.setItem(row, number, QTableWidgetItem("" if text is None else str(text)))
        first = self.table.item(row, 0)
        if not value and first is not None:  # a new empty row: start typing in it
            self.table.setCurrentCell(row, 0)
            self.table.editItem(first)

    def values(self) -> list[dict[str, Any]]:
        """Each row as {key: text or None}; rows left wholly empty are dropped."""
        rows: list[dict[str, Any]] = []
        for row in range(self.table.rowCount()):
            value: dict[str, Any] = {}
            for number, (key, _title) in enumerate(self.columns):
                widget = self.table.cellWidget(row, number)
                if isinstance(widget, QComboBox):
                    value[key] = widget.currentData()
                else:
                    item = self.table.item(row, number)
                    value[key] = (item.text().strip() or None) if item is not None else None
            typed = [value[key] for key, _t in self.columns if key not in self.choices]
            if self.fixed or any(typed):  # photos keep their positions even when blank
                rows.append(value)
        return rows

    def _remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
