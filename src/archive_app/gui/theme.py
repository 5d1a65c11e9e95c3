"""Load Arsip's look from resources/: the stylesheet and the application icon."""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon, QPixmap

from archive_app.resources import resource

log = logging.getLogger(__name__)

ICON = "icons/arsip.svg"
STYLESHEET = "style.qss"


def stylesheet() -> str:
    """The application stylesheet, or "" (Qt's default look) when the file is missing."""
    try:
        return resource(STYLESHEET).read_text(encoding="utf-8")
    except OSError as error:  # a missing look must not stop anyone reading their archive
        log.warning("no stylesheet: %s", error)
        return ""


def app_icon() -> QIcon:
    """The application icon (an empty icon when the file is missing)."""
    try:
        return QIcon(str(resource(ICON)))
    except OSError as error:
        log.warning("no application icon: %s", error)
        return QIcon()


def icon_pixmap(size: int) -> QPixmap:
    """The application icon drawn at `size` pixels, for the welcome view."""
    return app_icon().pixmap(size, size)
