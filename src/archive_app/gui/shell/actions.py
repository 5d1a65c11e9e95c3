"""The window's menus and keyboard shortcuts as QActions (the window connects what they do)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from archive_app.gui.common.i18n import translate


def _action(
    window: QMainWindow, text: str, *keys: QKeySequence | QKeySequence.StandardKey | str
) -> QAction:
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
        self.new_library = _action(window, translate("Menu", "&New library…"))
        self.open_library = _action(window, translate("Menu", "Open &library…"))
        # filled by the library switcher each time it opens (the list changes as libraries do)
        self.recent_libraries = QMenu(translate("Menu", "Re&cent libraries"), window)
        self.recent_libraries.setObjectName("recentLibraries")
        self.import_files = _action(
            window, translate("Menu", "Import &files…"), "Ctrl+I", QKeySequence.StandardKey.Open
        )
        self.import_folder = _action(window, translate("Menu", "Import f&older…"), "Ctrl+Shift+I")
        self.print = _action(window, translate("Menu", "&Print the article…"), "Ctrl+P")
        self.pdf = _action(window, translate("Menu", "Save the article as P&DF…"), "Ctrl+Shift+E")
        self.export = _action(window, translate("Menu", "&Export…"), "Ctrl+Shift+X")
        self.backup = _action(window, translate("Menu", "&Back up the library…"))
        self.restore = _action(window, translate("Menu", "Res&tore a backup…"))
        self.fixity = _action(window, translate("Menu", "Check fi&xity"))
        self.preferences = _action(window, translate("Menu", "P&references…"), "Ctrl+,")
        self.quit = _action(window, translate("Menu", "&Quit"), QKeySequence.StandardKey.Quit)

        # texts filled in by the undo controller ("Undo edit title of article 3")
        self.undo = _action(window, translate("Menu", "&Undo"), QKeySequence.StandardKey.Undo)
        self.redo = _action(window, translate("Menu", "&Redo"), "Ctrl+Shift+Z", "Ctrl+Y")
        self.edit_article = _action(window, translate("Menu", "&Edit the article…"), "Ctrl+E")
        self.bulk = _action(window, translate("Menu", "C&hange the selected articles…"), "Ctrl+B")
        self.replace = _action(window, translate("Menu", "Find and re&place…"), "Ctrl+H")
        self.focus_search = _action(window, translate("Menu", "&Search"), "Ctrl+L")
        self.find = _action(window, translate("Menu", "&Find in the article"), "Ctrl+F")
        self.cite = _action(window, translate("Menu", "Copy a &citation"), "Ctrl+Shift+C")
        self.clear = _action(window, translate("Menu", "Clear the search"), "Esc")

        self.next_result = _action(window, translate("Menu", "&Next result"), "J")
        self.previous_result = _action(window, translate("Menu", "Pre&vious result"), "K")
        self.next_hit = _action(window, translate("Menu", "Next &hit in the article"), "F3")
        self.previous_hit = _action(
            window, translate("Menu", "Previous hi&t in the article"), "Shift+F3"
        )
        self.photos = _action(window, translate("Menu", "&Photos of the article"), "Ctrl+Shift+P")
        self.larger = _action(
            window, translate("Menu", "&Larger text"), QKeySequence.StandardKey.ZoomIn, "Ctrl+="
        )
        self.smaller = _action(
            window, translate("Menu", "S&maller text"), QKeySequence.StandardKey.ZoomOut
        )
        self.actual = _action(window, translate("Menu", "&Actual text size"), "Ctrl+0")

        self.save_search = _action(window, translate("Menu", "&Save this search…"), "Ctrl+S")
        self.clear_filters = _action(window, translate("Menu", "Remove every &filter"))
        self.cheat_sheet = _action(window, translate("Menu", "Search &language"), "Shift+F1")

        self.new_collection = _action(window, translate("Menu", "&New collection…"))
        self.add_to_collection = _action(
            window, translate("Menu", "&Add the selection to a collection…")
        )
        self.tag = _action(window, translate("Menu", "&Tag the selection…"), "Ctrl+T")
        self.mark_reviewed = _action(window, translate("Menu", "&Mark as reviewed"), "Ctrl+Shift+R")
        self.people = _action(window, translate("Menu", "&People…"), "Ctrl+Shift+A")
        self.places = _action(window, translate("Menu", "P&laces…"))
        self.manual = _action(window, translate("Help", "Arsip &manual"), "F1")
        self.about = _action(window, translate("Help", "&About Arsip"))
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

        bar = window.menuBar()
        file_menu = bar.addMenu(translate("Menu", "&File"))
        file_menu.addAction(self.new_library)
        file_menu.addAction(self.open_library)
        file_menu.addMenu(self.recent_libraries)
        file_menu.addSeparator()
        for action in (
            self.import_files,
            self.import_folder,
            self.export,
            None,
            self.print,
            self.pdf,
            None,
            self.backup,
            self.restore,
            self.fixity,
            None,
            self.preferences,
            None,
            self.quit,
        ):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = bar.addMenu(translate("Menu", "&Edit"))
        for action in (
            self.undo,
            self.redo,
            None,
            self.edit_article,
            self.bulk,
            self.replace,
            None,
            self.focus_search,
            self.find,
            self.cite,
            self.clear,
        ):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        view_menu = bar.addMenu(translate("Menu", "&View"))
        for action in (
            self.next_result,
            self.previous_result,
            None,
            self.next_hit,
            self.previous_hit,
            self.photos,
            None,
            self.larger,
            self.smaller,
            self.actual,
        ):
            view_menu.addSeparator() if action is None else view_menu.addAction(action)
        search_menu = bar.addMenu(translate("Menu", "Se&arch"))
        for action in (self.save_search, self.clear_filters, self.cheat_sheet):
            search_menu.addAction(action)
        catalogue_menu = bar.addMenu(translate("Menu", "&Catalogue"))
        for action in (
            self.new_collection,
            self.add_to_collection,
            self.tag,
            self.mark_reviewed,
            None,
            self.people,
            self.places,
        ):
            catalogue_menu.addSeparator() if action is None else catalogue_menu.addAction(action)
        help_menu = bar.addMenu(translate("Help", "&Help"))
        help_menu.addAction(self.manual)
        help_menu.addAction(self.about)

    def cataloguing(self) -> tuple[QAction, ...]:
        """The actions that change the library (off for a library opened read-only)."""
        return (
            self.undo,
            self.redo,
            self.edit_article,
            self.bulk,
            self.replace,
            self.new_collection,
            self.add_to_collection,
            self.tag,
            self.mark_reviewed,
        )

    def set_import_enabled(self, enabled: bool) -> None:
        self.import_files.setEnabled(enabled)
        self.import_folder.setEnabled(enabled)
