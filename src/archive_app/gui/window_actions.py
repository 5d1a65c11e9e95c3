"""The window's menus and keyboard shortcuts as QActions (the window connects what they do)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from archive_app.gui.i18n import translate


def _action(window: QMainWindow, text: str,
            *keys: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
    action = QAction(text, window)
    if keys:
        action.setShortcuts([k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys])
    # every shortcut works wherever the focus is in the window (menus stay reachable too)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.addAction(action)
    return action


class WindowActions:
    """Builds the menu bar; each attribute is one action."""

    def __init__(self, window: QMainWindow) -> None:
        self.import_files = _action(window, translate("Menu", "Import &files…"), "Ctrl+I",
                                    QKeySequence.StandardKey.Open)
        self.import_folder = _action(window, translate("Menu", "Import f&older…"), "Ctrl+Shift+I")
        self.print = _action(window, translate("Menu", "&Print the article…"), "Ctrl+P")
        self.pdf = _action(window, translate("Menu", "Save the article as P&DF…"), "Ctrl+Shift+E")
        self.preferences = _action(window, translate("Menu", "P&references…"), "Ctrl+,")
        self.quit = _action(window, translate("Menu", "&Quit"), QKeySequence.StandardKey.Quit)

        self.focus_search = _action(window, translate("Menu", "&Search"), "Ctrl+L")
        self.find = _action(window, translate("Menu", "&Find in the article"), "Ctrl+F")
        self.cite = _action(window, translate("Menu", "Copy a &citation"), "Ctrl+Shift+C")
        self.clear = _action(window, translate("Menu", "Clear the search"), "Esc")

        self.next_result = _action(window, translate("Menu", "&Next result"), "J")
        self.previous_result = _action(window, translate("Menu", "Pre&vious result"), "K")
        self.next_hit = _action(window, translate("Menu", "Next &hit in the article"), "F3")
        self.previous_hit = _action(window, translate("Menu", "Previous hi&t in the article"),
                                    "Shift+F3")
        self.photos = _action(window, translate("Menu", "&Photos of the article"), "Ctrl+Shift+P")
        self.larger = _action(window, translate("Menu", "&Larger text"),
                              QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self.smaller = _action(window, translate("Menu", "S&maller text"),
                               QKeySequence.StandardKey.ZoomOut)
        self.actual = _action(window, translate("Menu", "&Actual text size"), "Ctrl+0")

        self.save_search = _action(window, translate("Menu", "&Save this search…"), "Ctrl+S")
        self.clear_filters = _action(window, translate("Menu", "Remove every &filter"))
        self.cheat_sheet = _action(window, translate("Menu", "Search &language"), "F1")

        bar = window.menuBar()
        file_menu = bar.addMenu(translate("Menu", "&File"))
        for action in (self.import_files, self.import_folder, None, self.print, self.pdf, None,
                       self.preferences, None, self.quit):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = bar.addMenu(translate("Menu", "&Edit"))
        for action in (self.focus_search, self.find, self.cite, self.clear):
            edit_menu.addAction(action)
        view_menu = bar.addMenu(translate("Menu", "&View"))
        for action in (self.next_result, self.previous_result, None, self.next_hit,
                       self.previous_hit, self.photos, None, self.larger, self.smaller,
                       self.actual):
            view_menu.addSeparator() if action is None else view_menu.addAction(action)
        search_menu = bar.addMenu(translate("Menu", "Se&arch"))
        for action in (self.save_search, self.clear_filters, self.cheat_sheet):
            search_menu.addAction(action)

    def set_import_enabled(self, enabled: bool) -> None:
        self.import_files.setEnabled(enabled)
        self.import_folder.setEnabled(enabled)
