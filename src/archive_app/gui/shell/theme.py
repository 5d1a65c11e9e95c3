"""Arsip's look: the chosen palette applied, the stylesheet filled from it, the app icon."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import (
    QAccessibilityHints,
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPalette,
    QPixmap,
    QStyleHints,
)
from PySide6.QtWidgets import QApplication

from archive_app.gui.shell.palettes import (
    CONTRAST,
    CONTRAST_DARK,
    DARK,
    LIGHT,
    THEMES,
    Colours,
)
from archive_app.resources import resource

__all__ = ["CONTRAST", "CONTRAST_DARK", "DARK", "LIGHT", "THEMES", "Colours", "ThemeManager"]

log = logging.getLogger(__name__)

ICON = "icons/arsip.svg"
STYLESHEET = "style.qss"
_TOKEN = re.compile(r"@([a-z_]+)")
# the system font size the look was drawn at (Qt's default where the desktop sets none): every
# size the stylesheet and the reader name is in points at it, and scales with the real one
DESIGN_POINTS = 9.0
SIZES = {"size_small": 8.0, "size_title": 13.0, "size_name": 17.0, "size_welcome": 20.0}


def font_scale() -> float:
    """The system's font size over DESIGN_POINTS (1.0 when it is set in pixels or unknown)."""
    points = QGuiApplication.font().pointSizeF()
    return points / DESIGN_POINTS if points > 0 else 1.0


def font_sizes() -> dict[str, str]:
    """The @size_* tokens in points, in proportion to the system's font."""
    scale = font_scale()
    return {name: f"{points * scale:.1f}pt" for name, points in SIZES.items()}


def stylesheet(colours: Colours = LIGHT) -> str:
    """The application stylesheet with @tokens filled in, or "" when the file is missing."""
    try:
        template = resource(STYLESHEET).read_text(encoding="utf-8")
    except OSError as error:  # a missing look must not stop anyone reading their archive
        log.warning("no stylesheet: %s", error)
        return ""
    values = {**asdict(colours), **font_sizes()}
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
        (role.HighlightedText, colours.selected_text),
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


_KEPT: dict[str, QStyleHints] = {}


def accessibility_hints() -> QAccessibilityHints:
    """The application's accessibility hints.

    PySide6 6.11 ties the wrapper of styleHints().accessibility() to the styleHints() wrapper it
    was reached through, and a temporary one takes it along ("Internal C++ object already
    deleted" on the next call): the style hints' wrapper is kept for as long as Arsip runs.
    """
    hints = _KEPT["style"] = QGuiApplication.styleHints()
    return hints.accessibility()


def system_wants_contrast() -> bool:
    """The desktop asks for high contrast (Qt reads it from the platform, e.g. the portal)."""
    preference = accessibility_hints().contrastPreference()
    return bool(preference == Qt.ContrastPreference.HighContrast)


def chosen_colours(choice: str) -> Colours:
    """The palette for a choice; "system" follows the desktop's contrast and colour scheme."""
    if choice in THEMES:
        return THEMES[choice]
    dark = system_is_dark()
    if system_wants_contrast():
        return CONTRAST_DARK if dark else CONTRAST
    return DARK if dark else LIGHT


class ThemeManager(QObject):
    """Applies the chosen theme ("system", or a key of THEMES) and follows the system's
    changes of colour scheme and contrast."""

    changed = Signal(object)  # Colours

    def __init__(self, choice: str = "system", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choice = choice
        self.colours = LIGHT
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        accessibility_hints().contrastPreferenceChanged.connect(self._system_changed)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # the desktop's font size changed: sizes follow
            app.fontChanged.connect(self._font_changed)
        self.apply(choice)

    def apply(self, choice: str) -> Colours:
        """Switch to a theme now; "system" picks one as the desktop asks."""
        self.choice = choice if choice in THEMES else "system"
        self.colours = chosen_colours(self.choice)
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

    def _system_changed(self, _preference: object) -> None:
        if self.choice == "system":
            self.apply("system")

    def _font_changed(self, _font: QFont) -> None:
        self.apply(self.choice)


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
