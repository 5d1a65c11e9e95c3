"""Team library benchmark: 3 cataloguing and 2 importing desktops on one PostgreSQL catalogue.

    python benchmarks/bench_team.py [--articles 100000] [--quick] [--results DIR]
                                    [--slice-files N]

On a throwaway PostgreSQL cluster of its own (pg_cluster.py), with generated articles
(generate.py): a loading desktop imports all but two slices of ARTICLES; then at once two
desktops import one slice each (`archive-app import`), three catalogue a hot set of articles
(team_desk.py catalogue: tag against the row version read, a refused edit counted and retried)
and one listens as the window does (team_desk.py watch: the time from each edit's commit to its
search finding it; and what its listener did meanwhile: the articles it indexed ahead of
each edit and its CPU, figures the machine's load changes little). The same two slices
imported into a folder library by one process give the rate to compare with. Last, a new
desktop builds its index from the whole catalogue (`archive-app reindex`), checks it and
exports it: every edit a writer saw committed must be in the catalogue (no update lost),
every refused one reported to its writer. Prints a table and writes RESULTS/team.json with
the load average. Run with `make bench-team`.

The folder rate compared with is the same two slices imported into a folder library that
already holds the loaded articles, as the team catalogue does (an import into an empty library
pays for no merge of what was there: its rate is given too). All six desktops share this
machine's cores here; on a real team each is a computer of its own, so the team's rates are
a floor.
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench_import import app_command, compile_package
from measure import percentile, summary
from pg_cluster import Cluster, throwaway_cluster
from team_cpu import Backends, cpu_seconds

REPO = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
QUICK = 2_000
HOT = 4  # articles the cataloguers share: few enough that their edits meet
WRITERS = 3
IMPORTERS = 2
MIN_CATALOGUING = 20.0  # seconds the cataloguers run at least, however quick the imports
# seconds they go on once the imports are done: the edits' latency without imports beside them
AFTER_IMPORTS = 15.0
IMPORT_SHARE = 0.70  # of the folder library's rate
P95_TARGET_MS = 2000
SUPERUSER = "arsip_bench"
# every desktop's connections at once, with room for the pools' overflow
SETTINGS = ("max_connections=200",)
# --pg-stats: the server counts every statement (pg_stat_statements) and logs lock waits
PG_STATS = ("shared_preload_libraries=pg_stat_statements", "log_lock_waits=on")
IMPORTER_NAME = "arsip-importer-"  # application_name of the importing desktops' connections


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000, help="the catalogue's size")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK:,} articles")
    parser.add_argument("--results", type=Path, default=REPO / "bench-results")
    parser.add_argument(
        "--slice-files",
        type=int,
        default=1,
        help="files each importing desktop's slice is written as (a lost race re-stores one)",
    )
    parser.add_argument(
        "--pg-stats",
        action="store_true",
        help="write the server's statements during the imports (pg_stat_statements) to "
        "RESULTS/team-statements.json",
    )
    args = parser.parse_args()
    articles = QUICK if args.quick else args.articles
    # absolute: a relative XDG_DATA_HOME is ignored (the XDG rules), desktops would share one
    args.results = args.results.resolve()
    slice_size = min(5_000, articles // 4)
    compile_package()
    args.results.mkdir(parents=True, exist_ok=True)
    work = args.results / f"team-work-{articles}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    load = {"start": os.getloadavg()}
    files = split_corpus(
        corpus(args.results, articles), work, articles, slice_size, args.slice_files
    )
    print(
        f"corpus: {articles - 2 * slice_size:,} to load, 2 x {slice_size:,} to import", flush=True
    )
    empty_folder = import_into_folder(work / "folder-empty", files["slices"])
    folder = import_into_folder(work / "folder-loaded", files["slices"], files["load"])
    load["after folder import"] = os.getloadavg()
    settings = SETTINGS + (PG_STATS if args.pg_stats else ())
    with throwaway_cluster(SUPERUSER, "arsip-bench-pg-", settings=settings) as cluster:
        statements = args.results / "team-statements.json" if args.pg_stats else None
        figures = run_team(cluster, work, files, slice_size, statements)
    load["end"] = os.getloadavg()
    result = verdicts(
        {
            "articles": articles,
            "folder_import": folder,
            "folder_import_empty": empty_folder,
            **figures,
            "load": load,
            "cpus": os.cpu_count(),
            "note": f"the {1 + IMPORTERS + WRITERS} desktops working at once (a watcher, "
            f"{WRITERS} cataloguing, {IMPORTERS} importing) shared this one machine of "
            f"{os.cpu_count()} cores; on a real team each is a computer of its own",
        }
    )
    print_table(result)
    out = args.results / "team.json"
    out.write_text(json.dumps(result, indent=2))
    print(f"\nwrote {out}")
    if not result["no_update_lost"]:
        print(f"updates lost: {result['lost_updates']}; the writers' logs are in {work}")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


def corpus(results: Path, articles: int) -> Path:
    """The generated corpus of `articles` rows (reused when already there)."""
    folder = results / f"corpus-{articles}"
    if not any(folder.glob("part-*.jsonl.gz")):
        generate = [sys.executable, str(HERE / "generate.py"), "--articles", str(articles)]
        subprocess.run([*generate, "--out", str(folder)], check=True)
    return folder


def split_corpus(
    source: Path, work: Path, articles: int, size: int, parts: int = 1
) -> dict[str, Any]:
    """The first rows into load-*.jsonl.gz (10,000 a file), the last 2 x `size` into two
    slices, one per importing desktop, each written as `parts` files."""
    rows = (line for part in sorted(source.glob("part-*.jsonl.gz")) for line in _lines(part))
    loading = articles - 2 * size
    load_files: list[Path] = []
    for first in range(0, loading, 10_000):
        path = work / f"load-{len(load_files):03d}.jsonl.gz"
        _write(path, [next(rows) for _ in range(min(10_000, loading - first))])
        load_files.append(path)
    slices: list[list[Path]] = []
    for k in range(IMPORTERS):
        rows_of_slice = [next(rows) for _ in range(size)]
        step = -(-size // parts)
        slices.append([])
        for part, first in enumerate(range(0, size, step)):
            path = work / f"slice-{k}-{part:03d}.jsonl.gz"
            _write(path, rows_of_slice[first : first + step])
            slices[k].append(path)
    return {"load": load_files, "slices": slices}


def _lines(part: Path) -> list[bytes]:
    with gzip.open(part, "rb") as stream:
        return stream.read().splitlines(keepends=True)


def _write(path: Path, lines: list[bytes]) -> None:
    with gzip.open(path, "wb") as stream:
        stream.writelines(lines)


def app(
    library: str | Path, home: Path, *args: str, measured: bool = False
) -> subprocess.Popen[str]:
    """archive-app on one desktop: its own XDG_DATA_HOME (its index, lock and log mark);
    `measured`: its CPU seconds (with its indexing process) end its stderr (team_cpu.py)."""
    env = {**os.environ, "XDG_DATA_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    command = [app_command(), "--library", str(library), *args]
    if measured:
        command = [sys.executable, str(HERE / "team_cpu.py"), *command]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def desk(role: str, library: str, home: Path, *args: str) -> subprocess.Popen[str]:
    """A team_desk.py process (cataloguer or watcher) on its own desktop."""
    env = {**os.environ, "XDG_DATA_HOME": str(home)}
    command = [sys.executable, str(HERE / "team_desk.py"), role, library, *args]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def finish(process: subprocess.Popen[str], what: str) -> str:
    out, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"{what} failed ({process.returncode}):\n{err[-3000:]}")
    return out


def import_report(process: subprocess.Popen[str], what: str, expected: int) -> dict[str, Any]:
    """The import's counts, and its CPU seconds when it was measured."""
    out, err = process.communicate()
    try:
        report = json.loads(out)
        counts: dict[str, Any] = {**report["counts"], "cpu": cpu_seconds(err)}
    except (ValueError, KeyError):
        raise SystemExit(f"{what} ({process.returncode}) gave no report:\n{err[-3000:]}") from None
    if counts["added"] != expected or counts["failed"]:
        failed = json.dumps(report.get("failed"))[:3000]
        raise SystemExit(
            f"{what}: expected {expected:,} added, none failed; got {counts}\n{failed}\n"
            f"{err[-3000:]}"
        )
    return counts


