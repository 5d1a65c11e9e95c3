"""A new desktop's window on a team library: while its index is built, the results come from
the team catalogue's full-text search and a line above them says so; then from the index."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.gui.conftest import ARTICLES
from tests.gui.shell.test_gui_libraries import titles, write_articles

from archive_app.gui.search.catalogue_banner import CatalogueBanner
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive


def _search(qtbot: QtBot, window: MainWindow, query: str, count: str) -> None:
    window.search_bar.field.setText(query)
    with qtbot.waitSignal(window.searches.counted, timeout=10_000):  # the exact count too
        qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search_bar.count.text() == count, timeout=10_000)


def test_the_window_says_the_team_catalogue_answers_while_its_index_is_built(
    qtbot: QtBot, migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "importer"))
    with Archive.open(migrated_postgres) as importer:
        importer.import_paths([write_articles(tmp_path / "a.jsonl", ARTICLES)])
    # a new desktop: its window opens before its own index holds anything
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "new"))
    window = MainWindow(Archive.open(migrated_postgres))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    try:
        banner = window.findChild(CatalogueBanner, "catalogueBanner")
        assert banner is not None
        _search(qtbot, window, "banjir", "3 matches")
        assert sorted(titles(window)) == sorted(row[0] for row in ARTICLES[:3])
        assert banner.isVisible()
        assert banner.text() == (
            "Searching the team catalogue while this desktop's index is built (0 of 4)"
        )
        if (target := os.environ.get("ARSIP_CATALOGUE_SCREENSHOT")) is not None:
            window.grab().save(target)

        # the index is built (as the window's repair does): the same search is asked again
        # by itself, answered by the index, and the line goes
        with qtbot.waitSignal(window.searches.counted, timeout=10_000):
            assert window.archive.repair_index() == len(ARTICLES)
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10_000)
        assert sorted(titles(window)) == sorted(row[0] for row in ARTICLES[:3])
        _search(qtbot, window, "cabai", "1 match")
        assert titles(window) == [ARTICLES[3][0]]
        assert not banner.isVisible()
    finally:
        window.close()
        window.archive.close()
