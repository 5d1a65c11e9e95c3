"""Exports from the window: what, how and where (a file or a folder), written off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from archive_app.gui.common.errors import show_error, show_notice
from archive_app.gui.common.i18n import count_text, translate
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.exporting.context import ARTICLE, COLLECTION, SELECTION, ExportContext
from archive_app.gui.search.controller import SearchRequest, result_ids
from archive_app.storage.atomic import MARKER

if TYPE_CHECKING:  # the formats and the dialog load when an export is asked for
    from archive_app.exports.formats import ExportOptions
    from archive_app.exports.run import ExportResult
    from archive_app.gui.exporting.dialog import ExportDialog
    from archive_app.usecases.archive import Archive


@dataclass(frozen=True, slots=True)
class ExportOrder:
    """One export as asked: the articles (by scope), the format, the options, the target."""

    scope: str
    format_name: str
    target: Path
    options: ExportOptions
    article: int | None = None
    selection: tuple[int, ...] = ()
    collection: str = ""
    request: SearchRequest | None = None


def chosen_ids(archive: Archive, order: ExportOrder) -> list[int]:
    if order.scope == ARTICLE and order.article is not None:
        return [order.article]
    if order.scope == SELECTION:
        return list(order.selection)
    if order.scope == COLLECTION:
        return archive.collection_ids(order.collection)
    return result_ids(archive, order.request or SearchRequest())


def run_export(archive: Archive, order: ExportOrder) -> ExportResult:
    """Runs on a worker: the export appears at the target only when complete."""
    from archive_app.exports.run import export

    return export(
        archive,
        order.format_name,
        ids=chosen_ids(archive, order),
        output=order.target,
        options=order.options,
    )


def folder_target(chosen: Path, format_name: str) -> Path:
    """An empty folder or an earlier export is written into; any other gets a new subfolder
    (an export never replaces someone's documents)."""
    if not chosen.exists() or (chosen / MARKER).exists() or not any(chosen.iterdir()):
        return chosen
    base = f"arsip-{format_name}-{date.today().isoformat()}"
    target, number = chosen / base, 2
    while target.exists():
        target, number = chosen / f"{base}-{number}", number + 1
    return target


class ExportController(QObject):
    """Exports run on a lane of their own: searching and reading go on meanwhile."""

    statusMessage = Signal(str)
    finished = Signal(object)  # ExportResult
    failed = Signal(object)  # the exception

    def __init__(
        self,
        archive: Archive,
        context: Callable[[], ExportContext],
        request: Callable[[], SearchRequest],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.archive, self.context, self.request, self.window = archive, context, request, window
        self.lane = TaskRunner(1, self)
        self.dialog: ExportDialog | None = None
        self.notice: QMessageBox | None = None

    def open(self, scope: str | None = None, collection: str | None = None) -> ExportDialog:
        from archive_app.gui.exporting.dialog import ExportDialog

        context = self.context()
        dialog = self.dialog = ExportDialog(context, scope, collection, self.window)
        dialog.accepted.connect(partial(self._chosen, dialog, context))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _chosen(self, dialog: ExportDialog, context: ExportContext) -> None:
        self.dialog = None
        target = self.ask_target(dialog.format_name)
        if target is None:
            return
        self.start(
            ExportOrder(
                dialog.scope,
                dialog.format_name,
                target,
                dialog.options(),
                context.article[0] if context.article else None,
                context.selection,
                dialog.collection.currentText(),
                self.request(),
            )
        )

    def ask_target(self, format_name: str) -> Path | None:
        """A file name for text and binary formats, a folder for folder formats."""
        from archive_app.exports.formats import FORMATS

        chosen = FORMATS[format_name]
        if chosen.kind == "folder":
            name = QFileDialog.getExistingDirectory(
                self.window,
                translate(
                    "Export", "Export into a folder (an empty one, or a new folder is made inside)"
                ),
                str(Path.home()),
            )
            return folder_target(Path(name), format_name) if name else None
        suggested = Path.home() / f"arsip-{date.today().isoformat()}{chosen.suffix}"
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            translate("Export", "Export to a file"),
            str(suggested),
            translate("Export", "{format} files (*{suffix});;All files (*)").format(
                format=format_name.upper(), suffix=chosen.suffix
            ),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix or not chosen.suffix else path.with_suffix(chosen.suffix)

    def start(self, order: ExportOrder) -> None:
        self.statusMessage.emit(
            translate("Export", "Exporting to {path}…").format(path=order.target)
        )
        self.lane.submit(partial(run_export, self.archive, order), self._done, self._failed)

    def _done(self, result: ExportResult) -> None:
        text = count_text(
            result.articles,
            translate("Export", "{count} article exported"),
            translate("Export", "{count} articles exported"),
        )
        where = translate("Export", "{what} to {path}.").format(what=text, path=result.target)
        self.statusMessage.emit(where)
        self.notice = show_notice(
            self.window, translate("Export", "Export finished"), where, _problems(result.problems)
        )
        self.finished.emit(result)

    def _failed(self, error: Exception) -> None:
        self.statusMessage.emit(translate("Export", "The export failed."))
        self.failed.emit(error)
        show_error(self.window, translate("Export", "Arsip could not export"), str(error))

    def shutdown(self) -> None:
        self.lane.wait()


def _problems(problems: Sequence[str]) -> str:
    if not problems:
        return ""
    return translate("Export", "Written, but note:") + "\n" + "\n".join(f"• {p}" for p in problems)
