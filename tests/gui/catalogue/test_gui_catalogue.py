"""Collections as a tree with counts, tags, choosing one to list its articles, making a
collection, and dragging articles from the results onto a collection."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from tests.gui.conftest import ARTICLES, FakeArchive, article_id, open_window

from archive_app.domain.model import CollectionInfo, SavedSearch, SearchCounts
from archive_app.gui.catalogue.data import CatalogueData, SmartCollection
from archive_app.gui.catalogue.model import COLLECTION, COUNT, NAME, SMART, TAG, CatalogueModel
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive

FLOODS = [row[0] for row in ARTICLES[:3]]


def _reload(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.catalogue.loaded, timeout=10_000):
        window.catalogue.reload()


def _click(qtbot: QtBot, window: MainWindow, kind: str, key: str) -> None:
    tree = window.sidebar.catalogue.tree
    index = window.sidebar.catalogue.model.find(kind, key)
    assert index.isValid(), key
    with qtbot.waitSignal(window.searches.counted, timeout=10_000):
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
        )


def test_collections_are_a_tree_with_their_own_counts(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    archive = small_window.archive
    floods = [article_id(archive, t) for t in FLOODS]
    archive.create_collection("Banjir")
    archive.bulk(floods[:2], "add", "collections", "Banjir/Jakarta")
    _reload(qtbot, small_window)
    model = small_window.sidebar.catalogue.model
    child = model.find(COLLECTION, "Banjir/Jakarta")
    assert child.data() == "Jakarta" and child.siblingAtColumn(COUNT).data() == "2"
    parent = child.parent()
    assert model.item(parent) == (COLLECTION, "Banjir")
    assert parent.siblingAtColumn(COUNT).data() == "0"  # its own articles: none yet
    assert model.item(parent.parent())[0] == "group"
    assert parent.parent().data() == "Collections"
    tooltip = child.data(Qt.ItemDataRole.ToolTipRole)
    assert "drop articles here" in tooltip


def test_a_collection_made_in_the_sidebar_goes_inside_the_chosen_one(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_window.archive.create_collection("Banjir")
    _reload(qtbot, small_window)
    panel = small_window.sidebar.catalogue
    panel.tree.setCurrentIndex(panel.model.find(COLLECTION, "Banjir"))
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append(str(args[4]))  # the text offered: the chosen collection's path and a /
        return "Banjir/Jakarta Barat", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    panel.new_collection.trigger()  # New ▸ New collection…
    qtbot.waitUntil(
        lambda: panel.model.find(COLLECTION, "Banjir/Jakarta Barat").isValid(), timeout=10_000
    )
    assert asked == ["Banjir/"]
    assert "Banjir/Jakarta Barat" in [c.path for c in small_window.archive.collections()]


def _drop(qtbot: QtBot, window: MainWindow, path: str) -> None:
    """Drag the selected rows onto a collection as a person's mouse would deliver it."""
    table, tree = window.table, window.sidebar.catalogue.tree
    rows = table.selectionModel().selectedIndexes()
    payload = window.model.mimeData(rows)
    target = tree.visualRect(window.sidebar.catalogue.model.find(COLLECTION, path)).center()
    action, buttons = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    no_keys = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(target, action, payload, buttons, no_keys)
    QApplication.sendEvent(tree.viewport(), enter)
    move = QDragMoveEvent(target, action, payload, buttons, no_keys)
    QApplication.sendEvent(tree.viewport(), move)
    assert move.isAccepted(), "the collection refused the drop"
    QApplication.sendEvent(
        tree.viewport(), QDropEvent(target.toPointF(), action, payload, buttons, no_keys)
    )


