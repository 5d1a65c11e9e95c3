"""Expanding the chosen paths: folders walked, and only regular files ever read."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from archive_app.domain.errors import ReadError
from archive_app.ingest.sources import MissingPath, SkippedPath, SourceFile, expand, read_file

needs_fifo = pytest.mark.skipif(sys.platform == "win32", reason="named pipes are POSIX")


@needs_fifo
def test_a_folder_walk_skips_pipes_and_sockets_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Judul\n\nIsi berita.\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(folder / "sock.txt"))
        (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
        found = expand([folder])
    finally:
        server.close()
    files = [f.path.name for f in found if isinstance(f, SourceFile)]
    skipped = {Path(f.display).name: f.reason for f in found if isinstance(f, SkippedPath)}
    # reading a pipe blocks until something writes to it: it must never be opened
    assert files == ["good.txt"]
    assert skipped == {
        "gone.txt": "skipped: a link to something that is not there",
        "pipe.txt": "skipped: a named pipe (FIFO), not a regular file",
        "sock.txt": "skipped: a socket, not a regular file",
    }


@needs_fifo
def test_a_pipe_named_directly_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    [found] = expand([tmp_path / "pipe.txt"])
    assert isinstance(found, MissingPath)
    assert found.reason == "a named pipe (FIFO), not a regular file or folder"


@needs_fifo
def test_reading_never_blocks_on_a_pipe_put_in_place_of_a_file(tmp_path: Path) -> None:
    # the walk saw a file; by the time it is read, a pipe stands there
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(ReadError, match="not a regular file"):
        read_file(tmp_path / "pipe.txt")
