"""The "Needs review" queue in the core: flags raised on import, carried into search, exports
and the CLI, cleared by the edit that answers them (undoably), or dismissed by a librarian."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.usecases.review_files import (
    CLEAN_TITLE,
    ROWS,
    TINY_TITLE,
    UNREAD_DATE,
    UNREAD_TITLE,
    write_review_files,
    write_table,
)

from archive_app.cli import main
from archive_app.domain.errors import ArchiveError
from archive_app.usecases.archive import Archive
from archive_app.usecases.field_rules import FieldError


@pytest.fixture
def library(library_target: str, tmp_path: Path) -> Iterator[Archive]:
    with Archive.open(library_target) as archive:
        report = archive.import_paths(write_review_files(tmp_path / "files"))
        assert len(report.added) == 4, report
        yield archive


def _id(archive: Archive, title: str) -> int:
    hits = archive.search(f'title:"{title}"', 1).hits
    assert hits, title
    return hits[0].id


def _kinds(archive: Archive, article_id: int) -> list[str]:
    return [flag.kind for flag in archive.article(article_id).record.review]


def _found(archive: Archive, query: str) -> set[str]:
    return {archive.article(i).record.title for i in archive.matching_ids(query)}


def test_import_flags_an_unread_date_and_a_photo_too_small(library: Archive) -> None:
    unread = library.article(_id(library, UNREAD_TITLE)).record
    assert [f.kind for f in unread.review] == ["date"]
    assert UNREAD_DATE in unread.review[0].message
    tiny = library.article(_id(library, TINY_TITLE)).record
    assert [(f.kind, f.message) for f in tiny.review] == [
        ("photo", "photo 1 is 64 × 48 px: too small to be a news photo")
    ]
    assert _kinds(library, _id(library, CLEAN_TITLE)) == []
    assert _kinds(library, _id(library, "foto banjir")) == []  # 640 × 480 is a news photo


def test_the_import_report_says_why_a_photo_was_flagged(
    library_target: str, tmp_path: Path
) -> None:
    with Archive.open(library_target) as archive:
        report = archive.import_paths(write_review_files(tmp_path / "files"))
    said = [item.message for item in report.warnings]
    assert "photo 1 is 64 × 48 px: too small to be a news photo" in said


def test_search_finds_each_kind_and_any_flag(library: Archive) -> None:
    assert _found(library, "review:date") == {UNREAD_TITLE}
    assert _found(library, "review:photo") == {TINY_TITLE}
    assert _found(library, "review:any") == {UNREAD_TITLE, TINY_TITLE}
    assert _found(library, "REVIEW:Date") == {UNREAD_TITLE}  # as case-blind as other fields
    assert _found(library, "-review:any") == {CLEAN_TITLE, "foto banjir"}
    assert _found(library, "banjir review:any") == {UNREAD_TITLE}
    assert _found(library, "review:language") == set()


def test_counts_per_kind_come_with_the_facets(library: Archive) -> None:
    counts = library.counts("review:any")
    assert counts.total == 2
    assert dict(counts.facets["review"]) == {"date": 1, "photo": 1}
    assert dict(library.counts("").facets["review"]) == {"date": 1, "photo": 1}


def test_an_unknown_kind_is_refused_naming_the_kinds(library: Archive) -> None:
    from archive_app.domain.errors import QueryError

    with pytest.raises(QueryError) as refused:
        library.search("banjir review:tanggal")
    message = str(refused.value)
    assert "review:tanggal is not a kind of review flag" in message
    for kind in ("any", "date", "language", "body", "title", "person", "photo"):
        assert kind in message
    assert refused.value.position == len("banjir review:")


def test_an_edit_of_the_date_clears_its_flag_and_undo_brings_it_back(library: Archive) -> None:
    article = _id(library, UNREAD_TITLE)
    library.edit(article, {"published": "2022-04-04 08:00 WIB"})
    assert _kinds(library, article) == []
    assert _found(library, "review:date") == set()  # the index followed
    history = [(h.field, h.new) for h in library.history(article)]
    assert ("review", []) in history  # in the same change as the date
    assert library.undo_state()[0] == f"edit published of article {article}"
    library.undo()
    assert _kinds(library, article) == ["date"]
    assert _found(library, "review:date") == {UNREAD_TITLE}
    library.redo()
    assert _kinds(library, article) == []
    assert _found(library, "review:date") == set()
    assert library.check().ok


def test_an_edit_of_another_field_leaves_the_flag(library: Archive) -> None:
    article = _id(library, UNREAD_TITLE)
    library.edit(article, {"tags": ["rob"], "title": "Rob di Muara Angke"})
    assert _kinds(library, article) == ["date"]
    assert _found(library, "review:date tag:rob") == {"Rob di Muara Angke"}


def test_a_bulk_change_answers_the_flags_of_every_article(library: Archive) -> None:
    article = _id(library, CLEAN_TITLE)
    library.edit(article, {"review": [{"kind": "language", "message": "language unknown"}]})
    assert _found(library, "review:language") == {CLEAN_TITLE}
    # the clean article said "id": the librarian says Malay, and that answers the flag
    library.bulk([article, _id(library, UNREAD_TITLE)], "set", "language", "ms")
    assert _found(library, "review:language") == set()
    assert _found(library, "review:date") == {UNREAD_TITLE}  # language does not answer a date


def test_marking_as_reviewed_dismisses_flags_and_is_undoable(library: Archive) -> None:
    unread, tiny = _id(library, UNREAD_TITLE), _id(library, TINY_TITLE)
    change = library.mark_reviewed([unread, tiny], "photo")
    assert change.articles == [tiny] and change.description == "mark 2 articles as reviewed (photo)"
    assert _found(library, "review:any") == {UNREAD_TITLE}
    library.mark_reviewed([unread])
    assert _found(library, "review:any") == set()
    assert library.undo_state()[0] == f"mark article {unread} as reviewed"
    library.undo()
    assert _found(library, "review:any") == {UNREAD_TITLE}
    assert library.article(unread).record.published is None  # nothing else changed
    with pytest.raises(ArchiveError, match="nothing to review"):
        library.mark_reviewed([_id(library, CLEAN_TITLE)])


def test_flags_can_be_cleared_never_invented_by_hand(library: Archive) -> None:
    article = _id(library, UNREAD_TITLE)
    with pytest.raises(FieldError, match="to mark the article as reviewed"):
        library.edit(article, {"review": "date"})
    with pytest.raises(FieldError, match="can only be cleared"):
        library.bulk([article], "add", "review", "date")
    with pytest.raises(FieldError, match="'tanggal' is not a kind of review flag"):
        library.bulk([article], "remove", "review", "tanggal")
    assert _kinds(library, article) == ["date"]


def test_a_corrected_date_stays_answered_when_a_newer_text_arrives(
    library: Archive, tmp_path: Path
) -> None:
    article = _id(library, UNREAD_TITLE)
    library.edit(article, {"published": "2022-04-04"})
    title, body, date, site, url = ROWS[0]
    newer = write_table(
        tmp_path,
        ((title, body + " Air mulai surut sore hari.", date, site, url),),
        "berita-baru.csv",
    )
    report = library.import_paths([newer])
    assert len(report.updated) == 1, report
    detail = library.article(article)
    assert detail.versions == 2 and detail.record.published == "2022-04-04"
    assert _kinds(library, article) == []


def test_exports_carry_the_flags(library: Archive) -> None:
    article = _id(library, UNREAD_TITLE)
    record = library.record(article)
    assert record["review"] == [
        {"kind": "date", "message": library.article(article).record.review[0].message}
    ]
    assert library.record(_id(library, CLEAN_TITLE))["review"] == []
    lines = io.StringIO()
    library.export_jsonl(lines)
    by_title = {r["title"]: r for r in map(json.loads, lines.getvalue().splitlines())}
    assert [f["kind"] for f in by_title[TINY_TITLE]["review"]] == ["photo"]


def test_a_jsonl_export_restores_the_flags(library: Archive, tmp_path: Path) -> None:
    exported = tmp_path / "arsip.jsonl"
    with exported.open("w", encoding="utf-8") as stream:
        library.export_jsonl(stream)
    with Archive.open(tmp_path / "restored") as restored:
        restored.import_paths([exported])
        assert _found(restored, "review:date") == {UNREAD_TITLE}
        assert _found(restored, "review:photo") == {TINY_TITLE}


def test_the_cli_shows_searches_exports_and_clears_flags(
    library_target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = library_target
    assert main(["--library", lib, "import", *map(str, write_review_files(tmp_path / "f"))]) == 0
    capsys.readouterr()
    assert main(["--library", lib, "search", "review:date", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert [h["title"] for h in hits] == [UNREAD_TITLE]
    article = str(hits[0]["id"])
    assert main(["--library", lib, "show", article]) == 0
    shown = capsys.readouterr().out
    assert "Needs review" in shown and f"date      date {UNREAD_DATE!r} cannot be read" in shown
    out = tmp_path / "review.csv"
    assert (
        main(
            [
                "--library",
                lib,
                "export",
                "--format",
                "csv",
                "--columns",
                "title,review",
                "--query",
                "review:any",
                "--output",
                str(out),
            ]
        )
        == 0
    )
    rows = {r["title"]: r["review"] for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows[TINY_TITLE] == "photo: photo 1 is 64 × 48 px: too small to be a news photo"
    assert main(["--library", lib, "search", "review:warna"]) == 1
    assert "is not a kind of review flag" in capsys.readouterr().err
    assert main(["--library", lib, "edit", article, "--set", "review="]) == 0
    assert (
        main(["--library", lib, "bulk", "remove", "review", "photo", "--query", "review:any"]) == 0
    )
    capsys.readouterr()
    assert main(["--library", lib, "search", "review:any", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 0
    assert main(["--library", lib, "show", article]) == 0
    assert "Needs review" not in capsys.readouterr().out
