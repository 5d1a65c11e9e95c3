"""`team push` and `team pull` on the test cluster: a folder library copied into a team
catalogue and back is the same catalogue, with the same originals and photos."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import corpus_path
from tests.usecases.lossless_records import exported_records, history, import_and_edit

from archive_app.domain.errors import ArchiveError
from archive_app.usecases import team_transfer
from archive_app.usecases.archive import Archive

# the folder side must stay a folder: --backend postgresql would make it a team catalogue too
pytestmark = pytest.mark.sqlite_only("push and pull copy between a folder and a team library")


def _files(archive: Archive, records: list[dict[str, Any]]) -> dict[str, bytes]:
    """The bytes of every original and photo the records name, read through the archive."""
    named = {
        source["original_path"]
        for record in records
        for version in record["archive"]["versions"]
        for source in version["provenance"]
    } | {photo["path"] for record in records for photo in record["archive"]["media"]}
    found = {}
    for relative in sorted(named):
        path = archive.library_file(relative)
        assert path is not None, f"{relative} missing from {archive.path}"
        found[relative] = path.read_bytes()
    return found


def _people(archive: Archive) -> list[tuple[object, ...]]:
    return [(p.name, p.aliases, p.roles, p.articles, p.signoff_codes) for p in archive.people()]


def _extras(archive: Archive) -> tuple[object, ...]:
    return (
        [(s.name, s.query, s.sort) for s in archive.saved_searches()],
        sorted(c.path for c in archive.collections()),
        archive.places(),
        _people(archive),
    )


@pytest.fixture
def folder_library(tmp_path: Path, seed_file: Path) -> Path:
    """A folder library of real corpus files (a jpnn text, a saved page, a photo) and table
    rows with a second version, catalogued: an edit, a tag, a collection, an undo, a saved
    search, an empty collection and the authorities (a place spelling, a merge, a sign-off)."""
    root = tmp_path / "mine"
    with Archive.open(root) as mine:
        page = corpus_path("html_id", "money.kompas.com-Menhub.html")
        photo = corpus_path("photos", "exifr", "Bush-dog.jpg")
        report = import_and_edit(mine, tmp_path, [seed_file, page, photo])
        assert len(report.added) == 4 and not report.failed
        mine.bulk([1, 4], "add", "collections", "Lingkungan/Air")
        mine.bulk([1, 2], "add", "tags", "dicek")
        mine.undo()  # the tag on 1 and 2 is taken back, kept in the history as undone
        mine.create_collection("Kosong/Nanti")
        mine.save_search("forum air", '"world water forum"', "newest")
        mine.add_place_alias("Jkt", "Jakarta")
        mine.merge_people("Yessy Artada", "Yoga Sukmana")  # kept as an alias
        mine.attach_signoff("jpnn.com", "chi", "Yessy Artada")
    return root


def test_push_then_pull_gives_back_the_same_catalogue_and_files(
    folder_library: Path, migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desktop"))
    with Archive.open(folder_library, readonly=True) as mine:
        expected = exported_records(mine)
        files = _files(mine, expected)
        extras = _extras(mine)
        changes = history(mine, 1)
        assert ("Yessy Artada", ("Yoga Sukmana",)) in [p[:2] for p in _people(mine)]
    assert any(path.startswith("media/") for path in files)  # a photo travels too

    pushed = team_transfer.push(Archive.open, folder_library, migrated_postgres)
    assert pushed.articles == 4 and pushed.already_there == 0
    assert len(pushed.photos) == 1 and pushed.lacking == 0
    assert len(pushed.originals) == 5  # four files, and the second day's table
    assert pushed.history == sum(len(r["archive"]["history"]) for r in expected)
    with Archive.open(migrated_postgres) as team:
        assert exported_records(team) == expected
        assert _files(team, expected) == files
        assert _extras(team) == extras
        # the desktop's index was built by the push: search finds the edited title at once
        assert team.search("title:dibetulkan").total == 1
        assert team.check().ok

    # pulled on another desktop: the originals and photos come from the team catalogue itself
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "laptop"))
    pulled = team_transfer.pull(Archive.open, migrated_postgres, tmp_path / "offline")
    assert (pulled.articles, len(pulled.photos), pulled.history) == (
        4,
        1,
        pushed.history,
    )
    with Archive.open(tmp_path / "offline") as offline:
        assert exported_records(offline) == expected
        assert _files(offline, expected) == files
        assert _extras(offline) == extras
        assert history(offline, 1) == changes
        assert offline.search('"world water forum"').total == 1
        assert offline.check().ok
    with Archive.open(folder_library) as mine:
        assert mine.check().ok


def test_a_push_run_again_adds_nothing_twice(
    folder_library: Path, migrated_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interrupted push is run again with merge: what is there is skipped, the rest added;
    an interrupted pull leaves no folder behind."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "desktop"))
    with Archive.open(folder_library, readonly=True) as mine:
        expected = exported_records(mine)
    monkeypatch.setattr(team_transfer, "BATCH", 2)  # two transactions of two articles
    calls = 0
    real = Archive.restore_articles

    def interrupted(self: Archive, *args: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise ArchiveError("the network went away")
        return real(self, *args)

    monkeypatch.setattr(Archive, "restore_articles", interrupted)
    with pytest.raises(ArchiveError, match="network"):
        team_transfer.push(Archive.open, folder_library, migrated_postgres)
    calls = 1  # the team holds one batch: the pull fails on it, after making the folder
    with pytest.raises(ArchiveError, match="network"):
        team_transfer.pull(Archive.open, migrated_postgres, tmp_path / "offline")
    assert not (tmp_path / "offline").exists()  # nothing that looks like a library is left
    monkeypatch.setattr(Archive, "restore_articles", real)
    with Archive.open(migrated_postgres) as team:
        assert team.count() == 2  # the first batch committed, the second never began
    with pytest.raises(ArchiveError, match="holds 2 articles already"):
        team_transfer.push(Archive.open, folder_library, migrated_postgres)
    again = team_transfer.push(Archive.open, folder_library, migrated_postgres, merge=True)
    assert (again.articles, again.already_there) == (2, 2)
    with Archive.open(migrated_postgres) as team:
        assert team.count() == 4
        assert exported_records(team) == expected
        assert team.check().ok
