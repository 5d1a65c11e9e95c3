"""The lossless JSON Lines export: importing it into an empty library recreates the catalogue."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import corpus_path
from tests.ingest.test_photo_placement import page_with_inline_photos
from tests.usecases.lossless_records import exported_records, history, import_and_edit

from archive_app.usecases.archive import Archive


def test_export_then_import_recreates_every_record(
    library_target: str, tmp_path: Path, seed_file: Path
) -> None:
    """Exported from a folder library, imported into a new library of either kind."""
    with Archive.open(tmp_path / "first") as first:
        photo = corpus_path("photos", "exifr", "Bush-dog.jpg")
        import_and_edit(first, tmp_path, [seed_file, photo])
        first.bulk([1, 3], "add", "collections", "Lingkungan/Air")
        first.undo()
        first.edit(3, {"people": [{"name": "Andri Saubani", "role": "editor"}]})
        expected = exported_records(first)
        changes = history(first, 1)
        export = tmp_path / "catalogue.jsonl"
        with export.open("w", encoding="utf-8") as stream:
            assert first.export_jsonl(stream) == 3
    with Archive.open(library_target) as second:
        report = second.import_paths([export])
        assert len(report.added) == 3 and not report.failed
        assert exported_records(second) == expected
        restored = second.article(1)
        assert restored.record.title == "Judul Dibetulkan" and restored.note == "catatan"
        assert history(second, 1) == changes
        assert [f for f, *_ in changes] == ["title", "note", "tags", "collections", "collections"]
        assert second.article(3).versions == 2
        assert second.search("title:dibetulkan").total == 1
        # the photo's file reference came across; the file itself travels in a backup
        assert second.article(2).record.photos[0].media_path is not None
        again = second.import_paths([export])
        assert again.added == [] and len(again.duplicates) == 3


def test_photos_keep_their_place_in_the_text_through_export_and_import(tmp_path: Path) -> None:
    page = tmp_path / "beras.html"
    page.write_bytes(page_with_inline_photos())
    with Archive.open(tmp_path / "first") as first:
        first.import_paths([page])
        expected = exported_records(first)
        export = tmp_path / "catalogue.jsonl"
        with export.open("w", encoding="utf-8") as stream:
            first.export_jsonl(stream)
    assert [p["paragraph"] for p in expected[0]["photos"]] == [None, 0, 1]
    with Archive.open(tmp_path / "second") as second:
        assert not second.import_paths([export]).failed
        assert exported_records(second) == expected
        assert [p.paragraph for p in second.article(1).record.photos] == [None, 0, 1]
