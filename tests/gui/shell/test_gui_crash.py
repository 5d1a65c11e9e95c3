"""The crash dialog: an exception nothing caught is reported, named, free of article text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from archive_app.gui.shell import crash_guard
from archive_app.gui.shell.app import watch_window
from archive_app.gui.shell.crash_guard import CrashGuard
from archive_app.gui.shell.main_window import MainWindow

VERSIONS = ("Arsip", "Python", "Qt", "Whoosh", "SQLAlchemy", "OS")


@pytest.fixture
def guard(small_window: MainWindow) -> Iterator[CrashGuard]:
    """The guard run_gui installs, on the window of four articles."""
    installed = CrashGuard(lambda: small_window.archive.path, lambda: small_window)
    installed.install()
    watch_window(installed, small_window)
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()


def article_text(window: MainWindow) -> str:
    reading = window.reader.reading
    assert reading is not None
    return " ".join(reading.detail.record.body)


def the_report(window: MainWindow) -> Path:
    (report,) = (window.archive.path / "logs" / "crashes").glob("crash-*.txt")
    return report


def assert_no_article_text(report: str, text: str) -> None:
    words = text.split()
    assert len(words) >= 6
    for start in range(len(words) - 2):
        three = " ".join(words[start : start + 3])
        assert three not in report, f"article text {three!r} is in the report"


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_dialog_and_writes_a_report_without_article_text(
    qtbot: QtBot, small_window: MainWindow, guard: CrashGuard, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = small_window
    body = article_text(window)

    def copy_citation() -> None:
        title = window.reader.reading.detail.record.title  # type: ignore[union-attr]
        raise ValueError(f"no style fits {title!r}: {body}")

    monkeypatch.setattr(window.reader_pane, "copy_citation", copy_citation)
    window.actions_.cite.trigger()  # Edit ▸ Copy a citation (Ctrl+Shift+C)
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible())
    dialog = guard.dialog
    assert isinstance(dialog, QMessageBox)
    assert dialog.windowTitle() == "Arsip — something went wrong"
    assert "Edit ▸ Copy a citation" in dialog.text()
    assert "Your library is safe" in dialog.informativeText()
    assert "File ▸ Check fixity" in dialog.informativeText()
    assert "\n    archive-app check" in dialog.informativeText()
    report = the_report(window)
    assert str(report) in dialog.informativeText()

    written = report.read_text(encoding="utf-8")
    assert "Doing: Edit ▸ Copy a citation" in written
    assert f"Library: {window.archive.path}" in written
    assert "builtins.ValueError: no style fits [quoted text" in written
    assert "test_gui_crash.py" in written and "in copy_citation" in written
    for name in VERSIONS:
        assert f"\n  {name}: " in written, name
    assert_no_article_text(written, body)
    assert window.reader.reading.detail.record.title not in written  # type: ignore[union-attr]
    assert "raise ValueError" not in written  # no line of code, which may quote values

    dialog.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: guard.dialog is None)
    assert window.isVisible() and window.model.rowCount() == 4  # the window goes on


@pytest.mark.qt_no_exception_capture
def test_a_failing_result_handler_names_the_last_action(
    qtbot: QtBot, small_window: MainWindow, guard: CrashGuard
) -> None:
    window = small_window
    body = article_text(window)
    window.actions_.next_result.trigger()  # View ▸ Next result

    def show(text: str) -> None:
        raise KeyError(text)

    window.reads.submit(lambda: body, show)
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible())
    assert guard.dialog is not None
    assert "View ▸ Next result" in guard.dialog.text()
    written = the_report(window).read_text(encoding="utf-8")
    assert "builtins.KeyError: [quoted text" in written
    assert_no_article_text(written, body)


@pytest.mark.qt_no_exception_capture
def test_an_import_started_by_a_drop_is_what_the_dialog_names(
    qtbot: QtBot, small_window: MainWindow, guard: CrashGuard, tmp_path: Path
) -> None:
    window = small_window
    window.actions_.next_result.trigger()
    dropped = tmp_path / "dropped.txt"
    dropped.write_text("Judul\n\nIsi berita yang dijatuhkan ke jendela.\n", encoding="utf-8")
    with qtbot.waitSignal(window.import_flow.imported, timeout=20_000):
        assert window.import_paths([dropped])  # what a drop on the window does

    def fail(_count: int) -> None:
        raise RuntimeError("the count could not be shown")

    window.reads.submit(window.archive.count, fail)
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible())
    assert guard.dialog is not None
    assert "You were doing: importing files." in guard.dialog.text()


@pytest.mark.qt_no_exception_capture
def test_a_failure_of_the_dialog_itself_is_logged_once_and_the_report_kept(
    qtbot: QtBot,
    small_window: MainWindow,
    guard: CrashGuard,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def no_dialog(*_args: object) -> None:
        raise RuntimeError("no dialog can be made")

    monkeypatch.setattr(crash_guard, "CrashDialog", no_dialog)
    reports: list[object] = []
    guard.reported.connect(reports.append)

    def fail(_count: int) -> None:
        raise RuntimeError("the count could not be shown")

    small_window.reads.submit(small_window.archive.count, fail)
    qtbot.waitUntil(lambda: "reporting a failure failed" in caplog.text)
    qtbot.wait(200)  # a loop would report again and again meanwhile
    assert len(reports) == 1 and guard.dialog is None
    assert the_report(small_window).is_file()
