"""Where the seconds go between one desktop's edit and another desktop's search finding it.

    python benchmarks/team_latency.py [--articles 1000] [--edits 40] [--out FILE]

On a throwaway PostgreSQL cluster (pg_cluster.py): desktop A imports ARTICLES generated
articles (bench-results/corpus-N, made by generate.py when missing), desktop B starts with a
copy of A's index and listens for the team's changes as the window does. A then tags hot
articles one after another; for each edit B's timestamps give the stages: commit to the
listener's wake (NOTIFY), reading the change log, reading the articles, the index commit, and
the search finding the tag. Both desktops run in this one process, on threads, so that one
clock times them. Prints medians and p95s per stage and writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from measure import summary
from pg_cluster import throwaway_cluster

from archive_app.search import writing
from archive_app.usecases import index_upkeep, team_follow
from archive_app.usecases.archive import Archive

HERE = Path(__file__).resolve().parent
HOT = 4
LISTENER = "arsip-change-listener"  # the thread B follows the log on


class Stamps:
    """The latest time each stage of B's following ended (one edit at a time is in flight)."""

    def __init__(self) -> None:
        self.at: dict[str, float] = {}

    def wrap(self, owner: Any, name: str, stage: str, first: bool = False) -> None:
        """Stamp when `owner.name` returns (when it is called, with `first`)."""
        original: Callable[..., Any] = getattr(owner, name)

        def stamped(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread().name != LISTENER:  # desktop A's own indexing
                return original(*args, **kwargs)
            if first:
                self.at.setdefault(stage, time.time())
            result = original(*args, **kwargs)
            if not first:
                self.at.setdefault(stage, time.time())
            return result

        setattr(owner, name, stamped)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between edits")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--corpus", type=Path, help="a generated corpus folder to import")
    args = parser.parse_args()
    corpus = args.corpus or HERE.parent / "bench-results" / f"corpus-{args.articles}"
    if not any(corpus.glob("part-*.jsonl.gz")):
        generate = [sys.executable, str(HERE / "generate.py"), "--articles", str(args.articles)]
        import subprocess

        subprocess.run([*generate, "--out", str(corpus)], check=True)
    stamps = Stamps()
    stamps.wrap(team_follow.ChangeLogFollower, "follow", "wake", first=True)
    stamps.wrap(team_follow, "read_changes", "log read")
    stamps.wrap(index_upkeep.IndexUpkeep, "documents", "articles read", first=True)
    stamps.wrap(writing.IndexBatch, "commit", "index commit")
    work = Path(tempfile.mkdtemp(prefix="arsip-latency-"))
    try:
        with throwaway_cluster("arsip_bench", "arsip-latency-pg-") as cluster:
            address = cluster.create_database("arsip_latency")
            rows = measure(address, work, corpus, args, stamps)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    stages = ["wake", "log read", "articles read", "index commit", "found"]
    result: dict[str, Any] = {"articles": args.articles, "edits": len(rows)}
    previous = "commit"
    for stage in stages:
        gaps = [r[stage] - r[previous] for r in rows if stage in r and previous in r]
        result[f"{previous} -> {stage} ms"] = summary(gaps)
        previous = stage
    result["commit -> found ms"] = summary([r["found"] - r["commit"] for r in rows if "found" in r])
    result["never found"] = sum(1 for r in rows if "found" not in r)
    result["load"] = os.getloadavg()
    for name, figures in result.items():
        print(f"{name:<32} {figures}")
    if args.out:
        args.out.write_text(json.dumps(result, indent=2))
    return 0


def measure(
    address: str, work: Path, corpus: Path, args: argparse.Namespace, stamps: Stamps
) -> list[dict[str, float]]:
    os.environ["XDG_DATA_HOME"] = str(work / "a")
    with Archive.open(address) as a:
        a.import_paths(sorted(corpus.glob("part-*.jsonl.gz")))
    # B starts with A's index, as a member given a copy does
    shutil.copytree(work / "a", work / "b", ignore=shutil.ignore_patterns("*.lock", "originals"))
    os.environ["XDG_DATA_HOME"] = str(work / "b")
    b = Archive.open(address, check_later=True)
    os.environ["XDG_DATA_HOME"] = str(work / "a")
    a = Archive.open(address, check_later=True)
    woken = threading.Event()
    rows: list[dict[str, float]] = []
    try:
        b.listen_for_team_changes(lambda _ids: woken.set())
        while not b.listening_for_team_changes:
            time.sleep(0.05)
        hot = list(range(1, HOT + 1))  # the catalogue's first articles
        for n in range(args.edits):
            article = hot[n % HOT]
            tag = f"lat{n}"
            detail = a.article(article)
            stamps.at.clear()
            woken.clear()
            row = {"commit": time.time()}  # the edit's call: its commit is within it
            a.edit(article, {"tags": [*detail.tags, tag]}, expected_version=detail.row_version)
            deadline = time.time() + 60
            while time.time() < deadline:
                woken.wait(0.05)
                woken.clear()
                if b.matching_ids(f"tag:{tag}"):
                    row["found"] = time.time()
                    break
            row.update(stamps.at)
            rows.append(row)
            time.sleep(args.pause)
    finally:
        a.close()
        b.close()
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
