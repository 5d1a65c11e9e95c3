"""Where an import's memory goes: RSS of the import and of its indexing process by articles.

Runs `Archive.import_paths` in this process (so this process is the import process) on the
given files, and every --every articles records the import process's resident and anonymous
memory (/proc/self/status VmRSS, RssAnon) and the resident memory of its children (the
indexing process). Prints a table, the slope of the import process's anonymous memory in kB
per article, and writes JSON. With --trace, tracemalloc snapshots are taken as two files
start and the allocations that grew most between them are printed by traceback (slow:
tracemalloc roughly halves the speed; memory held in C, such as SQLite's page cache, does not
show in it, hence the RSS beside it).

    python benchmarks/import_memory.py FILES... --library DIR [--every 5000]
        [--trace 2,8 | --top-at ARTICLES] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import linecache
import os
import resource
import sys
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any

from measure import PAGE, _descendants, status_kb


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _children_rss_mb() -> float:
    total = 0
    for member in _descendants(os.getpid())[1:]:
        try:
            with open(f"/proc/{member}/statm") as stream:
                total += int(stream.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total / 2**20


class _Peaks(threading.Thread):
    """The largest resident memory of this process's children, and of the whole tree, sampled
    every 0.2 s."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.children_mb = 0.0
        self.tree_mb = 0.0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            children = _children_rss_mb()
            self.children_mb = max(self.children_mb, children)
            self.tree_mb = max(self.tree_mb, children + status_kb("VmRSS") / 1024)


def _top_growth(first: Any, second: Any, limit: int = 25) -> list[str]:
    lines = []
    for stat in second.compare_to(first, "traceback")[:limit]:
        lines.append(f"{stat.size_diff / 2**20:+8.1f} MB {stat.count_diff:+9,d} blocks")
        for frame in stat.traceback.format(limit=6, most_recent_first=True):
            lines.append("    " + frame.strip())
    linecache.clearcache()
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--library", required=True)
    parser.add_argument("--every", type=int, default=5000)
    parser.add_argument(
        "--trace",
        default="",
        help="two file counts, e.g. 2,8: tracemalloc snapshots as the import starts those files",
    )
    parser.add_argument(
        "--top-at",
        type=int,
        default=0,
        help="a tracemalloc snapshot at this many articles: the lines holding most memory",
    )
    parser.add_argument("--json", dest="json_out", default="")
    args = parser.parse_args()
    from archive_app.usecases.archive import Archive

    marks = [int(n) for n in args.trace.split(",") if n]
    if marks:
        tracemalloc.start(12)
    elif args.top_at:
        tracemalloc.start(1)  # one frame: the line that allocated, at the least cost
    held: list[str] = []
    snapshots: list[Any] = []
    samples: list[dict[str, float]] = []
    started = time.monotonic()
    cpu_started = time.process_time()
    next_at = [0]

    def progress(p: Any) -> None:
        if p.articles >= next_at[0]:
            next_at[0] = p.articles + args.every
            sample = {
                "articles": p.articles,
                "seconds": round(time.monotonic() - started, 1),
                "rss_mb": status_kb("VmRSS") / 1024,
                "anon_mb": status_kb("RssAnon") / 1024,
                "children_mb": _children_rss_mb(),
            }
            samples.append(sample)
            print(
                f"{sample['articles']:>9,} articles {sample['seconds']:>7.0f} s  "
                f"import rss {sample['rss_mb']:6.0f} MB anon {sample['anon_mb']:6.0f} MB  "
                f"indexer {sample['children_mb']:6.0f} MB",
                file=sys.stderr,
                flush=True,
            )
        if args.top_at and not held and p.articles >= args.top_at:
            top = tracemalloc.take_snapshot().statistics("lineno")[:30]
            held.append(f"held at {p.articles:,} articles (tracemalloc, by line):")
            held.extend(f"{t.size / 2**20:8.1f} MB {t.count:9,d}  {t.traceback}" for t in top)
            print("\n".join(held), file=sys.stderr, flush=True)
        # at a file's start the files before it are committed: what is held then is held
        # between files, not the open file's transaction
        if marks and len(snapshots) < len(marks) and p.done >= marks[len(snapshots)]:
            snapshots.append(tracemalloc.take_snapshot())
            print(f"snapshot at file {p.done}, {p.articles:,} articles", file=sys.stderr)

    peaks = _Peaks()
    peaks.start()
    with Archive.open(args.library) as archive:
        report = archive.import_paths(args.paths, progress=progress)
    peaks.done.set()
    seconds = time.monotonic() - started
    added = len(report.added)
    result: dict[str, Any] = {
        "added": added,
        "seconds": round(seconds, 1),
        "cpu_seconds_import_process": round(time.process_time() - cpu_started, 1),
        # the indexing process, joined by now (its CPU only: its start-up included)
        "cpu_seconds_indexing_process": round(_children_cpu(), 1),
        "cpu_ms_per_article_import_process": round(
            1000 * (time.process_time() - cpu_started) / max(len(report.added), 1), 2
        ),
        "cpu_ms_per_article_indexing_process": round(
            1000 * _children_cpu() / max(len(report.added), 1), 2
        ),
        "articles_per_second": round(added / seconds, 1) if seconds else None,
        "peak_rss_mb_import_process": status_kb("VmHWM") / 1024,
        "peak_rss_mb_children": round(peaks.children_mb),
        "peak_rss_mb_tree_sampled": round(peaks.tree_mb),
        "load_average": os.getloadavg(),
        "samples": samples,
    }
    tail = [s for s in samples if s["articles"] >= 20_000]
    if len(tail) >= 2:
        first, last = tail[0], tail[-1]
        result["anon_kb_per_article"] = round(
            (last["anon_mb"] - first["anon_mb"]) * 1024 / (last["articles"] - first["articles"]),
            3,
        )
    print(json.dumps({k: v for k, v in result.items() if k != "samples"}, indent=1))
    if len(snapshots) == 2:
        print(f"\ngrowth between the starts of files {marks[0]} and {marks[1]} (tracemalloc):")
        print("\n".join(_top_growth(*snapshots)))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
