"""A disk that fills during an import (issue 12, point 5): the library on a small file system.

The import must stop cleanly: its report of what was stored, one line saying the disk is full
and how much room the rest needs, no traceback, nothing half-written; and once there is room,
the next writer to open the library indexes what the index lacks, and importing again adds the
rest (an export then equals a clean import's).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.faults import kit
from tests.faults.conftest import FaultRecorder

pytestmark = pytest.mark.faults_slow

ARTICLES, FILES = 2000, 8  # 2.6 MB of JSON Lines; a library of about 15 MB once imported
SMALL_DISK = "8m"  # room for the first group or two, not for the rest


def _mount(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, timeout=60)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs of SMALL_DISK mounted for the test (root only), unmounted after."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root (mount -t tmpfs)")
    point = tmp_path / "disk"
    point.mkdir()
    mounted = _mount(["-t", "tmpfs", "-o", f"size={SMALL_DISK}", "tmpfs", str(point)])
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True, timeout=60)


def test_a_full_disk_stops_the_import_cleanly_and_the_next_open_catches_up(
    small_disk: Path, tmp_path: Path, fault_case: FaultRecorder
) -> None:
    corpus = tmp_path / "corpus"
    kit.write_corpus(corpus, ARTICLES, FILES)
    clean = tmp_path / "clean"
    assert kit.run(clean, "import", str(corpus)).returncode == 0
    expected = kit.exported(clean)

    library = small_disk / "library"
    full = kit.run(library, "import", str(corpus))
    assert full.returncode == 1
    assert "Traceback" not in full.stdout + full.stderr
    # one line: the disk is full, and how much the rest needs
    (line,) = full.stderr.strip().splitlines()
    assert line.startswith("archive-app: the disk holding") and " is full: " in line
    assert "need about" in line and "more free space" in line
    # the report says what was stored, and it is what the catalogue holds
    stored = kit.articles_in_catalogue(library)
    assert 0 < stored < ARTICLES, f"the disk should fill part-way ({stored} stored)"
    assert f"— {stored:,} added" in full.stdout and "Import stopped after" in full.stdout
    # nothing half-written: no temporary file, no unnamed segment, no original nobody names
    assert kit.stray_files(library) == []
    assert kit.unreferenced_originals(library) == []
    unindexed = len(kit.check(library)["missing_from_index"])

    # room again: the next writer to open the library indexes what the index lacks
    assert _mount(["-o", "remount,size=64m", str(small_disk)]).returncode == 0
    opened = kit.run(library, "undo")
    assert opened.returncode == 0, opened.stderr
    if unindexed:
        assert f"indexed {unindexed:,} articles left over" in opened.stderr
    assert kit.check(library)["ok"]
    again = kit.run(library, "import", str(corpus))
    assert again.returncode == 0, again.stderr
    assert f"— {ARTICLES - stored:,} added" in again.stdout
    report = kit.check(library)
    assert report["ok"] and report["articles"] == ARTICLES
    assert kit.search_total(library, f"nomor{ARTICLES - 1}") == 1
    assert kit.exported(library) == expected
    fault_case(
        "disk full during an import (8 MB tmpfs)",
        f"exit 1, report of {stored:,} stored, one line, no traceback, nothing "
        f"half-written; {unindexed:,} unindexed caught up on the next open; import "
        "again: export equal",
        True,
    )
