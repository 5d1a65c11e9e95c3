"""The accessibility screenshots: the keyboard focus outline, and both high-contrast themes.

They only read the screenshot library (opened read-only): a search, the focus moved into the
results and onto the reader's toolbar by Tab presses, as a keyboard user would.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from scripts.screenshots.kit import open_window, search, settle, shoot

from archive_app.gui.shell.settings import Settings
from archive_app.usecases.archive import Archive


def access_shots(out: Path, library: Path) -> list[Path]:
    saved: list[Path] = []
    with Archive.open(library, readonly=True) as archive:
        window = open_window(archive, Settings())
        try:
            window.activateWindow()  # no window manager under Xvfb gives it the focus
            search(window, "banjir")
            settle(lambda: window.reader.reading is not None)
            # Ctrl+L, then Tab into the results: the outline shows where the keys go
            QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(window.search_bar.field, Qt.Key.Key_Down)
            settle()
            saved.append(shoot(out, "40-focus-search"))
            QTest.keyClick(window.search_bar.field, Qt.Key.Key_Tab)  # the ? button
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # the sort
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # the results
            settle(lambda: QApplication.focusWidget() is window.table)
            saved.append(shoot(out, "41-focus-results"))
            for choice, name in (
                ("contrast", "42-high-contrast"),
                ("contrast-dark", "43-high-contrast-dark"),
            ):
                window.theme.apply(choice)
                settle()
                saved.append(shoot(out, name))
            window.theme.apply("light")
        finally:
            window.close()
    return saved
