"""Places as an authority: each place with its article count and the spellings grouped under it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from archive_app.gui.common.grouped_model import ROOT as _ROOT
from archive_app.gui.common.grouped_model import GroupedModel, ModelIndex
from archive_app.gui.common.i18n import number, translate

NAME, ARTICLES = range(2)
Place = tuple[str, int, tuple[str, ...]]  # (place, articles, spellings), as the core lists them


class PlacesModel(GroupedModel):
    """Places are top-level rows, their spellings children. Internal id: 0 for a place, else
    the place's row + 1 (as the facet model does)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._places: list[Place] = []

    def set_places(self, places: Sequence[Place]) -> None:
        self.beginResetModel()
        # a place's own name is not listed again among its spellings
        self._places = [
            (name, count, tuple(s for s in spellings if s != name))
            for name, count, spellings in places
        ]
        self.endResetModel()

    def place_at(self, index: ModelIndex) -> str | None:
        """The place of a row (a spelling's row gives the place it is grouped under)."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._places[row][0]

    def names(self) -> list[str]:
        return [name for name, _count, _spellings in self._places]

    def spellings(self, place: str) -> tuple[str, ...]:
        return next((s for name, _c, s in self._places if name == place), ())

    def group_count(self) -> int:
        return len(self._places)

    def item_count(self, group: int) -> int:
        return len(self._places[group][2])

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 2
        ):
            return (
                translate("Places", "Place and its spellings"),
                translate("Places", "Articles"),
            )[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            name, count, spellings = self._places[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return name if index.column() == NAME else number(count)
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("Places", "{place}: {n} articles, {k} other spellings").format(
                    place=name, n=number(count), k=number(len(spellings))
                )
        else:
            spelling = self._places[index.internalId() - 1][2][index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return spelling if index.column() == NAME else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == ARTICLES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
