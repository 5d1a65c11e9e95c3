"""The writer lock names its holder by pid and start time; a holder that is gone loses it, with a
note (issue 12, point 3)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive_app import cli
from archive_app.domain.errors import LibraryLockedError
from archive_app.storage.processes import ProcessId, start_time
from archive_app.usecases.archive import Archive

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").is_file(), reason="process start times come from /proc (Linux)"
)

HOLD_OS_LOCK = textwrap.dedent("""
    import fcntl, sys, time
    handle = open(sys.argv[1], "a+")
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    print("held", flush=True)
    time.sleep(120)
""")


@pytest.fixture
def leftover(library_path: Path) -> Iterator[subprocess.Popen[str]]:
    """A process an older, killed Arsip left behind, still holding library.lock's OS lock."""
    Archive.open(library_path).close()
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_OS_LOCK, str(library_path / "library.lock")],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    yield process
    process.kill()
    process.wait(timeout=30)


def _ended_pid() -> int:
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(ended.stdout)


def test_the_lock_names_its_holder_by_pid_and_start_time(library_path: Path) -> None:
    with Archive.open(library_path):
        holder = ProcessId.parse((library_path / "library.lock").read_text(encoding="utf-8"))
        assert holder is not None and holder.pid == os.getpid()
        assert holder.started == start_time(os.getpid())
        with pytest.raises(LibraryLockedError, match=f"pid {os.getpid()} started"):
            Archive.open(library_path)


def test_a_lock_held_for_a_holder_that_is_gone_is_taken_over_with_a_note(
    library_path: Path, leftover: subprocess.Popen[str]
) -> None:
    gone = _ended_pid()
    (library_path / "library.lock").write_text(f"pid {gone} started 1", encoding="utf-8")
    with Archive.open(library_path) as archive:
        assert archive.lock_note is not None
        assert f"pid {gone}" in archive.lock_note and "taken over" in archive.lock_note
        with pytest.raises(LibraryLockedError):  # and it is held again, by this process
            Archive.open(library_path)


def test_a_pid_given_to_another_process_since_does_not_keep_the_lock(
    library_path: Path, leftover: subprocess.Popen[str]
) -> None:
    # the pid is alive (this test's own process) but started at another time: not the holder
    (library_path / "library.lock").write_text(f"pid {os.getpid()} started 1", encoding="utf-8")
    with Archive.open(library_path) as archive:
        assert archive.lock_note is not None and "taken over" in archive.lock_note


def test_a_lock_whose_holder_lives_is_never_taken_over(
    library_path: Path, leftover: subprocess.Popen[str]
) -> None:
    (library_path / "library.lock").write_text(
        f"pid {leftover.pid} started {start_time(leftover.pid)}", encoding="utf-8"
    )
    with pytest.raises(LibraryLockedError, match=f"pid {leftover.pid}"):
        Archive.open(library_path)


KILLED_WRITER = textwrap.dedent("""
    import sys, time
    from archive_app.usecases.archive import Archive
    archive = Archive.open(sys.argv[1])
    print("open", flush=True)
    time.sleep(120)
""")


def test_after_a_killed_writer_the_next_one_says_so_in_one_line(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(library_path)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None and writer.stdout.readline().strip() == "open"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    assert cli.main(["--library", str(library_path), "collection", "create", "Pemilu"]) == 0
    notes = capsys.readouterr().err.strip().splitlines()
    assert len(notes) == 1
    assert f"pid {writer.pid}" in notes[0] and "ended without closing it" in notes[0]
    with Archive.open(library_path) as archive:  # closed properly this time: nothing to say
        assert archive.lock_note is None
