"""Hostile wire XML: external entities and billion laughs are refused, never expanded, never
fetched; broken XML fails with its reason; harmless DTD references still import."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from archive_app.domain.errors import ReadError
from archive_app.ingest.extract import extract_file
from archive_app.ingest.raw import RawArticle
from archive_app.ingest.readers.wire_xml import read_wire_xml

STORY = "<body><body.content><p>{text}</p></body.content></body>"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the XML reader tried to use the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def _read(data: bytes) -> list[RawArticle]:
    found = list(read_wire_xml(data))
    assert all(isinstance(item, RawArticle) for item in found)
    return [item for item in found if isinstance(item, RawArticle)]


def test_external_entity_is_refused_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f"<nitf>{STORY.format(text='&xxe;')}</nitf>"
    ).encode()
    with pytest.raises(ReadError) as refused:
        _read(data)
    message = str(refused.value)
    assert message.startswith("refused: the XML declares an external entity 'xxe'")
    assert "neither expanded nor fetched" in message and "TOP SECRET" not in message


def test_external_entity_over_http_is_refused() -> None:
    data = (
        b'<!DOCTYPE nitf [<!ENTITY x SYSTEM "http://127.0.0.1:9/steal">]>'
        b"<nitf><body><body.content><p>&x;</p></body.content></body></nitf>"
    )
    with pytest.raises(ReadError, match=r"external entity 'x' pointing at 'http://127\.0\.0\.1"):
        _read(data)


def test_billion_laughs_is_refused() -> None:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{"".join(f"&lol{n - 1};" for _ in range(10))}">' for n in range(1, 10)
    ]
    data = (
        f'<?xml version="1.0"?><!DOCTYPE nitf [{"".join(levels)}]>'
        f"<nitf>{STORY.format(text='&lol9;')}</nitf>"
    ).encode()
    with pytest.raises(ReadError, match="billion-laughs"):
        _read(data)


def test_entities_from_an_outside_dtd_are_never_loaded() -> None:
    """A remote DTD is named but never read; the entity it would define stays undefined (and
    expat ignores declarations after an unread one), so nothing is expanded."""
    data = (
        b'<!DOCTYPE nitf [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;'
        b'<!ENTITY leak "x">]><nitf><body><body.content><p>&leak;</p></body.content>'
        b"</body></nitf>"
    )
    with pytest.raises(ReadError, match=r"undefined entity &leak;.*never loaded from outside"):
        _read(data)


def test_a_named_dtd_module_is_harmless_and_never_loaded() -> None:
    """NewsML 1.2 feeds name their DTD modules as parameter entities (Kyodo does); nothing is
    loaded, so they import."""
    data = (
        b'<!DOCTYPE NewsML PUBLIC "urn:newsml" "http://127.0.0.1:9/NewsML.dtd" ['
        b'<!ENTITY % nitf SYSTEM "http://127.0.0.1:9/nitf.dtd"> %nitf;]>'
        b"<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>A headline</HeadLine>"
        b"</NewsLines><ContentItem><DataContent><nitf><body><body.content><p>Text of the "
        b"story.</p></body.content></body></nitf></DataContent></ContentItem>"
        b"</NewsComponent></NewsItem></NewsML>"
    )
    found = _read(data)
    assert len(found) == 1 and found[0].columns["title"] == "A headline"


def test_html_entity_names_are_read_without_a_dtd() -> None:
    data = (
        b"<nitf><body><body.head><hedline><hl1>Caf&eacute; news</hl1></hedline>"
        b"</body.head><body.content><p>A&nbsp;story &amp; more.</p></body.content>"
        b"</body></nitf>"
    )
    article = _read(data)[0]
    assert article.columns["title"] == "Café news"
    assert article.text == "A story & more."  # the no-break space folds


def test_broken_xml_fails_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(b"<nitf><body><p>unclosed</body></nitf>")
    items = extract_file(path.name, path.read_bytes(), path)
    with pytest.raises(ReadError, match=r"not well-formed XML \(mismatched tag: line 1"):
        list(items.items)


def test_hostile_file_is_one_failure_in_an_import(tmp_path: Path) -> None:
    from archive_app.usecases.archive import Archive

    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "laughs.xml").write_bytes(
        b'<!DOCTYPE nitf [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><nitf><body>'
        b"<body.content><p>&b;</p></body.content></body></nitf>"
    )
    (feed / "fine.xml").write_bytes(
        b"<nitf><body><body.head><hedline><hl1>A fine story</hl1></hedline></body.head>"
        b"<body.content><p>The council met on Tuesday and agreed the new budget for the "
        b"coming year.</p></body.content></body></nitf>"
    )
    archive = Archive.open(tmp_path / "library")
    try:
        report = archive.import_paths([feed])
    finally:
        archive.close()
    assert [Path(f.path).name for f in report.failed] == ["laughs.xml"]
    assert "billion-laughs" in report.failed[0].message
    assert [a.title for a in report.added] == ["A fine story"]
