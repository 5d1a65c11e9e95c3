"""Several libraries in one window: New, Open, Recent, switching, and remembering the choice."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from tests.conftest import library_made
from tests.gui.conftest import ARTICLES

from archive_app.gui.shell import app as gui_app
from archive_app.gui.shell.main_window import MainWindow
from archive_app.gui.shell.settings import Settings
from archive_app.storage.library_folder import ENV_VAR
from archive_app.storage.library_location import team_location
from archive_app.usecases.archive import Archive


def when_modal(kind: type[QWidget], act: Callable[[QWidget], None]) -> list[QWidget]:
    """Answer the next modal dialog of `kind` with `act` (it blocks the test until answered)."""
    seen: list[QWidget] = []

    def poll() -> None:
        shown = QApplication.activeModalWidget()
        if isinstance(shown, kind) and shown.isVisible():
            seen.append(shown)
            act(shown)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def choose_folder(folder: Path) -> list[QWidget]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(folder))
        dialog.accept()

    return when_modal(QFileDialog, act)


def answer_box(button: str, said: list[str]) -> list[QWidget]:
    """Note the next message box's text in `said` and press its button named `button`."""

    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        named = [b for b in box.buttons() if button in (b.objectName(), b.text().replace("&", ""))]
        (named[0] if named else box.buttons()[0]).click()  # never leave the test blocked

    return when_modal(QMessageBox, act)


def write_articles(path: Path, rows: tuple[tuple[str, ...], ...]) -> Path:
    keys = ("judul", "isi_berita", "tanggal_publikasi", "sumber", "url", "author")
    path.write_text(
        "".join(json.dumps(dict(zip(keys, r, strict=True))) + "\n" for r in rows),
        encoding="utf-8",
    )
    return path


ELSEWHERE = (
    (
        "Festival Kopi Gayo Dibuka di Takengon",
        "TAKENGON - Festival kopi tahunan dibuka dengan lelang biji kopi terbaik.",
        "20 Jun 2025, 10:00 WIB",
        "kompas.com",
        "https://www.kompas.com/read/2025/06/20/festival-kopi",
        "Raja Umar",
    ),
)


@pytest.fixture
def first_library(tmp_path: Path) -> Path:
    folder = tmp_path / "first"
    with Archive.open(folder) as archive:
        report = archive.import_paths([write_articles(tmp_path / "a.jsonl", ARTICLES)])
        assert len(report.added) == len(ARTICLES)
    return folder


@pytest.fixture
def libraries_window(qtbot: QtBot, first_library: Path) -> Iterator[MainWindow]:
    """The window on the first library; it closes whichever library it shows at the end."""
    window = MainWindow(Archive.open(first_library, check_later=True))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(ARTICLES), timeout=10_000)
    yield window
    window.close()
    window.archive.close()


def location(folder: Path) -> str:
    """The library made at `folder` as the window remembers and lists it: the folder, or on
    --backend postgresql (where the folder holds a .arsip-team) the team catalogue's address:
    the folder the window opens for a team library is only this desktop's part of it."""
    team = team_location(folder)
    return str(folder) if team is None else team.address


def title(folder: Path) -> str:
    """The window's title on the library made at `folder`: its folder, or a team catalogue's
    address without the scheme (and with no password)."""
    return f"Arsip — {location(folder).removeprefix('postgresql://')}"


def showing(window: MainWindow) -> str:
    """The library the window shows, named as `location` names it."""
    return window.archive.layout.team or str(window.archive.path)


def recent_action(window: MainWindow, folder: Path) -> None:
    """Choose the library made at `folder` from File ▸ Recent libraries as a person does (the
    menu fills on show)."""
    menu = window.actions_.recent_libraries
    menu.aboutToShow.emit()
    (action,) = [a for a in menu.actions() if a.text().split(" — ")[0] == location(folder)]
    action.trigger()


def titles(window: MainWindow) -> list[str]:
    """The titles listed (blank for a row whose summary is still being read)."""
    rows = (window.model.summary(row) for row in range(window.model.rowCount()))
    return [summary.title if summary else "" for summary in rows]


