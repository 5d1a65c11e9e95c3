"""`archive-app gui BACKUP` (a double-clicked backup): the window opens Restore with that file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from tests.gui.conftest import ARTICLES

from archive_app import APP_ID
from archive_app.gui.safety import controller as safety_controller
from archive_app.gui.shell import app as gui_app
from archive_app.gui.shell.main_window import MainWindow
from archive_app.launcher import main
from archive_app.usecases.archive import Archive


def _shown_window() -> MainWindow | None:
    windows = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w.isVisible() and not w.opening
    ]
    return windows[0] if windows else None


def test_a_backup_double_clicked_while_arsip_is_open_is_offered_for_restore(
    qtbot: QtBot, small_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "cadangan.zip"
    small_archive.backup(backup)
    target = tmp_path / "pulih"
    target.mkdir()
    asked: list[tuple[str, str]] = []

    def choose_folder(_parent: object, caption: str, folder: str, *_rest: object) -> str:
        asked.append((caption, folder))
        return str(target)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose_folder))
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *_a, **_k: pytest.fail("the backup given was asked for again")),
    )
    monkeypatch.setattr(safety_controller, "open_library_window", lambda _folder: True)
    seen: list[object] = []

    def close_once_restored() -> None:
        window = _shown_window()
        notice = window.safety.notice if window is not None else None
        if window is None or notice is None or not notice.isVisible():
            QTimer.singleShot(50, close_once_restored)
            return
        seen.extend([window.archive.readonly, notice.text()])
        notice.close()
        window.close()

    QTimer.singleShot(0, close_once_restored)
    # the fixture holds the library open, as the Arsip already running would
    assert main(["--library", str(small_archive.path), "gui", str(backup)]) == 0
    assert asked == [("Restore into a new, empty folder", str(tmp_path))]
    readonly, text = seen
    assert readonly is True  # this second window only reads the library the first one writes
    assert f"{len(ARTICLES)} articles restored into {target}" in str(text)
    with Archive.open(target, readonly=True) as restored:
        assert restored.count() == len(ARTICLES)
    assert QGuiApplication.desktopFileName() == APP_ID  # the menu entry's name


def test_a_missing_backup_is_named_in_one_line_and_no_window_opens(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = tmp_path / "cadangan-lama.zip"
    assert main(["--library", str(tmp_path / "lib"), "gui", str(gone)]) == 1
    assert capsys.readouterr().err == (
        f"archive-app: {gone}: no such file; give an Arsip backup file to restore\n"
    )
    assert _shown_window() is None and not (tmp_path / "lib").exists()


def test_without_a_backup_the_window_asks_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getExistingDirectory",
        staticmethod(lambda *_a, **_k: pytest.fail("Restore was opened without a backup")),
    )

    def close_when_shown() -> None:
        window = _shown_window()
        if window is None:
            QTimer.singleShot(20, close_when_shown)
            return
        QTimer.singleShot(200, window.close)  # after the start-up's own queued calls

    QTimer.singleShot(0, close_when_shown)
    assert gui_app.run_gui(tmp_path / "lib") == 0
