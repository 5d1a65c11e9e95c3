"""The one way Arsip writes a whole file: beside the target, flushed, renamed, folder flushed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from archive_app.storage import atomic, originals
from archive_app.storage.atomic import atomic_path, atomic_stream


def test_a_complete_stream_replaces_the_target(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old\n", encoding="utf-8")
    with atomic_stream(target) as stream:
        stream.write("a,b\r\n")
        assert target.read_text(encoding="utf-8") == "old\n"  # not yet
    assert target.read_bytes() == b"a,b\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv"]


@pytest.mark.parametrize("where", ["writing", "flushing", "renaming"])
def test_a_failed_write_leaves_no_partial_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    target = tmp_path / "report.csv"
    target.write_text("earlier\n", encoding="utf-8")
    broken = OSError(28, "No space left on device")

    def fail(*args: object) -> None:
        raise broken

    if where == "flushing":
        monkeypatch.setattr(os, "fsync", fail)
    elif where == "renaming":
        monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(OSError) as raised, atomic_stream(target) as stream:
        stream.write("half of it")
        if where == "writing":
            raise broken
    assert raised.value is broken
    assert target.read_text(encoding="utf-8") == "earlier\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv"]


def test_a_path_for_a_writer_that_wants_a_name(tmp_path: Path) -> None:
    target = tmp_path / "backup.zip"
    with pytest.raises(ValueError), atomic_path(target) as temp:
        assert temp.parent == tmp_path and temp.name.startswith(".backup.zip.")
        assert temp.name.endswith(".part")  # a name the leftovers cleanup recognises
        temp.write_bytes(b"half")
        raise ValueError("the writer failed")
    assert list(tmp_path.iterdir()) == []
    with atomic_path(target) as temp:
        temp.write_bytes(b"whole")
    assert target.read_bytes() == b"whole" and list(tmp_path.iterdir()) == [target]


def test_a_temporary_file_is_noted_in_the_library_while_written(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    with atomic_path(tmp_path / "out.zip", library=library) as temp:
        temp.write_bytes(b"zip")
        notes = list((library / ".unfinished").glob("*.json"))
        assert len(notes) == 1 and str(temp.resolve()) in notes[0].read_text(encoding="utf-8")
    assert list((library / ".unfinished").glob("*.json")) == []


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to name descriptors")
def test_originals_flush_their_files_then_each_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    contents = [f"article {n}".encode() for n in range(12)]
    staged = [
        s
        for data in contents
        if (
            s := originals.stage(
                tmp_path, originals.relative_path(originals.sha256_of(data), ".txt"), data
            )
        )
    ]
    flushed: list[Path] = []
    real = os.fsync

    def recording(descriptor: int) -> None:
        flushed.append(Path(os.readlink(f"/proc/self/fd/{descriptor}")))
        real(descriptor)

    monkeypatch.setattr(os, "fsync", recording)
    originals.put_in_place(staged)
    folders = {s.target.parent for s in staged}
    assert sorted(p for p in flushed if p.is_dir()) == sorted(folders)
    files = [p for p in flushed if not p.is_dir()]  # flushed under their temporary names
    assert sorted(files) == sorted(s.temp for s in staged)
    assert all(s.target.is_file() and not s.temp.exists() for s in staged)
    assert not list(tmp_path.rglob(".incoming-*"))
