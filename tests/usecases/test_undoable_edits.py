"""Cataloguing: edits with validation, history, undo and redo, bulk changes, the index in step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.usecases.test_import import ROW, _csv

from archive_app.usecases.archive import Archive
from archive_app.usecases.field_rules import FieldError


@pytest.fixture
def seeded(library_target: str, tmp_path: Path, seed_file: Path) -> Iterator[Archive]:
    with Archive.open(library_target) as archive:
        archive.import_paths([seed_file])
        yield archive


def test_an_edit_is_validated_recorded_searchable_and_undoable(seeded: Archive) -> None:
    before = seeded.article(1).record.title
    change = seeded.edit(1, {"title": "Kominfo Gaungkan Forum Air Dunia", "note": "dicek"})
    assert change.articles == [1]
    detail = seeded.article(1)
    assert detail.record.title == "Kominfo Gaungkan Forum Air Dunia" and detail.note == "dicek"
    assert seeded.search("title:dunia").total == 1  # the index followed in the same operation
    assert seeded.check().ok
    history = seeded.history(1)
    assert [(h.field, h.old, h.new) for h in history] == [
        ("title", before, "Kominfo Gaungkan Forum Air Dunia"),
        ("note", None, "dicek"),
    ]
    assert history[0].user and history[0].when
    assert seeded.undo_state()[0] == "edit title, note of article 1"
    undone = seeded.undo()
    # an undo says what kind of change it took back (the window refreshes by kind)
    assert undone is not None and (undone.kind, undone.target_kind) == ("undo", "edit")
    assert undone.articles == [1]
    assert seeded.article(1).record.title == before and seeded.article(1).note is None
    assert seeded.search("title:dunia").total == 0
    redone = seeded.redo()
    assert redone is not None and (redone.kind, redone.target_kind) == ("redo", "edit")
    assert seeded.article(1).record.title == "Kominfo Gaungkan Forum Air Dunia"
    assert seeded.check().ok


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("published", "17/13/2024", "is not a date"),
        ("url", "jpnn dot com", "is not a web address"),
        ("people", [{"name": "Yessy Artada", "role": "boss"}], "is not a role"),
        ("title", "  ", "cannot be empty"),
        ("language", "Bahasa Indonesia", "not a language code"),
        ("colour", "red", "is not a field that can be edited"),
    ],
)
def test_invalid_values_are_refused_and_the_old_value_kept(
    seeded: Archive, field: str, value: object, message: str
) -> None:
    before = seeded.record(1)
    with pytest.raises(FieldError) as refused:
        seeded.edit(1, {"dateline_place": "Denpasar", field: value})
    assert refused.value.field == field and message in str(refused.value)
    assert seeded.record(1) == before  # nothing half-applied, not even the valid field
    assert seeded.history(1) == []


def test_dates_keep_their_zone(seeded: Archive) -> None:
    seeded.edit(1, {"published": "2024-05-18 09:00 WIB"})
    assert seeded.article(1).record.published == "2024-05-18T09:00:00+07:00"
    # dates written the way the articles print them are read like the importers read them
    seeded.edit(1, {"published": "Sabtu, 18 Mei 2024 – 09:30 WITA"})
    assert seeded.article(1).record.published == "2024-05-18T09:30:00+08:00"
    with pytest.raises(FieldError, match="is not a date"):
        seeded.edit(1, {"published": "31 Februari 2024"})
    with pytest.raises(FieldError, match="is not a date"):
        seeded.edit(1, {"published": "17 Mei 2024 atau 18 Mei 2024"})
    assert seeded.article(1).record.published == "2024-05-18T09:30:00+08:00"
    assert seeded.counts("date:2024-05-18").total == 1


def test_people_and_photos_can_be_corrected(seeded: Archive) -> None:
    seeded.edit(
        1,
        {
            "people": [
                {"name": "Yessy Artada", "role": "editor"},
                {"name": "Chi", "role": "reporter"},
            ],
            "photos": [{"caption": "Bimtek humas", "credit": "Kominfo"}],
        },
    )
    record = seeded.article(1).record
    assert [(p.name, p.role) for p in record.people] == [
        ("Yessy Artada", "editor"),
        ("Chi", "reporter"),
    ]
    assert (record.photos[0].caption, record.photos[0].credit) == ("Bimtek humas", "Kominfo")
    assert seeded.counts("reporter:chi").total == 1


def test_bulk_changes_are_one_undo_step(
    library_target: str, tmp_path: Path, seed_file: Path
) -> None:
    rows = [
        dict(
            ROW,
            url=f"{ROW['url']}/{n}",
            judul=f"Judul {n}",
            isi_berita=f"Isi berita nomor {n} berbeda dari yang lain.",
        )
        for n in range(4)
    ]
    with Archive.open(library_target) as archive:
        archive.import_paths([seed_file, _csv(tmp_path / "t.csv", rows)])
        ids = archive.article_ids("added")
        archive.bulk(ids, "add", "tags", "banjir")
        archive.bulk(ids[:2], "add", "collections", "Bencana/Jawa Timur")
        archive.bulk(ids, "set", "language", "id")
        archive.bulk(ids, "add", "people", {"name": "Tim Arsip", "role": "contributor"})
        assert archive.tags() == [("banjir", 5)]
        assert [(c.path, c.articles) for c in archive.collections()] == [
            ("Bencana", 0),
            ("Bencana/Jawa Timur", 2),
        ]
        assert archive.counts("tag:banjir").total == 5
        assert archive.counts('contributor:"Tim Arsip"').total == 5
        archive.undo()  # the person, on all five at once
        assert archive.counts('contributor:"Tim Arsip"').total == 0
        assert archive.counts("tag:banjir").total == 5
        assert archive.collection_ids("Bencana/Jawa Timur") == sorted(ids[:2])


def test_find_and_replace_previews_every_change(seeded: Archive) -> None:
    previews = seeded.preview_replace([1], "body", "World Water Forum", "Forum Air Dunia")
    (preview,) = previews
    changed = [(a, b) for a, b in zip(preview.old, preview.new, strict=True) if a != b]
    assert len(changed) == 3 and all("Forum Air Dunia" in b for _, b in changed)
    assert seeded.article(1).record.body == preview.old  # a preview changes nothing
    seeded.apply_replace(previews, "World Water Forum", "Forum Air Dunia")
    assert seeded.search('"forum air dunia"').total == 1
    seeded.undo()
    assert seeded.article(1).record.body == preview.old


def test_an_edit_outlives_a_newer_import_of_the_same_url(
    library_target: str, tmp_path: Path
) -> None:
    with Archive.open(library_target) as archive:
        first = archive.import_paths([_csv(tmp_path / "a.csv", [ROW])])
        article_id = first.added[0].article_id or 0
        archive.edit(article_id, {"title": "Judul yang Dibetulkan"})
        newer = dict(ROW, isi_berita=ROW["isi_berita"] + "\nTambahan paragraf baru.")
        archive.import_paths([_csv(tmp_path / "b.csv", [newer])])
        record = archive.article(article_id).record
        assert record.title == "Judul yang Dibetulkan"
        assert record.body[-1] == "Tambahan paragraf baru."


def test_editing_while_an_import_runs_loses_nothing(
    library_target: str, tmp_path: Path, seed_file: Path
) -> None:
    import threading

    rows = [
        dict(
            ROW,
            url=f"{ROW['url']}/{n}",
            judul=f"Judul {n}",
            isi_berita=f"Isi berita nomor {n} tentang banjir.",
        )
        for n in range(600)
    ]
    with Archive.open(library_target) as archive:
        archive.import_paths([seed_file])
        started = threading.Event()
        worker = threading.Thread(
            target=archive.import_paths,
            args=([_csv(tmp_path / "big.csv", rows)], lambda _p: started.set()),
        )
        worker.start()
        started.wait(timeout=30)
        archive.edit(1, {"title": "Diedit Saat Impor", "tags": ["cek"]})  # waits its turn
        worker.join()
        assert archive.article(1).record.title == "Diedit Saat Impor"
        assert archive.count() == 601
        assert archive.counts("tag:cek").total == 1 and archive.counts("banjir").total == 600
        assert archive.check().ok
