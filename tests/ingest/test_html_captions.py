"""The saved-page reader's parts on small made-up pages (no corpus needed): credits in caption
text, figures and caption blocks, the lead photo, charsets, metadata and list pages."""

from __future__ import annotations

import pytest

from archive_app.ingest.html.credits import split_caption
from archive_app.ingest.html.page import declared_charset, decode_page, parse_page
from archive_app.ingest.raw import RawArticle, RawFailure
from archive_app.ingest.readers.html_page import read_html

PARAGRAPH = (
    "Pemerintah mengumumkan kebijakan baru pada Senin pagi di Jakarta, dan para pejabat "
    "menjelaskan rinciannya kepada wartawan yang hadir di gedung kementerian. "
)


@pytest.mark.parametrize(
    ("text", "caption", "credit", "photographer"),
    [
        (
            "Kondisi Tambang di Raja Ampat(Auriga Nusantara)",
            "Kondisi Tambang di Raja Ampat",
            "Auriga Nusantara",
            None,
        ),
        (
            "More than 3,000 court documents have been released. (AP)",
            "More than 3,000 court documents have been released.",
            "AP",
            None,
        ),
        (
            "Cara Memulai Bisnis Baru. (Foto: Okezone.com/Shutterstock)",
            "Cara Memulai Bisnis Baru.",
            "Okezone.com/Shutterstock",
            None,
        ),
        (
            "Warga mengantre di Jakarta. ANTARA FOTO/Aprillio Akbar",
            "Warga mengantre di Jakarta.",
            "ANTARA FOTO/Aprillio Akbar",
            "Aprillio Akbar",
        ),
        (
            "Protesters gather outside parliament. REUTERS/Hannah McKay",
            "Protesters gather outside parliament.",
            "REUTERS/Hannah McKay",
            "Hannah McKay",
        ),
        (
            "A flag flies over a refinery. (AP Photo/Damian Dovarganes)",
            "A flag flies over a refinery.",
            "AP Photo/Damian Dovarganes",
            "Damian Dovarganes",
        ),
        (
            "Gedung baru sekolah (Dok. Humas Pemkot)",
            "Gedung baru sekolah",
            "Dok. Humas Pemkot",
            None,
        ),
        (
            "Riot police at the scene (Image: Getty Images)",
            "Riot police at the scene",
            "Getty Images",
            None,
        ),
        (
            "Polizei-Razzia in La Soledat / Lorenzo Marina",
            "Polizei-Razzia in La Soledat",
            "Lorenzo Marina",
            "Lorenzo Marina",
        ),
        (
            "移送のため警視庁を出る容疑者＝13日（潟沼義樹撮影）",
            "移送のため警視庁を出る容疑者＝13日",
            "潟沼義樹",
            None,
        ),
    ],
)
def test_credit_written_into_a_caption(
    text: str, caption: str, credit: str, photographer: str | None
) -> None:
    found = split_caption(text)
    assert (found.caption, found.credit, found.photographer) == (caption, credit, photographer)


@pytest.mark.parametrize(
    "text",
    [
        "Presiden Joko Widodo (kiri) bersama Menteri Keuangan",
        "Players celebrate the goal (left to right)",
        "The bridge was completed in 1932 (pictured)",
        "Harga beras naik (2024)",
    ],
)
def test_a_parenthesis_that_is_no_credit(text: str) -> None:
    found = split_caption(text)
    assert found.credit is None
    assert found.caption == text


def _page(body: str, head: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html lang='id-ID'><head><meta charset='utf-8'>{head}"
        "<meta property='og:title' content='Judul Berita'>"
        "<link rel='canonical' href='https://news.example.co.id/read/1/judul-berita'>"
        f"</head><body><article><h1>Judul Berita</h1>{body}</article></body></html>"
    ).encode()


def _article(data: bytes) -> RawArticle:
    found = list(read_html(data))
    assert len(found) == 1 and isinstance(found[0], RawArticle), found
    return found[0]


def test_figure_with_credit_element() -> None:
    raw = _article(
        _page(
            "<figure><img src='https://cdn.example/a.jpg'><figcaption>"
            "<span class='caption-text'>Suasana sidang di ruang utama</span>"
            "<span class='credit'>Foto: Budi Santoso/Example</span></figcaption></figure>"
            f"<p>{PARAGRAPH * 3}</p>"
        )
    )
    photo = raw.photos[0]
    assert (photo.caption, photo.credit, photo.photographer) == (
        "Suasana sidang di ruang utama",
        "Budi Santoso/Example",
        "Budi Santoso",
    )
    assert photo.source_url == "https://cdn.example/a.jpg"


