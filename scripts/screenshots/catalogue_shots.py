"""The cataloguing screenshots: collections, the editor, bulk and replace previews, authorities.

They change a library, so they work on a copy of the screenshot library, catalogued here the
way a librarian would (collections, tags, smart collections, people merged, places grouped, an
edit and an undo), then shown: the sidebar, the editor with a refused date and its history, a
bulk change preview, Edit ▸ Undo naming it, find and replace, people and places.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QLineEdit, QMenu
from scripts.screenshots.kit import (
    after,
    open_window,
    place,
    search,
    settle,
    shoot,
    show_article,
)

from archive_app.domain.errors import ArchiveError
from archive_app.gui.authorities.dialogs import PlaceAliasDialog
from archive_app.gui.shell.main_window import MainWindow
from archive_app.gui.shell.settings import Settings
from archive_app.usecases.archive import Archive

SEED_TITLE = "Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian"
EAST_JAVA = "(place:gresik OR place:surabaya OR place:malang OR place:banyuwangi OR place:jombang)"
COLLECTIONS = (
    ("Banjir", "banjir -place:jakarta"),
    ("Banjir/Jakarta", "banjir place:jakarta"),
    ("Banjir/Jawa Timur", f"banjir {EAST_JAVA}"),
    ("Otomotif/Mobil bekas", '"mobil bekas"'),
    ("Tesis/Bab 2 — Air bersih", '"world water forum" OR "air bersih"'),
)
TAGS = (("liputan khusus", "banjir site:detik.com"), ("perlu dicek", "jakbar"))
SEARCHES = (
    ("Banjir di detik.com", "banjir site:detik.com"),
    ("Kominfo", "kominfo"),
    ("Teheran", "place:teheran"),
)
# spellings a site's byline tool left behind ("-Sport"): one person each
MERGES = (
    ("Mohammad Resha Pratama", "Mohammad Resha Pratama - Sport"),
    ("Mohammad Resha Pratama", "Mohammad Resha Pratama -Sport"),
    ("Lucas Aditya", "Lucas Aditya -Sport"),
)
TO_MERGE = ("Ignacio Geordi Oswaldo", "Ignacio Geordy Oswaldo")
# datelines printed in several languages: one place each
PLACE_SPELLINGS = (
    ("Moscow", "Moskow"),
    ("Moskau", "Moskow"),
    ("Mekkah", "Makkah"),
    ("Rome", "Roma"),
    ("New York, NY", "New York"),
    ("Washington D.C", "Washington"),
)


def catalogue(archive: Archive) -> int:
    """Catalogue the copy; returns the seed article's id."""
    for path, query in COLLECTIONS:
        archive.create_collection(path)
        found = archive.matching_ids(query)
        if found:
            archive.bulk(found, "add", "collections", path)
    for tag, query in TAGS:
        found = archive.matching_ids(query)
        if found:
            archive.bulk(found[:8], "add", "tags", tag)
    for name, query in SEARCHES:
        archive.save_search(name, query)
    for keep, other in MERGES:
        try:
            archive.merge_people(keep, other)
        except ArchiveError as error:  # the corpus changed: fewer merges, not a failed run
            print("not merged:", error)
    for spelling, place_name in PLACE_SPELLINGS:
        try:
            archive.add_place_alias(spelling, place_name)
        except ArchiveError as error:
            print("not grouped:", error)
    seed = archive.search('"world water forum"', 1).hits[0].id
    archive.edit(
        seed, {"note": "Dicek dengan versi cetak, 18 Mei 2024.", "tags": ["liputan khusus", "air"]}
    )
    archive.edit(seed, {"keywords": ["World Water Forum", "Bali"]})
    archive.undo()  # the history shows an undone change too
    archive.edit(seed, {"dateline_place": "Nusa Dua, Bali"})
    return seed


