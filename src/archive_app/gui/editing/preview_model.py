"""What a bulk change or a find-and-replace would do, article by article: old and new value."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt

from archive_app.gui.common.diff_text import marked_items, marked_pair
from archive_app.gui.common.field_values import display
from archive_app.gui.common.html_delegate import HTML_ROLE
from archive_app.gui.common.i18n import translate
from archive_app.gui.common.row_model import Column, ModelIndex, RowModel

ARTICLE, OLD, NEW = range(3)


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One article a change would touch, with its field's value before and after."""

    article_id: int
    title: str
    field: str
    old: Any
    new: Any


def _title(row: PreviewRow) -> str:
    return row.title or translate("Preview", "article {id}").format(id=row.article_id)


COLUMNS: tuple[Column[PreviewRow], ...] = (
    (lambda: translate("Preview", "Article"), _title),
    (lambda: translate("Preview", "Now"), lambda row: display(row.field, row.old, 200)),
    (
        lambda: translate("Preview", "After the change"),
        lambda row: display(row.field, row.new, 200),
    ),
)


class PreviewModel(RowModel[PreviewRow]):
    """A read-only table of PreviewRows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)
        self._html: dict[int, tuple[str, str]] = {}

    def set_rows(self, rows: Sequence[PreviewRow]) -> None:
        self._html = {}
        super().set_rows(rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == HTML_ROLE
            and index.isValid()
            and 0 <= index.row() < self.rowCount()
            and index.column() in (OLD, NEW)
        ):
            return self._marked(index.row())[index.column() - OLD]
        return super().data(index, role)

    def cell(self, row: PreviewRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column in (OLD, NEW):
            return display(row.field, row.old if column == OLD else row.new, 3000)
        return super().cell(row, column, role)

    def _marked(self, number: int) -> tuple[str, str]:
        """The old and new value as HTML, what changed marked (worked out once per row)."""
        found = self._html.get(number)
        if found is None:
            row = self.row(number)
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
