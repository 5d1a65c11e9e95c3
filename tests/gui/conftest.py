"""GUI fixtures: libraries opened in temporary folders, fake facades, and the main window."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from archive_app.domain.errors import QueryError
from archive_app.domain.model import (
    ArticleDetail,
    ArticleSummary,
    CatalogueRecord,
    CollectionInfo,
    IndexStatus,
    SavedSearch,
    SearchCounts,
    SearchHit,
    SearchPage,
)
from archive_app.gui.search.results_model import ResultsModel
from archive_app.gui.search.results_view import ResultsTable
from archive_app.gui.shell.main_window import MainWindow
from archive_app.storage.library_folder import LibraryLayout
from archive_app.usecases.archive import Archive

# The offscreen platform cannot pass a window's minimum size to a window manager and says so
# with a Qt warning whenever a shown window's layout changes; a real display (xcb) does not.
# It is a limit of the test platform, not of Arsip, so only that message is ignored.
OFFSCREEN_SIZE_HINTS = "This plugin does not support propagateSizeHints"
# nor can it raise a window above another (the authority window is raised when asked for)
OFFSCREEN_RAISE = r"This plugin does not support raise\(\)"
# nor give a popup the keyboard (a file chooser's completions, driven by keys alone)
OFFSCREEN_GRAB = "This plugin does not support grabbing the keyboard"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(
                pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS, OFFSCREEN_RAISE, OFFSCREEN_GRAB)
            )


# how long a finished test's threads may take to wind down before they count as left running
THREAD_GRACE_MS = 5_000


@pytest.fixture(autouse=True)
def no_thread_left_running(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a Python thread or a global Qt pool task running after it.

    Set up before the window and library fixtures, so it checks after they have closed. Qt's
    worker threads appear in threading.enumerate() as dummy threads that never leave it (Python
    cannot see them end), so they are checked through the pool instead of the list.
    """
    before = set(threading.enumerate())
    yield
    pool = QThreadPool.globalInstance()
    pool.waitForDone(THREAD_GRACE_MS)
    assert pool.activeThreadCount() == 0, "a QThreadPool task is still running after the test"
    started = [
        t
        for t in threading.enumerate()
        if t not in before and not isinstance(t, threading._DummyThread)
    ]
    for thread in started:
        thread.join(THREAD_GRACE_MS / 1000)
    left = [t.name for t in started if t.is_alive()]
    assert not left, f"threads still running after the test: {left}"


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> Iterator[Path]:
    """Every test remembers window state in its own folder, never in the user's settings."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def empty_clipboard(qapp: QApplication) -> Iterator[None]:
    """Each test leaves the clipboard empty.

    Qt's offscreen platform crashes the process at exit when the clipboard still holds rich
    data (a copied citation carries HTML); a real display does not, so only tests need this.
    """
    yield
    QGuiApplication.clipboard().clear()


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


# four short articles (no corpus needed): three about a flood in Jakbar, one about chilli
# prices; "Brigitta Belia" and "Brigita Belia" are one reporter spelled two ways
ARTICLES = (
    (
        "Banjir di Jakbar, Tiga RT Terendam",
        "JAKARTA - Banjir merendam tiga rukun tetangga di "
        "Jakbar sejak pagi. Warga mengungsi ke masjid terdekat.",
        "18 Jun 2025, 15:12 WIB",
        "detik.com",
        "https://news.detik.com/berita/d-1/banjir-di-jakbar",
        "Brigitta Belia",
    ),
    (
        "Jakbar Siaga Banjir Rob Pekan Ini",
        "Jakarta - Pemerintah kota meminta warga pesisir "
        "waspada banjir rob. Pompa air disiagakan di Jakbar.",
        "17 Jun 2025, 09:30 WIB",
        "kompas.com",
        "https://www.kompas.com/read/2025/06/17/jakbar-siaga",
        "Faesal Mubarok",
    ),
    (
        "Pemkot Jakbar Bagikan Bantuan untuk Korban Banjir",
        "Jakarta Barat - Bantuan berupa "
        "makanan dan selimut dibagikan kepada warga yang rumahnya terendam.",
        "19 Jun 2025, 11:00 WIB",
        "liputan6.com",
        "https://www.liputan6.com/news/read/3/pemkot-jakbar",
        "Brigita Belia",
    ),
    (
        "Harga Cabai Naik di Pasar Induk",
        "Harga cabai rawit naik dua kali lipat menjelang Iduladha, kata pedagang di pasar induk.",
        "16 Jun 2025, 08:00 WIB",
        "liputan6.com",
        "https://www.liputan6.com/bisnis/read/4/harga-cabai",
        "Tira Santia",
    ),
)


@pytest.fixture
def small_archive(gui_archive: Archive, tmp_path: Path) -> Archive:
    """A real library of the four ARTICLES, imported from a JSON Lines file."""
    source = tmp_path / "articles.jsonl"
    keys = ("judul", "isi_berita", "tanggal_publikasi", "sumber", "url", "author")
    source.write_text(
        "".join(
            json.dumps(dict(zip(keys, row, strict=True)), ensure_ascii=False) + "\n"
            for row in ARTICLES
        ),
        encoding="utf-8",
    )
    report = gui_archive.import_paths([source])
    assert len(report.added) == len(ARTICLES), report
    return gui_archive


@pytest.fixture
def small_window(qtbot: QtBot, small_archive: Archive) -> Iterator[MainWindow]:
    """The main window on the four articles, listed newest first, the first one read."""
    shown = open_window(qtbot, small_archive)
    qtbot.waitUntil(
        lambda: shown.model.rowCount() == len(ARTICLES) and shown.reader.reading is not None,
        timeout=10_000,
    )
    yield shown
    shown.close()


def article_id(archive: Archive, title: str) -> int:
    """The id of the article with this title."""
    for detail in archive.articles(archive.article_ids()):
        if detail.record.title == title:
            return detail.id
    raise AssertionError(f"no article {title!r}")


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


def shown_table(qtbot: QtBot, model: ResultsModel, height: int = 400) -> ResultsTable:
    """A results table over `model`, 700 pixels wide, shown and exposed on the screen."""
    table = ResultsTable(model)
    qtbot.addWidget(table)
    table.resize(700, height)
    table.show()
    qtbot.waitExposed(table)
    return table


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
        self.layout = LibraryLayout(path)  # a folder library's (the window names it so)
        self.readonly = True
        self.readonly_reason: str | None = None  # opened read-only, not refused by a role
        self.team_name: str | None = None
        self.index_status = IndexStatus(False, 0, 0)
        self.ids = list(range(1, size + 1))
        self.summary_calls: list[list[int]] = []
        self.search_calls: list[tuple[str, int, int, tuple[str, ...]]] = []
        self.counts_calls: list[tuple[str, tuple[str, ...]]] = []
        self.listing_calls: list[tuple[str, int | None]] = []  # article_ids: (sort, limit)

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        self.summary_calls.append(list(ids))
        return [
            ArticleSummary(
                i,
                f"Article {i}",
                f"2024-05-{1 + i % 28:02d}T08:00:00+07:00",
                "example.id",
                "Jakarta",
                (f"Reporter {i}",),
                "id",
            )
            for i in ids
            if i in set(self.ids)
        ]

    def is_empty(self) -> bool:
        return not self.ids

    def listen_for_team_changes(self, on_change: object) -> bool:
        return False  # a folder library has no other desktops to follow

    def tidy_index_when_idle(self) -> bool:
        return False  # read-only: its index is left as it is

    def count(self) -> int:
        return len(self.ids)

    def article(self, article_id: int) -> ArticleDetail:
        record = CatalogueRecord(title=f"Article {article_id}", body=["Teks berita."])
        return ArticleDetail(article_id, record, [], [], 1, 1, "", "")

    def highlight_terms(self, query: str, texts: Iterable[str]) -> list[str]:
        """The query's words the texts hold, as spelled there (no stemming here)."""
        words = {w.casefold() for w in query.split()}
        return [w for text in texts for w in text.split() if w.casefold().strip(".") in words]

    def article_ids(self, sort: str = "newest", limit: int | None = None) -> list[int]:
        self.listing_calls.append((sort, limit))
        ordered = list(reversed(self.ids)) if sort != "oldest" else list(self.ids)
        return ordered if limit is None else ordered[:limit]

    def search(
        self,
        query: str,
        limit: int = 20,
        offset: int = 0,
        sort: str = "relevance",
        within: Sequence[str] = (),
    ) -> SearchPage:
        self.search_calls.append((query, limit, offset, tuple(within)))
        if query.count('"') % 2:
            raise QueryError("a quote is not closed", query, query.index('"'))
        page = self.ids[offset : offset + limit]
        hits = tuple(
            SearchHit(
                i, 1.0, f"Article {i}", None, "example.id", (f'an <b class="hit">{query}</b> here',)
            )
            for i in page
        )
        return SearchPage(query, len(self.ids), hits, total_exact=False, sort=sort)

    def counts(self, query: str, within: Sequence[str] = ()) -> SearchCounts:
        self.counts_calls.append((query, tuple(within)))
        facets = {"site": [("example.id", len(self.ids))], "year": [("2024", len(self.ids))]}
        return SearchCounts(query, len(self.ids), facets, [("2024-05", len(self.ids))])

    def matching_ids(self, query: str, within: Sequence[str] = ()) -> list[int]:
        return list(self.ids)

    def saved_searches(self) -> list[SavedSearch]:
        return []

    def collections(self) -> list[CollectionInfo]:
        return []

    def tags(self) -> list[tuple[str, int]]:
        return []

    def undo_state(self) -> tuple[str | None, str | None]:
        return None, None