def test_articles_dragged_onto_a_collection_are_added_to_it(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    archive = small_window.archive
    archive.create_collection("Banjir")
    _reload(qtbot, small_window)
    floods = [article_id(archive, t) for t in FLOODS]
    small_window.table.select_ids(floods)
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000) as added:
        _drop(qtbot, small_window, "Banjir")
    assert sorted(added.args[0].articles) == sorted(floods)
    assert archive.collection_ids("Banjir") == sorted(floods)
    model = small_window.sidebar.catalogue.model
    qtbot.waitUntil(
        lambda: model.find(COLLECTION, "Banjir").siblingAtColumn(COUNT).data() == "3",
        timeout=10_000,
    )
    # one change: one Undo takes the three out again
    qtbot.waitUntil(lambda: small_window.actions_.undo.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(small_window.changes.changed, timeout=10_000):
        small_window.actions_.undo.trigger()
    assert archive.collection_ids("Banjir") == []


def test_only_a_collection_takes_dropped_articles(qtbot: QtBot, small_window: MainWindow) -> None:
    archive = small_window.archive
    archive.save_search("Banjir", "banjir")
    _reload(qtbot, small_window)
    model = small_window.sidebar.catalogue.model
    payload = small_window.model.mimeData([small_window.model.index(0, 0)])
    smart = model.find(SMART, "Banjir")
    assert not model.canDropMimeData(payload, Qt.DropAction.CopyAction, -1, -1, smart)
    assert not model.canDropMimeData(payload, Qt.DropAction.CopyAction, -1, -1, smart.parent())


def test_choosing_a_collection_lists_its_articles_and_a_query_narrows_them(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    archive = small_window.archive
    floods = [article_id(archive, t) for t in FLOODS]
    archive.bulk(floods, "add", "collections", "Banjir")
    _reload(qtbot, small_window)
    _click(qtbot, small_window, COLLECTION, "Banjir")
    assert sorted(
        small_window.model.article_id(r) for r in range(small_window.model.rowCount())
    ) == sorted(floods)
    assert small_window.search_bar.count.text() == "3 articles"
    assert [c.text() for c in small_window.filter_bar.chips] == ["Collection: Banjir  ✕"]
    model = small_window.sidebar.catalogue.model
    assert model.find(COLLECTION, "Banjir").data(Qt.ItemDataRole.FontRole).bold()
    # the facets count the collection's articles
    facets = small_window.sidebar.facet_model
    qtbot.waitUntil(lambda: facets.rowCount() > 0, timeout=10_000)
    assert facets.index(0, NAME).data() == "Sites"
    assert (
        sum(
            int(facets.index(r, COUNT, facets.index(0, 0)).data())
            for r in range(facets.rowCount(facets.index(0, 0)))
        )
        == 3
    )

    with qtbot.waitSignal(small_window.searches.counted, timeout=10_000):
        small_window.search_bar.set_query("pemkot")
    assert small_window.model.rowCount() == 1
    assert small_window.model.summary(0).title == FLOODS[2]
    # chosen again, the collection filter goes
    small_window.search_bar.set_query("", submit=False)
    _click(qtbot, small_window, COLLECTION, "Banjir")
    assert small_window.model.rowCount() == len(ARTICLES)


def test_an_empty_collection_says_how_to_fill_it(qtbot: QtBot, small_window: MainWindow) -> None:
    small_window.archive.create_collection("Kosong")
    _reload(qtbot, small_window)
    with qtbot.waitSignal(small_window.session.emptied, timeout=10_000) as emptied:
        small_window.catalogue.choose_collection("Kosong")
    assert "drag articles from the results onto it" in emptied.args[0]


def test_a_tag_in_the_sidebar_filters_the_results(qtbot: QtBot, small_window: MainWindow) -> None:
    archive = small_window.archive
    floods = [article_id(archive, t) for t in FLOODS[:2]]
    archive.bulk(floods, "add", "tags", "banjir rob")
    _reload(qtbot, small_window)
    model = small_window.sidebar.catalogue.model
    assert model.find(TAG, "banjir rob").siblingAtColumn(COUNT).data() == "2"
    _click(qtbot, small_window, TAG, "banjir rob")
    qtbot.waitUntil(lambda: small_window.model.rowCount() == 2, timeout=10_000)
    assert [c.text() for c in small_window.filter_bar.chips] == ["Tag: banjir rob  ✕"]


def test_the_catalogue_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = CatalogueModel()
    model.set_data(
        CatalogueData(
            [
                CollectionInfo("Banjir", 2),
                CollectionInfo("Banjir/Jakarta", 5),
                CollectionInfo("Banjir/Jakarta/Barat", 1),
                CollectionInfo("Pemilu", 0),
            ],
            [
                SmartCollection(SavedSearch("Kominfo", "kominfo", "relevance", ""), 16),
                SmartCollection(SavedSearch("Rusak", "date:", "relevance", ""), None),
            ],
            [("banjir", 3)],
        )
    )
    qtmodeltester.check(model)
    assert model.find(COLLECTION, "Banjir/Jakarta/Barat").parent().data() == "Jakarta"
    assert (
        model.find(SMART, "Rusak").data(Qt.ItemDataRole.ToolTipRole)
        == "date: — this search no longer runs"
    )
    empty = CatalogueModel()
    qtmodeltester.check(empty)
    assert empty.index(0, 0, empty.index(2, 0)).data() == "none yet"
    assert empty.flags(empty.index(0, 0, empty.index(2, 0))) == Qt.ItemFlag.NoItemFlags


class _SlowCountArchive(FakeArchive):
    """The whole library's counts wait for a gate; every counts call is recorded in order."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.gate = threading.Event()

    def counts(self, query: str, within: Sequence[str] = ()) -> SearchCounts:
        if query == "":
            assert self.gate.wait(10)
        return super().counts(query, within)


def test_the_catalogue_is_first_read_once_the_first_listing_is_counted(qtbot: QtBot) -> None:
    archive = _SlowCountArchive(500)
    window = open_window(qtbot, cast(Archive, archive))
    try:
        qtbot.waitUntil(lambda: window.model.rowCount() > 0)  # the first page is shown
        qtbot.wait(50)
        # the review counts (which load the index's facet columns) have not started beside it
        assert all(not query.startswith("review:") for query, _within in archive.counts_calls)
        with qtbot.waitSignal(window.catalogue.loaded, timeout=10_000) as loaded:
            archive.gate.set()  # the library's counts arrive: now the sidebar is read
        assert loaded.args[0].review is not None  # the review queue is counted
        queries = [query for query, _within in archive.counts_calls]
        assert queries.index("") < queries.index("review:any")
        assert window.search_bar.count.text() == "500 articles"
    finally:
        archive.gate.set()
        window.close()
