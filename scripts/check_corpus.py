"""Import all of ../shared/corpus into a fresh library and count records that break invariants.

No gold is needed: control characters in a field, labels left in bodies, dates printed but not
read, a language contradicting the script, titles shared by many pages of a site, tiny photos
stored as news photos. Prints the counts with a few examples per kind and writes
bench-results/check-corpus.json. `--app-src DIR` runs the import and export with another
checkout's code (its src/ folder), to compare before and after a change.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from archive_app.evaluation.invariants import KINDS, check_records  # noqa: E402


def _run(command: list[str], app_src: Path | None) -> int:
    env = dict(os.environ)
    if app_src is not None:
        env["PYTHONPATH"] = str(app_src)
    return subprocess.run(
        [sys.executable, "-m", "archive_app", *command],
        env=env,
        stdout=subprocess.DEVNULL,
        check=False,
    ).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--library", default=str(REPO / "bench-results" / "check-corpus-lib"))
    parser.add_argument("--app-src", help="the src/ folder of the Arsip code to import with")
    parser.add_argument("--reuse", action="store_true", help="keep an earlier run's library")
    parser.add_argument("--output", default=str(REPO / "bench-results" / "check-corpus.json"))
    args = parser.parse_args()
    corpus, library = Path(args.corpus), Path(args.library)
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    app_src = Path(args.app_src).resolve() if args.app_src else None
    started = time.monotonic()
    if not args.reuse:
        shutil.rmtree(library, ignore_errors=True)
        _run(["--library", str(library), "import", str(corpus)], app_src)
    exported = library.parent / f"{library.name}.jsonl"
    if _run(
        ["--library", str(library), "export", "--format", "jsonl", "--output", str(exported)],
        app_src,
    ) not in (0, 1):
        print("the export failed", file=sys.stderr)
        return 1
    with exported.open(encoding="utf-8") as stream:
        found = check_records((json.loads(line) for line in stream if line.strip()), library)
    print(f"{found.records:,} records from {corpus} ({time.monotonic() - started:.0f} s)\n")
    print(f"{'kind':<20} {'records':>8}  what")
    print("-" * 72)
    for kind, what in KINDS.items():
        print(f"{kind:<20} {found.counts[kind]:>8}  {what}")
    for kind in KINDS:
        for example in found.examples.get(kind, []):
            print(f"  {kind}: {example}")
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(
        json.dumps(
            {
                "records": found.records,
                "counts": dict(found.counts),
                "examples": found.examples,
                "code": str(app_src or REPO),
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
