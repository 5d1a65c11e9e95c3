"""The sidebar catalogue as a tree with counts; articles dragged onto a collection drop in it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from archive_app.domain.query import REVIEW_ANY
from archive_app.domain.review import REVIEW_KINDS
from archive_app.gui.catalogue.data import CatalogueData, ReviewCounts
from archive_app.gui.common.display import review_kind_name, review_short_name
from archive_app.gui.common.drops import ARTICLE_IDS, article_ids
from archive_app.gui.common.i18n import number, translate

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
NAME, COUNT = range(2)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # (kind, key): ("collection", "Banjir/Jakarta")
GROUP, COLLECTION, SMART, TAG, EMPTY = "group", "collection", "smart", "tag", "empty"
# the built-in "Needs review" smart collection (key "any") and a child per kind of flag
REVIEW = "review"


@dataclass(eq=False, slots=True)
class Node:
    """One row: a group heading, a collection, a smart collection, a tag, or "none yet"."""

    kind: str
    name: str
    key: str = ""  # the collection's path, the saved search's name, the tag
    count: int | None = None
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    number: int = 0  # position in the model's node list (the index's internal id)
    detail: str = ""  # a smart collection's query
    row: int = 0  # position among its siblings (a group's is its number)


def group_names() -> dict[str, str]:
    return {
        COLLECTION: translate("Catalogue", "Collections"),
        SMART: translate("Catalogue", "Smart collections"),
        TAG: translate("Catalogue", "Tags"),
    }


class CatalogueModel(QAbstractItemModel):
    """Three groups, always shown (an empty one says so); a collection's count is its own
    articles, which is what clicking it lists."""

    articlesDropped = Signal(str, object)  # (collection path, [article ids])

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[Node] = []
        self._nodes: list[Node] = []
        self._active: set[tuple[str, str]] = set()
        self.set_data(CatalogueData())

    # -- what the controller sets ---------------------------------------------------------

    def set_data(self, data: CatalogueData) -> None:
        self.beginResetModel()
        self._nodes = []
        self._groups = [self._node(GROUP, name, key) for key, name in group_names().items()]
        for position, group in enumerate(self._groups):
            group.number = group.row = position  # made first: their internal id is their row
        collections, smart, tags = self._groups
        by_path: dict[str, Node] = {}
        for info in data.collections:
            self._collection(collections, by_path, info.path, info.articles)
        if data.review is not None:
            self._review(smart, data.review)
        for entry in data.smart:
            self._child(
                smart, SMART, entry.search.name, entry.search.name, entry.count, entry.search.query
            )
        for name, count in data.tags:
            self._child(tags, TAG, name, name, count)
        for group in self._groups:
            if not group.children:
                self._child(group, EMPTY, translate("Catalogue", "none yet"))
        self.endResetModel()

    def _node(
        self,
        kind: str,
        name: str,
        key: str = "",
        count: int | None = None,
        parent: Node | None = None,
        detail: str = "",
    ) -> Node:
        node = Node(kind, name, key, count, parent, number=len(self._nodes), detail=detail)
        self._nodes.append(node)
        return node

    def _child(
        self,
        parent: Node,
        kind: str,
        name: str,
        key: str = "",
        count: int | None = None,
        detail: str = "",
    ) -> Node:
        node = self._node(kind, name, key, count, parent, detail)
        node.row = len(parent.children)
        parent.children.append(node)
        return node

    def _collection(self, group: Node, by_path: dict[str, Node], path: str, count: int) -> Node:
        parent_path, _sep, name = path.rpartition("/")
        parent = group
        if parent_path:  # parents come first; one missing is drawn empty rather than lost
            parent = by_path.get(parent_path) or self._collection(group, by_path, parent_path, 0)
        node = by_path.get(path)
        if node is None:
            node = by_path[path] = self._child(parent, COLLECTION, name, path, count)
        else:
            node.count = count
        return node

    def _review(self, group: Node, counts: ReviewCounts) -> None:
        """The importer's doubts as a smart collection: the total, then each kind found."""
        queue = self._child(
            group,
            REVIEW,
            translate("Catalogue", "Needs review"),
            REVIEW_ANY,
            counts.total,
            f"review:{REVIEW_ANY}",
        )
        found = dict(counts.kinds)
        for kind in (*REVIEW_KINDS, *(k for k in found if k not in REVIEW_KINDS)):
            if found.get(kind):
                self._child(
                    queue, REVIEW, review_short_name(kind), kind, found[kind], f"review:{kind}"
                )

    def set_active(self, active: Iterable[tuple[str, str]]) -> None:
        """Draw the collection, tags or review queue that list the results now in bold."""
        self._active = set(active)
        for node in self._nodes:
            if node.kind in (COLLECTION, TAG, REVIEW):
                index = self.createIndex(node.row, NAME, node.number)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.FontRole])

    def item(self, index: ModelIndex) -> tuple[str, str]:
        """(kind, key) of a row; ("", "") for none."""
        if not index.isValid():
            return "", ""
        node = self._nodes[index.internalId()]
        return node.kind, node.key

    def find(self, kind: str, key: str) -> QModelIndex:
        for node in self._nodes:
            if node.kind == kind and node.key == key:
                return self.createIndex(node.row, NAME, node.number)
        return QModelIndex()

    def row_total(self) -> int:
        """Every row, as drawn with every group and collection open."""
        return len(self._nodes)

    def collection_paths(self) -> list[str]:
        return [n.key for n in self._nodes if n.kind == COLLECTION]

    # -- the Qt model interface ---------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, self._groups[row].number)
        node = self._nodes[parent.internalId()].children[row]
        return self.createIndex(row, column, node.number)

    def parent(self, child: ModelIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        parent = self._nodes[child.internalId()].parent
        if parent is None:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent.number)

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0:
            return 0
        return len(self._nodes[parent.internalId()].children)

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 2

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        kind = self._nodes[index.internalId()].kind
        if kind == EMPTY:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsDropEnabled if kind == COLLECTION else flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        column = index.column()
        if role == ITEM_ROLE:
            return (node.kind, node.key)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return node.name
            return number(node.count) if node.count is not None else ""
        if role == Qt.ItemDataRole.FontRole and column == NAME:
            if node.kind == EMPTY or (node.kind, node.key) in self._active:
                font = QFont()
                font.setItalic(node.kind == EMPTY)
                font.setBold(node.kind != EMPTY)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(node)
        return None

    @staticmethod
    def _describe(node: Node) -> str | None:
        count = number(node.count or 0)
        if node.kind == COLLECTION:
            return translate(
                "Catalogue",
                "{path}: {n} articles — choose it to list them, drop articles here to add them",
            ).format(path=node.key, n=count)
        if node.kind == SMART:
            if node.count is None:
                return translate("Catalogue", "{query} — this search no longer runs").format(
                    query=node.detail
                )
            return translate("Catalogue", "{query} — finds {n} articles now").format(
                query=node.detail, n=count
            )
        if node.kind == TAG:
            return translate(
                "Catalogue", "Tag {tag}: {n} articles — choose it to filter by it"
            ).format(tag=node.key, n=count)
        if node.kind == REVIEW and node.key == REVIEW_ANY:
            if not node.count:
                return translate(
                    "Catalogue", "Nothing needs review: the importer was sure of every article"
                )
            return translate(
                "Catalogue",
                "{n} articles the importer was unsure of — choose it to list them ({query})",
            ).format(n=count, query=node.detail)
        if node.kind == REVIEW:
            return translate(
                "Catalogue", "{kind}: {n} articles — choose it to list them ({query})"
            ).format(kind=review_kind_name(node.key), n=count, query=node.detail)
        return node.name

    # -- dropping articles onto a collection ------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_IDS]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        kind, _key = self.item(parent)
        return kind == COLLECTION and row < 0 and bool(article_ids(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        self.articlesDropped.emit(self.item(parent)[1], article_ids(data))
        return True
