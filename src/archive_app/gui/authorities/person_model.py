"""A two-level model of a person's articles: roles (As reporter, 12) over their articles."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from archive_app.domain.model import ArticleSummary
from archive_app.gui.authorities.person_data import PersonArticles
from archive_app.gui.common.display import role_group, short_date
from archive_app.gui.common.grouped_model import ROOT as _ROOT
from archive_app.gui.common.grouped_model import GroupedModel, ModelIndex
from archive_app.gui.common.i18n import number, translate
from archive_app.gui.search.results_model import ARTICLE_ID_ROLE

TITLE, DATE, SITE = range(3)


class PersonModel(GroupedModel):
    """Role groups are top-level rows (internal id 0); articles are children (group row + 1)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[ArticleSummary]]] = []

    def set_person(self, person: PersonArticles | None) -> None:
        self.beginResetModel()
        self._groups = list(person.by_role.items()) if person is not None else []
        self.endResetModel()

    def article_at(self, index: ModelIndex) -> int | None:
        value = index.data(ARTICLE_ID_ROLE) if index.isValid() else None
        return value if isinstance(value, int) else None

    def group_count(self) -> int:
        return len(self._groups)

    def item_count(self, group: int) -> int:
        return len(self._groups[group][1])

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = (
                translate("Results", "Title"),
                translate("Results", "Date"),
                translate("Results", "Site"),
            )
            return titles[section] if 0 <= section < len(titles) else None
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            key, articles = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == TITLE:
                return translate("Person", "{role} ({n})").format(
                    role=role_group(key), n=number(len(articles))
                )
            return None
        summary = self._groups[index.internalId() - 1][1][index.row()]
        if role == ARTICLE_ID_ROLE:
            return summary.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == TITLE:
                return summary.title or translate("Results", "(untitled)")
            if index.column() == DATE:
                return short_date(summary.published)[:10]
            return summary.site or ""
        return None
