"""The status-bar strip shown while an import runs: what it is on, a progress bar, Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from archive_app.domain.progress import Progress
from archive_app.gui.common.i18n import number, translate


class ImportStatus(QWidget):
    """Hidden while idle; `cancelRequested` when the person presses Cancel."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setObjectName("importLabel")
        self.label.setAccessibleName(translate("Import", "Import status"))
        self.label.setMinimumWidth(320)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importProgress")
        self.bar.setAccessibleName(translate("Import", "Import progress"))
        self.bar.setFixedWidth(220)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton(translate("Import", "Cancel"), self)
        self.cancel.setObjectName("cancelImport")
        self.cancel.setAccessibleName(translate("Import", "Cancel the import"))
        self.cancel.clicked.connect(self._cancel_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(10)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.hide()

    def begin(self, paths: list[Path]) -> None:
        what = (
            paths[0].name
            if len(paths) == 1
            else translate("Import", "{n} items").format(n=number(len(paths)))
        )
        self.label.setText(translate("Import", "Importing {what}…").format(what=what))
        self.bar.setRange(0, 0)  # busy until the first progress report says how many files
        self.cancel.setEnabled(True)
        self.cancel.setText(translate("Import", "Cancel"))
        self.show()

    @Slot(object)
    def update_progress(self, progress: object) -> None:
        assert isinstance(progress, Progress)
        if progress.total and progress.done:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(min(progress.done, progress.total))
        # until the first file is done the bar keeps moving: an empty bar looks stuck
        if not self.cancel.isEnabled():
            return  # keep saying "Cancelling…" until the worker stops
        current = Path(progress.current).name if progress.current else ""
        position = translate("Import", "file {n} of {total}").format(
            n=number(min(progress.done + 1, progress.total)), total=number(progress.total)
        )
        added = (
            translate("Import", " — {n} added").format(n=number(progress.articles))
            if progress.articles
            else ""
        )
        self.label.setText(
            translate("Import", "Importing {file} ({position}){added}").format(
                file=current, position=position, added=added
            )
            if current
            else translate("Import", "Importing… {position}{added}").format(
                position=position, added=added
            )
        )

    def _cancel_clicked(self) -> None:
        self.cancel.setEnabled(False)
        self.cancel.setText(translate("Import", "Cancelling…"))
        self.label.setText(translate("Import", "Cancelling: stopping at the next safe point…"))
        self.cancelRequested.emit()

    def end(self) -> None:
        self.hide()
