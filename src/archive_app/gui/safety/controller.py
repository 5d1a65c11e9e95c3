"""File ▸ Back up, Restore and Check fixity: the library's safety, run off the GUI thread."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from archive_app.domain.errors import CatalogueDamagedError
from archive_app.domain.progress import CancelToken
from archive_app.gui.common.errors import show_error, show_notice
from archive_app.gui.common.i18n import count_text, number, translate
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.safety.write_notice import WriteWaitNotice

if TYPE_CHECKING:  # the core's modules load with the library, after the window shows
    from archive_app.usecases.archive import Archive
    from archive_app.usecases.backup import BackupInfo, FixityReport

log = logging.getLogger(__name__)
LISTED = 20  # changed or missing files named in the fixity message; the rest are counted
CHECKS_AT_THE_LATEST_MS = 3000  # the opening checks start then when no search is answered


def backup_filter() -> str:
    return translate("Safety", "Arsip backups (*.zip);;All files (*)")


def fixity_text(report: FixityReport) -> tuple[str, str]:
    """(the summary, the files a librarian must look at)."""
    checked = count_text(
        report.checked,
        translate("Safety", "{count} file checked"),
        translate("Safety", "{count} files checked"),
    )
    if report.ok:
        return translate(
            "Safety", "{checked}: every original and photo matches its SHA-256."
        ).format(checked=checked), ""
    summary = translate(
        "Safety", "{checked}: {changed} changed, {missing} missing. Restore them from a backup."
    ).format(
        checked=checked, changed=number(len(report.changed)), missing=number(len(report.missing))
    )
    lines = [translate("Safety", "changed: {path}").format(path=p) for p in report.changed]
    lines += [translate("Safety", "missing: {path}").format(path=p) for p in report.missing]
    more = len(lines) - LISTED
    shown = lines[:LISTED] + (
        [translate("Safety", "… and {count} more").format(count=number(more))] if more > 0 else []
    )
    return summary, "\n".join(shown)


def open_library_window(folder: Path) -> bool:
    """Start another Arsip on a library (one process per library keeps one writer each)."""
    return QProcess.startDetached(
        sys.executable, ["-m", "archive_app", "--library", str(folder), "gui"]
    )[0]


class SafetyController(QObject):
    """One job at a time on a lane of its own; `notice` is the last result shown."""

    statusMessage = Signal(str)
    finished = Signal(object)  # BackupInfo, the restored article count, or a FixityReport
    damaged = Signal(str)  # the catalogue check left for later found damage: writes refused
    checked = Signal()  # that check (and the daily backup) finished: writes may go on

    def __init__(self, archive: Archive, window: QWidget) -> None:
        super().__init__(window)
        self.archive, self.window = archive, window
        self.lane = TaskRunner(1, self)
        self.notice: QMessageBox | None = None
        self._checks = CancelToken()
        self.write_wait: WriteWaitNotice | None = None  # while checks run, on a window
        self._checks_queued = False

    # -- the checks opening left for later ---------------------------------------------------

    def settle_checks(self, writes: TaskRunner, after: Sequence[SignalInstance] = ()) -> None:
        """The catalogue's check and the daily automatic backup, which a library opened with
        check_later runs before its first write, started on the writer lane `writes` (writes
        queue behind them, and the facade makes any other write wait for them): now, or once
        one of the signals `after` fires (the first search answered: the check reads the whole
        catalogue file, and beside the first page it only slows it), CHECKS_AT_THE_LATEST_MS
        passes, or anything else is about to be queued on the lane, whichever comes first."""
        if self.archive.readonly or not self.archive.checks_pending:
            return
        start = partial(self._start_checks, writes)
        if not after:
            start()
            return
        for signal in after:
            signal.connect(start)
        writes.submitting.connect(start)  # a write made sooner: the checks go first
        QTimer.singleShot(CHECKS_AT_THE_LATEST_MS, self, start)

    def _start_checks(self, writes: TaskRunner, *_answer: object) -> None:
        if self._checks_queued or self._checks.cancelled:  # queued, or the window closed
            return
        self._checks_queued = True
        writes.submit(
            partial(self.archive.settle_checks, self._checks),
            lambda _none: self.checked.emit(),
            self._checks_failed,
        )
        if isinstance(self.window, QMainWindow):  # a change made meanwhile says it waits
            self.write_wait = WriteWaitNotice(writes, self.window.statusBar(), self)

    def _checks_failed(self, error: Exception) -> None:
        from archive_app.usecases.opening import ChecksStopped  # loaded with the library

        if isinstance(error, ChecksStopped):  # the window closed: the next opening checks
            log.info("%s (the window closed)", error)
        elif isinstance(error, CatalogueDamagedError):
            # the words opening gives when it refuses a damaged catalogue; reading goes on
            self.statusMessage.emit(str(error))
            self.damaged.emit(str(error))
            show_error(
                self.window,
                translate("Safety", "Arsip — the catalogue is damaged: nothing can be changed"),
                str(error),
            )
        else:  # not damage (a locked file): the first write checks again
            log.warning("checking the catalogue failed: %s", error, exc_info=error)

    def stop_checks(self) -> None:
        """The window is closing: the catalogue's check or the backup still running stops at
        its next safe point (the next opening runs them), so closing does not wait for them."""
        self._checks.cancel()

    @property
    def busy(self) -> bool:
        return self.lane.busy

    # -- backup ----------------------------------------------------------------------------

    def ask_backup(self) -> None:
        suggested = Path.home() / f"arsip-backup-{date.today().isoformat()}.zip"
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            translate("Safety", "Back up the library into one file"),
            str(suggested),
            backup_filter(),
        )
        if name:
            self.backup(Path(name))

    def backup(self, target: Path) -> None:
        self.statusMessage.emit(translate("Safety", "Backing up to {path}…").format(path=target))
        self.lane.submit(
            partial(self.archive.backup, target),
            self._backed_up,
            partial(self._failed, translate("Safety", "Arsip could not back up")),
        )

    def _backed_up(self, info: BackupInfo) -> None:
        text = translate("Safety", "{articles} and {files} backed up to {path}.").format(
            articles=count_text(
                info.articles,
                translate("Safety", "{count} article"),
                translate("Safety", "{count} articles"),
            ),
            files=count_text(
                info.files,
                translate("Safety", "{count} file"),
                translate("Safety", "{count} files"),
            ),
            path=info.path,
        )
        self._show(translate("Safety", "Backup finished"), text, info)

    # -- restore ---------------------------------------------------------------------------

    def ask_restore(self) -> None:
        source, _filter = QFileDialog.getOpenFileName(
            self.window, translate("Safety", "Restore a backup"), str(Path.home()), backup_filter()
        )
        if source:
            self.ask_restore_file(Path(source))

    def ask_restore_file(self, source: Path) -> None:
        """Restore `source`, asking only where: a backup chosen already (or double-clicked)."""
        folder = QFileDialog.getExistingDirectory(
            self.window,
            translate("Safety", "Restore into a new, empty folder"),
            str(source.parent),
        )
        if folder:
            self.restore(source, Path(folder))

    def restore(self, source: Path, folder: Path) -> None:
        from archive_app.usecases.archive import Archive  # loaded with the library

        self.statusMessage.emit(translate("Safety", "Restoring {file}…").format(file=source))
        self.lane.submit(
            partial(Archive.restore, source, folder),
            partial(self._restored, folder),
            partial(self._failed, translate("Safety", "Arsip could not restore")),
        )

    def _restored(self, folder: Path, articles: int) -> None:
        text = translate(
            "Safety", "{articles} restored into {path}. Open that library in a new window?"
        ).format(
            articles=count_text(
                articles,
                translate("Safety", "{count} article"),
                translate("Safety", "{count} articles"),
            ),
            path=folder,
        )
        self.statusMessage.emit(text)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("Safety", "Restore finished"),
            text,
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            self.window,
        )
        box.setObjectName("noticeBox")
        box.finished.connect(lambda result: self._answered(box, folder, result))
        self.notice = box
        box.open()
        self.finished.emit(articles)

    def _answered(self, box: QMessageBox, folder: Path, _result: int) -> None:
        opened = box.clickedButton() is box.button(QMessageBox.StandardButton.Open)
        if opened and not open_library_window(folder):
            show_error(
                self.window, translate("Safety", "Arsip could not open the library"), str(folder)
            )
        box.deleteLater()

    # -- fixity ----------------------------------------------------------------------------

    def check_fixity(self) -> None:
        self.statusMessage.emit(translate("Safety", "Checking every original and photo…"))
        self.lane.submit(
            self.archive.fixity,
            self._checked,
            partial(self._failed, translate("Safety", "Arsip could not check the files")),
        )

    def _checked(self, report: FixityReport) -> None:
        summary, details = fixity_text(report)
        title = (
            translate("Safety", "Fixity: all files intact")
            if report.ok
            else translate("Safety", "Fixity: files changed or missing")
        )
        self._show(title, summary, report, details)

    # -- both ------------------------------------------------------------------------------

    def _show(self, title: str, text: str, result: object, details: str = "") -> None:
        self.statusMessage.emit(text)
        self.notice = show_notice(self.window, title, text, details)
        self.finished.emit(result)

    def _failed(self, title: str, error: Exception) -> None:
        self.statusMessage.emit(str(error))
        show_error(self.window, title, str(error))

    def shutdown(self) -> None:
        self.lane.wait()
