"""Arsip's look: light and dark palettes, the stylesheet filled from them, the application icon."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from archive_app.resources import resource

log = logging.getLogger(__name__)

ICON = "icons/arsip.svg"
STYLESHEET = "style.qss"
_TOKEN = re.compile(r"@([a-z_]+)")


@dataclass(frozen=True, slots=True)
class Colours:
    """The named colours the stylesheet (@name) and the reader's HTML are written with."""

    name: str
    paper: str
    surface: str
    surface_alt: str
    panel: str
    border: str
    border_strong: str
    text: str
    muted: str
    faint: str
    heading: str
    accent: str
    accent_soft: str
    accent_hover: str
    on_accent: str
    selection: str
    hit: str
    hit_current: str
    found: str
    error: str
    error_bg: str
    placeholder: str
    chip: str
    bar: str
    bar_selected: str
    notice: str  # the edge of the reader's "Needs review" box
    notice_bg: str


LIGHT = Colours(
    name="light",
    paper="#f7f5f0",
    surface="#ffffff",
    surface_alt="#faf7f1",
    panel="#efebe3",
    border="#ddd8cd",
    border_strong="#c8c3b8",
    text="#1f2a2a",
    muted="#5b6b6b",
    faint="#6b7777",
    heading="#16302f",
    accent="#2f5d62",
    accent_soft="#5e8b7e",
    accent_hover="#3a6f75",
    on_accent="#ffffff",
    selection="#d5e6e3",
    hit="#fbe3a1",
    hit_current="#f4b860",
    found="#cfe3f5",
    error="#b3261e",
    error_bg="#fff8f7",
    placeholder="#eeeae2",
    chip="#e1ece9",
    bar="#9dbfb7",
    bar_selected="#2f5d62",
    notice="#c9a04a",
    notice_bg="#fbf4e4",
)
DARK = Colours(
    name="dark",
    paper="#1c2020",
    surface="#242a2a",
    surface_alt="#283030",
    panel="#2c3333",
    border="#3b4444",
    border_strong="#4d5858",
    text="#e3e6e1",
    muted="#aab4b1",
    faint="#8e9a97",
    heading="#f0f2ee",
    accent="#86bdb4",
    accent_soft="#6fa298",
    accent_hover="#9bcbc3",
    on_accent="#10201e",
    selection="#35534f",
    hit="#6e5716",
    hit_current="#a8671b",
    found="#2d4a66",
    error="#f2b8b5",
    error_bg="#3b2424",
    placeholder="#303838",
    chip="#33504b",
    bar="#5d8c83",
    bar_selected="#a9d8cf",
    notice="#a8843a",
    notice_bg="#302b20",
)
THEMES = {"light": LIGHT, "dark": DARK}


def stylesheet(colours: Colours = LIGHT) -> str:
    """The application stylesheet with @tokens filled in, or "" when the file is missing."""
    try:
        template = resource(STYLESHEET).read_text(encoding="utf-8")
    except OSError as error:  # a missing look must not stop anyone reading their archive
        log.warning("no stylesheet: %s", error)
        return ""
    values = asdict(colours)
    return _TOKEN.sub(lambda m: str(values.get(m.group(1), m.group(0))), template)


def qt_palette(colours: Colours) -> QPalette:
    """The widget palette for what the stylesheet does not cover (menus, scroll bars, dialogs)."""
    palette = QPalette()
    role = QPalette.ColorRole
    for which, value in (
        (role.Window, colours.paper),
        (role.WindowText, colours.text),
        (role.Base, colours.surface),
        (role.AlternateBase, colours.surface_alt),
        (role.Text, colours.text),
        (role.Button, colours.panel),
        (role.ButtonText, colours.text),
        (role.Highlight, colours.selection),
        (role.HighlightedText, colours.text),
        (role.ToolTipBase, colours.surface),
        (role.ToolTipText, colours.text),
        (role.PlaceholderText, colours.faint),
        (role.Link, colours.accent),
        (role.LinkVisited, colours.accent),
        (role.Mid, colours.border),
        (role.Dark, colours.border_strong),
    ):
        palette.setColor(which, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for which in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(disabled, which, QColor(colours.faint))
    return palette


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


class ThemeManager(QObject):
    """Applies the chosen theme ("system", "light", "dark") and follows the system's changes."""

    changed = Signal(object)  # Colours

    def __init__(self, choice: str = "system", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choice = choice
        self.colours = LIGHT
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        self.apply(choice)

    def apply(self, choice: str) -> Colours:
        """Switch to a theme now; "system" picks light or dark as the desktop does."""
        self.choice = choice if choice in ("system", "light", "dark") else "system"
        dark = system_is_dark() if self.choice == "system" else self.choice == "dark"
        self.colours = DARK if dark else LIGHT
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # the same look again (the window's manager after the application's) is left as it
            # is: setting a stylesheet polishes every widget again, 0.1-0.2 s at launch
            palette, sheet = qt_palette(self.colours), stylesheet(self.colours)
            if app.palette() != palette:
                app.setPalette(palette)
            if app.styleSheet() != sheet:
                app.setStyleSheet(sheet)
        self.changed.emit(self.colours)
        return self.colours

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == "system":
            self.apply("system")


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
