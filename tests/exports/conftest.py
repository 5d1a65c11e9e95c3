"""A small library for the export tests: the jpnn seed, a press photo and two CSV rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.domain.model import ArticleDetail
from archive_app.usecases.archive import Archive

# a headline full of what breaks exports: a formula, quotes, markup, TeX's specials
HOSTILE_TITLE = '=HYPERLINK("http://evil") "Quoted" & <b>bold</b> {braces} 50% $x_y #1 ~^\\ end'
ROWS = (
    "title,date,content,url,author,editor,photographer,caption,credit,keywords\n"
    '"' + HOSTILE_TITLE.replace('"', '""') + '",2023-02-03 10:15,"First paragraph of the row '
    'article.\n\nSecond paragraph.",https://example.com/news/row-1,Budi Santoso,Siti Aminah,'
    'Agus Salim,A caption for the row,Antara,"banjir, Jakarta"\n'
    'Second Row Story,2023-02-04,"Another body text that is long enough to count as an '
    'article, with some words.",,Ana María Pérez,,,,,\n'
)


@pytest.fixture(scope="session")
def export_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The library (read it only; copy it to change it)."""
    seed = corpus_path("seed", "jpnn-world-water-forum-2024.txt")
    photo = corpus_path("photos", "exifr", "Bush-dog.jpg")
    folder = tmp_path_factory.mktemp("exports")
    rows = folder / "rows.csv"
    rows.write_text(ROWS, encoding="utf-8")
    root = folder / "library"
    with Archive.open(root) as archive:
        report = archive.import_paths([seed, photo, rows])
    assert len(report.added) == 4 and not report.failed, report
    return root


@pytest.fixture
def export_archive(export_library: Path) -> Iterator[Archive]:
    opened = Archive.open(export_library, readonly=True)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="session")
def details(export_library: Path) -> dict[str, ArticleDetail]:
    """The four articles by a short name: seed, photo, row, plain."""
    with Archive.open(export_library, readonly=True) as archive:
        found = list(archive.articles(archive.article_ids("added")[::-1]))
    by_title = {d.record.title: d for d in found}
    return {
        "seed": by_title["Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian"],
        "photo": by_title["BUSH"],
        "row": by_title[HOSTILE_TITLE],
        "plain": by_title["Second Row Story"],
    }


@pytest.fixture(scope="session")
def imported_on(details: dict[str, ArticleDetail]) -> str:
    """The seed's import day, which is its "accessed" date."""
    source = details["seed"].source
    assert source is not None
    return source.imported_at[:10]
