"""Queries that cost too much or nest too deep get a message, never a hang or a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_app.domain.errors import QueryError
from archive_app.domain.query import MAX_NESTING, MAX_PATTERNS, And, Word, parse
from archive_app.search.compile import compile_query
from archive_app.usecases.archive import Archive


@pytest.mark.parametrize(
    "text",
    [
        "(" * 300 + "banjir" + ")" * 300,
        "-" * 900 + "banjir",
        "NOT " * 200 + "banjir",
        "title:(" * 100 + "banjir" + ")" * 100,
    ],
)
def test_deep_nesting_is_refused_with_a_message(text: str) -> None:
    # before: RecursionError, "unexpected error" and exit 70
    with pytest.raises(QueryError, match=f"nests more than {MAX_NESTING} levels deep"):
        parse(text)


def test_nesting_people_write_still_parses() -> None:
    assert parse("((banjir OR gempa) -(jakarta OR NOT bali))") is not None
    deep = "(" * MAX_NESTING + "banjir" + ")" * MAX_NESTING
    assert parse(deep) == Word("banjir")


def test_too_many_wildcard_terms_are_refused_at_once() -> None:
    # before: 150 x `ba*` searched for 162 s and took 709 MB
    with pytest.raises(QueryError) as refused:
        parse(" ".join(["ba*"] * 150))
    assert str(refused.value).startswith(
        f"too many wildcard and fuzzy terms (150; at most {MAX_PATTERNS})"
    )
    assert refused.value.position == 4 * MAX_PATTERNS
    words = parse(" ".join(["ba*"] * (MAX_PATTERNS - 2) + ["jakrta~", "bandng~2"]))
    assert isinstance(words, And) and len(words.operands) == MAX_PATTERNS


def _library_of_words(archive: Archive, tmp_path: Path, words: list[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(0, len(words), 500):
        chunk = " ".join(words[number : number + 500])
        (folder / f"a{number}.txt").write_text(
            f"Daftar kata {number}\n\nKata-kata ini untuk mencoba pencarian. {chunk}.\n",
            encoding="utf-8",
        )
    report = archive.import_paths([folder])
    assert not report.failed


def test_the_words_wildcards_stand_for_are_limited_in_all(archive: Archive, tmp_path: Path) -> None:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = [
        f"{start}{a}{b}{c}"
        for start in ("ba", "ka", "ma", "sa", "ta")
        for a in letters[:20]
        for b in letters[:20]
        for c in "aiu"
    ]  # 1,200 for each
    _library_of_words(archive, tmp_path, words)
    assert archive.search("bagha").total == 1
    assert archive.search("ba* OR ka* OR ma*").total > 0  # 3,600 words
    with pytest.raises(
        QueryError,
        match="the wildcard and fuzzy terms of the query together "
        "match more than 5,000 different words",
    ):
        archive.search("ba* ka* ma* sa* ta*")
    with pytest.raises(QueryError, match="together match more than 5,000"):
        archive.search("ba* ka* ma* safa~2 sama~2 saka~2 saba~2 sala~2")


def test_a_repeated_term_is_searched_once() -> None:
    # ten times `ba*` merged ten copies of every word starting with "ba" (22 s at 5,000 articles)
    once = compile_query(parse("ba*")).query
    assert compile_query(parse(" ".join(["ba*"] * MAX_PATTERNS))).query == once
    assert compile_query(parse("ba* OR ba* OR ba*")).query == compile_query(parse("ba*")).query
