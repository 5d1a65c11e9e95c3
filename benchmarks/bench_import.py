"""Import benchmark: all of ../shared/corpus by format, then the generated articles.

Each import runs as its own `archive-app import --json` process into one library, so its wall
time, CPU time and peak memory are the process's own. Prints a table and writes
bench-results/import-<N>.json. Run with `make bench-import` (ARTICLES=100000 by default).
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
    "generated (JSON Lines)": 300,
    "saved web pages": 30,
}


def run_import(library: Path, paths: list[Path]) -> dict[str, object]:
    """One import process: its report counts, wall and CPU seconds and peak RSS."""
    command = [
        str(Path(sys.executable).with_name("archive-app")),
        "--library",
        str(library),
        "import",
        *map(str, paths),
        "--json",
    ]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"import failed: {' '.join(command)}")
    report = json.loads(output)
    records = sum(len(report[k]) for k in ("added", "updated", "duplicates", "failed"))
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "files": report["files"],
        "added": len(report["added"]),
        "updated": len(report["updated"]),
        "duplicates": len(report["duplicates"]),
        "failed": len(report["failed"]),
        "records": records,
        "articles_per_second": round(records / seconds, 1) if seconds else 0.0,
    }


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
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"the shared corpus is not at {CORPUS}")
    compile_package()
    library = RESULTS / f"import-library-{args.articles}"
    shutil.rmtree(library, ignore_errors=True)
    rows: dict[str, dict[str, object]] = {}
    for name, folders in GROUPS:
        paths = [CORPUS / f for f in folders if (CORPUS / f).exists()]
        rows[name] = run_import(library, paths)
        print(f"{name:<26} {rows[name]}", flush=True)
    if not args.skip_generated:
        generated = generated_corpus(args.articles)
        rows["plain text (3,000 page dumps)"] = run_import(library, [page_dumps(generated, 3000)])
        print(
            f"{'plain text (3,000 dumps)':<26} {rows['plain text (3,000 page dumps)']}", flush=True
        )
        rows["generated (JSON Lines)"] = run_import(library, [generated_corpus(args.articles)])
        print(f"{'generated (JSON Lines)':<26} {rows['generated (JSON Lines)']}", flush=True)
    print(f"\nImport at {args.articles:,} generated articles (2 CPUs; one process per row)")
    print(
        f"{'format':<30} {'records':>8} {'added':>8} {'failed':>7} {'seconds':>8} "
        f"{'rec/s':>8} {'peak RSS':>9}  target"
    )
    for name, row in rows.items():
        target = TARGETS.get(name)
        verdict = ""
        if target:
            verdict = f">= {target}/s " + (
                "ok" if float(str(row["articles_per_second"])) >= target else "MISSED"
            )
        verdict += "; RSS <= 1 GB " + ("ok" if float(str(row["peak_rss_mb"])) <= 1024 else "MISSED")
        print(
            f"{name:<30} {row['records']:>8,} {row['added']:>8,} {row['failed']:>7,} "
            f"{row['seconds']:>8} {row['articles_per_second']:>8} "
            f"{row['peak_rss_mb']:>7} MB  {verdict}"
        )
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"import-{args.articles}.json"
    out.write_text(json.dumps({"articles": args.articles, "rows": rows}, indent=2))
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
