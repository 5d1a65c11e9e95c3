"""A two-level Qt item model: groups at the top, their items one level below."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

ModelIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class GroupedModel(QAbstractItemModel):
    """Indexes for groups and their items; subclasses say how many of each and what they show.

    A group's index carries internal id 0, an item's carries its group's row + 1: that is all
    a two-level tree needs to find a parent, without keeping Python objects alive for Qt.
    """

    def group_count(self) -> int:
        raise NotImplementedError

    def item_count(self, group: int) -> int:
        raise NotImplementedError

    def index(self, row: int, column: int, parent: ModelIndex = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: ModelIndex = ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: ModelIndex = ROOT) -> int:
        if not parent.isValid():
            return self.group_count()
        if parent.internalId() == 0 and parent.column() == 0:
            return self.item_count(parent.row())
        return 0
