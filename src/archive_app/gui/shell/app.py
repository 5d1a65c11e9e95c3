"""Start the desktop window: the Qt application, its language and look, the library, exit."""

from __future__ import annotations

import logging
import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from archive_app import APP_ID
from archive_app.domain.errors import ArchiveError, LibraryLockedError
from archive_app.gui.common import i18n
from archive_app.gui.common.errors import show_error
from archive_app.gui.common.i18n import translate
from archive_app.gui.shell.crash_guard import CrashGuard
from archive_app.gui.shell.library_opening import LibraryOpening
from archive_app.gui.shell.library_switch import ask_to_forget
from archive_app.gui.shell.main_window import MainWindow
from archive_app.gui.shell.restore_on_start import offer_restore, open_library
from archive_app.gui.shell.settings import Settings
from archive_app.gui.shell.theme import ThemeManager, app_icon
from archive_app.storage.library_folder import ENV_VAR
from archive_app.usecases.library_choice import require_existing

if TYPE_CHECKING:
    from archive_app.usecases.archive import Archive

log = logging.getLogger(__name__)

EXIT_LOCKED = 2  # another Arsip is writing to this library
EXIT_ERROR = 1
REPAIR_AT_THE_LATEST_MS = 3000  # when no search is answered sooner (an empty library)


def application() -> QApplication:
    """The one QApplication, named, translated and styled as Arsip."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Arsip")
    app.setOrganizationName("Arsip")
    # the .desktop entry's name: Wayland's app id, so the desktop shows the menu's icon and name
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")  # one look on every desktop, and dark palettes that hold together
    settings = Settings()
    i18n.install(app, settings.language)
    ThemeManager(settings.theme, app)
    return app


def run_gui(library: str | Path | None = None, restore: Path | None = None) -> int:
    """Open the library (the default one for None) in the window, with Restore asking about
    the backup `restore` when one is given; returns the exit code. The window shows at once
    and takes keys; the library opens on a worker meanwhile (see LibraryOpening)."""
    app = application()
    settings = Settings()
    library = chosen_library(library, settings)
    window = MainWindow(None, settings)
    # an exception nothing caught is written to a report and shown, not lost on a terminal
    guard = CrashGuard(lambda: None if window.opening else window.archive.path, lambda: window, app)
    guard.install()
    opening = LibraryOpening(window, partial(open_library, library, restore))
    opening.opened.connect(partial(_started, guard, window, restore))
    opening.failed.connect(partial(_refused, app, window, library))
    try:
        window.show()
        return int(app.exec())
    finally:
        guard.uninstall()
        guard.deleteLater()
        if window.opening:  # closed before its library opened, or it could not be opened
            opening.abandon()
        else:
            for repair in window.findChildren(DeferredRepair):
                repair.cancel()
            archive = window.archive  # the one open now, after any switch
            # the window waited for its workers when it closed; closing the library cancels
            # the index repair and waits for it (what it did not finish, the next start repairs)
            archive.close()
            log.debug("library %s closed", archive.path)
        # deleted here, on this thread: left to the cyclic collector (the window and its parts
        # refer to each other), it could be freed on whichever thread collects next, a
        # worker's, and Qt widgets must be deleted on the GUI thread
        shiboken6.delete(opening)
        shiboken6.delete(window)


def _started(guard: CrashGuard, window: MainWindow, restore: Path | None, archive: Archive) -> None:
    """The library is open and the window shows it: what follows a start."""
    watch_window(guard, window)
    window.libraries.switched.connect(lambda _opened: watch_window(guard, window))
    if restore is not None:
        offer_restore(window, restore)
    DeferredRepair(archive, window)
    # a library opened from the File menu repairs its index alike (the last one's repair,
    # a child of the window, went with its views)
    window.libraries.switched.connect(lambda opened: DeferredRepair(opened, window))


def _refused(
    app: QApplication, window: MainWindow, library: str | Path | None, error: Exception
) -> None:
    """The library could not be opened: say why, and end with the exit code that says so."""
    window.hide()
    if isinstance(error, LibraryLockedError):
        show_error(
            None,
            translate("App", "Arsip — library in use"),
            translate(
                "App", "{error}\n\nClose the other Arsip window or command, then try again."
            ).format(error=error),
        )
        app.exit(EXIT_LOCKED)
    elif isinstance(error, ArchiveError):
        show_error(None, translate("App", "Arsip — cannot open the library"), str(error))
        app.exit(EXIT_ERROR)
    elif isinstance(error, OSError):  # an unreadable or unwritable folder, a full disk
        where = str(library) if library else translate("App", "the default library")
        show_error(
            None,
            translate("App", "Arsip — cannot open the library"),
            f"{where}: {error.strerror or error}",
        )
        app.exit(EXIT_ERROR)
    else:  # a bug: the crash guard reports it
        app.exit(EXIT_ERROR)
        raise error


def watch_window(guard: CrashGuard, window: MainWindow) -> None:
    """What the crash dialog may say the person was doing: the window's actions and buttons,
    and an import started by dropping files as well as from the menu."""
    guard.watch(window, [(window.imports.started, translate("Crash", "importing files"))])


def chosen_library(library: str | Path | None, settings: Settings) -> str | Path | None:
    """The library to open: --library, else ARCHIVE_APP_LIBRARY, else the one open when Arsip
    last closed if it is still there (else the default one: None). A remembered library that
    moved or vanished is reported, and forgotten if the person says so; never made again."""
    if library or os.environ.get(ENV_VAR):
        return library
    remembered = settings.last_library
    if not remembered:
        return None
    try:
        return require_existing(remembered)
    except ArchiveError as error:
        log.info("remembered library: %s", error)
        if ask_to_forget(None, str(error)):
            settings.forget_library(remembered)
        return None


class DeferredRepair(QObject):
    """A library opened with drift repairs its index in the background (the status bar says
    how far), started once the window's first search is answered (and the checks opening left
    for later have run): the repair loads the facet columns, and on the same interpreter
    beside the first page it would only delay it."""

    def __init__(self, archive: Archive, window: MainWindow) -> None:
        super().__init__(window)
        self._archive = archive
        self._done = False
        if archive.checks_pending:
            # after the opening checks (themselves after the first answer): the repair takes
            # the writer lane, and there first it would run them itself, where closing the
            # window cannot stop them
            window.safety.checked.connect(self.start)
            return
        window.searches.counted.connect(self.start)
        window.searches.failed.connect(self.start)
        QTimer.singleShot(REPAIR_AT_THE_LATEST_MS, self, self.start)

    def start(self, *_answer: object) -> None:
        if not self._done:
            self._done = True
            self._archive.repair_index_in_background()

    def cancel(self) -> None:
        """The window closed: no repair starts any more (closing the library stops one)."""
        self._done = True