def select_rows(window: MainWindow, rows: int) -> None:
    model = window.table.model()
    selection = QItemSelection(model.index(0, 0), model.index(rows - 1, model.columnCount() - 1))
    window.table.selectionModel().select(
        selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    settle()


def catalogue_shots(out: Path, library: Path) -> list[Path]:
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "library"
        shutil.copytree(library, copy, ignore=shutil.ignore_patterns("library.lock"))
        with Archive.open(copy) as archive:
            catalogue(archive)
            window = open_window(archive, Settings())
            try:
                saved += _sidebar_and_editor(out, window)
                saved += _bulk(out, window)
                saved += _authority(out, window)
            finally:
                window.close()
    return saved


def _sidebar_and_editor(out: Path, window: MainWindow) -> list[Path]:
    saved = []
    settle(lambda: bool(window.catalogue.data.collections))
    search(window, "")
    after(window.searches.counted, lambda: window.catalogue.choose_collection("Banjir/Jakarta"))
    window.sidebar.sized_by_hand = True  # as a person drags the line: every row in view
    window.sidebar.splitter.setSizes([480, 320])
    settle()
    saved.append(shoot(out, "9-collections-sidebar"))

    window.filters.clear()
    search(window, '"world water forum"')
    show_article(window, SEED_TITLE)
    window.edit_shown()
    settle(lambda: window.editing.editor is not None)
    editor = window.editing.editor
    assert editor is not None
    published = editor.rows["published"].editor
    assert isinstance(published, QLineEdit)
    published.setFocus()
    published.setText("Jumat, 31 April 2024 pukul 03.50")
    editor.request_save()
    settle()
    saved.append(shoot(out, "10-editor-refused-date"))
    editor.tabs.setCurrentIndex(editor.tabs.count() - 1)
    settle()
    saved.append(shoot(out, "11-editor-history"))
    editor.reject()
    settle()
    return saved


def _bulk(out: Path, window: MainWindow) -> list[Path]:
    saved = []
    search(window, "banjir")
    select_rows(window, 6)
    dialog = window.bulk.open_bulk("add_tag")
    assert dialog is not None
    dialog.value.setCurrentText("banjir 2025")
    dialog.preview_button.click()
    settle(lambda: dialog.model.rowCount() > 0)
    saved.append(shoot(out, "12-bulk-preview"))
    after(window.changes.changed, dialog.apply_button.click)
    settle(lambda: window.undo.state[0] is not None and "banjir 2025" in window.undo.state[0])
    bar = window.menuBar()
    edit = bar.actions()[1]
    edit_menu = edit.menu()
    assert isinstance(edit_menu, QMenu)
    edit_menu.popup(bar.mapToGlobal(bar.actionGeometry(edit).bottomLeft()))
    settle()
    saved.append(shoot(out, "13-edit-menu-undo"))
    edit_menu.hide()

    search(window, "jakbar")
    replace = window.bulk.open_replace()
    assert replace is not None
    replace.find_text.setText("Jakbar")
    replace.replace_text.setText("Jakarta Barat")
    replace.whole_result.setChecked(True)
    replace.preview_button.click()
    settle(lambda: replace.model.rowCount() > 0)
    saved.append(shoot(out, "14-replace-preview"))
    replace.reject()
    settle()
    return saved


def _authority(out: Path, window: MainWindow) -> list[Path]:
    saved = []
    authority = window.authority.open(0)
    place(authority, 1160, 720)
    settle(lambda: authority.people.rowCount() > 0)
    authority.select_person(MERGES[0][0])
    settle()
    saved.append(shoot(out, "15-people-authority"))

    authority.filter_field.setText(TO_MERGE[0].split()[0])
    authority.people_view.selectAll()
    authority.ask_merge()
    settle(lambda: authority.dialog is not None and authority.dialog.isVisible())
    saved.append(shoot(out, "16-people-merge"))
    assert authority.dialog is not None
    authority.dialog.reject()

    authority.filter_field.clear()
    authority.tabs.setCurrentIndex(1)
    authority.ask_place_alias()
    dialog = authority.dialog
    assert isinstance(dialog, PlaceAliasDialog)
    dialog.spelling.setText("Nueva Delhi")
    dialog.place.setCurrentText("New Delhi")
    settle()
    saved.append(shoot(out, "17-places"))
    dialog.reject()
    authority.close()
    return saved
