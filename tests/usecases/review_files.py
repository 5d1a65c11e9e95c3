"""Small files whose import raises review flags: an unreadable date, a photo too small."""

from __future__ import annotations

import csv
from pathlib import Path

from PIL import Image

UNREAD_TITLE = "Banjir Rob Rendam Pesisir Muara Angke"
CLEAN_TITLE = "Pompa Air Disiagakan di Jakarta Utara"
UNREAD_DATE = "Senin, 45-13-2022"
TINY_FILE = "ikon-kecil.png"
TINY_TITLE = "ikon kecil"  # a photo record is titled by its file name
ROWS = (
    (
        UNREAD_TITLE,
        "Warga pesisir Muara Angke mengungsi karena banjir rob yang naik sejak "
        "pagi. Petugas menyiagakan perahu karet di tiga titik.",
        UNREAD_DATE,
        "detik.com",
        "https://news.detik.com/berita/d-11/banjir-rob-muara-angke",
    ),
    (
        CLEAN_TITLE,
        "Pemerintah kota menyiagakan dua puluh pompa air di Jakarta Utara menjelang "
        "musim hujan. Warga diminta melapor bila air menggenang.",
        "2 Apr 2022, 09:30 WIB",
        "kompas.com",
        "https://www.kompas.com/read/2022/04/02/pompa-air",
    ),
)


def write_table(
    folder: Path, rows: tuple[tuple[str, ...], ...] = ROWS, name: str = "berita.csv"
) -> Path:
    """A CSV export as a scraper leaves it (Indonesian column names)."""
    path = folder / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("judul", "isi_berita", "tanggal_publikasi", "sumber", "url"))
        writer.writerows(rows)
    return path


def write_photos(folder: Path) -> tuple[Path, Path]:
    """A 64 × 48 icon (flagged) and a 640 × 480 photo (not flagged), imported as photos."""
    tiny = folder / TINY_FILE
    Image.new("RGB", (64, 48), (200, 120, 40)).save(tiny)
    normal = folder / "foto-banjir.jpg"
    Image.new("RGB", (640, 480), (40, 110, 160)).save(normal, quality=80)
    return tiny, normal


def write_review_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [write_table(folder), *write_photos(folder)]
