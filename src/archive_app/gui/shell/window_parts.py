"""What laying out and wiring the main window need of it, as protocols: layout.py and
wiring.py name these instead of the window itself, so neither imports main_window (which
imports them both)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QStatusBar, QWidget

from archive_app.gui.authorities.controller import AuthorityController
from archive_app.gui.authorities.person_page import PersonPage
from archive_app.gui.catalogue.controller import CatalogueController
from archive_app.gui.editing.bulk_controller import BulkController
from archive_app.gui.editing.change_runner import ChangeRunner
from archive_app.gui.editing.controller import EditController
from archive_app.gui.editing.undo_controller import UndoController
from archive_app.gui.exporting.controller import ExportController
from archive_app.gui.help.controller import HelpController
from archive_app.gui.importing.flow import ImportFlow
from archive_app.gui.importing.status_strip import ImportStatus
from archive_app.gui.reader.article_view import ReaderView
from archive_app.gui.reader.controller import ReadingController
from archive_app.gui.reader.pane import ReaderPane
from archive_app.gui.safety.controller import SafetyController
from archive_app.gui.safety.index_status import IndexStatusLabel
from archive_app.gui.search.bar import SearchBar
from archive_app.gui.search.filter_bar import FilterBar
from archive_app.gui.search.results_view import ResultsTable
from archive_app.gui.search.session import SearchSession
from archive_app.gui.shell.actions import WindowActions
from archive_app.gui.shell.settings import Settings
from archive_app.gui.shell.sidebar import Sidebar
from archive_app.gui.shell.welcome import WelcomeView


class FramedWindow(Protocol):
    """What lay_out places: the window's widgets (made already), and the window's central
    widget and status bar."""

    search_bar: SearchBar
    filter_bar: FilterBar
    table: ResultsTable
    sidebar: Sidebar
    reader_pane: ReaderPane
    person_page: PersonPage
    welcome: WelcomeView
    import_status: ImportStatus
    index_status: IndexStatusLabel

    def setCentralWidget(self, widget: QWidget, /) -> None: ...

    def statusBar(self, /) -> QStatusBar: ...


class WiredWindow(Protocol):
    """What connect_window connects: the window's widgets, controllers and menu actions, and
    the window's own slots."""

    actions_: WindowActions
    settings: Settings
    search_bar: SearchBar
    table: ResultsTable
    sidebar: Sidebar
    reader_pane: ReaderPane
    reader: ReaderView
    person_page: PersonPage
    index_status: IndexStatusLabel
    session: SearchSession
    reading: ReadingController
    changes: ChangeRunner
    import_flow: ImportFlow
    catalogue: CatalogueController
    editing: EditController
    undo: UndoController
    bulk: BulkController
    authority: AuthorityController
    exporting: ExportController
    safety: SafetyController
    help_desk: HelpController

    def show_status(self, message: str, /) -> None: ...

    def after_change(self, result: object, /) -> None: ...

    def restore_selection(self, batch: object, /) -> None: ...

    def refresh(self) -> None: ...

    def edit_shown(self) -> None: ...

    def mark_reviewed(self) -> None: ...

    def escape(self) -> None: ...

    def show_preferences(self) -> None: ...

    def close(self, /) -> bool: ...
