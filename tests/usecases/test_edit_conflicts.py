"""Edits, bulk changes and undo prepared against an older row version are refused with the
article and the fields that differ; nothing of them is written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.usecases.test_import import ROW, _csv

from archive_app.domain.conflicts import Conflict, ConflictError, FieldConflict
from archive_app.usecases.archive import Archive


@pytest.fixture
def two(library_target: str, tmp_path: Path) -> Iterator[Archive]:
    rows = [dict(ROW, url=f"{ROW['url']}-{n}", judul=f"Judul {n}") for n in range(2)]
    with Archive.open(library_target) as archive:
        archive.import_paths([_csv(tmp_path / "two.csv", rows)])
        yield archive


def test_an_edit_prepared_before_someone_elses_is_refused_field_by_field(two: Archive) -> None:
    prepared = two.article(1).row_version
    two.edit(1, {"title": "Theirs"}, expected_version=prepared)  # the first one wins
    assert two.article(1).row_version > prepared
    with pytest.raises(ConflictError) as refused:
        two.edit(1, {"title": "Yours", "note": "mine"}, expected_version=prepared)
    assert refused.value.conflicts == (
        Conflict(
            1,
            "Theirs",
            prepared,
            two.article(1).row_version,
            (FieldConflict("title", "Theirs", "Yours"), FieldConflict("note", None, "mine")),
        ),
    )
    since = f"article 1 (Theirs) was changed by someone else since version {prepared} (now "
    assert str(refused.value).splitlines() == [
        f"{since}{two.article(1).row_version}): title: theirs 'Theirs', yours 'Yours'",
        f"{since}{two.article(1).row_version}): note: theirs None, yours 'mine'",
    ]
    detail = two.article(1)
    assert detail.record.title == "Theirs" and detail.note is None  # nothing of it written
    assert [h.new for h in two.history(1)] == ["Theirs"]
    # prepared again from what is there now, it goes through
    two.edit(1, {"title": "Yours"}, expected_version=detail.row_version)
    assert two.article(1).record.title == "Yours"


def test_a_bulk_change_previewed_before_an_edit_is_refused_as_a_whole(two: Archive) -> None:
    previewed = two.bulk_preview([1, 2], "add", "tags", "banjir")
    assert [c.expected_version for c in previewed] == [
        two.article(1).row_version,
        two.article(2).row_version,
    ]
    two.edit(2, {"tags": ["gempa"]})
    with pytest.raises(ConflictError) as refused:
        two.editor.apply("bulk", "add tags banjir", previewed)
    [conflict] = refused.value.conflicts
    assert conflict.article_id == 2
    assert conflict.fields == (FieldConflict("tags", ["gempa"], ["banjir"]),)
    assert two.article(1).tags == [] and two.article(2).tags == ["gempa"]  # article 1 too


def test_undo_never_overwrites_a_later_edit_of_the_same_field(two: Archive) -> None:
    two.edit(1, {"title": "Mine"})
    # someone else sets the title again, behind this desktop's undo stack
    with two._sessions.begin() as session:  # another desktop writing the row directly
        from archive_app.db.models import Article

        article = session.get(Article, 1)
        assert article is not None
        article.title = "Theirs"
    with pytest.raises(ConflictError) as refused:
        two.undo()
    [conflict] = refused.value.conflicts
    assert conflict.fields == (FieldConflict("title", "Theirs", "Judul 0"),)
    assert str(refused.value) == (
        "article 1 (Theirs): title was changed by someone else since: theirs 'Theirs', "
        "yours 'Judul 0'"
    )
    assert two.article(1).record.title == "Theirs"
    assert two.undo_state()[0] == "edit title of article 1"  # still there to undo later


def test_a_find_and_replace_previewed_before_an_edit_is_refused(two: Archive) -> None:
    previews = two.preview_replace([1, 2], "title", "Judul", "Kepala")
    assert [p.new for p in previews] == ["Kepala 0", "Kepala 1"]
    two.edit(2, {"title": "Judul satu"})
    with pytest.raises(ConflictError) as refused:
        two.apply_replace(previews, "Judul", "Kepala")
    [conflict] = refused.value.conflicts
    assert conflict.fields == (FieldConflict("title", "Judul satu", "Kepala 1"),)
    assert [two.article(i).record.title for i in (1, 2)] == ["Judul 0", "Judul satu"]
