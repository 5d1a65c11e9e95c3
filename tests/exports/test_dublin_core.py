"""Dublin Core: oai_dc records valid against the OAI's schema, in a ListRecords document."""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from tests.exports.conftest import HOSTILE_TITLE

from archive_app.domain.model import ArticleDetail
from archive_app.exports.dublin_core import DC, OAI, OAI_DC, write_oai_dc

etree = pytest.importorskip("lxml.etree", reason="validating oai_dc needs lxml")
SCHEMAS = Path(__file__).parent / "schemas"
NS = {"oai": OAI, "oai_dc": OAI_DC, "dc": DC}


@pytest.fixture(scope="module")
def oai_dc_schema() -> Any:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "oai_dc.xsd")))


def _document(details: list[ArticleDetail]) -> Any:
    stream = io.StringIO()
    moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert write_oai_dc(stream, details, now=moment) == len(details)
    return etree.fromstring(stream.getvalue().encode("utf-8"))


def _values(record: Any, name: str) -> list[str]:
    return [e.text for e in record.findall(f".//dc:{name}", NS)]


def test_every_record_is_valid_oai_dc(
    details: dict[str, ArticleDetail], oai_dc_schema: Any
) -> None:
    root = _document(list(details.values()))
    assert root.tag == f"{{{OAI}}}OAI-PMH"
    assert root.findtext("oai:responseDate", namespaces=NS) == "2026-01-02T03:04:05Z"
    records = root.findall("oai:ListRecords/oai:record", NS)
    assert len(records) == 4
    for record in records:
        dc = record.find("oai:metadata/oai_dc:dc", NS)
        # each oai_dc:dc stands alone: lifted out, it is a valid document of its own
        alone = etree.fromstring(etree.tostring(dc))
        assert oai_dc_schema.validate(alone), oai_dc_schema.error_log
        header = record.find("oai:header", NS)
        assert header.findtext("oai:identifier", namespaces=NS).startswith("oai:arsip:")
        assert header.findtext("oai:datestamp", namespaces=NS).endswith("Z")


def test_the_schema_refuses_what_oai_dc_does_not_allow(oai_dc_schema: Any) -> None:
    """The local schema is the real constraint, not a rubber stamp."""
    bad = (
        f'<oai_dc:dc xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC}"><dc:colour>red</dc:colour></oai_dc:dc>'
    )
    nested = (
        f'<oai_dc:dc xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC}"><dc:title><b>x</b>'
        "</dc:title></oai_dc:dc>"
    )
    assert not oai_dc_schema.validate(etree.fromstring(bad))
    assert not oai_dc_schema.validate(etree.fromstring(nested))


def test_the_seed_in_dublin_core(details: dict[str, ArticleDetail]) -> None:
    (record,) = _document([details["seed"]]).findall(".//oai_dc:dc", NS)
    assert _values(record, "title") == [details["seed"].record.title]
    assert record.find("dc:title", NS).get("{http://www.w3.org/XML/1998/namespace}lang") == "id"
    assert _values(record, "creator") == ["Yessy Artada"]
    assert _values(record, "contributor") == ["Yessy Artada"]  # as editor
    assert _values(record, "publisher") == ["JPNN.com"]
    assert _values(record, "date") == ["2024-05-17T03:50:00+07:00"]  # W3CDTF with its zone
    assert _values(record, "language") == ["id"]
    assert _values(record, "type") == ["Text"]
    assert _values(record, "coverage") == ["Bali"]
    assert _values(record, "identifier") == []  # no URL known
    assert _values(record, "description")[0].startswith("Direktorat Jenderal")
    (source,) = _values(record, "source")
    assert source.startswith("jpnn-world-water-forum-2024.txt (sha256 66728fb3")
    assert len(_values(record, "relation")) == 3


def test_other_records(details: dict[str, ArticleDetail]) -> None:
    photo, row = _document([details["photo"], details["row"]]).findall(".//oai_dc:dc", NS)
    assert _values(photo, "type") == ["StillImage"]
    assert _values(photo, "creator") == ["Duane A. Laverty"]
    assert _values(row, "title") == [HOSTILE_TITLE]  # escaped, and read back intact
    assert _values(row, "identifier") == ["https://example.com/news/row-1"]
    assert _values(row, "subject") == ["banjir", "Jakarta"]
    assert _values(row, "contributor") == ["Siti Aminah", "Agus Salim"]
    assert _values(row, "date") == ["2023-02-03"]  # a time without a zone is not W3CDTF


def test_characters_xml_cannot_hold_are_dropped(
    details: dict[str, ArticleDetail], oai_dc_schema: Any
) -> None:
    record = dataclasses.replace(details["plain"].record, title="Bad\x0bchar\x00s")
    detail = dataclasses.replace(details["plain"], record=record)
    (dc,) = _document([detail]).findall(".//oai_dc:dc", NS)
    assert _values(dc, "title") == ["Badchars"]
    assert oai_dc_schema.validate(etree.fromstring(etree.tostring(dc)))