def import_into_folder(
    work: Path, slices: list[list[Path]], loaded: list[Path] | None = None
) -> dict[str, float]:
    """The two slices into a new folder library by one process (a folder has one writer);
    into one that holds the `loaded` files first when given (not timed)."""
    library, home = work / "library", work / "home"
    if loaded:
        process = app(library, home, "import", "--json", *map(str, loaded))
        finish(process, "the folder library's loading")
        print(f"folder library loaded with {len(loaded)} files", flush=True)
    size = 0
    paths = [path for files in slices for path in files]
    for path in paths:
        with gzip.open(path, "rb") as stream:
            size += sum(1 for _ in stream)
    started = time.perf_counter()
    process = app(library, home, "import", "--json", *map(str, paths), measured=True)
    cpu = import_report(process, "the folder library's import", size)["cpu"]
    seconds = time.perf_counter() - started
    kind = "loaded" if loaded else "empty"
    print(f"folder library ({kind}): {size:,} articles in {seconds:.1f} s, {cpu} s CPU", flush=True)
    return {
        "articles": size,
        "seconds": round(seconds, 2),
        "per_second": round(size / seconds, 1),
        "cpu_seconds": cpu,
        "cpu_ms_per_article": round(1000 * cpu / size, 1) if cpu is not None else None,
    }


