"""Search benchmark: build a library of generated articles with the real app, time queries
through the Archive facade beside SQLite FTS5, check where each ranks articles whose queries
have a known target (relevance.py), print the tables and write bench-results/search-N.json.

    python benchmarks/bench_search.py [--articles 100000] [--queries-per-class 200] [--reuse]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from typing import Any

import fts5_reference as fts5
import relevance
import report
from articles import read_docs
from generate import CHUNK, DEFAULT_CORPUS, REPO, SEED, generate
from measure import folder_bytes, run_measured
from queries import make_queries, warmup_queries
from timing import run_all, warm_up

SAMPLE = 20_000  # articles the queries are drawn from (every k-th of the corpus)


LOAD: dict[str, float] = {}  # 1-minute load average after each step: others share the CPUs


def say(message: str) -> None:
    print(message, flush=True)


def note_load(step: str) -> None:
    LOAD[step] = round(os.getloadavg()[0], 2)


def _app_command() -> str:
    # the entry point installed beside the interpreter running us (the project's .venv)
    found = Path(sys.executable).with_name("archive-app")
    return str(found) if found.exists() else shutil.which("archive-app") or "archive-app"


def step_generate(articles: int, corpus_dir: Path, source: Path, reuse: bool) -> dict[str, Any]:
    expected = -(-articles // CHUNK)
    if reuse and len(list(corpus_dir.glob("part-*.jsonl.gz"))) == expected:
        say(f"reusing the generated corpus in {corpus_dir}")
        return {}
    seconds = generate(articles, corpus_dir, source)
    say(f"generated {articles:,} articles in {seconds:.1f} s")
    return {
        "articles": articles,
        "seconds": seconds,
        "folder": str(corpus_dir),
        "bytes": folder_bytes(corpus_dir),
    }


def step_import(library: Path, corpus_dir: Path, logs: Path) -> dict[str, Any]:
    shutil.rmtree(library, ignore_errors=True)
    say(f"importing into {library} (archive-app import --json) …")
    run = run_measured(
        [_app_command(), "--library", str(library), "import", str(corpus_dir), "--json"],
        logs / "import.log",
    )
    if run.returncode != 0:
        raise SystemExit(f"import failed ({run.returncode}):\n{run.stderr_tail}")
    imported = json.loads(run.stdout)
    added = len(imported["added"])
    result = {
        "seconds": run.seconds,
        "cpu_seconds": run.cpu_seconds,
        "added": added,
        "duplicates": len(imported["duplicates"]),
        "updated": len(imported["updated"]),
        "failed": len(imported["failed"]),
        "warnings": len(imported["warnings"]),
        "failures": imported["failed"][:10],
        "warning_examples": imported["warnings"][:10],
        "articles_per_second": added / run.seconds,
        "peak_rss_bytes": run.peak_rss_bytes,
        "peak_tree_rss_bytes": run.peak_tree_rss_bytes,
        "rss_mb_timeline": run.rss_timeline,
        "index_bytes": folder_bytes(library / "index"),
        "catalogue_bytes": (library / "catalogue.sqlite").stat().st_size,
    }
    say(f"imported {added:,} in {run.seconds:,.0f} s ({result['articles_per_second']:,.0f}/s)")
    return result


def step_reindex(library: Path, logs: Path) -> dict[str, Any]:
    say("rebuilding the index (archive-app reindex) …")
    run = run_measured([_app_command(), "--library", str(library), "reindex"], logs / "reindex.log")
    if run.returncode != 0:
        raise SystemExit(f"reindex failed ({run.returncode}):\n{run.stderr_tail}")
    count = int("".join(ch for ch in run.stdout.split("reindexed")[-1] if ch.isdigit()))
    result = {
        "articles": count,
        "seconds": run.seconds,
        "cpu_seconds": run.cpu_seconds,
        "articles_per_second": count / run.seconds,
        "peak_rss_bytes": run.peak_rss_bytes,
        "peak_tree_rss_bytes": run.peak_tree_rss_bytes,
        "rss_mb_timeline": run.rss_timeline,
        "index_bytes": folder_bytes(library / "index"),
        "index_files": sum(1 for p in (library / "index").rglob("*") if p.is_file()),
    }
    say(f"reindexed {count:,} in {run.seconds:,.0f} s ({result['articles_per_second']:,.0f}/s)")
    return result


def step_fts5(db: Path, corpus_dir: Path, reuse: bool) -> dict[str, Any]:
    if reuse and db.exists():
        say(f"reusing the FTS5 reference {db}")
        return {}
    say("building the FTS5 reference …")
    figures = fts5.build(db, read_docs(corpus_dir))
    say(f"FTS5 built in {figures['seconds']:.1f} s")
    return figures


def _previous(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text()).get("build", {}) if path.exists() else {}


def build_all(args: argparse.Namespace, paths: dict[str, Path]) -> dict[str, Any]:
    """Generation, import, reindex and the FTS5 build; reused steps keep earlier figures."""
    earlier = _previous(paths["json"]) if args.reuse else {}
    build: dict[str, Any] = {}
    note_load("start")
    build["generation"] = step_generate(
        args.articles, paths["corpus"], args.corpus, args.reuse
    ) or earlier.get("generation", {})
    if args.reuse and (paths["library"] / "catalogue.sqlite").exists():
        say(f"reusing the library {paths['library']}")
        build["import"] = earlier.get("import", {})
    else:
        build["import"] = step_import(paths["library"], paths["corpus"], paths["logs"])
        note_load("after import")
    build["reindex"] = (
        earlier.get("reindex", {})
        if args.no_reindex
        else step_reindex(paths["library"], paths["logs"])
    )
    note_load("after reindex")
    build["fts5"] = step_fts5(paths["fts5"], paths["corpus"], args.reuse) or earlier.get("fts5", {})
    return build


def run_queries(
    args: argparse.Namespace, paths: dict[str, Path]
) -> tuple[list[Any], list[relevance.Ranked]]:
    # imported here, after snapshot_app has put the measured copy first on the path
    from archive_app.domain.errors import ArchiveError
    from archive_app.usecases.archive import Archive

    every = max(1, args.articles // SAMPLE)
    docs = list(read_docs(paths["corpus"], every))
    queries = make_queries(docs, args.queries_per_class, args.seed)
    say(
        f"timing {sum(len(q) for q in queries.values()):,} queries "
        f"(drawn from {len(docs):,} of the articles) …"
    )
    try:
        archive = Archive.open(paths["library"], readonly=True)
    except ArchiveError as error:  # e.g. a reused library older than this code's catalogue
        raise SystemExit(
            f"cannot open {paths['library']}: {error}\n"
            "run without --no-reindex (reindex opens it for writing and "
            "migrates it) or without --reuse"
        ) from None
    connection = fts5.open_reader(paths["fts5"])
    try:
        say(f"index check: {check_index(archive)}")
        warm_up(archive, connection, warmup_queries(docs, args.seed))
        results = run_all(archive, connection, queries, say)
        note_load("after queries")
        return results, rank_targets(args, docs, archive, connection)
    finally:
        connection.close()
        archive.close()


def rank_targets(
    args: argparse.Namespace, docs: list[Any], archive: Any, connection: sqlite3.Connection
) -> list[relevance.Ranked]:
    """The relevance check: where each engine ranks the known target of every query."""
    if not args.relevance_queries:
        return []
    started = time.perf_counter()
    targets = relevance.make_targets(
        docs, args.relevance_queries, args.seed, relevance.fts5_counter(connection)
    )
    ranked = relevance.rank_all(archive, connection, targets)
    say(f"  relevance: {len(targets)} queries in {time.perf_counter() - started:.1f} s")
    return ranked


def snapshot_app(folder: Path, commit: str = "HEAD") -> dict[str, Any]:
    """Copy the committed app (`commit`'s src/archive_app, never the working tree's uncommitted
    edits: others work in the same tree) and put it first on the import path, for this process
    and the import and reindex it starts: the whole run measures one version of the code (a
    run takes a quarter of an hour at 100,000 articles, hours at 1,000,000)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", commit, "src/archive_app"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "src" / "archive_app").rename(folder / "archive_app")
    (folder / "src").rmdir()
    sys.path.insert(0, str(folder))
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(folder), os.environ.get("PYTHONPATH")) if p
    )
    state = app_state(folder / "archive_app", commit)
    return state | {
        "snapshot": str(folder),
        "uncommitted_src_files": 0,  # the copy is the commit's; the tree's edits are not in it
        "tree_uncommitted_src_files": state["uncommitted_src_files"],
    }


