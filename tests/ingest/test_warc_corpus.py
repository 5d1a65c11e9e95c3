"""Web archives from ../shared/corpus/warc: every record is an article or a report line."""

from __future__ import annotations

from collections import Counter

import pytest
from tests.conftest import corpus_path

from archive_app.ingest.detect import detect
from archive_app.ingest.extract import extract_file
from archive_app.ingest.raw import RawArticle, RawFailure
from archive_app.ingest.readers.web_archive import read_web_archive


def _read(*parts: str) -> list[RawArticle | RawFailure]:
    path = corpus_path("warc", *parts)
    detected = detect(path.name, path.read_bytes())
    assert detected.format == "warc"
    return list(read_web_archive(detected.payload))


def _reasons(found: list[RawArticle | RawFailure]) -> dict[str, str]:
    return {f.locator: f.reason for f in found if isinstance(f, RawFailure)}


def _pages(found: list[RawArticle | RawFailure]) -> dict[str, RawArticle]:
    return {a.locator: a for a in found if isinstance(a, RawArticle)}


@pytest.mark.parametrize("name", ["example.warc", "example.warc.gz"])
def test_home_page_refused_and_revisit_handed_on(name: str) -> None:
    """example.com's page is read through the page reader and reported for what it is, the
    site's home page; the later revisit of the same address is another capture of it."""
    found = _read("warcio", name)
    home = next(f for f in found if isinstance(f, RawFailure) and f.locator == "record 3")
    assert home.member == "http://example.com/"
    assert home.reason == "not an article: the site's home page (http://example.com/)"
    revisit = _pages(found)["record 5"]
    assert revisit.revisit and revisit.text == "" and revisit.member == "http://example.com/"
    # the revisit's own time, not the earlier capture it refers to (04:02:06)
    assert revisit.columns == {"url": "http://example.com/", "captured": "2017-03-06T04:03:48Z"}


def test_revisit_reaches_the_importer_as_another_capture() -> None:
    path = corpus_path("warc", "warcio", "example.warc.gz")
    items = list(extract_file(path.name, path.read_bytes(), path).items)
    revisits = [item for item in items if item.revisit]
    assert [(i.locator, i.record.url, i.record.captured) for i in revisits if i.record] == [
        ("record 5", "http://example.com/", "2017-03-06T04:03:48Z")
    ]


def test_every_failure_names_its_record_and_uri() -> None:
    found = _read("ukwa-webarchive-test-suite", "IAH-urls-wget.warc.gz")
    failures = [f for f in found if isinstance(f, RawFailure)]
    assert failures and all(f.locator.startswith("record ") and f.member for f in failures)
    reasons = Counter(f.reason.split(" ")[1] for f in failures)
    assert reasons["redirect"] == 9  # wget followed www.archive.org -> archive.org
    # the archive's two captures of the archive.org front page are the site's home page
    assert not _pages(found)
    assert [f.reason for f in failures if f.reason.startswith("not an article")] == [
        "not an article: the site's home page (https://archive.org/)"
    ] * 2


@pytest.mark.parametrize(
    "name",
    [
        "IAH-20080430204825-00000-blackbook-truncated.arc",
        "IAH-20080430204825-00000-blackbook-truncated.arc.gz",
        "IAH-20080430204825-00000-blackbook-truncated.warc",
        "IAH-20080430204825-00000-blackbook-truncated.warc.gz",
    ],
)
def test_heritrix_arc_and_warc_read_alike(name: str) -> None:
    """The 2008 Heritrix crawl as ARC and WARC, plain and gzipped: the same report lines (the
    record numbers differ: a WARC also holds requests and metadata). Its two pages are the
    site's: a page that only refreshes to the front page, and the front page itself (a table
    of links, forum posts and reviews)."""
    found = _read("ukwa-webarchive-test-suite", name)
    assert not _pages(found)
    reasons = sorted((f.member or "", f.reason) for f in found if isinstance(f, RawFailure))
    assert reasons[0] == (
        "http://www.archive.org/",
        "not an article: the page only sends the reader on to http://www.archive.org/index.php",
    )
    assert reasons[1] == (
        "http://www.archive.org/images/go-button-gateway.gif",
        "an image (image/gif) that no imported page shows; not imported on its own",
    )
    assert (
        "http://www.archive.org/index.php",
        "not an article: the site's home page (http://www.archive.org/index.php)",
    ) in reasons
    assert ("http://www.archive.org/robots.txt", "not a web page (text/plain)") in reasons
    assert len(reasons) == 7


def test_truncated_record() -> None:
    reasons = _reasons(_read("warcio", "example-trunc.warc"))
    assert list(reasons) == ["record 3"]
    assert reasons["record 3"].startswith("truncated or damaged record")


def test_malformed_arc_records() -> None:
    reasons = _reasons(_read("warcio", "bad.arc"))
    assert reasons == {
        "record 2": "malformed record: its length field '-1' is not a byte count",
        "record 3": "malformed record: no HTTP response in it",
        "record 4": "malformed record: its length field 'abc' is not a byte count",
    }


@pytest.mark.parametrize(
    "name",
    ["example-bad-non-chunked.warc.gz", "example-wrong-chunks.warc.gz", "example-bad.warc.gz.bad"],
)
def test_gzip_not_split_by_record_still_reads(name: str) -> None:
    """One gzip stream for the whole file, or gzip members cut across records: warcio refuses
    to read on; Arsip reads the decompressed archive instead."""
    found = _read("warcio", name)
    # the one page is read whole: the page reader sees what it is (example.com's front page)
    homes = [
        f.reason
        for f in found
        if isinstance(f, RawFailure) and f.reason.startswith("not an article: the site's home page")
    ]
    assert len(homes) == 1 and "(http://example.com" in homes[0]


def test_archive_of_requests_only_says_so() -> None:
    assert _reasons(_read("warcio", "example-digest.warc")) == {
        "file": "the web archive holds no captured pages or images "
        "(4 records of crawler bookkeeping only)"
    }


def test_other_media_are_reported() -> None:
    reasons = _reasons(_read("warcio", "post-test.warc.gz"))
    assert set(reasons.values()) == {"not a web page (application/json)"}
    assert list(reasons) == ["record 1", "record 3", "record 5"]


def test_whole_corpus_through_extract() -> None:
    """Every web archive of the corpus opens; every item is a record or names its reason."""
    folder = corpus_path("warc")
    archives = [
        p
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not p.name.startswith(("LICENSE", "README"))
        and p.suffix not in (".md", ".txt")
    ]
    assert len(archives) == 21
    pages = 0
    for path in archives:
        extracted = extract_file(path.name, path.read_bytes(), path)
        assert extracted.format.startswith("warc")
        for item in extracted.items:
            assert item.record is not None or (item.failure and len(item.failure) > 15), (
                path.name,
                item.locator,
            )
            if item.record is not None:
                assert item.revisit and item.member and item.record.url
            # every captured page went through the page reader, which said what it is
            pages += item.record is not None or (item.failure or "").startswith("not an article")
    assert pages >= 15
