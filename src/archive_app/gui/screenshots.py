"""`make screenshots`: build a library from ../shared/corpus, open the window, save PNGs of it.

Run under Xvfb (`xvfb-run -a -s "-screen 0 1400x900x24"`): each shot grabs the whole virtual
screen, so popups and dialogs appear as a person would see them. The importer does not archive
photo files yet; when no imported article has one, a corpus JPEG (an AP photo with IPTC
credits) is copied into the library's media/ folder and shown as a photo of the seed article,
in this script only: the library's catalogue is not changed.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QGuiApplication

from archive_app.core.archive import Archive
from archive_app.core.model import ArticleDetail, Photo
from archive_app.gui import i18n
from archive_app.gui.app import application
from archive_app.gui.main_window import MainWindow
from archive_app.gui.settings import Settings
from archive_app.gui.waiting import after as after_signal
from archive_app.gui.waiting import pause, until

log = logging.getLogger("arsip.screenshots")

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO.parent / "shared" / "corpus"
SOURCES = ("seed", "id_json", "id_csv")
PHOTO = "photos/exifr/Bush-dog.jpg"
SEED_TITLE = "Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian"
SIZE = (1400, 900)


def build_library(library: Path, corpus: Path) -> None:
    """Import the corpus with the `archive-app import` command (once; kept for the next run)."""
    if (library / "catalogue.sqlite").exists():
        # this script's own library, built by an older Arsip perhaps: bring it up to date
        with Archive.open(library) as archive:
            if not archive.check().ok:
                print("reindexing", library)
                archive.reindex()
        return
    command = [sys.executable, "-m", "archive_app", "--library", str(library), "import",
               *(str(corpus / name) for name in SOURCES)]
    print("building", library, "with", " ".join(command[2:]))
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def stage_photo(library: Path, corpus: Path) -> str:
    """Copy a corpus JPEG into media/ as the importer will; returns its library-relative path."""
    data = (corpus / PHOTO).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    relative = f"media/{digest[:2]}/{digest}.jpg"
    target = library / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        target.write_bytes(data)
    return relative


class StagedArchive:
    """The Archive, except that the seed article shows the staged photo first."""

    def __init__(self, archive: Archive, seed_id: int, media_path: str) -> None:
        self._archive = archive
        self._seed_id = seed_id
        self._photo = Photo(
            caption="President Bush, along with first lady Laura Bush, greets his dog on the "
                    "South Lawn (a corpus photo staged into this article for the screenshot).",
            credit="AP Photo/Duane A. Laverty", photographer="Duane A. Laverty", agency="AP",
            media_path=media_path)

    def __getattr__(self, name: str) -> object:
        return getattr(self._archive, name)

    def article(self, article_id: int) -> ArticleDetail:
        detail = self._archive.article(article_id)
        if article_id == self._seed_id:
            record = replace(detail.record, photos=[self._photo, *detail.record.photos])
            detail = replace(detail, record=record)
        return detail


def archived_photo_article(archive: Archive) -> int | None:
    """An imported article with an archived photo file, if the importer made any."""
    for detail in archive.articles(archive.article_ids("added")):
        if any(p.media_path for p in detail.record.photos):
            return detail.id
    return None


def settle(condition: Callable[[], bool] | None = None, timeout: int = 15_000) -> None:
    """Let the window finish its work (and paint) before a picture is taken."""
    if condition is not None and not until(condition, timeout):
        print(f"gave up waiting after {timeout} ms", file=sys.stderr)
    pause(400)


def after(signal: SignalInstance, action: Callable[[], object], timeout: int = 15_000) -> None:
    """Do something and wait for the signal that says it is done."""
    if not after_signal(signal, action, timeout):
        print(f"no answer after {timeout} ms", file=sys.stderr)
    settle()


def shoot(out: Path, name: str) -> Path:
    """The whole virtual screen, popups and dialogs included."""
    screen = QGuiApplication.primaryScreen()
    path = out / f"{name}.png"
    screen.grabWindow(0).save(str(path))
    print("saved", path)
    return path


def open_window(archive: object, settings: Settings) -> MainWindow:
    window = MainWindow(archive, settings)  # type: ignore[arg-type]
    window.setGeometry(0, 0, *SIZE)
    window.show()
    settle(lambda: window.isVisible())
    return window


def search(window: MainWindow, query: str) -> None:
    after(window.searches.counted, lambda: window.search_bar.set_query(query))


def show_article(window: MainWindow, title: str) -> None:
    settle(lambda: window.reader.reading is not None
           and window.reader.reading.detail.record.title == title)


def shots(out: Path, library: Path, corpus: Path, settings_dir: Path) -> list[Path]:
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    app = application()
    i18n.install(app, "en")
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as empty_dir, Archive.open(Path(empty_dir) / "lib") as empty:
        window = open_window(empty, Settings())
        saved.append(shoot(out, "1-welcome"))
        window.close()

    archive = Archive.open(library, readonly=True)
    try:
        found = archived_photo_article(archive)
        seed_id = archive.search('"world water forum"', 1).hits[0].id
        if found is None:
            print("no imported article has an archived photo yet: staging", PHOTO,
                  "into media/ and showing it on the seed article")
            shown: object = StagedArchive(archive, seed_id, stage_photo(library, corpus))
        else:
            print("article", found, "has an archived photo")
            shown, seed_id = archive, found
        window = open_window(shown, Settings())
        search(window, "banjir")
        detik = window.sidebar.facet_model.index(0, 0, window.sidebar.facet_model.index(0, 0))
        # a site filter, shown as a chip
        after(window.searches.counted, lambda: window.sidebar.facets.clicked.emit(detik))
        saved.append(shoot(out, "2-search-facets-histogram"))

        window.filters.clear()
        search(window, '"world water forum"')
        window.table.select_row(0)
        show_article(window, SEED_TITLE if found is None else window.model.index(0, 0).data())
        window.reader.next_hit(1)
        settle()
        saved.append(shoot(out, "3-reader-photo-credit"))

        window.reading.open_photos(0)
        viewer = window.reading.photo_viewer
        assert viewer is not None
        viewer.setGeometry(0, 0, *SIZE)  # no window manager here: fill the screen
        settle(lambda: viewer.current in viewer._loaded or viewer.paths[0] is None)
        saved.append(shoot(out, "4-photo-viewer"))
        viewer.close()

        people = archive.counts("date:.. OR -date:..").facets["person"]
        name = next(n for n, _c in people if "." not in n)  # a person, not a site's byline
        search(window, f'person:"{name}"')
        window.reading.show_person(name)
        settle(lambda: window.person_page.person is not None)
        saved.append(shoot(out, "5-person-page"))

        window.reading.focus_reader()
        window.theme.apply("dark")
        search(window, "banjir")
        settle()
        saved.append(shoot(out, "6-dark-theme"))
        window.theme.apply("light")
        window.close()

        i18n.install(app, "id")
        window = open_window(shown, Settings())
        search(window, '"world water forum"')
        settle(lambda: window.reader.reading is not None)
        saved.append(shoot(out, "7-indonesian"))
        search(window, "banjir")
        window.search_bar.show_cheat_sheet()
        settle()
        saved.append(shoot(out, "8-indonesian-cheat-sheet"))
        window.search_bar.cheat_sheet.hide()
        window.close()
        i18n.install(app, "en")
    finally:
        archive.close()
    return saved


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    parser.add_argument("--library", type=Path, default=REPO / "build" / "screenshot-library")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"needs the shared corpus at {args.corpus}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    build_library(args.library, args.corpus)
    with tempfile.TemporaryDirectory() as settings_dir:
        saved = shots(args.out, args.library, args.corpus, Path(settings_dir))
    print(f"{len(saved)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