def app_state(package: Path, commit: str = "HEAD") -> dict[str, Any]:
    """Which code is measured: the commit, whether the tree had local changes, and a digest of
    the search path (core, db, ingest, search) of `package`."""
    digest = hashlib.sha256()
    for part in ("core", "db", "ingest", "search"):
        for path in sorted((package / part).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.read_bytes())

    def git(*words: str) -> str:
        return subprocess.run(
            ["git", "-C", str(REPO), *words], capture_output=True, text=True, check=False
        ).stdout.strip()

    return {
        "commit": git("rev-parse", "--short", commit),
        "uncommitted_src_files": len(git("status", "--short", "src").splitlines()),
        "search_path_sha256": digest.hexdigest()[:16],
    }


def check_index(archive: Any) -> dict[str, Any]:
    """Refuse to time an index the measured code cannot read (it would answer nothing)."""
    report = archive.check()
    if report.index_error or report.missing_from_index or report.stale_in_index:
        raise SystemExit(
            f"the index does not match the catalogue ({report.index_error or 'drift'}; "
            f"{len(report.missing_from_index):,} missing, {len(report.stale_in_index):,} stale):"
            " run without --reuse/--no-reindex to rebuild it with this code"
        )
    return {"articles": report.articles, "indexed": report.indexed}


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries-per-class", type=int, default=200)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the generated corpus, library and FTS5 database if present",
    )
    parser.add_argument(
        "--no-reindex",
        action="store_true",
        help="skip the index rebuild (keep its earlier figures)",
    )
    parser.add_argument(
        "--relevance-queries",
        type=int,
        default=200,
        help="queries with a known target article for the relevance check (0: none)",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--results", type=Path, default=REPO / "bench-results")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--live-source",
        action="store_true",
        help="run the tree's source as it changes instead of a snapshot",
    )
    parser.add_argument(
        "--commit",
        default="HEAD",
        help="measure this commit's code (another than HEAD writes search-N-COMMIT.json, so a "
        "run of the code before a change can go beside one of the code after it)",
    )
    args = parser.parse_args(argv)
    n = args.articles
    tag = "" if args.commit == "HEAD" else f"-{args.commit}"
    paths = {
        "corpus": args.results / f"corpus-{n}",
        "library": args.results / f"library-{n}",
        "fts5": args.results / f"fts5-{n}.sqlite",
        "json": args.results / f"search-{n}{tag}.json",
        "logs": args.results / f"logs-{n}",
    }
    paths["logs"].mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    app = (
        app_state(REPO / "src" / "archive_app")
        if args.live_source
        else snapshot_app(args.results / f"app-snapshot-{n}{tag}", args.commit)
    )
    say(f"measuring {app}")
    build = build_all(args, paths)
    results, ranked = run_queries(args, paths)
    figures = report.class_figures(results)
    payload = {
        "articles": n,
        "queries_per_class": args.queries_per_class,
        "seed": args.seed,
        "machine": machine() | {"load_average_1min": LOAD},
        "app": app,
        "build": build,
        "classes": figures,
        "targets": report.targets(figures, build, n),
        "relevance": {
            "top": relevance.TOP,
            "depth": relevance.DEPTH,
            "summary": relevance.summarise(ranked),
            "queries": [r.record() for r in ranked],
        },
        "wall_seconds": time.perf_counter() - started,
        "queries": [r.record() for r in results],
    }
    paths["json"].write_text(json.dumps(payload, ensure_ascii=False, indent=1))
    print_summary(payload)
    say(f"\nwrote {paths['json']} (wall time {payload['wall_seconds']:,.0f} s)")
    return 0


