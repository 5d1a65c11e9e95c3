"""Catch what nothing else caught in the window: write a local report and say so in a dialog."""

from __future__ import annotations

import logging
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any

import PySide6
from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    SignalInstance,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMenu, QWidget

from archive_app.gui.common.i18n import translate
from archive_app.gui.shell.crash_dialog import CrashDialog
from archive_app.usecases.crash_report import write_report

log = logging.getLogger(__name__)

QT_MESSAGES_KEPT = 5  # the last warnings from Qt, written into a report (redacted)
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_versions() -> dict[str, str]:
    return {"Qt": qVersion(), "PySide6": PySide6.__version__}


def action_name(action: QAction) -> str:
    """How a person knows the action: its menu and its words ("Edit ▸ Copy a citation")."""
    words = action.text().replace("&", "").rstrip("…").strip()
    menus = [
        m.title().replace("&", "")
        for m in action.associatedObjects()
        if isinstance(m, QMenu) and m.title()
    ]
    return f"{menus[0]} ▸ {words}" if menus else words


class CrashGuard(QObject):
    """Installed once for the process (sys.excepthook, threading.excepthook, Qt's message
    handler, each handing on to the one before): an exception no one caught in a slot, a
    worker's result handler or a thread is written to a report (usecases/crash_report) and
    shown in a CrashDialog naming what the person last chose. One dialog at a time."""

    reported = Signal(object)  # the report's Path, or None when none could be written
    # queued: reported on the GUI thread (the one with windows), once the failing signal's
    # other slots have run, the guard's own among them (it notes the action chosen after the
    # window's slot for it, which may be the one that failed)
    _failed = Signal(object)

    def __init__(
        self,
        library: Callable[[], Path | None],
        window: Callable[[], QWidget | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._window = window
        self.doing = translate("Crash", "using the window")
        self.dialog: CrashDialog | None = None
        self._qt_messages: deque[str] = deque(maxlen=QT_MESSAGES_KEPT)
        self._previous: tuple[Any, Any, Any] | None = None
        self._failed.connect(self.report, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        if self._previous is not None:
            return
        handler = qInstallMessageHandler(self._qt_message)
        self._previous = (sys.excepthook, threading.excepthook, handler)
        sys.excepthook = self._caught
        threading.excepthook = self._caught_in_thread

    def uninstall(self) -> None:
        if self._previous is None:
            return
        sys.excepthook, threading.excepthook, handler = self._previous
        qInstallMessageHandler(handler)
        self._previous = None

    def watch(self, root: QWidget, tasks: Sequence[tuple[SignalInstance, str]] = ()) -> None:
        """Note each action and button of `root` when it is used, and each task of `tasks`
        (a signal that it started, what to call it) when it starts; called again after the
        window built its menus and workers anew for another library."""
        for action in root.findChildren(QAction):
            action.triggered.connect(partial(self._chose, action))
        for button in root.findChildren(QAbstractButton):
            if button.text():
                button.clicked.connect(partial(self._pressed, button))
        for started, doing in tasks:
            started.connect(partial(self._started, doing))

    def note(self, doing: str) -> None:
        """What the person is doing now, in their words (the last action chosen, by default)."""
        self.doing = doing

    def _chose(self, action: QAction, *_checked: object) -> None:
        self.doing = action_name(action)

    def _started(self, doing: str, *_details: object) -> None:
        self.doing = doing

    def _pressed(self, button: QAbstractButton, *_checked: object) -> None:
        self.doing = button.text().replace("&", "").rstrip("…").strip()

    # -- hooks ---------------------------------------------------------------------------

    def _caught(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if not isinstance(error, Exception):  # Ctrl+C, SystemExit: not a failure to report
            assert self._previous is not None
            self._previous[0](kind, error, trace)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(trace)
        self._failed.emit(error)

    def _caught_in_thread(self, args: threading.ExceptHookArgs) -> None:
        if isinstance(args.exc_value, Exception):
            self._failed.emit(args.exc_value)

    def _qt_message(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if mode != QtMsgType.QtDebugMsg:
            self._qt_messages.append(message)
        previous = self._previous[2] if self._previous is not None else None
        if previous is not None:
            previous(mode, context, message)
        else:
            log.log(_LEVELS.get(mode, logging.WARNING), "Qt: %s", message)
        if mode == QtMsgType.QtFatalMsg:  # Qt ends the process on return: report first
            self._write(RuntimeError(message))

    # -- reporting -----------------------------------------------------------------------

    def report(self, error: BaseException) -> None:
        """Write the report and show the dialog (unless one is showing already)."""
        try:
            report, problem = self._write(error)
            self.reported.emit(report)
            if self.dialog is None:
                self.dialog = CrashDialog(self.doing, report, problem, self._window())
                self.dialog.finished.connect(self._closed)
                self.dialog.open()
        except Exception as failure:  # raised on, it would come back here and loop
            # the guard's own failure is logged with the one it was reporting, never reported
            log.critical("reporting a failure failed: %s", failure, exc_info=failure)
            log.critical("the failure it was reporting", exc_info=error)

    def _write(self, error: BaseException) -> tuple[Path | None, str]:
        try:
            path = write_report(
                error, self.doing, self._library(), qt_versions(), list(self._qt_messages)
            )
        except OSError as problem:  # nowhere to write: the dialog says so
            log.error("no report could be written: %s", problem, exc_info=error)
            return None, problem.strerror or str(problem)
        return path, ""

    def _closed(self, _result: int) -> None:
        self.dialog = None
