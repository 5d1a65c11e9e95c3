"""Open the editor on an article, save its changes on the writer lane, mark a refused field."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from archive_app.domain.model import ArticleDetail, ChangeInfo, HistoryItem
from archive_app.gui.common.errors import show_error
from archive_app.gui.common.field_values import problem
from archive_app.gui.common.i18n import count_text, translate
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.editing.change_runner import ChangeRunner
from archive_app.gui.editing.editor import ArticleEditor
from archive_app.usecases.field_rules import FieldError


class EditSource(Protocol):
    """What editing needs from the Archive facade."""

    def article(self, article_id: int) -> ArticleDetail: ...

    def history(self, article_id: int) -> list[HistoryItem]: ...

    def edit(
        self, article_id: int, changes: dict[str, Any], description: str | None = ...
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
        if self.editor is not None:
            self.editor.close()
        self.editor = ArticleEditor(detail, history, self.window)
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
        self.changes.submit(
            partial(self.archive.edit, article_id, changes), self._saved, self._refused
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
        if self.editor is not None:
            self.editor.set_busy(False)
        return False
