"""What wire items and web-archive captures say about themselves reaches the record: the
item's own identifier (so a newer text is a version), its subtitle, and the capture time."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from tests.conftest import corpus_path
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from archive_app.domain.model import CatalogueRecord
from archive_app.ingest.context import ReadContext
from archive_app.ingest.extract import extract_file
from archive_app.ingest.wire.g2 import read_g2
from archive_app.ingest.wire.item import WireItem
from archive_app.usecases.archive import Archive


def _records(*parts: str) -> list[CatalogueRecord]:
    path = corpus_path(*parts)
    items = list(extract_file(path.name, path.read_bytes(), path).items)
    return [item.record for item in items if item.record is not None]


def _one(*parts: str) -> CatalogueRecord:
    records = _records(*parts)
    assert len(records) == 1
    return records[0]


@pytest.mark.parametrize(
    ("folder", "name", "source_id"),
    [
        # NewsML-G2: the guid, the same for every version of the item
        (
            "newsml-g2",
            "dpa_urn_newsml_dpa.com_20090101_170626-99-998860.xml",
            "urn:newsml:dpa.com:20090101:170626-99-998860",
        ),
        ("newsml-g2", "superdesk-aap_reuters_newsml.xml", "tag:reuters.com,2018:newsml_L2N1PH00M"),
        # NewsML 1.2: provider, date and item id, without the revision
        (
            "nitf",
            "superdesk-belga_kyodo_nitf-in-newsml1.2.xml",
            "urn:newsml:kyodonews.jp:20190723:20161021KW___0003800010",
        ),
        (
            "nitf",
            "superdesk-belga_efe_nitf-in-newsml1.2.xml",
            "urn:newsml:texto.efeservicios.com:20190121T103600+0000:25413502",
        ),
        (
            "nitf",
            "superdesk-belga_tass_nitf-in-newsml1.2.xml",
            "www.itar-tass.com:16AAC34CE1C503AE4325838900396A95",
        ),
        # NITF: the doc-id, qualified by who registered it when the item says
        ("nitf", "superdesk-ntb_nitf_test_ritzau-via-ntb.xml", "ritzau.dk:20160512:RTZ:8883:0"),
        ("nitf", "dti_nitf_bendbulletin_basic-story.xml", "13973764"),
    ],
)
def test_wire_items_carry_their_own_identifier(folder: str, name: str, source_id: str) -> None:
    record = _one("wire", folder, name)
    assert record.source_id == source_id
    assert record.rules["source_id"] == "source_id:column"


def test_an_item_without_an_identifier_has_none() -> None:
    # AP's doc-id names the registrar only
    assert _one("wire", "nitf", "superdesk-cp_ap-table-nitf.xml").source_id is None


@pytest.mark.parametrize(
    ("folder", "name", "subtitle"),
    [
        (
            "nitf",
            "dti_nitf_bendbulletin_basic-story.xml",
            "Optimistic about funding, officials hope to start work on plan in April",
        ),  # hl2
        (
            "nitf",
            "superdesk-belga_ansa_belga.xml",
            "Situation serious, ready for all scenarios says EC",
        ),  # ANSA's byline is a subtitle
        ("nitf", "superdesk-belga_efe_nitf-in-newsml1.2.xml", "INDIA SUCESOS"),
    ],
)
def test_wire_subtitles(folder: str, name: str, subtitle: str) -> None:
    record = _one("wire", folder, name)
    assert record.subtitle == subtitle and record.rules["subtitle"] == "subtitle:column"
    assert subtitle not in record.body
    assert all(p.name not in subtitle for p in record.people)  # a subtitle names nobody


G2 = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:x.com:2024:1"
  version="3" standard="NewsML-G2"><itemMeta><itemClass qcode="ninat:text"/>
  <versionCreated>2024-05-01T10:00:00Z</versionCreated></itemMeta>
  <contentMeta><located><name>Oslo</name></located>
  <headline role="hltype:subtitle">Budget talks go on</headline>
  <headline>Government presents its budget</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html
  xmlns="http://www.w3.org/1999/xhtml"><body><p>The government presented its budget.</p>
  </body></html></inlineXML></contentSet></newsItem>"""


def test_g2_subheadline_and_located_place() -> None:
    items = list(read_g2(ET.fromstring(G2), ReadContext("item.xml")))
    item = items[0]
    assert isinstance(item, WireItem)
    assert (item.title, item.subtitle) == ("Government presents its budget", "Budget talks go on")
    assert (item.source_id, item.dateline) == ("urn:newsml:x.com:2024:1", "Oslo")


def test_a_newer_text_of_the_same_item_is_a_version(tmp_path: Path) -> None:
    source = corpus_path("wire", "newsml-g2", "superdesk-aap_reuters_newsml.xml").read_text(
        encoding="utf-8"
    )
    first, second = tmp_path / "v1.xml", tmp_path / "v2.xml"
    first.write_text(source, encoding="utf-8")
    second.write_text(
        source.replace(
            "ending a trip to Latin America", "ending a week-long trip to Latin America"
        ),
        encoding="utf-8",
    )
    with Archive.open(tmp_path / "lib") as archive:
        added = archive.import_paths([first])
        again = archive.import_paths([second])
        assert archive.count() == 1
        assert again.added == [] and len(again.updated) == 1
        detail = archive.article(added.added[0].article_id or 0)
        assert detail.versions == 2
        assert detail.record.source_id == "tag:reuters.com,2018:newsml_L2N1PH00M"


def _archived_article(captured: str) -> bytes:
    """A WARC holding one article page captured at `captured` (the corpus's archives hold
    only sites' own pages: example.com, iana.org, archive.org's front page)."""
    text = "".join(
        f"<p>Paragraph {n}: the river rose overnight and the council closed the "
        "bridge until engineers could inspect it.</p>"
        for n in range(4)
    )
    page = (
        f"<html><head><title>Bridge closed</title></head><body><article>"
        f"<h1>Bridge closed</h1>{text}</article></body></html>"
    ).encode()
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://news.example/2017/bridge",
            "response",
            payload=io.BytesIO(page),
            http_headers=http,
            warc_headers_dict={"WARC-Date": captured},
        )
    )
    return buffer.getvalue()


def test_web_archive_captures_carry_their_capture_time() -> None:
    items = list(extract_file("crawl.warc.gz", _archived_article("2017-03-06T04:02:06Z")).items)
    record = items[0].record
    assert record is not None and record.captured == "2017-03-06T04:02:06Z"
    assert record.rules["captured"] == "captured:column"
    assert record.published is None  # the crawl is never the publication


def test_web_archive_revisit_carries_its_own_capture_time() -> None:
    path = corpus_path("warc", "warcio", "example.warc.gz")
    items = [i for i in extract_file(path.name, path.read_bytes(), path).items if i.revisit]
    assert [i.record.captured for i in items if i.record] == ["2017-03-06T04:03:48Z"]