def run_team(
    cluster: Cluster, work: Path, files: dict[str, Any], size: int, statements: Path | None
) -> dict[str, Any]:
    address = cluster.create_database("arsip_bench")
    if statements is not None:
        with cluster.connect("arsip_bench", autocommit=True) as connection:
            connection.execute("CREATE EXTENSION pg_stat_statements")
    loader = work / "home-loader"
    started = time.perf_counter()
    process = app(address, loader, "import", "--json", *map(str, files["load"]))
    loaded = json.loads(finish(process, "the loading import"))["counts"]["added"]
    load_seconds = time.perf_counter() - started
    print(f"team catalogue loaded: {loaded:,} articles in {load_seconds:.1f} s", flush=True)
    hot = hot_ids(address)
    homes = {name: work / f"home-{name}" for name in ("watcher", "w0", "w1", "w2", "i0", "i1")}
    for home in homes.values():
        copy_desktop(loader, home)  # each desktop starts with its index built, as members do
    if statements is not None:
        with cluster.connect("arsip_bench", autocommit=True) as connection:
            connection.execute("SELECT pg_stat_statements_reset()")
    concurrent = run_concurrently(address, work, homes, hot, files["slices"], size)
    if statements is not None:
        write_statements(cluster, statements)
    shape = index_shape(homes["i0"])
    build = build_and_check(address, work, loader, [homes["i0"], homes["i1"]])
    lost = lost_updates(tags_now(address, work / "home-new", hot), concurrent["committed"])
    return {
        "loaded": {"articles": loaded, "seconds": round(load_seconds, 2)},
        **{k: v for k, v in concurrent.items() if k != "committed"},
        "index_build": build,
        "index_segments": shape,
        "lost_updates": lost,
    }


def hot_ids(address: str) -> list[int]:
    """The first HOT articles of the catalogue: the ones the cataloguers share."""
    import psycopg

    with psycopg.connect(address) as connection:
        rows = connection.execute("SELECT id FROM articles ORDER BY id LIMIT %s", (HOT,))
        return [int(row[0]) for row in rows]


def tags_now(address: str, home: Path, hot: list[int]) -> dict[int, set[str]]:
    """Each hot article's tags in the catalogue, as `show` prints them."""
    shown = {
        a: json.loads(finish(app(address, home, "show", str(a), "--json"), "show")) for a in hot
    }
    return {a: set(detail["tags"]) for a, detail in shown.items()}


def copy_desktop(source: Path, target: Path) -> None:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.lock", "originals"))


