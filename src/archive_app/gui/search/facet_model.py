"""A two-level model of facet counts (Sites > jpnn.com 12); a value is checked while it filters."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, Qt

from archive_app.gui.common.display import language_name
from archive_app.gui.common.grouped_model import ROOT as _ROOT
from archive_app.gui.common.grouped_model import GroupedModel, ModelIndex
from archive_app.gui.common.i18n import number, translate
from archive_app.gui.search.filters import Filter

NAME, COUNT = range(2)
FILTER_ROLE = Qt.ItemDataRole.UserRole + 1


def facet_groups() -> tuple[tuple[str, str], ...]:
    """The facets the sidebar shows, in order, with their headings."""
    return (
        ("site", translate("Facets", "Sites")),
        ("year", translate("Facets", "Years")),
        ("language", translate("Facets", "Languages")),
        ("place", translate("Facets", "Places")),
        ("person", translate("Facets", "People")),
        ("tag", translate("Facets", "Tags")),
    )


_LABELS: dict[str, Callable[[str], str]] = {"language": language_name}


class FacetModel(GroupedModel):
    """Facet groups (site, year, place…) are top-level rows; their values are the children."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, str, list[tuple[str, int]]]] = []
        self._active: set[Filter] = set()

    def set_counts(
        self, facets: dict[str, list[tuple[str, int]]], active: Iterable[Filter] = ()
    ) -> None:
        """Show new counts (groups without values are left out)."""
        self.beginResetModel()
        self._groups = [
            (key, title, list(facets.get(key, [])))
            for key, title in facet_groups()
            if facets.get(key)
        ]
        self._active = set(active)
        self.endResetModel()

    def set_active(self, active: Iterable[Filter]) -> None:
        """Tick the values that are filtering now."""
        self._active = set(active)
        for row in range(len(self._groups)):
            parent = self.index(row, 0)
            last = self.rowCount(parent) - 1
            if last >= 0:
                self.dataChanged.emit(
                    self.index(0, NAME, parent),
                    self.index(last, COUNT, parent),
                    [Qt.ItemDataRole.CheckStateRole],
                )

    def filter_at(self, index: ModelIndex) -> Filter | None:
        value = index.data(FILTER_ROLE) if index.isValid() else None
        return value if isinstance(value, Filter) else None

    def group_key(self, row: int) -> str:
        return self._groups[row][0]

    # -- the Qt model interface -------------------------------------------------------

    def group_count(self) -> int:
        return len(self._groups)

    def item_count(self, group: int) -> int:
        return len(self._groups[group][2])

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 2

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            key, title, values = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return title if index.column() == NAME else ""
            if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == NAME:
                return translate("Facets", "{group}: {n} values").format(
                    group=title, n=number(len(values))
                )
            return None
        key, _title, values = self._groups[index.internalId() - 1]
        value, count = values[index.row()]
        chosen = Filter.from_facet(key, value)
        if role == FILTER_ROLE:
            return chosen
        label = _LABELS.get(key, str)(value)
        if role == Qt.ItemDataRole.DisplayRole:
            return label if index.column() == NAME else number(count)
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == NAME:
            return Qt.CheckState.Checked if chosen in self._active else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            state = (
                translate("Facets", "click to remove this filter")
                if chosen in self._active
                else translate("Facets", "click to filter by it")
            )
            return translate("Facets", "{value}: {n} articles — {state}").format(
                value=label, n=number(count), state=state
            )
        return None
