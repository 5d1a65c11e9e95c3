"""What merging an index's segments costs: peak memory (anonymous and mapped) and CPU per article.

Copies a library's index folder (never writes the original), then merges its segments into one
the way a big import's commit does (search/writing.merge_segments, Arsip's block-copying
writer), while a thread samples this process's RssAnon and RssFile every 0.05 s. Prints the
merged articles, CPU seconds, the peaks and kB per merged article, and writes JSON.

    python benchmarks/merge_memory.py LIBRARY_OR_INDEX [--segments N] [--scratch DIR]
        [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from measure import status_kb


class _Sampler(threading.Thread):
    """The largest RssAnon and RssFile of this process, sampled every 0.05 s."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.anon_kb = 0
        self.file_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.anon_kb = max(self.anon_kb, status_kb("RssAnon"))
            self.file_kb = max(self.file_kb, status_kb("RssFile"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="a library folder, or its index folder")
    parser.add_argument("--segments", type=int, default=0, help="merge the N smallest (0: all)")
    parser.add_argument("--scratch", default=None, help="folder for the copy (default: /tmp)")
    parser.add_argument("--json", dest="json_out", default="")
    args = parser.parse_args()
    from archive_app.search.index import FullTextIndex
    from archive_app.search.writing import merge_segments

    source = Path(args.source)
    if (source / "index").is_dir():
        source = source / "index"
    with tempfile.TemporaryDirectory(prefix="merge-memory-", dir=args.scratch) as scratch:
        folder = Path(scratch) / "index"
        shutil.copytree(source, folder, ignore=shutil.ignore_patterns("*WRITELOCK", "*.tmp"))
        index = FullTextIndex(folder)
        whoosh_index: Any = index._index
        segments = sorted(whoosh_index._segments(), key=lambda s: s.doc_count())
        if args.segments:
            segments = segments[: args.segments]
        articles = sum(s.doc_count() for s in segments)
        before = {"anon_kb": status_kb("RssAnon"), "file_kb": status_kb("RssFile")}
        sampler = _Sampler()
        sampler.start()
        cpu, wall = time.process_time(), time.monotonic()
        merge_segments(whoosh_index, segments)
        cpu, wall = time.process_time() - cpu, time.monotonic() - wall
        sampler.done.set()
        sampler.join()
        index.close()
        result = {
            "segments": len(segments),
            "articles": articles,
            "cpu_seconds": round(cpu, 2),
            "wall_seconds": round(wall, 2),
            "cpu_ms_per_article": round(1000 * cpu / max(articles, 1), 3),
            "anon_mb_before": round(before["anon_kb"] / 1024),
            "anon_mb_peak": round(sampler.anon_kb / 1024),
            "file_mb_before": round(before["file_kb"] / 1024),
            "file_mb_peak": round(sampler.file_kb / 1024),
            "vm_hwm_mb": round(status_kb("VmHWM") / 1024),
            "anon_kb_per_article": round(
                (sampler.anon_kb - before["anon_kb"]) / max(articles, 1), 3
            ),
            "load_average": os.getloadavg(),
        }
    print(json.dumps(result, indent=1))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
