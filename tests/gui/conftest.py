"""GUI fixtures: libraries opened in temporary folders, fake facades, and the main window."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.core.errors import QueryError
from archive_app.core.model import (
    ArticleDetail,
    ArticleSummary,
    CatalogueRecord,
    IndexStatus,
    SavedSearch,
    SearchCounts,
    SearchHit,
    SearchPage,
)
from archive_app.gui.main_window import MainWindow

# The offscreen platform cannot pass a window's minimum size to a window manager and says so
# with a Qt warning whenever a shown window's layout changes; a real display (xcb) does not.
# It is a limit of the test platform, not of Arsip, so only that message is ignored.
OFFSCREEN_SIZE_HINTS = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS))


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> Iterator[Path]:
    """Every test remembers window state in its own folder, never in the user's settings."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def gui_archive(tmp_path: Path) -> Iterator[Archive]:
    """A real, empty library in a temporary folder."""
    opened = Archive.open(tmp_path / "lib")
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def seeded_archive(gui_archive: Archive, seed_file: Path) -> Archive:
    """A real library holding the founding article (imported directly, not through the GUI)."""
    report = gui_archive.import_paths([seed_file])
    assert len(report.added) == 1, report
    return gui_archive


CORPUS_PHOTOS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "photos"


def archive_photo(library: Path, name: str) -> str:
    """Copy a corpus photo into `library`/media/ as the importer will; its relative path."""
    source = CORPUS_PHOTOS / "exifr" / name
    if not source.exists():
        pytest.skip(f"needs ../shared/corpus ({source} is not there)")
    target = library / "media" / "ab" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_bytes())
    return f"media/ab/{name}"


def open_window(qtbot: QtBot, archive: Archive) -> MainWindow:
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, gui_archive: Archive) -> Iterator[MainWindow]:
    """The main window on an empty library."""
    shown = open_window(qtbot, gui_archive)
    yield shown
    shown.close()  # waits for its workers before the library fixture closes the Archive


@pytest.fixture
def seeded_window(qtbot: QtBot, seeded_archive: Archive) -> Iterator[MainWindow]:
    """The main window on a library holding the seed, once its first listing has arrived."""
    shown = open_window(qtbot, seeded_archive)
    qtbot.waitUntil(lambda: shown.model.rowCount() == 1)
    yield shown
    shown.close()


class FakeArchive:
    """An in-memory stand-in for the facade's read side: `size` articles, ids 1..size.

    Every word of a query matches every article; a query containing a lone quote is refused
    the way the real query parser refuses it.
    """

    def __init__(self, size: int, path: Path = Path("/fake/library")) -> None:
        self.path = path
        self.readonly = True
        self.index_status = IndexStatus(False, 0, 0)
        self.ids = list(range(1, size + 1))
        self.summary_calls: list[list[int]] = []
        self.search_calls: list[tuple[str, int, int, tuple[str, ...]]] = []
        self.counts_calls: list[tuple[str, tuple[str, ...]]] = []

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        self.summary_calls.append(list(ids))
        return [
            ArticleSummary(i, f"Article {i}", f"2024-05-{1 + i % 28:02d}T08:00:00+07:00",
                           "example.id", "Jakarta", (f"Reporter {i}",), "id")
            for i in ids if i in set(self.ids)
        ]

    def is_empty(self) -> bool:
        return not self.ids

    def count(self) -> int:
        return len(self.ids)

    def article(self, article_id: int) -> ArticleDetail:
        record = CatalogueRecord(title=f"Article {article_id}", body=["Teks berita."])
        return ArticleDetail(article_id, record, [], [], 1, 1, "", "")

    def article_ids(self, sort: str = "newest") -> list[int]:
        return list(reversed(self.ids))

    def search(self, query: str, limit: int = 20, offset: int = 0, sort: str = "relevance",
               within: Sequence[str] = ()) -> SearchPage:
        self.search_calls.append((query, limit, offset, tuple(within)))
        if query.count('"') % 2:
            raise QueryError("a quote is not closed", query, query.index('"'))
        page = self.ids[offset : offset + limit]
        hits = tuple(SearchHit(i, 1.0, f"Article {i}", None, "example.id",
                               (f'an <b class="hit">{query}</b> here',)) for i in page)
        return SearchPage(query, len(self.ids), hits, total_exact=False, sort=sort)

    def counts(self, query: str, within: Sequence[str] = ()) -> SearchCounts:
        self.counts_calls.append((query, tuple(within)))
        facets = {"site": [("example.id", len(self.ids))], "year": [("2024", len(self.ids))]}
        return SearchCounts(query, len(self.ids), facets, [("2024-05", len(self.ids))])

    def matching_ids(self, query: str, within: Sequence[str] = ()) -> list[int]:
        return list(self.ids)

    def saved_searches(self) -> list[SavedSearch]:
        return []
