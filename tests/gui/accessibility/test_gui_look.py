"""High contrast themes, the focus outline, and text that follows the system's font size."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from archive_app.gui.reader.article_html import reader_css
from archive_app.gui.shell import theme
from archive_app.gui.shell.main_window import MainWindow
from archive_app.gui.shell.preferences import PreferencesDialog
from archive_app.gui.shell.theme import (
    CONTRAST,
    CONTRAST_DARK,
    DARK,
    LIGHT,
    ThemeManager,
    accessibility_hints,
    chosen_colours,
    stylesheet,
)


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    colour = QColor(hex_colour)
    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("colours", [CONTRAST, CONTRAST_DARK], ids=lambda c: c.name)
def test_high_contrast_text_meets_wcag_aaa(colours: object) -> None:
    c = chosen_colours(colours.name)
    assert c is colours
    for text, ground in (
        (c.text, c.paper),
        (c.text, c.surface),
        (c.muted, c.surface),
        (c.faint, c.paper),
        (c.heading, c.surface),
        (c.accent, c.surface),
        (c.selected_text, c.selection),
        (c.text, c.hit),
        (c.error, c.error_bg),
    ):
        assert contrast(text, ground) >= 7.0, (text, ground)
    # the focus outline stands out from the paper and from the selection
    assert contrast(c.focus, c.paper) >= 3.0 and c.focus != c.selection


def test_the_calm_themes_draw_a_focus_outline_that_can_be_seen() -> None:
    sheet = stylesheet(LIGHT)
    assert "QTableView#results:focus" in sheet and f"2px solid {LIGHT.focus}" in sheet
    assert contrast(LIGHT.focus, LIGHT.surface) >= 3.0  # WCAG 2.2 focus appearance


def test_preferences_offer_high_contrast_and_the_window_takes_it(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    dialog = PreferencesDialog(small_window.settings, small_window)
    qtbot.addWidget(dialog)
    offered = [dialog.theme.itemData(i) for i in range(dialog.theme.count())]
    assert offered == ["system", "light", "dark", "contrast", "contrast-dark"]
    dialog.theme.setCurrentIndex(dialog.theme.findData("contrast-dark"))
    dialog.accept()
    assert small_window.settings.theme == "contrast-dark"
    small_window.theme.apply(small_window.settings.theme)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(QPalette.ColorRole.Window) == QColor(CONTRAST_DARK.paper)
    assert f"2px solid {CONTRAST_DARK.focus}" in app.styleSheet()
    assert small_window.reader.colours is CONTRAST_DARK  # the reader's HTML too
    small_window.theme.apply("light")


def test_text_follows_the_system_font_size(qapp: QApplication) -> None:
    normal = reader_css(LIGHT, 100), reader_css(LIGHT, 200), stylesheet(LIGHT)
    larger = QFont(qapp.font())
    larger.setPointSizeF(qapp.font().pointSizeF() * 1.5)  # as a person with low vision sets it
    before = QFont(qapp.font())
    qapp.setFont(larger)
    try:
        bigger = reader_css(LIGHT, 100), reader_css(LIGHT, 200), stylesheet(LIGHT)
    finally:
        qapp.setFont(before)
    # every size grows by half: the reader's body, at its own zoom too, and the headings
    for small, big in zip(normal, bigger, strict=True):
        sizes = [float(p) for p in re.findall(r"font-size: ([0-9.]+)pt", small)]
        grown = [float(p) for p in re.findall(r"font-size: ([0-9.]+)pt", big)]
        assert sizes and grown == pytest.approx([s * 1.5 for s in sizes], abs=0.1)
    # the zoom stays relative: 200 % is twice the body at either font size
    body = re.compile(r"p\.body \{[^}]*font-size: ([0-9.]+)pt")
    assert float(body.findall(bigger[1])[0]) == pytest.approx(2 * float(body.findall(bigger[0])[0]))


def test_as_the_system_follows_the_desktops_contrast_preference(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desktop asks for high contrast (the portal's setting, which a test cannot change,
    so the answer is stood in for): a manager set to follow the system switches at once."""
    manager = ThemeManager("system")
    try:
        assert manager.colours in (LIGHT, DARK)
        monkeypatch.setattr(theme, "system_wants_contrast", lambda: True)
        accessibility_hints().contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
        assert manager.colours in (CONTRAST, CONTRAST_DARK)
        assert f"2px solid {manager.colours.focus}" in qapp.styleSheet()
        chosen = ThemeManager("light")  # a theme chosen by hand stays as chosen
        accessibility_hints().contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
        assert chosen.colours is LIGHT
        chosen.deleteLater()
    finally:
        monkeypatch.undo()
        manager.apply("light")
        manager.deleteLater()
