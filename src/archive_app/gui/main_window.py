"""The main window: wires the sidebar, search, results, reader, person page and imports together."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.core.model import ImportReport, SavedSearch
from archive_app.gui import window_state
from archive_app.gui.drops import local_paths
from archive_app.gui.errors import show_error
from archive_app.gui.filter_bar import FilterBar
from archive_app.gui.filters import Filter, FilterSet
from archive_app.gui.i18n import translate
from archive_app.gui.import_controller import ImportController
from archive_app.gui.import_report import ImportReportDialog, summary_text
from archive_app.gui.import_status import ImportStatus
from archive_app.gui.index_status import IndexStatusLabel
from archive_app.gui.person_page import PersonPage
from archive_app.gui.preferences import PreferencesDialog
from archive_app.gui.reader_pane import ReaderPane
from archive_app.gui.reading_controller import ReadingController
from archive_app.gui.results_model import ResultsModel
from archive_app.gui.results_view import ResultsTable
from archive_app.gui.search_bar import SearchBar
from archive_app.gui.search_session import SearchSession
from archive_app.gui.settings import Settings
from archive_app.gui.sidebar import Sidebar
from archive_app.gui.tasks import TaskRunner
from archive_app.gui.theme import Colours, ThemeManager
from archive_app.gui.welcome import WelcomeView
from archive_app.gui.window_actions import WindowActions

log = logging.getLogger(__name__)

READ_THREADS = 2  # searches, listings, articles and photos; writes go through one lane only


def import_filter() -> str:
    return translate("Window", "Articles (*.txt *.text *.md *.jsonl *.ndjson *.jsonl.gz "
                               "*.ndjson.gz *.json *.csv *.tsv *.csv.gz *.gz);;All files (*)")


class MainWindow(QMainWindow):
    """Arsip's window over one open Archive; it holds widgets and connections, no logic."""

    def __init__(self, archive: Archive, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.settings = settings if settings is not None else Settings()
        self.setWindowTitle(translate("Window", "Arsip — {path}").format(path=archive.path))
        self.setAccessibleName("Arsip")
        self.setAcceptDrops(True)  # the whole window takes dropped files and folders
        self.resize(1360, 860)

        self.reads = TaskRunner(READ_THREADS, self)
        self.writes = TaskRunner(1, self)
        self.imports = ImportController(archive, self.writes, self)
        self.filters = FilterSet([f for f in map(Filter.from_clause, self.settings.last_filters)
                                  if f is not None])
        self.report_dialog: ImportReportDialog | None = None
        self._closing = False

        self.search_bar = SearchBar()
        self.filter_bar = FilterBar()
        self.model = ResultsModel(archive, parent=self)
        self.table = ResultsTable(self.model)
        self.sidebar = Sidebar()
        self.reader_pane = ReaderPane()
        self.reader = self.reader_pane.reader
        self.person_page = PersonPage()
        self.welcome = WelcomeView(archive.path)
        self.import_status = ImportStatus()
        self.index_status = IndexStatusLabel(archive)
        self.actions_ = WindowActions(self)
        self._layout()
        self.session = SearchSession(archive, self.reads, self.search_bar, self.filter_bar,
                                     self.table, self.sidebar, self.filters, self)
        self.searches = self.session.controller
        self.reading = ReadingController(archive, self.reads, self.table, self.right,
                                         self.reader_pane, self.person_page, self)
        self.loader = self.reading.loader
        self._connect()
        self.theme = ThemeManager(self.settings.theme, self)
        self.theme.changed.connect(self._apply_colours)
        self._apply_colours(self.theme.colours)
        self.reader_pane.set_zoom(self.settings.zoom)
        self.sidebar.saved.set_writable(not archive.readonly)
        self.search_bar.set_sort(self.settings.sort)
        self.search_bar.set_query(self.settings.last_query, submit=False)
        self.filter_bar.set_filters(self.filters)
        window_state.restore(self.settings, self, self._splitters(), self._headers())
        self.refresh()

    # -- building --------------------------------------------------------------------

    def _layout(self) -> None:
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(8, 10, 4, 6)
        column.setSpacing(6)
        column.addWidget(self.search_bar)
        column.addWidget(self.filter_bar)
        column.addWidget(self.table, 1)
        self.right = QStackedWidget()
        self.right.addWidget(self.reader_pane)
        self.right.addWidget(self.person_page)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("browseSplitter")
        self.main_splitter.setChildrenCollapsible(False)
        for widget, stretch in ((self.sidebar, 0), (centre, 5), (self.right, 6)):
            self.main_splitter.addWidget(widget)
            self.main_splitter.setStretchFactor(self.main_splitter.count() - 1, stretch)
        self.main_splitter.setSizes([230, 640, 530])
        browse = QWidget()
        browse.setObjectName("browse")
        outer = QVBoxLayout(browse)
        outer.setContentsMargins(0, 0, 8, 0)
        outer.addWidget(self.main_splitter)
        self.browse = browse
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(browse)
        self.setCentralWidget(self.stack)
        self.statusBar().addPermanentWidget(self.index_status)
        self.statusBar().addPermanentWidget(self.import_status, 1)

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.main_splitter}

    def _headers(self) -> dict[str, QHeaderView]:
        return {"results": self.table.horizontalHeader()}

    def _connect(self) -> None:
        a, bar, table, side = self.actions_, self.search_bar, self.table, self.sidebar
        bar.field.moveRequested.connect(table.step_row)
        self.session.listed.connect(self.reading.select_after_search)
        self.session.emptied.connect(self.reading.show_nothing)
        self.reader_pane.statusMessage.connect(self._status)
        self.reader.statusMessage.connect(self._status)
        self.reader_pane.zoomChanged.connect(lambda z: setattr(self.settings, "zoom", z))
        self.person_page.searchRequested.connect(self.session.search_for)
        side.saved.chosen.connect(self.run_saved)
        side.saved.saveRequested.connect(self.save_search)
        side.saved.deleteRequested.connect(self.delete_saved)
        self.welcome.importFilesRequested.connect(self.choose_files)
        self.welcome.importFolderRequested.connect(self.choose_folder)
        self.imports.started.connect(self._import_started)
        self.imports.progressed.connect(self.import_status.update_progress)
        self.imports.finished.connect(self._import_finished)
        self.imports.failed.connect(self._import_failed)
        self.import_status.cancelRequested.connect(self.imports.cancel)
        self.index_status.finished.connect(self.refresh)
        for action, slot in (
            (a.import_files, self.choose_files), (a.import_folder, self.choose_folder),
            (a.print, self.reader_pane.print_article), (a.pdf, self.reader_pane.ask_pdf),
            (a.preferences, self.show_preferences), (a.quit, self.close),
            (a.focus_search, bar.focus), (a.find, self.reader_pane.open_find),
            (a.cite, self.reader_pane.copy_citation), (a.clear, self.escape),
            (a.next_result, partial(table.step_row, 1)),
            (a.previous_result, partial(table.step_row, -1)),
            (a.next_hit, partial(self.reader.next_hit, 1)),
            (a.previous_hit, partial(self.reader.next_hit, -1)),
            (a.photos, partial(self.reading.open_photos, 0)),
            (a.larger, partial(self.reader_pane.zoom_by, 10)),
            (a.smaller, partial(self.reader_pane.zoom_by, -10)),
            (a.actual, partial(self.reader_pane.zoom_by, 0)),
            (a.save_search, self.save_search), (a.clear_filters, self.session.clear_filters),
            (a.cheat_sheet, bar.show_cheat_sheet),
        ):
            action.triggered.connect(slot)

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
        self.stack.setCurrentWidget(self.welcome if empty else self.browse)
        if not empty:
            self.session.run()
            self.reads.submit(self.archive.count, self._show_count)
            self.reads.submit(self.archive.saved_searches, self._show_saved)

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

    # -- saved searches ----------------------------------------------------------------

    def run_saved(self, saved: SavedSearch) -> None:
        self.session.search_for(saved.query, saved.sort)

    def save_search(self) -> None:
        query = self.session.saved_query()
        if not query or self.archive.readonly:
            self._status(translate("Window", "Type a search or choose a filter to save it."))
            return
        name, ok = QInputDialog.getText(self, translate("Window", "Save this search"),
                                        translate("Window", "Name for “{query}”:").format(
                                            query=query))
        if ok and name.strip():
            self.writes.submit(partial(self.archive.save_search, name.strip(), query,
                                       self.search_bar.sort_key),
                               lambda _r: self._saved_changed(), self._write_failed)

    def delete_saved(self, name: str) -> None:
        self.writes.submit(partial(self.archive.delete_saved_search, name),
                           lambda _r: self._saved_changed(), self._write_failed)

    def _saved_changed(self) -> None:
        self.reads.submit(self.archive.saved_searches, self._show_saved)

    def _show_count(self, articles: object) -> None:
        assert isinstance(articles, int)
        self.sidebar.show_articles(articles)

    def _show_saved(self, searches: object) -> None:
        assert isinstance(searches, list)
        self.sidebar.saved.set_searches(searches)
        self.sidebar.saved.set_writable(not self.archive.readonly)

    def _write_failed(self, error: Exception) -> None:
        show_error(self, translate("Window", "Arsip could not save"), str(error))

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec():
            self.theme.apply(self.settings.theme)

    def _status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    # -- importing ---------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, translate("Window", "Import files into Arsip"), str(Path.home()),
            import_filter())
        self.import_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, translate("Window", "Import a folder into Arsip"), str(Path.home()))
        if name:
            self.import_paths([Path(name)])

    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Start importing on the writer thread; False when nothing was started."""
        if not paths:
            return False
        if self.imports.running:
            self._status(translate(
                "Window", "An import is already running; wait for it or cancel it first."))
            return False
        return self.imports.start(paths)

    def _import_started(self, paths: list[Path]) -> None:
        self.import_status.begin(paths)
        self._set_import_enabled(False)

    def _import_finished(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        if self._closing:
            return  # cancelled by closing the window: nobody is left to read a report
        self.import_status.end()
        self._set_import_enabled(True)
        self._status(summary_text(report))
        self.refresh()
        self.report_dialog = ImportReportDialog(report, self)
        self.report_dialog.open()  # window-modal but not blocking: the results show behind it

    def _import_failed(self, error: object) -> None:
        self.import_status.end()
        self._set_import_enabled(True)
        show_error(self, translate("Window", "Arsip could not import"), str(error))

    def _set_import_enabled(self, enabled: bool) -> None:
        self.actions_.set_import_enabled(enabled)
        self.welcome.import_files.setEnabled(enabled)
        self.welcome.import_folder.setEnabled(enabled)

    # -- Qt events ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()) and not self.imports.running:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event.mimeData()) and not self.imports.running:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if paths and self.import_paths(paths):
            event.acceptProposedAction()
        else:
            event.ignore()

    def closeEvent(self, event: QCloseEvent) -> None:
        # the Archive is closed after the window: no worker may still be using it then
        self._closing = True
        self.settings.last_query = self.search_bar.query
        self.settings.last_filters = list(self.filters.clauses())
        self.settings.sort = self.search_bar.sort_key
        window_state.save(self.settings, self, self._splitters(), self._headers())
        if self.imports.running:
            self.import_status.label.setText(
                translate("Window", "Cancelling the import before closing…"))
        self.reading.shutdown()
        self.index_status.stop()
        self.reads.clear()
        self.imports.shutdown()
        self.writes.wait()
        self.reads.wait()
        super().closeEvent(event)
