"""Help ▸ About Arsip: the version, the open library's folder and what Arsip runs on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive_app import APP_NAME
from archive_app.gui.common.i18n import translate
from archive_app.usecases.about import arsip_version, component_versions


def versions() -> list[tuple[str, str]]:
    """(name, version) of Arsip, Python, the Qt library running the window, and the rest."""
    found = [(APP_NAME, arsip_version())]
    found += component_versions()
    found.insert(2, ("Qt", qVersion()))  # the library loaded now, which PySide6 may not pin
    return found


class AboutDialog(QDialog):
    """Shows what a bug report needs; Copy puts the same lines on the clipboard."""

    def __init__(self, library: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Help", "About Arsip"))
        self.setAccessibleName(translate("Help", "About Arsip"))
        self.library = library
        self.versions = versions()
        icon = QLabel(self)
        icon.setPixmap(QApplication.windowIcon().pixmap(64, 64))
        title = QLabel(f"<h2>{APP_NAME} {self.versions[0][1]}</h2>", self)
        summary = QLabel(translate("Help", "An offline archive of news articles."), self)
        heading = QGridLayout()
        heading.addWidget(icon, 0, 0, 2, 1)
        heading.addWidget(title, 0, 1)
        heading.addWidget(summary, 1, 1)
        heading.setColumnStretch(1, 1)
        form = QFormLayout()
        self.library_label = self._value(str(library))
        form.addRow(translate("Help", "Library:"), self.library_label)
        self.version_labels: dict[str, QLabel] = {}
        for name, version in self.versions[1:]:
            self.version_labels[name] = self._value(version)
            form.addRow(f"{name}:", self.version_labels[name])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy = QPushButton(translate("Help", "&Copy these details"), self)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _value(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a folder name is never markup
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def details(self) -> str:
        """The dialog's facts as plain lines, to paste into a report."""
        lines = [f"{name} {version}" for name, version in self.versions]
        lines.append(translate("Help", "Library: {path}").format(path=self.library))
        return "\n".join(lines)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
