"""Imports from the window: choose files or a folder (or drop them), show progress, report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from archive_app.domain.model import ImportReport
from archive_app.gui.common.drops import local_paths
from archive_app.gui.common.errors import show_error
from archive_app.gui.common.i18n import translate
from archive_app.gui.importing.controller import ImportController
from archive_app.gui.importing.report_dialog import ImportReportDialog, summary_text
from archive_app.gui.importing.status_strip import ImportStatus
from archive_app.gui.shell.actions import WindowActions
from archive_app.gui.shell.welcome import WelcomeView


def import_filter() -> str:
    return translate(
        "Window",
        "Articles (*.txt *.text *.md *.jsonl *.ndjson *.jsonl.gz "
        "*.ndjson.gz *.json *.csv *.tsv *.csv.gz *.gz);;All files (*)",
    )


class ImportFlow(QObject):
    """Emits `imported` when an import has finished (the window lists the library again)."""

    statusMessage = Signal(str)
    imported = Signal()

    def __init__(
        self,
        imports: ImportController,
        status: ImportStatus,
        welcome: WelcomeView,
        actions: WindowActions,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.imports, self.status, self.welcome = imports, status, welcome
        self.actions, self.window = actions, window
        self.report_dialog: ImportReportDialog | None = None
        self.closing = False
        imports.started.connect(self._started)
        imports.progressed.connect(status.update_progress)
        imports.finished.connect(self._finished)
        imports.failed.connect(self._failed)
        status.cancelRequested.connect(imports.cancel)
        welcome.importFilesRequested.connect(self.choose_files)
        welcome.importFolderRequested.connect(self.choose_folder)
        actions.import_files.triggered.connect(self.choose_files)
        actions.import_folder.triggered.connect(self.choose_folder)

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self.window,
            translate("Window", "Import files into Arsip"),
            str(Path.home()),
            import_filter(),
        )
        self.import_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self.window, translate("Window", "Import a folder into Arsip"), str(Path.home())
        )
        if name:
            self.import_paths([Path(name)])

    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Start importing on the writer thread; False when nothing was started."""
        if not paths:
            return False
        if self.imports.running:
            self.statusMessage.emit(
                translate("Window", "An import is already running; wait for it or cancel it first.")
            )
            return False
        return self.imports.start(paths)

    def accepts(self, mime: QMimeData | None) -> bool:
        """Dropped files and folders are imported, one import at a time."""
        return bool(local_paths(mime)) and not self.imports.running

    def drop(self, mime: QMimeData | None) -> bool:
        paths = local_paths(mime)
        return bool(paths) and self.import_paths(paths)

    def _started(self, paths: list[Path]) -> None:
        self.status.begin(paths)
        self._set_enabled(False)

    def _finished(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        if self.closing:
            return  # cancelled by closing the window: nobody is left to read a report
        self.status.end()
        self._set_enabled(True)
        self.statusMessage.emit(summary_text(report))
        self.imported.emit()
        self.report_dialog = ImportReportDialog(report, self.window)
        # closed, it hands the keys back to the window, even with no window manager to do it
        self.report_dialog.finished.connect(lambda _code: self.window.activateWindow())
        self.report_dialog.open()  # window-modal but not blocking: the results show behind it

    def _failed(self, error: object) -> None:
        self.status.end()
        self._set_enabled(True)
        show_error(self.window, translate("Window", "Arsip could not import"), str(error))

    def _set_enabled(self, enabled: bool) -> None:
        self.actions.set_import_enabled(enabled)
        self.welcome.import_files.setEnabled(enabled)
        self.welcome.import_folder.setEnabled(enabled)

    def shutdown(self) -> None:
        """The window is closing: cancel an import and wait for the writer to let go."""
        self.closing = True
        if self.imports.running:
            self.status.label.setText(translate("Window", "Cancelling the import before closing…"))
        self.imports.shutdown()
