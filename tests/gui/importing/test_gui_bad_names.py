"""The window imports and names files whose names are not UTF-8, as the command line does."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from tests.cli.test_cli_bad_names import bad_name

from archive_app.gui.shell.main_window import MainWindow

LONG = 60_000  # ms


def test_the_import_report_names_a_file_whose_name_is_not_utf8(
    qtbot: QtBot, window: MainWindow, seed_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad_name(folder, b"berita", seed_file.read_bytes())
    bad_name(folder, b"kosong", b"")
    with qtbot.waitSignal(window.imports.finished, timeout=LONG) as done:
        window.import_paths([folder])
    report = done.args[0]
    # before: the article could not be stored (UnicodeEncodeError): 0 added
    assert [item.path for item in report.added] == [f"{folder}/berita-\\xff.txt"]
    dialog = window.report_dialog
    assert dialog is not None
    assert f"{folder}/kosong-\\xff.txt: the file is empty" in dialog.details.toPlainText()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
