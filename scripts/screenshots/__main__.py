"""`make screenshots`: build a library from ../shared/corpus, open the window, save PNGs of it.

Run from the repository root as `python -m scripts.screenshots`.

Run under Xvfb (`xvfb-run -a -s "-screen 0 1400x900x24"`): each shot grabs the whole virtual
screen, so popups and dialogs appear as a person would see them. The library holds the seed,
the Indonesian tables and the wire feeds, whose dpa picture items come with their JPEGs: the
reader and the photo viewer show one of those, archived by the importer. The cataloguing shots
(catalogue_shots.py), the Needs review shots (review_shots.py) and the edit conflict
(conflict_shots.py) work on a copy,
so this library is never changed by them; `--only review` takes one group.
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication
from scripts.screenshots.access_shots import access_shots
from scripts.screenshots.catalogue_shots import catalogue_shots
from scripts.screenshots.conflict_shots import conflict_shots
from scripts.screenshots.help_shots import help_shots
from scripts.screenshots.kit import (
    SIZE,
    after,
    open_window,
    search,
    settle,
    shoot,
    show_article,
)
from scripts.screenshots.library_shots import library_shots
from scripts.screenshots.review_shots import review_shots
from scripts.screenshots.team_windows import team_shots

from archive_app.gui.common import i18n
from archive_app.gui.shell.app import application
from archive_app.gui.shell.settings import Settings
from archive_app.usecases.archive import Archive

log = logging.getLogger("arsip.screenshots")
GROUPS = ("window", "catalogue", "review", "conflict", "libraries", "help", "access", "team")

# this folder is scripts/screenshots/ at the top of the repository
REPO = Path(__file__).resolve().parent.parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
SOURCES = ("seed", "id_json", "id_csv", "wire")
# a dpa picture item: its JPEG is archived with the caption and credit of the XML
PHOTO_CREDIT = "Jörg Carstensen/dpa"
WIRE_CHECK = '"Medienpreises Bambi"'  # found once the wire feeds are in the library


def _import(library: Path, sources: Sequence[Path]) -> None:
    command = [
        sys.executable,
        "-m",
        "archive_app",
        "--library",
        str(library),
        "import",
        *(str(source) for source in sources),
    ]
    print("importing with", " ".join(command[2:]))
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def build_library(library: Path, corpus: Path) -> None:
    """Import the corpus with the `archive-app import` command (once; kept for the next run)."""
    if not (library / "catalogue.sqlite").exists():
        _import(library, [corpus / name for name in SOURCES])
        return
    # this script's own library, built by an older Arsip perhaps: bring it up to date
    with Archive.open(library) as archive:
        if not archive.check().ok:
            print("reindexing", library)
            archive.reindex()
        has_wire = archive.search(WIRE_CHECK, 1).total > 0
    if not has_wire:  # built before the wire feeds were part of the set
        _import(library, [corpus / "wire"])
        # the index's facet columns go wrong when a later batch has no site at all (the
        # wire items): a rebuild puts every article in one segment (see the report)
        with Archive.open(library) as archive:
            print("reindexing", library)
            archive.reindex()


def photo_article(archive: Archive) -> tuple[int, str]:
    """(id, title) of the imported article whose archived photo is credited PHOTO_CREDIT."""
    fallback: tuple[int, str] | None = None
    for detail in archive.articles(archive.article_ids("added")):
        photos = [p for p in detail.record.photos if p.media_path and p.caption]
        if any(p.credit == PHOTO_CREDIT for p in photos):
            return detail.id, detail.record.title
        if photos and fallback is None:
            fallback = detail.id, detail.record.title
    if fallback is None:
        raise SystemExit("no imported article has an archived photo: is corpus/wire there?")
    return fallback


def prepare(settings_dir: Path) -> QApplication:
    """The application, in English, remembering nothing outside `settings_dir`."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    app = application()
    i18n.install(app, "en")
    return app


def shots(out: Path, library: Path, app: QApplication) -> list[Path]:
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as empty_dir, Archive.open(Path(empty_dir) / "lib") as empty:
        window = open_window(empty, Settings())
        saved.append(shoot(out, "1-welcome"))
        window.close()

    archive = Archive.open(library, readonly=True)
    try:
        photo_id, photo_title = photo_article(archive)
        window = open_window(archive, Settings())
        search(window, "banjir")
        detik = window.sidebar.facet_model.index(0, 0, window.sidebar.facet_model.index(0, 0))
        # a site filter, shown as a chip
        after(window.searches.counted, lambda: window.sidebar.facets.clicked.emit(detik))
        saved.append(shoot(out, "2-search-facets-histogram"))

        window.filters.clear()
        search(window, "bambi")
        window.reading.open_article(photo_id)
        show_article(window, photo_title)
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
        window = open_window(archive, Settings())
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
    parser.add_argument(
        "--only",
        choices=GROUPS,
        action="append",
        help="take only these groups of screenshots (repeatable; all by default)",
    )
    args = parser.parse_args(argv)
    groups = set(args.only or GROUPS)
    if not args.corpus.is_dir():
        print(f"needs the shared corpus at {args.corpus}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    if groups - {"team"}:  # the team shots import into a PostgreSQL catalogue of their own
        build_library(args.library, args.corpus)
    with tempfile.TemporaryDirectory() as settings_dir:
        app = prepare(Path(settings_dir))
        saved = shots(args.out, args.library, app) if "window" in groups else []
        if "catalogue" in groups:
            saved += catalogue_shots(args.out, args.library)
        if "review" in groups:
            saved += review_shots(args.out, args.library)
        if "conflict" in groups:
            saved += conflict_shots(args.out, args.library)
        if "libraries" in groups:
            saved += library_shots(args.out, args.library)
        if "help" in groups:
            saved += help_shots(args.out, args.library, app)
        if "access" in groups:
            saved += access_shots(args.out, args.library)
        if "team" in groups:
            saved += team_shots(args.out, args.corpus)
    print(f"{len(saved)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
