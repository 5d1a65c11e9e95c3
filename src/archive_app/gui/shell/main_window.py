"""The main window: wires the sidebar, search, results, reader, imports and cataloguing together."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLayout,
    QMainWindow,
    QMenuBar,
    QSplitter,
    QStatusBar,
    QWidget,
)

from archive_app.gui.authorities.controller import AuthorityController
from archive_app.gui.authorities.person_page import PersonPage
from archive_app.gui.catalogue.controller import CatalogueController
from archive_app.gui.common.i18n import translate
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.editing.bulk_controller import BulkController
from archive_app.gui.editing.change_runner import ChangeRunner
from archive_app.gui.editing.controller import EditController
from archive_app.gui.editing.undo_controller import UndoController
from archive_app.gui.exporting.context import ExportContext
from archive_app.gui.exporting.controller import ExportController
from archive_app.gui.help.controller import HelpController
from archive_app.gui.importing.controller import ImportController
from archive_app.gui.importing.flow import ImportFlow
from archive_app.gui.importing.report_dialog import ImportReportDialog
from archive_app.gui.importing.status_strip import ImportStatus
from archive_app.gui.reader.controller import ReadingController
from archive_app.gui.reader.pane import ReaderPane
from archive_app.gui.safety.controller import SafetyController
from archive_app.gui.safety.index_status import IndexStatusLabel
from archive_app.gui.search.bar import SearchBar
from archive_app.gui.search.filter_bar import FilterBar
from archive_app.gui.search.filters import Filter, FilterSet
from archive_app.gui.search.results_model import ResultsModel
from archive_app.gui.search.results_view import ResultsTable
from archive_app.gui.search.session import SearchSession
from archive_app.gui.shell import window_state
from archive_app.gui.shell.actions import WindowActions
from archive_app.gui.shell.change_refresh import named_articles, refresh_named
from archive_app.gui.shell.layout import lay_out, waiting_frame
from archive_app.gui.shell.library_switch import LibrarySwitcher
from archive_app.gui.shell.readonly_notice import show_readonly_reason
from archive_app.gui.shell.settings import Settings
from archive_app.gui.shell.sidebar import Sidebar
from archive_app.gui.shell.team_changes import follow_team_changes
from archive_app.gui.shell.theme import Colours, ThemeManager
from archive_app.gui.shell.welcome import WelcomeView
from archive_app.gui.shell.wiring import connect_window

if TYPE_CHECKING:
    from archive_app.usecases.archive import Archive

log = logging.getLogger(__name__)

READ_THREADS = 2  # searches, listings, articles and photos; writes go through one lane only


class MainWindow(QMainWindow):
    """Arsip's window over one open Archive; it holds widgets and connections, no logic."""

    def __init__(
        self,
        archive: Archive | None,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """The window over `archive`; with None, the window shown while its library opens
        on a worker (the search field takes keys at once), built by `show_library`."""
        super().__init__(parent)
        self.settings = settings if settings is not None else Settings()
        self.setAccessibleName("Arsip")
        self.setAcceptDrops(True)  # the whole window takes dropped files and folders
        self.resize(1360, 860)
        # what Qt made with the window itself; everything made after it belongs to one library
        # and goes when the window switches to another (switch_library)
        self._frame = set(self.children())
        self.libraries = LibrarySwitcher(self, self.settings)
        self._frame.add(self.libraries)
        self.opening = archive is None
        if archive is None:
            self.search_bar = SearchBar()
            self.search_bar.set_sort(self.settings.sort)
            self.search_bar.set_query(self.settings.last_query, submit=False)
            self.setWindowTitle("Arsip")
            self.setCentralWidget(waiting_frame(self.search_bar))
            self.search_bar.field.setFocus()  # the window opens ready to search
            window_state.restore(self.settings, self, {}, {})
            return
        self._build(archive)

    def show_library(self, archive: Archive) -> None:
        """Build the parts of a window shown while its library opened: the search field stays,
        with what was typed in it meanwhile (searched now), and the window where it was put."""
        self.opening = False
        self._build(archive, self.search_bar)

    def _build(self, archive: Archive, search_bar: SearchBar | None = None) -> None:
        """Make every part that shows one library: widgets, menus, workers and controllers
        (`search_bar`: the one the window showed while the library opened)."""
        self.archive = archive
        # a team library by its address (never a password), not this desktop's index folder
        name = archive.team_name or archive.path
        self.setWindowTitle(translate("Window", "Arsip — {path}").format(path=name))
        self.setMenuBar(QMenuBar(self))
        self.setStatusBar(QStatusBar(self))
        self.reads = TaskRunner(READ_THREADS, self)
        self.writes = TaskRunner(1, self)
        self.imports = ImportController(archive, self.writes, self)
        self.filters = FilterSet(
            [f for f in map(Filter.from_clause, self.settings.last_filters) if f is not None]
        )

        self.search_bar = search_bar if search_bar is not None else SearchBar()
        self.filter_bar = FilterBar()
        self.model = ResultsModel(archive, parent=self, read_ahead=self.reads.submit)
        self.table = ResultsTable(self.model)
        self.sidebar = Sidebar()
        self.reader_pane = ReaderPane()
        self.reader = self.reader_pane.reader
        self.person_page = PersonPage()
        self.welcome = WelcomeView(archive.path, team=archive.team_name)
        self.import_status = ImportStatus()
        self.index_status = IndexStatusLabel(archive)
        self.actions_ = WindowActions(self)
        self.browse, self.right, self.main_splitter, self.stack = lay_out(self)
        self.session = SearchSession(
            archive,
            self.reads,
            self.search_bar,
            self.filter_bar,
            self.table,
            self.sidebar,
            self.filters,
            self,
        )
        self.searches = self.session.controller
        self.reading = ReadingController(
            archive, self.reads, self.table, self.right, self.reader_pane, self.person_page, self
        )
        self.loader = self.reading.loader
        self._reselect: list[int] = []
        self._controllers()
        connect_window(self)
        self.searches.counted.connect(
            self.reading.warm_photos, Qt.ConnectionType.SingleShotConnection
        )
        # results from the team catalogue while this desktop's index is built: again when it is
        self.search_bar.catalogue.still_building = lambda: self.archive.index_needs_rebuild
        self.search_bar.catalogue.built.connect(self.refresh)
        self.theme = ThemeManager(self.settings.theme, self)
        self.theme.changed.connect(self._apply_colours)
        self._apply_colours(self.theme.colours)
        self.reader_pane.set_zoom(self.settings.zoom)
        self.reader_pane.citation_style = self.settings.citation_style
        if search_bar is None:  # else set when it was shown, and perhaps typed in since
            self.search_bar.set_sort(self.settings.sort)
            self.search_bar.set_query(self.settings.last_query, submit=False)
        self.filter_bar.set_filters(self.filters)
        window_state.restore(
            self.settings,
            self,
            self._splitters(),
            self._headers(),
            geometry=search_bar is None,  # the window may have been moved meanwhile
        )
        self.sidebar.sized_by_hand = self.settings.sidebar_by_hand
        self.libraries.attach(self.actions_)
        self.team_changes = follow_team_changes(self, self)
        # a folder library's index merged when idle (a team desktop's follower does it)
        self.archive.tidy_index_when_idle()
        self.refresh()

    def switch_library(self, archive: Archive) -> Archive:
        """Show `archive` in place of the open library, its views fresh (no query, no filter);
        returns the library let go, its workers stopped but still open: the caller closes it."""
        self._save_state()
        self.settings.last_query = ""
        self.settings.last_filters = []
        self._shut_down()
        previous = self.archive
        for child in self.children():
            if child in self._frame or isinstance(child, QLayout):
                continue
            if isinstance(child, QWidget):
                child.hide()
            # deleted now, not later: a queued outcome of the old library's workers, or a
            # timer of its views, must never reach the closed library (Qt drops the events
            # of a deleted object); the caller runs outside every one of these objects
            if shiboken6.isValid(child):
                shiboken6.delete(child)
        self._build(archive)
        return previous

    # -- building --------------------------------------------------------------------

    def _controllers(self) -> None:
        """Cataloguing: every change goes through one runner on the writer lane."""
        archive, reads = self.archive, self.reads
        self.import_flow = ImportFlow(
            self.imports, self.import_status, self.welcome, self.actions_, self
        )
        self.changes = ChangeRunner(self.writes, self)
        self.catalogue = CatalogueController(
            archive, reads, self.changes, self.sidebar.catalogue, self.session, self
        )
        self.editing = EditController(archive, reads, self.changes, self)
        self.undo = UndoController(
            archive, reads, self.changes, self.actions_.undo, self.actions_.redo, self
        )
        self.bulk = BulkController(
            archive,
            reads,
            self.changes,
            self.table.selected_ids,
            lambda: self.session.request,
            self.catalogue.choices,
            self,
        )
        self.authority = AuthorityController(archive, reads, self.changes, self)
        self.exporting = ExportController(
            archive, self.export_context, lambda: self.session.request, self
        )
        self.safety = SafetyController(archive, self)
        self.help_desk = HelpController(lambda: self.archive.path, self)
        if archive.readonly:
            self.refuse_writes(archive.readonly_reason)
        else:  # the check and backup a library opened with check_later has still to run
            self.safety.damaged.connect(lambda _why: self.refuse_writes())
            self.safety.settle_checks(self.writes, (self.searches.counted, self.searches.failed))

    def refuse_writes(self, reason: str | None = None) -> None:
        """Read-only: the library was opened so, or its catalogue was found damaged, or the
        person's role on a team library is reader (`reason`, said beside what it greys out)."""
        for action in self.actions_.cataloguing():
            action.setEnabled(False)
        self.reader_pane.editable = False
        self.sidebar.catalogue.set_writable(False)
        if reason is not None:
            show_readonly_reason(self.actions_, self.welcome, self.statusBar(), reason)

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.main_splitter, "sidebar": self.sidebar.splitter}

    def _headers(self) -> dict[str, QHeaderView]:
        return {"results": self.table.horizontalHeader()}

    def _apply_colours(self, colours: Colours) -> None:
        self.reader.set_colours(colours)
        self.table.set_colours(colours)
        self.sidebar.histogram.colours = colours
        self.person_page.years.colours = colours
        self.sidebar.histogram.update()

    # -- searching and reading -------------------------------------------------------

    def refresh(self) -> None:
        """Welcome view for an empty library; otherwise run the current search again."""
        empty = self.archive.is_empty()
        shown = self.welcome if empty else self.browse
        if shown is not self.stack.currentWidget():
            self.stack.setCurrentWidget(shown)
            # the keys go on in the view shown: the welcome's buttons go once articles are in
            (self.welcome.import_files if empty else self.search_bar.field).setFocus()
        if not empty:
            self.session.run()
            self.reads.submit(self.archive.count, self._show_count)
            self.catalogue.reload()
            self.undo.update()

    def after_change(self, result: object) -> None:
        """A change was applied: results, reader, catalogue counts and Undo show it at once
        (the index changed in the same operation); the selection is kept. Only the rows of
        the articles it names are read again, in place, where change_refresh can (an edited
        article stays listed until the next search); otherwise the search runs again."""
        named = named_articles(result, self.session.saved_query())
        if named is not None:
            refresh_named(self, named)
            return
        self._reselect = self.table.selected_ids()
        self.refresh()

    def restore_selection(self, _batch: object) -> None:
        chosen, self._reselect = self._reselect, []
        if len(chosen) > 1:
            self.table.select_ids(chosen)

    def edit_shown(self) -> None:
        self.editing.open(self.reading.shown_id)

    def mark_reviewed(self) -> None:
        """Catalogue ▸ Mark as reviewed: the selected articles, or the one being read."""
        shown = self.reading.shown_id
        self.editing.mark_reviewed(
            self.table.selected_ids() or ([shown] if shown is not None else [])
        )

    def export_context(self) -> ExportContext:
        """What can be exported now: the article read, the selection, a collection, the
        result."""
        reading = self.reader.reading
        article = (reading.detail.id, reading.detail.record.title) if reading else None
        return ExportContext(
            article,
            tuple(self.table.selected_ids()),
            tuple(self.sidebar.catalogue.model.collection_paths()),
            self.session.total,
            self.session.describe(),
        )

    def run_search(self) -> None:
        self.session.run()

    def escape(self) -> None:
        """Esc: close the find bar, leave a person's page, then clear the query, then filters."""
        if self.reader_pane.find_bar.isVisible():
            self.reader_pane.find_bar.close_bar()
        elif self.reading.showing_person:
            self.reading.focus_reader()
        else:
            self.session.clear_step()

    def _show_count(self, articles: int) -> None:
        self.sidebar.show_articles(articles)

    def show_preferences(self) -> None:
        from archive_app.gui.shell.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec():
            self.theme.apply(self.settings.theme)

    def busy_with(self) -> str | None:
        """The long job this library is in the middle of, said for a person, or None."""
        if self.imports.running:
            return translate("Window", "An import")
        if self.safety.busy or self.exporting.lane.busy:
            return translate("Window", "A backup, restore, check or export")
        return None

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    # -- importing ---------------------------------------------------------------------

    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Start importing on the writer thread; False when nothing was started."""
        return self.import_flow.import_paths(paths)

    @property
    def report_dialog(self) -> ImportReportDialog | None:
        return self.import_flow.report_dialog

    # -- Qt events ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        _answer(event, not self.opening and self.import_flow.accepts(event.mimeData()))

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        _answer(event, not self.opening and self.import_flow.accepts(event.mimeData()))

    def dropEvent(self, event: QDropEvent) -> None:
        _answer(event, not self.opening and self.import_flow.drop(event.mimeData()))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.opening:  # closed before its library opened: nothing of it to stop or save
            super().closeEvent(event)
            return
        # the Archive is closed after the window: no worker may still be using it then
        self._save_state()
        self._shut_down()
        super().closeEvent(event)

    def _save_state(self) -> None:
        self.settings.last_query = self.search_bar.query
        self.settings.last_filters = list(self.filters.clauses())
        self.settings.sort = self.search_bar.sort_key
        self.settings.sidebar_by_hand = self.sidebar.sized_by_hand
        window_state.save(self.settings, self, self._splitters(), self._headers())

    def _shut_down(self) -> None:
        """Stop the library's background work and wait for its writer lane to let go."""
        if self.team_changes is not None:  # first: its listener thread would start reads
            self.team_changes.stop()
        self.reading.shutdown()
        self.index_status.stop()
        self.reads.clear()
        self.safety.stop_checks()  # before waiting on the writer lane the checks hold
        self.import_flow.shutdown()
        self.writes.wait()
        self.exporting.shutdown()
        self.safety.shutdown()
        self.reads.wait()


def _answer(event: QDropEvent, accepted: bool) -> None:
    """Take a drag of files and folders (to import them); let anything else pass."""
    if accepted:
        event.acceptProposedAction()
    else:
        event.ignore()
