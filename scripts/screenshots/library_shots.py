"""Screenshots of several libraries and of a failure: the File menu with Recent libraries, a
library that vanished, and the crash dialog. The corpus library is opened read-only; the other
libraries and the crash report live in a temporary folder."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from scripts.screenshots.kit import open_window, place, search, settle, shoot

from archive_app.gui.shell.crash_guard import CrashGuard
from archive_app.gui.shell.main_window import MainWindow
from archive_app.gui.shell.settings import Settings
from archive_app.usecases.archive import Archive

OTHERS = ("Kliping banjir 2024", "Arsip redaksi", "Pindahan dari laptop lama")


def library_shots(out: Path, library: Path) -> list[Path]:
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings()
        for name in OTHERS:
            folder = Path(scratch) / name
            Archive.open(folder).close()
            settings.remember_library(str(folder))
        gone = Path(scratch) / OTHERS[-1]
        for part in sorted(gone.rglob("*"), reverse=True):  # it "moved": the list still has it
            part.rmdir() if part.is_dir() else part.unlink()
        gone.rmdir()
        with Archive.open(library, readonly=True) as archive:
            window = open_window(archive, settings)
            search(window, "banjir")
            saved.append(_recent_menu(out, window))
            saved.append(_vanished(out, window, gone))
            saved.append(_crash(out, window, Path(scratch)))
            window.close()
    return saved


def _recent_menu(out: Path, window: MainWindow) -> Path:
    """File ▸ Recent libraries, open, as a person hovering it sees it."""
    bar = window.menuBar()
    file_menu = bar.actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    file_menu.popup(bar.mapToGlobal(QPoint(0, bar.height())))
    settle(file_menu.isVisible)
    recent = window.actions_.recent_libraries
    file_menu.setActiveAction(recent.menuAction())
    settle(recent.isVisible)
    if not recent.isVisible():  # no hover under Xvfb: open it beside its entry
        box = file_menu.actionGeometry(recent.menuAction())
        recent.popup(file_menu.mapToGlobal(QPoint(file_menu.width() - 4, box.top())))
        settle(recent.isVisible)
    shot = shoot(out, "30-library-switcher")
    recent.hide()
    file_menu.hide()
    return shot


def _vanished(out: Path, window: MainWindow, gone: Path) -> Path:
    """Choosing a library that moved: the dialog names it and offers to forget it."""
    shots: list[Path] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        box.adjustSize()
        place(box, max(box.width(), 520), box.height())
        settle()
        shots.append(shoot(out, "31-library-not-found"))
        keep = [b for b in box.buttons() if b.objectName() != "forgetLibrary"]
        keep[0].click()

    QTimer.singleShot(0, answer)
    window.libraries.open_path(gone)
    return shots[0]


def _crash(out: Path, window: MainWindow, scratch: Path) -> Path:
    """A failure in Edit ▸ Copy a citation, caught by the guard run_gui installs."""
    guard = CrashGuard(lambda: scratch, lambda: window)
    guard.install()
    try:
        guard.watch(window)

        def fail() -> None:
            raise RuntimeError("the citation style sheet could not be read")

        window.reader_pane.copy_citation = fail  # type: ignore[method-assign]
        window.actions_.cite.trigger()
        settle(lambda: guard.dialog is not None and guard.dialog.isVisible())
        dialog = guard.dialog
        assert dialog is not None
        dialog.adjustSize()
        place(dialog, max(dialog.width(), 560), dialog.height())
        settle()
        shot = shoot(out, "32-crash-dialog")
        dialog.close()
        return shot
    finally:
        guard.uninstall()
