"""Scores summed in bulk from posting blocks are Whoosh's scores (to the last bits), and the
matches they choose hold Whoosh's whole first page, across segments with deletions."""

from __future__ import annotations

import random

import pytest
from tests.search.test_docsets import _doc, _node

from archive_app.domain.query import parse
from archive_app.search import querying
from archive_app.search.bulk_scores import bulk_scores, contenders, scored_terms
from archive_app.search.compile import compile_query
from archive_app.search.docsets import matching_docs
from archive_app.search.index import FullTextIndex
from archive_app.search.phrases import PhraseChecked
from archive_app.search.querying import prepare, search_page

WORD_QUERIES = (
    "banjir",
    "pilih",
    "banjir warga",
    "banjir warga desa",
    "banjir -warga",
    '"kepala desa"',
    '"warga desa banjir"',
    '"banjir warga"~3 gresik',
    "lang:id banjir",
    "title:desa",
    "banjir date:2024-03",
    "banjir OR gresik",
    "site:detik.com banjir",
    "site:detik.com",
    "lang:en date:2023",
)
WEIGHTS_ONLY = ("site:detik.com", "lang:en date:2023")  # no word: every match scores the same


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> FullTextIndex:
    rng = random.Random(5)
    found = FullTextIndex(tmp_path_factory.mktemp("bulk") / "index")
    for first in range(1, 901, 300):  # several segments
        docs = [_doc(rng, n) for n in range(first, first + 300)]
        found.write(docs, new_ids=frozenset(d.id for d in docs))
    found.delete(range(7, 900, 13))
    found.write([_doc(rng, n) for n in range(2, 900, 41)])  # replaced: deleted and added
    return found


def _whoosh_scores(searcher: object, query: object) -> dict[int, float]:
    results = searcher.search(query, limit=None)  # type: ignore[attr-defined]
    return {hit.docnum: hit.score for hit in results}


@pytest.mark.parametrize("text", WORD_QUERIES)
def test_bulk_scores_are_whooshs_scores(index: FullTextIndex, text: str) -> None:
    searcher, _columns = index._searchers.current()
    query = compile_query(_node(text), searcher.reader()).query
    base = query.child if isinstance(query, PhraseChecked) else query
    matches = matching_docs(searcher, query)
    expected = _whoosh_scores(searcher, query)
    assert len(matches) >= 10  # enough to choose from
    bulk = bulk_scores(searcher, base, matches)
    assert bulk is not None and set(bulk.scores) == matches
    for docnum in matches:
        assert bulk.scores[docnum] == pytest.approx(expected[docnum], rel=1e-12, abs=1e-12)
        if bulk.exact:
            assert bulk.scores[docnum] == expected[docnum]
    assert bulk.exact == (text in WEIGHTS_ONLY)


@pytest.mark.parametrize("text", WORD_QUERIES)
@pytest.mark.parametrize("wanted", [1, 10, 20])
def test_the_chosen_hold_whooshs_first_page(index: FullTextIndex, text: str, wanted: int) -> None:
    searcher, _columns = index._searchers.current()
    query = compile_query(_node(text), searcher.reader()).query
    base = query.child if isinstance(query, PhraseChecked) else query
    matches = matching_docs(searcher, query)
    bulk = bulk_scores(searcher, base, matches)
    assert bulk is not None
    chosen = contenders(bulk.scores, wanted)
    page = [hit.docnum for hit in searcher.search(query, limit=wanted)]
    assert set(page) <= chosen
    if len(matches) > wanted and not bulk.exact:  # exact ones tie: all may be chosen
        assert len(chosen) < len(matches)


@pytest.mark.parametrize("text", WORD_QUERIES)
@pytest.mark.parametrize(("offset", "limit"), [(0, 1), (0, 20), (20, 10)])
def test_a_page_chosen_by_bulk_scores_is_the_page_of_every_match_scored(
    index: FullTextIndex, text: str, offset: int, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    searcher, columns = index._searchers.current()
    prepared = prepare(searcher, columns, _node(text))

    def page() -> list[tuple[int, float]]:
        found = search_page(
            prepared, sort="relevance", limit=limit, offset=offset, texts=_none, query_text=""
        )
        return [(hit.id, hit.score) for hit in found.hits]

    monkeypatch.setattr(querying, "BULK_MOST", 0)  # every match scored by Whoosh
    expected = page()
    monkeypatch.setattr(querying, "BULK_MOST", 10**9)
    monkeypatch.setattr(querying, "BULK_LEAST", 0)  # matches chosen by their bulk scores
    assert page() == expected
    assert expected or offset  # a first page is never empty here


def _none(ids: list[int], fields: frozenset[str]) -> dict[int, dict[str, str]]:
    return {}


@pytest.mark.parametrize("text", WEIGHTS_ONLY)
def test_a_page_of_equal_scores_is_whooshs(
    index: FullTextIndex, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(querying, "BULK_LEAST", 0)
    searcher, columns = index._searchers.current()
    prepared = prepare(searcher, columns, _node(text))
    page = search_page(
        prepared, sort="relevance", limit=20, offset=0, texts=lambda ids, fields: {}, query_text=""
    )
    results = searcher.search(prepared.compiled.query, limit=None, filter=prepared.allowed)
    expected = [(columns.article_ids[hit.docnum], hit.score) for hit in results][:20]
    assert [(hit.id, hit.score) for hit in page.hits] == expected
    assert page.total == len(results) if page.exact else page.total >= 20


@pytest.mark.parametrize("text", ["pil*", "jakrta~", "-banjir", "banjir OR site:kompas"])
def test_other_queries_are_left_to_whoosh(text: str) -> None:
    assert scored_terms(compile_query(parse(text)).query) is None
