"""The lossless JSON Lines export: importing it into an empty library recreates the catalogue."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from tests.conftest import corpus_path
from tests.ingest.test_photo_placement import page_with_inline_photos
from tests.usecases.test_import import ROW, _csv

from archive_app.usecases.archive import Archive

VOLATILE = ("id", "same_story")  # ids are the new library's own


def _records(archive: Archive) -> list[dict[str, Any]]:
    stream = io.StringIO()
    archive.export_jsonl(stream)
    records = []
    for line in stream.getvalue().splitlines():
        record = json.loads(line)
        for key in VOLATILE:
            record.pop(key)
        for item in record["archive"]["history"]:
            item.pop("change")
        records.append(record)
    return records


def test_export_then_import_recreates_every_record(
    library_target: str, tmp_path: Path, seed_file: Path
) -> None:
    """Exported from a folder library, imported into a new library of either kind."""
    changed = dict(ROW, isi_berita=ROW["isi_berita"] + "\nParagraf tambahan hari kedua.")
    with Archive.open(tmp_path / "first") as first:
        first.import_paths(
            [
                seed_file,
                corpus_path("photos", "exifr", "Bush-dog.jpg"),
                _csv(tmp_path / "day1.csv", [ROW]),
            ]
        )
        first.import_paths([_csv(tmp_path / "day2.csv", [changed])])  # a second version
        first.edit(1, {"title": "Judul Dibetulkan", "note": "catatan", "tags": ["air"]})
        first.bulk([1, 3], "add", "collections", "Lingkungan/Air")
        first.undo()
        first.edit(3, {"people": [{"name": "Andri Saubani", "role": "editor"}]})
        expected = _records(first)
        history = [(h.field, h.old, h.new, h.kind, h.undone) for h in first.history(1)]
        export = tmp_path / "catalogue.jsonl"
        with export.open("w", encoding="utf-8") as stream:
            assert first.export_jsonl(stream) == 3
    with Archive.open(library_target) as second:
        report = second.import_paths([export])
        assert len(report.added) == 3 and not report.failed
        assert _records(second) == expected
        restored = second.article(1)
        assert restored.record.title == "Judul Dibetulkan" and restored.note == "catatan"
        assert [(h.field, h.old, h.new, h.kind, h.undone) for h in second.history(1)] == history
        assert [f for f, *_ in history] == ["title", "note", "tags", "collections", "collections"]
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
        expected = _records(first)
        export = tmp_path / "catalogue.jsonl"
        with export.open("w", encoding="utf-8") as stream:
            first.export_jsonl(stream)
    assert [p["paragraph"] for p in expected[0]["photos"]] == [None, 0, 1]
    with Archive.open(tmp_path / "second") as second:
        assert not second.import_paths([export]).failed
        assert _records(second) == expected
        assert [p.paragraph for p in second.article(1).record.photos] == [None, 0, 1]
