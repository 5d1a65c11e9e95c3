"""The Help screenshots: the manual in English and Indonesian, a word found in it, and About.

The window shows the screenshot library read-only; the manual is opened from its Help menu as
a person would, in each interface language, with a word typed in its search field so the
chapter list and the marked matches show. These pictures go to screenshots/ (not shipped);
the manual's own pictures come from manual_shots.py.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from scripts.screenshots.kit import open_window, place, settle, shoot

from archive_app.gui.common import i18n
from archive_app.gui.shell.settings import Settings
from archive_app.usecases.archive import Archive

# a word of the backup chapter in each language: one chapter listed, several matches marked
FOUND = {"en": "backup", "id": "cadangan"}


def help_shots(out: Path, library: Path, app: QApplication) -> list[Path]:
    saved: list[Path] = []
    with Archive.open(library, readonly=True) as archive:
        for language, word in FOUND.items():
            i18n.install(app, language)
            window = open_window(archive, Settings())
            try:
                window.actions_.manual.trigger()
                manual = window.help_desk.manual
                assert manual is not None
                place(manual, 1100, 760)
                manual.search.setText(word)
                manual.step(1)
                settle()
                saved.append(shoot(out, f"22-manual-{language}"))
                manual.close()
                if language == "en":
                    window.actions_.about.trigger()
                    about = window.help_desk.about
                    assert about is not None
                    about.adjustSize()
                    place(about, max(about.width(), 560), about.height())
                    settle()
                    saved.append(shoot(out, "23-about"))
                    about.close()
            finally:
                window.close()
    i18n.install(app, "en")
    return saved
