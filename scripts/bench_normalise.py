"""Benchmark the normaliser alone: articles per second on one core, printed and written as JSON.

Reads every record of ../shared/corpus/{id_json,id_csv,en_text} into raw articles first (decoding
and reading are timed separately and reported beside), then times `normalise()` over all of
them several times on one pinned core and reports the best and the median pass.

    .venv/bin/python scripts/bench_normalise.py [--corpus DIR] [--repeat N] [--output FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from archive_app.ingest.detect import detect
from archive_app.ingest.extract import READERS
from archive_app.ingest.normalise.pipeline import normalise
from archive_app.ingest.raw import RawArticle

REPO = Path(__file__).resolve().parents[1]
SOURCES = ("id_json", "id_csv", "en_text")
TARGET = 2000.0


def read_sources(corpus: Path) -> tuple[dict[str, list[RawArticle]], float]:
    """Every raw article of the benchmark's folders, by folder, and the seconds reading took."""
    found: dict[str, list[RawArticle]] = {}
    started = time.perf_counter()
    for folder in SOURCES:
        articles: list[RawArticle] = []
        for path in sorted((corpus / folder).rglob("*")):
            if not path.is_file() or path.suffix in {".txt", ".dtd", ".md"}:
                continue
            detected = detect(path.name, path.read_bytes())
            reader = READERS[detected.format]
            articles.extend(a for a in reader(detected.payload) if isinstance(a, RawArticle))
        found[folder] = articles
    return found, time.perf_counter() - started


def time_pass(articles: list[RawArticle]) -> float:
    started = time.perf_counter()
    for article in articles:
        normalise(article)
    return time.perf_counter() - started


def pin_one_core() -> str:
    """Run on a single CPU so the figure is per core, whatever the machine."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity on this platform)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--output", type=Path, default=REPO / "bench-results" / "normalise.json")
    args = parser.parse_args(argv)
    missing = [f for f in SOURCES if not (args.corpus / f).is_dir()]
    if missing:
        print(f"bench_normalise: {args.corpus} lacks {', '.join(missing)}", file=sys.stderr)
        return 2

    core = pin_one_core()
    by_folder, read_seconds = read_sources(args.corpus)
    articles = [a for folder in SOURCES for a in by_folder[folder]]
    time_pass(articles[:200])  # warm-up: rule tables loaded, patterns compiled
    passes = [time_pass(articles) for _ in range(max(1, args.repeat))]
    best, median = min(passes), statistics.median(passes)
    per_folder = {f: round(len(a) / time_pass(a), 1) for f, a in by_folder.items() if a}

    result = {
        "articles": len(articles),
        "articles_by_folder": {f: len(a) for f, a in by_folder.items()},
        "passes_seconds": [round(p, 4) for p in passes],
        "articles_per_second": round(len(articles) / median, 1),
        "articles_per_second_best": round(len(articles) / best, 1),
        "articles_per_second_by_folder": per_folder,
        "articles_per_second_with_reading": round(len(articles) / (median + read_seconds), 1),
        "target_articles_per_second": TARGET,
        "meets_target": len(articles) / median >= TARGET,
        "core": core,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "processor": platform.processor() or platform.machine(),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

    print(
        f"normaliser: {result['articles_per_second']:,.0f} articles/s on one core "
        f"(median of {len(passes)} passes over {len(articles):,} articles; "
        f"best {result['articles_per_second_best']:,.0f}/s; target {TARGET:,.0f}/s)"
    )
    for folder, rate in per_folder.items():
        print(f"  {folder:<8} {len(by_folder[folder]):>6,} articles  {rate:>8,.0f}/s")
    print(f"  with decoding and reading: {result['articles_per_second_with_reading']:,.0f}/s")
    print(f"  {core}; written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
