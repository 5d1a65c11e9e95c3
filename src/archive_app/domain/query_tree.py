"""The query language's syntax tree: its fields, the nodes a parsed query is made of."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TEXT_FIELDS = ("title", "body", "caption")
PERSON_FIELDS = ("person", "author", "reporter", "editor", "photographer", "contributor")
VALUE_FIELDS = ("site", "tag", "lang", "review")
REVIEW_ANY = "any"  # review:any finds an article carrying any review flag
FIELDS = (*TEXT_FIELDS, *PERSON_FIELDS, "place", *VALUE_FIELDS, "date", "before", "after")


@dataclass(frozen=True, slots=True)
class Word:
    """One word; `kind` is "word", "prefix" (word*) or "fuzzy" (word~N)."""

    text: str
    field: str | None = None
    kind: str = "word"
    distance: int = 0


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words in this order (slop 0), or all within `slop` words of each other ("…"~N)."""

    words: tuple[str, ...]
    field: str | None = None
    slop: int = 0


@dataclass(frozen=True, slots=True)
class Value:
    """An exact value of a field that holds names, not text (site, tag, lang)."""

    field: str
    value: str


@dataclass(frozen=True, slots=True)
class DateRange:
    """Articles dated from `start` to `end`, both inclusive; None is open-ended."""

    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class Not:
    operand: Node


@dataclass(frozen=True, slots=True)
class And:
    operands: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    operands: tuple[Node, ...]


Node = Word | Phrase | Value | DateRange | Not | And | Or


def positive_words(node: Node) -> list[Word | Phrase]:
    """The words and phrases a hit must contain (not under NOT): what snippets highlight."""
    if isinstance(node, Word | Phrase):
        return [node]
    if isinstance(node, And | Or):
        return [w for operand in node.operands for w in positive_words(operand)]
    return []


# The query language in one screen: shown next to the search box and printed in the README.
CHEAT_SHEET: tuple[tuple[str, str], ...] = (
    ("banjir gresik", "articles with every word (word families too: gaung finds menggaungkan)"),
    ('"world water forum"', "the exact phrase"),
    ('"presiden prabowo"~5', "the words within 5 words of each other"),
    ("banjir OR gempa", "either word"),
    ("banjir -jakarta", "without a word (also NOT jakarta)"),
    ("(banjir OR gempa) gresik", "parentheses group"),
    ("presid*", "words starting with presid"),
    ("jakrta~", "near spellings (~2 allows two edits)"),
    ("title:  body:  caption:", "in one part of the article"),
    (
        'person:"Yessy Artada"',
        "a person in any role; also author: reporter: editor: photographer: contributor:",
    ),
    ("site:kompas.com  place:bali", "a site (site:detik finds detik.com) or a dateline place"),
    ("tag:banjir  lang:en", "a tag, or the article's language (id, en)"),
    (
        "review:any  review:date",
        "what the importer was unsure of: any flag, or one kind "
        "(date, language, body, title, person, photo, encoding)",
    ),
    ("date:2024  date:2024-05  date:2024-05-17", "a year, a month or a day"),
    ("date:2024-05-01..2024-06-30", "a range (either end may be left open)"),
    ("date:>2024-01-01  before:2024  after:2024-05", "before or after a date"),
)
