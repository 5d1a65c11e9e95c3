"""What the lossless tests compare between two libraries: the export's records without each
library's own ids, an article's history, and a catalogue with a second version and an edit."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tests.usecases.test_import import ROW, _csv

from archive_app.domain.import_report import ImportReport
from archive_app.usecases.archive import Archive

VOLATILE = ("id", "same_story")  # ids are each library's own
# the table row of ROW as it was published again a day later: a second version of it
SECOND_DAY = dict(ROW, isi_berita=ROW["isi_berita"] + "\nParagraf tambahan hari kedua.")


def exported_records(archive: Archive) -> list[dict[str, Any]]:
    """The lossless export, without what is each library's own (ids, change ids)."""
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


def history(archive: Archive, article_id: int) -> list[tuple[object, ...]]:
    """Each change of the article: field, old and new value, kind, whether it was undone."""
    return [(h.field, h.old, h.new, h.kind, h.undone) for h in archive.history(article_id)]


def import_and_edit(archive: Archive, folder: Path, files: Sequence[Path]) -> ImportReport:
    """Import `files` and the table row ROW (written under `folder`), then the row's second
    day, and edit article 1's title, note and tags; the first import's report."""
    report = archive.import_paths([*files, _csv(folder / "day1.csv", [ROW])])
    archive.import_paths([_csv(folder / "day2.csv", [SECOND_DAY])])
    archive.edit(1, {"title": "Judul Dibetulkan", "note": "catatan", "tags": ["air"]})
    return report
