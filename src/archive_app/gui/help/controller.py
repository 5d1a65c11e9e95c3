"""Open the manual (one window, kept while it is open) and the About box from the Help menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from archive_app.gui.common import i18n
from archive_app.gui.common.i18n import translate

if TYPE_CHECKING:  # the manual and the About box load when they are asked for
    from archive_app.gui.help.about_dialog import AboutDialog
    from archive_app.gui.help.manual_dialog import ManualDialog


class HelpController(QObject):
    """`library` says which library is open when About is asked for (it may change)."""

    def __init__(self, library: Callable[[], Path], parent: QWidget) -> None:
        super().__init__(parent)
        self._library = library
        self._parent = parent
        self.manual: ManualDialog | None = None
        self.about: AboutDialog | None = None

    def show_manual(self) -> None:
        """Show the manual in the interface's language, raised if it is open already."""
        language = i18n.language()
        if self.manual is not None and self.manual.language != language:
            self.manual.close()
            self.manual.deleteLater()
            self.manual = None
        if self.manual is None:
            from archive_app.gui.help.manual_dialog import ManualDialog

            try:
                self.manual = ManualDialog(language, self._parent)
            except FileNotFoundError as error:  # an installation missing its resources
                QMessageBox.warning(self._parent, translate("Help", "Arsip manual"), str(error))
                return
        self.manual.show()
        self.manual.raise_()
        self.manual.activateWindow()

    def show_about(self) -> None:
        from archive_app.gui.help.about_dialog import AboutDialog

        self.about = AboutDialog(self._library(), self._parent)
        self.about.open()
