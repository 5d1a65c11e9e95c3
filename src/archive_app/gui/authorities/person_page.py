"""A person's page: their articles grouped by role, counts by year, and a way back."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from archive_app.gui.authorities.person_data import PersonArticles
from archive_app.gui.authorities.person_model import DATE, SITE, TITLE, PersonModel
from archive_app.gui.common.display import role_name
from archive_app.gui.common.i18n import count_text, number, translate
from archive_app.gui.search.histogram import Histogram


def years_text(person: PersonArticles) -> str:
    """ "By year: 2024 — 3 · 2025 — 64" (the chart's numbers, readable and accessible)."""
    if not person.years:
        return ""
    return translate("Person", "By year: {years}").format(
        years=" · ".join(f"{year} — {number(n)}" for year, n in person.years)
    )


def summary_text(person: PersonArticles) -> str:
    """ "14 articles · reporter 12 · editor 2"."""
    parts = [
        count_text(
            person.total,
            translate("Person", "{count} article"),
            translate("Person", "{count} articles"),
        )
    ]
    parts += [f"{role_name(role)} {number(len(rows))}" for role, rows in person.by_role.items()]
    if person.truncated:
        parts.append(translate("Person", "the newest are listed"))
    return " · ".join(parts)


class ArticleTree(QTreeView):
    """Enter opens the chosen article, as a double click does."""

    openRequested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.openRequested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class PersonPage(QWidget):
    """Emits `articleRequested(id)`, `searchRequested(query)` and `backRequested()`."""

    articleRequested = Signal(int)
    searchRequested = Signal(str)
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personPage")
        self.setAccessibleName(translate("Person", "Person"))
        self.person: PersonArticles | None = None
        self.back = QPushButton(translate("Person", "← Back to the article"), self)
        self.back.setAccessibleName(translate("Person", "Back to the article"))
        self.back.clicked.connect(self.backRequested)
        self.search = QPushButton(translate("Person", "Search for this person"), self)
        self.search.setAccessibleName(translate("Person", "Search for this person"))
        self.search.clicked.connect(self._search)
        self.name = QLabel(self)
        self.name.setObjectName("personName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(self)
        self.summary.setObjectName("personSummary")
        self.summary.setWordWrap(True)
        self.by_year = QLabel(self)
        self.by_year.setObjectName("personSummary")
        self.by_year.setWordWrap(True)
        self.years = Histogram(interactive=False, parent=self)
        self.years.setAccessibleName(translate("Person", "Articles per year"))
        self.years.setAccessibleDescription("")
        self.model = PersonModel(self)
        self.tree = ArticleTree(self)
        self.tree.setObjectName("personArticles")
        self.tree.setAccessibleName(translate("Person", "Articles by role"))
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SITE, QHeaderView.ResizeMode.ResizeToContents)
        self.model.modelReset.connect(self.tree.expandAll)
        self.tree.doubleClicked.connect(self._open)
        self.tree.openRequested.connect(self._open)

        row = QWidget(self)
        row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # may clip
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.search)
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 10, 14, 10)
        column.setSpacing(8)
        column.addWidget(row)
        column.addWidget(self.name)
        column.addWidget(self.summary)
        column.addWidget(self.years)
        column.addWidget(self.by_year)
        column.addWidget(self.tree, 1)

    def show_loading(self, name: str) -> None:
        self.person = None
        self.name.setText(name)
        self.summary.setText(translate("Person", "Finding {name}'s articles…").format(name=name))
        self.years.set_years([])
        self.by_year.clear()
        self.model.set_person(None)

    def show_person(self, person: PersonArticles) -> None:
        self.person = person
        self.name.setText(person.name)
        self.summary.setText(
            summary_text(person)
            if person.by_role
            else translate("Person", "No article in this library credits {name}.").format(
                name=person.name
            )
        )
        self.years.set_years(person.years)
        self.by_year.setText(years_text(person))
        self.model.set_person(person)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open(self, index: QModelIndex) -> None:
        article = self.model.article_at(index.siblingAtColumn(TITLE))
        if article is not None:
            self.articleRequested.emit(article)

    def _search(self) -> None:
        if self.person is not None:
            self.searchRequested.emit(self.person.query)
