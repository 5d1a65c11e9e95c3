"""The people authority as a table: name, other spellings, roles with counts, articles, codes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from archive_app.domain.model import PersonInfo
from archive_app.gui.common.display import role_name
from archive_app.gui.common.i18n import number, translate

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
NAME, ALIASES, ROLES, ARTICLES, CODES = range(5)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # numbers sort as numbers, names without case


def people_titles() -> tuple[str, ...]:
    return (
        translate("People", "Name"),
        translate("People", "Other spellings"),
        translate("People", "Roles"),
        translate("People", "Articles"),
        translate("People", "Sign-off codes"),
    )


def roles_text(roles: dict[str, int]) -> str:
    """ "reporter 12 · editor 2", the most frequent role first."""
    ordered = sorted(roles.items(), key=lambda item: (-item[1], item[0]))
    return " · ".join(f"{role_name(role)} {number(count)}" for role, count in ordered)


def codes_text(codes: Sequence[str]) -> str:
    """ "chi@jpnn.com" as "chi (jpnn.com)"."""
    shown = []
    for code in codes:
        name, _sep, site = code.partition("@")
        shown.append(f"{name} ({site})" if site else name)
    return ", ".join(shown)


class PeopleModel(QAbstractTableModel):
    """One row per person in the authority."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people: list[PersonInfo] = []

    def set_people(self, people: Sequence[PersonInfo]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def person(self, row: int) -> PersonInfo:
        return self._people[row]

    def row_of(self, name: str) -> int | None:
        return next((row for row, p in enumerate(self._people) if p.name == name), None)

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 5
        ):
            return people_titles()[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person, column = self._people[index.row()], index.column()
        if role == SORT_ROLE:
            if column == ARTICLES:
                return person.articles
            return str(self.data(index)).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ARTICLES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == NAME:
            return person.name
        if column == ALIASES:
            return ", ".join(person.aliases)
        if column == ROLES:
            return roles_text(person.roles)
        if column == ARTICLES:
            return number(person.articles)
        return codes_text(person.signoff_codes)
