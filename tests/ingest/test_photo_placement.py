"""Inline photos of saved pages keep their place: each stands after the body paragraph it
followed in the page, found again in the cleaned body; lead photos and photos above the text
have no place and follow the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.domain.model import CatalogueRecord, Photo
from archive_app.ingest.extract import extract_file
from archive_app.ingest.normalise.placement import paragraphs_after
from archive_app.usecases.archive import Archive

MIRROR = ("uk", "TheMirror_2024_04_28.html.gz")


def _record(*parts: str) -> CatalogueRecord:
    path = corpus_path(*parts)
    items = list(extract_file(path.name, path.read_bytes(), path).items)
    assert len(items) == 1 and items[0].record is not None, items
    return items[0].record


def _photo(record: CatalogueRecord, caption: str) -> Photo:
    found = [p for p in record.photos if p.caption == caption]
    assert found, [p.caption for p in record.photos]
    return found[0]


def _after(record: CatalogueRecord, caption: str) -> tuple[str, str]:
    """The paragraph a photo stands after, and the one after the photo."""
    paragraph = _photo(record, caption).paragraph
    assert paragraph is not None
    return record.body[paragraph], record.body[paragraph + 1]


@pytest.mark.corpus
def test_each_inline_photo_stands_after_the_paragraph_it_followed_in_the_page() -> None:
    # checked by hand in the page: each <figure> comes right after the paragraph naming
    # its plant, and the lead picture (og:image) sits above the text
    record = _record("html_truth", "fundus", *MIRROR)
    before, after = _after(record, "English Ivy is easy to grow")
    assert before.startswith("First up, the experts recommend you consider an English Ivy")
    assert after.startswith('"This plant is one of the best ones to help reduce indoor air')
    before, _ = _after(
        record,
        "The stunning silvery leaves of the aluminum plant are a great addition to any kitchen",
    )
    assert before.startswith("Next up, the experts advise you to opt for another hanging plant")
    before, _ = _after(
        record, "Aloe Vera is a natural remedy for burns as well as an air-purifying plant"
    )
    assert before.startswith("The experts also recommend aloe vera plants")
    assert record.photos[0].paragraph is None  # the lead photo opens the article


@pytest.mark.corpus
def test_a_read_more_line_between_paragraph_and_photo_does_not_lose_its_place() -> None:
    # the page: "...plead guilty to a charge involving a single victim." / "READ MORE: <link>"
    # / <figure> — the link line is not body text, the paragraph before it is
    record = _record("html_truth", "fundus", "au", "NineNews_2024_05_02.html.gz")
    before, _ = _after(
        record,
        "The islands where notorious pedophile Jeffrey Epstein "
        "exploited and abused young women and girls.",
    )
    assert before.startswith("Two years later, prosecutors allowed Epstein to plead guilty")
    assert not any(p.startswith("READ MORE") for p in record.body)


@pytest.mark.corpus
def test_the_place_is_kept_in_the_library_and_its_exports(tmp_path: Path) -> None:
    page = corpus_path("html_truth", "fundus", *MIRROR)
    expected = [p.paragraph for p in _record("html_truth", "fundus", *MIRROR).photos]
    assert any(p is not None for p in expected)
    with Archive.open(tmp_path / "lib") as archive:
        article_id = archive.import_paths([page]).added[0].article_id or 0
    with Archive.open(tmp_path / "lib") as archive:  # read back from the catalogue itself
        assert [p.paragraph for p in archive.article(article_id).record.photos] == expected
        assert [p["paragraph"] for p in archive.record(article_id)["photos"]] == expected


PARAGRAPHS = [
    "JAKARTA - Pemerintah mengumumkan kebijakan baru tentang harga beras pada Senin pagi, "
    "dan para pejabat menjelaskan rinciannya kepada wartawan di gedung kementerian.",
    "Menurut menteri, harga beras di pasar tradisional akan dipantau setiap hari oleh "
    "petugas dinas perdagangan di semua provinsi mulai bulan depan.",
    "Para pedagang menyambut baik kebijakan itu karena harga yang stabil membuat pembeli "
    "kembali datang ke pasar setelah berbulan-bulan sepi.",
]


def page_with_inline_photos() -> bytes:
    """A saved page: a photo under the headline, one after the first paragraph (which opens
    with a dateline), one after a "Baca juga" line that follows the second."""
    first, second, third = (f"<p>{p}</p>" for p in PARAGRAPHS)
    figure = (
        "<figure><img src='https://cdn.example/{0}.jpg'><figcaption>{1} (Foto: ANTARA/"
        "Budi)</figcaption></figure>"
    )
    return (
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>"
        "<meta property='og:title' content='Harga Beras Dipantau Setiap Hari'>"
        "</head><body><article><h1>Harga Beras Dipantau Setiap Hari</h1>"
        + figure.format("atas", "Gudang beras Bulog di Jakarta Utara pada Senin pagi")
        + first
        + figure.format("pasar", "Pedagang beras melayani pembeli di pasar induk")
        + second
        + "<p>Baca juga: <a href='https://news.example.co.id/read/2/cabai'>"
        "Harga Cabai Rawit Naik Lagi Menjelang Lebaran</a></p>"
        + figure.format("pedagang", "Pembeli memilih beras di sebuah kios di Bekasi")
        + third
        + "</article></body></html>"
    ).encode()


def test_places_are_counted_in_the_cleaned_body() -> None:
    # the dateline and the "read also" line leave the body; the photos keep their places
    [item] = extract_file("beras.html", page_with_inline_photos(), None).items
    record = item.record
    assert record is not None and record.dateline_place == "Jakarta"
    places = {p.caption: p.paragraph for p in record.photos}
    assert places == {
        "Gudang beras Bulog di Jakarta Utara pada Senin pagi": None,  # above all text
        "Pedagang beras melayani pembeli di pasar induk": 0,
        "Pembeli memilih beras di sebuah kios di Bekasi": 1,
    }
    assert record.body[0].startswith("Pemerintah mengumumkan kebijakan baru")
    assert [r.title for r in record.related] == ["Harga Cabai Rawit Naik Lagi Menjelang Lebaran"]


@pytest.mark.parametrize(
    ("follows", "body", "expected"),
    [
        # equal but for case and spacing
        (
            ["Hujan  deras turun sejak pagi di kota itu."],
            ["Awal.", "hujan deras turun sejak pagi di kota itu."],
            1,
        ),
        # the page's paragraph still carries a sign-off the body lost: the same last words
        (
            ["Banjir merendam 200 rumah warga di tepi sungai sejak Senin malam. (jpnn/abc)"],
            ["Banjir merendam 200 rumah warga di tepi sungai sejak Senin malam."],
            0,
        ),
        # a short line proves nothing unless it is the whole paragraph (a heading)
        (["Jakarta"], ["Jakarta hari ini cerah sekali sepanjang hari."], None),
        (["Ekonomi"], ["Paragraf pertama artikel ini.", "Ekonomi"], 1),
        # the last matching paragraph wins
        (
            ["Harga naik lagi pekan ini di pasar."],
            ["Harga naik lagi pekan ini di pasar.", "Lain.", "Harga naik lagi pekan ini di pasar."],
            2,
        ),
        # nothing before the photo, or only text the body does not have
        ([], ["Paragraf."], None),
        (["Menu utama situs berita hari ini"], ["Paragraf pertama artikel ini."], None),
    ],
)
def test_matching_the_text_before_a_photo_in_the_body(
    follows: list[str], body: list[str], expected: int | None
) -> None:
    assert paragraphs_after([(follows, [])], body) == [expected]


BODY = [
    "Paragraf pertama tentang banjir di kota.",
    "Paragraf kedua tentang para pengungsi.",
    "Paragraf ketiga tentang bantuan pemerintah.",
]


@pytest.mark.parametrize(
    ("precedes", "expected"),
    [
        # the text before the photo was dropped: it stands before the paragraph that follows it
        (["Paragraf ketiga tentang bantuan pemerintah."], 1),
        # ... and above all the text when that paragraph is the first
        (["Paragraf pertama tentang banjir di kota."], None),
        (["Iklan di sini dan di sana juga"], None),
    ],
)
def test_a_photo_is_placed_by_the_text_after_it_when_the_text_before_is_gone(
    precedes: list[str], expected: int | None
) -> None:
    assert paragraphs_after([(["Teks yang tidak ada di badan berita ini."], precedes)], BODY) == [
        expected
    ]