def test_caption_block_beside_its_picture_and_lead_from_og_image() -> None:
    raw = _article(
        _page(
            "<div class='detail-photo'>"
            "<img data-src='https://cdn.example/banjir-bekasi-2024.jpg' src='data:,'>"
            "<div class='keterangan'>Banjir di Bekasi. (Foto: ANTARA/Fakhri)</div></div>"
            f"<p>{PARAGRAPH * 3}</p>",
            head="<meta property='og:image' content='https://cdn.example/banjir-bekasi-2024.jpg?w=800'>",
        )
    )
    assert len(raw.photos) == 1
    photo = raw.photos[0]
    assert photo.lead
    assert (photo.caption, photo.credit) == ("Banjir di Bekasi.", "ANTARA/Fakhri")
    assert photo.source_url == "https://cdn.example/banjir-bekasi-2024.jpg"


def test_teaser_pictures_are_not_the_articles_photos() -> None:
    teasers = "".join(
        f"<li><figure><a href='https://news.example.co.id/read/{i}/lain' title='Berita lain "
        f"nomor {i} hari ini'><img src='https://cdn.example/t{i}.jpg' alt='Berita lain nomor "
        f"{i} hari ini'></a></figure></li>"
        for i in range(3)
    )
    raw = _article(
        _page(
            f"<p>{PARAGRAPH * 3}</p><aside><ul>{teasers}</ul></aside>"
            f"<ul class='list'>{teasers}</ul>"
        )
    )
    assert raw.photos == []


def test_metadata_columns() -> None:
    head = (
        "<meta property='article:published_time' content='2024-05-01T10:15:00+07:00'>"
        "<meta property='article:modified_time' content='2024-05-01T12:00:00+07:00'>"
        "<meta name='author' content='Siti Rahma, Agus Salim'>"
        "<meta name='news_keywords' content='banjir, Bekasi'>"
    )
    raw = _article(_page(f"<p>{PARAGRAPH * 3}</p>", head=head))
    assert raw.columns == {
        "title": "Judul Berita",
        "url": "https://news.example.co.id/read/1/judul-berita",
        "date": "2024-05-01T10:15:00+07:00",
        "updated": "2024-05-01T12:00:00+07:00",
        "language": "id",
        "author": "Siti Rahma, Agus Salim",
    }
    assert raw.keywords == ["banjir", "Bekasi"]
    assert raw.layout == "body" and raw.format == "html"
    assert raw.extractor is not None and raw.extractor.startswith("trafilatura ")


def test_json_ld_wins_for_dates_and_authors() -> None:
    head = (
        '<script type=\'application/ld+json\'>{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Judul", '
        '"datePublished": "2023-11-02T20:59:53+07:00", '
        '"author": [{"@type": "Person", "name": "Vidya Pinandhita"}, '
        '{"@type": "Organization", "name": "detikHealth"}], '
        '"keywords": ["stroke"]}</script>'
        "<meta property='article:published_time' content='2020-01-01T00:00:00+07:00'>"
    )
    raw = _article(_page(f"<p>{PARAGRAPH * 3}</p>", head=head))
    assert raw.columns["date"] == "2023-11-02T20:59:53+07:00"
    assert raw.columns["author"] == "Vidya Pinandhita"
    assert "stroke" in raw.keywords


def test_a_list_of_teasers_is_not_an_article() -> None:
    cards = "".join(
        f"<article class='item'><a href='https://news.example.co.id/read/{i}/x'>"
        f"Judul berita nomor {i} yang panjang</a><span>1 jam lalu</span></article>"
        for i in range(12)
    )
    found = list(read_html(_page(f"<div class='list'>{cards}</div>")))
    assert found == [RawFailure("file", "not an article: the page is a list of 12 article links")]


def test_a_short_article_beside_many_teasers_is_still_an_article() -> None:
    cards = "".join(
        f"<li class='item'><a href='https://news.example.co.id/read/{i}/x'>"
        f"Judul berita nomor {i} yang panjang</a></li>"
        for i in range(12)
    )
    raw = _article(_page(f"<p>{PARAGRAPH}</p><ul class='related'>{cards}</ul>"))
    assert "Pemerintah mengumumkan kebijakan baru" in raw.text


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (b"<meta charset='windows-1252'>", "cp1252"),
        (b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>", "cp1252"),
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<meta charset='shift_jis'>", "shift_jis"),
        (b"<title>no declaration</title>", None),
    ],
)
def test_declared_charset(head: bytes, codec: str | None) -> None:
    assert declared_charset(b"<html><head>" + head + b"</head></html>") == codec


def test_utf8_bytes_win_over_a_stale_declaration() -> None:
    data = "<html><head><meta charset='iso-8859-1'></head><body>Señor “quoted”</body></html>"
    text, codec = decode_page(data.encode("utf-8"))
    assert codec == "utf-8"
    assert "Señor “quoted”" in text


def test_saved_from_note_gives_the_address() -> None:
    data = (
        b"<!-- saved from url=(0040)https://news.example.co.id/read/9/judul -->\n"
        b"<html><head><title>x</title></head><body><p>y</p></body></html>"
    )
    assert parse_page(data).saved_from == "https://news.example.co.id/read/9/judul"
