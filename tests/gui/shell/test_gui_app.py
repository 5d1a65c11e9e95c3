"""run_gui: opens the library in the window, closes it on exit, explains a locked library."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tests.backends import TestCatalogues

from archive_app.gui.shell import app as gui_app
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive


def _capture_errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        gui_app, "show_error", lambda parent, title, message: shown.append((title, message))
    )
    return shown


def test_a_library_locked_by_another_arsip_gets_a_clear_message(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _capture_errors(monkeypatch)
    with Archive.open(tmp_path / "lib"):
        code = gui_app.run_gui(tmp_path / "lib")
    assert code != 0
    ((title, message),) = shown
    assert "in use" in title
    assert "Close the other Arsip" in message


def test_a_folder_that_is_not_a_library_is_refused_with_a_message(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _capture_errors(monkeypatch)
    stranger = tmp_path / "documents"
    stranger.mkdir()
    (stranger / "thesis.odt").write_text("not an archive")
    assert gui_app.run_gui(stranger) != 0
    assert shown and "cannot open the library" in shown[0][0]
    assert (stranger / "thesis.odt").read_text() == "not an archive"


def test_run_gui_shows_the_window_and_closes_the_library_on_exit(
    qtbot: QtBot, tmp_path: Path, _team_backend: TestCatalogues | None
) -> None:
    seen: list[str] = []

    def close_the_window() -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and not w.opening
        ]
        if not windows:
            QTimer.singleShot(20, close_the_window)
            return
        seen.append(windows[0].windowTitle())
        seen.append(windows[0].stack.currentWidget().objectName())
        windows[0].close()

    QTimer.singleShot(0, close_the_window)
    assert gui_app.run_gui(tmp_path / "lib") == 0
    # the title names the library: its folder, or (--backend postgresql) the team catalogue's
    # address the folder stands for, without the scheme and with no password
    if _team_backend is None:
        shown_as = str(tmp_path / "lib")
    else:
        address = _team_backend.server.url(_team_backend.made[-1])
        shown_as = address.removeprefix("postgresql://")
    assert seen == [f"Arsip — {shown_as}", "welcome"]
    assert QApplication.applicationName() == "Arsip"
    assert not QApplication.windowIcon().isNull()
    assert "searchField" in QApplication.instance().styleSheet()  # type: ignore[union-attr]
    with Archive.open(tmp_path / "lib"):  # the writer lock was released on exit
        pass
