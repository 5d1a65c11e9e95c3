"""The window shows and takes keys before its library is open (the core's modules load on a
worker meanwhile, about a second of a start); what was typed is searched once it opens."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tests.gui.conftest import FakeArchive

from archive_app.gui.shell import app as gui_app
from archive_app.gui.shell.library_opening import LibraryOpening
from archive_app.gui.shell.main_window import MainWindow
from archive_app.gui.shell.settings import Settings
from archive_app.usecases.archive import Archive

# what the window must not wait for: the catalogue's, the index's and the photos' libraries
CORE_ONLY = ("sqlalchemy", "whoosh", "PIL", "archive_app.usecases.archive", "archive_app.db")


def test_the_window_loads_none_of_the_catalogue_index_or_photo_modules() -> None:
    probe = (
        "import sys\n"
        "import archive_app.launcher\n"
        "from archive_app.gui.shell.app import run_gui\n"
        f"print(sorted(m for m in {CORE_ONLY!r} if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert run.stdout.strip() == "[]"


def test_the_search_field_takes_keys_while_the_library_opens_and_its_query_is_searched(
    qtbot: QtBot,
) -> None:
    archive = FakeArchive(40)
    may_open = threading.Event()

    def slow_open() -> FakeArchive:
        may_open.wait(10)
        return archive

    window = MainWindow(None, Settings())
    qtbot.addWidget(window)
    opening = LibraryOpening(window, slow_open)  # type: ignore[arg-type]
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.search_bar.field.hasFocus)
    assert window.opening
    qtbot.keyClicks(window.search_bar.field, "banjir")
    with qtbot.waitSignal(opening.opened, timeout=10_000):
        may_open.set()
    assert not window.opening
    assert window.search_bar.query == "banjir"  # kept, not replaced by the last session's
    qtbot.waitUntil(window.search_bar.field.hasFocus)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    assert archive.search_calls and archive.search_calls[-1][0] == "banjir"
    window.close()


def test_a_window_closed_before_its_library_opened_closes_the_library(
    qtbot: QtBot, tmp_path: Path
) -> None:
    Archive.open(tmp_path / "lib").close()
    QTimer.singleShot(0, lambda: _close_shown_windows())
    assert gui_app.run_gui(tmp_path / "lib") == 0
    with Archive.open(tmp_path / "lib"):  # the writer lock was let go
        pass


def _close_shown_windows() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            widget.close()
