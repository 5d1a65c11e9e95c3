"""An article's history as a table: when, which field, old and new value, and who changed it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from archive_app.domain.model import HistoryItem
from archive_app.gui.common.display import stamp
from archive_app.gui.common.field_values import display, field_label
from archive_app.gui.common.i18n import translate

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
WHEN, CHANGE, FIELD, OLD, NEW, USER = range(6)


def history_titles() -> tuple[str, ...]:
    return (
        translate("History", "When"),
        translate("History", "Change"),
        translate("History", "Field"),
        translate("History", "Old value"),
        translate("History", "New value"),
        translate("History", "By"),
    )


def kind_name(kind: str) -> str:
    """What sort of change left a value: an edit, a bulk change, an undo…"""
    return {
        "edit": translate("History", "edit"),
        "bulk": translate("History", "bulk change"),
        "undo": translate("History", "undo"),
        "redo": translate("History", "redo"),
        "merge": translate("History", "people merged"),
        "split": translate("History", "person split"),
        "signoff": translate("History", "sign-off code"),
        "place_alias": translate("History", "place spelling"),
    }.get(kind, kind)


class HistoryModel(QAbstractTableModel):
    """Newest change first; an undone change is shown in italics and says so."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[HistoryItem] = []

    def set_items(self, items: Sequence[HistoryItem]) -> None:
        self.beginResetModel()
        self._items = sorted(items, key=lambda item: (item.when, item.change_id), reverse=True)
        self.endResetModel()

    def item(self, row: int) -> HistoryItem:
        return self._items[row]

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 6
        ):
            return history_titles()[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.FontRole and item.undone:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.column(), limit=120)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() in (OLD, NEW):
                return self._text(item, index.column(), limit=2000)
            return item.description
        return None

    @staticmethod
    def _text(item: HistoryItem, column: int, limit: int) -> str:
        if column == WHEN:
            when = stamp(item.when)
            return (
                translate("History", "{when} (undone)").format(when=when) if item.undone else when
            )
        if column == CHANGE:
            return kind_name(item.kind)
        if column == FIELD:
            return field_label(item.field)
        if column == OLD:
            return display(item.field, item.old, limit)
        if column == NEW:
            return display(item.field, item.new, limit)
        return item.user
