"""The sidebar: library counts, the catalogue, the date histogram and the facets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from archive_app.gui.catalogue.panel import CataloguePanel
from archive_app.gui.common.i18n import count_text, number, translate
from archive_app.gui.search.facet_model import FacetModel
from archive_app.gui.search.facets_view import FacetsView
from archive_app.gui.search.histogram import Histogram


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
    return "\n".join(
        (
            count_text(
                articles,
                translate("Sidebar", "{count} article"),
                translate("Sidebar", "{count} articles"),
            ),
            _at_least(
                facets.get("site", []),
                translate("Sidebar", "{count} site"),
                translate("Sidebar", "{count} sites"),
                translate("Sidebar", "{count}+ sites"),
            ),
            _at_least(
                facets.get("language", []),
                translate("Sidebar", "{count} language"),
                translate("Sidebar", "{count} languages"),
                translate("Sidebar", "{count}+ languages"),
            ),
            _at_least(
                facets.get("person", []),
                translate("Sidebar", "{count} person"),
                translate("Sidebar", "{count} people"),
                translate("Sidebar", "{count}+ people"),
            ),
        )
    )


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
        self.catalogue = CataloguePanel(self)
        self.histogram = Histogram(parent=self)
        self.facet_model = FacetModel(self)
        self.facets = FacetsView(self.facet_model, self)
        top = self._top = QWidget(self)
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(4)
        column.addWidget(_heading(translate("Sidebar", "Library"), self))
        column.addWidget(self.counts)
        column.addSpacing(6)
        column.addWidget(_heading(translate("Sidebar", "Catalogue"), self))
        column.addWidget(self.catalogue, 1)
        bottom = QWidget(self)
        column = QVBoxLayout(bottom)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(4)
        column.addWidget(_heading(translate("Sidebar", "Over time"), self))
        column.addWidget(self.histogram)
        column.addSpacing(6)
        column.addWidget(_heading(translate("Sidebar", "Narrow by"), self))
        column.addWidget(self.facets, 1)
        # the catalogue and the facets share the height; the person moves the line between
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("sidebarSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 6, 4, 6)
        outer.addWidget(self.splitter)
        self.setMinimumWidth(200)
        # the catalogue takes the room its rows need (up to half) until the person says else
        self.sized_by_hand = False
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "sized_by_hand", True))
        self.catalogue.model.modelReset.connect(self.fit_catalogue)

    def fit_catalogue(self) -> None:
        """Give the catalogue the height of its rows (at most half of the sidebar)."""
        if self.sized_by_hand:
            return
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        tree = self.catalogue.tree
        last = tree.model().index(tree.model().rowCount() - 1, 0)
        while tree.indexBelow(last).isValid():
            last = tree.indexBelow(last)
        # the rows' height as drawn (the layout is done on demand), and what is around them
        content = tree.visualRect(last).bottom() + 1 + tree.verticalOffset()
        # what surrounds the tree, from size hints: they follow a label's new text at once
        chrome = self._top.sizeHint().height() - tree.sizeHint().height()
        wanted = chrome + content + 2 * tree.frameWidth() + 4
        first = min(wanted, total // 2)
        self.splitter.setSizes([first, total - first])

    def show_articles(self, articles: int) -> None:
        """The article count (first line); the rest waits for the whole library's facets."""
        line = count_text(
            articles,
            translate("Sidebar", "{count} article"),
            translate("Sidebar", "{count} articles"),
        )
        rest = self.counts.text().splitlines()[1:] if self.counts.property("full") else []
        self.counts.setText("\n".join([line, *rest]))
        self.fit_catalogue()

    def show_library(self, articles: int, facets: dict[str, list[tuple[str, int]]]) -> None:
        self.counts.setProperty("full", True)
        self.counts.setText(library_text(articles, facets))
        self.fit_catalogue()
