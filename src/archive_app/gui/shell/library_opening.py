"""Open the library on a worker while the window is on screen, then build the window over it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from archive_app.usecases.archive import Archive


class LibraryOpening(QObject):
    """The core's modules (SQLAlchemy, the catalogue's tables, Whoosh: about a second of a
    start) load and the library opens on a worker while the window already takes keys; the
    window is built over the library when it is open. Give `open_library` a function that
    imports the core itself: imported before the window, it would delay it as before."""

    opened = Signal(object)  # the Archive, once the window shows it
    failed = Signal(object)  # the exception opening raised (the window still shows nothing)

    def __init__(self, window: MainWindow, open_library: Callable[[], Archive]) -> None:
        super().__init__()
        self._window = window
        self._opened: list[Archive] = []  # on the worker: what `abandon` closes if not shown
        self._runner = TaskRunner(1, self)
        self._runner.submit(partial(self._open, open_library), self._show, self.failed.emit)

    def _open(self, open_library: Callable[[], Archive]) -> Archive:
        archive = open_library()
        self._opened.append(archive)
        return archive

    def _show(self, archive: Archive) -> None:
        if not self._window.isVisible():  # closed while the library opened: `abandon` closes it
            return
        self._opened.remove(archive)
        self._window.show_library(archive)
        self.opened.emit(archive)

    def abandon(self) -> None:
        """The window closed before its library opened: wait for the opening, close what it
        opened."""
        self._runner.wait()
        while self._opened:
            self._opened.pop().close()
