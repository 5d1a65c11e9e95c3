"""A backup reaches the disk before it takes its name: the zip and its folder are flushed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from archive_app.usecases.archive import Archive
from archive_app.usecases.backup import BackupError


def _record_fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, bool]]:
    """Each fsync as (the path it flushed, whether that was a folder)."""
    calls: list[tuple[Path, bool]] = []
    real = os.fsync

    def recording(descriptor: int) -> None:
        path = Path(os.readlink(f"/proc/self/fd/{descriptor}"))
        calls.append((path, path.is_dir()))
        real(descriptor)

    monkeypatch.setattr(os, "fsync", recording)
    return calls


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to name descriptors")
def test_the_zip_is_flushed_then_renamed_then_its_folder_flushed(
    tmp_path: Path, seed_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Archive.open(tmp_path / "lib") as archive:
        archive.import_paths([seed_file])
    out = tmp_path / "backups"
    out.mkdir()
    target = out / "library.arsip.zip"
    calls = _record_fsyncs(monkeypatch)
    with Archive.open(tmp_path / "lib", readonly=True) as archive:
        archive.backup(target)
    zips = [i for i, (path, _) in enumerate(calls) if path.parent == out and path.name != ""]
    temps = [i for i in zips if calls[i][0].name.startswith(f".{target.name}.")]
    assert temps, f"the zip was not flushed under its temporary name: {calls}"
    assert calls[temps[-1]][0].name.endswith(".part")
    folder = [i for i, call in enumerate(calls) if call == (out, True)]
    assert folder and folder[-1] > temps[-1], f"the folder was not flushed after: {calls}"
    assert sorted(p.name for p in out.iterdir()) == [target.name]


def test_a_failed_backup_leaves_neither_a_zip_nor_a_temporary_file(
    tmp_path: Path, seed_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Archive.open(tmp_path / "lib") as archive:
        archive.import_paths([seed_file])
    out = tmp_path / "backups"
    out.mkdir()

    def no_room(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_room)
    with (
        Archive.open(tmp_path / "lib", readonly=True) as archive,
        pytest.raises(BackupError, match="no backup file was left there"),
    ):
        archive.backup(out / "library.arsip.zip")
    assert list(out.iterdir()) == []
