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
def test_page_and_revisit(name: str) -> None:
    found = _read("warcio", name)
    pages = _pages(found)
    assert list(pages) == ["record 3"]
    article = pages["record 3"]
    assert article.member == "http://example.com/"
    assert article.columns["url"] == "http://example.com/"
    assert article.columns["captured"] == "2017-03-06T04:02:06Z"
    assert "date" not in article.columns  # the crawl is never taken for the publication
    assert _reasons(found)["record 5"].startswith("a revisit record")


def test_every_failure_names_its_record_and_uri() -> None:
    found = _read("ukwa-webarchive-test-suite", "IAH-urls-wget.warc.gz")
    failures = [f for f in found if isinstance(f, RawFailure)]
    assert failures and all(f.locator.startswith("record ") and f.member for f in failures)
    reasons = Counter(f.reason.split(" ")[1] for f in failures)
    assert reasons["redirect"] == 9  # wget followed www.archive.org -> archive.org
    assert {a.columns["url"] for a in _pages(found).values()} == {"https://archive.org/"}


@pytest.mark.parametrize("name", [
    "IAH-20080430204825-00000-blackbook-truncated.arc",
    "IAH-20080430204825-00000-blackbook-truncated.arc.gz",
    "IAH-20080430204825-00000-blackbook-truncated.warc",
    "IAH-20080430204825-00000-blackbook-truncated.warc.gz",
])
def test_heritrix_arc_and_warc_read_alike(name: str) -> None:
    """The 2008 Heritrix crawl as ARC and WARC, plain and gzipped: the same pages, the same
    report lines (the record numbers differ: a WARC also holds requests and metadata)."""
    found = _read("ukwa-webarchive-test-suite", name)
    pages = _pages(found)
    assert sorted(a.member or "" for a in pages.values()) == [
        "http://www.archive.org/", "http://www.archive.org/index.php"]
    assert all(a.columns["captured"].startswith("2008-04-30T20:48:2") for a in pages.values())
    reasons = sorted((f.member or "", f.reason) for f in found if isinstance(f, RawFailure))
    assert reasons[0] == ("http://www.archive.org/images/go-button-gateway.gif",
                          "an image (image/gif) that no imported page shows; "
                          "not imported on its own")
    assert ("http://www.archive.org/robots.txt", "not a web page (text/plain)") in reasons
    assert len(reasons) == 5


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


@pytest.mark.parametrize("name", ["example-bad-non-chunked.warc.gz", "example-wrong-chunks.warc.gz",
                                  "example-bad.warc.gz.bad"])
def test_gzip_not_split_by_record_still_reads(name: str) -> None:
    """One gzip stream for the whole file, or gzip members cut across records: warcio refuses
    to read on; Arsip reads the decompressed archive instead."""
    pages = _pages(_read("warcio", name))
    assert len(pages) == 1
    assert next(iter(pages.values())).columns["url"].startswith("http://example.com")


def test_archive_of_requests_only_says_so() -> None:
    assert _reasons(_read("warcio", "example-digest.warc")) == {
        "file": "the web archive holds no captured pages or images "
                "(4 records of crawler bookkeeping only)"}


def test_other_media_are_reported() -> None:
    reasons = _reasons(_read("warcio", "post-test.warc.gz"))
    assert set(reasons.values()) == {"not a web page (application/json)"}
    assert list(reasons) == ["record 1", "record 3", "record 5"]


def test_whole_corpus_through_extract() -> None:
    """Every web archive of the corpus opens; every item is a record or names its reason."""
    folder = corpus_path("warc")
    archives = [p for p in sorted(folder.rglob("*"))
                if p.is_file() and not p.name.startswith(("LICENSE", "README"))
                and p.suffix not in (".md", ".txt")]
    assert len(archives) == 21
    added = 0
    for path in archives:
        extracted = extract_file(path.name, path.read_bytes(), path)
        assert extracted.format.startswith("warc")
        for item in extracted.items:
            assert item.record is not None or (item.failure and len(item.failure) > 15), (
                path.name, item.locator)
            if item.record is not None:
                added += 1
                assert item.member and item.record.url
    assert added >= 15
