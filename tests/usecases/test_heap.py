"""After a big import's group, the C heap's free memory goes back to the system (glibc)."""

from __future__ import annotations

import sys

import pytest

from archive_app.usecases import heap


def _anon_kb() -> int:
    with open("/proc/self/status") as stream:
        for line in stream:
            if line.startswith("RssAnon:"):
                return int(line.split()[1])
    return 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_memory_freed_by_python_leaves_the_process() -> None:
    # lines of a file's size (over pymalloc's 512 bytes: the C heap's), with a few survivors
    # among them, so the heap cannot shrink by itself from its top
    rows = [f"baris {n} " * 150 for n in range(100_000)]
    kept = rows[::1250]
    del rows
    before = _anon_kb()
    assert heap.give_back()
    assert before - _anon_kb() > 20_000  # kB: most of what the rows took is given back
    assert len(kept) == 80
