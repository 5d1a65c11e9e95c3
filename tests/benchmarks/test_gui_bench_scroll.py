"""`make bench-gui` scrolls the whole listing, past the first ids the window reads, so its
worst frame covers the rows a person scrolls to (and the reading of the rest of the ids)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from benchmarks.gui_bench import WHEEL_ROWS, scroll_through
from pytestqt.qtbot import QtBot

from archive_app.gui.search.controller import FIRST_LISTED
from archive_app.gui.shell.main_window import MainWindow
from archive_app.usecases.archive import Archive

pytestmark = [
    pytest.mark.slow,
    # the offscreen platform cannot pass size hints to a window manager (see tests/gui)
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
ARTICLES = FIRST_LISTED + 70  # more than the first listing reads


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scroll")
    source = root / "articles.jsonl"
    rows = (
        {
            "judul": f"Berita nomor {n} dari Jakarta",
            "isi_berita": f"JAKARTA - Kabar ke-{n} tentang banjir dan harga cabai di kota.",
            "tanggal_publikasi": f"{1 + n % 28} Jun 2025, 10:{n % 60:02d} WIB",
            "sumber": "detik.com",
            "url": f"https://news.detik.com/berita/d-{n}/kabar",
        }
        for n in range(ARTICLES)
    )
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Archive.open(root / "lib") as archive:
        assert len(archive.import_paths([source]).added) == ARTICLES
    return root / "lib"


@pytest.fixture
def window(qtbot: QtBot, library: Path) -> Iterator[MainWindow]:
    archive = Archive.open(library, readonly=True)
    shown = MainWindow(archive)
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    qtbot.waitUntil(lambda: shown.model.rowCount() > 0, timeout=20_000)
    try:
        yield shown
    finally:
        shown.close()
        archive.close()


def test_the_benchmark_scrolls_past_the_first_listing_to_the_end(window: MainWindow) -> None:
    assert window.model.total == FIRST_LISTED  # the window read only the first ids
    figures = scroll_through(window, 10_000)
    assert figures["rows_in_result"] == ARTICLES
    assert figures["rows"] == ARTICLES  # the last article's row was on screen
    assert window.model.rowCount() == ARTICLES
    assert figures["frames"] > ARTICLES / 3 - 10  # a wheel notch (3 rows) a frame


def test_the_benchmark_stops_at_its_limit(window: MainWindow) -> None:
    figures = scroll_through(window, 60)
    assert 60 - WHEEL_ROWS <= figures["rows"] <= 60 + WHEEL_ROWS  # within a notch of it
