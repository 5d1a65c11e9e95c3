"""A desktop of bench_team as a process: a cataloguer tagging against row versions, or a watcher
timing how soon its search finds the cataloguers' edits.

    python benchmarks/team_desk.py catalogue ADDRESS --writer K --ids 1,2,3 --stop FILE --log FILE
    python benchmarks/team_desk.py watch ADDRESS --logs FILE... --stop FILE --out FILE

Each runs on the Archive facade in one long process, as the window does: a process per edit
would time Python's start, not the team catalogue. XDG_DATA_HOME (set by the caller) gives each
its own desktop folder (index, lock, change-log mark).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import threading
import time
from pathlib import Path
from typing import Any, TextIO

from archive_app.domain.conflicts import ConflictError
from archive_app.usecases.archive import Archive

GRACE = 30.0  # seconds the watcher waits for edits still unfound once the writers stopped


def catalogue(args: argparse.Namespace) -> int:
    """Add a new tag to a random article of the hot set, against the version just read; a
    refused edit (someone else changed it meanwhile) is counted, read again and retried.

    The log gets a line per committed edit (its tag, and the clock before and after the
    call: the commit is between) and per conflict, then a summary line."""
    ids = [int(i) for i in args.ids.split(",")]
    rng = random.Random(args.writer)
    edits = conflicts = 0
    with (
        Archive.open(args.library, check_later=True) as archive,
        args.log.open("w", encoding="utf-8") as log,
    ):
        first = time.time()
        while not args.stop.exists():
            article_id = rng.choice(ids)
            tag = f"w{args.writer}n{edits}"
            while True:
                detail = archive.article(article_id)
                before = time.time()
                try:
                    archive.edit(
                        article_id,
                        {"tags": [*detail.tags, tag]},
                        expected_version=detail.row_version,
                    )
                except ConflictError as error:
                    conflicts += 1
                    _put(log, {"conflict": article_id, "line": str(error).splitlines()[0]})
                    continue
                break
            edits += 1
            _put(log, {"tag": tag, "article": article_id, "before": before, "after": time.time()})
        _put(
            log,
            {
                "writer": args.writer,
                "edits": edits,
                "conflicts": conflicts,
                "first": first,
                "last": time.time(),
            },
        )
    return 0


def watch(args: argparse.Namespace) -> int:
    """Listen for the team's changes as the window does; each time the index took some (and
    each time a writer logs a new edit), search for every edit not found yet. The output
    says the CPU the listening thread (following the log, indexing) and the whole process
    took, how many articles it followed, and each time it was told of some: the clock, the
    articles so far and the listener's CPU so far (what it did between an edit's commit and
    its finding, whatever the machine's load)."""
    woken = threading.Event()
    followed: dict[str, Any] = {"articles": 0, "listener_cpu": 0.0, "told": []}

    def told(ids: frozenset[int]) -> None:  # on the listener's thread
        followed["articles"] += len(ids)
        followed["listener_cpu"] = time.thread_time()
        followed["told"].append((time.time(), followed["articles"], followed["listener_cpu"]))
        woken.set()

    pending: dict[str, dict[str, Any]] = {}
    found: list[dict[str, Any]] = []
    offsets = dict.fromkeys(args.logs, 0)
    with Archive.open(args.library, check_later=True) as archive:
        archive.listen_for_team_changes(told)
        while not archive.listening_for_team_changes:
            time.sleep(0.05)
        print("listening", flush=True)
        deadline: float | None = None
        while deadline is None or (pending and time.time() < deadline):
            wake = woken.wait(0.25)
            woken.clear()
            fresh = _read_new(offsets, pending)
            if deadline is None and args.stop.exists():
                _read_new(offsets, pending)  # the writers' last lines
                deadline = time.time() + GRACE
            if not (wake or fresh):
                continue
            for tag, edit in list(pending.items()) if wake else fresh:
                if archive.matching_ids(f"tag:{tag}"):
                    edit["found"] = time.time()
                    found.append(pending.pop(tag))
    cpu = {"process_cpu": time.process_time(), **followed}
    args.out.write_text(json.dumps({"found": found, "unfound": list(pending.values()), **cpu}))
    return 0


def _read_new(
    offsets: dict[Path, int], pending: dict[str, dict[str, Any]]
) -> list[tuple[str, Any]]:
    """The writers' edits logged since the last reading (whole lines only) into `pending`."""
    fresh = []
    for path, offset in offsets.items():
        if not path.exists():
            continue
        with path.open("rb") as stream:
            stream.seek(offset)
            chunk = stream.read()
        whole = chunk[: chunk.rfind(b"\n") + 1]
        offsets[path] = offset + len(whole)
        for line in whole.splitlines():
            entry = json.loads(line)
            if "tag" in entry:
                pending[entry["tag"]] = entry
                fresh.append((entry["tag"], entry))
    return fresh


def _put(stream: TextIO, entry: dict[str, Any]) -> None:
    stream.write(json.dumps(entry) + "\n")
    stream.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="role", required=True)
    writer = sub.add_parser("catalogue")
    writer.add_argument("library")
    writer.add_argument("--writer", type=int, required=True)
    writer.add_argument("--ids", required=True)
    writer.add_argument("--stop", type=Path, required=True)
    writer.add_argument("--log", type=Path, required=True)
    watcher = sub.add_parser("watch")
    watcher.add_argument("library")
    watcher.add_argument("--logs", type=Path, nargs="+", required=True)
    watcher.add_argument("--stop", type=Path, required=True)
    watcher.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    return catalogue(args) if args.role == "catalogue" else watch(args)


if __name__ == "__main__":
    sys.exit(main())
