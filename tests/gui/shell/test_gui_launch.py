"""What the launch leaves for later: the index repair waits for the first answer, and the same
theme is not applied twice (a stylesheet set again polishes every widget again)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from archive_app.gui.shell import app as gui_app
from archive_app.gui.shell.theme import ThemeManager


class _Searches(QObject):
    counted = Signal(object)
    failed = Signal(str, object)


class _Safety(QObject):
    checked = Signal()


class _Window(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.searches = _Searches(self)
        self.safety = _Safety(self)


class _Archive:
    def __init__(self, checks_pending: bool = False) -> None:
        self.repairs = 0
        self.checks_pending = checks_pending

    def repair_index_in_background(self) -> None:
        self.repairs += 1


def _deferred(
    qtbot: QtBot, checks_pending: bool = False
) -> tuple[_Archive, _Window, gui_app.DeferredRepair]:
    archive, window = _Archive(checks_pending), _Window()
    qtbot.addWidget(window)
    repair = gui_app.DeferredRepair(archive, window)  # type: ignore[arg-type]
    return archive, window, repair


def test_the_repair_starts_once_the_first_search_is_counted(qtbot: QtBot) -> None:
    archive, window, _repair = _deferred(qtbot)
    assert archive.repairs == 0  # not beside the window's first page
    window.searches.counted.emit(object())
    window.searches.counted.emit(object())
    window.searches.failed.emit("x", ValueError())
    assert archive.repairs == 1


def test_a_failed_first_search_starts_it_too(qtbot: QtBot) -> None:
    archive, window, _repair = _deferred(qtbot)
    window.searches.failed.emit("title:", ValueError())
    assert archive.repairs == 1


def test_with_no_search_answered_it_starts_after_a_while(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gui_app, "REPAIR_AT_THE_LATEST_MS", 20)
    archive, _window, _repair = _deferred(qtbot)
    qtbot.waitUntil(lambda: archive.repairs == 1, timeout=2000)


def test_after_the_window_closed_no_repair_starts(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gui_app, "REPAIR_AT_THE_LATEST_MS", 20)
    archive, window, repair = _deferred(qtbot)
    repair.cancel()
    window.searches.counted.emit(object())
    qtbot.wait(60)
    assert archive.repairs == 0


def test_with_checks_pending_it_starts_after_them_not_beside_them(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gui_app, "REPAIR_AT_THE_LATEST_MS", 20)
    archive, window, _repair = _deferred(qtbot, checks_pending=True)
    window.searches.counted.emit(object())
    qtbot.wait(60)
    # the repair takes the writer lane: first there, it would run the checks out of the
    # window's reach (closing stops only the window's own run of them)
    assert archive.repairs == 0
    window.safety.checked.emit()
    assert archive.repairs == 1


def test_the_same_theme_again_sets_no_stylesheet(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ThemeManager("light")
    sheets: list[Any] = []
    original = app.setStyleSheet
    monkeypatch.setattr(app, "setStyleSheet", lambda sheet: (sheets.append(sheet), original(sheet)))
    ThemeManager("light")
    assert sheets == []
    ThemeManager("dark")
    assert len(sheets) == 1
    ThemeManager("light")  # leave the look the other tests expect
