"""Web archives hold more than articles: brotli-encoded responses are decoded, revisits are
other captures, and the site's own pages (home, privacy, contact, login, forum, category) and a
folder's notes (README, LICENSE, a list of addresses) are reported as "not an article"."""

from __future__ import annotations

import io

import brotli  # type: ignore[import-untyped]
import pytest
from tests.conftest import corpus_path
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from archive_app.ingest.extract import Extracted, extract_file

STORY = "https://news.example/2024/05/17/river-rises-bridge-closed"


def article(title: str = "River rises, bridge closed", head: str = "") -> bytes:
    """A small article page with nothing that says what kind of page it is."""
    text = "".join(
        f"<p>Paragraph {n}: the river rose overnight and the council closed the "
        "old bridge until engineers could inspect its piers.</p>"
        for n in range(5)
    )
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body><h1>{title}"
        f"</h1>{text}</body></html>"
    ).encode()


def warc(*records: tuple[str, bytes, list[tuple[str, str]]]) -> bytes:
    """A WARC of HTML responses: (address, payload as sent, extra HTTP headers)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, payload, headers in records:
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8"), *headers], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=http
            )
        )
    return buffer.getvalue()


def items(data: bytes, name: str = "crawl.warc.gz") -> list[Extracted]:
    return list(extract_file(name, data).items)


def chunked(data: bytes, size: int = 100) -> bytes:
    """HTTP chunked transfer coding of `data`."""
    parts = [
        b"%x\r\n%s\r\n" % (len(data[i : i + size]), data[i : i + size])
        for i in range(0, len(data), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


# --- brotli -----------------------------------------------------------------------------------


@pytest.mark.parametrize("transfer", ["plain", "chunked"])
def test_brotli_encoded_page_is_read(transfer: str) -> None:
    """Browsers ask for brotli and crawlers store what they got: such a page was refused as
    "binary data"."""
    body = brotli.compress(article())
    headers = [("Content-Encoding", "br")]
    if transfer == "chunked":
        body, headers = chunked(body), [*headers, ("Transfer-Encoding", "chunked")]
    (item,) = items(warc((STORY, body, headers)))
    assert item.failure is None and item.record is not None
    assert item.record.title == "River rises, bridge closed"
    assert len(item.record.body) == 5 and item.record.body[0].startswith("Paragraph 0:")


def test_brotli_header_on_a_page_stored_decoded() -> None:
    (item,) = items(warc((STORY, article(), [("Content-Encoding", "br")])))
    assert item.record is not None and item.record.title == "River rises, bridge closed"


def test_damaged_brotli_and_unknown_encodings_say_so() -> None:
    whole = brotli.compress(article() * 20)
    found = items(
        warc(
            (STORY, whole[: len(whole) // 2], [("Content-Encoding", "br")]),
            (STORY + "-2", b"\x28\xb5\x2f\xfd" + whole, [("Content-Encoding", "zstd")]),
            (STORY + "-3", article(), []),
        )
    )
    reasons = [item.failure for item in found]
    assert reasons[0] == (
        "the page's content cannot be decoded (its brotli-compressed content "
        "ends before its end marker)"
    )
    assert reasons[1] == (
        "the page's content cannot be decoded (its content is compressed as "
        "'zstd', which Arsip cannot decode)"
    )
    assert found[2].record is not None  # the rest of the archive is read


# --- revisits ---------------------------------------------------------------------------------


def test_revisit_of_an_image_is_not_a_page() -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_revisit_record(
            "https://news.example/logo.jpg",
            digest="sha1:AAAA",
            refers_to_uri="https://news.example/logo.jpg",
            refers_to_date="2024-01-01T00:00:00Z",
            http_headers=http,
        )
    )
    (item,) = items(buffer.getvalue(), "crawl.warc")
    assert not item.revisit
    assert item.failure == (
        "a revisit of an earlier capture of 2024-01-01T00:00:00Z that is not a page (image/jpeg)"
    )


# --- the site's own pages ---------------------------------------------------------------------


def test_real_front_pages_and_redirect_page_are_not_articles() -> None:
    """archive.org in 2008: a page that only refreshes to /index.php, then the front page (a
    table of navigation, forum posts and reviews that became "| … |" paragraphs under the
    sidebar heading "Institutional Support")."""
    path = corpus_path(
        "warc", "ukwa-webarchive-test-suite", "IAH-20080430204825-00000-blackbook-truncated.warc.gz"
    )
    found = {i.member: i for i in extract_file(path.name, path.read_bytes(), path).items}
    assert found["http://www.archive.org/"].failure == (
        "not an article: the page only sends the reader on to http://www.archive.org/index.php"
    )
    assert found["http://www.archive.org/index.php"].failure == (
        "not an article: the site's home page (http://www.archive.org/index.php)"
    )
    iana = corpus_path("warc", "warcio", "example-iana.org-chunked.warc")
    (page,) = [
        i
        for i in extract_file(iana.name, iana.read_bytes(), iana).items
        if i.member == "http://www.iana.org/"
    ]
    assert page.failure == "not an article: the site's home page (http://iana.org/)"


@pytest.mark.parametrize(
    ("url", "page", "reason"),
    [
        (
            "https://news.example/privacy-policy/",
            article("Privacy Policy"),
            "a privacy page (https://news.example/privacy-policy/)",
        ),
        (
            "https://news.example/kontak",
            article("Kontak"),
            "a contact page (https://news.example/kontak)",
        ),
        (
            "https://news.example/info",
            article("Hubungi Kami | News Example"),
            "a contact page (its title is 'Hubungi Kami | News Example')",
        ),
        (
            "https://news.example/category/politics/",
            article("Politics"),
            "a category page (https://news.example/category/politics/)",
        ),
        (
            "https://news.example/tag/banjir",
            article("Banjir"),
            "a tag page (https://news.example/tag/banjir)",
        ),
        (
            "https://news.example/?s=banjir",
            article("Search"),
            "a list or search page (https://news.example/?s=banjir)",
        ),
        (
            "https://news.example/member",
            b"<html><head><title>Member</title></head><body><form>"
            b'<input name="user"><input type="password" name="pw"><button>Masuk</button></form>'
            b"</body></html>",
            "a login page (it asks for a password)",
        ),
        (
            "https://forum.example/t/flood-help/12",
            article(
                "Flood help",
                '<meta name="generator" content="Discourse 3.2.1 - https://discourse.org">',
            ),
            "a forum page (made with Discourse 3.2.1 - https://discourse.org)",
        ),
        (
            "https://news.example/about",
            article(
                "About",
                '<script type="application/ld+json">'
                '{"@context": "https://schema.org", "@type": "AboutPage", "name": "About"}</script>',  # noqa: E501
            ),
            "an about page (its schema.org type is AboutPage)",
        ),
    ],
)
def test_site_pages_are_not_articles(url: str, page: bytes, reason: str) -> None:
    (item,) = items(warc((url, page, [])))
    assert item.record is None and item.failure == f"not an article: {reason}"


@pytest.mark.parametrize(
    "url",
    [
        STORY,
        "https://news.example/index.php?option=com_content&view=article&id=5",
        "https://news.example/?p=123",
        "https://news.example/tag/banjir-jakarta-rendam-ribuan-rumah-warga",
        "https://news.example/2024/contact-tracing-app-launched",
    ],
)
def test_articles_stay_articles(url: str) -> None:
    (item,) = items(warc((url, article(), [])))
    assert item.failure is None and item.record is not None


def test_a_page_that_calls_itself_an_article_is_one() -> None:
    """An article on a site's root address (a one-page site, a capture of the front page on
    the day it showed one story) counts when its markup says it is an article."""
    head = '<meta property="article:published_time" content="2024-05-17T08:00:00+07:00">'
    (item,) = items(warc(("https://news.example/", article(head=head), [])))
    assert item.record is not None


# --- a folder's notes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "reason"),
    [
        (
            ("warc", "ukwa-webarchive-test-suite", "README.md"),
            "a README file (notes about the folder's files)",
        ),
        (
            ("warc", "ukwa-webarchive-test-suite", "README.repo.md"),
            "a README file (notes about the folder's files)",
        ),
        (("warc", "ukwa-webarchive-test-suite", "urls.txt"), "a list of 8 web addresses"),
        (("warc", "warcio", "LICENSE.warcio"), "a licence text"),
        (
            ("en_text", "reuters21578", "README.txt"),
            "a README file (notes about the folder's files)",
        ),
        (("SOURCES.md",), "documentation in Markdown (headings, lists and code), not news text"),
    ],
)
def test_folder_notes_are_not_articles(parts: tuple[str, ...], reason: str) -> None:
    path = corpus_path(*parts)
    (item,) = extract_file(path.name, path.read_bytes(), path).items
    assert item.record is None and item.failure == f"not an article: {reason}"


def test_a_licence_under_another_name_and_a_markdown_article() -> None:
    mit = corpus_path("html_truth", "fundus", "LICENSE.fundus").read_bytes()
    (item,) = extract_file("terms.txt", mit).items
    assert item.failure == "not an article: a licence text"
    clipped = (
        "# River rises, bridge closed\n\nJakarta, 17 May 2024 - The river rose overnight "
        "and the council closed the bridge.\n\nEngineers will inspect its piers.\n"
    )
    (story,) = extract_file("river.md", clipped.encode()).items
    assert story.record is not None and story.failure is None
