"""Edit ▸ Undo and Redo: their menu texts follow the library's undo history."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from archive_app.domain.conflicts import ConflictError
from archive_app.domain.model import ChangeInfo
from archive_app.gui.common.errors import show_error
from archive_app.gui.common.i18n import translate
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.editing.change_runner import ChangeRunner

MENU_WIDTH = 60  # characters of a change's description shown in the menu


class UndoSource(Protocol):
    """What undo and redo need from the Archive facade."""

    readonly: bool

    def undo(self) -> ChangeInfo | None: ...

    def redo(self) -> ChangeInfo | None: ...

    def undo_state(self) -> tuple[str | None, str | None]: ...


def _short(text: str) -> str:
    return text if len(text) <= MENU_WIDTH else text[: MENU_WIDTH - 1].rstrip() + "…"


class UndoController(QObject):
    """Keeps the two actions' texts current; undoing and redoing go through the writer lane."""

    statusMessage = Signal(str)

    def __init__(
        self,
        archive: UndoSource,
        reads: TaskRunner,
        changes: ChangeRunner,
        undo: QAction,
        redo: QAction,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.archive, self.reads, self.changes = archive, reads, changes
        self.undo_action, self.redo_action = undo, redo
        self.state: tuple[str | None, str | None] = (None, None)
        undo.triggered.connect(self.undo)
        redo.triggered.connect(self.redo)
        self._show((None, None))

    def update(self) -> None:
        """Ask the library what undo and redo would do now."""
        if not self.archive.readonly:
            self.reads.submit(self.archive.undo_state, self._show)

    def _show(self, state: tuple[str | None, str | None]) -> None:
        self.state = undo, redo = state
        self.undo_action.setText(
            translate("Menu", "&Undo {change}").format(change=_short(undo))
            if undo
            else translate("Menu", "&Undo")
        )
        self.redo_action.setText(
            translate("Menu", "&Redo {change}").format(change=_short(redo))
            if redo
            else translate("Menu", "&Redo")
        )
        self.undo_action.setToolTip(undo or "")
        self.redo_action.setToolTip(redo or "")
        self.undo_action.setEnabled(bool(undo))
        self.redo_action.setEnabled(bool(redo))

    def undo(self) -> None:
        if self.state[0]:
            self.undo_action.setEnabled(False)  # one click, one step
            self.changes.submit(self.archive.undo, self._done, self._undo_refused)

    def redo(self) -> None:
        if self.state[1]:
            self.redo_action.setEnabled(False)
            self.changes.submit(self.archive.redo, self._done, self._redo_refused)

    def _undo_refused(self, error: Exception) -> bool:
        return self._refused(
            error,
            translate("Changes", "Undo refused"),
            translate(
                "Changes",
                "Nothing was undone: someone else changed these since, and undoing would "
                "overwrite their change.",
            ),
        )

    def _redo_refused(self, error: Exception) -> bool:
        return self._refused(
            error,
            translate("Changes", "Redo refused"),
            translate(
                "Changes",
                "Nothing was redone: someone else changed these since, and redoing would "
                "overwrite their change.",
            ),
        )

    def _refused(self, error: Exception, title: str, why: str) -> bool:
        """A step that failed leaves the actions as they are now (the click disabled one); a
        step refused because another desktop changed its fields since says why, naming each
        article and field with their value and the one the step would write."""
        self.update()
        if not isinstance(error, ConflictError):
            return False  # shown the usual way
        window = self.parent()
        show_error(window if isinstance(window, QWidget) else None, title, f"{why}\n\n{error}")
        return True

    def _done(self, info: object) -> None:
        if isinstance(info, ChangeInfo):
            self.statusMessage.emit(
                translate("Changes", "Done: {change}").format(change=info.description)
            )
