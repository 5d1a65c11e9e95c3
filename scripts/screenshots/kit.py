"""What the screenshot scripts share: wait for the window to settle, grab the screen, search."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from scripts.screenshots.waiting import after as after_signal
from scripts.screenshots.waiting import pause, until

from archive_app.gui.shell.main_window import MainWindow
from archive_app.gui.shell.settings import Settings

SIZE = (1400, 900)


def settle(condition: Callable[[], bool] | None = None, timeout: int = 15_000) -> None:
    """Let the window finish its work (and paint) before a picture is taken."""
    if condition is not None and not until(condition, timeout):
        print(f"gave up waiting after {timeout} ms", file=sys.stderr)
    pause(400)


def after(signal: SignalInstance, action: Callable[[], object], timeout: int = 15_000) -> None:
    """Do something and wait for the signal that says it is done."""
    if not after_signal(signal, action, timeout):
        print(f"no answer after {timeout} ms", file=sys.stderr)
    settle()


def shoot(out: Path, name: str) -> Path:
    """The whole virtual screen, popups and dialogs included."""
    screen = QGuiApplication.primaryScreen()
    path = out / f"{name}.png"
    screen.grabWindow(0).save(str(path))
    print("saved", path)
    return path


def open_window(archive: object, settings: Settings) -> MainWindow:
    window = MainWindow(archive, settings)  # type: ignore[arg-type]
    window.setGeometry(0, 0, *SIZE)
    window.show()
    settle(lambda: window.isVisible())
    return window


def place(widget: QWidget, width: int, height: int) -> None:
    """No window manager runs under Xvfb: put a dialog in the middle of the screen."""
    widget.setGeometry((SIZE[0] - width) // 2, (SIZE[1] - height) // 2, width, height)


def search(window: MainWindow, query: str) -> None:
    after(window.searches.counted, lambda: window.search_bar.set_query(query))


def show_article(window: MainWindow, title: str) -> None:
    settle(
        lambda: (
            window.reader.reading is not None and window.reader.reading.detail.record.title == title
        )
    )