def test_a_second_library_is_made_from_the_window_and_each_shows_its_own_articles(
    qtbot: QtBot, libraries_window: MainWindow, first_library: Path, tmp_path: Path
) -> None:
    window = libraries_window
    second = tmp_path / "second"
    second.mkdir()  # made in the folder dialog, as a person does
    chosen = choose_folder(second)
    window.actions_.new_library.trigger()
    qtbot.waitUntil(lambda: showing(window) == location(second), timeout=10_000)
    assert chosen, "File ▸ New library asked for a folder"
    assert library_made(second)
    assert window.windowTitle() == title(second)
    assert window.stack.currentWidget() is window.welcome
    with Archive.open(first_library):  # closed cleanly: its writer lock is free for another Arsip
        pass
    team = window.archive.team_name
    assert window.welcome.library_label.text() == (
        f"Library “second” in {tmp_path}" if team is None else f"Team library {team}"
    )

    assert window.import_paths([write_articles(tmp_path / "b.jsonl", ELSEWHERE)])
    qtbot.waitUntil(lambda: titles(window) == [ELSEWHERE[0][0]], timeout=20_000)

    recent_action(window, first_library)
    qtbot.waitUntil(lambda: showing(window) == location(first_library), timeout=10_000)
    assert window.windowTitle() == title(first_library)
    everything = sorted(row[0] for row in ARTICLES)
    qtbot.waitUntil(lambda: sorted(titles(window)) == everything, timeout=10_000)
    qtbot.waitUntil(lambda: window.reader.reading is not None, timeout=10_000)
    assert window.reader.reading.detail.record.title in {row[0] for row in ARTICLES}

    recent_action(window, second)
    qtbot.waitUntil(lambda: showing(window) == location(second), timeout=10_000)
    qtbot.waitUntil(lambda: titles(window) == [ELSEWHERE[0][0]], timeout=10_000)
    assert Settings().recent_libraries[:2] == [location(second), location(first_library)]


def test_new_library_refuses_a_folder_holding_other_files(
    qtbot: QtBot, libraries_window: MainWindow, first_library: Path, tmp_path: Path
) -> None:
    window = libraries_window
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "thesis.odt").write_text("chapter one")
    choose_folder(papers)
    said: list[str] = []
    answer_box("OK", said)
    window.actions_.new_library.trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert str(papers) in said[0] and "thesis.odt" in said[0]
    assert showing(window) == location(first_library)
    assert sorted(p.name for p in papers.iterdir()) == ["thesis.odt"]


def test_a_vanished_library_is_reported_removed_on_request_and_not_made_again(
    qtbot: QtBot, libraries_window: MainWindow, first_library: Path, tmp_path: Path
) -> None:
    window = libraries_window
    gone = tmp_path / "gone"
    Archive.open(gone).close()
    Settings().remember_library(str(gone))
    Settings().remember_library(str(first_library))
    shutil.rmtree(gone)

    said: list[str] = []
    answer_box("forgetLibrary", said)
    window.actions_.recent_libraries.aboutToShow.emit()
    listed = [a.text() for a in window.actions_.recent_libraries.actions()]
    assert f"{gone} — not found" in listed  # said before it is chosen
    recent_action(window, gone)
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert str(gone) in said[0] and "not there any more" in said[0]
    qtbot.waitUntil(lambda: str(gone) not in Settings().recent_libraries)
    assert not gone.exists(), "a vanished library was made again"
    assert showing(window) == location(first_library)
    assert window.model.rowCount() == len(ARTICLES)
    window.actions_.recent_libraries.aboutToShow.emit()
    shown = [a.text() for a in window.actions_.recent_libraries.actions()]
    assert str(gone) not in shown


def test_the_remembered_library_opens_on_the_next_start_unless_one_is_named(
    qtbot: QtBot, first_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    Settings().remember_library(str(first_library))
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
        windows[0].close()

    QTimer.singleShot(0, close_the_window)
    assert gui_app.run_gui(None) == 0
    assert seen == [title(first_library)]

    named = tmp_path / "named"
    monkeypatch.setenv(ENV_VAR, str(named))  # the environment wins over the remembered one
    QTimer.singleShot(0, close_the_window)
    assert gui_app.run_gui(None) == 0
    assert seen[-1] == title(named)
    assert Settings().last_library == location(named)


def test_the_library_open_already_is_not_opened_twice(
    qtbot: QtBot, libraries_window: MainWindow, first_library: Path
) -> None:
    window = libraries_window
    shown = window.archive
    assert window.libraries.open_path(first_library / ".." / first_library.name)
    assert window.archive is shown and window.model.rowCount() == len(ARTICLES)
    assert "open already" in window.statusBar().currentMessage()


def test_a_remembered_library_that_vanished_is_reported_at_start_and_not_made_again(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the default library's home
    gone = tmp_path / "gone"
    Archive.open(gone).close()
    Settings().remember_library(str(gone))
    shutil.rmtree(gone)
    said: list[str] = []
    answer_box("forgetLibrary", said)
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
        windows[0].close()

    QTimer.singleShot(0, close_the_window)
    assert gui_app.run_gui(None) == 0
    assert said and str(gone) in said[0]
    assert not gone.exists(), "the vanished library was made again"
    default = tmp_path / "data" / "Arsip" / "Library"
    assert seen == [title(default)]
    assert str(gone) not in Settings().recent_libraries
