"""Run one import at a time on the writer thread, with progress, cancel and a final report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from archive_app.domain.model import ImportReport
from archive_app.domain.progress import CancelToken, Progress, ProgressCallback
from archive_app.gui.common.tasks import TaskRunner


class ImportTarget(Protocol):
    """What importing needs from the Archive facade."""

    def import_paths(
        self,
        paths: Iterable[str | Path],
        progress: ProgressCallback = ...,
        cancel: CancelToken | None = ...,
    ) -> ImportReport: ...


class ImportController(QObject):
    """Starts imports on a single-thread lane; the GUI thread only ever sees signals."""

    started = Signal(object)  # the list of paths
    progressed = Signal(object)  # Progress, emitted on the worker; queued to GUI-thread slots
    finished = Signal(object)  # ImportReport (report.cancelled tells a cancelled import)
    failed = Signal(object)  # the exception, when the import could not run at all

    def __init__(
        self, archive: ImportTarget, lane: TaskRunner | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._archive = archive
        # one writer at a time, as the library requires: the window shares this lane with
        # its other writes (saved searches), which then wait behind an import, not the GUI
        self._lane = lane if lane is not None else TaskRunner(1, self)
        self._token: CancelToken | None = None

    @property
    def running(self) -> bool:
        """True from start() until the report (or the failure) has reached the GUI thread."""
        return self._token is not None

    @property
    def worker_busy(self) -> bool:
        """True while the worker thread is still inside the import."""
        return self._lane.working

    def start(self, paths: Sequence[Path]) -> bool:
        """Import files and folders; False (nothing started) while another import runs."""
        if self.running or not paths:
            return False
        token = self._token = CancelToken()
        chosen = list(paths)

        def report_progress(progress: Progress) -> None:
            self.progressed.emit(progress)  # called on the worker thread

        def job() -> ImportReport:
            return self._archive.import_paths(chosen, progress=report_progress, cancel=token)

        self.started.emit(chosen)
        self._lane.submit(job, self._done, self._error)
        return True

    def cancel(self) -> None:
        """Ask the import to stop at its next safe point (what was committed stays)."""
        if self._token is not None:
            self._token.cancel()

    def shutdown(self) -> None:
        """Cancel any import and wait for the worker: the library may be closed afterwards."""
        self.cancel()
        self._lane.wait()

    def _done(self, report: object) -> None:
        self._token = None
        self.finished.emit(report)

    def _error(self, error: Exception) -> None:
        self._token = None
        self.failed.emit(error)
