"""The conflict dialog: an article retitled elsewhere while the editor had it open, then saved.

It changes a library, so it works on a copy of the screenshot library. The other desktop's
edit is staged through the same archive between opening the editor and saving (a folder
library has one writer; the core refuses the stale save exactly as for a team library).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from scripts.screenshots.catalogue_shots import SEED_TITLE
from scripts.screenshots.kit import open_window, place, search, settle, shoot, show_article

from archive_app.gui.editing.conflict_dialog import COMBINED
from archive_app.gui.shell.settings import Settings
from archive_app.usecases.archive import Archive

THEIRS = "World Water Forum 2024: Kominfo Gandeng Humas 30 Kementerian"
YOURS = "Kominfo Gandeng Humas Kementerian Gaungkan World Water Forum 2024"


def conflict_shots(out: Path, library: Path) -> list[Path]:
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "library"
        shutil.copytree(library, copy, ignore=shutil.ignore_patterns("library.lock"))
        with Archive.open(copy) as archive:
            window = open_window(archive, Settings())
            try:
                search(window, '"world water forum"')
                show_article(window, SEED_TITLE)
                window.edit_shown()
                settle(lambda: window.editing.editor is not None)
                editor = window.editing.editor
                assert editor is not None
                # someone else's edit, committed after the editor read the article
                archive.edit(
                    editor.detail.id,
                    {"title": THEIRS, "note": "Judul disesuaikan dengan versi cetak."},
                    expected_version=editor.detail.row_version,
                )
                title = editor.rows["title"].editor
                note = editor.rows["note"].editor
                assert isinstance(title, QLineEdit) and isinstance(note, QPlainTextEdit)
                title.setText(YOURS)
                note.setPlainText("Dicek dengan siaran pers Kominfo.")
                editor.request_save()
                settle(lambda: window.editing.conflict is not None)
                dialog = window.editing.conflict
                assert dialog is not None
                place(dialog, 760, 620)
                dialog.choice("title").choice.setCurrentIndex(COMBINED)
                settle()
                saved.append(shoot(out, "44-edit-conflict"))
                dialog.reject()
                settle(lambda: window.editing.conflict is None)
                editor.reject()
            finally:
                window.close()
    return saved
