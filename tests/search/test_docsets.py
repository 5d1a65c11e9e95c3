"""Every match found as sets is what Whoosh's matchers find, and a page sorted by date or title
is the page Whoosh's sorting collector gives, across segments with deletions."""

from __future__ import annotations

import random

import pytest
from whoosh import sorting

from archive_app.domain.model import IndexDocument, PersonRole
from archive_app.domain.query import And, Node, parse
from archive_app.search.compile import compile_query
from archive_app.search.docsets import matching_docs
from archive_app.search.index import FullTextIndex
from archive_app.search.querying import prepare, search_page

VOCABULARY = "banjir warga desa kepala gresik pemilihan memilih umum jakarta presiden di yang"
WORDS = VOCABULARY.split()
QUERIES = (
    "banjir",
    "banjir warga",
    "banjir OR gresik",
    "banjir -warga",
    "banjir NOT (desa OR kepala)",
    '"kepala desa"',
    '"warga desa banjir"',
    '"banjir warga"~3 gresik',
    "pil*",
    "ba*",
    "jakrta~",
    "pilih",
    "site:detik.com",
    "site:kompas",
    "lang:en",
    "lang:id banjir",
    "person:widodo",
    'person:"joko widodo"',
    "date:2023",
    "banjir date:2024-03",
    "title:desa",
    "tag:banjir",
    "",
)
# Whoosh's sorting facets, as Arsip sorted pages with them before keeping its own orders
WHOOSH_SORTS = {
    "newest": sorting.MultiFacet(
        [sorting.FieldFacet("dated", reverse=True), sorting.FieldFacet("when", reverse=True)]
    ),
    "oldest": sorting.MultiFacet(
        [sorting.FieldFacet("dated", reverse=True), sorting.FieldFacet("when")]
    ),
    "title": sorting.FieldFacet("title_sort"),
}


def _doc(rng: random.Random, n: int) -> IndexDocument:
    dated = rng.random() < 0.9
    day = f"{rng.choice((2023, 2024))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return IndexDocument(
        n,
        1,
        # few titles, few dates: many ties, which must fall as Whoosh's do
        " ".join(rng.choices(WORDS[:4], k=2)).capitalize(),
        (" ".join(rng.choices(WORDS, k=rng.randint(3, 40))),),
        (PersonRole("Joko Widodo", "author"),) if rng.random() < 0.3 else (),
        rng.choice(("detik.com", "kompas.com", "news.kompas.com")),
        None,
        f"{day}T{rng.choice(('08', '09'))}:00:00+07:00" if dated else None,
        rng.choice(("id", "en")),
        tags=("banjir",) if rng.random() < 0.2 else (),
    )


def _node(text: str) -> Node:
    return parse(text) if text else And(())  # nothing typed: every article


def _no_texts(ids: list[int], fields: frozenset[str]) -> dict[int, dict[str, str]]:
    return {}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> FullTextIndex:
    rng = random.Random(21)
    found = FullTextIndex(tmp_path_factory.mktemp("docsets") / "index")
    for first in range(1, 601, 150):  # several segments
        docs = [_doc(rng, n) for n in range(first, first + 150)]
        found.write(docs, new_ids=frozenset(d.id for d in docs))
    found.delete(range(3, 600, 11))
    found.write([_doc(rng, n) for n in range(5, 600, 37)])  # replaced: deleted and added
    return found


@pytest.mark.parametrize("text", QUERIES)
def test_every_match_is_whooshs(index: FullTextIndex, text: str) -> None:
    searcher, _columns = index._searchers.current()
    compiled = compile_query(_node(text), searcher.reader())
    expected = set(searcher.docs_for_query(compiled.query))
    assert matching_docs(searcher, compiled.query) == expected
    assert expected or text in ("site:kompas", "jakrta~")  # most queries find something


@pytest.mark.parametrize("sort", sorted(WHOOSH_SORTS))
@pytest.mark.parametrize("text", QUERIES)
def test_a_sorted_page_is_whooshs(index: FullTextIndex, text: str, sort: str) -> None:
    searcher, columns = index._searchers.current()
    prepared = prepare(searcher, columns, _node(text))
    for offset, limit in ((0, 10), (10, 25)):
        page = search_page(
            prepared, sort=sort, limit=limit, offset=offset, texts=_no_texts, query_text=text
        )
        results = searcher.search(
            prepared.compiled.query,
            limit=offset + limit,
            filter=prepared.allowed,
            sortedby=WHOOSH_SORTS[sort],
        )
        expected = [columns.article_ids[hit.docnum] for hit in results][offset:]
        assert [hit.id for hit in page.hits] == expected
        assert page.exact and page.total == len(results)


def test_counts_are_over_every_match(index: FullTextIndex) -> None:
    searcher, _columns = index._searchers.current()
    node = parse("banjir date:2024")
    prepared = prepare(searcher, _columns, node)
    whoosh_docs = [
        d for d in searcher.docs_for_query(prepared.compiled.query) if d in prepared.allowed
    ]
    counts = index.counts(node, _no_texts)
    assert counts.total == len(whoosh_docs) > 0
    assert sum(n for _month, n in counts.months) == counts.total


@pytest.mark.parametrize(
    "text",
    [
        "date:2023",
        "banjir date:2024-03",
        "lang:id date:2023-05",
        "site:detik.com date:2024",
        '"kepala desa" date:2023',
    ],
)
def test_a_dated_page_is_whooshs_filtered_page(index: FullTextIndex, text: str) -> None:
    """Dates that allow few of a query's documents are intersected with it, not filtered:
    the same hits with the same scores."""
    searcher, columns = index._searchers.current()
    prepared = prepare(searcher, columns, _node(text))
    page = search_page(
        prepared, sort="relevance", limit=15, offset=0, texts=_no_texts, query_text=""
    )
    if prepared.compiled.browse_only:
        return  # listed newest first, as above
    results = searcher.search(prepared.compiled.query, limit=15, filter=prepared.allowed)
    assert [(hit.id, hit.score) for hit in page.hits] == [
        (columns.article_ids[hit.docnum], hit.score) for hit in results
    ]
    whole = [d for d in searcher.docs_for_query(prepared.compiled.query) if d in prepared.allowed]
    assert page.total == len(whole) if page.exact else page.total >= len(page.hits)


@pytest.mark.parametrize("text", QUERIES)
def test_a_ranked_page_is_whooshs(index: FullTextIndex, text: str) -> None:
    """Queries of several terms are found as sets and only their matches scored: the same
    hits and scores as Whoosh's collector, and the exact total."""
    searcher, columns = index._searchers.current()
    prepared = prepare(searcher, columns, _node(text))
    if prepared.compiled.browse_only:
        return
    for offset, limit in ((0, 10), (10, 25)):
        page = search_page(
            prepared, sort="relevance", limit=limit, offset=offset, texts=_no_texts, query_text=""
        )
        results = searcher.search(
            prepared.compiled.query, limit=None, filter=prepared.allowed
        )  # every match scored, none skipped
        expected = [(columns.article_ids[hit.docnum], hit.score) for hit in results]
        assert [(hit.id, hit.score) for hit in page.hits] == expected[offset : offset + limit]
        if page.exact:
            assert page.total == len(results)
