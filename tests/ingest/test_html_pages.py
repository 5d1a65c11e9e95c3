"""Saved web pages from ../shared/corpus/html_id, read through the whole path (detect, read,
normalise): metadata, body, photos with captions and credits, and the listing page."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.conftest import CORPUS, corpus_path

from archive_app.domain.model import CatalogueRecord, Photo
from archive_app.ingest.extract import Extracted, extract_file

pytestmark = pytest.mark.corpus


def _read(name: str) -> list[Extracted]:
    path = corpus_path("html_id", name)
    return list(extract_file(path.name, path.read_bytes(), path).items)


def _record(name: str) -> CatalogueRecord:
    items = _read(name)
    assert len(items) == 1
    assert items[0].failure is None, items[0].failure
    assert items[0].record is not None
    assert items[0].format == "html"
    assert items[0].extractor is not None and items[0].extractor.startswith("trafilatura ")
    return items[0].record


def _expected(name: str) -> dict[str, Any]:
    entry: dict[str, Any] = json.loads(corpus_path("html_id", name).read_text("utf-8"))["V1"]
    return entry


def _photo(record: CatalogueRecord, caption: str) -> Photo:
    found = [p for p in record.photos if p.caption == caption]
    assert found, [(p.caption, p.credit) for p in record.photos]
    return found[0]


def _authors(record: CatalogueRecord) -> list[str]:
    return [p.name for p in record.people if p.role == "author"]


def test_media_indonesia_with_glued_credit() -> None:
    record = _record("mediaindonesia_2025-10-22_fundus.html")
    expected = _expected("mediaindonesia_2025-10-22_fundus.expected.json")
    assert record.title == expected["title"]
    assert _authors(record) == expected["authors"]
    assert record.published == "2025-10-22T06:59:00+07:00"
    assert expected["publishing_date"] == "2025-10-22 06:59:00+07:00"
    assert record.site == "mediaindonesia.com"
    assert record.language == "id"
    assert record.url is not None and record.url.startswith("https://mediaindonesia.com/ekonomi/")
    assert record.body[0].startswith("Komisi Pemberantasan Korupsi (KPK) mengaku")
    # fundus keeps the caption glued before the first paragraph; the paragraph is the same
    first = expected["body"]["sections"][0]["paragraphs"][0]
    assert record.body[0][:200] in first
    # "Baca juga" boxes are related links, not body text
    assert not any(p.startswith("Baca juga") for p in record.body)
    photo = _photo(record, "Kondisi Tambang di Raja Ampat")
    assert photo.credit == "Auriga Nusantara"
    # a bare name in brackets may be an organisation: nobody is made its photographer
    assert photo.photographer is None
    assert [(p.name, p.role) for p in record.people] == [("Andhika", "author")]
    assert photo.source_url is not None and photo.source_url.endswith(".jpg")
    assert record.keywords and "KPK" in record.keywords


def test_media_indonesia_photo_credit_and_sections() -> None:
    record = _record("mediaindonesia_2026-01-08_fundus.html")
    expected = _expected("mediaindonesia_2026-01-08_fundus.expected.json")
    assert record.title == expected["title"]
    assert _authors(record) == expected["authors"]
    assert record.published == "2026-01-08T20:19:38+07:00"
    assert record.body[0] == expected["body"]["sections"][0]["paragraphs"][0]
    image = expected["images"][0]
    photo = record.photos[0]
    assert (photo.caption, photo.credit) == (image["caption"], image["authors"][0])
    assert photo.source_url == image["versions"][0]["url"]
    assert set(expected["topics"]) <= set(record.keywords)


def test_okezone_caption_with_credit_label() -> None:
    record = _record("okezone_economy_2020-07-08_openGraphScraperPages.html")
    # og:title adds " : Okezone Economy" to the headline; the <h1> is the headline itself
    assert record.title == "6 Rekomendasi Bisnis dengan Tingkat Kerugian Kecil, Tertarik Mencoba?"
    photo = _photo(record, "Cara Memulai Bisnis Baru.")
    assert photo.credit == "Okezone.com/Shutterstock"
    assert _authors(record) == ["Natasha Oktalia"]
    assert record.published == "2020-07-09T07:26:05+07:00"
    assert record.body[0].startswith("Mau membangun usaha?")
    assert not any("Baca Juga" in p for p in record.body)


def test_kompas_page() -> None:
    record = _record("money.kompas.com-Menhub.html")
    assert record.title == "Menhub Bocorkan Penyebab Harga Tiket Pesawat Masih Mahal"
    assert record.site == "kompas.com"
    assert record.published == "2023-11-02T14:34:19+00:00"
    assert "Yoga Sukmana" in _authors(record)
    assert record.body[0].startswith("Menteri Perhubungan (Menhub) Budi Karya Sumadi")
    lead = record.photos[0]
    assert lead.caption is not None and lead.caption.startswith("Menteri Perhubungan Budi Karya")
    assert lead.credit == "Tangkapan layar Kanal YouTube Harian Kompas"


def test_detik_page() -> None:
    record = _record("health.detik.com-Stroke.html")
    assert record.site == "detik.com"
    assert record.published == "2023-11-02T20:59:53+07:00"
    assert _authors(record) == ["Vidya Pinandhita"]
    photo = _photo(record, "Ilustrasi stroke.")
    assert photo.credit == "Getty Images/iStockphoto/peterschreiber.media"
    # page furniture and other stories' teasers are not photos of this article
    captions = [p.caption or "" for p in record.photos]
    assert not any(c.upper() == "ADVERTISEMENT" or c.startswith("detik") for c in captions)


def test_tribunnews_page() -> None:
    record = _record("1595907782.html")
    assert record.site == "tribunnews.com"
    assert record.published == "2020-05-04T04:25:13+07:00"
    assert _authors(record) == ["Muhammad Renald Shiftanto"]
    assert record.photos and record.photos[0].source_url is not None
    assert record.photos[0].source_url.endswith("belajar-dari-rumah-990932567.jpg")
    assert len(record.body) >= 5


def test_listing_page_is_reported_not_imported() -> None:
    items = _read("detik_news-indeks_listing-page_2024-10_news-crawler.html")
    assert [i.record for i in items] == [None]
    assert items[0].failure == "not an article: the page is a list of 20 article links"


ARTICLE_PAGES = sorted(
    p.name for p in (CORPUS / "html_id").glob("*.html") if "listing" not in p.name
)


def test_the_article_pages_are_there() -> None:
    # an empty list would make the test below pass by running nothing
    assert len(ARTICLE_PAGES) == 6


@pytest.mark.parametrize("name", ARTICLE_PAGES)
def test_every_article_page_is_accepted(name: str) -> None:
    record = _record(name)
    assert record.title and record.body and record.published
