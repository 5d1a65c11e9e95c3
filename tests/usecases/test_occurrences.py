"""Every place an article was seen stays in its provenance; a re-imported file repairs its
missing or changed original."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from tests.conftest import corpus_path

from archive_app.usecases.archive import Archive

ROW = {
    "judul": "Banjir Rendam Sepuluh Desa di Gresik",
    "isi_berita": "REPUBLIKA.CO.ID, GRESIK -- Banjir merendam sepuluh desa di Gresik, Selasa "
    "(10/6/2025).\nWarga mengungsi ke balai desa.",
    "tanggal_publikasi": "10 Jun 2025 22:00",
    "url": "https://news.republika.co.id/berita/abc/banjir-gresik",
}
OTHER = dict(
    ROW,
    judul="Gempa di Cianjur",
    url="https://news.republika.co.id/berita/def/gempa",
    isi_berita="REPUBLIKA.CO.ID, CIANJUR -- Gempa mengguncang Cianjur pagi ini.\n"
    "Warga berhamburan keluar rumah.",
)


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _places(archive: Archive, article_id: int) -> list[tuple[str, str, str]]:
    return [(p["file"], p["locator"], p["kind"]) for p in archive.record(article_id)["provenance"]]


def test_a_repeated_row_is_traced_to_the_article_it_repeats(
    archive: Archive, tmp_path: Path
) -> None:
    # row 3 repeats row 1 (same URL and text); row 4 is row 1's text under another address
    moved = dict(ROW, url="https://republika.co.id/amp/banjir-gresik")
    report = archive.import_paths([_csv(tmp_path / "rows.csv", [ROW, OTHER, ROW, moved])])
    assert [i.locator for i in report.added] == ["row 1", "row 2"]
    assert [(i.locator, i.article_id) for i in report.duplicates] == [
        ("row 3", report.added[0].article_id),
        ("row 4", report.added[0].article_id),
    ]
    first = report.added[0].article_id or 0
    assert _places(archive, first) == [
        ("rows.csv", "row 1", "import"),
        ("rows.csv", "row 3", "duplicate"),
        ("rows.csv", "row 4", "duplicate"),
    ]
    assert _places(archive, report.added[1].article_id or 0) == [("rows.csv", "row 2", "import")]
    # the reader's provenance lists them too
    detail = archive.article(first)
    assert [(p.locator, p.version) for p in detail.provenance] == [
        ("row 1", 1),
        ("row 3", 1),
        ("row 4", 1),
    ]
    assert archive.check().ok


def test_a_file_of_repeats_is_kept_and_named(archive: Archive, tmp_path: Path) -> None:
    archive.import_paths([_csv(tmp_path / "day1.csv", [ROW, OTHER])])
    # the next day's file holds the same two articles in another order: nothing new, but
    # the file is kept and each row is traced
    again = archive.import_paths([_csv(tmp_path / "day2.csv", [OTHER, ROW])])
    assert again.added == [] and len(again.duplicates) == 2
    places = [_places(archive, i.article_id or 0)[-1] for i in again.duplicates]
    assert places == [("day2.csv", "row 1", "duplicate"), ("day2.csv", "row 2", "duplicate")]
    record = archive.record(again.duplicates[0].article_id or 0)
    kept = archive.path / "originals" / record["provenance"][-1]["sha256"][:2]
    assert any(p.name.startswith(record["provenance"][-1]["sha256"]) for p in kept.iterdir())
    assert archive.check().ok and archive.fixity().ok


def test_importing_the_same_file_again_records_nothing_twice(
    archive: Archive, tmp_path: Path
) -> None:
    table = _csv(tmp_path / "rows.csv", [ROW, OTHER, ROW])
    first = archive.import_paths([table])
    before = _places(archive, first.added[0].article_id or 0)
    archive.import_paths([table])
    archive.import_paths([table])
    assert _places(archive, first.added[0].article_id or 0) == before
    assert len(before) == 2


@pytest.mark.sqlite_only("about the originals folder on disk")
def test_a_missing_original_is_restored_by_importing_the_file_again(
    archive: Archive, seed_file: Path
) -> None:
    report = archive.import_paths([seed_file])
    source = archive.record(report.added[0].article_id or 0)["source"]
    original = next((archive.path / "originals").rglob(f"{source['sha256']}*"))
    original.unlink()
    assert archive.check().missing_originals
    again = archive.import_paths([seed_file])
    assert again.added == [] and len(again.duplicates) == 1
    assert [w.message for w in again.warnings] == [
        "the library's copy of this file was missing; it is restored from this file"
    ]
    assert original.read_bytes() == seed_file.read_bytes()
    assert archive.check().ok and archive.fixity().ok


@pytest.mark.sqlite_only("about the originals folder on disk (a team's: test_team_files.py)")
def test_a_changed_original_is_put_right_by_importing_the_file_again(
    archive: Archive, seed_file: Path
) -> None:
    report = archive.import_paths([seed_file])
    source = archive.record(report.added[0].article_id or 0)["source"]
    original = next((archive.path / "originals").rglob(f"{source['sha256']}*"))
    original.write_bytes(seed_file.read_bytes().replace(b"Bali", b"Bale", 1))
    assert archive.fixity().changed
    again = archive.import_paths([seed_file])
    assert [w.message for w in again.warnings] == [
        "the library's copy of this file had changed; it is restored from this file"
    ]
    assert archive.fixity().ok


def test_a_file_imported_twice_in_one_run_is_no_repair(
    archive: Archive, seed_file: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy" / seed_file.name
    copy.parent.mkdir()
    copy.write_bytes(seed_file.read_bytes())
    report = archive.import_paths([seed_file, copy])
    assert len(report.added) == 1 and report.warnings == []
    assert archive.fixity().ok


@pytest.mark.corpus
def test_every_duplicate_of_the_two_days_is_traced(tmp_path: Path) -> None:
    """The two days of id_json repeat about 1,350 URLs: each repeat the report names is in
    the provenance of the article it names, with the file and line it came from."""
    folder = corpus_path("id_json")
    with Archive.open(tmp_path / "lib") as archive:
        report = archive.import_paths([folder])
        assert len(report.duplicates) > 1000
        out = tmp_path / "all.jsonl"
        with out.open("w", encoding="utf-8") as stream:
            archive.export_jsonl(stream)
    places: dict[int, set[tuple[str, str]]] = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        places[record["id"]] = {(p["file"], p["locator"]) for p in record["provenance"]}
    for item in report.duplicates:
        assert item.article_id is not None
        assert (Path(item.path).name, item.locator) in places[item.article_id], item


def test_show_lists_the_other_places(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from archive_app.cli import main

    library = str(tmp_path / "lib")
    table = _csv(tmp_path / "rows.csv", [ROW, OTHER, ROW])
    assert main(["--library", library, "import", str(table)]) == 0
    capsys.readouterr()
    assert main(["--library", library, "show", "1"]) == 0
    shown = capsys.readouterr().out
    assert "Source: rows.csv (row 1, csv)" in shown
    assert "Also found in:\n  - rows.csv (row 3, duplicate, version 1)" in shown


@pytest.mark.sqlite_only("about the originals folder on disk")
def test_originals_and_photos_have_the_librarys_mode(archive: Archive, seed_file: Path) -> None:
    archive.import_paths([seed_file, corpus_path("photos", "exifr", "Bush-dog.jpg")])
    mode = (archive.path / "catalogue.sqlite").stat().st_mode & 0o777
    kept = [
        p
        for folder in ("originals", "media")
        for p in (archive.path / folder).rglob("*")
        if p.is_file()
    ]
    assert len(kept) >= 3
    assert {p.stat().st_mode & 0o777 for p in kept} == {mode}


def _warc_with_revisit(path: Path, *, with_response: bool) -> Path:
    """A web archive holding an article page and, a day later, a revisit record of it."""
    import io

    from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
    from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

    url = "https://news.example/2024/05/17/river-rises-bridge-closed"
    text = "".join(
        f"<p>Paragraph {n}: the river rose overnight and the council closed the old "
        "bridge until engineers could inspect its piers.</p>"
        for n in range(5)
    )
    page = (
        f"<html><head><title>River rises</title></head><body><h1>River rises</h1>{text}"
        "</body></html>"
    ).encode()
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    http = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    if with_response:
        writer.write_record(
            writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(page),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2024-05-17T08:00:00Z"},
            )
        )
    writer.write_record(
        writer.create_revisit_record(
            url,
            digest="sha1:AAAA",
            refers_to_uri=url,
            refers_to_date="2024-05-17T08:00:00Z",
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-05-18T08:00:00Z"},
        )
    )
    path.write_bytes(buffer.getvalue())
    return path


def test_a_revisit_record_is_another_capture_of_the_article(
    archive: Archive, tmp_path: Path
) -> None:
    report = archive.import_paths(
        [_warc_with_revisit(tmp_path / "crawl.warc.gz", with_response=True)]
    )
    assert len(report.added) == 1 and report.failed == []
    (again,) = report.duplicates
    assert again.article_id == report.added[0].article_id
    assert again.message == (
        "another capture of an article already in the library (revisit "
        "record, captured 2024-05-18T08:00:00Z)"
    )
    kinds = [p["kind"] for p in archive.record(again.article_id or 0)["provenance"]]
    assert kinds == ["import", "revisit"]
    # a later crawl holding only the revisit finds the article the first one archived
    later = archive.import_paths(
        [_warc_with_revisit(tmp_path / "later.warc.gz", with_response=False)]
    )
    assert [d.article_id for d in later.duplicates] == [again.article_id]
    places = archive.record(again.article_id or 0)["provenance"]
    assert [(p["file"], p["kind"]) for p in places][-1] == ("later.warc.gz", "revisit")


def test_a_revisit_of_a_capture_the_library_lacks_is_reported(
    archive: Archive, tmp_path: Path
) -> None:
    report = archive.import_paths(
        [_warc_with_revisit(tmp_path / "crawl.warc.gz", with_response=False)]
    )
    assert report.added == [] and archive.count() == 0
    (failed,) = report.failed
    assert failed.message == (
        "a revisit record of https://news.example/2024/05/17/river-rises-bridge-closed: the "
        "capture it repeats is not in the library (import the web archive that holds it first)"
    )
