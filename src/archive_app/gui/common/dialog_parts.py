"""Parts the cataloguing dialogs share: a heading naming the task, and the main action's button."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QWidget


def heading(text: str, parent: QWidget) -> QLabel:
    """The task in a few words at the top of a dialog (the title bar may be far away)."""
    label = QLabel(text, parent)
    label.setObjectName("dialogTitle")
    label.setWordWrap(True)
    return label


def main_button(
    box: QDialogButtonBox,
    text: str,
    role: QDialogButtonBox.ButtonRole = QDialogButtonBox.ButtonRole.AcceptRole,
) -> QPushButton:
    """The dialog's main action, drawn in the accent colour (named before it is styled)."""
    button = QPushButton(text, box)
    button.setObjectName("primaryButton")
    button.setDefault(True)
    box.addButton(button, role)
    return button
