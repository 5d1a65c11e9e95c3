"""The web-archive reader on archives built here: photos from the archive, capture URL and
time, every kind of record that is not a page, and archives cut or damaged mid-record."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.conftest import corpus_path
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from archive_app.domain.errors import ReadError
from archive_app.ingest.context import ReadContext
from archive_app.ingest.extract import extract_file
from archive_app.ingest.raw import RawArticle, RawFailure, RawPhoto
from archive_app.ingest.readers import html_page
from archive_app.ingest.readers.web_archive import read_web_archive
from archive_app.ingest.webarchive.resolver import url_key

PAGE_URL = "https://news.example/2024/floods"


class WarcFile:
    """A WARC being written: responses, revisits and raw records, compressed or not."""

    def __init__(self, gzip: bool = False) -> None:
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=gzip)

    def response(
        self,
        url: str,
        body: bytes,
        content_type: str,
        status: str = "200 OK",
        headers: tuple[tuple[str, str], ...] = (),
    ) -> None:
        http = StatusAndHeaders(
            status, [("Content-Type", content_type), *headers], protocol="HTTP/1.1"
        )
        self.writer.write_record(
            self.writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http
            )
        )

    def revisit(self, url: str) -> None:
        self.writer.write_record(
            self.writer.create_revisit_record(
                url, digest="sha1:AAAA", refers_to_uri=url, refers_to_date="2024-01-01T00:00:00Z"
            )
        )

    def data(self) -> bytes:
        return self.buffer.getvalue()


def page(title: str, image: str = "", paragraphs: int = 3) -> bytes:
    """A small article page, with a captioned figure when `image` names one."""
    figure = (
        (
            f'<figure><img src="{image}"><figcaption>A dog waits by the closed road. '
            f"(Photo: Jane Reporter/News Example)</figcaption></figure>"
        )
        if image
        else ""
    )
    body = "".join(
        f"<p>Paragraph {n} of the story: heavy rain closed the coast road on Tuesday and the "
        f"crews said it would stay shut for days while they cleared the mud.</p>"
        for n in range(1, paragraphs + 1)
    )
    return (
        f'<!doctype html><html lang="en"><head><title>{title}</title></head><body><article>'
        f"<h1>{title}</h1>{figure}{body}</article></body></html>"
    ).encode()


@pytest.fixture
def jpeg() -> bytes:
    return corpus_path("photos", "exifr", "Bush-dog.jpg").read_bytes()


PageReader = Callable[[bytes, ReadContext], Iterator[RawArticle | RawFailure]]


def _stub_reader(refs: list[str], columns: dict[str, str] | None = None) -> PageReader:
    """A page reader standing in for read_html: it asks the context for each reference."""

    def read(data: bytes, context: ReadContext) -> Iterator[RawArticle | RawFailure]:
        photos = [RawPhoto(caption=ref, data=context.resolve(ref)) for ref in refs]
        yield RawArticle("file", "Some text of the page.", dict(columns or {}), photos=photos)

    return read


def _split(found: list[RawArticle | RawFailure]) -> tuple[list[RawArticle], dict[str, str]]:
    return (
        [a for a in found if isinstance(a, RawArticle)],
        {f.locator: f.reason for f in found if isinstance(f, RawFailure)},
    )


def test_page_photos_come_from_the_archive(jpeg: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    warc = WarcFile(gzip=True)
    warc.response(PAGE_URL, page("Floods"), "text/html; charset=utf-8")
    warc.response("https://news.example/media/dog.jpg", jpeg, "image/jpeg")
    warc.response("https://news.example/2024/small.png", b"\x89PNG\r\n\x1a\nxx", "image/png")
    warc.response(
        "https://cdn.example/moved.jpg",
        b"",
        "text/html",
        "301 Moved Permanently",
        (("Location", "https://news.example/media/dog.jpg"),),
    )
    refs = [
        "https://news.example/media/dog.jpg",
        "/media/dog.jpg",
        "small.png",
        "//cdn.example/moved.jpg",
        "https://elsewhere.example/never.jpg",
        "data:image/png;x",
    ]
    monkeypatch.setattr(html_page, "read_html", _stub_reader(refs))
    articles, reasons = _split(list(read_web_archive(warc.data())))
    data = [p.data for p in articles[0].photos]
    # absolute, root-relative, relative, and through a redirect captured in the archive
    assert data[:4] == [jpeg, jpeg, b"\x89PNG\r\n\x1a\nxx", jpeg]
    assert data[4:] == [None, None]  # never fetched from the network
    assert "record 2" not in reasons and "record 3" not in reasons  # used: not reported
    assert reasons["record 4"] == "a redirect to https://news.example/media/dog.jpg, not a page"


def test_real_page_reader_gets_its_photo(jpeg: bytes) -> None:
    warc = WarcFile()
    warc.response(PAGE_URL, page("Floods close the coast road", "/media/dog.jpg"), "text/html")
    warc.response("https://news.example/media/dog.jpg", jpeg, "image/jpeg")
    items = list(extract_file("crawl.warc", warc.data()).items)
    assert len(items) == 1
    item = items[0]
    assert item.record is not None and item.locator == "record 1" and item.member == PAGE_URL
    assert item.record.url == PAGE_URL
    assert item.record.published is None  # the page gives no date; the crawl date is not one
    assert item.record.photos[0].caption == "A dog waits by the closed road."
    assert item.photo_data[0] == jpeg


def test_canonical_url_is_kept_capture_url_fills_in(monkeypatch: pytest.MonkeyPatch) -> None:
    warc = WarcFile()
    warc.response(PAGE_URL + "?utm=x", b"<html>page</html>", "text/html")
    warc.response(PAGE_URL + "/2", b"<html>page</html>", "text/html")
    canonical = {"url": PAGE_URL, "title": "Floods"}
    monkeypatch.setattr(html_page, "read_html", _stub_reader([], canonical))
    first, second = _split(list(read_web_archive(warc.data())))[0]
    assert first.columns["url"] == PAGE_URL and first.member == PAGE_URL + "?utm=x"
    assert first.columns["captured"].endswith("Z")
    monkeypatch.setattr(html_page, "read_html", _stub_reader([]))
    only = _split(list(read_web_archive(warc.data())))[0]
    assert [a.columns["url"] for a in only] == [PAGE_URL + "?utm=x", PAGE_URL + "/2"]
    assert second.locator == "record 2"


def test_records_that_are_not_pages_are_reported(jpeg: bytes) -> None:
    warc = WarcFile()
    warc.response(PAGE_URL, page("Floods"), "text/html")
    warc.revisit(PAGE_URL)
    warc.response("https://news.example/gone", b"<html>404</html>", "text/html", "404 Not Found")
    warc.response("https://news.example/feed.json", b"{}", "application/json")
    warc.response("https://news.example/logo.jpg", jpeg, "image/jpeg")
    found = list(read_web_archive(warc.data()))
    articles, reasons = _split(found)
    assert [(a.locator, a.revisit) for a in articles] == [("record 1", False), ("record 2", True)]
    assert reasons["record 3"] == "an HTTP 404 response, not a page (Not Found)"
    assert reasons["record 4"] == "not a web page (application/json)"
    assert reasons["record 5"] == (
        "an image (image/jpeg) that no imported page shows; not imported on its own"
    )
    members = {f.locator: f.member for f in found if isinstance(f, RawFailure)}
    assert members["record 3"] == "https://news.example/gone"


def _three_pages(gzip: bool) -> bytes:
    warc = WarcFile(gzip=gzip)
    for number in (1, 2, 3):
        warc.response(
            f"https://news.example/story-{number}",
            page(f"Story {number}", paragraphs=12),
            "text/html",
        )
    return warc.data()


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_archive_cut_in_the_middle_of_a_record(tmp_path: Path, gzip: bool) -> None:
    """The records before the cut import; the cut one is reported, naming its URL."""
    data = _three_pages(gzip)
    name = "cut.warc.gz" if gzip else "cut.warc"
    (tmp_path / name).write_bytes(data[: len(data) * 5 // 6])
    path = tmp_path / name
    items = list(extract_file(path.name, path.read_bytes(), path).items)
    imported = [i.member for i in items if i.record is not None]
    failed = [(i.locator, i.member, i.failure) for i in items if i.record is None]
    assert imported == ["https://news.example/story-1", "https://news.example/story-2"]
    assert len(failed) == 1
    locator, member, reason = failed[0]
    assert locator == "record 3" and member == "https://news.example/story-3"
    assert reason is not None and reason.startswith("truncated record")


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_every_cut_point_keeps_the_records_before_it(gzip: bool) -> None:
    """Wherever the archive is cut, the whole records before the cut import and the cut one
    is reported: nothing is lost without a line in the report."""
    data = _three_pages(gzip)
    members = [f"https://news.example/story-{n}" for n in (1, 2, 3)]
    for cut in range(len(data) - 1, 100, -37):
        articles, reasons = _split(list(read_web_archive(data[:cut])))
        kept = [a.member for a in articles]
        assert kept == members[: len(kept)], cut
        if len(kept) < 3:
            assert f"record {len(kept) + 1}" in reasons, (cut, reasons)


def test_damaged_record_in_the_middle_is_skipped() -> None:
    data = _three_pages(False)
    second = data.index(b"WARC/1.0", data.index(b"story-1"))
    damaged = data[:second] + b"GARBAGE NOT A RECORD\r\n" + data[second + 8 :]
    articles, reasons = _split(list(read_web_archive(damaged)))
    assert [a.member for a in articles] == [
        "https://news.example/story-1",
        "https://news.example/story-3",
    ]
    assert len(reasons) == 1
    reason = next(iter(reasons.values()))
    assert reason.startswith("malformed record at byte") and "resumes" in reason


def test_a_page_reader_error_does_not_end_the_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def fussy(data: bytes, context: ReadContext) -> Iterator[RawArticle | RawFailure]:
        calls.append(context.member or "")
        if len(calls) == 1:
            raise ReadError("not an article: the page is a list of 20 article links")
        if len(calls) == 2:
            raise ValueError("a bug in a page reader")
        yield RawArticle("file", "Text.", {})

    monkeypatch.setattr(html_page, "read_html", fussy)
    articles, reasons = _split(list(read_web_archive(_three_pages(True))))
    assert [a.locator for a in articles] == ["record 3"]
    assert reasons["record 1"] == "not an article: the page is a list of 20 article links"
    assert reasons["record 2"] == (
        "the page could not be read (ValueError: a bug in a page reader)"
    )
    assert calls == [f"https://news.example/story-{n}" for n in (1, 2, 3)]


def test_empty_archive_is_reported() -> None:
    found = list(
        read_web_archive(b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
    )
    assert [(f.locator, f.reason) for f in found if isinstance(f, RawFailure)] == [
        (
            "file",
            "the web archive holds no captured pages or images "
            "(1 records of crawler bookkeeping only)",
        )
    ]


def test_url_keys() -> None:
    assert url_key("HTTP://News.Example:80/a b#frag") == "http://news.example/a%20b"
    assert url_key("https://news.example:8443/x?q=1") == "https://news.example:8443/x?q=1"
    assert url_key("https://news.example") == "https://news.example/"


def test_archive_in_a_zip_keeps_both_addresses(jpeg: bytes) -> None:
    import zipfile

    warc = WarcFile(gzip=True)
    warc.response(PAGE_URL, page("Floods close the coast road", "/media/dog.jpg"), "text/html")
    warc.response("https://news.example/media/dog.jpg", jpeg, "image/jpeg")
    warc.response("https://news.example/feed.json", b"{}", "application/json")
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("crawls/site.warc.gz", warc.data())
    items = list(extract_file("crawls.zip", bundle.getvalue()).items)
    assert [(i.member, i.locator, i.record is not None) for i in items] == [
        (f"crawls/site.warc.gz/{PAGE_URL}", "record 1", True),
        ("crawls/site.warc.gz/https://news.example/feed.json", "record 3", False),
    ]
    assert items[0].photo_data == [jpeg]
