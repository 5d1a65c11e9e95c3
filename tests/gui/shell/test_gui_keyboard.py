"""Keyboard use, the cheat sheet, "did you mean", sorting and accessible names."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot
from tests.gui.conftest import FakeArchive, open_window

from archive_app.domain.model import SearchPage
from archive_app.gui.search.results_model import DATE, TITLE
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive


def _window(qtbot: QtBot, size: int = 30) -> tuple[MainWindow, FakeArchive]:
    archive = FakeArchive(size)
    window = open_window(qtbot, cast(Archive, archive))
    qtbot.waitUntil(
        lambda: window.model.rowCount() == size and window.reader.reading is not None,
        timeout=10_000,
    )
    return window, archive


def test_j_k_and_arrows_move_through_the_results_and_enter_reads(qtbot: QtBot) -> None:
    window, _archive = _window(qtbot)
    table = window.table
    table.setFocus()
    assert table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_J)
    qtbot.keyClick(table, Qt.Key.Key_J)
    assert table.currentIndex().row() == 2
    qtbot.keyClick(table, Qt.Key.Key_K)
    assert table.currentIndex().row() == 1
    qtbot.waitUntil(
        lambda: (
            window.reader.reading is not None
            and window.reader.reading.detail.id == window.model.article_id(1)
        )
    )
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 2
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.reader.hasFocus()
    # from the search box, Down moves through the results without leaving it
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.search_bar.field.hasFocus()
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 3 and window.search_bar.field.hasFocus()
    qtbot.keyClicks(window.search_bar.field, "jk")  # letters are typed, not shortcuts
    assert window.search_bar.query == "jk" and table.currentIndex().row() == 3
    window.close()


def test_esc_clears_the_query(qtbot: QtBot) -> None:
    window, _archive = _window(qtbot)
    with qtbot.waitSignal(window.searches.started, timeout=10_000):
        window.search_bar.set_query("banjir")
    assert window.search_bar.count.text() == "about 30 matches"
    with qtbot.waitSignal(window.searches.started, timeout=10_000):
        qtbot.keyClick(window.table, Qt.Key.Key_Escape)
    assert window.search_bar.query == ""
    assert window.search_bar.count.text() == "30 articles"
    window.close()


def test_the_cheat_sheet_explains_the_language_and_tries_an_example(qtbot: QtBot) -> None:
    window, archive = _window(qtbot)
    window.search_bar.help.click()
    sheet = window.search_bar.cheat_sheet
    assert sheet.isVisible()
    assert len(sheet.examples) >= 15
    phrase = next(b for b in sheet.examples if b.text() == '"world water forum"')
    with qtbot.waitSignal(window.searches.started, timeout=10_000):
        phrase.click()
    assert not sheet.isVisible()
    assert window.search_bar.query == '"world water forum"'
    assert archive.search_calls[-1][0] == '"world water forum"'
    window.close()


class Misspelt(FakeArchive):
    """Finds nothing for "bnajir" and suggests "banjir", as the index does for a rare word."""

    def search(
        self,
        query: str,
        limit: int = 20,
        offset: int = 0,
        sort: str = "relevance",
        within: object = (),
    ) -> SearchPage:
        page = super().search(query, limit, offset, sort, ())
        if query == "bnajir":
            return SearchPage(query, 0, (), True, "banjir")
        return page


def test_did_you_mean_is_a_link_that_searches(qtbot: QtBot) -> None:
    archive = Misspelt(10)
    window = open_window(qtbot, cast(Archive, archive))
    with qtbot.waitSignal(window.searches.started, timeout=10_000):
        window.search_bar.set_query("bnajir")
    bar = window.search_bar
    assert bar.suggestion.isVisible()
    assert bar.suggestion.text() == 'Did you mean <a href="suggest">banjir</a>?'
    assert "No articles match “bnajir”" in window.reader.toPlainText()
    with qtbot.waitSignal(window.searches.started, timeout=10_000):
        bar.suggestion.linkActivated.emit("suggest")
    assert bar.query == "banjir" and not bar.suggestion.isVisible()
    assert window.model.rowCount() == 10
    window.close()


def test_sorting_by_the_combo_and_by_the_date_header(qtbot: QtBot) -> None:
    window, _archive = _window(qtbot)
    with qtbot.waitSignal(window.searches.started, timeout=10_000):
        window.search_bar.set_query("banjir")
    with qtbot.waitSignal(window.searches.started, timeout=10_000):
        window.search_bar.sort.setCurrentIndex(window.search_bar.sort.findData("title"))
    assert window.searches.request.sort == "title"
    header = window.table.horizontalHeader()
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == TITLE
    with qtbot.waitSignal(window.searches.started, timeout=10_000):
        header.sectionClicked.emit(DATE)
    assert window.search_bar.sort_key == "newest"
    assert header.sortIndicatorSection() == DATE
    with qtbot.waitSignal(window.searches.started, timeout=10_000):
        header.sectionClicked.emit(DATE)
    assert window.search_bar.sort_key == "oldest"
    window.close()


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    window, _archive = _window(qtbot)
    unnamed = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, QAbstractButton)
        and w.isVisibleTo(window)
        and not w.accessibleName()
        and not w.text()
    ]
    assert not unnamed
    for widget in (
        window.search_bar.field,
        window.table,
        window.reader,
        window.sidebar.facets,
        window.sidebar.histogram,
        window.search_bar.help,
        window.search_bar.sort,
        window.sidebar.catalogue.tree,
    ):
        assert widget.accessibleName(), widget.objectName()
    window.close()
