"""Where a search's time goes: each query class of the search benchmark run through the Archive
facade under cProfile, summed per stage (matcher and collector, phrase verification, snippets,
catalogue look-ups, facet counting), beside plain unprofiled timings of the same queries.

    python benchmarks/profile_queries.py --articles 20000 --results /tmp/q16/results
    python benchmarks/profile_queries.py --library PATH --corpus PATH [--per-class 50]

The library must already be built (by bench_search.py). Stages are cumulative times of named
functions, so a stage holds what it calls; "rest" is the page's time outside every stage
listed (parsing, the facade, Whoosh's setup). cProfile slows Python code several times over:
read the stage shares, and the unprofiled columns for the real speed.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from articles import read_docs
from generate import REPO, SEED
from measure import percentile
from queries import CLASSES, BenchQuery, make_queries

SAMPLE = 20_000  # as bench_search.py: the queries are drawn from every k-th article
PAGE_SIZE = 20

# stage -> the functions (file path suffix, function name) whose cumulative time it is; a stage
# lists every name the step has had, so one script profiles the code before and after a change.
# A stage marked inside another is part of that one's time (shown, not subtracted for "rest").
Stage = tuple[str, tuple[tuple[str, str], ...], str | None]
_PHRASES = (
    ("search/compile.py", "verify"),  # on the text, before word places were indexed
    ("search/phrases.py", "in_order"),
    ("search/phrases.py", "near"),
)
PAGE_STAGES: tuple[Stage, ...] = (
    ("prepare", (("search/querying.py", "prepare"),), None),
    (
        "matcher",
        (
            ("whoosh/searching.py", "search"),
            ("whoosh/searching.py", "search_with_collector"),
            ("search/querying.py", "_sorted"),
            ("search/querying.py", "_ranked"),
            ("search/docsets.py", "matching_docs"),
        ),
        None,
    ),
    ("phrases", _PHRASES, "matcher"),
    # since db/search_rows.py a page's texts and rows are read together: "texts" holds both
    (
        "texts",
        (("db/index_feed.py", "field_texts"), ("db/search_rows.py", "page_rows")),
        None,
    ),
    ("snippets", (("search/snippets.py", "snippets"),), None),
    ("rows", (("usecases/archive.py", "summaries"),), None),
    ("suggest", (("search/suggest.py", "suggest"),), None),
)
COUNT_STAGES: tuple[Stage, ...] = (
    (
        "matcher",
        (
            ("whoosh/searching.py", "docs_for_query"),
            ("search/docsets.py", "matching_docs"),
        ),
        None,
    ),
    ("phrases", _PHRASES, "matcher"),
    ("texts", (("db/index_feed.py", "field_texts"),), None),
    ("facets", (("search/querying.py", "facet_counts"),), None),
)
PAGE_TOTAL = ("usecases/searching.py", "search")
COUNTS_TOTAL = ("usecases/searching.py", "counts")


def say(message: str = "") -> None:
    print(message, flush=True)


def cumulative(stats: pstats.Stats, names: Sequence[tuple[str, str]]) -> float:
    """Seconds spent in (and under) the named functions; a function called from inside another
    of the same stage is not counted twice (cProfile's cumulative time already holds it)."""
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    wanted = {
        key
        for key in table
        if any(key[0].endswith(suffix) and key[2] == name for suffix, name in names)
    }
    seconds = 0.0
    for key in wanted:
        _cc, _nc, _tt, ct, callers = table[key]
        inner = sum(figures[3] for caller, figures in callers.items() if caller in wanted)
        seconds += ct - inner
    return seconds


def profiled(calls: list[Callable[[], Any]]) -> pstats.Stats:
    profile = cProfile.Profile()
    for call in calls:
        profile.enable()
        try:
            call()
        except Exception:  # a failing query is reported by the benchmark, not here
            pass
        finally:
            profile.disable()
    return pstats.Stats(profile)


def timed(calls: list[Callable[[], Any]]) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each call (the CPU time of this process moves less with the
    load of others on the machine)."""
    wall, cpu = [], []
    for call in calls:
        started, started_cpu = time.perf_counter(), time.process_time()
        try:
            call()
        except Exception:
            pass
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return wall, cpu


def hot_functions(stats: pstats.Stats, top: int) -> list[str]:
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    ranked = sorted(table.items(), key=lambda item: -item[1][2])[:top]
    lines = []
    for (path, line, name), (_cc, nc, tt, ct, _callers) in ranked:
        short = "/".join(Path(path).parts[-2:]) if path != "~" else "builtin"
        lines.append(
            f"{tt * 1000:9.0f} ms own {ct * 1000:9.0f} ms cum {nc:>9,}x {short}:{line} {name}"
        )
    return lines


def profile_class(
    archive: Any, queries: list[BenchQuery], top: int
) -> tuple[dict[str, Any], list[str]]:
    n = len(queries)
    pages = [lambda q=q: archive.search(q.arsip, limit=PAGE_SIZE) for q in queries]
    counts = [lambda q=q: archive.counts(q.arsip) for q in queries]
    (page_s, page_cpu), (counts_s, counts_cpu) = timed(pages), timed(counts)
    page_stats, counts_stats = profiled(pages), profiled(counts)
    row: dict[str, Any] = {
        "queries": n,
        "page_median_ms": statistics.median(page_s) * 1000,
        "page_p95_ms": percentile(page_s, 0.95) * 1000,
        "counts_median_ms": statistics.median(counts_s) * 1000,
        "counts_p95_ms": percentile(counts_s, 0.95) * 1000,
        "page_cpu_median_ms": statistics.median(page_cpu) * 1000,
        "page_cpu_p95_ms": percentile(page_cpu, 0.95) * 1000,
        "counts_cpu_median_ms": statistics.median(counts_cpu) * 1000,
    }
    page_total = cumulative(page_stats, [PAGE_TOTAL])
    row["profiled_page_ms"] = page_total / n * 1000
    staged = 0.0
    for stage, names, inside in PAGE_STAGES:
        seconds = cumulative(page_stats, names)
        staged += 0.0 if inside else seconds
        row[f"page {stage} ms"] = seconds / n * 1000
    row["page rest ms"] = (page_total - staged) / n * 1000
    counts_total = cumulative(counts_stats, [COUNTS_TOTAL])
    row["profiled_counts_ms"] = counts_total / n * 1000
    staged = 0.0
    for stage, names, inside in COUNT_STAGES:
        seconds = cumulative(counts_stats, names)
        staged += 0.0 if inside else seconds
        row[f"counts {stage} ms"] = seconds / n * 1000
    row["counts rest ms"] = (counts_total - staged) / n * 1000
    hot = ["page:", *hot_functions(page_stats, top), "counts:", *hot_functions(counts_stats, top)]
    return row, hot


def print_table(rows: dict[str, dict[str, Any]]) -> None:
    say(f"unprofiled, ms per query (load average {os.getloadavg()[0]:.1f}):")
    say(
        f"{'class':<10} {'page med':>9} {'page p95':>9} {'counts med':>11} {'counts p95':>11}"
        f" {'page cpu med':>13} {'p95':>6} {'counts cpu med':>15}"
    )
    for cls, row in rows.items():
        say(
            f"{cls:<10} {row['page_median_ms']:9.1f} {row['page_p95_ms']:9.1f} "
            f"{row['counts_median_ms']:11.1f} {row['counts_p95_ms']:11.1f}"
            f" {row['page_cpu_median_ms']:13.1f} {row['page_cpu_p95_ms']:6.1f}"
            f" {row['counts_cpu_median_ms']:15.1f}"
        )
    for part, stages in (("page", PAGE_STAGES), ("counts", COUNT_STAGES)):
        names = [stage for stage, _names, _inside in stages] + ["rest"]
        say("")
        say(f"profiled {part}, mean ms per query by stage (cProfile inflates Python code):")
        nested = [f"{stage} is part of {inside}" for stage, _names, inside in stages if inside]
        say("(" + "; ".join(nested) + ")")
        say(f"{'class':<10} {'total':>7} " + " ".join(f"{n:>8}" for n in names))
        for cls, row in rows.items():
            cells = " ".join(f"{row[f'{part} {n} ms']:8.1f}" for n in names)
            say(f"{cls:<10} {row[f'profiled_{part}_ms']:7.1f} {cells}")


def segments(archive: Any) -> list[int]:
    index = archive._index._index  # the benchmark's own look inside: documents per segment
    return [segment.doc_count_all() for segment in index._segments()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--results", type=Path, default=REPO / "bench-results")
    parser.add_argument("--library", type=Path, help="default: RESULTS/library-ARTICLES")
    parser.add_argument("--corpus", type=Path, help="default: RESULTS/corpus-ARTICLES")
    parser.add_argument("--per-class", type=int, default=200, help="queries per class")
    parser.add_argument("--classes", nargs="*", default=list(CLASSES))
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--top", type=int, default=0, help="also list the N costliest functions")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    library = args.library or args.results / f"library-{args.articles}"
    corpus = args.corpus or args.results / f"corpus-{args.articles}"
    from archive_app.usecases.archive import Archive

    docs = list(read_docs(corpus, max(1, args.articles // SAMPLE)))
    # the benchmark's own query sets (the same seed), cut to --per-class
    sets = make_queries(docs, 200, args.seed)
    archive = Archive.open(library, readonly=True)
    try:
        say(f"{library}: {archive.count():,} articles, segments {segments(archive)}")
        for query in make_queries(docs, 2, args.seed + 1).values():  # warm up, as the bench
            for q in query:
                archive.search(q.arsip, limit=PAGE_SIZE)
                archive.counts(q.arsip)
        rows: dict[str, dict[str, Any]] = {}
        for cls in args.classes:
            rows[cls], hot = profile_class(archive, sets[cls][: args.per_class], args.top)
            if args.top:
                say(f"\n{cls}: costliest functions (own time, whole class)")
                for line in hot:
                    say("  " + line)
        say("")
        print_table(rows)
    finally:
        archive.close()
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
