"""The query language parser: what people type, what it means, and pointed errors."""

from __future__ import annotations

from datetime import date

import pytest

from archive_app.domain.errors import QueryError
from archive_app.domain.query import And, DateRange, Not, Or, Phrase, Value, Word, parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("banjir", Word("banjir")),
        ("banjir gresik", And((Word("banjir"), Word("gresik")))),
        ("banjir AND gresik", And((Word("banjir"), Word("gresik")))),
        ("banjir OR gempa", Or((Word("banjir"), Word("gempa")))),
        ("banjir -jakarta", And((Word("banjir"), Not(Word("jakarta"))))),
        ("banjir NOT jakarta", And((Word("banjir"), Not(Word("jakarta"))))),
        ('"world water forum"', Phrase(("world", "water", "forum"))),
        ('"presiden prabowo"~5', Phrase(("presiden", "prabowo"), None, 5)),
        ("presid*", Word("presid", None, "prefix")),
        ("jakrta~", Word("jakrta", None, "fuzzy", 1)),
        ("jakrta~2", Word("jakrta", None, "fuzzy", 2)),
        ('person:"Yessy Artada"', Phrase(("Yessy", "Artada"), "person")),
        ("editor:yessy", Word("yessy", "editor")),
        ("site:jpnn.com", Value("site", "jpnn.com")),
        ("LANG:EN", Value("lang", "en")),
        ("tag:banjir", Value("tag", "banjir")),
        ("review:date", Value("review", "date")),
        ("Review:ANY -review:photo", And((Value("review", "any"), Not(Value("review", "photo"))))),
        ("title:(banjir OR gempa)", Or((Word("banjir", "title"), Word("gempa", "title")))),
        ("(banjir OR gempa) gresik", And((Or((Word("banjir"), Word("gempa"))), Word("gresik")))),
        ("https://www.jpnn.com/news/x", Word("https://www.jpnn.com/news/x")),
    ],
)
def test_parses_what_people_type(text: str, expected: object) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("date:2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("date:2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("date:2024-05-17", date(2024, 5, 17), date(2024, 5, 17)),
        ("date:2024-05-01..2024-06-30", date(2024, 5, 1), date(2024, 6, 30)),
        ("date:2024..", date(2024, 1, 1), None),
        ("date:>2024-01-01", date(2024, 1, 2), None),
        ("date:>=2024-01-01", date(2024, 1, 1), None),
        ("date:<2024", None, date(2023, 12, 31)),
        ("before:2024-01-01", None, date(2023, 12, 31)),
        ("after:2024-05", date(2024, 6, 1), None),
    ],
)
def test_dates(text: str, start: date | None, end: date | None) -> None:
    assert parse(text) == DateRange(start, end)


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        ('"world water', "quote is not closed", 0),
        ("(banjir OR gempa", "parenthesis is not closed", 0),
        ("banjir)", "closing parenthesis has no opening", 6),
        ("banjir OR", "OR needs something after it", 7),
        ("writer:yessy", "unknown field writer:", 0),
        ("review:tanggal", "review:tanggal is not a kind of review flag (choose any, date", 7),
        ("review:(date OR photo)", "review: takes one value", 7),
        ("date:2024-02-30", "2024-02-30 is not a real date", 5),
        ("date:2024-13", "is not a real date", 5),
        ("date:yesterday", "is not a date", 5),
        ("date:2025..2024", "ends before it starts", 5),
        ("*", "a lone * would match every word", 0),
        ("banjir a*", "at least two letters before *", 7),
        ("jakarta~5", "1 or 2 edits", 7),
        ("site:", "needs a value", 0),
        ("banjir -", None, None),
        ("()", "empty parentheses", 0),
        ("x" * 10_000, "the limit is 1,000", 1000),
        ("", "type something", 0),
    ],
)
def test_mistakes_are_pointed_out(text: str, message: str | None, position: int | None) -> None:
    with pytest.raises(QueryError) as raised:
        parse(text)
    if message is not None:
        assert message in str(raised.value)
    if position is not None:
        assert raised.value.position == position
