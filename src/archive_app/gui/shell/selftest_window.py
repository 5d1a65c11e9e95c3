"""The self-test's window check: open the window on the sample library, search, read an article."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QEventLoop,
    QMessageLogContext,
    QSettings,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)

from archive_app.gui.shell.app import application
from archive_app.gui.shell.main_window import MainWindow
from archive_app.gui.shell.settings import Settings
from archive_app.resources import resource
from archive_app.usecases.archive import Archive
from archive_app.usecases.selftest import FLOOD_TITLE, SelftestFailure

QUERY = "diperbaiki"  # an Indonesian word form the article writes as "memperbaiki"
CREDIT = "Agus Wicaksono/Berita Contoh"
WAIT_MS = 30_000  # generous: a loaded machine; a working window answers in well under a second
# the offscreen platform cannot hand a window's size hints to a window manager and says so on
# every layout change; a limit of the platform the check runs on, not a fault of the window
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def _print_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if not message.startswith(OFFSCREEN_NOISE):
        print(message, file=sys.stderr)


def _until(predicate: Callable[[], bool], what: str) -> None:
    """Run the event loop until `predicate()` holds (QEventLoop.exec lets the window's worker
    threads take the GIL, which QTest.qWait does not)."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while not predicate():
        if time.monotonic() > deadline:
            raise SelftestFailure(f"the window gave up waiting for {what}")
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def _reading_title(window: MainWindow) -> str | None:
    reading = window.reader.reading
    return reading.detail.record.title if reading is not None else None


def check_translation() -> None:
    """The Indonesian interface's catalogue is found and loads (a bundle must carry it)."""
    catalogue = resource("i18n/arsip_id.qm")
    translator = QTranslator()
    if not translator.load(str(catalogue)) or translator.isEmpty():
        raise SelftestFailure(f"{catalogue}: the Indonesian catalogue does not load")


def check_window(library: Path, scratch: Path, screenshot: Path | None = None) -> None:
    """Search the sample library in the window and read the article found; raises
    SelftestFailure saying what the window did not show. Settings go to `scratch`, so the
    person's own (recent libraries, window places) stay as they were."""
    application()
    check_translation()
    previous = qInstallMessageHandler(_print_qt_message)
    settings = Settings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    archive = Archive.open(library, check_later=True)
    window = MainWindow(archive, settings)
    try:
        window.resize(1280, 800)
        window.show()
        window.search_bar.set_query(QUERY)
        _until(lambda: window.model.rowCount() > 0, f"results for {QUERY!r}")
        if _reading_title(window) is None:
            window.table.selectRow(0)
        _until(lambda: _reading_title(window) is not None, "an article in the reader")
        shown = _reading_title(window)
        if shown != FLOOD_TITLE:
            raise SelftestFailure(f"searching {QUERY!r} showed {shown!r}, not {FLOOD_TITLE!r}")
        text = window.reader.toPlainText()
        if FLOOD_TITLE not in text or CREDIT not in text:
            raise SelftestFailure("the reader does not show the article's title and photo credit")
        if window.reader.hit_count == 0:
            raise SelftestFailure(f"the reader marks no hit of {QUERY!r}")
        if screenshot is not None and not window.grab().save(str(screenshot)):
            raise SelftestFailure(f"{screenshot}: the window's picture could not be saved")
    finally:
        window.close()
        archive.close()
        qInstallMessageHandler(previous)
