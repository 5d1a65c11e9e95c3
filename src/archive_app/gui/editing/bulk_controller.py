"""Bulk changes and find-and-replace on the results: previewed off the GUI thread, one undo step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from archive_app.domain.conflicts import ConflictError
from archive_app.domain.model import ChangeInfo, ReplacePreview
from archive_app.gui.common.field_values import field_label, problem
from archive_app.gui.common.i18n import translate
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.editing.change_runner import ChangeRunner
from archive_app.gui.editing.preview_model import PreviewRow
from archive_app.gui.editing.preview_rows import bulk_rows, replace_rows
from archive_app.gui.search.controller import SearchRequest, result_ids
from archive_app.usecases.field_rules import FieldError

if TYPE_CHECKING:  # the dialogs load when a bulk change or a find and replace is asked for
    from archive_app.gui.editing.bulk_dialog import BulkDialog
    from archive_app.gui.editing.preview_dialog import PreviewDialog
    from archive_app.gui.editing.replace_dialog import ReplaceDialog
    from archive_app.usecases.archive import Archive

Choices = Callable[[], dict[str, Sequence[str]]]


def _stale(error: ConflictError) -> str:
    """Which articles changed since the preview (the first few by title)."""
    named = [f"“{c.title}”" if c.title else f"#{c.article_id}" for c in error.conflicts]
    shown = ", ".join(named[:5]) + (f" (+{len(named) - 5})" if len(named) > 5 else "")
    return translate(
        "Changes",
        "Nothing was changed: someone else changed {articles} since the preview.",
    ).format(articles=shown)


def _explain(error: Exception) -> str:
    if isinstance(error, FieldError):
        return f"{field_label(error.field)}: {problem(error)}"
    return str(error)


def find_replacements(
    archive: Archive,
    ids: Sequence[int],
    request: SearchRequest | None,
    field: str,
    find: str,
    replace: str,
    regex: bool,
) -> tuple[list[ReplacePreview], list[PreviewRow], int]:
    """The previews to apply, the rows to show, and how many articles were looked at."""
    chosen = result_ids(archive, request) if request is not None else list(ids)
    previews = archive.preview_replace(chosen, field, find, replace, regex)
    return previews, replace_rows(archive, previews), len(chosen)


class BulkController(QObject):
    """One dialog at a time (`dialog`); what it previews is what Apply changes."""

    statusMessage = Signal(str)

    def __init__(
        self,
        archive: Archive,
        reads: TaskRunner,
        changes: ChangeRunner,
        selected: Callable[[], list[int]],
        request: Callable[[], SearchRequest],
        choices: Choices,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.archive, self.reads, self.changes, self.window = archive, reads, changes, window
        self.selected, self.request, self.choices = selected, request, choices
        self.dialog: PreviewDialog | None = None
        self._ids: list[int] = []
        self._asked: tuple[Any, ...] = ()
        self._previews: list[ReplacePreview] = []

    def _chosen(self) -> list[int] | None:
        ids = self.selected()
        if not ids:
            self.statusMessage.emit(
                translate(
                    "Changes",
                    "Select articles in the results first (Shift or Ctrl chooses several).",
                )
            )
            return None
        return ids

    def _show(self, dialog: PreviewDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._closed(d))
        dialog.open()

    def _closed(self, dialog: PreviewDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # -- bulk changes ----------------------------------------------------------------------

    def open_bulk(self, operation: str | None = None) -> BulkDialog | None:
        ids = self._chosen()
        if ids is None:
            return None
        self._ids = ids
        from archive_app.gui.editing.bulk_dialog import BulkDialog

        dialog = BulkDialog(len(ids), self.choices(), self.window)
        if operation is not None:
            dialog.choose(operation)
        dialog.previewRequested.connect(partial(self._bulk_preview, dialog))
        dialog.applyRequested.connect(partial(self._bulk_apply, dialog))
        self._show(dialog)
        return dialog

    @staticmethod
    def _asking(dialog: BulkDialog) -> tuple[Any, ...]:
        op = dialog.chosen
        return op.verb, op.field, dialog.argument()

    def _bulk_preview(self, dialog: BulkDialog) -> None:
        asked = self._asked = self._asking(dialog)
        verb, field, argument = asked
        self.reads.submit(
            partial(bulk_rows, self.archive, self._ids, verb, field, argument),
            partial(self._previewed, dialog, asked, len(self._ids)),
            lambda error: dialog.show_problem(_explain(error)),
        )

    def _previewed(
        self, dialog: PreviewDialog, asked: tuple[Any, ...], articles: int, rows: list[PreviewRow]
    ) -> None:
        if dialog is not self.dialog or asked != self._asked:
            return  # the inputs changed meanwhile: this preview says nothing about them
        dialog.show_preview(rows, articles)

    def _bulk_apply(self, dialog: BulkDialog) -> None:
        verb, field, argument = self._asked
        self.changes.submit(
            partial(self.archive.bulk, self._ids, verb, field, argument),
            partial(self._applied, dialog),
            partial(self._refused, dialog),
        )

    def _applied(self, dialog: PreviewDialog, info: object) -> None:
        if isinstance(info, ChangeInfo):
            self.statusMessage.emit(
                translate("Changes", "{change} — {count} changed").format(
                    change=info.description, count=len(info.articles)
                )
            )
        dialog.accept()

    @staticmethod
    def _refused(dialog: PreviewDialog, error: Exception) -> bool:
        if isinstance(error, ConflictError) and dialog.isVisible():
            dialog.show_stale(_stale(error))  # refused whole: offer a new preview, not a retry
            return True
        if dialog.isVisible():
            dialog.show_problem(_explain(error))
            return True
        return False

    # -- find and replace ------------------------------------------------------------------

    def open_replace(self) -> ReplaceDialog | None:
        ids = self.selected()
        self._ids = ids
        from archive_app.gui.editing.replace_dialog import ReplaceDialog

        dialog = ReplaceDialog(len(ids), self.window)
        if not ids:
            dialog.whole_result.setChecked(True)
        dialog.previewRequested.connect(partial(self._replace_preview, dialog))
        dialog.applyRequested.connect(partial(self._replace_apply, dialog))
        self._show(dialog)
        return dialog

    def _replace_preview(self, dialog: ReplaceDialog) -> None:
        whole = dialog.whole_result.isChecked()
        asked = self._asked = (
            dialog.chosen_field,
            dialog.find_text.text(),
            dialog.replace_text.text(),
            dialog.regex.isChecked(),
            whole,
        )
        field, find, replace, regex, _whole = asked
        job = partial(
            find_replacements,
            self.archive,
            self._ids,
            self.request() if whole else None,
            field,
            find,
            replace,
            regex,
        )
        self.reads.submit(
            job,
            partial(self._replace_previewed, dialog, asked),
            lambda error: dialog.show_problem(_explain(error)),
        )

    def _replace_previewed(
        self,
        dialog: ReplaceDialog,
        asked: tuple[Any, ...],
        found: tuple[list[ReplacePreview], list[PreviewRow], int],
    ) -> None:
        if dialog is not self.dialog or asked != self._asked:
            return
        self._previews, rows, articles = found
        dialog.show_preview(rows, articles)

    def _replace_apply(self, dialog: ReplaceDialog) -> None:
        _field, find, replace, _regex, _whole = self._asked
        self.changes.submit(
            partial(self.archive.apply_replace, list(self._previews), find, replace),
            partial(self._applied, dialog),
            partial(self._refused, dialog),
        )