def run_concurrently(
    address: str,
    work: Path,
    homes: dict[str, Path],
    hot: list[int],
    slices: list[list[Path]],
    size: int,
) -> dict[str, Any]:
    """Watcher first (listening), then three cataloguers and two importers at once."""
    stop, done = work / "stop-writers", work / "writers-done"
    logs = [work / f"writer-{k}.jsonl" for k in range(WRITERS)]
    watcher = desk(
        "watch",
        address,
        homes["watcher"],
        "--logs",
        *map(str, logs),
        "--stop",
        str(done),
        "--out",
        str(work / "watcher.json"),
    )
    assert watcher.stdout is not None
    if watcher.stdout.readline().strip() != "listening":
        raise SystemExit(f"the watcher did not start:\n{finish(watcher, 'the watcher')}")
    ids = ",".join(map(str, hot))
    writers = [
        desk(
            "catalogue",
            address,
            homes[f"w{k}"],
            "--writer",
            str(k),
            "--ids",
            ids,
            "--stop",
            str(stop),
            "--log",
            str(logs[k]),
        )
        for k in range(WRITERS)
    ]
    started = time.perf_counter()
    # each importer's connections are named, so the backends serving it can be told apart
    joiner = "&" if "?" in address else "?"
    with Backends(address, IMPORTER_NAME) as backends:
        importers = [
            app(
                f"{address}{joiner}application_name={IMPORTER_NAME}{k}",
                homes[f"i{k}"],
                "import",
                "--json",
                *map(str, slices[k]),
                measured=True,
            )
            for k in range(IMPORTERS)
        ]
        try:
            imported = [import_report(p, f"importer {k}", size) for k, p in enumerate(importers)]
        except SystemExit:  # no desktop left running behind a failed run
            for process in [watcher, *writers, *importers]:
                process.kill()
            raise
    import_seconds = time.perf_counter() - started
    added = sum(c["added"] for c in imported)
    desktop_cpu = sum(c["cpu"] or 0.0 for c in imported)
    server_cpu = sum(backends.cpu().values())
    print(f"team library: {IMPORTERS} x {size:,} imported in {import_seconds:.1f} s", flush=True)
    imports_done = time.time()
    time.sleep(max(AFTER_IMPORTS, MIN_CATALOGUING - import_seconds))
    stop.touch()
    for k, writer in enumerate(writers):
        finish(writer, f"cataloguer {k}")
    done.touch()
    finish(watcher, "the watcher")
    seen = json.loads((work / "watcher.json").read_text())
    entries = [json.loads(line) for log in logs for line in log.read_text().splitlines()]
    totals = [e for e in entries if "writer" in e]
    committed = [e for e in entries if "tag" in e]
    edits = sum(t["edits"] for t in totals)
    seconds = max(t["last"] for t in totals) - min(t["first"] for t in totals)
    return {
        "team_import": {
            "articles": added,
            "seconds": round(import_seconds, 2),
            "per_second": round(added / import_seconds, 1),
            "desktop_cpu_seconds": round(desktop_cpu, 2),
            "server_cpu_seconds": round(server_cpu, 2),
            "cpu_ms_per_article": round(1000 * (desktop_cpu + server_cpu) / added, 1),
            "backends": backends.figures(),
        },
        "cataloguing": {
            "writers": WRITERS,
            "hot_articles": len(hot),
            "edits": edits,
            "conflicts": sum(t["conflicts"] for t in totals),
            "seconds": round(seconds, 2),
            "edits_per_second": round(edits / seconds, 1),
        },
        "commit_to_search_ms": {
            # the commit is between the edit call's start and its return: both bounds
            "from_return": summary([e["found"] - e["after"] for e in seen["found"]]),
            "from_call": summary([e["found"] - e["before"] for e in seen["found"]]),
            "after_imports": summary(
                [e["found"] - e["before"] for e in seen["found"] if e["before"] >= imports_done]
            ),
            "never_found": len(seen["unfound"]),
        },
        # what the listener did between each edit's commit and its finding: articles it
        # indexed, and its CPU ms (a figure the machine's load changes little)
        "ahead_of_an_edit": ahead(seen["found"], seen["told"]),
        # the listening desktop: its listener thread follows the log and indexes what it
        # reads; the rest of its process searches for the edits
        "watcher": {
            "articles_followed": seen["articles"],
            "listener_cpu_seconds": round(seen["listener_cpu"], 2),
            "process_cpu_seconds": round(seen["process_cpu"], 2),
            "listener_cpu_ms_per_article": round(
                1000 * seen["listener_cpu"] / max(seen["articles"], 1), 1
            ),
        },
        "committed": committed,
    }


