"""Killed parents leave no processes behind and no library locked (issue 12, point 3).

Here only the command's own process is killed (as the out-of-memory killer or `kill PID` does),
not its process group: what it started must end by itself.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.faults import kit
from tests.faults.conftest import FaultRecorder

from archive_app.usecases.archive import Archive

pytestmark = pytest.mark.usefixtures("linux_processes")


@pytest.fixture
def linux_processes() -> None:
    kit.needs_proc()


@pytest.fixture(scope="module")
def indexed_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library of 800 articles, imported once (tests copy it)."""
    base = tmp_path_factory.mktemp("orphans")
    corpus = kit.write_corpus(base / "corpus", 800, 4)
    library = base / "library"
    result = kit.run(library, "import", *map(str, corpus))
    assert result.returncode == 0, result.stderr
    return library


@pytest.fixture
def library_copy(indexed_library: Path, tmp_path: Path) -> Path:
    target = tmp_path / "library"
    shutil.copytree(indexed_library, target)
    return target


def _end(processes: list[kit.ProcessId]) -> None:
    """Kill what a failing test found still alive (so one failure does not leave junk)."""
    for process in processes:
        if process.alive():
            try:
                os.kill(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


@pytest.mark.faults_slow
def test_a_killed_reindex_leaves_no_worker_and_no_lock(
    library_copy: Path, tmp_path: Path, fault_case: FaultRecorder
) -> None:
    running = kit.start(library_copy, "reindex", workdir=tmp_path)
    # the moment: reindex has started its worker processes (besides itself)
    running.wait_for(lambda: len(running.look()) >= 3, "reindex's worker processes started")
    workers = [p for p in running.look() if p.pid != running.pid]
    running.kill(group=False)
    left = running.leftovers()
    try:
        assert left == [], f"still alive after reindex was killed: {left}"
        assert kit.lock_is_free(library_copy)
    finally:
        _end(left)
    with Archive.open(library_copy) as archive:  # a writer may open it again at once
        assert archive.lock_note is not None and f"pid {running.pid}" in archive.lock_note
    assert kit.run(library_copy, "reindex").returncode == 0
    assert kit.check(library_copy)["ok"]
    assert kit.search_total(library_copy, "nomor17") == 1
    fault_case(
        "reindex killed (its own process only, not its workers)",
        f"{len(workers)} workers ended with it; lock free; reindex again: check clean",
        True,
    )


@pytest.fixture
def many_small_files(tmp_path: Path) -> list[Path]:
    """400 files of three articles: a big import (200 files or more) from its first file."""
    return kit.write_corpus(tmp_path / "small", 1200, 400)


@pytest.mark.faults_slow
def test_a_killed_import_leaves_no_indexer_and_no_resource_tracker(
    many_small_files: list[Path], tmp_path: Path, fault_case: FaultRecorder
) -> None:
    library = tmp_path / "library"
    running = kit.start(library, "import", str(many_small_files[0].parent), workdir=tmp_path)
    # the moment: the indexing process runs and the first group of articles is committed
    running.wait_for(
        lambda: len(running.look()) >= 2 and kit.articles_in_catalogue(library) > 0,
        "the indexer started and the first articles were committed",
    )
    started = [p for p in running.look() if p.pid != running.pid]
    committed = kit.articles_in_catalogue(library)
    running.kill(group=False)
    left = running.leftovers()
    try:
        assert left == [], f"still alive after the import was killed: {left}"
        assert kit.lock_is_free(library)
    finally:
        _end(left)
    again = kit.run(library, "import", str(many_small_files[0].parent))
    assert again.returncode == 0, again.stderr
    assert kit.check(library)["ok"]
    assert kit.articles_in_catalogue(library) == 1200
    assert kit.search_total(library, "nomor5") == 1 and kit.search_total(library, "nomor1199") == 1
    fault_case(
        "big import killed (its own process only, not the indexer)",
        f"{len(started)} processes it started ended with it ({committed} articles "
        "committed); import again: check clean",
        True,
    )


HOLD_AND_FORK = textwrap.dedent("""
    import os, sys, time
    from archive_app.usecases.archive import Archive
    archive = Archive.open(sys.argv[1])
    child = os.fork()
    if child == 0:  # a child that knows nothing of Arsip: it only lives on
        time.sleep(120)
        os._exit(0)
    print(child, flush=True)
    time.sleep(120)
""")


@pytest.fixture
def forked_child() -> Iterator[list[int]]:
    pids: list[int] = []
    yield pids
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_a_process_forked_by_a_writer_does_not_keep_the_library_locked(
    library_path: Path, forked_child: list[int], fault_case: FaultRecorder
) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", HOLD_AND_FORK, str(library_path)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    forked_child.append(int(writer.stdout.readline()))
    writer.kill()  # the writer dies; the child it forked lives on
    writer.wait(timeout=60)
    with Archive.open(library_path) as archive:  # the lock was the writer's alone
        assert archive.lock_note is not None and f"pid {writer.pid}" in archive.lock_note
    fault_case(
        "writer killed while a process it forked lives on",
        "the child does not hold the lock; the next writer takes it with a note",
        True,
    )
