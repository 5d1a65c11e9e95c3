"""A phrase's page from candidates checked best first is Whoosh's page: the same hits with the
same scores, with a total estimated from the share of the checked that held the phrase."""

from __future__ import annotations

import random

import pytest
from tests.search.test_docsets import _doc, _node

from archive_app.search import querying
from archive_app.search.docsets import matching_docs
from archive_app.search.index import FullTextIndex
from archive_app.search.querying import RawPage, prepare, search_page

PHRASES = (
    '"warga desa banjir"',
    '"banjir warga gresik"',
    '"desa warga"~2 kepala',
    '"kepala desa gresik" date:2023',
    '"banjir warga desa" -jakarta',
)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> FullTextIndex:
    rng = random.Random(8)
    found = FullTextIndex(tmp_path_factory.mktemp("phrase-pages") / "index")
    for first in range(1, 1201, 400):  # several segments
        docs = [_doc(rng, n) for n in range(first, first + 400)]
        found.write(docs, new_ids=frozenset(d.id for d in docs))
    found.delete(range(4, 1200, 17))
    return found


@pytest.mark.parametrize("text", PHRASES)
@pytest.mark.parametrize("limit", [1, 3, 20])
def test_a_phrase_page_checked_best_first_is_the_page_of_every_match(
    index: FullTextIndex, text: str, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    searcher, columns = index._searchers.current()
    prepared = prepare(searcher, columns, _node(text))

    def page() -> RawPage:
        return search_page(
            prepared, sort="relevance", limit=limit, offset=0, texts=lambda i, f: {}, query_text=""
        )

    monkeypatch.setattr(querying, "PHRASE_CHECK_ALL", 10**9)
    every = page()  # each candidate checked, and the total exact
    assert every.exact and len(every.hits) == min(limit, every.total) and every.total >= 3
    monkeypatch.setattr(querying, "PHRASE_CHECK_ALL", 0)  # every phrase takes the short way
    best_first = page()
    assert [(hit.id, hit.score) for hit in best_first.hits] == [
        (hit.id, hit.score) for hit in every.hits
    ]
    candidates = matching_docs(searcher, prepared.compiled.query.child)
    if best_first.exact:
        assert best_first.total == every.total
    else:  # an estimate, between the page and every candidate
        assert len(best_first.hits) <= best_first.total <= len(candidates)


def test_a_phrase_page_is_whooshs(index: FullTextIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(querying, "PHRASE_CHECK_ALL", 0)
    searcher, columns = index._searchers.current()
    prepared = prepare(searcher, columns, _node('"warga desa banjir"'))
    page = search_page(
        prepared, sort="relevance", limit=4, offset=0, texts=lambda i, f: {}, query_text=""
    )
    results = searcher.search(prepared.compiled.query, limit=4)
    assert [(hit.id, hit.score) for hit in page.hits] == [
        (columns.article_ids[hit.docnum], hit.score) for hit in results
    ]
