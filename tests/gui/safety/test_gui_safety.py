"""File ▸ Back up, Restore (into a new folder, then offered to open) and Check fixity."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from tests.gui.conftest import ARTICLES

from archive_app.gui.safety import controller as safety_controller
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive
from archive_app.usecases.backup import FixityReport


def _answer(monkeypatch: pytest.MonkeyPatch, file: Path, folder: Path | None = None) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(file), ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(file), ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder or ""))
    )


def test_the_library_is_backed_up_and_restored_into_a_new_folder_offered_to_open(
    qtbot: QtBot, small_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "cadangan.zip"
    restored = tmp_path / "pulih"
    restored.mkdir()
    _answer(monkeypatch, backup, restored)
    # a team library's backup pulls its catalogue first: minutes on a loaded machine
    with qtbot.waitSignal(small_window.safety.finished, timeout=180_000):
        small_window.actions_.backup.trigger()  # File ▸ Back up the library…
    with zipfile.ZipFile(backup) as archive_file:
        names = archive_file.namelist()
    assert "catalogue.sqlite" in names and "manifest.json" in names
    assert any(name.startswith("originals/") for name in names)
    notice = small_window.safety.notice
    assert notice is not None and notice.isVisible()
    assert notice.text().startswith(f"4 articles and {len(names) - 1} files backed up to")
    notice.close()

    opened: list[Path] = []
    monkeypatch.setattr(
        safety_controller, "open_library_window", lambda folder: opened.append(folder) or True
    )
    with qtbot.waitSignal(small_window.safety.finished, timeout=60_000) as done:
        small_window.actions_.restore.trigger()  # File ▸ Restore a backup…
    assert done.args == [len(ARTICLES)]
    question = small_window.safety.notice
    assert question is not None and question.isVisible()
    assert "4 articles restored into" in question.text()
    question.button(QMessageBox.StandardButton.Open).click()
    assert opened == [restored]
    with Archive.open(restored, readonly=True) as copy:
        assert copy.count() == len(ARTICLES)
        assert copy.search("jakbar").total == 3  # its index was rebuilt too


def test_a_damaged_backup_is_refused_and_nothing_is_restored(
    qtbot: QtBot, small_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "rusak.zip"
    damaged.write_bytes(b"PK\x03\x04 bukan cadangan")
    target = tmp_path / "pulih"
    target.mkdir()
    _answer(monkeypatch, damaged, target)
    shown: list[str] = []
    monkeypatch.setattr(
        safety_controller,
        "show_error",
        lambda _parent, title, message: shown.append(f"{title}: {message}"),
    )
    with qtbot.waitSignal(small_window.safety.statusMessage, timeout=10_000):
        small_window.actions_.restore.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown[0].startswith(f"Arsip could not restore: {damaged} is not an Arsip backup")
    assert list(target.iterdir()) == []


@pytest.mark.sqlite_only(
    "changes an original in the folder: a team library's originals are in its catalogue"
)
def test_fixity_reports_an_original_whose_bytes_changed(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    with qtbot.waitSignal(small_window.safety.finished, timeout=30_000) as checked:
        small_window.actions_.fixity.trigger()  # File ▸ Check fixity
    report = checked.args[0]
    assert isinstance(report, FixityReport) and report.ok and report.checked >= 1
    assert "every original and photo matches its SHA-256" in small_window.safety.notice.text()
    small_window.safety.notice.close()

    original = next((small_window.archive.path / "originals").rglob("*.jsonl"))
    original.write_bytes(original.read_bytes() + b"\n")  # one byte more on disk
    with qtbot.waitSignal(small_window.safety.finished, timeout=30_000) as checked:
        small_window.actions_.fixity.trigger()
    relative = original.relative_to(small_window.archive.path).as_posix()
    assert checked.args[0].changed == [relative]
    notice = small_window.safety.notice
    assert "1 changed, 0 missing" in notice.text() and f"changed: {relative}" in notice.text()
    assert notice.windowTitle() == "Fixity: files changed or missing"
    notice.close()
