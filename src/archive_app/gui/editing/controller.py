"""Open the editor on an article, save its changes on the writer lane, mark a refused field."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from archive_app.domain.conflicts import ConflictError
from archive_app.domain.model import ArticleDetail, ChangeInfo, HistoryItem
from archive_app.gui.common.errors import show_error
from archive_app.gui.common.field_values import problem, value_of
from archive_app.gui.common.i18n import count_text, translate
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.editing.change_runner import ChangeRunner
from archive_app.usecases.field_rules import FieldError

if TYPE_CHECKING:  # the editor and the conflict dialog load when an article is edited
    from archive_app.gui.editing.conflict_dialog import ConflictDialog
    from archive_app.gui.editing.editor import ArticleEditor


class EditSource(Protocol):
    """What editing needs from the Archive facade."""

    def article(self, article_id: int) -> ArticleDetail: ...

    def history(self, article_id: int) -> list[HistoryItem]: ...

    def edit(
        self,
        article_id: int,
        changes: dict[str, Any],
        description: str | None = ...,
        expected_version: int | None = ...,
    ) -> ChangeInfo: ...

    def mark_reviewed(self, ids: Sequence[int], kind: str = ...) -> ChangeInfo: ...


def load_for_editing(
    source: EditSource, article_id: int
) -> tuple[ArticleDetail, list[HistoryItem]]:
    return source.article(article_id), source.history(article_id)


class EditController(QObject):
    """One editor at a time; `editor` is the open one (None when closed)."""

    statusMessage = Signal(str)

    def __init__(
        self, archive: EditSource, reads: TaskRunner, changes: ChangeRunner, window: QWidget
    ) -> None:
        super().__init__(window)
        self.archive, self.reads, self.changes, self.window = archive, reads, changes, window
        self.editor: ArticleEditor | None = None
        self.conflict: ConflictDialog | None = None
        # the row version the open editor's values were read at (then the one a conflict
        # showed): the catalogue refuses a save against an older one instead of overwriting
        self._version: int | None = None
        self._pending: dict[str, Any] = {}

    def open(self, article_id: int | None) -> None:
        """Load the article and its history off the GUI thread, then show the editor."""
        if article_id is None:
            self.statusMessage.emit(translate("Changes", "Choose an article to edit first."))
            return
        self.reads.submit(
            partial(load_for_editing, self.archive, article_id), self._loaded, self._load_failed
        )

    def _loaded(self, loaded: tuple[ArticleDetail, list[HistoryItem]]) -> None:
        detail, history = loaded
        from archive_app.gui.editing.editor import ArticleEditor

        if self.editor is not None:
            self.editor.close()
        self.editor = ArticleEditor(detail, history, self.window)
        self._version = detail.row_version
        self.editor.saveRequested.connect(self._save)
        self.editor.finished.connect(self._closed)
        self.editor.open()  # window-modal: the list cannot move on under an open editor

    def _load_failed(self, error: Exception) -> None:
        show_error(
            self.window, translate("Changes", "Arsip could not open the article"), str(error)
        )

    def _closed(self) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.deleteLater()
        # the keys go back to where they were (the reader), even where no window manager
        # hands the focus back to the window a dialog leaves
        self.window.activateWindow()

    def _save(self, article_id: int, changes: object) -> None:
        assert isinstance(changes, dict)
        self._pending = changes
        self.changes.submit(
            partial(self.archive.edit, article_id, changes, expected_version=self._version),
            self._saved,
            self._refused,
        )

    def _saved(self, info: object) -> None:
        if isinstance(info, ChangeInfo):
            self.statusMessage.emit(
                translate("Changes", "Saved: {change}").format(change=info.description)
            )
        if self.editor is not None:
            self.editor.accept()

    def mark_reviewed(self, ids: Sequence[int]) -> None:
        """Clear every review flag of the articles: a librarian looked and found them right."""
        if not ids:
            self.statusMessage.emit(
                translate("Changes", "Choose the articles you have reviewed first.")
            )
            return
        self.changes.submit(partial(self.archive.mark_reviewed, list(ids)), self._reviewed)

    def _reviewed(self, info: object) -> None:
        if isinstance(info, ChangeInfo):
            self.statusMessage.emit(
                translate(
                    "Changes", "Marked as reviewed: {count} — Ctrl+Z brings the flags back"
                ).format(
                    count=count_text(
                        len(info.articles),
                        translate("Changes", "{count} article"),
                        translate("Changes", "{count} articles"),
                    )
                )
            )

    def _refused(self, error: Exception) -> bool:
        """A refused field is marked in the open editor; other errors go to a message box."""
        if isinstance(error, FieldError) and self.editor is not None:
            self.editor.mark_error(error.field, problem(error))
            return True
        if isinstance(error, ConflictError) and self.editor is not None:
            return self._conflicted(error)
        if self.editor is not None:
            self.editor.set_busy(False)
        return False

    def _conflicted(self, error: ConflictError) -> bool:
        """Someone changed the article since the editor read it: let the person choose."""
        editor = self.editor
        assert editor is not None
        conflict = next((c for c in error.conflicts if c.article_id == editor.detail.id), None)
        if conflict is None or conflict.current_version is None:  # deleted: nothing to merge
            editor.set_busy(False)
            return False
        from archive_app.gui.editing.conflict_dialog import ConflictDialog

        opened = {f: value_of(editor.detail, f) for f in self._pending}
        self.conflict = ConflictDialog(conflict, opened, editor)
        self.conflict.finished.connect(self._conflict_closed)
        self.conflict.open()
        return True

    def _conflict_closed(self, result: int) -> None:
        dialog, self.conflict = self.conflict, None
        if dialog is None or self.editor is None:
            return
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            self.editor.set_busy(False)  # Cancel: the editor stays open with their values
            return
        # against the version the dialog showed: a third change meanwhile is caught again
        self._version = dialog.conflict.current_version
        changes = dialog.resolved(self._pending)
        if not changes:  # theirs kept everywhere: the catalogue already holds it
            self.statusMessage.emit(translate("Changes", "Kept the values saved by someone else"))
            self.editor.accept()
            return
        self._save(self.editor.detail.id, changes)
