"""What a bulk change or a find-and-replace would do, article by article: old and new value."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from archive_app.gui.common.diff_text import marked_items, marked_pair
from archive_app.gui.common.field_values import display
from archive_app.gui.common.html_delegate import HTML_ROLE
from archive_app.gui.common.i18n import translate

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ARTICLE, OLD, NEW = range(3)


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One article a change would touch, with its field's value before and after."""

    article_id: int
    title: str
    field: str
    old: Any
    new: Any


def preview_titles() -> tuple[str, ...]:
    return (
        translate("Preview", "Article"),
        translate("Preview", "Now"),
        translate("Preview", "After the change"),
    )


class PreviewModel(QAbstractTableModel):
    """A read-only table of PreviewRows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = []
        self._html: dict[int, tuple[str, str]] = {}

    def set_rows(self, rows: Sequence[PreviewRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._html = {}
        self.endResetModel()

    def row(self, number: int) -> PreviewRow:
        return self._rows[number]

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 3
        ):
            return preview_titles()[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == HTML_ROLE and index.column() in (OLD, NEW):
            return self._marked(index.row())[index.column() - OLD]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        limit = 200 if role == Qt.ItemDataRole.DisplayRole else 3000
        if index.column() == ARTICLE:
            return row.title or translate("Preview", "article {id}").format(id=row.article_id)
        return display(row.field, row.old if index.column() == OLD else row.new, limit)

    def _marked(self, number: int) -> tuple[str, str]:
        """The old and new value as HTML, what changed marked (worked out once per row)."""
        found = self._html.get(number)
        if found is None:
            row = self._rows[number]
            if isinstance(row.old, list) and isinstance(row.new, list) and row.field != "body":
                # tags, collections, people: what changes is whole items, not words
                found = marked_items(
                    [display(row.field, [v], 600) for v in row.old],
                    [display(row.field, [v], 600) for v in row.new],
                    display(row.field, []),
                )
            else:
                found = marked_pair(
                    display(row.field, row.old, 600), display(row.field, row.new, 600)
                )
            self._html[number] = found
        return found
