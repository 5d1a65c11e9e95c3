"""The search benchmark's relevance check: queries with known targets, and finding their ranks.

On a small generated corpus imported into a real library and an FTS5 reference beside it; no
timing is asserted (the benchmark prints figures, it does not judge them).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from tests.conftest import REPO, corpus_path

from archive_app.usecases.archive import Archive

pytestmark = [pytest.mark.corpus, pytest.mark.slow]
ARTICLES = 240
QUERIES = 30


def _benchmark_module(name: str) -> ModuleType:
    """A module of benchmarks/, which import one another by their plain names."""
    folder = str(REPO / "benchmarks")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module(name)


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A generated corpus, its Arsip library and its FTS5 reference, and the query targets."""
    source = corpus_path()
    generate = _benchmark_module("generate")
    articles = _benchmark_module("articles")
    fts5 = _benchmark_module("fts5_reference")
    relevance = _benchmark_module("relevance")
    root = tmp_path_factory.mktemp("bench")
    generate.generate(ARTICLES, root / "corpus", source)
    docs = list(articles.read_docs(root / "corpus"))
    with Archive.open(root / "library") as archive:
        report = archive.import_paths([root / "corpus"])
        assert len(report.added) == ARTICLES
    fts5.build(root / "fts5.sqlite", docs)
    connection = fts5.open_reader(root / "fts5.sqlite")
    archive = Archive.open(root / "library", readonly=True)
    counter = relevance.fts5_counter(connection)
    targets = relevance.make_targets(docs, QUERIES, generate.SEED, counter)
    try:
        yield {
            "relevance": relevance,
            "docs": docs,
            "archive": archive,
            "connection": connection,
            "counter": counter,
            "targets": targets,
        }
    finally:
        archive.close()
        connection.close()


def test_the_builder_makes_the_three_kinds_each_with_one_target(bench: dict[str, Any]) -> None:
    relevance, targets = bench["relevance"], bench["targets"]
    kinds = {t.kind for t in targets}
    assert kinds == set(relevance.KINDS)
    assert len(targets) >= QUERIES * 2 // 3  # a small corpus may run short of word forms
    by_number = {d.number: d for d in bench["docs"]}
    for target in targets:
        doc = by_number[target.number]
        if target.kind == "title phrase":
            assert target.arsip.strip('"') in doc.title.lower()
        elif target.kind == "person+place":
            assert target.arsip.startswith("person:") and " place:" in target.arsip
        else:  # another form of one of the title's words, which the title itself lacks
            written, asked = target.changed.split(" -> ")
            assert written in doc.title.lower() and asked in target.arsip.split()
            assert asked not in doc.title.lower().split()


def test_the_same_corpus_and_seed_give_the_same_queries(bench: dict[str, Any]) -> None:
    relevance = bench["relevance"]
    again = relevance.make_targets(bench["docs"], QUERIES, 20240517, bench["counter"])
    assert again == bench["targets"]


def test_rank_of_counts_from_one() -> None:
    relevance = _benchmark_module("relevance")
    assert relevance.rank_of([42, 7, 9], 42) == 1
    assert relevance.rank_of([42, 7, 9], 9) == 3
    assert relevance.rank_of([42, 7, 9], 5) is None


def test_a_target_only_its_words_pick_out_is_found_at_rank_one(bench: dict[str, Any]) -> None:
    """A person with a place matches its target alone: both engines rank it first."""
    relevance = bench["relevance"]
    chosen = [t for t in bench["targets"] if t.kind == "person+place"]
    ranked = relevance.rank_all(bench["archive"], bench["connection"], chosen)
    assert ranked and all(r.fts5_rank == 1 and r.arsip_rank == 1 for r in ranked)
    figures = relevance.summarise(ranked)["person+place"]
    assert figures["arsip_top10"] == figures["fts5_top10"] == 1.0
    assert figures["arsip_median_rank"] == figures["fts5_median_rank"] == 1


def test_a_target_missing_from_the_results_has_no_rank(bench: dict[str, Any]) -> None:
    relevance = bench["relevance"]
    target = bench["targets"][0]
    absent = max(d.number for d in bench["docs"]) + 1
    assert relevance.arsip_rank(bench["archive"], target.arsip, absent) is None
    lost = relevance.Ranked(target, arsip_rank=None, fts5_rank=3)
    figures = relevance.summarise([lost])[target.kind]
    assert figures["arsip_top10"] == 0.0 and figures["fts5_top10"] == 1.0
    assert figures["arsip_median_rank"] is None and figures["fts5_median_rank"] == 3
