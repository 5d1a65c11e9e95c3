"""The lossless export read a chunk of articles at a time writes, byte for byte, what the
export read one article at a time wrote, on a catalogue with every kind of state."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from tests.conftest import corpus_path

from archive_app.db import article_people
from archive_app.db.field_access import read_field
from archive_app.db.lossless import FORMAT
from archive_app.db.models import Article, ChangeSet, HistoryEntry
from archive_app.domain import record_json as export
from archive_app.domain.serial import record_to_dict
from archive_app.usecases.archive import Archive


def _dump_article(session: Session, article_id: int) -> dict[str, Any]:
    """The state as the export wrote it before it read in chunks: several queries an article
    (kept here, unchanged, as what the chunked reading must equal)."""
    article = session.get(Article, article_id)
    assert article is not None
    versions = []
    for version in article.versions:
        provenance = [p for p in article.provenance if p.version_id == version.id]
        versions.append(
            {
                "number": version.number,
                "content_hash": version.content_hash,
                "created_at": version.created_at,
                "record": version.record,
                "provenance": [
                    {
                        "file": p.file_name,
                        "sha256": p.original_sha256,
                        "member": p.member,
                        "locator": p.locator,
                        "format": p.format,
                        "extractor": p.extractor,
                        "imported_at": p.imported_at,
                        "original_path": p.original.path,
                        "original_size": p.original.size,
                        "original_ext": p.original.ext,
                        "kind": p.kind,
                    }
                    for p in provenance
                ],
            }
        )
    history = [
        {
            "change": change.id,
            "kind": change.kind,
            "description": change.description,
            "user": change.user,
            "when": change.created_at,
            "undone": change.undone,
            "field": entry.field,
            "old": entry.old,
            "new": entry.new,
        }
        for entry, change in session.execute(
            select(HistoryEntry, ChangeSet)
            .join(ChangeSet, ChangeSet.id == HistoryEntry.change_id)
            .where(HistoryEntry.article_id == article_id)
            .order_by(HistoryEntry.id)
        )
    ]
    media = [
        {
            "position": photo.position,
            "sha256": photo.media.sha256,
            "path": photo.media.path,
            "size": photo.media.size,
            "mime": photo.media.mime,
            "width": photo.media.width,
            "height": photo.media.height,
            "thumbnail": photo.media.thumbnail,
            "metadata": photo.media.metadata_,
        }
        for photo in article.photos
        if photo.media is not None
    ]
    return {
        "format": FORMAT,
        "version": 1,
        "created_at": article.created_at,
        "modified_at": article.modified_at,
        "current_hash": article.content_hash,
        "overrides": article.overrides or {},
        "note": article.note,
        "tags": read_field(session, article, "tags"),
        "collections": read_field(session, article, "collections"),
        "versions": versions,
        "history": history,
        "media": media,
    }


def _export_one_at_a_time(archive: Archive, ids: Sequence[int]) -> str:
    """The export as it was: each article's details, then its state, query by query."""
    stream = io.StringIO()
    with archive._sessions() as session:
        for detail in archive.articles(ids):
            state = _dump_article(session, detail.id)
            state["record"] = record_to_dict(detail.record)
            line = export.article_record(detail) | {"archive": state}
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
    return stream.getvalue()


def _export(archive: Archive, ids: Sequence[int] | None = None) -> str:
    stream = io.StringIO()
    archive.export_jsonl(stream, ids)
    return stream.getvalue()


def _corpus_rows(count: int) -> list[dict[str, str]]:
    """The first rows of a real news site's table export."""
    with corpus_path("id_csv", "gikirima_berita_republika.csv").open(encoding="utf-8") as f:
        rows = []
        for row in csv.DictReader(f):
            rows.append(row)
            if len(rows) == count:
                return rows
    raise AssertionError("the corpus table has fewer rows than the test needs")


def _table(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _catalogue(archive: Archive, folder: Path, seed_file: Path) -> list[int]:
    """A catalogue with every kind of state an article can carry; its ids, oldest first."""
    first, second, third = _corpus_rows(3)
    # the first row again (a second place it was seen), and a syndicated copy of it under
    # another address (the same story, linked)
    copy = dict(first, url=first["url"] + "-salinan", title="Salinan: " + first["title"])
    copy["content"] = first["content"] + "\n(ANTARA)"
    day1 = _table(folder / "day1.csv", [first, second, third, first, copy])
    photos = [
        corpus_path("photos", "exifr", "Bush-dog.jpg"),
        corpus_path("photos", "exifr", "iptc-agency-photographer-example.jpg"),
    ]
    report = archive.import_paths([seed_file, day1, *photos])
    assert not report.failed and report.duplicates
    # the second row published again with a paragraph more: a second version of it
    later = dict(second, content=second["content"] + "\nParagraf tambahan hari kedua.")
    archive.import_paths([_table(folder / "day2.csv", [later])])
    ids = archive.article_ids("added")[::-1]
    one, two, three = ids[0], ids[1], ids[2]
    archive.edit(one, {"title": "Judul Dibetulkan", "note": "catatan", "tags": ["air", "Banjir"]})
    archive.edit(two, {"people": [{"name": "Andri Saubani", "role": "editor"}]})
    archive.edit(three, {"dateline_place": "Sorong", "tags": ["tambang"]})
    archive.bulk([one, two, three], "add", "collections", "Lingkungan/Air")
    archive.bulk([two, three], "add", "collections", "Hukum")
    archive.bulk([one, three], "add", "tags", "zebra")
    archive.undo()
    return ids


@pytest.mark.parametrize("chunk", [2, article_people.CHUNK])
def test_the_chunked_export_writes_what_the_export_one_at_a_time_wrote(
    library_target: str,
    tmp_path: Path,
    seed_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    chunk: int,
) -> None:
    # chunks of 2 put linked articles, versions and a bulk change's articles in different
    # chunks, and give a last chunk that is not full
    monkeypatch.setattr(article_people, "CHUNK", chunk)
    with Archive.open(library_target) as archive:
        ids = _catalogue(archive, tmp_path, seed_file)
        whole = _export(archive)
        assert whole == _export_one_at_a_time(archive, ids)
        records = [json.loads(line) for line in whole.splitlines()]
        # the catalogue had each kind of state the comparison is about
        assert any(r["same_story"] for r in records)
        assert any(r["archive"]["media"] for r in records)
        assert any(len(r["archive"]["versions"]) == 2 for r in records)
        assert any(len(r["provenance"]) > 1 for r in records)
        assert any(r["collections"] == ["Hukum", "Lingkungan/Air"] for r in records)
        assert any(r["archive"]["history"] for r in records)
        assert any(r["people"] for r in records)
        # some articles, in an order of the caller's, and an id no article has
        chosen = [ids[4], ids[0], 10_000, ids[2]]
        assert _export(archive, chosen) == _export_one_at_a_time(archive, chosen)
        assert [json.loads(line)["id"] for line in _export(archive, chosen).splitlines()] == [
            ids[4],
            ids[0],
            ids[2],
        ]
