"""Someone else changed the article being edited: choose theirs, yours or a combined value."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from archive_app.domain.conflicts import Conflict, FieldConflict
from archive_app.gui.common.dialog_parts import heading, main_button
from archive_app.gui.common.field_values import display, field_label
from archive_app.gui.common.i18n import translate

THEIRS, YOURS, COMBINED = 0, 1, 2
MULTILINE = frozenset({"note"})


class FieldChoice(QGroupBox):
    """One conflicting field: theirs and yours side by side, and which one to keep."""

    def __init__(self, conflict: FieldConflict, parent: QWidget) -> None:
        label = field_label(conflict.field)
        super().__init__(label, parent)
        self.conflict = conflict
        # a combined value is typed, so only for fields held as one piece of text
        self.combinable = all(isinstance(v, str | None) for v in (conflict.theirs, conflict.yours))
        form = QFormLayout(self)
        form.addRow(
            translate("Conflicts", "Theirs (now in the catalogue):"),
            self._value(conflict.theirs, translate("Conflicts", "{field}: theirs"), label),
        )
        form.addRow(
            translate("Conflicts", "Yours:"),
            self._value(conflict.yours, translate("Conflicts", "{field}: yours"), label),
        )
        self.choice = QComboBox(self)
        self.choice.addItem(translate("Conflicts", "Keep theirs"))
        self.choice.addItem(translate("Conflicts", "Keep yours"))
        if self.combinable:
            self.choice.addItem(translate("Conflicts", "Combine them (edit below)"))
        self.choice.setCurrentIndex(YOURS)  # what the person asked for until they choose
        self.choice.setAccessibleName(
            translate("Conflicts", "Keep for {field}").format(field=label)
        )
        form.addRow(translate("Conflicts", "Keep:"), self.choice)
        self.combined = QPlainTextEdit(self)
        self.combined.setAccessibleName(
            translate("Conflicts", "{field}: combined value").format(field=label)
        )
        # a note keeps its lines; any other text field is one line (a title, a place)
        self.joiner = "\n" if conflict.field in MULTILINE else " "
        both = (conflict.theirs, conflict.yours)
        self.combined.setPlainText(self.joiner.join(v for v in both if isinstance(v, str) and v))
        self.combined.setMaximumHeight(90)
        self.combined.setTabChangesFocus(True)  # Tab moves on, as in every other box
        self.combined.setVisible(False)
        form.addRow(self.combined)
        self.choice.currentIndexChanged.connect(self._chosen)

    def _value(self, value: Any, name: str, field: str) -> QLabel:
        shown = QLabel(display(self.conflict.field, value, 400), self)
        shown.setWordWrap(True)
        shown.setAccessibleName(name.format(field=field))
        return shown

    def _chosen(self, index: int) -> None:
        self.combined.setVisible(index == COMBINED)
        if index == COMBINED:
            self.combined.setFocus()

    def kept_theirs(self) -> bool:
        return self.choice.currentIndex() == THEIRS

    def value(self) -> Any:
        """The value to write (only asked when theirs is not kept)."""
        if self.choice.currentIndex() == COMBINED:
            text = self.combined.toPlainText().strip()
            return text if self.joiner == "\n" else " ".join(text.split())
        return self.conflict.yours


class ConflictDialog(QDialog):
    """Shown when a save was refused because the article changed since the editor opened it;
    `resolved(yours)` gives the changes to write against the article's current version."""

    def __init__(
        self, conflict: Conflict, opened: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.conflict = conflict
        self.setWindowTitle(translate("Conflicts", "The article changed meanwhile"))
        self.setAccessibleName(translate("Conflicts", "Changed by someone else"))
        title = conflict.title or translate("Conflicts", "untitled article")
        column = QVBoxLayout(self)
        column.addWidget(
            heading(
                translate(
                    "Conflicts",
                    "“{title}” was changed by someone else since you opened it",
                ).format(title=title),
                self,
            )
        )
        # the core names every field whose stored value is not yours; only those someone
        # else changed since the editor opened (not the value it read) are a choice to make
        both = [f for f in conflict.fields if f.theirs != opened.get(f.field)]
        explanation = QLabel(
            translate(
                "Conflicts",
                "Nothing of yours was saved yet. For each field both of you changed, choose "
                "what to keep; your other changes are kept as you made them. Save writes "
                "your choices to the article as it is now.",
            )
            if both
            else translate(
                "Conflicts",
                "They changed other fields than yours. Save writes your changes to the "
                "article as it is now, keeping theirs.",
            ),
            self,
        )
        explanation.setWordWrap(True)
        column.addWidget(explanation)
        self.choices = [FieldChoice(field, self) for field in both]
        if self.choices:
            rows = QWidget(self)
            inner = QVBoxLayout(rows)
            for choice in self.choices:
                inner.addWidget(choice)
            inner.addStretch(1)
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setWidget(rows)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the choices inside
            scroll.setAccessibleName(translate("Conflicts", "Fields both of you changed"))
            column.addWidget(scroll, 1)
        buttons = QDialogButtonBox(self)
        self.save = main_button(buttons, translate("Conflicts", "Save"))
        self.save.setAccessibleName(translate("Conflicts", "Save the chosen values"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(translate("Conflicts", "Back to the editor, nothing saved"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.resize(720, 520 if self.choices else 220)

    def choice(self, field: str) -> FieldChoice:
        return next(c for c in self.choices if c.conflict.field == field)

    def resolved(self, yours: dict[str, Any]) -> dict[str, Any]:
        """The person's changes with each conflicting field as chosen (theirs: left out,
        since the catalogue holds it already)."""
        chosen = {
            f: v for f, v in yours.items() if f not in {c.conflict.field for c in self.choices}
        }
        for choice in self.choices:
            if not choice.kept_theirs():
                chosen[choice.conflict.field] = choice.value()
        return chosen
