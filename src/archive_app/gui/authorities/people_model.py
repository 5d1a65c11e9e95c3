"""The people authority as a table: name, other spellings, roles with counts, articles, codes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from archive_app.domain.model import PersonInfo
from archive_app.gui.common.display import role_name
from archive_app.gui.common.i18n import number, translate
from archive_app.gui.common.row_model import Column, RowModel

NAME, ALIASES, ROLES, ARTICLES, CODES = range(5)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # numbers sort as numbers, names without case


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


COLUMNS: tuple[Column[PersonInfo], ...] = (
    (lambda: translate("People", "Name"), lambda person: person.name),
    (lambda: translate("People", "Other spellings"), lambda person: ", ".join(person.aliases)),
    (lambda: translate("People", "Roles"), lambda person: roles_text(person.roles)),
    (lambda: translate("People", "Articles"), lambda person: number(person.articles)),
    (lambda: translate("People", "Sign-off codes"), lambda p: codes_text(p.signoff_codes)),
)


class PeopleModel(RowModel[PersonInfo]):
    """One row per person in the authority."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)

    def set_people(self, people: Sequence[PersonInfo]) -> None:
        self.set_rows(people)

    def person(self, row: int) -> PersonInfo:
        return self.row(row)

    def row_of(self, name: str) -> int | None:
        return next((row for row, p in enumerate(self.rows) if p.name == name), None)

    def cell(self, row: PersonInfo, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            if column == ARTICLES:
                return row.articles
            return str(super().cell(row, column, Qt.ItemDataRole.DisplayRole)).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ARTICLES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().cell(row, column, role)
