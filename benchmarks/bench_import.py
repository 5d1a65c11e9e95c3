"""Import benchmark: all of ../shared/corpus by format, then the generated articles.

Each import runs as its own `archive-app import` process into one library, so its wall time,
CPU time and peak memory are its own. Memory is the whole process tree's: the import hands
indexing to a process of its own (search/background.py) and `reindex` to Whoosh's workers, so
the RSS of the import process and all its descendants is summed from /proc every 0.2 s
(measure.run_measured); the top process's own ru_maxrss is kept beside it. CPU seconds come
from wait4, which counts the descendants the import waited for. Prints a table and writes
bench-results/import-<N>.json. Run with `make bench-import` (ARTICLES=100000 by default).

    python benchmarks/bench_import.py --articles 100000 [--only-generated] [--library DIR]
        [--reindex]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

from measure import run_measured

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
RESULTS = REPO / "bench-results"
# format group -> the corpus folders that hold it
GROUPS = (
    ("plain text", ["seed"]),
    ("tables (JSON Lines, CSV)", ["id_json", "id_csv"]),
    ("Reuters SGML", ["en_text"]),
    (
        "saved web pages",
        ["html_id", "html_truth/article-extraction-benchmark/html", "html_truth/fundus"],
    ),
    ("web archives", ["warc"]),
    ("wire XML", ["wire"]),
    ("photos", ["photos"]),
)
TARGETS = {
    "plain text (3,000 page dumps)": 300,
    "tables (JSON Lines, CSV)": 300,
    "generated (JSON Lines)": 350,
    "saved web pages": 30,
    "reindex": 700,
}
# peak memory of the process tree, MB
MEMORY_MB = {"reindex": 1536}


def run_import(library: Path, paths: list[Path], log: Path) -> dict[str, object]:
    """One import process: its report counts, wall and CPU seconds, and peak memory (of the
    process alone and of its whole tree), and the index's segments after it."""
    command = [app_command(), "--library", str(library), "import", *map(str, paths)]
    run = run_measured(command, log)
    if run.returncode not in (0, 1):
        raise SystemExit(f"import failed: {' '.join(command)}\n{run.stderr_tail}")
    counts = report_counts(library)
    records = sum(counts[k] for k in ("added", "updated", "duplicates", "failed"))
    return {
        "seconds": round(run.seconds, 2),
        "cpu_seconds": round(run.cpu_seconds, 2),
        "peak_rss_mb": round(run.peak_rss_bytes / 2**20, 1),
        "peak_tree_rss_mb": round(run.peak_tree_rss_bytes / 2**20, 1),
        "rss_mb_timeline": run.rss_timeline,
        **counts,
        "records": records,
        "articles_per_second": round(records / run.seconds, 1) if run.seconds else 0.0,
        "segments": segment_sizes(library),
    }


def run_reindex(library: Path, log: Path) -> dict[str, object]:
    """`archive-app reindex` of the library: rate and the tree's peak memory."""
    run = run_measured([app_command(), "--library", str(library), "reindex"], log)
    if run.returncode != 0:
        raise SystemExit(f"reindex failed:\n{run.stderr_tail}")
    count = int("".join(ch for ch in run.stdout.split("reindexed")[-1] if ch.isdigit()))
    return {
        "seconds": round(run.seconds, 2),
        "cpu_seconds": round(run.cpu_seconds, 2),
        "peak_rss_mb": round(run.peak_rss_bytes / 2**20, 1),
        "peak_tree_rss_mb": round(run.peak_tree_rss_bytes / 2**20, 1),
        "rss_mb_timeline": run.rss_timeline,
        "records": count,
        "added": count,
        "failed": 0,
        "articles_per_second": round(count / run.seconds, 1) if run.seconds else 0.0,
        "segments": segment_sizes(library),
    }


def app_command() -> str:
    return str(Path(sys.executable).with_name("archive-app"))


def report_counts(library: Path) -> dict[str, int]:
    """The totals of the library's newest import report (its last line)."""
    reports = sorted((library / "logs" / "imports").glob("import-*.jsonl"))
    if not reports:
        raise SystemExit(f"no import report in {library / 'logs' / 'imports'}")
    with reports[-1].open("rb") as stream:
        stream.seek(max(0, reports[-1].stat().st_size - 4096))
        last = stream.read().splitlines()[-1]
    summary = json.loads(last)["counts"]
    return {k: int(summary[k]) for k in ("files", "added", "updated", "duplicates", "failed")}


def segment_sizes(library: Path) -> list[int]:
    """Documents in each of the index's segments (its shape after the import)."""
    from archive_app.search.index_folder import open_checked

    opened, problem = open_checked(library / "index", readonly=True)
    if opened is None:
        raise SystemExit(f"the index cannot be opened: {problem}")
    try:
        return [int(segment.doc_count_all()) for segment in opened._segments()]
    finally:
        opened.close()


