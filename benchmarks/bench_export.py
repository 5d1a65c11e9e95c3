"""Lossless export benchmark: `archive-app export --format jsonl` of a whole library, a folder
library and the same articles in a team catalogue, articles per second and peak memory.

    python benchmarks/bench_export.py --library FOLDER [--before-src DIR] [--team]
                                      [--results DIR] [--name NAME]

FOLDER is a folder library (benchmarks/generate.py and bench_import.py make one); it is only
read. With --before-src (a `src` folder of another commit, e.g. from `git archive`) that code's
export is run too, on the same library, and the two outputs must be byte-identical. With
--team, a throwaway PostgreSQL cluster (pg_cluster.py) is started, FOLDER is copied into a
team catalogue with `archive-app team push`, and the same exports are run on it. Prints a
table and writes RESULTS/NAME.json with the load average at each step.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench_import import app_command, compile_package
from measure import run_measured
from pg_cluster import throwaway_cluster

SUPERUSER = "arsip_bench"


def export_once(library: str, out: Path, src: Path | None, env: dict[str, str]) -> dict[str, Any]:
    """One whole-library lossless export in a process of its own (with the code in `src` when
    given, else the installed package's): its time, CPU, peak memory and output's digest."""
    command = [app_command(), "--library", library, "export", "--format", "jsonl"]
    saved = dict(os.environ)
    os.environ.update(env)
    if src is not None:
        os.environ["PYTHONPATH"] = str(src)  # ahead of the editable install on sys.path
    try:
        load = os.getloadavg()
        run = run_measured([*command, "--output", str(out)], out.with_suffix(".log"))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{run.stderr_tail}")
    digest = hashlib.sha256()
    lines = 0
    with out.open("rb") as stream:
        for line in stream:
            digest.update(line)
            lines += 1
    out.unlink()
    return {
        "articles": lines,
        "seconds": round(run.seconds, 2),
        "cpu_seconds": round(run.cpu_seconds, 2),
        "articles_per_s": round(lines / run.seconds, 1) if run.seconds else None,
        "articles_per_cpu_s": round(lines / run.cpu_seconds, 1) if run.cpu_seconds else None,
        "peak_mb": run.peak_tree_rss_bytes >> 20,
        "sha256": digest.hexdigest(),
        "load_before": [round(x, 2) for x in load],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }


def compare(
    kind: str, library: str, work: Path, before: Path | None, env: dict[str, str]
) -> dict[str, Any]:
    """The export with the code before (when given) and now, on one library."""
    runs: dict[str, Any] = {}
    if before is not None:
        print(f"{kind}: export with {before} ...", flush=True)
        runs["before"] = export_once(library, work / f"{kind}-before.jsonl", before, env)
    print(f"{kind}: export with the installed package ...", flush=True)
    runs["after"] = export_once(library, work / f"{kind}-after.jsonl", None, env)
    for code in ("before", "after"):
        if code in runs:  # as it goes: a long run's first figures are not lost with its end
            print(f"{kind} {code}: {json.dumps(runs[code])}", flush=True)
    if before is not None:
        runs["identical"] = runs["before"]["sha256"] == runs["after"]["sha256"]
    return runs


def push(library: Path, address: str, env: dict[str, str]) -> dict[str, Any]:
    """Fill the team catalogue from the folder library (this desktop's index built as it goes)."""
    print(f"team: push {library} ...", flush=True)
    command = [app_command(), "team", "push", str(library), address]
    with tempfile.TemporaryDirectory() as logs:
        saved = dict(os.environ)
        os.environ.update(env)
        try:
            run = run_measured(command, Path(logs) / "push.log")
        finally:
            os.environ.clear()
            os.environ.update(saved)
    if run.returncode != 0:
        raise SystemExit(f"team push failed:\n{run.stderr_tail}")
    return {"seconds": round(run.seconds, 1), "cpu_seconds": round(run.cpu_seconds, 1)}


def print_table(result: dict[str, Any]) -> None:
    print(
        f"\n{'library':8} {'code':7} {'articles':>9} {'s':>8} {'cpu s':>8} {'art/s':>8} "
        f"{'peak MB':>8}  load (1, 5, 15 min) at start"
    )
    for kind in ("folder", "team"):
        for code in ("before", "after"):
            run = result.get(kind, {}).get(code)
            if run is None:
                continue
            print(
                f"{kind:8} {code:7} {run['articles']:>9,} {run['seconds']:>8} "
                f"{run['cpu_seconds']:>8} {run['articles_per_s']:>8} {run['peak_mb']:>8}  "
                f"{run['load_before']}"
            )
        if "identical" in result.get(kind, {}):
            print(f"{kind}: outputs byte-identical: {result[kind]['identical']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--before-src", type=Path)
    parser.add_argument("--team", action="store_true")
    parser.add_argument("--results", type=Path, default=Path("bench-results"))
    parser.add_argument("--name", default="export")
    args = parser.parse_args()
    compile_package()
    if args.before_src is not None:
        import compileall

        compileall.compile_dir(args.before_src, quiet=1)
    args.results.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"library": str(args.library)}
    with tempfile.TemporaryDirectory(prefix="arsip-bench-export-") as scratch:
        work = Path(scratch)
        # this benchmark's own user data folder: a team library's desktop part goes there
        env = {"XDG_DATA_HOME": str(work / "desktop")}
        result["folder"] = compare("folder", str(args.library), work, args.before_src, env)
        if args.team:
            with throwaway_cluster(SUPERUSER, "arsip-bench-export-pg-") as cluster:
                address = cluster.create_database("arsip_export")
                result["team_push"] = push(args.library, address, env)
                result["team"] = compare("team", address, work, args.before_src, env)
    print_table(result)
    out = args.results / f"{args.name}.json"
    out.write_text(json.dumps(result, indent=2))
    print(f"\nwrote {out}")
    same = [result[k]["identical"] for k in ("folder", "team") if "identical" in result.get(k, {})]
    return 0 if all(same) else 1


if __name__ == "__main__":
    sys.exit(main())
