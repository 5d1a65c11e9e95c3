"""The window opens without what it shows only on demand: the dialogs, the photo viewer, the
export formats, Pillow and Qt's print support load when they are first wanted (each cost the
launch tens of milliseconds on a 2-core machine)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from archive_app.usecases.archive import Archive

LATER = (
    "PIL",
    "PySide6.QtPrintSupport",
    "archive_app.exports.formats",
    "archive_app.exports.run",
    "archive_app.gui.authorities.window",
    "archive_app.gui.editing.bulk_dialog",
    "archive_app.gui.editing.editor",
    "archive_app.gui.exporting.dialog",
    "archive_app.gui.help.manual_dialog",
    "archive_app.gui.photos.viewer_dialog",
    "archive_app.gui.shell.preferences",
)

SHOW = """
import json, sys, time
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from archive_app.usecases.archive import Archive
from archive_app.gui.shell.app import application
from archive_app.gui.shell.main_window import MainWindow

QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
app = application()
archive = Archive.open(sys.argv[1], readonly=True)
window = MainWindow(archive)
window.show()
loaded = sorted(sys.modules)  # built and shown (Pillow is loaded once a search is answered)
deadline = time.monotonic() + 30
while not window.model.rowCount() and time.monotonic() < deadline:
    QApplication.processEvents()
    time.sleep(0.01)
shown = window.model.rowCount()
window.close()
archive.close()
print(json.dumps({"rows": shown, "modules": loaded}))
"""


def test_the_window_shows_a_library_without_loading_what_waits_for_a_click(
    tmp_path: Path, seed_file: Path
) -> None:
    with Archive.open(tmp_path / "lib") as archive:
        archive.import_paths([seed_file])
    out = subprocess.run(
        [sys.executable, "-c", SHOW, str(tmp_path / "lib"), str(tmp_path / "settings")],
        check=True,
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    ).stdout
    found = json.loads(out.strip().splitlines()[-1])
    assert found["rows"] == 1  # the library's article is listed
    loaded = set(found["modules"])
    assert "archive_app.gui.shell.main_window" in loaded
    assert sorted(m for m in LATER if m in loaded) == []
