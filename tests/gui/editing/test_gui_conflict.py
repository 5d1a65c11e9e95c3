"""The editor saves against the version it read: an edit made meanwhile elsewhere brings up the
conflict dialog (theirs, yours, per field), and whatever is chosen, no update is lost; a find and
replace previewed before someone else's edit is refused whole and previewed again."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot
from tests.gui.conftest import ARTICLES, article_id
from tests.gui.editing.test_gui_bulk import _preview
from tests.gui.editing.test_gui_editor import _line, _open_editor

from archive_app.gui.editing.conflict_dialog import COMBINED, THEIRS, ConflictDialog
from archive_app.gui.editing.editor import ArticleEditor
from archive_app.gui.editing.replace_dialog import ReplaceDialog
from archive_app.gui.shell.main_window import MainWindow

FLOOD = ARTICLES[0][0]
THEIRS_TITLE = "Banjir Rendam Tiga RT, Warga Mengungsi"
YOURS_TITLE = "Banjir Rendam Tiga RT di Jakarta Barat"


def _conflict(qtbot: QtBot, window: MainWindow, note: str = "") -> tuple[ArticleEditor, int]:
    """Open the editor, let 'someone else' retitle the article, then save our own title."""
    archive = window.archive
    editor = _open_editor(qtbot, window)
    flood = article_id(archive, FLOOD)
    # another desktop's edit, committed after the editor read the article
    archive.edit(flood, {"title": THEIRS_TITLE}, expected_version=editor.detail.row_version)
    _line(editor, "title").setText(YOURS_TITLE)
    if note:
        field = editor.rows["note"].editor
        assert isinstance(field, QPlainTextEdit)
        field.setPlainText(note)
    editor.save.click()
    qtbot.waitUntil(lambda: window.editing.conflict is not None, timeout=10_000)
    return editor, flood


def _dialog(window: MainWindow) -> ConflictDialog:
    dialog = window.editing.conflict
    assert dialog is not None and dialog.isVisible()
    return dialog


def _shown(dialog: ConflictDialog, name: str) -> str:
    labels = [w for w in dialog.findChildren(QLabel) if w.accessibleName() == name]
    assert len(labels) == 1, name
    return labels[0].text()


def test_choosing_yours_saves_yours_and_the_history_keeps_theirs(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    archive = small_window.archive
    _editor, flood = _conflict(qtbot, small_window, note="Dicek dengan versi cetak.")
    dialog = _dialog(small_window)
    assert any(
        label.text() == f"“{THEIRS_TITLE}” was changed by someone else since you opened it"
        for label in dialog.findChildren(QLabel)
    )
    # only the title conflicted: the note, which they did not touch, is not asked about
    assert [c.conflict.field for c in dialog.choices] == ["title"]
    assert _shown(dialog, "Title: theirs") == THEIRS_TITLE
    assert _shown(dialog, "Title: yours") == YOURS_TITLE
    # nothing of ours is written while the dialog is open
    assert archive.article(flood).record.title == THEIRS_TITLE
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        dialog.save.click()
    detail = archive.article(flood)
    assert detail.record.title == YOURS_TITLE
    assert detail.note == "Dicek dengan versi cetak."
    assert small_window.editing.editor is None
    titles = [(h.old, h.new) for h in archive.history(flood) if h.field == "title"]
    assert (FLOOD, THEIRS_TITLE) in titles and (THEIRS_TITLE, YOURS_TITLE) in titles


def test_choosing_theirs_keeps_theirs_and_still_saves_your_other_changes(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    archive = small_window.archive
    _editor, flood = _conflict(qtbot, small_window, note="Dicek dengan versi cetak.")
    dialog = _dialog(small_window)
    dialog.choice("title").choice.setCurrentIndex(THEIRS)
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        dialog.save.click()
    detail = archive.article(flood)
    assert detail.record.title == THEIRS_TITLE
    assert detail.note == "Dicek dengan versi cetak."
    assert small_window.editing.editor is None


def test_a_combined_value_is_saved(qtbot: QtBot, small_window: MainWindow) -> None:
    archive = small_window.archive
    _editor, flood = _conflict(qtbot, small_window)
    choice = _dialog(small_window).choice("title")
    choice.choice.setCurrentIndex(COMBINED)
    assert choice.combined.isVisible()
    assert choice.combined.toPlainText() == f"{THEIRS_TITLE} {YOURS_TITLE}"
    # typed over two lines: a title stays one line
    choice.combined.setPlainText("Banjir Rendam Tiga RT di Jakarta Barat,\nWarga Mengungsi")
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        _dialog(small_window).save.click()
    assert archive.article(flood).record.title == (
        "Banjir Rendam Tiga RT di Jakarta Barat, Warga Mengungsi"
    )


def test_cancel_keeps_the_editor_open_with_your_values(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    archive = small_window.archive
    editor, flood = _conflict(qtbot, small_window)
    _dialog(small_window).reject()
    qtbot.waitUntil(lambda: small_window.editing.conflict is None, timeout=10_000)
    assert editor.isVisible() and editor.save.isEnabled()
    assert _line(editor, "title").text() == YOURS_TITLE
    assert archive.article(flood).record.title == THEIRS_TITLE
    editor.reject()


def test_a_third_change_while_choosing_is_caught_again(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    archive = small_window.archive
    editor, flood = _conflict(qtbot, small_window)
    dialog = _dialog(small_window)
    current = archive.article(flood).row_version
    archive.edit(flood, {"title": "Judul Ketiga"}, expected_version=current)
    dialog.save.click()
    # saved against the version the dialog showed: refused again, with the third title
    qtbot.waitUntil(
        lambda: (
            small_window.editing.conflict is not None
            and small_window.editing.conflict is not dialog
        ),
        timeout=10_000,
    )
    again = _dialog(small_window)
    assert _shown(again, "Title: theirs") == "Judul Ketiga"
    assert archive.article(flood).record.title == "Judul Ketiga"
    again.reject()
    editor.reject()


def test_a_replace_previewed_before_someone_else_s_edit_is_refused_whole_and_previewed_again(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    archive = small_window.archive
    with qtbot.waitSignal(small_window.searches.counted, timeout=10_000):
        small_window.search_bar.set_query("jakbar")
    small_window.actions_.replace.trigger()
    dialog = small_window.bulk.dialog
    assert isinstance(dialog, ReplaceDialog)
    dialog.field.setCurrentIndex(dialog.field.findData("title"))
    dialog.find_text.setText("Jakbar")
    dialog.replace_text.setText("Jakarta Barat")
    dialog.whole_result.setChecked(True)
    _preview(qtbot, dialog)
    assert dialog.model.rowCount() == 3
    flood = article_id(archive, FLOOD)
    retitled = "Jakbar Terendam, Tiga RT Mengungsi"
    archive.edit(flood, {"title": retitled})  # another desktop, after the preview
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=10_000)
    assert dialog.problem.text() == (
        f"Nothing was changed: someone else changed “{retitled}” since the preview."
    )
    assert dialog.model.rowCount() == 0 and not dialog.apply_button.isEnabled()
    titles = [archive.article(i).record.title for i in archive.article_ids()]
    assert sum("Jakbar" in t for t in titles) == 3  # no article of the three was replaced
    _preview(qtbot, dialog)  # the new preview starts from their title
    assert dialog.model.rowCount() == 3
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        dialog.apply_button.click()
    assert archive.article(flood).record.title == "Jakarta Barat Terendam, Tiga RT Mengungsi"
