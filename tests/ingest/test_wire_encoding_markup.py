"""Wire XML that lies about its encoding, and bodies that are escaped HTML."""

from __future__ import annotations

from tests.conftest import corpus_path

from archive_app.domain.model import CatalogueRecord
from archive_app.ingest.extract import extract_file

TITLE = "Diplomat à Jakarta – São Paulo menyambut café crème"
BODY = "Pertemuan di Jakarta berlangsung hangat, kata diplomat itu kepada wartawan pada hari Jumat."


def _nitf(declared: str, content: str) -> str:
    return (
        f'<?xml version="1.0" encoding="{declared}"?>'
        f"<nitf><body><body.head><hedline><hl1>{TITLE}</hl1></hedline></body.head>"
        f"<body.content>{content}</body.content></body></nitf>"
    )


def _one(name: str, data: bytes) -> CatalogueRecord:
    found = extract_file(name, data)
    [item] = list(found.items)
    assert item.record is not None, item.failure
    return item.record


def test_xml_declared_latin_1_but_written_in_utf8_reads_without_mojibake() -> None:
    record = _one("story.xml", _nitf("ISO-8859-1", f"<p>{BODY}</p>").encode("utf-8"))
    assert record.title == TITLE
    assert record.body == [BODY]


def test_xml_declared_utf8_but_written_in_windows_1252_is_read_not_refused() -> None:
    record = _one("story.xml", _nitf("UTF-8", f"<p>{BODY}</p>").encode("cp1252"))
    assert record.title == TITLE


def test_a_true_latin_1_declaration_is_still_believed() -> None:
    path = corpus_path("wire", "nitf", "superdesk-ntb_nitf_test_ritzau-via-ntb.xml")
    [item] = list(extract_file(path.name, path.read_bytes(), path).items)
    assert item.record is not None
    assert "41-årig" in item.record.title


def test_an_escaped_html_body_becomes_paragraphs_not_literal_tags() -> None:
    escaped = (
        "&lt;P&gt;Pertemuan di Jakarta berlangsung &lt;B&gt;hangat&lt;/B&gt;.&lt;/P&gt;"
        "&lt;P&gt;Kedua negara menandatangani perjanjian dagang.&lt;/P&gt;"
    )
    record = _one("story.xml", _nitf("UTF-8", escaped).encode())
    assert record.body == [
        "Pertemuan di Jakarta berlangsung hangat.",
        "Kedua negara menandatangani perjanjian dagang.",
    ]


def test_an_escaped_html_body_in_newsml_g2_inline_data_becomes_paragraphs() -> None:
    data = (
        b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1">'
        b'<itemMeta><itemClass qcode="ninat:text"/><versionCreated>2024-05-17T03:50:00Z'
        b"</versionCreated></itemMeta><contentMeta><headline>Banjir di Gresik</headline>"
        b'</contentMeta><contentSet><inlineData contenttype="text/html">'
        b"&lt;p&gt;Air naik setinggi satu meter di Gresik.&lt;/p&gt;&lt;br/&gt;"
        b"&lt;p&gt;Warga mengungsi ke balai desa.&lt;/p&gt;</inlineData></contentSet>"
        b"</newsItem>"
    )
    record = _one("item.xml", data)
    assert record.body == [
        "Air naik setinggi satu meter di Gresik.",
        "Warga mengungsi ke balai desa.",
    ]


def test_an_escaped_html_body_in_newsml_1_data_content_becomes_paragraphs() -> None:
    data = (
        b"<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>Banjir di Gresik</HeadLine>"
        b"</NewsLines><ContentItem><DataContent>&lt;p&gt;Air naik setinggi satu meter di "
        b"Gresik.&lt;/p&gt;&lt;p&gt;Warga mengungsi ke balai desa.&lt;/p&gt;</DataContent>"
        b"</ContentItem></NewsComponent></NewsItem></NewsML>"
    )
    record = _one("item.xml", data)
    assert record.body == [
        "Air naik setinggi satu meter di Gresik.",
        "Warga mengungsi ke balai desa.",
    ]
