"""The window opens a writable library at once: the catalogue's check and the daily backup run
on its writer lane in the background, writes wait for them, and damage they find is said and
refuses every write."""

from __future__ import annotations

import json
import logging
import shutil
import threading
import time
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.gui.conftest import ARTICLES, open_window
from tests.slow_check import make_check_slow

from archive_app.domain.errors import CatalogueDamagedError
from archive_app.domain.progress import CancelToken
from archive_app.gui.safety import controller as safety_controller
from archive_app.gui.safety.write_notice import waiting_text
from archive_app.gui.shell.main_window import MainWindow
from archive_app.storage.library_folder import LibraryLayout
from archive_app.usecases import autobackup, integrity
from archive_app.usecases.archive import Archive
from archive_app.usecases.opening import automatic_backup

REASON = "On tree page 2 cell 0: invalid page number 4000"
pytestmark = pytest.mark.sqlite_only(
    "SQLite's check of the catalogue file and the daily backup into the folder, which a window "
    "runs on opening a folder library only"
)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """The four ARTICLES in a closed library with no automatic backup (one is due)."""
    source = tmp_path / "articles.jsonl"
    keys = ("judul", "isi_berita", "tanggal_publikasi", "sumber", "url", "author")
    source.write_text(
        "".join(json.dumps(dict(zip(keys, row, strict=True))) + "\n" for row in ARTICLES),
        encoding="utf-8",
    )
    root = tmp_path / "lib"
    with Archive.open(root) as archive:
        archive.import_paths([source])
    shutil.rmtree(root / "backups", ignore_errors=True)
    return root


def test_the_window_is_searchable_before_the_daily_backup_ends_and_writes_wait_for_it(
    qtbot: QtBot, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, started = threading.Event(), threading.Event()

    def slow_backup(*args: object) -> None:
        started.set()
        assert gate.wait(20)
        automatic_backup(*args)  # type: ignore[arg-type]

    monkeypatch.setattr("archive_app.usecases.opening.automatic_backup", slow_backup)
    archive = Archive.open(library, check_later=True)
    try:
        window = open_window(qtbot, archive)
        qtbot.waitUntil(lambda: window.model.rowCount() == len(ARTICLES), timeout=10_000)
        # the backup runs on the writer lane once the first search is answered
        qtbot.waitUntil(started.is_set, timeout=10_000)
        with qtbot.waitSignal(window.searches.started, timeout=10_000) as found:
            window.search_bar.field.setText("banjir")
            qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Return)
        assert found.args[0].ids  # searching works before the backup ends
        window.changes.submit(partial(archive.save_search, "floods", "banjir"), articles=False)
        qtbot.wait(300)
        assert archive.saved_searches() == []  # the write waits for the backup
        assert autobackup.newest(LibraryLayout(library)) is None
        gate.set()
        qtbot.waitUntil(lambda: [s.name for s in archive.saved_searches()] == ["floods"])
        assert autobackup.newest(LibraryLayout(library)) is not None
        window.close()
    finally:
        gate.set()
        archive.close()


