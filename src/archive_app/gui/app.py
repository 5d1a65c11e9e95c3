"""Start the desktop window: the Qt application, its look, the library, and a clean exit."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from archive_app.core.archive import Archive
from archive_app.core.errors import ArchiveError, LibraryLockedError
from archive_app.gui.errors import show_error
from archive_app.gui.main_window import MainWindow
from archive_app.gui.theme import app_icon, stylesheet

log = logging.getLogger(__name__)

EXIT_LOCKED = 2  # another Arsip is writing to this library
EXIT_ERROR = 1


def application() -> QApplication:
    """The one QApplication, named and styled as Arsip."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Arsip")
    app.setOrganizationName("Arsip")
    app.setDesktopFileName("archive-app")
    app.setWindowIcon(app_icon())
    app.setStyleSheet(stylesheet())
    return app


def run_gui(library: str | Path | None = None) -> int:
    """Open the library (the default one for None) in the window; returns the exit code."""
    app = application()
    try:
        archive = Archive.open(library)
    except LibraryLockedError as error:
        show_error(None, "Arsip — library in use",
                   f"{error}\n\nClose the other Arsip window or command, then try again.")
        return EXIT_LOCKED
    except ArchiveError as error:
        show_error(None, "Arsip — cannot open the library", str(error))
        return EXIT_ERROR
    except OSError as error:  # an unreadable or unwritable folder, a full disk
        show_error(None, "Arsip — cannot open the library",
                   f"{library or 'the default library'}: {error.strerror or error}")
        return EXIT_ERROR
    try:
        window = MainWindow(archive)
        window.show()
        return int(app.exec())
    finally:
        # the window waited for its workers when it closed, so nothing still uses the library
        archive.close()
        log.debug("library %s closed", archive.path)
