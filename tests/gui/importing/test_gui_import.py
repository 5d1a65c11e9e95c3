"""Imports run on a worker thread with progress and Cancel, and end in a report."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tests.conftest import corpus_path

from archive_app.domain.model import ImportReport
from archive_app.domain.progress import Progress
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive

SEED_TITLE = "Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian"
LONG = 60_000  # ms: a large corpus file takes a few seconds to import


def test_importing_the_seed_runs_off_the_gui_thread_and_lists_it(
    qtbot: QtBot,
    window: MainWindow,
    gui_archive: Archive,
    seed_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[int] = []
    real_import = gui_archive.import_paths

    def recording_import(paths: Iterable[str | Path], **kwargs: object) -> ImportReport:
        threads.append(threading.get_ident())
        return real_import(paths, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(gui_archive, "import_paths", recording_import)
    with qtbot.waitSignal(window.imports.finished, timeout=LONG) as done:
        assert window.import_paths([seed_file])
        # start() returned before the import finished: the window is free meanwhile
        assert window.imports.running
        assert window.import_status.isVisible()
        assert not window.actions_.import_files.isEnabled()  # one import at a time
    assert threads and threads[0] != threading.get_ident()

    report = done.args[0]
    assert len(report.added) == 1 and not report.failed
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.index(0, 0).data() == SEED_TITLE
    assert window.stack.currentWidget() is window.browse
    assert not window.import_status.isVisible()
    assert window.actions_.import_files.isEnabled()
    # the summary dialog names the counts
    assert window.report_dialog is not None and window.report_dialog.isVisible()
    assert "1 added" in window.report_dialog.summary.text()
    assert "0 failed" in window.report_dialog.summary.text()
    assert "1 added" in window.statusBar().currentMessage()


def test_failures_are_listed_in_the_report_and_the_rest_is_imported(
    qtbot: QtBot, window: MainWindow, seed_file: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"")
    with qtbot.waitSignal(window.imports.finished, timeout=LONG) as done:
        window.import_paths([empty, seed_file])
    report = done.args[0]
    assert len(report.added) == 1 and len(report.failed) == 1
    dialog = window.report_dialog
    assert dialog is not None
    assert "1 failed" in dialog.summary.text()
    assert dialog.details.isVisibleTo(dialog)
    details = dialog.details.toPlainText()
    assert "Failed" in details and "kosong.txt" in details
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)


def test_progress_reaches_the_status_bar(qtbot: QtBot, window: MainWindow, seed_file: Path) -> None:
    with qtbot.waitSignal(window.imports.progressed, timeout=LONG) as first:
        window.import_paths([seed_file])
    assert isinstance(first.args[0], Progress)
    qtbot.waitSignal(window.imports.finished, timeout=LONG).wait()
    qtbot.waitUntil(lambda: not window.imports.running)


def _cancel_inside_the_big_file(window: MainWindow, big: Path) -> None:
    """Press Cancel once the worker reports progress from inside `big` (not before it)."""
    seen: list[Progress] = []

    def on_progress(progress: object) -> None:
        assert isinstance(progress, Progress)
        if progress.current.endswith(big.name):
            seen.append(progress)
            if len(seen) == 2 and window.import_status.cancel.isEnabled():
                window.import_status.cancel.click()

    window.imports.progressed.connect(on_progress)


def test_cancel_during_an_import_keeps_the_library_consistent(
    qtbot: QtBot, window: MainWindow, gui_archive: Archive, seed_file: Path
) -> None:
    big = next(corpus_path("id_json").glob("*.jsonl.gz"))
    _cancel_inside_the_big_file(window, big)
    with qtbot.waitSignal(window.imports.finished, timeout=LONG) as done:
        window.import_paths([seed_file, big])
    report = done.args[0]
    assert report.cancelled
    assert window.report_dialog is not None
    assert window.report_dialog.windowTitle() == "Import cancelled"
    assert "Cancelled after" in window.report_dialog.summary.text()
    # the seed finished before Cancel and stays; nothing of the interrupted file was kept
    assert gui_archive.count() == len(report.added) == 1
    check = gui_archive.check()
    assert check.ok, check
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.index(0, 0).data() == SEED_TITLE


def test_closing_the_window_during_an_import_cancels_it_and_waits(
    qtbot: QtBot, window: MainWindow, gui_archive: Archive
) -> None:
    big = next(corpus_path("id_json").glob("*.jsonl.gz"))
    with qtbot.waitSignal(window.imports.progressed, timeout=LONG):
        window.import_paths([big])
    with qtbot.waitSignal(window.imports.finished, timeout=LONG) as done:
        window.close()
        # close() returned only once the worker had left the import: the library may close
        assert not window.imports.worker_busy
    assert done.args[0].cancelled
    check = gui_archive.check()
    assert check.ok, check
    assert gui_archive.count() == len(done.args[0].added)


def test_an_import_stopped_by_a_full_disk_says_so_in_its_report(qtbot: QtBot) -> None:
    from archive_app.domain.model import ImportItem
    from archive_app.gui.importing.report_dialog import ImportReportDialog

    line = (
        "the disk holding /media/arsip is full: 3 files (1.2 MB) were not imported and need "
        "about 4.0 MB more free space; free some and import again"
    )
    report = ImportReport(
        files=4, added=[ImportItem("a.jsonl", "row 1", 1, "Banjir")], stopped=line
    )
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Import stopped"
    assert dialog.summary.text().startswith("Stopped after 1 added")
    assert dialog.details.toPlainText().splitlines()[0] == line


def test_the_report_says_what_an_interrupted_import_left_and_this_one_indexed(
    qtbot: QtBot,
) -> None:
    from archive_app.gui.importing.report_dialog import ImportReportDialog

    dialog = ImportReportDialog(ImportReport(files=1, indexed_leftovers=1200))
    qtbot.addWidget(dialog)
    assert (
        "Indexed 1,200 articles left over from an interrupted import."
        in dialog.details.toPlainText()
    )
