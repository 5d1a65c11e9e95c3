"""The preferences dialog: theme (high contrast too) at once, interface language next start."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from archive_app.gui.common.i18n import translate
from archive_app.gui.shell.settings import Settings


def theme_choices() -> tuple[tuple[str, str], ...]:
    return (
        ("system", translate("Preferences", "As the system")),
        ("light", translate("Preferences", "Light")),
        ("dark", translate("Preferences", "Dark")),
        ("contrast", translate("Preferences", "High contrast, light")),
        ("contrast-dark", translate("Preferences", "High contrast, dark")),
    )


def language_choices() -> tuple[tuple[str, str], ...]:
    # each language names itself, so a person who cannot read the current one still finds theirs
    return (
        ("system", translate("Preferences", "As the system")),
        ("en", "English"),
        ("id", "Bahasa Indonesia"),
    )


class PreferencesDialog(QDialog):
    """Writes the choices to Settings when accepted; the window applies the theme."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(translate("Preferences", "Preferences"))
        self.setAccessibleName(self.windowTitle())
        self.settings = settings
        self.theme = QComboBox(self)
        self.theme.setAccessibleName(translate("Preferences", "Theme"))
        for key, label in theme_choices():
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(self.theme.findData(settings.theme))
        self.language = QComboBox(self)
        self.language.setAccessibleName(translate("Preferences", "Language"))
        for key, label in language_choices():
            self.language.addItem(label, key)
        self.language.setCurrentIndex(self.language.findData(settings.language))
        note = QLabel(
            translate("Preferences", "A new language applies when Arsip starts again."), self
        )
        note.setObjectName("welcomeHint")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("Preferences", "&Theme"), self.theme)
        form.addRow(translate("Preferences", "&Language"), self.language)
        form.addRow(note)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.theme = str(self.theme.currentData())
        self.settings.language = str(self.language.currentData())
        self.settings.sync()
        super().accept()
