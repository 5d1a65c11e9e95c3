"""File ▸ New library, Open library and Recent libraries: open another library in the window."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from archive_app.domain.errors import ArchiveError, LibraryLockedError, LibraryNotFoundError
from archive_app.gui.common.errors import show_error
from archive_app.gui.common.i18n import translate
from archive_app.gui.shell.actions import WindowActions
from archive_app.gui.shell.settings import Settings
from archive_app.usecases.library_choice import (
    as_location,
    library_key,
    names_library,
    require_existing,
    require_new_place,
    still_there,
)

if TYPE_CHECKING:
    from archive_app.usecases.archive import Archive

log = logging.getLogger(__name__)


class SwitchableWindow(Protocol):
    """What the switcher needs of the main window (named so, as it cannot import it)."""

    archive: Archive

    def switch_library(self, archive: Archive, /) -> Archive: ...

    def busy_with(self) -> str | None: ...

    def show_status(self, message: str, /) -> None: ...


def ask_folder(parent: QWidget, title: str, start: Path) -> Path | None:
    """A folder the person chose, or None (Qt's own dialog where the desktop has none)."""
    dialog = QFileDialog(parent, title, str(start))
    dialog.setObjectName("libraryFolderDialog")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def ask_to_forget(parent: QWidget | None, reason: str) -> bool:
    """Say a library is not where it was; True when the person wants it off the recent list."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Libraries", "Arsip — library not found"),
        translate(
            "Libraries",
            "{reason}.\n\nArsip did not make a new, empty library in its place. If it moved, "
            "choose File ▸ Open library and pick its new folder.",
        ).format(reason=reason[:1].upper() + reason[1:]),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("missingLibraryBox")
    box.setAccessibleName(translate("Libraries", "Library not found"))
    forget = box.addButton(
        translate("Libraries", "Remove from the list"), QMessageBox.ButtonRole.AcceptRole
    )
    forget.setObjectName("forgetLibrary")
    keep = box.addButton(
        translate("Libraries", "Keep in the list"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is forget


class LibrarySwitcher(QObject):
    """Opens the library a person chooses and shows it in the window in place of the open one;
    the choice is remembered (Settings) for the next start. A library that moved or vanished is
    reported and never made again: only New library makes one."""

    switched = Signal(object)  # the Archive the window shows now

    def __init__(self, window: QWidget, settings: Settings) -> None:
        super().__init__(window)
        self._widget = window
        self._settings = settings
        self.recent_menu: QMenu | None = None

    @property
    def _window(self) -> SwitchableWindow:
        return cast(SwitchableWindow, self._widget)

    def attach(self, actions: WindowActions) -> None:
        """Connect the File menu the window has just built (a switch builds a new one)."""
        actions.new_library.triggered.connect(lambda: self.ask_new())
        actions.open_library.triggered.connect(lambda: self.ask_open())
        self.recent_menu = actions.recent_libraries
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self.fill_recent()
        self._settings.remember_library(self._key(self._window.archive))

    def fill_recent(self) -> None:
        """The recent libraries, the latest first, the open one left out."""
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        current = self._key(self._window.archive)
        others = [p for p in self._settings.recent_libraries if p != current]
        for location in others:
            # said before it is chosen (a stat per entry, as the menu opens)
            action = menu.addAction(
                location
                if still_there(location)
                else translate("Libraries", "{path} — not found").format(path=location)
            )
            # run after the menu has closed: the switch replaces the menu bar itself; the
            # entry as written (a team library's address is no path)
            action.triggered.connect(partial(self._later, location, False))
        if not others:
            menu.addAction(translate("Libraries", "No other library yet")).setEnabled(False)

    def ask_new(self) -> None:
        chosen = ask_folder(
            self._widget,
            translate("Libraries", "New library — choose or make an empty folder"),
            self._start_folder(),
        )
        if chosen is not None:
            self._later(chosen, True)

    def ask_open(self) -> None:
        chosen = ask_folder(
            self._widget,
            translate("Libraries", "Open library — choose the folder of an Arsip library"),
            self._start_folder(),
        )
        if chosen is not None:
            self._later(chosen, False)

    def _start_folder(self) -> Path:
        """Where the folder dialog opens: beside the open library's folder, or the home folder
        for a team library (its folder here is this desktop's index, in the user data)."""
        archive = self._window.archive
        return Path.home() if archive.layout.team is not None else archive.path.parent

    @staticmethod
    def _key(archive: Archive) -> str:
        return library_key(archive.path, archive.layout.team)

    def _later(self, location: str | Path, new: bool) -> None:
        QTimer.singleShot(0, self, partial(self.open_path, location, new=new))

    def open_path(self, location: str | Path, *, new: bool = False) -> bool:
        """Show the library at `location` (made there first when `new`); False when it was not
        opened (the person was told why) and the open library stays. A folder, or a team
        library's address as the recent list holds it."""
        window = self._window
        path = as_location(location)
        # the same folder by another spelling is the library open here: opening it again
        # would meet this process's own writer lock
        if names_library(path, window.archive.path, window.archive.layout.team):
            window.show_status(translate("Libraries", "{path} is open already").format(path=path))
            return True
        busy = window.busy_with()
        if busy is not None:
            show_error(
                self._widget,
                translate("Libraries", "Arsip — wait before switching"),
                translate(
                    "Libraries", "{work} is running in this library; wait for it to end first."
                ).format(work=busy),
            )
            return False
        archive = self._open(path, new)
        if archive is None:
            return False
        previous = window.switch_library(archive)
        previous.close()  # its workers stopped in switch_library
        log.info("switched from %s to %s", previous.path, archive.path)
        self._settings.remember_library(self._key(archive))
        window.show_status(translate("Libraries", "Library {path} is open").format(path=path))
        self.switched.emit(archive)
        return True

    def _open(self, path: str | Path, new: bool) -> Archive | None:
        from archive_app.usecases.archive import Archive  # loaded with the first library

        title = translate("Libraries", "Arsip — cannot open the library")
        try:
            if new:
                require_new_place(Path(path))
            else:
                require_existing(path)
            # shown at once, as at start: the check and daily backup run on the writer lane
            return Archive.open(path, check_later=True)
        except LibraryNotFoundError as error:
            if ask_to_forget(self._widget, str(error)):
                self._settings.forget_library(str(path))
                self.fill_recent()
        except LibraryLockedError as error:
            show_error(self._widget, translate("Libraries", "Arsip — library in use"), str(error))
        except ArchiveError as error:
            show_error(self._widget, title, str(error))
        except OSError as error:  # an unreadable folder, a full disk
            show_error(self._widget, title, f"{path}: {error.strerror or error}")
        return None
