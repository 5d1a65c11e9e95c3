"""An article's history as a table: when, which field, old and new value, and who changed it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from archive_app.domain.model import HistoryItem
from archive_app.gui.common.display import stamp
from archive_app.gui.common.field_values import display, field_label
from archive_app.gui.common.i18n import translate
from archive_app.gui.common.row_model import Column, RowModel

WHEN, CHANGE, FIELD, OLD, NEW, USER = range(6)


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


def _when(item: HistoryItem) -> str:
    when = stamp(item.when)
    return translate("History", "{when} (undone)").format(when=when) if item.undone else when


COLUMNS: tuple[Column[HistoryItem], ...] = (
    (lambda: translate("History", "When"), _when),
    (lambda: translate("History", "Change"), lambda item: kind_name(item.kind)),
    (lambda: translate("History", "Field"), lambda item: field_label(item.field)),
    (lambda: translate("History", "Old value"), lambda item: display(item.field, item.old, 120)),
    (lambda: translate("History", "New value"), lambda item: display(item.field, item.new, 120)),
    (lambda: translate("History", "By"), lambda item: item.user),
)


class HistoryModel(RowModel[HistoryItem]):
    """Newest change first; an undone change is shown in italics and says so."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)

    def set_items(self, items: Sequence[HistoryItem]) -> None:
        self.set_rows(sorted(items, key=lambda item: (item.when, item.change_id), reverse=True))

    def item(self, row: int) -> HistoryItem:
        return self.row(row)

    def cell(self, row: HistoryItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.undone:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (OLD, NEW):
                return display(row.field, row.old if column == OLD else row.new, 2000)
            return row.description
        return super().cell(row, column, role)
