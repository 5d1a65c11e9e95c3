"""Saved pages as files: images from the browser's "_files" folder or the same zip, pages in
unexpected encodings, and an .html file that is really a picture."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.domain.errors import ReadError
from archive_app.domain.model import CatalogueRecord
from archive_app.ingest.extract import Extracted, extract_file

pytestmark = pytest.mark.corpus

OKEZONE = "okezone_economy_2020-07-08_openGraphScraperPages.html"
# The okezone page's photo, as "Save page as… (complete)" stores it beside the page.
_DETFOTO_IMG = re.compile(r'(<div class="detfoto">\s*<img[^>]*?src=")([^"]+)(")')


def _only(items: list[Extracted]) -> Extracted:
    assert len(items) == 1, [(i.failure, i.member) for i in items]
    assert items[0].failure is None, items[0].failure
    assert items[0].record is not None
    return items[0]


def _jpeg() -> bytes:
    return corpus_path("photos", "exifr", "img_1771.jpg").read_bytes()


def _saved_page(folder: str) -> tuple[str, str]:
    """The okezone page with its photo pointing into `folder`, and that file's name."""
    page = corpus_path("html_id", OKEZONE).read_text(encoding="utf-8")
    match = _DETFOTO_IMG.search(page)
    assert match is not None
    file_name = match.group(2).rsplit("/", 1)[-1]
    page = page[: match.start(2)] + f"{folder}/{file_name}" + page[match.end(2) :]
    return page, file_name


def test_photo_bytes_come_from_the_files_folder(tmp_path: Path) -> None:
    page, file_name = _saved_page("page_files")
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / file_name).write_bytes(_jpeg())
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    item = _only(list(extract_file(path.name, path.read_bytes(), path).items))
    assert item.record is not None
    photos = item.record.photos
    index = next(i for i, p in enumerate(photos) if p.caption == "Cara Memulai Bisnis Baru.")
    assert photos[index].credit == "Okezone.com/Shutterstock"
    assert photos[index].source_url == f"page_files/{file_name}"
    assert item.photo_data[index] == _jpeg()


def test_a_missing_files_folder_leaves_the_photo_without_bytes(tmp_path: Path) -> None:
    page, _ = _saved_page("page_files")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    item = _only(list(extract_file(path.name, path.read_bytes(), path).items))
    assert item.record is not None and item.record.photos
    assert all(data is None for data in item.photo_data)


def test_photo_bytes_come_from_the_same_zip() -> None:
    page, file_name = _saved_page("page_files")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("saved/page.html", page)
        archive.writestr(f"saved/page_files/{file_name}", _jpeg())
    items = list(extract_file("pages.zip", buffer.getvalue()).items)
    item = _only(items)
    assert item.member == "saved/page.html"
    assert _jpeg() in item.photo_data


def test_a_picture_named_html_is_refused() -> None:
    with pytest.raises(ReadError, match=r"named \.html but it is a JPEG image"):
        extract_file("article.html", _jpeg())


def _recoded(name: str, encoding: str, declaration: str | None) -> bytes:
    """A corpus page re-encoded, its charset declarations replaced (or removed)."""
    page = corpus_path("html_id", name).read_text(encoding="utf-8")
    page = re.sub(r"<meta[^>]+charset=[^>]*>", "", page, flags=re.IGNORECASE)
    if declaration is not None:
        page = page.replace("<head>", f'<head>\n<meta charset="{declaration}">', 1)
    return page.encode(encoding, errors="xmlcharrefreplace")


def _body_of(data: bytes) -> CatalogueRecord:
    item = _only(list(extract_file("page.html", data).items))
    assert item.record is not None
    return item.record


@pytest.mark.parametrize(
    ("encoding", "declaration"),
    [
        ("cp1252", "windows-1252"),
        ("cp1252", "iso-8859-1"),  # browsers read the Latin-1 label as Windows-1252
        ("cp1252", None),
    ],
)
def test_page_in_a_legacy_encoding(encoding: str, declaration: str | None) -> None:
    original = _body_of(
        corpus_path("html_id", "mediaindonesia_2025-10-22_fundus.html").read_bytes()
    )
    recoded = _body_of(_recoded("mediaindonesia_2025-10-22_fundus.html", encoding, declaration))
    quoted = "“Dicabut di Istana Negara bulan Juni"
    assert any(p.startswith(quoted) for p in recoded.body)
    assert recoded.body == original.body
    assert recoded.title == original.title


def test_page_whose_declaration_is_wrong() -> None:
    """A page that says UTF-8 but was saved in Windows-1252 is still read right."""
    data = _recoded("mediaindonesia_2025-10-22_fundus.html", "cp1252", "utf-8")
    record = _body_of(data)
    assert any(p.startswith("“Dicabut di Istana") for p in record.body)


def test_a_text_opening_with_bm_is_not_a_bitmap() -> None:
    from archive_app.ingest.detect import detect

    detected = detect("berita.txt", b"BMKG memperkirakan hujan lebat di Jakarta hari ini.\n")
    assert detected.format == "text"
