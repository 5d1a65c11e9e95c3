"""The "Needs review" screenshots: the sidebar's queue with a count per kind, and the reader's
box of flags for an unreadable date and for a photo too small to be a news photo.

They change a library, so they work on a copy of the screenshot library, into which a few
articles of the kind scrapers leave are imported first: rows whose date cannot be read, and
a site's icon saved as a photo (both written here, nothing copied from the corpus).
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from pathlib import Path

from PIL import Image
from scripts.screenshots.kit import after, open_window, settle, shoot, show_article

from archive_app.gui.shell.main_window import MainWindow
from archive_app.gui.shell.settings import Settings
from archive_app.usecases.archive import Archive

UNREAD_TITLE = "Banjir Rob Rendam Permukiman Warga Muara Angke"
ROWS = (
    (
        UNREAD_TITLE,
        "Banjir rob kembali merendam permukiman warga di Muara Angke, Penjaringan, "
        "Jakarta Utara, sejak Senin pagi. Ketinggian air mencapai 40 sentimeter di beberapa gang."
        "\n\nPetugas menyiagakan perahu karet dan pompa air di tiga titik. Warga diminta "
        "mengamankan barang berharga ke tempat yang lebih tinggi.",
        "Senin, 32-13-2022 08.15",
        "detik.com",
        "https://news.detik.com/berita/d-0000001/banjir-rob-muara-angke",
    ),
    (
        "Harga Cabai Rawit di Pasar Induk Kramat Jati Melonjak",
        "Harga cabai rawit merah di "
        "Pasar Induk Kramat Jati naik hampir dua kali lipat dalam sepekan. Pedagang menyebut "
        "pasokan dari sentra produksi berkurang karena hujan.",
        "kemarin sore",
        "kompas.com",
        "https://www.kompas.com/read/0000/00/00/harga-cabai-rawit",
    ),
)
ICON = "logo-redaksi.png"


def _material(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    table = folder / "berita-tanggal-rusak.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("judul", "isi_berita", "tanggal_publikasi", "sumber", "url"))
        writer.writerows(ROWS)
    icon = folder / ICON
    Image.new("RGB", (64, 48), (47, 93, 98)).save(icon)
    return [table, icon]


def _open_queue(window: MainWindow, kind: str) -> None:
    after(window.searches.counted, lambda: window.catalogue.run_review(kind))


def review_shots(out: Path, library: Path) -> list[Path]:
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "library"
        shutil.copytree(library, copy, ignore=shutil.ignore_patterns("library.lock"))
        with Archive.open(copy) as archive:
            archive.import_paths(_material(Path(scratch) / "files"))
            window = open_window(archive, Settings())
            try:
                settle(lambda: window.catalogue.data.review is not None)
                window.sidebar.sized_by_hand = True  # every row of the queue in view
                window.sidebar.splitter.setSizes([420, 380])
                _open_queue(window, "date")
                window.reading.open_article(
                    window.archive.search(f'"{UNREAD_TITLE}"', 1).hits[0].id
                )
                show_article(window, UNREAD_TITLE)
                saved.append(shoot(out, "18-needs-review-date"))
                _open_queue(window, "photo")
                icon_title = Path(ICON).stem.replace("-", " ")
                window.reading.open_article(window.archive.search(f'"{icon_title}"', 1).hits[0].id)
                show_article(window, icon_title)
                window.theme.apply("dark")
                settle()
                saved.append(shoot(out, "19-needs-review-photo-dark"))
                window.theme.apply("light")
            finally:
                window.close()
    return saved