def print_summary(payload: dict[str, Any]) -> None:
    figures, build, host = payload["classes"], payload["build"], payload["machine"]
    say("")
    say(
        f"Search at {payload['articles']:,} articles, {payload['queries_per_class']} queries "
        f"per class ({host['cpus']} CPUs, Python {host['python']}, SQLite {host['sqlite']})"
    )
    for line in [
        *report.latency_table(figures, payload["articles"]),
        "",
        *report.totals_table(figures),
        "",
        *report.build_lines(build),
        "",
        report.FOOTNOTE,
        *relevance_lines(payload["relevance"]),
    ]:
        say(line)
    say(
        f"load average (1 min; {host['cpus']} CPUs): "
        + ", ".join(f"{k} {v:.1f}" for k, v in LOAD.items())
    )
    if max(LOAD.values()) > (host["cpus"] or 1) + 0.5:
        say("note: other work was running on this machine; the figures are pessimistic")


def relevance_lines(figures: dict[str, Any]) -> list[str]:
    if not figures["queries"]:
        return []
    depth = figures["depth"]
    return [
        "",
        *report.relevance_table(figures["summary"], depth),
        report.RELEVANCE_FOOTNOTE.format(depth=depth),
    ]


if __name__ == "__main__":
    sys.exit(main())
