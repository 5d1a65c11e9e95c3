"""The HTML folder: a page per article with photos and citations, indexes, nothing remote."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from tests.exports.conftest import HOSTILE_TITLE

from archive_app.domain.model import ArticleDetail, Photo
from archive_app.exports.html_folder import write_html_folder
from archive_app.exports.html_pages import esc

html5lib = pytest.importorskip("html5lib", reason="checking the pages are HTML5 needs html5lib")
_REFS = re.compile(r'(?:src|href)="([^"]*)"')


@pytest.fixture(scope="module")
def folder(
    details: dict[str, ArticleDetail],
    export_library: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    out = tmp_path_factory.mktemp("html")
    problems: list[str] = []
    assert write_html_folder(out, details.values(), export_library, problems) == 4
    assert problems == []
    return out


def _page(folder: Path, detail: ArticleDetail) -> str:
    return (folder / f"article-{detail.id}.html").read_text(encoding="utf-8")


def test_every_page_is_html5_and_needs_nothing_from_outside(folder: Path) -> None:
    pages = sorted(folder.glob("*.html"))
    assert {p.name for p in pages} >= {
        "index.html",
        "index-oldest.html",
        "index-title.html",
        "index-site.html",
    }
    assert len(pages) == 8
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>")
        html5lib.HTMLParser(strict=True).parse(text)  # raises on any HTML5 parse error
        assert "<script" not in text and "<link" not in text and "@import" not in text
        for ref in _REFS.findall(text):
            if ref.startswith(("http://", "https://")):
                # the web only as a link to follow, never something the page loads
                assert f'src="{ref}"' not in text
            else:
                assert (folder / ref).is_file(), f"{page.name} links to missing {ref}"


def test_the_seed_page(folder: Path, details: dict[str, ArticleDetail]) -> None:
    text = _page(folder, details["seed"])
    assert "<h1>Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian</h1>" in text
    assert '<time datetime="2024-05-17T03:50:00+07:00">' in text
    assert "JPNN.com · Bali" in text
    assert "Editor: Yessy Artada · Reporter: Yessy Artada" in text
    assert '<span class="credit">Photo: dok Kominfo</span>' in text
    assert "The photo itself was not archived." in text  # captioned, but no file to show
    assert "<li>Kominfo Beri Penghargaan kepada 36 Mitra Terbaik Newsroom</li>" in text
    assert (
        "<dd>Artada, Y. (2024, May 17). Gaungkan World Water Forum 2024, Kominfo Gandeng "
        "Humas Kementerian. <i>JPNN.com</i>.</dd>" in text
    )
    assert '<article lang="id">' in text
    assert all(f"<p>{p}</p>" in text for p in details["seed"].record.body if '"' not in p)


def test_the_photo_is_copied_with_its_caption_and_credit(
    folder: Path, details: dict[str, ArticleDetail], export_library: Path
) -> None:
    photo = details["photo"].record.photos[0]
    assert photo.media_path is not None
    copied = folder / "media" / Path(photo.media_path).name
    assert copied.read_bytes() == (export_library / photo.media_path).read_bytes()
    text = _page(folder, details["photo"])
    assert f'<img src="media/{copied.name}" alt="President Bush, along with' in text
    assert "(AP Photo/Duane A. Laverty)" in text and "Photo: AP</span>" in text


def test_text_is_escaped(folder: Path, details: dict[str, ArticleDetail]) -> None:
    text = _page(folder, details["row"])
    assert "<b>bold</b>" not in text
    assert "&lt;b&gt;bold&lt;/b&gt;" in text and "&quot;Quoted&quot;" in text
    assert HOSTILE_TITLE not in text
    assert '<a href="https://example.com/news/row-1">' in text


def test_the_index_sorts_by_date_and_shows_site_and_people(
    folder: Path, details: dict[str, ArticleDetail]
) -> None:
    def order(name: str) -> list[str]:
        return re.findall(
            r'<td><a href="(article-\d+\.html)">', (folder / name).read_text(encoding="utf-8")
        )

    page = {k: f"article-{d.id}.html" for k, d in details.items()}
    assert order("index.html") == [page["seed"], page["plain"], page["row"], page["photo"]]
    assert order("index-oldest.html") == [page["photo"], page["row"], page["plain"], page["seed"]]
    assert order("index-title.html")[0] == page["row"]  # "=HYPERLINK..." sorts first
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert "<td>JPNN.com</td><td>Yessy Artada (editor, reporter)</td>" in index
    assert "Arsip export: 4 articles" in index
    assert '<th><a href="index-oldest.html">Date</a></th>' in index


def test_a_photo_missing_from_the_library_is_reported(
    details: dict[str, ArticleDetail], tmp_path: Path
) -> None:
    gone = Photo(caption="Lost", credit="X", media_path="media/00/nothing.jpg")
    escaping = Photo(caption="Out", credit="Y", media_path="../../etc/passwd")
    record = dataclasses.replace(details["plain"].record, photos=[gone, escaping])
    detail = dataclasses.replace(details["plain"], record=record)
    problems: list[str] = []
    write_html_folder(tmp_path, [detail], tmp_path / "library", problems)
    assert len(problems) == 2 and "media/00/nothing.jpg is missing" in problems[0]
    assert not (tmp_path / "media").exists()


def test_a_photo_placed_in_the_text_stands_after_its_paragraph(
    details: dict[str, ArticleDetail], tmp_path: Path
) -> None:
    lead = Photo(caption="Lead picture", credit="X")
    inline = Photo(caption="Inline picture", credit="Y", paragraph=0)
    unplaced = Photo(caption="Unplaced picture", credit="Z")
    record = dataclasses.replace(details["seed"].record, photos=[lead, inline, unplaced])
    detail = dataclasses.replace(details["seed"], record=record)
    write_html_folder(tmp_path, [detail], tmp_path / "library", [])
    text = _page(tmp_path, detail)
    first, second = (f"<p>{esc(p)}</p>" for p in record.body[:2])
    order = [
        text.index(s) for s in ("Lead picture", "Unplaced picture", first, "Inline picture", second)
    ]
    assert order == sorted(order)
