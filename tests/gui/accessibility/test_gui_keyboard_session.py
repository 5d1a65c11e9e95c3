"""A whole session with the keyboard alone: search, read, move from hit to hit, edit, export.

Only key presses drive it (QTest key clicks into whatever has the focus, and the window's
shortcuts); no mouse and no method calls do the work. After each step the test checks what a
person would see: the count, the article in the reader, the hit counter, the saved title, the
exported file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from tests.gui.conftest import ARTICLES, article_id, open_window

from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key pressed wherever the focus is, as on a real keyboard."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def when_chooser(qtbot: QtBot, answer: Callable[[QLineEdit], None], tries: int = 200) -> None:
    """Answer the next file chooser (it blocks, so it is answered from a timer) by keys, once
    its file name field has the focus; it is cancelled after `tries` polls, never left open."""

    def poll(left: int) -> None:
        modal = QApplication.activeModalWidget()
        field = QApplication.focusWidget()
        if (
            isinstance(modal, QFileDialog)
            and isinstance(field, QLineEdit)
            and field.window() is modal
        ):
            answer(field)
            return
        if left:
            QTimer.singleShot(50, lambda: poll(left - 1))
        elif isinstance(modal, QFileDialog):
            modal.reject()

    QTimer.singleShot(50, lambda: poll(tries))


def test_search_read_edit_export_with_the_keyboard_only(
    qtbot: QtBot, small_window: MainWindow, tmp_path: Path
) -> None:
    window = small_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    # 1. Ctrl+L: the search box; type a query and Enter
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert focused() is window.search_bar.field
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "banjir")
    with qtbot.waitSignal(window.searches.counted, timeout=10_000):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search_bar.count.text() == "3 matches", timeout=10_000)
    assert window.model.rowCount() == 3

    # 2. Tab past the cheat sheet button and the sort order into the results
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is window.table
    press(qtbot, Qt.Key.Key_Home, CTRL)  # the first result, then the one below it
    press(qtbot, Qt.Key.Key_Down)
    assert window.table.currentIndex().row() == 1
    second = window.model.article_id(1)
    # 3. Enter reads the article: the reader shows it and takes the focus
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.reader.reading is not None and window.reader.reading.detail.id == second,
        timeout=10_000,
    )
    assert focused() is window.reader
    title = window.reader.reading.detail.record.title
    assert title in window.reader.toPlainText()

    # 4. F3 and Shift+F3 move from hit to hit, and the counter says where
    hits = window.reader_pane.hits
    press(qtbot, Qt.Key.Key_F3)
    assert hits.text().startswith("hit 1 of ")
    total = int(hits.text().rsplit(" ", 1)[1])
    assert total >= 1
    press(qtbot, Qt.Key.Key_F3)
    assert hits.text() == f"hit {2 if total > 1 else 1} of {total}"
    press(qtbot, Qt.Key.Key_F3, SHIFT)
    assert hits.text() == f"hit 1 of {total}"

    # 5. Ctrl+E edits it: Tab to the title, replace it, Enter saves
    press(qtbot, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: window.editing.editor is not None, timeout=10_000)
    editor = window.editing.editor
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and focused().window() is editor)
    press(qtbot, Qt.Key.Key_Tab)
    assert isinstance(focused(), QLineEdit) and focused().text() == title
    press(qtbot, Qt.Key.Key_A, CTRL)
    new_title = "Banjir Jakbar: tiga RT terendam (diperiksa)"
    type_text(qtbot, new_title)
    with qtbot.waitSignal(window.changes.changed, timeout=10_000):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editing.editor is None, timeout=10_000)
    assert window.archive.article(second).record.title == new_title
    qtbot.waitUntil(
        lambda: (
            window.reader.reading is not None
            and window.reader.reading.detail.record.title == new_title
        ),
        timeout=10_000,
    )

    # 6. Ctrl+Shift+X exports the article read: Enter in the dialog, then the file chooser
    target = tmp_path / "by-keyboard.jsonl"

    def name_the_file(field: QLineEdit) -> None:
        qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(field, str(target))
        qtbot.keyClick(field, Qt.Key.Key_Return)

    press(qtbot, Qt.Key.Key_X, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.exporting.dialog is not None, timeout=10_000)
    dialog = window.exporting.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and focused().window() is dialog)
    assert dialog.article.isChecked()  # the article being read, as the dialog offers first
    # choose JSON Lines by typing in the format list, then Enter exports
    while dialog.format.currentData() != "jsonl":
        if focused() is dialog.format:
            press(qtbot, Qt.Key.Key_Down)
        else:
            press(qtbot, Qt.Key.Key_Tab)
    when_chooser(qtbot, name_the_file)
    with qtbot.waitSignal(window.exporting.finished, timeout=20_000):
        press(qtbot, Qt.Key.Key_Return)
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["title"] for r in records] == [new_title]
    # the notice that says where it went closes with Enter too
    qtbot.waitUntil(
        lambda: window.exporting.notice is not None and window.exporting.notice.isVisible()
    )
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.exporting.notice.isVisible())
    assert article_id(window.archive, new_title) == second
    assert len(ARTICLES) == window.archive.count()


def tab_to(qtbot: QtBot, target: QWidget, back: bool = False, most: int = 30) -> None:
    """Tab (or Shift+Tab) until `target` has the focus, as a person does; fails past `most`."""
    for _ in range(most):
        if QApplication.focusWidget() is target:
            return
        press(qtbot, Qt.Key.Key_Tab, SHIFT if back else Qt.KeyboardModifier.NoModifier)
    raise AssertionError(f"Tab never reached {target.accessibleName()!r}")


def test_narrow_choose_dates_and_change_in_bulk_with_the_keyboard_only(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    window = small_window
    window.activateWindow()
    press(qtbot, Qt.Key.Key_L, CTRL)

    # 1. Shift+Tab from the search box reaches the facets; arrows to a site, Space narrows
    tab_to(qtbot, window.sidebar.facets, back=True)
    facets = window.sidebar.facets
    for _ in range(20):
        if facets.currentIndex().data() == "liputan6.com":
            break
        press(qtbot, Qt.Key.Key_Down)
    assert facets.currentIndex().data() == "liputan6.com"
    with qtbot.waitSignal(window.searches.counted, timeout=10_000):
        press(qtbot, Qt.Key.Key_Space)
    assert [chip.text() for chip in window.filter_bar.chips] == ["Site: liputan6.com  ✕"]
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)

    # 2. Shift+Tab to the histogram: Left picks the newest month, Enter filters by it
    tab_to(qtbot, window.sidebar.histogram, back=True)
    press(qtbot, Qt.Key.Key_Left)
    with qtbot.waitSignal(window.searches.counted, timeout=10_000):
        press(qtbot, Qt.Key.Key_Return)
    assert [chip.text() for chip in window.filter_bar.chips] == [
        "Site: liputan6.com  ✕",
        "Date: June 2025  ✕",
    ]
    assert window.model.rowCount() == 2

    # 3. into the results, Ctrl+A, Ctrl+B: add a tag to both, previewed, then applied
    tab_to(qtbot, window.table)
    press(qtbot, Qt.Key.Key_A, CTRL)
    assert len(window.table.selected_ids()) == 2
    press(qtbot, Qt.Key.Key_B, CTRL)
    qtbot.waitUntil(lambda: window.bulk.dialog is not None, timeout=10_000)
    dialog = window.bulk.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: focused() is getattr(dialog, "operation", None), timeout=10_000)
    for _ in range(10):
        if dialog.operation.currentData() == "add_tag":
            break
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # the Value label's mnemonic
    assert focused() in (dialog.value, dialog.value.lineEdit())
    type_text(qtbot, "pesisir")
    press(qtbot, Qt.Key.Key_Return)  # Enter previews
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)

    tab_to(qtbot, dialog.apply_button)
    with qtbot.waitSignal(window.changes.changed, timeout=10_000):
        press(qtbot, Qt.Key.Key_Space)  # applying is a deliberate key on its own button
    assert ("pesisir", 2) in window.archive.tags()


def test_import_view_photos_back_up_and_restore_with_the_keyboard_only(
    qtbot: QtBot, window: MainWindow, seed_file: Path, tmp_path: Path
) -> None:
    if not seed_file.exists():
        pytest.skip(f"needs ../shared/corpus ({seed_file} is not there)")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    # 1. Ctrl+I: the file chooser takes the file's name; Enter imports, Enter closes the report
    when_chooser(qtbot, lambda field: name_file(qtbot, field, seed_file))
    with qtbot.waitSignal(window.import_flow.imported, timeout=30_000):
        press(qtbot, Qt.Key.Key_I, CTRL)
    report = window.report_dialog
    assert report is not None
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is report, timeout=10_000)
    assert report.summary.text().startswith("Done: 1 added · 0 updated · 0 duplicates · 0 failed")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not report.isVisible())
    qtbot.waitUntil(lambda: window.reader.reading is not None, timeout=10_000)
    assert "World Water Forum" in window.reader.reading.detail.record.title

    # 2. Ctrl+Shift+P opens the photo viewer on the article's photo; Esc closes it
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_bar.field)
    press(qtbot, Qt.Key.Key_P, CTRL | SHIFT)
    viewer = window.reading.photo_viewer
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.isVisible() and viewer.current == 0, timeout=10_000)
    assert viewer.heading.text().startswith("Photo 1 of 1")
    assert "Direktorat Jenderal Informasi" in viewer.placeholder.text()  # caption, no file
    viewer.activateWindow()  # what a window manager does for a new window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not viewer.isVisible())

    # 3. Alt+F opens the File menu, B backs up: the chooser takes the file's name
    window.activateWindow()  # the window manager's part again, once the viewer is gone
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    target = tmp_path / "by-keyboard-backup.zip"
    when_chooser(qtbot, lambda field: name_file(qtbot, field, target))
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    menu = QApplication.activePopupWidget()
    assert menu is not None and menu.isVisible()
    with qtbot.waitSignal(window.safety.finished, timeout=30_000):
        qtbot.keyClick(menu, Qt.Key.Key_B)
    assert target.exists() and target.stat().st_size > 0
    notice = window.safety.notice
    assert notice is not None and "backed up to" in notice.text()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is notice)
    press(qtbot, Qt.Key.Key_Return)  # the notice closes with Enter
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    # 4. Alt+F, T restores it: one chooser takes the backup, the next an empty folder
    restored = tmp_path / "restored"
    restored.mkdir()

    def choose_backup(field: QLineEdit) -> None:
        when_chooser(qtbot, lambda folder: name_file(qtbot, folder, restored))
        name_file(qtbot, field, target)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    when_chooser(qtbot, choose_backup)
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    menu = QApplication.activePopupWidget()
    assert menu is not None
    with qtbot.waitSignal(window.safety.finished, timeout=30_000) as done:
        qtbot.keyClick(menu, Qt.Key.Key_T)
    assert done.args == [1]  # one article restored
    assert (restored / "catalogue.sqlite").exists()
    question = window.safety.notice
    assert question is not None
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is question)
    press(qtbot, Qt.Key.Key_Escape)  # Close: no second window
    qtbot.waitUntil(lambda: not question.isVisible())


def name_file(qtbot: QtBot, field: QLineEdit, path: Path) -> None:
    """Type a path into a file chooser's name field and press Enter."""
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field, str(path))
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_date_range_on_the_histogram_with_the_keyboard_only(
    qtbot: QtBot, gui_archive: Archive, tmp_path: Path
) -> None:
    """Three months of articles: Left picks the newest bar, Shift+Left stretches the range
    back a month, Enter filters by it."""
    source = tmp_path / "months.jsonl"
    rows = [
        ("Banjir rob di pesisir utara", "2025-04-10 08:00"),
        ("Pompa air disiagakan di Jakbar", "2025-05-12 09:00"),
        ("Bantuan untuk korban banjir", "2025-06-14 10:00"),
    ]
    source.write_text(
        "".join(
            json.dumps(
                {
                    "judul": title,
                    "isi_berita": f"{title}. Warga diminta waspada.",
                    "tanggal_publikasi": when,
                    "sumber": "detik.com",
                    "url": f"https://news.detik.com/d-{n}",
                }
            )
            + "\n"
            for n, (title, when) in enumerate(rows)
        ),
        encoding="utf-8",
    )
    assert len(gui_archive.import_paths([source]).added) == 3
    window = open_window(qtbot, gui_archive)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: len(window.sidebar.histogram.bins) == 3, timeout=10_000)
    window.activateWindow()
    press(qtbot, Qt.Key.Key_L, CTRL)
    tab_to(qtbot, window.sidebar.histogram, back=True)
    press(qtbot, Qt.Key.Key_Left)
    press(qtbot, Qt.Key.Key_Left, SHIFT)
    with qtbot.waitSignal(window.searches.counted, timeout=10_000):
        press(qtbot, Qt.Key.Key_Return)
    assert [chip.text() for chip in window.filter_bar.chips] == ["Date: May 2025 – June 2025  ✕"]
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    window.close()
