"""CSV: chosen columns, one row per article, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from tests.exports.conftest import HOSTILE_TITLE

from archive_app.domain.errors import ExportError
from archive_app.domain.model import ArticleDetail
from archive_app.exports.csv_table import COLUMNS, DEFAULT_COLUMNS, safe_cell, write_csv
from archive_app.usecases.archive import Archive


def _rows(
    details: list[ArticleDetail], columns: tuple[str, ...] = DEFAULT_COLUMNS, bom: bool = False
) -> tuple[str, list[dict[str, str]]]:
    stream = io.StringIO(newline="")
    assert write_csv(stream, details, columns, bom=bom) == len(details)
    text = stream.getvalue()
    return text, list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def test_default_columns_for_the_seed(details: dict[str, ArticleDetail]) -> None:
    text, (row,) = _rows([details["seed"]])
    assert text.splitlines()[0] == ",".join(DEFAULT_COLUMNS)
    assert text.endswith("\r\n")  # RFC 4180 line ends
    assert row["title"] == "Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian"
    assert row["published"] == "2024-05-17T03:50:00+07:00"
    assert row["site"] == "jpnn.com" and row["dateline_place"] == "Bali"
    assert row["people"] == "Yessy Artada (editor); Yessy Artada (reporter)"
    assert row["url"] == ""  # the seed has none: an empty cell, not "None"
    assert row["id"] == str(details["seed"].id)


def test_chosen_columns_in_the_order_given(details: dict[str, ArticleDetail]) -> None:
    columns = (
        "url",
        "title",
        "publication",
        "authors",
        "editors",
        "photographers",
        "captions",
        "keywords",
        "body",
        "apa",
    )
    _, (row,) = _rows([details["row"]], columns)
    assert list(row) == list(columns)
    assert row["publication"] == "example.com" and row["url"] == "https://example.com/news/row-1"
    assert (row["authors"], row["editors"], row["photographers"]) == (
        "Budi Santoso",
        "Siti Aminah",
        "Agus Salim",
    )
    assert row["captions"] == "A caption for the row — Antara"
    assert row["keywords"] == "banjir; Jakarta"
    assert row["body"] == "First paragraph of the row article.\n\nSecond paragraph."
    assert row["apa"].startswith("Santoso, B. (2023, February 3).")


def test_every_column_has_a_value_for_every_article(details: dict[str, ArticleDetail]) -> None:
    _, rows = _rows(list(details.values()), tuple(COLUMNS))
    assert len(rows) == 4 and all(set(r) == set(COLUMNS) for r in rows)


def test_formulas_are_escaped(details: dict[str, ArticleDetail]) -> None:
    _, (row,) = _rows([details["row"]], ("title",))
    assert row["title"] == "'" + HOSTILE_TITLE
    for cell in ("=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"):
        assert safe_cell(cell) == "'" + cell
    assert safe_cell("Jakarta - banjir") == "Jakarta - banjir"
    assert safe_cell(None) == ""


def test_bom_only_when_asked(details: dict[str, ArticleDetail]) -> None:
    with_bom, _ = _rows([details["seed"]], bom=True)
    without, _ = _rows([details["seed"]])
    assert with_bom.startswith("\ufeffid,") and without.startswith("id,")


def test_unknown_columns_are_refused_with_the_list() -> None:
    with pytest.raises(ExportError, match="unknown CSV column colour; choose from id, title"):
        write_csv(io.StringIO(), [], ("title", "colour"))


def test_an_export_imports_again(details: dict[str, ArticleDetail], tmp_path: Path) -> None:
    """The header names are ones Arsip's own table reader knows."""
    path = tmp_path / "again.csv"
    with open(path, "w", encoding="utf-8", newline="") as stream:
        write_csv(
            stream, [details["seed"]], ("title", "published", "site", "url", "body"), bom=True
        )
    with Archive.open(tmp_path / "lib") as archive:
        report = archive.import_paths([path])
        (item,) = report.added
        again = archive.article(item.article_id or 0)
    assert again.record.title == details["seed"].record.title
    assert again.record.published == "2024-05-17T03:50:00+07:00"
    assert again.record.body[0] == details["seed"].record.body[0]
