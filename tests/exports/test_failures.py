"""A failed export (full disk, read-only folder) leaves nothing that looks complete behind."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path
from typing import IO, Any

import pytest

from archive_app.cli import main
from archive_app.domain.errors import ExportError
from archive_app.storage import atomic
from archive_app.storage.atomic import atomic_file, atomic_folder

TEXT_FORMATS = ("jsonl", "csv", "csl-json", "ris", "bibtex", "oai-dc", "jsonld")


class FillingDisk:
    """A file that takes `room` bytes and then fails the way a full disk does."""

    def __init__(self, stream: IO[Any], room: int) -> None:
        self._stream = stream
        self._room = room

    def write(self, data: Any) -> int:
        if len(data) > self._room:
            self._stream.write(data[: self._room])  # part of it reaches the disk
            self._stream.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(data)
        return int(self._stream.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def __enter__(self) -> FillingDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every export file fills the disk after 100 bytes."""
    real = atomic._open

    def filling(path: Path, binary: bool) -> IO[Any]:
        return FillingDisk(real(path, binary), 100)  # type: ignore[return-value]

    monkeypatch.setattr(atomic, "_open", filling)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize("fmt", [*TEXT_FORMATS, "originals-zip"])
def test_a_full_disk_leaves_nothing_behind(
    fmt: str,
    full_disk: None,
    export_library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "export.file"
    code = main(
        ["--library", str(export_library), "export", "--format", fmt, "--output", str(target)]
    )
    assert code == 1
    err = _one_line_error(capsys)
    assert err == f"archive-app: cannot export to {target}: the disk is full; nothing was written"
    assert _leftovers(out) == []


def test_a_full_disk_keeps_an_earlier_export(
    full_disk: None, export_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "refs.bib"
    target.write_text("the earlier export\n", encoding="utf-8")
    assert (
        main(
            [
                "--library",
                str(export_library),
                "export",
                "--format",
                "bibtex",
                "--output",
                str(target),
            ]
        )
        == 1
    )
    assert target.read_text(encoding="utf-8") == "the earlier export\n"
    assert _leftovers(tmp_path) == ["refs.bib"]
    assert "the disk is full" in _one_line_error(capsys)


def test_a_full_disk_while_filling_the_html_folder(
    export_library: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def no_room(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(shutil, "copyfile", no_room)  # the photo copy runs out of room
    target = tmp_path / "site"
    assert (
        main(
            [
                "--library",
                str(export_library),
                "export",
                "--format",
                "html",
                "--output",
                str(target),
            ]
        )
        == 1
    )
    assert "the disk is full" in _one_line_error(capsys)
    assert _leftovers(tmp_path) == []


def test_the_disk_filling_at_the_final_flush(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Some file systems only report ENOSPC when the data is synced."""

    def no_room(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("archive_app.storage.atomic.os.fsync", no_room)
    with (
        pytest.raises(ExportError, match="the disk is full"),
        atomic_file(tmp_path / "x.csv") as stream,
    ):
        stream.write("id,title\r\n")
    assert _leftovers(tmp_path) == []


def test_a_read_only_folder_is_refused_cleanly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """As root a chmod cannot stop a write, so the refusal the OS gives is simulated too."""

    def refused(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(atomic, "_open", refused)
    monkeypatch.setattr("archive_app.storage.atomic.os.mkdir", refused)
    with pytest.raises(ExportError) as raised, atomic_file(tmp_path / "x.ris"):
        pass
    assert str(raised.value) == (
        f"cannot export to {tmp_path / 'x.ris'}: permission denied "
        "(the folder is read-only or belongs to someone else); "
        "nothing was written"
    )
    with pytest.raises(ExportError, match="permission denied"), atomic_folder(tmp_path / "site"):
        pass
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(
    os.geteuid() == 0,
    reason="root writes into a read-only folder regardless "
    "(the refusal is simulated in the test above)",
)
def test_a_real_read_only_folder(
    export_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        assert (
            main(
                [
                    "--library",
                    str(export_library),
                    "export",
                    "--format",
                    "csv",
                    "--output",
                    str(locked / "out.csv"),
                ]
            )
            == 1
        )
        assert "permission denied" in _one_line_error(capsys)
        assert _leftovers(locked) == []
    finally:
        locked.chmod(0o755)


def test_real_failures_without_simulation(
    export_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    cases = [
        (tmp_path / "missing" / "out.csv", "the folder", "does not exist"),
        (tmp_path / "a-file" / "out.csv", "a part of the path is a file", ""),
        (tmp_path, "is a folder; give a file name", ""),
    ]
    for target, first, second in cases:
        assert (
            main(
                [
                    "--library",
                    str(export_library),
                    "export",
                    "--format",
                    "csv",
                    "--output",
                    str(target),
                ]
            )
            == 1
        )
        err = _one_line_error(capsys)
        assert first in err and second in err
    assert _leftovers(tmp_path) == ["a-file"]


def test_an_error_inside_a_format_removes_the_partial_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError), atomic_file(tmp_path / "x.json") as stream:
        stream.write("[{")
        raise ValueError("a bug in a writer")
    with pytest.raises(ValueError), atomic_folder(tmp_path / "site") as folder:
        (folder / "index.html").write_text("<!DOCTYPE html>", encoding="utf-8")
        raise ValueError("a bug in a writer")
    assert _leftovers(tmp_path) == []


def test_exports_get_the_usual_permissions(tmp_path: Path) -> None:
    """Not the owner-only ones of a temporary file: an export is meant to be shared."""
    umask = os.umask(0o022)
    try:
        with atomic_file(tmp_path / "x.csv") as stream:
            stream.write("id\r\n")
        with atomic_folder(tmp_path / "site") as folder:
            (folder / "index.html").write_text("x", encoding="utf-8")
    finally:
        os.umask(umask)
    assert (tmp_path / "x.csv").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "site").stat().st_mode & 0o777 == 0o755


def test_folder_targets(tmp_path: Path) -> None:
    """A folder export replaces an earlier export or fills an empty folder, never more."""
    site = tmp_path / "site"
    with atomic_folder(site) as folder:
        (folder / "index.html").write_text("first", encoding="utf-8")
    with atomic_folder(site) as folder:  # an earlier export: replaced whole
        (folder / "index.html").write_text("second", encoding="utf-8")
    assert _leftovers(site) == [".arsip-export", "index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "second"
    empty = tmp_path / "empty"
    empty.mkdir()
    with atomic_folder(empty) as folder:
        (folder / "index.html").write_text("third", encoding="utf-8")
    assert (empty / "index.html").is_file()
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "thesis.docx").write_text("precious", encoding="utf-8")
    with pytest.raises(ExportError, match="already holds other files"), atomic_folder(papers):
        pass
    assert _leftovers(papers) == ["thesis.docx"]
    with pytest.raises(ExportError, match="is a file"), atomic_folder(papers / "thesis.docx"):
        pass
    assert _leftovers(tmp_path) == ["empty", "papers", "site"]
