"""People and places as authorities: merge and split people, sign-off codes, place spellings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from archive_app.domain.model import PersonInfo
from archive_app.gui.authorities.dialogs import MergeDialog, PlaceAliasDialog, SignoffDialog
from archive_app.gui.authorities.people_model import (
    ALIASES,
    ARTICLES,
    NAME,
    ROLES,
    SORT_ROLE,
    PeopleModel,
)
from archive_app.gui.authorities.places_model import Place, PlacesModel
from archive_app.gui.common.i18n import count_text, translate


class AuthorityWindow(QDialog):
    """A window of its own beside the main one. Emits what the librarian decided; the
    authority controller applies it and calls `set_people`/`set_places` with the new lists."""

    mergeRequested = Signal(str, str)  # (name that stays, the other)
    splitRequested = Signal(str)  # the spelling that becomes its own person again
    signoffRequested = Signal(str, str, str)  # (site, code, person)
    placeAliasRequested = Signal(str, str)  # (spelling, place)
    searchRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("authority")
        self.setWindowTitle(translate("People", "People and places"))
        self.setAccessibleName(self.windowTitle())
        self.setWindowFlag(Qt.WindowType.Window)  # not a transient dialog: it stays open
        self.resize(980, 620)
        self.sites: list[str] = []
        self.dialog: QDialog | None = None
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._people_page(), translate("People", "People"))
        self.tabs.addTab(self._places_page(), translate("Places", "Places"))
        self.tabs.tabBar().setAccessibleName(translate("People", "People or places"))
        self.tabs.tabBar().setAccessibleDescription(
            translate("People", "Ctrl+Tab and Ctrl+Shift+Tab switch between people and places.")
        )
        column = QVBoxLayout(self)
        column.addWidget(self.tabs)

    # -- people ----------------------------------------------------------------------------

    def _people_page(self) -> QWidget:
        page = QWidget(self)
        self.people = PeopleModel(self)
        self.people_proxy = QSortFilterProxyModel(self)
        self.people_proxy.setSourceModel(self.people)
        self.people_proxy.setSortRole(SORT_ROLE)
        self.people_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.people_proxy.setFilterKeyColumn(-1)  # a name, a spelling or a code
        self.filter_field = QLineEdit(page)
        self.filter_field.setObjectName("searchField")
        self.filter_field.setClearButtonEnabled(True)
        self.filter_field.setPlaceholderText(
            translate("People", "Find a person, a spelling or a code")
        )
        self.filter_field.setAccessibleName(translate("People", "Find a person"))
        self.filter_field.textChanged.connect(self.people_proxy.setFilterFixedString)
        self.people_view = QTableView(page)
        self.people_view.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        self.people_view.setObjectName("peopleTable")
        self.people_view.setAccessibleName(translate("People", "People in the library"))
        self.people_view.setModel(self.people_proxy)
        self.people_view.setSortingEnabled(True)
        self.people_view.sortByColumn(ARTICLES, Qt.SortOrder.DescendingOrder)
        self.people_view.verticalHeader().hide()
        self.people_view.setAlternatingRowColors(True)
        self.people_view.setWordWrap(False)
        self.people_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.people_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.people_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ALIASES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROLES, QHeaderView.ResizeMode.Stretch)
        self.people_view.selectionModel().selectionChanged.connect(self._people_buttons)
        self.people_view.doubleClicked.connect(lambda _i: self._search())
        self.merge = QPushButton(translate("People", "Merge…"), page)
        self.merge.setToolTip(translate("People", "Two selected people are one person"))
        self.merge.clicked.connect(self.ask_merge)
        self.split = QPushButton(translate("People", "Split a spelling…"), page)
        self.split.setToolTip(translate("People", "A spelling was merged by mistake"))
        self.split.clicked.connect(self.ask_split)
        self.signoff = QPushButton(translate("People", "Sign-off code…"), page)
        self.signoff.setToolTip(translate("People", "Say who a site's sign-off code stands for"))
        self.signoff.clicked.connect(self.ask_signoff)
        self.show_articles = QPushButton(translate("People", "Search their articles"), page)
        self.show_articles.clicked.connect(self._search)
        self.people_count = QLabel(page)
        self.people_count.setObjectName("resultCount")
        buttons = QHBoxLayout()
        for button in (self.merge, self.split, self.signoff, self.show_articles):
            button.setAccessibleName(button.text().rstrip("…"))
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.people_count)
        column = QVBoxLayout(page)
        column.addWidget(self.filter_field)
        column.addWidget(self.people_view, 1)
        column.addLayout(buttons)
        self._people_buttons()
        return page

    def set_people(self, people: Sequence[PersonInfo]) -> None:
        chosen = [p.name for p in self.selected_people()]
        self.people.set_people(people)
        self.people_count.setText(
            count_text(
                len(people),
                translate("People", "{count} person"),
                translate("People", "{count} people"),
            )
        )
        for name in chosen:
            self.select_person(name, keep=True)
        self._people_buttons()

    def select_person(self, name: str, keep: bool = False) -> bool:
        row = self.people.row_of(name)
        if row is None:
            return False
        index = self.people_proxy.mapFromSource(self.people.index(row, NAME))
        flags = QItemSelectionModel.SelectionFlag
        self.people_view.selectionModel().select(
            index, (flags.Select if keep else flags.ClearAndSelect) | flags.Rows
        )
        self.people_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def selected_people(self) -> list[PersonInfo]:
        rows = self.people_view.selectionModel().selectedRows()
        return [self.people.person(self.people_proxy.mapToSource(i).row()) for i in rows]

    def _people_buttons(self) -> None:
        chosen = self.selected_people()
        self.merge.setEnabled(len(chosen) == 2)
        self.split.setEnabled(len(chosen) == 1 and bool(chosen[0].aliases))
        self.signoff.setEnabled(len(chosen) == 1)
        self.show_articles.setEnabled(len(chosen) == 1)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_merge(self) -> None:
        chosen = self.selected_people()
        if len(chosen) != 2:
            return
        dialog = MergeDialog(chosen[0], chosen[1], self)
        dialog.accepted.connect(lambda: self.mergeRequested.emit(dialog.keep, dialog.other))
        self._open(dialog)

    def ask_split(self) -> None:
        chosen = self.selected_people()
        if len(chosen) != 1 or not chosen[0].aliases:
            return
        alias, ok = QInputDialog.getItem(
            self,
            translate("People", "Split a spelling"),
            translate("People", "Which spelling of {name} is somebody else?").format(
                name=chosen[0].name
            ),
            list(chosen[0].aliases),
            0,
            False,
        )
        if ok and alias:
            self.splitRequested.emit(alias)

    def ask_signoff(self) -> None:
        chosen = self.selected_people()
        if len(chosen) != 1:
            return
        dialog = SignoffDialog(chosen[0].name, self.sites, self)
        dialog.accepted.connect(
            lambda: self.signoffRequested.emit(
                dialog.site.currentText().strip(), dialog.code.text().strip(), chosen[0].name
            )
        )
        self._open(dialog)

    def _search(self) -> None:
        chosen = self.selected_people()
        if len(chosen) == 1:
            self.searchRequested.emit(f'person:"{chosen[0].name}"')

    # -- places ----------------------------------------------------------------------------

    def _places_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            translate(
                "Places",
                "Spellings grouped under a place facet and search as "
                "that place (JAKARTA, Jakarta and DKI Jakarta are "
                "one).",
            ),
            page,
        )
        intro.setWordWrap(True)
        intro.setObjectName("dialogIntro")
        self.places = PlacesModel(self)
        self.places_view = QTreeView(page)
        self.places_view.setObjectName("placesTree")
        self.places_view.setAccessibleName(translate("Places", "Places and their spellings"))
        self.places_view.setModel(self.places)
        self.places_view.setAlternatingRowColors(True)
        self.places_view.setUniformRowHeights(True)
        self.places_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.places_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.places.modelReset.connect(self.places_view.expandAll)
        self.add_spelling = QPushButton(translate("Places", "Add a spelling…"), page)
        self.add_spelling.setAccessibleName(translate("Places", "Add a spelling to a place"))
        self.add_spelling.clicked.connect(self.ask_place_alias)
        self.places_count = QLabel(page)
        self.places_count.setObjectName("resultCount")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_spelling)
        buttons.addStretch(1)
        buttons.addWidget(self.places_count)
        column = QVBoxLayout(page)
        column.addWidget(intro)
        column.addWidget(self.places_view, 1)
        column.addLayout(buttons)
        return page

    def set_places(self, places: Sequence[Place]) -> None:
        self.places.set_places(places)
        self.places_count.setText(
            count_text(
                len(places),
                translate("Places", "{count} place"),
                translate("Places", "{count} places"),
            )
        )

    def ask_place_alias(self) -> None:
        place = self.places.place_at(self.places_view.currentIndex())
        dialog = PlaceAliasDialog(self.places.names(), place, self)
        dialog.accepted.connect(
            lambda: self.placeAliasRequested.emit(
                dialog.spelling.text().strip(), dialog.place.currentText().strip()
            )
        )
        self._open(dialog)
