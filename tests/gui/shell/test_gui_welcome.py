"""An empty library opens on the welcome view, whose buttons and drops start an import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive

SEED_TITLE = "Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian"


def _buttons(widget: QWidget) -> dict[str, QPushButton]:
    return {b.text(): b for b in widget.findChildren(QPushButton) if b.isVisible()}


def test_an_empty_library_shows_the_welcome_view_with_both_import_buttons(
    window: MainWindow, gui_archive: Archive
) -> None:
    # the title names the library: its folder, or (--backend postgresql) the team catalogue's
    # address without the scheme: its folder here is only this desktop's index
    team = gui_archive.layout.team
    shown_as = gui_archive.path if team is None else team.removeprefix("postgresql://")
    assert window.windowTitle() == f"Arsip — {shown_as}"
    assert window.stack.currentWidget() is window.welcome
    buttons = _buttons(window.welcome)
    assert {"Import files…", "Import folder…"} <= set(buttons)
    assert all(b.isEnabled() for b in buttons.values())
    assert buttons["Import files…"].accessibleName() == "Import files"
    assert buttons["Import folder…"].accessibleName() == "Import folder"
    assert window.acceptDrops()


def test_import_files_button_imports_the_chosen_file(
    qtbot: QtBot, window: MainWindow, seed_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        staticmethod(lambda *args, **kwargs: ([str(seed_file)], "")),
    )
    with qtbot.waitSignal(window.imports.finished, timeout=30_000):
        qtbot.mouseClick(_buttons(window.welcome)["Import files…"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.stack.currentWidget() is window.browse
    assert window.model.index(0, 0).data() == SEED_TITLE


def test_import_folder_button_imports_the_chosen_folder(
    qtbot: QtBot, window: MainWindow, seed_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getExistingDirectory",
        staticmethod(lambda *args, **kwargs: str(seed_file.parent)),
    )
    with qtbot.waitSignal(window.imports.finished, timeout=30_000) as done:
        qtbot.mouseClick(_buttons(window.welcome)["Import folder…"], Qt.MouseButton.LeftButton)
    assert len(done.args[0].added) >= 1
    qtbot.waitUntil(lambda: window.model.rowCount() >= 1)
    assert window.stack.currentWidget() is window.browse


def _drop(target: QWidget, paths: list[Path]) -> tuple[bool, QDropEvent]:
    """Drag local files onto `target` and drop them; Qt passes the events up to the window."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(target.rect().center())
    enter = QDragEnterEvent(
        point.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    drop = QDropEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    return enter.isAccepted(), drop


def test_dropping_a_file_on_the_welcome_view_imports_it(
    qtbot: QtBot, window: MainWindow, seed_file: Path
) -> None:
    with qtbot.waitSignal(window.imports.finished, timeout=30_000):
        accepted, _drop_event = _drop(window.welcome, [seed_file])
    assert accepted
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.index(0, 0).data() == SEED_TITLE


def test_files_dropped_on_the_search_box_or_reader_are_imported_too(
    qtbot: QtBot, seeded_window: MainWindow, seed_file: Path, tmp_path: Path
) -> None:
    accepted, _drop_event = _drop(seeded_window.search_bar.field, [])
    assert not accepted  # plain text or nothing: not an import
    with qtbot.waitSignal(seeded_window.imports.finished, timeout=30_000) as done:
        accepted, _drop_event = _drop(seeded_window.reader.viewport(), [seed_file])
    assert accepted
    assert len(done.args[0].duplicates) == 1  # it was the seed again: reported, not added
    with qtbot.waitSignal(seeded_window.imports.finished, timeout=30_000) as done:
        accepted, _drop_event = _drop(seeded_window.search_bar.field, [seed_file])
    assert accepted
    assert seeded_window.search_bar.query == ""  # the path was not typed into the query


def test_a_drag_of_web_links_is_refused(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl("https://www.jpnn.com/news/some-article")])
    enter = QDragEnterEvent(
        QPointF(10, 10).toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window.welcome, enter)
    assert not enter.isAccepted()
    assert not window.imports.running
