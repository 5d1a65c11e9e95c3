"""Find and replace within one field of many articles, every change previewed first."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from archive_app.gui.common.field_values import field_label
from archive_app.gui.common.i18n import count_text, translate
from archive_app.gui.editing.preview_dialog import PreviewDialog
from archive_app.usecases.undoable_edits import TEXT_FIELDS_FOR_REPLACE


class ReplaceDialog(PreviewDialog):
    """The selection, or (when ticked) every article of the current result."""

    def __init__(self, selected: int, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("Replace", "Find and replace"),
            count_text(
                selected,
                translate(
                    "Replace",
                    "Looks in the {count} selected article, or in the "
                    "whole result when ticked below.",
                ),
                translate(
                    "Replace",
                    "Looks in the {count} selected articles, or in the whole "
                    "result when ticked below.",
                ),
            ),
            parent,
        )
        self.setObjectName("replaceDialog")
        self.field = QComboBox(self)
        self.field.setAccessibleName(translate("Replace", "Field"))
        for field in TEXT_FIELDS_FOR_REPLACE:
            self.field.addItem(field_label(field), field)
        self.find_text = QLineEdit(self)
        self.find_text.setAccessibleName(translate("Replace", "Find"))
        self.replace_text = QLineEdit(self)
        self.replace_text.setAccessibleName(translate("Replace", "Replace with"))
        self.replace_text.setPlaceholderText(
            translate("Replace", "(nothing: delete what is found)")
        )
        self.regex = QCheckBox(
            translate("Replace", "Regular expression (\\1 in the replacement repeats a group)"),
            self,
        )
        self.whole_result = QCheckBox(
            translate("Replace", "Every article of the current result, not only the selection"),
            self,
        )
        self.form.addRow(translate("Replace", "&Field"), self.field)
        self.form.addRow(translate("Replace", "F&ind"), self.find_text)
        self.form.addRow(translate("Replace", "&Replace with"), self.replace_text)
        self.form.addRow("", self.regex)
        self.form.addRow("", self.whole_result)
        self.field.currentIndexChanged.connect(self.invalidate)
        self.find_text.textChanged.connect(self.invalidate)
        self.replace_text.textChanged.connect(self.invalidate)
        self.regex.toggled.connect(self.invalidate)
        self.whole_result.toggled.connect(self.invalidate)
        self.order_tabs()

    @property
    def chosen_field(self) -> str:
        return str(self.field.currentData())

    def check_inputs(self) -> bool:
        if not self.find_text.text():
            self.show_problem(translate("Replace", "Type what to find first."))
            return False
        return True
