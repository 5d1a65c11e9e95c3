"""The article editor: every field, a refused value marked and the old one kept, one change per
save, the history, and Edit ▸ Undo / Redo from the menu and the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from tests.gui.conftest import ARTICLES, article_id, open_window

from archive_app.domain.model import HistoryItem
from archive_app.gui.editing.editor import ArticleEditor
from archive_app.gui.editing.history_model import CHANGE, FIELD, NEW, OLD, USER, WHEN, HistoryModel
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive

FLOOD = ARTICLES[0][0]
NEW_TITLE = "Banjir Rendam Tiga RT di Jakarta Barat"


def _open_editor(qtbot: QtBot, window: MainWindow, title: str = FLOOD) -> ArticleEditor:
    window.reading.open_article(article_id(window.archive, title))
    qtbot.waitUntil(
        lambda: (
            window.reader.reading is not None and window.reader.reading.detail.record.title == title
        ),
        timeout=10_000,
    )
    window.actions_.edit_article.trigger()  # Edit ▸ Edit the article… (Ctrl+E)
    qtbot.waitUntil(lambda: window.editing.editor is not None, timeout=10_000)
    editor = window.editing.editor
    assert editor is not None and editor.isVisible()
    return editor


def _line(editor: ArticleEditor, field: str) -> QLineEdit:
    widget = editor.rows[field].editor
    assert isinstance(widget, QLineEdit)
    return widget


def test_the_editor_shows_every_catalogue_field_of_the_article(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    editor = _open_editor(qtbot, small_window)
    assert _line(editor, "title").text() == FLOOD
    assert _line(editor, "published").text() == "2025-06-18T15:12:00+07:00"
    assert "Wednesday 18 June 2025, 15:12 (UTC+07:00)" in editor.rows["published"].hint.text()
    assert _line(editor, "site").text() == "detik.com"
    assert _line(editor, "dateline_place").text() == "Jakarta"
    assert editor.people.values() == [{"name": "Brigitta Belia", "role": "author"}]
    body = editor.rows["body"].editor
    assert isinstance(body, QPlainTextEdit) and "tiga rukun tetangga" in body.toPlainText()
    assert set(editor.rows) == {
        "title",
        "published",
        "updated",
        "dateline_place",
        "site",
        "language",
        "url",
        "people",
        "related",
        "photos",
        "signoff",
        "agency",
        "keywords",
        "body",
        "tags",
        "collections",
        "note",
    }
    assert editor.changes() == {}  # nothing typed: nothing would be written
    editor.reject()


def test_a_refused_date_is_marked_and_the_catalogue_keeps_the_old_value(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    archive = small_window.archive
    editor = _open_editor(qtbot, small_window)
    _line(editor, "title").setText(NEW_TITLE)
    _line(editor, "published").setText("kemarin sore")
    editor.save.click()
    row = editor.rows["published"]
    assert row.marked and editor.isVisible()  # the editor stays open to correct it
    assert "not a date" in row.error.text()
    assert "the catalogue keeps “2025-06-18T15:12:00+07:00”" in row.error.text()
    assert row.editor.property("invalid") is True
    assert editor.tabs.currentIndex() == 0 and row.editor.hasFocus()
    # nothing at all was written, not even the title that was fine
    assert (
        archive.article(article_id(archive, FLOOD)).record.published == "2025-06-18T15:12:00+07:00"
    )
    assert archive.undo_state() == (None, None)

    # corrected, in the form the newsroom prints it, it is saved with the title
    _line(editor, "published").setText("2025-06-18 16:00 WIB")
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        editor.save.click()
    edited = archive.article(article_id(archive, NEW_TITLE)).record
    assert edited.published == "2025-06-18T16:00:00+07:00"
    assert small_window.editing.editor is None


def test_a_value_the_catalogue_refuses_marks_the_field_it_names(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    """The core has the last word: its FieldError names the field the editor marks."""
    archive = small_window.archive
    editor = _open_editor(qtbot, small_window)
    flood = article_id(archive, FLOOD)
    url = archive.article(flood).record.url
    small_window.editing._save(flood, {"url": "news.detik.com/banjir"})  # past the form's check
    qtbot.waitUntil(lambda: editor.rows["url"].marked, timeout=10_000)
    assert "not a web address" in editor.rows["url"].error.text()
    assert editor.save.isEnabled() and editor.isVisible()
    assert archive.article(flood).record.url == url
    editor.reject()


def test_saving_writes_every_changed_field_as_one_change_the_history_shows(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    archive = small_window.archive
    editor = _open_editor(qtbot, small_window)
    _line(editor, "title").setText(NEW_TITLE)
    _line(editor, "tags").setText("banjir, liputan khusus")
    editor.people.append({"name": "Rina Fitri", "role": "editor"})
    note = editor.rows["note"].editor
    assert isinstance(note, QPlainTextEdit)
    note.setPlainText("Dicek dengan versi cetak.")
    assert set(editor.changes()) == {"title", "tags", "people", "note"}
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000) as saved:
        editor.save.click()
    info = saved.args[0]
    assert info.kind == "edit" and info.articles == [article_id(archive, NEW_TITLE)]
    detail = archive.article(info.articles[0])
    assert (
        detail.tags == ["banjir", "liputan khusus"] and detail.note == "Dicek dengan versi cetak."
    )
    assert [(p.name, p.role) for p in detail.record.people] == [
        ("Brigitta Belia", "author"),
        ("Rina Fitri", "editor"),
    ]
    # the reader and the results show the new title; a search finds it at once
    qtbot.waitUntil(
        lambda: (
            small_window.reader.reading is not None
            and small_window.reader.reading.detail.record.title == NEW_TITLE
        ),
        timeout=10_000,
    )
    assert archive.search("rendam barat").hits[0].title == NEW_TITLE
    assert (
        small_window.archive.undo_state()[0] == f"edit title, people, tags, note of "
        f"article {info.articles[0]}"
    )

    history = archive.history(info.articles[0])
    assert {item.change_id for item in history} == {info.id}  # one change, four fields
    editor = _open_editor(qtbot, small_window, NEW_TITLE)
    editor.tabs.setCurrentIndex(editor.tabs.count() - 1)
    model = editor.history
    rows = {model.index(r, FIELD).data(): r for r in range(model.rowCount())}
    assert set(rows) == {"Title", "People", "Tags", "Note"}
    title = rows["Title"]
    assert model.index(title, OLD).data() == FLOOD
    assert model.index(title, NEW).data() == NEW_TITLE
    assert model.index(title, CHANGE).data() == "edit"
    assert model.index(title, USER).data() == history[0].user
    assert model.index(title, WHEN).data().endswith("UTC")
    editor.reject()


def test_undo_and_redo_from_the_edit_menu_and_the_keyboard(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    archive = small_window.archive
    actions = small_window.actions_
    assert not actions.undo.isEnabled() and actions.undo.text() == "&Undo"
    editor = _open_editor(qtbot, small_window)
    _line(editor, "title").setText(NEW_TITLE)
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        editor.save.click()
    flood = article_id(archive, NEW_TITLE)
    qtbot.waitUntil(lambda: actions.undo.isEnabled(), timeout=10_000)
    assert actions.undo.text() == f"&Undo edit title of article {flood}"
    assert not actions.redo.isEnabled()

    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        actions.undo.trigger()  # Edit ▸ Undo
    assert archive.article(flood).record.title == FLOOD
    qtbot.waitUntil(
        lambda: (
            small_window.reader.reading is not None
            and small_window.reader.reading.detail.record.title == FLOOD
        ),
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: actions.redo.isEnabled(), timeout=10_000)
    assert actions.redo.text() == f"&Redo edit title of article {flood}"
    assert not actions.undo.isEnabled()

    # the editor has closed: the window is active again, as on a desktop
    small_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is small_window)
    small_window.table.setFocus()
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        qtbot.keyClick(
            small_window.table,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert archive.article(flood).record.title == NEW_TITLE
    qtbot.waitUntil(lambda: actions.undo.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        qtbot.keyClick(small_window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert archive.article(flood).record.title == FLOOD


def test_the_history_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = HistoryModel()
    model.set_items(
        [
            HistoryItem(
                1,
                "2025-06-18T08:00:00+00:00",
                "pustakawan",
                "edit",
                "edit title",
                "title",
                "Lama",
                "Baru",
                False,
            ),
            HistoryItem(
                2,
                "2025-06-18T09:00:00+00:00",
                "pustakawan",
                "undo",
                "undo: edit title",
                "title",
                "Baru",
                "Lama",
                False,
            ),
            HistoryItem(
                3,
                "2025-06-18T10:00:00+00:00",
                "pustakawan",
                "bulk",
                "add tags",
                "tags",
                [],
                ["banjir"],
                True,
            ),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, CHANGE).data() == "bulk change"  # newest first
    assert model.index(0, WHEN).data() == "2025-06-18 10:00 UTC (undone)"
    assert model.index(0, OLD).data() == "(empty)" and model.index(0, NEW).data() == "banjir"


def test_a_library_opened_read_only_offers_no_change(qtbot: QtBot, small_archive: Archive) -> None:
    with Archive.open(small_archive.path, readonly=True) as readonly:
        window = open_window(qtbot, readonly)
        qtbot.waitUntil(lambda: window.reader.reading is not None, timeout=10_000)
        actions = window.actions_
        assert not any(
            a.isEnabled()
            for a in (
                actions.undo,
                actions.redo,
                actions.edit_article,
                actions.bulk,
                actions.replace,
                actions.tag,
            )
        )
        assert not window.reader_pane.edit.isEnabled()
        assert not window.sidebar.catalogue.new.isEnabled()
        assert actions.export.isEnabled() and actions.backup.isEnabled()  # reading is fine
        window.close()
