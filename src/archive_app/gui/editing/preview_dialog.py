"""A dialog that shows every change before it is applied: inputs, a preview table, Apply."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archive_app.gui.common.dialog_parts import heading, main_button
from archive_app.gui.common.focus import chain_tabs
from archive_app.gui.common.html_delegate import HtmlDelegate
from archive_app.gui.common.i18n import count_text, number, translate
from archive_app.gui.editing.preview_model import ARTICLE, PreviewModel, PreviewRow


class PreviewDialog(QDialog):
    """Subclasses add their inputs to `form`; a changed input clears the preview, so what is
    applied is always what was last seen. Emits `previewRequested` and `applyRequested`."""

    previewRequested = Signal()
    applyRequested = Signal()

    def __init__(self, title: str, scope: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(920, 640)
        self.scope = QLabel(scope, self)
        self.scope.setObjectName("dialogIntro")
        self.scope.setWordWrap(True)
        self.form = QFormLayout()
        self.problem = QLabel(self)
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        self.table.setObjectName("previewTable")
        self.table.setAccessibleName(translate("Preview", "Every change, before it is applied"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(HtmlDelegate(self.table))  # what changes is marked
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ARTICLE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ARTICLE, 240)
        self.count = QLabel(self)
        self.count.setObjectName("resultCount")
        self.preview_button = QPushButton(translate("Preview", "Preview"), self)
        self.preview_button.setAccessibleName(translate("Preview", "Preview every change"))
        self.preview_button.clicked.connect(self._ask_preview)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button = main_button(
            buttons, translate("Preview", "Apply"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.apply_button.setDefault(False)  # Enter previews; applying is a deliberate click
        self.apply_button.setAccessibleName(translate("Preview", "Apply the previewed change"))
        self.apply_button.clicked.connect(self._ask_apply)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(heading(title, self))
        column.addWidget(self.scope)
        column.addLayout(self.form)
        column.addWidget(self.problem)
        column.addWidget(self.count)
        column.addWidget(self.table, 1)
        column.addWidget(buttons)
        self.invalidate()

    def order_tabs(self) -> None:
        """Tab goes down the subclass's form, then Preview, the preview, Apply and Cancel
        (called once the form is filled: its inputs are made after these)."""
        items = (self.form.itemAt(i) for i in range(self.form.count()))
        inputs = (item.widget() for item in items if item is not None)
        fields = [w for w in inputs if w is not None and not isinstance(w, QLabel)]
        chain_tabs(*fields, self.preview_button, self.table, self.apply_button, self.cancel_button)
        if fields:
            fields[0].setFocus()  # the dialog opens on its first question

    def invalidate(self) -> None:
        """An input changed: the old preview no longer says what Apply would do."""
        self.model.set_rows([])
        self.problem.hide()
        self.apply_button.setEnabled(False)
        self.preview_button.setEnabled(True)
        self.count.setText(
            translate(
                "Preview",
                "Preview the change to see every article it alters before anything is written.",
            )
        )

    def show_preview(self, rows: Sequence[PreviewRow], articles: int) -> None:
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()
        self.preview_button.setEnabled(True)
        self.apply_button.setEnabled(bool(rows))
        if rows:
            self.count.setText(
                translate(
                    "Preview",
                    "{changed} of {total} would change; one Undo takes the whole change back.",
                ).format(
                    changed=count_text(
                        len(rows),
                        translate("Preview", "{count} article"),
                        translate("Preview", "{count} articles"),
                    ),
                    total=number(articles),
                )
            )
        else:
            self.count.setText(
                translate("Preview", "Nothing would change in these {total} articles.").format(
                    total=number(articles)
                )
            )

    def show_problem(self, text: str) -> None:
        self.set_busy(False)
        self.problem.setText(text)
        self.problem.show()

    def show_stale(self, text: str) -> None:
        """The catalogue refused the preview as out of date: drop it, so only a new preview
        (of the articles as they are now) can be applied, and put the keys on Preview."""
        self.model.set_rows([])
        self.show_problem(text)
        self.count.setText(translate("Preview", "Preview again to see the change as it is now."))
        self.preview_button.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.preview_button.setEnabled(not busy)
        self.apply_button.setEnabled(not busy and self.model.rowCount() > 0)
        if busy:
            self.count.setText(translate("Preview", "Working…"))

    def _ask_preview(self) -> None:
        self.problem.hide()
        if self.check_inputs():
            self.set_busy(True)
            self.previewRequested.emit()

    def _ask_apply(self) -> None:
        if self.model.rowCount():
            self.set_busy(True)
            self.applyRequested.emit()

    def check_inputs(self) -> bool:
        """Subclasses say what is missing (with show_problem) and return False."""
        return True