def test_closing_the_window_stops_the_daily_backup_it_is_making(
    qtbot: QtBot, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    def long_backup(_layout: object, _count: object, cancel: CancelToken | None) -> None:
        stopped = threading.Event()
        for _ in range(200):  # 20 s unless cancelled
            if cancel is not None and cancel.cancelled:
                stopped.set()
                break
            stopped.wait(0.1)
        seen.append(stopped.is_set())

    monkeypatch.setattr("archive_app.usecases.opening.automatic_backup", long_backup)
    archive = Archive.open(library, check_later=True)
    try:
        window = open_window(qtbot, archive)
        qtbot.waitUntil(lambda: window.model.rowCount() == len(ARTICLES), timeout=10_000)
        qtbot.waitUntil(lambda: window.writes.working, timeout=10_000)  # the backup began
        began = time.monotonic()
        window.close()  # waits for the writer lane, which the backup holds
        assert time.monotonic() - began < 5
        assert seen == [True]
    finally:
        archive.close()


def test_damage_found_in_the_background_is_said_and_every_write_refused(
    qtbot: QtBot, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged(layout: LibraryLayout, _cancel: CancelToken | None = None) -> None:
        raise integrity.damaged(layout, REASON)

    monkeypatch.setattr("archive_app.usecases.opening.check_catalogue", damaged)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        safety_controller, "show_error", lambda _parent, title, text: shown.append((title, text))
    )
    archive = Archive.open(library, check_later=True)
    try:
        window = open_window(qtbot, archive)
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
        # the words a writer opened the usual way refuses the library with
        assert shown[0][1] == str(integrity.damaged(LibraryLayout(library), REASON))
        assert "damaged" in shown[0][0]
        assert all(not action.isEnabled() for action in window.actions_.cataloguing())
        assert not window.reader_pane.editable
        refused: list[Exception] = []

        def refuse(error: Exception) -> bool:
            refused.append(error)
            return True

        window.changes.submit(
            partial(archive.save_search, "floods", "banjir"), refused=refuse, articles=False
        )
        qtbot.waitUntil(lambda: bool(refused), timeout=10_000)
        assert isinstance(refused[0], CatalogueDamagedError)
        assert archive.saved_searches() == []
        assert window.model.rowCount() == len(ARTICLES)  # reading goes on
        window.close()
    finally:
        archive.close()


def test_closing_the_window_stops_the_catalogue_check_it_is_running(
    qtbot: QtBot, library: Path, caplog: pytest.LogCaptureFixture
) -> None:
    make_check_slow(library / "catalogue.sqlite")  # SQLite's check takes most of a second
    caplog.set_level(logging.INFO, logger=safety_controller.__name__)
    archive = Archive.open(library, check_later=True)
    try:
        window = open_window(qtbot, archive)
        qtbot.waitUntil(lambda: window.writes.working, timeout=10_000)  # the check began
        window.close()  # no prompt; the writer lane lets go at the check's next safe point
        assert not window.isVisible()
        assert not window.writes.working
        # the check's end reaches the window: stopped, not finished (and found nothing)
        qtbot.waitUntil(lambda: "was stopped" in caplog.text, timeout=10_000)
        assert autobackup.newest(LibraryLayout(library)) is None
    finally:
        archive.close()
    assert not any((library / "backups").glob(".*"))  # nothing half-made left
    with Archive.open(library) as reopened:  # checked whole now, then backed up
        assert reopened.check().ok
        assert autobackup.newest(reopened.layout) is not None


def test_a_change_made_during_the_check_says_it_waits_until_it_lands(
    qtbot: QtBot, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, started = threading.Event(), threading.Event()

    def held_backup(*args: object) -> None:
        started.set()
        assert gate.wait(20)  # the checks hold the writer lane until the test lets them go
        automatic_backup(*args)  # type: ignore[arg-type]

    monkeypatch.setattr("archive_app.usecases.opening.automatic_backup", held_backup)
    archive = Archive.open(library, check_later=True)
    try:
        window = open_window(qtbot, archive)
        qtbot.waitUntil(lambda: window.model.rowCount() == len(ARTICLES), timeout=10_000)
        qtbot.waitUntil(started.is_set, timeout=10_000)
        assert window.statusBar().currentMessage() != waiting_text()  # nothing waits yet
        window.changes.submit(partial(archive.save_search, "floods", "banjir"), articles=False)
        assert window.statusBar().currentMessage() == waiting_text()
        assert waiting_text() == "Saving after the library check finishes…"
        qtbot.wait(200)
        assert window.statusBar().currentMessage() == waiting_text()  # still, while it waits
        gate.set()
        with qtbot.waitSignal(window.changes.catalogueChanged, timeout=10_000):
            pass  # the saved search landed
        assert [s.name for s in archive.saved_searches()] == ["floods"]
        assert window.statusBar().currentMessage() == ""
        # a change after the check has nothing to wait for, and says nothing of it
        window.changes.submit(partial(archive.save_search, "jakarta", "jakarta"), articles=False)
        assert window.statusBar().currentMessage() != waiting_text()
        with qtbot.waitSignal(window.changes.catalogueChanged, timeout=10_000):
            pass
        window.close()
    finally:
        gate.set()
        archive.close()


def test_the_checks_wait_for_the_first_search_unless_a_change_comes_sooner(
    qtbot: QtBot, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, order = threading.Event(), []

    def held_backup(*args: object) -> None:
        order.append("checks")
        assert gate.wait(20)
        automatic_backup(*args)  # type: ignore[arg-type]

    monkeypatch.setattr("archive_app.usecases.opening.automatic_backup", held_backup)
    archive = Archive.open(library, check_later=True)
    try:
        window = MainWindow(archive)
        qtbot.addWidget(window)
        # its first search is running: the checks are not queued beside it (they read the
        # whole catalogue file), they wait for its answer
        assert not window.writes.busy
        # a change before that answer (none can come before the event loop turns): the checks
        # are queued first, and the change says it waits for them
        window.changes.submit(
            partial(lambda: order.append("change") or archive.save_search("a", "banjir")),
            articles=False,
        )
        assert window.statusBar().currentMessage() == waiting_text()
        qtbot.waitUntil(lambda: order == ["checks"], timeout=10_000)
        gate.set()
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=10_000)
        assert order == ["checks", "change"]
        assert [s.name for s in archive.saved_searches()] == ["a"]
        assert autobackup.newest(LibraryLayout(library)) is not None
        window.close()
    finally:
        gate.set()
        archive.close()


def test_an_import_started_during_the_backup_says_it_waits_until_it_is_done(
    qtbot: QtBot, library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, started = threading.Event(), threading.Event()

    def held_backup(*args: object) -> None:
        started.set()
        assert gate.wait(20)
        automatic_backup(*args)  # type: ignore[arg-type]

    monkeypatch.setattr("archive_app.usecases.opening.automatic_backup", held_backup)
    source = tmp_path / "more.jsonl"
    source.write_text(
        json.dumps(
            {
                "judul": "Harga beras naik di Bandung",
                "isi_berita": "BANDUNG - Harga beras naik lagi pekan ini di pasar kota.",
                "tanggal_publikasi": "20 Jun 2025, 09:00 WIB",
                "sumber": "detik.com",
                "url": "https://news.detik.com/berita/d-99/harga-beras",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    archive = Archive.open(library, check_later=True)
    try:
        window = open_window(qtbot, archive)
        qtbot.waitUntil(started.is_set, timeout=10_000)
        assert window.import_paths([source])
        assert window.statusBar().currentMessage() == waiting_text()
        with qtbot.waitSignal(window.imports.finished, timeout=30_000):
            gate.set()
        assert archive.count() == len(ARTICLES) + 1
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() != waiting_text())
        window.close()
    finally:
        gate.set()
        archive.close()
