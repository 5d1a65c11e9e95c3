"""Searching: debounced typing, Enter, inline query errors, stale results dropped, paging."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from tests.gui.conftest import FakeArchive, open_window

from archive_app.domain.model import SearchPage
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.search.bar import SearchBar
from archive_app.gui.search.controller import (
    FIRST_LISTED,
    FIRST_PAGE,
    NEXT_PAGE,
    ResultBatch,
    SearchController,
)
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive

SEED_TITLE = "Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian"


def test_typing_a_query_searches_once_typing_stops_and_lists_the_seed(
    qtbot: QtBot, seeded_window: MainWindow
) -> None:
    submitted: list[str] = []
    seeded_window.search_bar.submitted.connect(submitted.append)
    with qtbot.waitSignal(seeded_window.searches.started, timeout=10_000) as result:
        qtbot.keyClicks(seeded_window.search_bar.field, "world water forum")
    assert submitted == ["world water forum"]  # one search for the phrase, not one per key
    assert result.args[0].query == "world water forum"
    assert seeded_window.model.rowCount() == 1
    assert seeded_window.model.index(0, 0).data() == SEED_TITLE
    assert seeded_window.search_bar.count.text() == "1 match"
    # the reader loads the listed article off the GUI thread (a team catalogue takes longer)
    qtbot.waitUntil(lambda: SEED_TITLE in seeded_window.reader.toPlainText())


def test_enter_searches_at_once(qtbot: QtBot, seeded_window: MainWindow) -> None:
    submitted: list[str] = []
    seeded_window.search_bar.submitted.connect(submitted.append)
    seeded_window.search_bar.field.setText('"world water forum"')
    qtbot.keyClick(seeded_window.search_bar.field, Qt.Key.Key_Return)
    assert submitted == ['"world water forum"']  # no debounce wait for Enter
    qtbot.waitUntil(lambda: seeded_window.search_bar.count.text() == "1 match")
    assert seeded_window.model.index(0, 0).data() == SEED_TITLE


def test_a_query_nothing_matches_says_so_in_the_reader(
    qtbot: QtBot, seeded_window: MainWindow
) -> None:
    seeded_window.search_bar.field.setText("zzyzxqq")
    qtbot.keyClick(seeded_window.search_bar.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: seeded_window.search_bar.count.text() == "0 matches")
    assert seeded_window.model.rowCount() == 0
    assert "No articles match" in seeded_window.reader.toPlainText()


def test_an_unbalanced_quote_is_shown_inline_and_the_results_stay(
    qtbot: QtBot, seeded_window: MainWindow
) -> None:
    bar = seeded_window.search_bar
    with qtbot.waitSignal(seeded_window.searches.failed, timeout=10_000):
        bar.field.setText('"world water')
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.error.isVisible()
    assert "quote" in bar.error.text()
    assert bar.field.property("invalid") is True
    assert seeded_window.model.rowCount() == 1  # the last good results are still there
    assert seeded_window.isVisible()

    with qtbot.waitSignal(seeded_window.searches.started, timeout=10_000):
        bar.field.setText('"world water"')
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert not bar.error.isVisible()
    assert bar.field.property("invalid") is False


def test_clearing_the_query_lists_every_article_again(
    qtbot: QtBot, seeded_window: MainWindow
) -> None:
    bar = seeded_window.search_bar
    bar.field.setText("zzyzxqq")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: seeded_window.model.rowCount() == 0)
    bar.field.clear()
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: seeded_window.model.rowCount() == 1)
    assert bar.count.text() == "1 article"


class GatedArchive(FakeArchive):
    """Searches for `slow` wait on a gate, as a search of a large library would take time."""

    def __init__(self, size: int, slow: str) -> None:
        super().__init__(size)
        self.slow = slow
        self.gate = threading.Event()
        self.entered = threading.Event()

    def search(
        self,
        query: str,
        limit: int = 20,
        offset: int = 0,
        sort: str = "relevance",
        within: Sequence[str] = (),
    ) -> SearchPage:
        if query == self.slow:
            self.entered.set()
            assert self.gate.wait(10)
        page = super().search(query, limit, offset, sort, within)
        return SearchPage(query, 1, page.hits[:1]) if query != self.slow else page


def test_a_slow_search_neither_freezes_typing_nor_overwrites_a_newer_one(
    qtbot: QtBot,
) -> None:
    archive = GatedArchive(500, slow="banjir")
    runner = TaskRunner(2)
    controller = SearchController(archive, runner)
    bar = SearchBar()
    qtbot.addWidget(bar)
    bar.submitted.connect(controller.search)
    shown: list[ResultBatch] = []
    controller.started.connect(shown.append)
    controller.extended.connect(shown.append)

    controller.search("banjir")
    qtbot.waitUntil(archive.entered.is_set)
    # the slow search holds a worker; the GUI still takes keys and runs its debounce timer
    with qtbot.waitSignal(bar.submitted, timeout=5_000):
        qtbot.keyClicks(bar.field, "gempa")
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown[0].query == "gempa"

    archive.gate.set()  # the stale search finishes now, after the newer one
    qtbot.waitUntil(lambda: not runner.busy)
    assert [batch.query for batch in shown] == ["gempa"]
    runner.wait()


def test_a_large_result_shows_its_first_page_then_fetches_more_as_it_scrolls(
    qtbot: QtBot,
) -> None:
    archive = FakeArchive(2500)
    window = open_window(qtbot, cast(Archive, archive))
    qtbot.waitUntil(lambda: window.search_bar.count.text() == "2,500 articles")
    with qtbot.waitSignal(window.searches.counted, timeout=10_000):
        with qtbot.waitSignal(window.searches.started, timeout=10_000) as first:
            window.search_bar.field.setText("jakarta")
            qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Return)
        assert len(first.args[0].ids) == FIRST_PAGE  # the table fills before anything else
        assert window.search_bar.count.text() == "about 2,500 matches"  # the index's estimate
    # then the exact count for the whole result arrives, without holding the page back
    assert window.search_bar.count.text() == "2,500 matches"
    # (the sidebar's review counts, read once the first listing was counted, may come between)
    searched = [call for call in archive.counts_calls if not call[0].startswith("review:")]
    assert searched[-1] == ("jakarta", ())
    assert [call[2] for call in archive.search_calls if call[0] == "jakarta"] == [0]
    # scrolling to the end asks for one more page, and only then
    with qtbot.waitSignal(window.searches.extended, timeout=10_000):
        window.table.scrollToBottom()
    assert [call[2] for call in archive.search_calls if call[0] == "jakarta"] == [0, FIRST_PAGE]
    qtbot.waitUntil(lambda: window.model.total == FIRST_PAGE + NEXT_PAGE)
    assert window.model.rowCount() < 2500  # rows are still fetched lazily
    window.close()


def test_the_library_listing_reads_only_its_first_rows_until_scrolled_past(
    qtbot: QtBot,
) -> None:
    archive = FakeArchive(2500)
    window = open_window(qtbot, cast(Archive, archive))
    qtbot.waitUntil(lambda: window.search_bar.count.text() == "2,500 articles")
    # the first page came from the first rows alone: the whole id list was never read
    assert archive.listing_calls == [("newest", FIRST_LISTED)]
    assert window.model.total == FIRST_LISTED
    assert window.model.article_id(0) == 2500  # newest first
    window.table.selectAll()  # "select all" takes the rows the table shows
    assert len(window.table.selectionModel().selectedRows()) == window.model.rowCount()
    # scrolling past them reads the rest once; every article comes in order, none twice
    while window.model.canFetchMore(QModelIndex()) or window.model.total < 2500:
        window.table.scrollToBottom()
        qtbot.wait(5)
    assert archive.listing_calls == [("newest", FIRST_LISTED), ("newest", None)]
    assert [window.model.article_id(r) for r in range(window.model.rowCount())] == list(
        range(2500, 0, -1)
    )
    # another order starts from its own first rows again
    with qtbot.waitSignal(window.searches.started, timeout=10_000) as first:
        window.search_bar.sort.setCurrentIndex(window.search_bar.sort.findData("oldest"))
    assert first.args[0].ids[:3] == (1, 2, 3) and first.args[0].total == 2500
    assert archive.listing_calls[-1] == ("oldest", FIRST_LISTED)
    window.close()


@pytest.mark.corpus
@pytest.mark.slow
def test_the_corpus_library_lists_newest_first_and_finds_the_seed(
    qtbot: QtBot, corpus_library: Path
) -> None:
    archive = Archive.open(corpus_library, readonly=True)
    try:
        window = open_window(qtbot, archive)
        qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10_000)
        assert window.session.total == archive.count() > 3000
        published = [window.model.summary(r).published for r in range(50)]  # type: ignore[union-attr]
        moments = [datetime.fromisoformat(p) for p in published if p]
        assert moments == sorted(moments, reverse=True)  # newest first
        with qtbot.waitSignal(window.searches.started, timeout=10_000):
            window.search_bar.field.setText('"world water forum"')
            qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Return)
        assert window.model.index(0, 0).data() == SEED_TITLE
        window.close()
    finally:
        archive.close()
