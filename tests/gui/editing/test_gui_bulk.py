"""Bulk changes on a selection of results and find-and-replace: every change previewed before
anything is written, applied as one change, taken back by one Undo."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from tests.gui.conftest import ARTICLES, article_id

from archive_app.gui.catalogue.model import COUNT, TAG
from archive_app.gui.common.html_delegate import HTML_ROLE
from archive_app.gui.editing.bulk_dialog import BulkDialog
from archive_app.gui.editing.preview_model import ARTICLE, NEW, OLD, PreviewModel, PreviewRow
from archive_app.gui.editing.replace_dialog import ReplaceDialog
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive

FLOODS = [row[0] for row in ARTICLES[:3]]


def _select(qtbot: QtBot, window: MainWindow, titles: list[str]) -> list[int]:
    ids = [article_id(window.archive, title) for title in titles]
    window.table.select_ids(ids)
    assert sorted(window.table.selected_ids()) == sorted(ids)
    return ids


def _bulk(qtbot: QtBot, window: MainWindow, operation: str) -> BulkDialog:
    window.actions_.bulk.trigger()  # Edit ▸ Change the selected articles… (Ctrl+B)
    dialog = window.bulk.dialog
    assert isinstance(dialog, BulkDialog) and dialog.isVisible()
    dialog.choose(operation)
    return dialog


def _preview(qtbot: QtBot, dialog: BulkDialog | ReplaceDialog) -> None:
    dialog.preview_button.click()
    qtbot.waitUntil(
        lambda: (
            dialog.apply_button.isEnabled()
            or dialog.problem.isVisible()
            or dialog.count.text().startswith("Nothing")
        ),
        timeout=10_000,
    )


def _tags(archive: Archive, ids: list[int]) -> list[list[str]]:
    return [archive.article(i).tags for i in ids]


def test_a_tag_added_to_the_selection_is_previewed_applied_and_undone_in_one_step(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    archive = small_window.archive
    ids = _select(qtbot, small_window, FLOODS)
    dialog = _bulk(qtbot, small_window, "add_tag")
    assert dialog.scope.text() == "The change applies to the 3 selected articles."
    dialog.value.setCurrentText("banjir")
    _preview(qtbot, dialog)
    model = dialog.model
    assert model.rowCount() == 3
    assert {model.index(r, ARTICLE).data() for r in range(3)} == set(FLOODS)
    assert {(model.index(r, OLD).data(), model.index(r, NEW).data()) for r in range(3)} == {
        ("(empty)", "banjir")
    }
    assert dialog.count.text().startswith("3 articles of 3 would change")
    # the tag put in is marked; "(empty)" is no value, so nothing is struck out
    assert model.index(0, NEW).data(HTML_ROLE) == "<b>banjir</b>"
    assert model.index(0, OLD).data(HTML_ROLE) == "(empty)"
    assert _tags(archive, ids) == [[], [], []]  # a preview writes nothing

    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000) as applied:
        dialog.apply_button.click()
    assert applied.args[0].kind == "bulk" and sorted(applied.args[0].articles) == sorted(ids)
    assert _tags(archive, ids) == [["banjir"]] * 3
    assert not dialog.isVisible()
    # the sidebar counts the new tag; the same rows stay selected for the next change
    tags = small_window.sidebar.catalogue.model
    qtbot.waitUntil(lambda: tags.find(TAG, "banjir").isValid(), timeout=10_000)
    assert tags.find(TAG, "banjir").siblingAtColumn(COUNT).data() == "3"
    qtbot.waitUntil(
        lambda: sorted(small_window.table.selected_ids()) == sorted(ids), timeout=10_000
    )

    qtbot.waitUntil(lambda: small_window.actions_.undo.isEnabled(), timeout=10_000)
    assert small_window.actions_.undo.text() == "&Undo add tags 'banjir' on 3 articles"
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        small_window.actions_.undo.trigger()
    assert _tags(archive, ids) == [[], [], []]  # one Undo, every article


def test_a_site_the_catalogue_refuses_is_explained_and_nothing_can_be_applied(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    ids = _select(qtbot, small_window, FLOODS[:2])
    dialog = _bulk(qtbot, small_window, "set_site")
    dialog.value.setCurrentText("bukan sebuah situs")
    _preview(qtbot, dialog)
    assert dialog.problem.isVisible()
    assert dialog.problem.text().startswith("Site: ")
    assert "is not a domain" in dialog.problem.text()
    assert not dialog.apply_button.isEnabled()
    assert [small_window.archive.article(i).record.site for i in ids] == ["detik.com", "kompas.com"]
    dialog.reject()


def test_a_person_is_added_with_a_role_and_the_role_then_changed(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    archive = small_window.archive
    ids = _select(qtbot, small_window, FLOODS[:2])
    dialog = _bulk(qtbot, small_window, "add_person")
    dialog.name.setText("Rina Fitri")
    dialog.role.setCurrentIndex(dialog.role.findData("editor"))
    _preview(qtbot, dialog)
    assert dialog.model.rowCount() == 2
    assert dialog.model.index(0, NEW).data().endswith("Rina Fitri (editor)")
    # a changed input clears the preview: what is applied is what was last seen
    dialog.role.setCurrentIndex(dialog.role.findData("reporter"))
    assert dialog.model.rowCount() == 0 and not dialog.apply_button.isEnabled()
    dialog.role.setCurrentIndex(dialog.role.findData("editor"))
    _preview(qtbot, dialog)
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        dialog.apply_button.click()
    assert all(
        ("Rina Fitri", "editor") in [(p.name, p.role) for p in archive.article(i).record.people]
        for i in ids
    )

    _select(qtbot, small_window, FLOODS[:2])
    dialog = _bulk(qtbot, small_window, "rename_role")
    dialog.from_role.setCurrentIndex(dialog.from_role.findData("editor"))
    dialog.to_role.setCurrentIndex(dialog.to_role.findData("reporter"))
    _preview(qtbot, dialog)
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        dialog.apply_button.click()
    assert all(
        ("Rina Fitri", "reporter") in [(p.name, p.role) for p in archive.article(i).record.people]
        for i in ids
    )


def test_find_and_replace_previews_every_change_with_the_words_marked(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    archive = small_window.archive
    with qtbot.waitSignal(small_window.searches.counted, timeout=10_000):
        small_window.search_bar.set_query("jakbar")
    small_window.actions_.replace.trigger()  # Edit ▸ Find and replace… (Ctrl+H)
    dialog = small_window.bulk.dialog
    assert isinstance(dialog, ReplaceDialog)
    dialog.field.setCurrentIndex(dialog.field.findData("title"))
    dialog.find_text.setText("Jakbar")
    dialog.replace_text.setText("Jakarta Barat")
    dialog.whole_result.setChecked(True)
    _preview(qtbot, dialog)
    model = dialog.model
    assert model.rowCount() == 3
    first = {model.index(r, ARTICLE).data(): r for r in range(3)}[FLOODS[0]]
    assert model.index(first, OLD).data() == FLOODS[0]
    assert model.index(first, NEW).data() == "Banjir di Jakarta Barat, Tiga RT Terendam"
    assert "<s>Jakbar,</s>" in model.index(first, OLD).data(HTML_ROLE)
    assert "<b>Jakarta Barat,</b>" in model.index(first, NEW).data(HTML_ROLE)
    assert archive.article(article_id(archive, FLOODS[0])).record.title == FLOODS[0]

    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        dialog.apply_button.click()
    titles = sorted(archive.article(i).record.title for i in archive.article_ids())
    assert sum("Jakarta Barat" in t for t in titles) == 3 and not any("Jakbar" in t for t in titles)
    qtbot.waitUntil(lambda: small_window.actions_.undo.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        small_window.undo.undo()
    assert sorted(archive.article(i).record.title for i in archive.article_ids()) == sorted(
        row[0] for row in ARTICLES
    )


def test_nothing_is_changed_without_a_selection(qtbot: QtBot, small_window: MainWindow) -> None:
    small_window.table.clearSelection()
    small_window.table.setCurrentIndex(small_window.model.index(-1, 0))
    with qtbot.waitSignal(small_window.bulk.statusMessage) as said:
        small_window.actions_.bulk.trigger()
    assert "Select articles" in said.args[0] and small_window.bulk.dialog is None


def test_the_preview_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = PreviewModel()
    model.set_rows(
        [
            PreviewRow(1, "Banjir", "tags", [], ["banjir"]),
            PreviewRow(2, "", "title", "Jakbar", "Jakarta Barat"),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(1, ARTICLE).data() == "article 2"


def test_the_menus_open_each_dialog_ready_to_use(qtbot: QtBot, small_window: MainWindow) -> None:
    _select(qtbot, small_window, FLOODS[:2])
    small_window.actions_.bulk.trigger()
    dialog = small_window.bulk.dialog
    assert isinstance(dialog, BulkDialog)
    assert dialog.operation.currentText() == "Set the site"  # the first choice, not none
    dialog.reject()
    small_window.actions_.tag.trigger()  # Catalogue ▸ Tag the selection…
    dialog = small_window.bulk.dialog
    assert isinstance(dialog, BulkDialog) and dialog.chosen.key == "add_tag"
    dialog.reject()
    small_window.actions_.add_to_collection.trigger()
    dialog = small_window.bulk.dialog
    assert isinstance(dialog, BulkDialog) and dialog.chosen.key == "add_collection"
    dialog.reject()
