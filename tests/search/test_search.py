"""Searching the index: phrases, fields, ranking, snippets, query errors, drift and repair."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from archive_app.domain.errors import QueryError
from archive_app.usecases.archive import Archive


@pytest.fixture
def corpus(corpus_library: Path) -> Iterator[Archive]:
    with Archive.open(corpus_library, readonly=True) as archive:
        yield archive


SEED_TITLE = "Gaungkan World Water Forum 2024, Kominfo Gandeng Humas Kementerian"


def test_the_seed_comes_first_for_its_phrase(corpus: Archive) -> None:
    page = corpus.search('"world water forum"')
    assert page.total >= 1
    assert page.hits[0].title == SEED_TITLE
    assert any("<b" in s and "World" in s for s in page.hits[0].snippets)


@pytest.mark.parametrize(
    "query",
    [
        'person:"Yessy Artada"',
        "editor:yessy",
        "place:bali",
        "site:jpnn.com",
        'title:"world water forum"',
        "caption:kominfo",
        "kominfo bimtek",
    ],
)
def test_field_and_word_queries_find_the_seed(corpus: Archive, query: str) -> None:
    titles = [hit.title for hit in corpus.search(query, limit=50).hits]
    assert SEED_TITLE in titles


def test_every_word_must_match_by_default(corpus: Archive) -> None:
    assert corpus.search("kominfo bimtek zyzzyva").total == 0


def test_a_phrase_is_not_a_bag_of_words(corpus: Archive) -> None:
    assert corpus.search('"forum water world"').total == 0


def test_search_pages_through_results(corpus: Archive) -> None:
    first = corpus.search("jakarta", limit=5)
    second = corpus.search("jakarta", limit=5, offset=5)
    assert first.total == second.total > 10
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}
    assert [h.score for h in first.hits] == sorted((h.score for h in first.hits), reverse=True)


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ('"world water', "quote is not closed", 0),
        ("(banjir OR gempa", "parenthesis is not closed", 0),
        ("banjir)", "closing parenthesis", 6),
        ("writer:yessy", "unknown field writer:", 0),
        ("x" * 3000, "limit is", None),
    ],
)
def test_query_mistakes_get_a_pointed_message(
    corpus: Archive, query: str, message: str, position: int | None
) -> None:
    with pytest.raises(QueryError) as raised:
        corpus.search(query)
    assert message in str(raised.value)
    if position is not None:
        assert raised.value.position == position


def test_check_sees_drift_and_reindex_repairs_it(tmp_path: Path, seed_file: Path) -> None:
    with Archive.open(tmp_path / "lib") as archive:
        archive.import_paths([seed_file])
        assert archive.check().ok
        archive._index.delete([1])
        report = archive.check()
        assert report.missing_from_index == [1] and not report.ok
        assert archive.search('"world water forum"').total == 0
        with archive._engine.begin() as connection:
            connection.execute(text("UPDATE articles SET version = version + 1"))
        assert archive.reindex() == 1
        assert archive.check().ok
        assert archive.search('"world water forum"').total == 1
        with archive._engine.begin() as connection:
            connection.execute(text("UPDATE articles SET version = version + 1"))
        assert archive.check().stale_in_index == [1]
