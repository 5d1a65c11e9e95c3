"""Help ▸ About Arsip: the version, the open library's folder and what Arsip runs on."""

from __future__ import annotations

import platform
from importlib import metadata

from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from archive_app import __version__
from archive_app.gui.shell.main_window import MainWindow


def test_about_names_the_library_and_every_version(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_.about.trigger()
    about = window.help_desk.about
    assert about is not None
    qtbot.waitExposed(about)
    assert about.windowTitle() == "About Arsip"
    assert about.library_label.text() == str(window.archive.path)
    shown = {name: label.text() for name, label in about.version_labels.items()}
    assert shown == {
        "Python": platform.python_version(),
        "Qt": qVersion(),
        "PySide6": metadata.version("PySide6-Essentials"),
        "Whoosh": metadata.version("whoosh-reloaded"),
        "SQLAlchemy": metadata.version("SQLAlchemy"),
    }
    assert about.versions[0] == ("Arsip", __version__)

    about.copy.click()  # for a bug report: the same facts, pasted as plain lines
    copied = QGuiApplication.clipboard().text()
    assert f"Arsip {__version__}" in copied and f"Qt {qVersion()}" in copied
    assert str(window.archive.path) in copied
    about.close()
