"""`check` names each kind of problem with its own remedy, counts what interrupted work left,
and a writer's open removes those leftovers; automatic backups are kept and rotated."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from archive_app.cli import main
from archive_app.storage.library_folder import LibraryLayout
from archive_app.usecases import autobackup
from archive_app.usecases.archive import Archive

HOUR = 3600.0


@pytest.fixture
def library(tmp_path: Path, seed_file: Path) -> Path:
    root = tmp_path / "lib"
    with Archive.open(root) as archive:
        archive.import_paths([seed_file])
    return root


def _age(path: Path, seconds: float = HOUR) -> None:
    when = time.time() - seconds
    os.utime(path, (when, when))


def _check(library: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--library", str(library), "check"])
    out, err = capsys.readouterr()
    return code, out, err


def test_index_drift_is_advised_reindex_and_nothing_else(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Archive.open(library) as archive:
        archive._index.delete([1])
    code, out, err = _check(library, capsys)
    assert code == 1 and "1 missing from the index" in out
    assert "reindex" in err and "import the same files" not in err and "repair" not in err


@pytest.mark.sqlite_only("an original deleted from the folder (a team's: test_team_files.py)")
def test_a_missing_original_is_advised_import_again_or_restore_not_reindex(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = next((library / "originals").rglob("*.txt"))
    original.unlink()
    code, out, err = _check(library, capsys)
    assert code == 1 and "originals missing" in out
    assert "import the same files again" in err and "archive-app restore" in err
    assert "reindex" not in err


@pytest.mark.sqlite_only("an original changed in the folder (a team's: test_team_files.py)")
def test_a_changed_original_is_advised_import_again_by_check_fixity(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = next((library / "originals").rglob("*.txt"))
    original.chmod(0o644)
    original.write_bytes(original.read_bytes() + b"tampered")
    assert main(["--library", str(library), "check", "--fixity"]) == 1
    out, err = capsys.readouterr()
    assert "1 changed" in out and "import the same files again" in err
    assert "reindex" not in err


def test_a_deleted_index_folder_is_called_missing_and_a_writer_rebuilds_it(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(library / "index")
    with Archive.open(library, readonly=True) as archive:
        report = archive.check()
        if archive.team_name is None:
            with pytest.raises(Exception, match="is missing"):
                archive.search("kominfo")
        else:  # a team desktop without its index searches the team catalogue (issue 14, 5)
            assert archive.search("kominfo").total == 1
    assert report.index_error is not None and "missing" in report.index_error
    assert "another version" not in report.index_error
    # any command that writes rebuilds it first (here: an edit)
    assert main(["--library", str(library), "edit", "1", "--set", "note=dicek"]) == 0
    with Archive.open(library, readonly=True) as archive:
        assert archive.check().ok and archive.search("kominfo").total == 1


def test_a_deleted_index_segment_is_rebuilt_when_a_writer_opens(library: Path) -> None:
    segment = next((library / "index").glob("*.seg"))
    segment.unlink()
    with Archive.open(library, readonly=True) as archive:
        assert archive.check().index_error
    with Archive.open(library) as archive:
        assert archive.index_needs_rebuild
        archive.reindex()
    with Archive.open(library, readonly=True) as archive:
        assert archive.check().ok and archive.search("kominfo").total == 1


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_leftovers_are_counted_by_check_and_removed_when_a_writer_opens(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incoming = library / "originals" / "ab" / ".incoming-x1y2z3"
    incoming.parent.mkdir(parents=True, exist_ok=True)
    incoming.write_bytes(b"half an original")
    rebuild = library / "index.rebuild"
    rebuild.mkdir()
    (rebuild / "MAIN_1.seg").write_bytes(b"half an index")
    # a killed export's .part file outside the library, noted in the library while written
    part = tmp_path / "out" / ".export.jsonl.0123456789ab.part"
    part.parent.mkdir()
    part.write_text('{"id": 1}\n', encoding="utf-8")
    note_folder = library / ".unfinished"
    note_folder.mkdir()
    note = note_folder / "1-abc.json"
    note.write_text(json.dumps({"path": str(part), "pid": _dead_pid()}), encoding="utf-8")
    fresh = library / "originals" / "ab" / ".incoming-now"  # this process's own: kept
    fresh.write_bytes(b"being written")
    for path in (incoming, rebuild, part, note):
        _age(path)

    code, out, err = _check(library, capsys)
    assert code == 0 and "OK" in out  # leftovers are not drift
    assert "3 temporary files left by interrupted work" in out
    assert "removed the next time the library is opened for writing" in err
    with Archive.open(library) as archive:
        assert archive.check().leftovers == []
    assert not incoming.exists() and not rebuild.exists() and not part.exists()
    assert not note.exists() and fresh.exists()


def test_an_export_notes_its_part_file_only_while_it_is_written(
    library: Path, tmp_path: Path
) -> None:
    from archive_app.exports.run import export

    seen: list[list[str]] = []
    with Archive.open(library, readonly=True) as archive:
        original = archive.export_jsonl

        def watched(stream: object, ids: object = None) -> int:
            seen.append(
                [
                    json.loads(note.read_text(encoding="utf-8"))["path"]
                    for note in (library / ".unfinished").glob("*.json")
                ]
            )
            return original(stream, ids)  # type: ignore[arg-type]

        archive.export_jsonl = watched  # type: ignore[method-assign]
        export(archive, "jsonl", output=tmp_path / "again.jsonl")
    assert seen and len(seen[0]) == 1
    named = seen[0][0]
    assert named.endswith(".part") and ".again.jsonl." in named
    assert list((library / ".unfinished").glob("*.json")) == []


@pytest.mark.sqlite_only("automatic backups are copies of the catalogue file into the folder")
def test_automatic_backups_are_made_verified_rotated_and_listed(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = LibraryLayout(library)
    assert autobackup.automatic_backups(layout) == []  # the first open had nothing to keep
    with Archive.open(library):
        pass
    first = autobackup.newest(layout)
    assert first is not None and first.parent == library / "backups"
    assert stat.S_IMODE(first.stat().st_mode) == stat.S_IMODE(
        (library / "catalogue.sqlite").stat().st_mode
    )
    with Archive.open(library):
        pass
    assert autobackup.automatic_backups(layout) == [first]  # at most one a day
    start = datetime(2026, 1, 1, 9, 0, 0)
    for day in range(7):
        autobackup.make(layout, start + timedelta(days=day))
    kept = autobackup.automatic_backups(layout)
    assert len(kept) == autobackup.KEEP and kept[0] == first  # the newest kept first
    with Archive.open(library, readonly=True) as archive:
        assert archive.check().automatic_backup == str(first)
    code, out, _err = _check(library, capsys)
    assert code == 0 and f"newest automatic backup: {first}" in out
    with Archive.open(library) as archive:  # never imported or taken for originals
        assert archive.check().ok and archive.count() == 1


@pytest.mark.sqlite_only("automatic backups are copies of the catalogue file into the folder")
def test_a_copy_failing_its_integrity_check_is_not_kept(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layout = LibraryLayout(library)
    good = autobackup.make(layout)
    assert good is not None
    monkeypatch.setattr(autobackup, "check_file", lambda *a, **k: ["row 3 missing from index"])
    assert autobackup.make(layout, datetime(2030, 1, 1)) is None
    assert autobackup.automatic_backups(layout) == [good]
    assert not list(layout.backups.glob(".*"))


@pytest.mark.sqlite_only("the catalogue file deleted from the folder")
def test_a_lost_catalogue_beside_its_backups_is_named_not_replaced(library: Path) -> None:
    with Archive.open(library):
        pass
    latest = autobackup.newest(LibraryLayout(library))
    (library / "catalogue.sqlite").unlink()
    from archive_app.domain.errors import CatalogueDamagedError

    with pytest.raises(CatalogueDamagedError, match="has lost its catalogue"):
        Archive.open(library)
    assert not (library / "catalogue.sqlite").exists()  # not silently made anew and empty
    report = Archive.repair(library, from_backup=latest)
    assert report.articles == 1