def page_dumps(source: Path, count: int) -> Path:
    """The first `count` generated articles written as plain-text page dumps (headline, date
    line, body), one file each: what a folder of saved page texts looks like."""
    import gzip

    folder = RESULTS / f"text-dumps-{count}"
    if len(list(folder.glob("*.txt"))) == count:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    written = 0
    for part in sorted(source.glob("part-*.jsonl.gz")):
        with gzip.open(part, "rt", encoding="utf-8") as stream:
            for line in stream:
                row = json.loads(line)
                text = f"{row['judul']}\n\n{row['tanggal_publikasi']}\n\n" + "\n\n".join(
                    p for p in row["isi_berita"].split("\n") if p.strip()
                )
                (folder / f"article-{written:05d}.txt").write_text(text, encoding="utf-8")
                written += 1
                if written == count:
                    return folder
    return folder


def generated_corpus(articles: int) -> Path:
    folder = RESULTS / f"corpus-{articles}"
    if not any(folder.glob("part-*.jsonl.gz")):
        subprocess.run(
            [sys.executable, str(REPO / "benchmarks" / "generate.py"), "--articles", str(articles)],
            check=True,
        )
    return folder


def compile_package() -> None:
    """Compile the package's modules first, as installing a wheel does: with
    PYTHONDONTWRITEBYTECODE set, every import process would otherwise compile every module from
    source and the table would time the compiler, not the import."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("archive_app")
    if spec is not None and spec.origin is not None:
        compileall.compile_dir(Path(spec.origin).parent, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--skip-generated", action="store_true")
    parser.add_argument(
        "--only-generated",
        action="store_true",
        help="import only the generated articles (no shared corpus, no page dumps)",
    )
    parser.add_argument("--library", type=Path, help="the library to import into (made anew)")
    parser.add_argument(
        "--reindex", action="store_true", help="then time `archive-app reindex` of the library"
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"the shared corpus is not at {CORPUS}")
    compile_package()
    library = args.library or RESULTS / f"import-library-{args.articles}"
    shutil.rmtree(library, ignore_errors=True)
    logs = RESULTS / f"import-logs-{args.articles}"
    logs.mkdir(parents=True, exist_ok=True)
    rows: dict[str, dict[str, object]] = {}

    def measure(name: str, paths: list[Path]) -> None:
        rows[name] = run_import(library, paths, logs / f"{len(rows):02d}.log")
        shown = {k: v for k, v in rows[name].items() if k != "rss_mb_timeline"}
        print(f"{name:<26} {shown}", flush=True)

    if not args.only_generated:
        for name, folders in GROUPS:
            measure(name, [CORPUS / f for f in folders if (CORPUS / f).exists()])
    if not args.skip_generated:
        generated = generated_corpus(args.articles)
        if not args.only_generated:
            measure("plain text (3,000 page dumps)", [page_dumps(generated, 3000)])
        measure("generated (JSON Lines)", [generated])
    if args.reindex:
        rows["reindex"] = run_reindex(library, logs / "reindex.log")
        print(f"{'reindex':<26} {rows['reindex']}", flush=True)
    print_table(args.articles, rows)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"import-{args.articles}.json"
    out.write_text(json.dumps({"articles": args.articles, "rows": rows}, indent=2))
    print(f"\nwrote {out}")
    return 0


def print_table(articles: int, rows: dict[str, dict[str, object]]) -> None:
    print(f"\nImport at {articles:,} generated articles (2 CPUs; one process per row)")
    print(
        f"{'format':<30} {'records':>8} {'added':>8} {'failed':>7} {'seconds':>8} "
        f"{'rec/s':>8} {'RSS, tree':>10} {'segments':>8}  target"
    )
    for name, row in rows.items():
        target = TARGETS.get(name)
        verdict = ""
        if target:
            verdict = (
                f">= {target}/s "
                + ("ok" if float(str(row["articles_per_second"])) >= target else "MISSED")
                + "; "
            )
        budget = MEMORY_MB.get(name, 1024)
        tree = float(str(row["peak_tree_rss_mb"]))
        verdict += f"tree RSS <= {budget / 1024:g} GB " + ("ok" if tree <= budget else "MISSED")
        segments = row.get("segments")
        print(
            f"{name:<30} {row['records']:>8,} {row['added']:>8,} {row['failed']:>7,} "
            f"{row['seconds']:>8} {row['articles_per_second']:>8} "
            f"{tree:>7.0f} MB {len(segments) if isinstance(segments, list) else '':>8}  {verdict}"
        )
    print(
        "RSS, tree: the import process and every process it started, summed from /proc every "
        "0.2 s (peak)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
