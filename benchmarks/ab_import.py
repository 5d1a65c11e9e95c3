"""A/B import benchmark: the same imports run by two (or more) source trees, interleaved.

Each tree is a `src` folder (e.g. one made by `git archive f707fb6 | tar -x -C /tmp/base`) run
with this venv's Python and PYTHONPATH pointing at it, so only the code differs. Runs go
ABAB... per round, each into a fresh library, because on a busy machine wall time drifts: CPU
seconds (user+sys of the import and the indexing process it waits for) are the figure to
compare. Prints a table of medians per format and tree and writes the runs as JSON.

    python benchmarks/ab_import.py --tree base=/tmp/base/src --tree head=/tmp/head/src \
        --rounds 3 [--group "Reuters SGML" ...] [--generated 20000] --out bench-results/a-ab.json
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_import import CORPUS, GROUPS, RESULTS
from measure import run_measured

CHUNK = 10_000  # rows per part file of benchmarks/generate.py


def generated_sample(count: int) -> Path:
    """The first `count` generated articles (a prefix of any larger generated corpus)."""
    folder = RESULTS / f"a-generated-{count}"
    if any(folder.glob("part-*.jsonl.gz")):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    source = next(
        (
            f
            for f in sorted(RESULTS.glob("corpus-*"))
            if f.name.split("-")[-1].isdigit() and int(f.name.split("-")[-1]) >= count
        ),
        None,
    )
    if source is None:
        generator = Path(__file__).with_name("generate.py")
        subprocess.run(
            [sys.executable, str(generator), "--articles", str(count), "--out", str(folder)],
            check=True,
        )
        return folder
    left = count
    for part in sorted(source.glob("part-*.jsonl.gz")):
        if left <= 0:
            break
        with gzip.open(part, "rt", encoding="utf-8") as rows:
            lines = [line for _, line in zip(range(min(left, CHUNK)), rows, strict=False)]
        with gzip.open(folder / part.name, "wt", encoding="utf-8") as out:
            out.writelines(lines)
        left -= len(lines)
    return folder


def check_tree(src: Path) -> None:
    """Refuse a tree whose archive_app is not the one imported (e.g. the editable install's)."""
    probe = "import archive_app, sys; print(archive_app.__file__)"
    env = dict(os.environ, PYTHONPATH=str(src))
    found = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    if not Path(found).resolve().is_relative_to(src.resolve()):
        raise SystemExit(f"{src}: Python imports archive_app from {found}")
    compileall.compile_dir(src / "archive_app", quiet=1)


def one_run(src: Path, paths: list[Path], scratch: Path, log: Path) -> dict[str, object]:
    library = scratch / "library"
    shutil.rmtree(library, ignore_errors=True)
    command = [sys.executable, "-m", "archive_app", "--library", str(library), "import"]
    previous = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = str(src)
    try:
        run = run_measured([*command, *map(str, paths)], log)
    finally:
        if previous is None:
            os.environ.pop("PYTHONPATH")
        else:
            os.environ["PYTHONPATH"] = previous
    if run.returncode not in (0, 1):
        raise SystemExit(f"import failed ({src}):\n{run.stderr_tail}")
    counts = summary_counts(run.stdout)
    return {
        "cpu_seconds": round(run.cpu_seconds, 2),
        "seconds": round(run.seconds, 2),
        "peak_tree_rss_mb": round(run.peak_tree_rss_bytes / 2**20, 1),
        **counts,
    }


def summary_counts(stdout: str) -> dict[str, int]:
    """The counts of the CLI's closing line (older trees keep no import report file)."""
    line = next(x for x in reversed(stdout.splitlines()) if x.startswith("Import finished"))
    found = {
        # counts are printed with thousands separators ("1,000 added")
        name: int(re.search(rf"([\d,]+) {name}", line).group(1).replace(",", ""))  # type: ignore[union-attr]
        for name in ("files", "added", "updated", "duplicates", "failed")
    }
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tree", action="append", required=True, help="NAME=SRC_FOLDER")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--group", action="append", help="a GROUPS name of bench_import")
    parser.add_argument("--generated", type=int, default=0, help="also N generated articles")
    parser.add_argument("--out", type=Path, default=RESULTS / "a-ab.json")
    args = parser.parse_args()
    trees = {name: Path(src) for name, src in (t.split("=", 1) for t in args.tree)}
    for src in trees.values():
        check_tree(src)
    wanted = args.group if args.group is not None else [n for n, _ in GROUPS]
    groups = {n: [CORPUS / f for f in fs if (CORPUS / f).exists()] for n, fs in GROUPS}
    jobs = {name: groups[name] for name in wanted}
    if args.generated:
        jobs[f"generated {args.generated}"] = [generated_sample(args.generated)]
    runs: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="a-ab-") as scratch:
        for round_ in range(args.rounds):
            for job, paths in jobs.items():
                for tree, src in trees.items():
                    log = Path(scratch) / f"{round_}-{tree}.log"
                    run = {"round": round_, "job": job, "tree": tree}
                    run.update(one_run(src, paths, Path(scratch), log))
                    run["load"] = os.getloadavg()[0]
                    runs.append(run)
                    print(json.dumps(run), flush=True)
                    args.out.parent.mkdir(parents=True, exist_ok=True)
                    args.out.write_text(json.dumps({"trees": args.tree, "runs": runs}, indent=1))
    print_table(runs, list(trees))
    return 0


def print_table(runs: list[dict[str, object]], trees: list[str]) -> None:
    first = trees[0]
    print(f"\nmedians of {max(int(str(r['round'])) for r in runs) + 1} rounds; vs {first}")
    print(
        f"{'job':<26} {'tree':<8} {'records':>8} {'CPU s':>8} {'wall s':>8} {'CPU':>7} {'wall':>7}"
    )
    for job in dict.fromkeys(str(r["job"]) for r in runs):
        base: dict[str, float] = {}
        for tree in trees:
            mine = [r for r in runs if r["job"] == job and r["tree"] == tree]
            cpu = statistics.median(float(str(r["cpu_seconds"])) for r in mine)
            wall = statistics.median(float(str(r["seconds"])) for r in mine)
            base = base or {"cpu": cpu, "wall": wall}
            records = sum(
                int(str(mine[0][k])) for k in ("added", "updated", "duplicates", "failed")
            )
            print(
                f"{job:<26} {tree:<8} {records:>8} {cpu:>8.2f} {wall:>8.2f} "
                f"{(cpu / base['cpu'] - 1) * 100:>+6.1f}% {(wall / base['wall'] - 1) * 100:>+6.1f}%"
            )


if __name__ == "__main__":
    raise SystemExit(main())
