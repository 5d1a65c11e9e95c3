"""The "Needs review" queue in the window: the reader's box of flags, the sidebar's smart
collection with a count per kind, and marking articles as reviewed (undoably)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtWidgets import QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from tests.gui.conftest import article_id, open_window
from tests.usecases.review_files import (
    ROWS,
    TINY_TITLE,
    UNREAD_DATE,
    UNREAD_TITLE,
    write_review_files,
    write_table,
)

from archive_app.domain.model import ArticleDetail, CatalogueRecord, SavedSearch
from archive_app.domain.review import REVIEW_KINDS, ReviewFlag
from archive_app.gui.catalogue.data import CatalogueData, ReviewCounts, SmartCollection
from archive_app.gui.catalogue.model import COUNT, REVIEW, SMART, CatalogueModel
from archive_app.gui.common.display import REVIEW_NAMES, REVIEW_SHORT_NAMES
from archive_app.gui.editing.history_model import FIELD, NEW, OLD
from archive_app.gui.reader.article_view import ReaderView
from archive_app.gui.reader.prepared import Reading
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive

LONG = 20_000
DATE_FLAG = ReviewFlag(
    "date",
    f"date {UNREAD_DATE!r} cannot be read (45-13-2022 is not a real date); published left empty",
)


@pytest.fixture
def review_archive(gui_archive: Archive, tmp_path: Path) -> Archive:
    report = gui_archive.import_paths(write_review_files(tmp_path / "files"))
    assert len(report.added) == 4, report
    return gui_archive


@pytest.fixture
def review_window(qtbot: QtBot, review_archive: Archive) -> Iterator[MainWindow]:
    shown = open_window(qtbot, review_archive)
    qtbot.waitUntil(
        lambda: (
            shown.model.rowCount() == 4
            and shown.reader.reading is not None
            and _queue(shown).isValid()
        ),
        timeout=LONG,
    )
    yield shown
    shown.close()


def _queue(window: MainWindow, kind: str = "any") -> QModelIndex:
    return window.sidebar.catalogue.model.find(REVIEW, kind)


def _count(window: MainWindow, kind: str = "any") -> str | None:
    index = _queue(window, kind)
    return index.siblingAtColumn(COUNT).data() if index.isValid() else None


def _click(qtbot: QtBot, window: MainWindow, kind: str) -> None:
    tree = window.sidebar.catalogue.tree
    index = _queue(window, kind)
    assert index.isValid(), kind
    with qtbot.waitSignal(window.searches.counted, timeout=LONG):
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
        )


def _reading(window: MainWindow) -> str:
    reading = window.reader.reading
    return reading.detail.record.title if reading is not None else ""


def _reader(qtbot: QtBot, flags: list[ReviewFlag], editable: bool = True) -> ReaderView:
    view = ReaderView()
    qtbot.addWidget(view)
    view.editable = editable
    record = CatalogueRecord(title="Banjir Rob", body=["Air naik."], review=flags)
    view.show_reading(Reading(ArticleDetail(7, record, [], [], 1, 1, "", "")))
    return view


def test_the_reader_shows_each_flag_with_its_kind_at_the_top(qtbot: QtBot) -> None:
    photo = ReviewFlag("photo", "photo 2 is 64 × 48 px: too small to be a news photo")
    text = _reader(qtbot, [DATE_FLAG, photo]).toPlainText()
    assert text.index("Banjir Rob") < text.index("Needs review") < text.index("Air naik.")
    assert f"Date unread or conflicting — {DATE_FLAG.message}" in text
    assert f"A photo too small to be a news photo — {photo.message}" in text
    assert "Correcting the field in the editor clears its flag. Mark as reviewed" in text
    assert "Needs review" not in _reader(qtbot, []).toPlainText()


def test_mark_as_reviewed_asks_for_the_article_and_is_absent_when_read_only(qtbot: QtBot) -> None:
    view = _reader(qtbot, [DATE_FLAG])
    with qtbot.waitSignal(view.reviewedRequested) as asked:
        view.anchorClicked.emit(QUrl("arsip-review:7"))
    assert asked.args == [7]
    locked = _reader(qtbot, [DATE_FLAG], editable=False).toPlainText()
    assert "Needs review" in locked and "Mark as reviewed" not in locked


def test_paper_leaves_the_review_box_out(qtbot: QtBot) -> None:
    printed = _reader(qtbot, [DATE_FLAG]).printable().toPlainText()
    assert "Air naik." in printed and "Needs review" not in printed


def test_every_kind_has_a_name_in_the_window() -> None:
    assert set(REVIEW_NAMES) == set(REVIEW_KINDS) == set(REVIEW_SHORT_NAMES)


def test_the_sidebar_counts_each_kind_and_lists_them(
    qtbot: QtBot, review_window: MainWindow
) -> None:
    window = review_window
    queue = _queue(window)
    assert queue.data() == "Needs review" and _count(window) == "2"
    assert window.sidebar.catalogue.model.item(queue.parent()) == ("group", SMART)
    assert queue.parent().data() == "Smart collections"
    assert [
        (queue.model().index(r, 0, queue).data(), _count(window, kind))
        for r, kind in enumerate(("date", "photo"))
    ] == [("Date unread", "1"), ("Photo too small", "1")]
    assert "Date unread or conflicting: 1 articles" in _queue(window, "date").data(
        Qt.ItemDataRole.ToolTipRole
    )
    _click(qtbot, window, "date")
    assert window.search_bar.query == "review:date"
    qtbot.waitUntil(
        lambda: window.model.rowCount() == 1 and _reading(window) == UNREAD_TITLE, timeout=LONG
    )
    assert "Needs review" in window.reader.toPlainText()
    assert _queue(window, "date").data(Qt.ItemDataRole.FontRole).bold()  # what is listed
    _click(qtbot, window, "any")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=LONG)


def test_marking_as_reviewed_clears_the_box_and_the_count_and_undo_restores_them(
    qtbot: QtBot, review_window: MainWindow
) -> None:
    window = review_window
    _click(qtbot, window, "any")
    # the queue lists only flagged articles, and the first of them is read
    qtbot.waitUntil(
        lambda: window.model.rowCount() == 2 and _reading(window) in (UNREAD_TITLE, TINY_TITLE),
        timeout=LONG,
    )
    shown = window.reader.reading
    assert shown is not None
    with qtbot.waitSignal(window.changes.changed, timeout=LONG):
        window.reader.anchorClicked.emit(QUrl(f"arsip-review:{shown.detail.id}"))
    # the queue lists one article less, the sidebar counts one less
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and _count(window) == "1", timeout=LONG)
    assert window.archive.article(shown.detail.id).record.review == []
    assert "Marked as reviewed: 1 article" in window.statusBar().currentMessage()
    # Edit ▸ Undo learns what it would undo from a read after the change: click it once it can
    qtbot.waitUntil(window.actions_.undo.isEnabled, timeout=LONG)
    assert window.actions_.undo.text().startswith("&Undo mark ")
    with qtbot.waitSignal(window.changes.changed, timeout=LONG):
        window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2 and _count(window) == "2", timeout=LONG)
    assert window.archive.article(shown.detail.id).record.review != []


def test_an_edit_that_answers_a_flag_updates_the_reader_and_the_sidebar(
    qtbot: QtBot, review_window: MainWindow
) -> None:
    window = review_window
    unread = article_id(window.archive, UNREAD_TITLE)
    window.reading.open_article(unread)
    qtbot.waitUntil(
        lambda: _reading(window) == UNREAD_TITLE and "Needs review" in window.reader.toPlainText(),
        timeout=LONG,
    )
    with qtbot.waitSignal(window.changes.changed, timeout=LONG):
        window.changes.submit(lambda: window.archive.edit(unread, {"published": "2022-04-04"}))
    qtbot.waitUntil(lambda: _count(window) == "1" and _count(window, "date") is None, timeout=LONG)
    qtbot.waitUntil(
        lambda: (
            _reading(window) == UNREAD_TITLE and "Needs review" not in window.reader.toPlainText()
        ),
        timeout=LONG,
    )


def test_the_selection_is_marked_as_reviewed_from_the_menu(
    qtbot: QtBot, review_window: MainWindow
) -> None:
    window = review_window
    _click(qtbot, window, "any")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=LONG)
    window.table.selectAll()
    assert len(window.table.selected_ids()) == 2
    with qtbot.waitSignal(window.changes.changed, timeout=LONG):
        window.actions_.mark_reviewed.trigger()  # Ctrl+Shift+R
    qtbot.waitUntil(lambda: _count(window) == "0" and window.model.rowCount() == 0, timeout=LONG)
    assert _queue(window, "date").isValid() is False
    assert "Nothing needs review" in _queue(window).data(Qt.ItemDataRole.ToolTipRole)


def test_counts_follow_an_import(qtbot: QtBot, review_window: MainWindow, tmp_path: Path) -> None:
    window = review_window
    _title, body, date, site, _url = ROWS[0]  # another unreadable date
    more = write_table(
        tmp_path,
        (
            (
                "Rob Kembali Rendam Muara Angke",
                body,
                date,
                site,
                "https://news.detik.com/berita/d-12/rob-kembali",
            ),
        ),
        "lagi.csv",
    )
    with qtbot.waitSignal(window.imports.finished, timeout=LONG):
        assert window.import_paths([more])
    qtbot.waitUntil(lambda: _count(window, "date") == "2" and _count(window) == "3", timeout=LONG)


def test_a_read_only_library_shows_flags_without_the_way_to_clear_them(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with Archive.open(tmp_path / "lib") as writer:
        writer.import_paths(write_review_files(tmp_path / "files"))
    with Archive.open(tmp_path / "lib", readonly=True) as reader:
        window = open_window(qtbot, reader)
        window.reading.open_article(article_id(reader, UNREAD_TITLE))
        qtbot.waitUntil(lambda: _reading(window) == UNREAD_TITLE, timeout=LONG)
        text = window.reader.toPlainText()
        assert "Needs review" in text and "Mark as reviewed" not in text
        assert not window.actions_.mark_reviewed.isEnabled()
        window.close()


def test_the_catalogue_model_with_a_review_queue_passes_qt_model_tester(
    qtmodeltester: ModelTester,
) -> None:
    model = CatalogueModel()
    model.set_data(
        CatalogueData(
            [],
            [SmartCollection(SavedSearch("Kominfo", "kominfo", "relevance", ""), 16)],
            [],
            ReviewCounts(5, [("photo", 3), ("date", 2), ("person", 1)]),
        )
    )
    qtmodeltester.check(model)
    queue = model.find(REVIEW, "any")
    assert queue.row() == 0 and model.find(SMART, "Kominfo").row() == 1
    assert [model.index(r, 0, queue).data() for r in range(model.rowCount(queue))] == [
        "Date unread",
        "Person or organisation",
        "Photo too small",
    ]  # in the kinds' order
    nothing = CatalogueModel()
    nothing.set_data(CatalogueData(review=ReviewCounts(0, [])))
    qtmodeltester.check(nothing)
    assert nothing.find(REVIEW, "any").siblingAtColumn(COUNT).data() == "0"


def test_a_date_corrected_in_the_editor_clears_the_flag_the_history_shows(
    qtbot: QtBot, review_window: MainWindow
) -> None:
    window = review_window
    unread = article_id(window.archive, UNREAD_TITLE)
    window.reading.open_article(unread)
    qtbot.waitUntil(lambda: _reading(window) == UNREAD_TITLE, timeout=LONG)
    window.actions_.edit_article.trigger()  # Ctrl+E
    qtbot.waitUntil(lambda: window.editing.editor is not None, timeout=LONG)
    editor = window.editing.editor
    assert editor is not None
    published = editor.rows["published"].editor
    assert isinstance(published, QLineEdit)
    published.setText("Senin, 4 April 2022 08:15 WIB")  # as the librarian reads the print
    with qtbot.waitSignal(window.changes.changed, timeout=LONG):
        editor.save.click()
    qtbot.waitUntil(
        lambda: (
            _count(window, "date") is None and "Needs review" not in window.reader.toPlainText()
        ),
        timeout=LONG,
    )
    assert window.archive.article(unread).record.published == "2022-04-04T08:15:00+07:00"
    window.actions_.edit_article.trigger()
    qtbot.waitUntil(
        lambda: window.editing.editor is not None and window.editing.editor.isVisible(),
        timeout=LONG,
    )
    history = window.editing.editor.history
    rows = {history.index(r, FIELD).data(): r for r in range(history.rowCount())}
    assert set(rows) == {"Published", "Needs review"}
    assert (
        history.index(rows["Needs review"], OLD)
        .data()
        .startswith(f"date: date {UNREAD_DATE!r} cannot be read")
    )
    assert history.index(rows["Needs review"], NEW).data() == "(empty)"
    window.editing.editor.reject()
