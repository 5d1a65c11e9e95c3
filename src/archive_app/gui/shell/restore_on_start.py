"""A backup double-clicked in the file manager: the window opens Restore with it once shown."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from archive_app.domain.errors import LibraryLockedError
from archive_app.gui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from archive_app.usecases.archive import Archive


def open_library(library: str | Path | None, restore: Path | None) -> Archive:
    """The library the window shows; read-only when Arsip already has it open and the window
    was started only to restore a backup (which writes nothing in this library). The core's
    modules load here, on the worker opening it while the window shows."""
    from archive_app.usecases.archive import Archive

    try:
        # shown at once, ready to read: the catalogue's check and the daily backup run on the
        # window's writer lane, before any write (the window says so if it finds damage)
        return Archive.open(library, check_later=True)
    except LibraryLockedError:
        if restore is None:
            raise
        return Archive.open(library, readonly=True)


def offer_restore(window: MainWindow, backup: Path) -> None:
    """File ▸ Restore with `backup` chosen already: it asks where to restore it, as soon as the
    window is on screen."""
    QTimer.singleShot(0, window, partial(window.safety.ask_restore_file, backup))
