"""The main window: wires the search bar, results, reader, welcome view and imports together."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.core.errors import ArchiveError, QueryError
from archive_app.core.model import ImportReport
from archive_app.gui.display import count_text
from archive_app.gui.drops import local_paths
from archive_app.gui.errors import show_error
from archive_app.gui.highlight import query_terms, snippet_terms
from archive_app.gui.import_controller import ImportController
from archive_app.gui.import_report import ImportReportDialog, summary_text
from archive_app.gui.import_status import ImportStatus
from archive_app.gui.reader import ReaderView
from archive_app.gui.results_model import ResultsModel
from archive_app.gui.results_view import ResultsTable
from archive_app.gui.search_bar import SearchBar
from archive_app.gui.search_controller import ResultBatch, SearchController
from archive_app.gui.tasks import TaskRunner
from archive_app.gui.welcome import WelcomeView

log = logging.getLogger(__name__)

IMPORT_FILTER = (
    "Articles (*.txt *.text *.md *.jsonl *.ndjson *.jsonl.gz *.ndjson.gz *.json *.csv *.tsv "
    "*.csv.gz *.gz);;All files (*)"
)
READ_THREADS = 2  # searches and listings; writes go through the import lane only


class MainWindow(QMainWindow):
    """Arsip's window over one open Archive; it holds widgets and connections, no logic."""

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.setWindowTitle(f"Arsip — {archive.path}")
        self.setAccessibleName("Arsip")
        self.setAcceptDrops(True)  # the whole window takes dropped files and folders
        self.resize(1280, 820)

        self.reads = TaskRunner(READ_THREADS, self)
        self.searches = SearchController(archive, self.reads, self)
        self.imports = ImportController(archive, self)
        self.report_dialog: ImportReportDialog | None = None
        self._shown_id: int | None = None
        self._closing = False

        self.search_bar = SearchBar()
        self.model = ResultsModel(archive, parent=self)
        self.table = ResultsTable(self.model)
        self.reader = ReaderView(archive.path)
        self.welcome = WelcomeView(archive.path)
        self.import_status = ImportStatus()
        self._layout()
        self._actions()
        self._connect()
        self.refresh()

    # -- building --------------------------------------------------------------------

    def _layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("browseSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([620, 660])
        browse = QWidget()
        browse.setObjectName("browse")
        column = QVBoxLayout(browse)
        column.setContentsMargins(12, 12, 12, 8)
        column.setSpacing(10)
        column.addWidget(self.search_bar)
        column.addWidget(splitter, 1)
        self.browse = browse
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(browse)
        self.setCentralWidget(self.stack)
        self.statusBar().addPermanentWidget(self.import_status, 1)

    def _actions(self) -> None:
        self.import_files_action = QAction("Import &files…", self)
        self.import_files_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_files_action.triggered.connect(self.choose_files)
        self.import_folder_action = QAction("Import f&older…", self)
        self.import_folder_action.triggered.connect(self.choose_folder)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        find_action = QAction("&Find", self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self.search_bar.focus)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.import_files_action)
        file_menu.addAction(self.import_folder_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        self.menuBar().addMenu("&Edit").addAction(find_action)

    def _connect(self) -> None:
        self.search_bar.submitted.connect(self.searches.search)
        self.searches.started.connect(self._show_results)
        self.searches.extended.connect(self._extend_results)
        self.searches.failed.connect(self._search_failed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.reader.statusMessage.connect(self._status)
        self.welcome.importFilesRequested.connect(self.choose_files)
        self.welcome.importFolderRequested.connect(self.choose_folder)
        self.imports.started.connect(self._import_started)
        self.imports.progressed.connect(self.import_status.update_progress)
        self.imports.finished.connect(self._import_finished)
        self.imports.failed.connect(self._import_failed)
        self.import_status.cancelRequested.connect(self.imports.cancel)

    # -- showing the library ---------------------------------------------------------

    def refresh(self) -> None:
        """Welcome view for an empty library; otherwise run the current query again."""
        empty = self.archive.is_empty()
        self.stack.setCurrentWidget(self.welcome if empty else self.browse)
        if not empty:
            self.searches.search(self.search_bar.query)

    def _show_results(self, batch: ResultBatch) -> None:
        self.search_bar.clear_error()
        self.model.set_ids(batch.ids, batch.query, batch.snippets)
        self._show_count(batch)
        # keep reading the same article when it is still listed (after an import, say)
        keep = self.model.row_of(self._shown_id) if self._shown_id is not None else None
        if self.model.rowCount():
            self.table.select_row(keep if keep is not None else 0)
        else:
            self._shown_id = None
            self.reader.show_message(f"No articles match “{batch.query}”." if batch.query
                                     else "The library is empty.")

    def _extend_results(self, batch: ResultBatch) -> None:
        self.model.append_ids(batch.ids, batch.snippets)
        self._show_count(batch)

    def _show_count(self, batch: ResultBatch) -> None:
        if not batch.query:
            self.search_bar.show_count(count_text(batch.total, "article"))
            return
        # once every page is in, the list itself is the exact count
        total = self.model.total if batch.complete else max(batch.total, self.model.total)
        about = "" if batch.complete or batch.exact else "about "
        self.search_bar.show_count(about + count_text(total, "match", "matches"))

    def _search_failed(self, query: str, error: object) -> None:
        if isinstance(error, QueryError):
            self.search_bar.show_error(str(error), error.position)
        elif isinstance(error, ArchiveError):
            self.search_bar.show_error(str(error))
        else:  # a bug, not a mistake in the query: say so plainly and keep the log
            log.error("search for %r failed", query,
                      exc_info=error if isinstance(error, BaseException) else None)
            self.search_bar.show_error(f"the search failed ({error})")

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        article_id = self.model.article_id(current.row())
        self._shown_id = article_id
        try:
            detail = self.archive.article(article_id)
        except ArchiveError as error:
            self.reader.show_message(str(error))
            return
        terms = snippet_terms(self.model.snippets(article_id)) + query_terms(self.model.query)
        self.reader.show_article(detail, terms)

    def _status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    # -- importing ---------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, "Import files into Arsip", str(Path.home()), IMPORT_FILTER
        )
        self.import_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Import a folder into Arsip",
                                                str(Path.home()))
        if name:
            self.import_paths([Path(name)])

    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Start importing on the writer thread; False when nothing was started."""
        if not paths:
            return False
        if self.imports.running:
            self._status("An import is already running; wait for it or cancel it first.")
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
        show_error(self, "Arsip could not import", str(error))

    def _set_import_enabled(self, enabled: bool) -> None:
        self.import_files_action.setEnabled(enabled)
        self.import_folder_action.setEnabled(enabled)
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
        if self.imports.running:
            self.import_status.label.setText("Cancelling the import before closing…")
        self.imports.shutdown()
        self.reads.wait()
        super().closeEvent(event)
