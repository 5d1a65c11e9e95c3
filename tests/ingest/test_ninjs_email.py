"""IPTC ninjs and e-mail files become articles; IPTC 7901 and ANPA 1312 are refused by name.

The files are written here, in the public formats' own shapes (IPTC's ninjs 1.x and 2.x
schemas, RFC 5322 / MIME messages, the IPTC 7901 and ANPA 1312 framings).
"""

from __future__ import annotations

import io
import json
from email.message import EmailMessage
from pathlib import Path

import pytest
from PIL import Image

from archive_app.domain.errors import ReadError
from archive_app.domain.model import CatalogueRecord
from archive_app.ingest.extract import Extracted, extract_file
from archive_app.usecases.archive import Archive

PARAGRAPHS = [
    "Air Kali Lamong naik setinggi satu meter pada Jumat pagi, merendam jalan desa.",
    "Sekitar 300 rumah terendam dan warga mengungsi ke balai desa terdekat.",
]
CAPTION = "Warga melintasi banjir di Desa Cerme, Gresik, Jumat (17/5/2024)."


def _items(name: str, data: bytes) -> tuple[str, list[Extracted]]:
    found = extract_file(name, data)
    return found.format, list(found.items)


def _record(name: str, data: bytes) -> CatalogueRecord:
    _format, items = _items(name, data)
    [item] = items
    assert item.record is not None, item.failure
    return item.record


NINJS_2 = {
    "uri": "http://example.org/ninjs/text/banjir-gresik",
    "type": "text",
    "version": "2",
    "firstcreated": "2024-05-17T03:50:00+07:00",
    "versioncreated": "2024-05-17T05:10:00+07:00",
    "language": "id",
    "by": "Ana Putri",
    "located": "GRESIK",
    "copyrightholder": "Kantor Berita",
    "headlines": [{"role": "main", "value": "Banjir rendam 300 rumah di Gresik"}],
    "bodies": [
        {"role": "text", "contenttype": "text/plain", "value": "\n".join(PARAGRAPHS)},
        {
            "role": "html",
            "contenttype": "text/html",
            "value": "".join(f"<p>{p}</p>" for p in PARAGRAPHS),
        },
    ],
    "subjects": [{"name": "Bencana alam", "uri": "medtop:03000000"}],
    "associations": [
        {
            "name": "mainpic",
            "type": "picture",
            "uri": "http://example.org/ninjs/pic/1",
            "by": "Rizal Hanafi/Kantor Berita",
            "description_text": CAPTION,
            "renditions": [
                {"name": "thumbnail", "href": "https://example.org/pic/1/thumb.jpg", "width": 200},
                {"name": "original", "href": "https://example.org/pic/1/full.jpg", "width": 4000},
            ],
        }
    ],
}

NINJS_1 = {
    "uri": "http://example.org/ninjs/text/2",
    "type": "text",
    "versioncreated": "2013-07-09T10:37:00Z",
    "language": "en",
    "byline": "Paulo Santos and Frances Lee",
    "located": "Grosseto, Italy",
    "headline": "Captain of wrecked cruise ship on trial",
    "body_text": "One long paragraph that the HTML body splits in two.",
    "body_xhtml": "<p>The trial of the captain began in a theatre converted into a court.</p>"
    "<p>He made no comment to reporters as he arrived.</p>",
    "subject": [{"name": "Justice", "code": "02000000"}],
    "associations": {
        "mainpic": {
            "uri": "http://example.org/ninjs/pic/2",
            "type": "picture",
            "byline": "Paulo Santos",
            "description_text": "The cruise ship lies on its side off the island of Giglio.",
            "renditions": {
                "main": {"href": "http://example.org/pic/2-big.jpg", "width": 429},
                "small": {"href": "http://example.org/pic/2-small.jpg", "width": 179},
            },
        }
    },
}


def test_ninjs_2_is_read_as_an_article_with_its_picture() -> None:
    fmt, _items_found = _items("item.json", json.dumps(NINJS_2).encode())
    assert fmt == "ninjs"
    record = _record("item.json", json.dumps(NINJS_2).encode())
    assert record.title == "Banjir rendam 300 rumah di Gresik"
    assert record.body == PARAGRAPHS
    assert record.published == "2024-05-17T03:50:00+07:00"
    assert record.updated == "2024-05-17T05:10:00+07:00"
    assert record.dateline_place is not None and record.dateline_place.lower() == "gresik"
    assert ("Ana Putri", "author") in {(p.name, p.role) for p in record.people}
    assert record.source_id == "http://example.org/ninjs/text/banjir-gresik"
    assert "Bencana alam" in record.keywords
    [photo] = record.photos
    assert photo.caption == CAPTION
    assert (photo.credit, photo.photographer, photo.agency) == (
        "Rizal Hanafi/Kantor Berita",
        "Rizal Hanafi",
        "Kantor Berita",
    )
    assert photo.source_url == "https://example.org/pic/1/full.jpg"  # kept, never fetched


