"""The one place the window shows an error, or how a long job ended, to a person."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A modal message box with a short title and the core's own explanation."""
    log.info("%s: %s", title, message)
    box = QMessageBox(
        QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("errorBox")
    box.setAccessibleName(title)
    box.exec()


def show_notice(parent: QWidget, title: str, text: str, details: str = "") -> QMessageBox:
    """How a long job ended (an export, a backup): a message that does not stop the window."""
    log.info("%s: %s", title, text)
    box = QMessageBox(
        QMessageBox.Icon.Information,
        title,
        text + (f"\n\n{details}" if details else ""),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("noticeBox")
    box.setAccessibleName(title)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