def ahead(found: list[dict[str, Any]], told: list[list[float]]) -> dict[str, Any]:
    """Per edit found: the articles the listener was told of, and the CPU it took, from the
    edit's call to its finding (the last telling at or before each of the two)."""
    clock = [entry[0] for entry in told]

    def at(moment: float) -> tuple[float, float]:
        position = bisect.bisect_right(clock, moment) - 1
        return (told[position][1], told[position][2]) if position >= 0 else (0.0, 0.0)

    articles, cpu_ms = [], []
    for edit in found:
        (first, first_cpu), (last, last_cpu) = at(edit["before"]), at(edit["found"])
        articles.append(last - first)
        cpu_ms.append(1000 * (last_cpu - first_cpu))
    if not found:
        return {"n": 0}
    return {
        "n": len(found),
        "articles_median": statistics.median(articles),
        "articles_p95": percentile(articles, 0.95),
        "listener_cpu_ms_median": round(statistics.median(cpu_ms), 1),
        "listener_cpu_ms_p95": round(percentile(cpu_ms, 0.95), 1),
    }


def write_statements(cluster: Cluster, out: Path) -> None:
    """The server's statements during the concurrent phase, most time first, with the
    database's rollbacks and deadlocks (each a file's store undone)."""
    with cluster.connect("arsip_bench", autocommit=True) as connection:
        rows = connection.execute(
            "SELECT calls, round(total_exec_time::numeric, 1), rows, query "
            "FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 40"
        ).fetchall()
        database = connection.execute(
            "SELECT xact_commit, xact_rollback, deadlocks, conflicts "
            "FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone()
    top = [{"calls": c, "ms": float(t), "rows": r, "query": q[:400]} for c, t, r, q in rows]
    assert database is not None
    totals = dict(zip(("commits", "rollbacks", "deadlocks", "conflicts"), database, strict=True))
    out.write_text(json.dumps({"database": totals, "statements": top}, indent=2))
    print(f"server: {totals}; statements in {out}")
    for row in top[:12]:
        print(f"{row['calls']:>8} {row['ms']:>10.0f} ms  {' '.join(row['query'].split())[:90]}")


def index_shape(home: Path) -> dict[str, Any]:
    """An importing desktop's index segments (their articles) as its import left them, then
    after the merging an idle desktop does (idle_merge.py: the tiered policy, uncapped)."""
    from archive_app.search.workers import open_index, tidy

    [folder] = home.glob("Arsip/Team/*/index")
    index = open_index(folder)
    try:
        after_import = sorted(s.doc_count() for s in index._segments())
        started = time.process_time()
        tidy(index)
        seconds = time.process_time() - started
    finally:
        index.close()
    index = open_index(folder)
    after_idle = sorted(s.doc_count() for s in index._segments())
    index.close()
    print(f"segments after the import: {after_import}; after the idle merge: {after_idle}")
    return {
        "after_import": after_import,
        "after_idle_merge": after_idle,
        "idle_merge_cpu_seconds": round(seconds, 1),
    }


def build_and_check(
    address: str, work: Path, loader: Path, importers: list[Path]
) -> dict[str, Any]:
    """A new desktop builds its index from the catalogue, checks it and exports it."""
    home = work / "home-new"
    started = time.perf_counter()
    out = finish(app(address, home, "reindex"), "the new desktop's reindex")
    seconds = time.perf_counter() - started
    count = int("".join(ch for ch in out.split("reindexed")[-1] if ch.isdigit()) or 0)
    print(f"new desktop: {count:,} articles indexed in {seconds:.1f} s", flush=True)
    # originals stay on the importing desktop for now (issue 14, item 3): given to this one
    [mine] = home.glob("Arsip/Team/*")
    for desktop in [loader, *importers]:
        for original in desktop.glob("Arsip/Team/*/originals/*/*"):
            target = mine / original.relative_to(original.parents[2])
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                os.link(original, target)
    report = json.loads(finish(app(address, home, "check", "--json"), "check"))
    out = finish(app(address, home, "export", "--format", "jsonl"), "export")
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    return {
        "articles": count,
        "seconds": round(seconds, 2),
        "per_second": round(count / seconds, 1),
        "check_ok": bool(report["ok"]),
        "exported": len(records),
    }


def lost_updates(stored: dict[int, set[str]], committed: list[dict[str, Any]]) -> dict[str, Any]:
    """Each hot article's tags in the catalogue against the tags its writers saw committed:
    a missing one is a lost update (an edit overwritten unseen), an extra one a write that
    was reported refused yet stored."""
    told: dict[int, set[str]] = {a: set() for a in stored}
    for entry in committed:
        told[entry["article"]].add(entry["tag"])
    missing = sorted(t for a in stored for t in told[a] - stored[a])
    extra = sorted(t for a in stored for t in stored[a] - told[a])
    return {"missing": missing, "unreported": extra}


def verdicts(result: dict[str, Any]) -> dict[str, Any]:
    folder, team = result["folder_import"], result["team_import"]
    share = team["per_second"] / folder["per_second"]
    p95 = result["commit_to_search_ms"]["from_call"]["p95"]
    lost = result["lost_updates"]
    result["import_share"] = round(share, 3)
    result["import_share_of_empty"] = round(
        team["per_second"] / result["folder_import_empty"]["per_second"], 3
    )
    result["import_target_met"] = share >= IMPORT_SHARE
    result["p95_target_met"] = p95 is not None and p95 <= P95_TARGET_MS
    result["no_update_lost"] = not lost["missing"] and not lost["unreported"]
    result["check_ok"] = result["index_build"]["check_ok"]
    return result


def print_table(r: dict[str, Any]) -> None:
    folder, team, cat = r["folder_import"], r["team_import"], r["cataloguing"]
    lat, build = r["commit_to_search_ms"], r["index_build"]

    def ok(flag: bool) -> str:
        return "ok" if flag else "MISSED"

    print(
        f"\nTeam library at {r['articles']:,} articles ({os.cpu_count()} CPUs, "
        f"load {r['load']['start'][0]:.1f} -> {r['load']['end'][0]:.1f})"
    )
    print(f"{'figure':<44} {'value':>12}  target")
    rows = [
        ("folder library import (pre-loaded), art/s", folder["per_second"], ""),
        ("  (into an empty folder library), art/s", r["folder_import_empty"]["per_second"], ""),
        (
            "team import (2 desktops + 3 cataloguing), art/s",
            team["per_second"],
            f">= {IMPORT_SHARE:.0%} of folder: {r['import_share']:.0%} "
            + ok(r["import_target_met"]),
        ),
        (
            "CPU ms per article: team (desktop+server)",
            f"{team['cpu_ms_per_article']}",
            f"desktop {team['desktop_cpu_seconds']} s + PostgreSQL {team['server_cpu_seconds']} s",
        ),
        ("CPU ms per article: folder (pre-loaded)", f"{folder['cpu_ms_per_article']}", ""),
        ("edits/s (3 writers, conflicts retried)", cat["edits_per_second"], ""),
        (
            "edits committed / conflicts detected",
            f"{cat['edits']}/{cat['conflicts']}",
            "no update lost: " + ok(r["no_update_lost"]),
        ),
        ("commit to search, median ms", _ms(lat["from_call"]["median"]), ""),
        (
            "commit to search, p95 ms",
            _ms(lat["from_call"]["p95"]),
            f"<= {P95_TARGET_MS} ms: {ok(r['p95_target_met'])}",
        ),
        (
            "  (from the edit's return: median / p95)",
            f"{_ms(lat['from_return']['median'])}/{_ms(lat['from_return']['p95'])}",
            "",
        ),
        (
            "  (once the imports were done: median / p95)",
            f"{_ms(lat['after_imports']['median'])}/{_ms(lat['after_imports']['p95'])}",
            "",
        ),
        ("edits never found by search", lat["never_found"], ""),
        (
            "  listener's work ahead of an edit, p50/p95",
            f"{r['ahead_of_an_edit'].get('articles_median')}/"
            f"{r['ahead_of_an_edit'].get('articles_p95')}",
            f"articles; its CPU ms {r['ahead_of_an_edit'].get('listener_cpu_ms_median')}/"
            f"{r['ahead_of_an_edit'].get('listener_cpu_ms_p95')}",
        ),
        (
            "listening desktop: CPU ms per article followed",
            r["watcher"]["listener_cpu_ms_per_article"],
            f"{r['watcher']['articles_followed']:,} articles; "
            f"process {r['watcher']['process_cpu_seconds']} s",
        ),
        (
            "new desktop's index build, articles/s",
            build["per_second"],
            f"{build['articles']:,} articles; check {ok(r['check_ok'])}",
        ),
    ]
    for name, value, target in rows:
        print(f"{name:<44} {value!s:>12}  {target}")
    print(f"\n{r['note']}")


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


if __name__ == "__main__":
    raise SystemExit(main())