def test_ninjs_1_with_named_associations_and_an_xhtml_body() -> None:
    record = _record("story.json", json.dumps(NINJS_1).encode())
    assert record.title == "Captain of wrecked cruise ship on trial"
    assert record.body == [
        "The trial of the captain began in a theatre converted into a court.",
        "He made no comment to reporters as he arrived.",
    ]
    assert {p.name for p in record.people if p.role == "author"} == {"Paulo Santos", "Frances Lee"}
    [photo] = record.photos
    assert photo.source_url == "http://example.org/pic/2-big.jpg"
    assert photo.photographer == "Paulo Santos"


def test_ninjs_lines_each_become_an_article() -> None:
    lines = "\n".join(json.dumps(item) for item in (NINJS_2, NINJS_1)).encode()
    fmt, items = _items("feed.jsonl", lines)
    assert fmt == "ninjs"
    assert [i.locator for i in items] == ["line 1", "line 2"]
    assert all(i.record is not None for i in items)


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (30, 90, 160)).save(out, "JPEG")
    return out.getvalue()


def _message(sender: str, *, html: bool = False, picture: bytes | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "arsip@example.org"
    message["Subject"] = "Fwd: Banjir rendam 300 rumah di Gresik"
    message["Date"] = "Fri, 17 May 2024 10:30:00 +0700"
    message["Message-ID"] = "<banjir-1@example.org>"
    plain = (
        "Air Kali Lamong naik setinggi satu meter pada Jumat pagi,\nmerendam jalan "
        "desa.\n\nSekitar 300 rumah terendam dan warga mengungsi ke balai\ndesa "
        "terdekat.\n\n> pesan sebelumnya\n-- \nAna Putri\nWartawan\n"
    )
    message.set_content(plain)
    if html:
        message.add_alternative("".join(f"<p>{p}</p>" for p in PARAGRAPHS), subtype="html")
    if picture is not None:
        message.add_attachment(
            picture, maintype="image", subtype="jpeg", filename="banjir-gresik.jpg"
        )
    return bytes(message)


def test_an_email_is_an_article_from_a_person() -> None:
    data = _message("Ana Putri <ana.putri@example.org>")
    fmt, _found = _items("kiriman.eml", data)
    assert fmt == "email"
    record = _record("kiriman.eml", data)
    assert record.title == "Banjir rendam 300 rumah di Gresik"
    assert record.published == "2024-05-17T10:30:00+07:00"
    assert record.body == PARAGRAPHS  # wrapped lines joined; quote and signature left out
    assert [(p.name, p.role) for p in record.people] == [("Ana Putri", "author")]


def test_a_newsroom_address_credits_nobody() -> None:
    for sender in (
        "Redaksi Contoh <redaksi@example.org>",
        "newsroom@example.org",
        "Ana Putri <newsdesk@example.org>",
    ):
        record = _record("kiriman.eml", _message(sender))
        assert record.people == [], sender


def test_an_email_is_recognised_by_its_headers_without_the_eml_name() -> None:
    fmt, _found = _items("kiriman.txt", _message("Ana Putri <ana.putri@example.org>", html=True))
    assert fmt == "email"


def test_an_email_part_in_another_charset_than_declared_reads_without_mojibake() -> None:
    data = (
        "From: Ana Putri <ana.putri@example.org>\nSubject: Banjir\nDate: Fri, 17 May 2024 "
        "10:30:00 +0700\nMIME-Version: 1.0\nContent-Type: text/plain; charset=iso-8859-1"
        "\n\nWarga berkumpul di kafe – lalu mengungsi ke balai desa terdekat.\n"
    ).encode()
    record = _record("kiriman.eml", data)
    assert record.body == ["Warga berkumpul di kafe – lalu mengungsi ke balai desa terdekat."]


def test_an_email_picture_is_archived_as_a_photo(tmp_path: Path) -> None:
    picture = _jpeg()
    path = tmp_path / "kiriman.eml"
    path.write_bytes(_message("Ana Putri <ana.putri@example.org>", picture=picture))
    with Archive.open(tmp_path / "lib") as archive:
        report = archive.import_paths([path])
        assert report.failed == []
        record = archive.record(report.added[0].article_id or 0)
        assert record["source"]["format"] == "email"
        [photo] = record["photos"]
        assert photo["source_url"] == "banjir-gresik.jpg"
        assert (archive.path / photo["media_path"]).read_bytes() == picture


@pytest.mark.parametrize(
    "name, data, named",
    [
        (
            "AFP0123.txt",
            b"\x01AFP0123 4 pol 250 \r\n\x02Flood hits Gresik\r\n   Water rose in the "
            b"city on Friday.\r\n\x03171030\x04",
            "an IPTC 7901 wire file",
        ),
        (
            "a0123.txt",
            b"\x16\x16\x01a0123 r i BC-Flood 04-24 0350\x02^BC-Flood,0250\r\n^Flood "
            b"hits Gresik\r\n\tWater rose in the city on Friday.\x03171030 May 24\x04",
            "an ANPA 1312 wire file",
        ),
    ],
)
def test_iptc_7901_and_anpa_1312_are_refused_by_name(name: str, data: bytes, named: str) -> None:
    with pytest.raises(ReadError) as refused:
        _items(name, data)
    assert str(refused.value).startswith(f"{named}: Arsip does not read this format")
