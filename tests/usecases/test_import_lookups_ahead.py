"""An import looks up its next articles' URLs and texts a window at a time (db/known_articles):
the same report as one look-up per article, in a few statements instead of two per article."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import event

from archive_app.db import known_articles
from archive_app.usecases.archive import Archive


def _table(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["judul", "isi_berita", "url"])
        writer.writerows(rows)
    return path


def _mixed_rows() -> list[tuple[str, str, str]]:
    """250 rows (three windows of 100): new articles, a URL met again with the same text (a
    duplicate) and with another text (a new version), in the same window and in a later one,
    and a text met again under another URL (a duplicate)."""
    rows = [(f"Kiriman nomor{n}", f"Banjir di desa {n}.", f"https://e.com/{n}") for n in range(200)]
    rows[20] = rows[10]  # same URL and text, same window
    rows[150] = rows[30]  # same URL and text, a later window
    rows[40] = ("Kiriman nomor5 lagi", "Banjir di desa 5, kini surut.", "https://e.com/5")
    rows[160] = ("Kiriman nomor7 lagi", "Banjir di desa 7, kini surut.", "https://e.com/7")
    rows[60] = ("Kiriman nomor50", "Banjir di desa 50.", "https://other.org/50")  # row 50's
    rows[170] = ("Kiriman nomor90", "Banjir di desa 90.", "https://other.org/90")  # row 90's
    rows += [(f"Susulan {n}", f"Longsor di bukit {n}.", f"https://f.com/{n}") for n in range(50)]
    return rows


Items = list[tuple[str, int | None, str, str]]


def _report(library: Path, table: Path) -> tuple[Items, Items, Items]:
    """What an import of `table` reported (added, updated, duplicates: where, article, title,
    message); a second import of it reports every row a duplicate."""
    with Archive.open(library) as archive:
        report = archive.import_paths([table])
        again = archive.import_paths([table])
    assert not again.added and not again.updated  # a file imported twice adds nothing
    assert len(again.duplicates) == 250
    return tuple(  # type: ignore[return-value]
        sorted((i.locator, i.article_id, i.title, i.message) for i in items)
        for items in (report.added, report.updated, report.duplicates)
    )


def test_an_import_reports_the_same_with_look_ups_a_window_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = _table(tmp_path / "mixed.csv", _mixed_rows())
    windowed = _report(tmp_path / "windowed", table)
    monkeypatch.setattr(known_articles, "WINDOW", 1)  # each article looked up on its own
    one_by_one = _report(tmp_path / "one-by-one", table)
    assert windowed == one_by_one
    added, updated, duplicates = windowed
    assert (len(added), len(updated), len(duplicates)) == (250 - 6, 2, 4)
    assert {i[0] for i in duplicates} == {"row 21", "row 151", "row 61", "row 171"}


def test_an_import_asks_the_catalogue_once_a_window_not_twice_an_article(
    tmp_path: Path,
) -> None:
    rows = [(f"Kiriman nomor{n}", f"Banjir di desa {n}.", f"https://e.com/{n}") for n in range(300)]
    table = _table(tmp_path / "t.csv", rows)
    with Archive.open(tmp_path / "library") as archive:
        statements: list[str] = []

        def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
            statements.append(statement)

        event.listen(archive._engine, "before_cursor_execute", count)
        assert len(archive.import_paths([table]).added) == 300
        event.remove(archive._engine, "before_cursor_execute", count)
    by_url = [s for s in statements if "url_key" in s and s.lstrip().startswith("SELECT")]
    by_text = [
        s
        for s in statements
        if "content_hash IN" in s.replace("\n", " ") and s.lstrip().startswith("SELECT")
    ]
    assert len(by_url) == 3  # one a window of 100, not one an article
    assert len(by_text) == 3
