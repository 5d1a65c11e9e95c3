"""The sidebar: library counts, saved searches, the date histogram and the facets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from archive_app.gui.facet_model import FacetModel
from archive_app.gui.facets_view import FacetsView
from archive_app.gui.histogram import Histogram
from archive_app.gui.i18n import count_text, number, translate
from archive_app.gui.saved_searches import SavedSearchesPanel


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text.upper(), parent)
    label.setObjectName("sidebarHeading")
    return label


FACET_LIMIT = 30  # values the core counts per facet: a full list means "at least"


def _at_least(values: list[tuple[str, int]], one: str, many: str, more: str) -> str:
    if len(values) >= FACET_LIMIT:
        return more.format(count=number(len(values)))
    return count_text(len(values), one, many)


def library_text(articles: int, facets: dict[str, list[tuple[str, int]]]) -> str:
    """ "3,203 articles / 8 sites / 2 languages / 30+ people", one per line.

    From the whole library's counts (the facets the sidebar shows anyway): the core's stats()
    also reads the whole index again, a transient +300 MB at 100,000 articles.
    """
    return "\n".join((
        count_text(articles, translate("Sidebar", "{count} article"),
                   translate("Sidebar", "{count} articles")),
        _at_least(facets.get("site", []), translate("Sidebar", "{count} site"),
                  translate("Sidebar", "{count} sites"), translate("Sidebar", "{count}+ sites")),
        _at_least(facets.get("language", []), translate("Sidebar", "{count} language"),
                  translate("Sidebar", "{count} languages"),
                  translate("Sidebar", "{count}+ languages")),
        _at_least(facets.get("person", []), translate("Sidebar", "{count} person"),
                  translate("Sidebar", "{count} people"),
                  translate("Sidebar", "{count}+ people")),
    ))


class Sidebar(QWidget):
    """Holds the panels; the window connects their signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(translate("Sidebar", "Library and filters"))
        self.counts = QLabel(translate("Sidebar", "Counting…"), self)
        self.counts.setObjectName("libraryCounts")
        self.counts.setAccessibleName(translate("Sidebar", "Library counts"))
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved = SavedSearchesPanel(self)
        self.histogram = Histogram(parent=self)
        self.facet_model = FacetModel(self)
        self.facets = FacetsView(self.facet_model, self)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 4, 6)
        column.setSpacing(4)
        column.addWidget(_heading(translate("Sidebar", "Library"), self))
        column.addWidget(self.counts)
        column.addSpacing(6)
        column.addWidget(_heading(translate("Sidebar", "Saved searches"), self))
        column.addWidget(self.saved)
        column.addSpacing(6)
        column.addWidget(_heading(translate("Sidebar", "Over time"), self))
        column.addWidget(self.histogram)
        column.addSpacing(6)
        column.addWidget(_heading(translate("Sidebar", "Narrow by"), self))
        column.addWidget(self.facets, 1)
        self.setMinimumWidth(200)

    def show_articles(self, articles: int) -> None:
        """The article count (first line); the rest waits for the whole library's facets."""
        line = count_text(articles, translate("Sidebar", "{count} article"),
                          translate("Sidebar", "{count} articles"))
        rest = self.counts.text().splitlines()[1:] if self.counts.property("full") else []
        self.counts.setText("\n".join([line, *rest]))

    def show_library(self, articles: int, facets: dict[str, list[tuple[str, int]]]) -> None:
        self.counts.setProperty("full", True)
        self.counts.setText(library_text(articles, facets))
