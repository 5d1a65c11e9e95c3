"""The window on a team library (a real PostgreSQL catalogue): opened from File ▸ Open library…
by a folder holding .arsip-team, named by its address, searched and read; a reader's window
greys out editing and importing and says why."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot
from tests.gui.conftest import ARTICLES
from tests.gui.shell.test_gui_libraries import (
    choose_folder,
    titles,
    when_modal,
    write_articles,
)
from tests.postgres_server import SUPERUSER, PostgresServer

from archive_app.gui.shell.app import DeferredRepair
from archive_app.gui.shell.main_window import MainWindow
from archive_app.gui.shell.settings import Settings
from archive_app.usecases import team_members
from archive_app.usecases.archive import Archive

REASON = "your role on this team library is reader"


@pytest.fixture
def team_catalogue(migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A team catalogue holding the four articles, indexed on this desktop (its index under a
    temporary user data folder)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desktop"))
    with Archive.open(migrated_postgres) as archive:
        report = archive.import_paths([write_articles(tmp_path / "a.jsonl", ARTICLES)])
        assert len(report.added) == len(ARTICLES)
    return migrated_postgres


def _window(qtbot: QtBot, archive: Archive) -> MainWindow:
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def shown(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    """Windows made by a test, closed with whichever library each shows at the end."""
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        window.close()
        window.archive.close()


def _search(qtbot: QtBot, window: MainWindow, query: str, count: str) -> None:
    window.search_bar.field.setText(query)
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search_bar.count.text() == count, timeout=10_000)


def _reading(window: MainWindow) -> str | None:
    """The title of the article the reader shows."""
    reading = window.reader.reading
    return reading.detail.record.title if reading is not None else None


def test_open_library_takes_a_folder_naming_a_team_library_and_shows_its_address(
    qtbot: QtBot,
    team_catalogue: str,
    tmp_path: Path,
    shown: list[MainWindow],
) -> None:
    window = _window(qtbot, Archive.open(tmp_path / "mine", check_later=True))
    shown.append(window)
    folder = tmp_path / "Newsroom"
    folder.mkdir()
    (folder / ".arsip-team").write_text(f"# the newsroom's catalogue\n{team_catalogue}\n")
    chosen = choose_folder(folder)
    window.actions_.open_library.trigger()
    # (on --backend postgresql the first library is a team library too: wait for this one)
    qtbot.waitUntil(lambda: window.archive.layout.team == team_catalogue, timeout=10_000)
    assert chosen, "File ▸ Open library asked for a folder"
    address = team_catalogue.removeprefix("postgresql://")
    assert window.windowTitle() == f"Arsip — {address}"
    assert window.welcome.library_label.text() == f"Team library {address}"
    everything = sorted(row[0] for row in ARTICLES)
    qtbot.waitUntil(lambda: sorted(titles(window)) == everything, timeout=10_000)

    _search(qtbot, window, "cabai", "1 match")
    qtbot.waitUntil(lambda: titles(window) == [ARTICLES[3][0]], timeout=10_000)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: _reading(window) == ARTICLES[3][0], timeout=10_000)
    # a cataloguer (here the catalogue's owner) may edit: nothing is greyed out
    assert window.actions_.edit_article.isEnabled()
    assert window.findChild(QLabel, "readonlyReason") is None
    # remembered by its address, which reopens it from any folder
    assert Settings().recent_libraries[0] == team_catalogue
    # the next Open library starts in the home folder, not in this desktop's index folder
    started: list[str] = []

    def note_and_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        started.append(dialog.directory().absolutePath())
        dialog.reject()

    when_modal(QFileDialog, note_and_cancel)
    window.actions_.open_library.trigger()
    qtbot.waitUntil(lambda: bool(started), timeout=10_000)
    assert started == [str(Path.home())]


def test_a_readers_window_searches_and_reads_with_editing_greyed_out_and_the_reason(
    qtbot: QtBot,
    postgres_server: PostgresServer,
    team_catalogue: str,
    shown: list[MainWindow],
    tmp_path: Path,
) -> None:
    reader = f"rita_{uuid.uuid4().hex[:12]}"  # the cluster's roles outlive each test
    postgres_server.admin(f"CREATE ROLE {reader} LOGIN")
    team_members.grant(team_catalogue, reader, "reader")
    as_reader = team_catalogue.replace(f"{SUPERUSER}@", f"{reader}@")
    # the reader's desktop is a new one: its own index is built from the catalogue on opening
    (tmp_path / "desktop").rename(tmp_path / "importer")
    window = _window(qtbot, Archive.open(as_reader, check_later=True))
    shown.append(window)
    DeferredRepair(window.archive, window)  # as the app starts it for every library it opens
    assert window.windowTitle() == f"Arsip — {as_reader.removeprefix('postgresql://')}"
    qtbot.waitUntil(lambda: len(titles(window)) == len(ARTICLES), timeout=10_000)
    # the catalogue is read-only to the reader; the index is their desktop's and catches up
    qtbot.waitUntil(lambda: window.archive.stats().indexed == len(ARTICLES), timeout=20_000)
    _search(qtbot, window, "cabai", "1 match")
    qtbot.waitUntil(lambda: titles(window) == [ARTICLES[3][0]], timeout=10_000)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: _reading(window) == ARTICLES[3][0], timeout=10_000)

    for action in (*window.actions_.cataloguing(), window.actions_.import_files):
        assert not action.isEnabled(), action.text()
        assert REASON in action.toolTip(), action.text()
    label = window.findChild(QLabel, "readonlyReason")
    assert label is not None and label.isVisible() and REASON in label.text()
    assert not window.reader_pane.editable
    # a write that gets past the window anyway (a drop) is refused by the facade, naming the role
    with pytest.raises(Exception, match=REASON):
        window.archive.delete_articles([1])
    if (target := os.environ.get("ARSIP_TEAM_SCREENSHOT")) is not None:
        window.grab().save(target)  # make screenshots: the reader's window


def test_an_edit_on_another_desktop_shows_in_the_open_window_and_its_search_finds_it(
    qtbot: QtBot,
    team_catalogue: str,
    shown: list[MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _window(qtbot, Archive.open(team_catalogue, check_later=True))
    shown.append(window)
    qtbot.waitUntil(lambda: len(titles(window)) == len(ARTICLES), timeout=10_000)
    qtbot.waitUntil(lambda: window.archive.listening_for_team_changes, timeout=10_000)
    [target] = window.archive.matching_ids("cabai")
    # another desktop: its own index and lock under its own user data folder
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "other-desktop"))
    with Archive.open(team_catalogue) as other:
        other.edit(target, {"title": "Harga cabai Zebrakuda turun"})
    # the listed row shows the new title in place, without a search run by this window
    qtbot.waitUntil(lambda: "Harga cabai Zebrakuda turun" in titles(window), timeout=20_000)
    _search(qtbot, window, "Zebrakuda", "1 match")
