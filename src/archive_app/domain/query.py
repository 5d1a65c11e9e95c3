"""The query language: what a person types, parsed into query objects before any index sees it.

Grammar (informally): words must all match; `OR`, `NOT`/`-word`, parentheses; "exact phrase";
"words near"~5; prefix*; fuzzy~ or fuzzy~2; field:value for title, body, caption, person
(and author, reporter, editor, photographer, contributor), site, place, tag, lang; review:KIND
(what the importer was unsure of) or review:any; dates as date:2024, date:2024-05,
date:2024-05-01, date:2024-05-01..2024-06-30, date:>2024-01-01, date:<=2024-12-31,
before:DATE and after:DATE. Every mistake raises QueryError with the position of the
character at fault.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from archive_app.domain.errors import QueryError

# the language's tree is in query_tree; its names are this module's too (`X as X`: re-exported)
from archive_app.domain.query_tree import CHEAT_SHEET as CHEAT_SHEET
from archive_app.domain.query_tree import FIELDS, VALUE_FIELDS
from archive_app.domain.query_tree import REVIEW_ANY as REVIEW_ANY
from archive_app.domain.query_tree import And as And
from archive_app.domain.query_tree import DateRange as DateRange
from archive_app.domain.query_tree import Node as Node
from archive_app.domain.query_tree import Not as Not
from archive_app.domain.query_tree import Or as Or
from archive_app.domain.query_tree import Phrase as Phrase
from archive_app.domain.query_tree import Value as Value
from archive_app.domain.query_tree import Word as Word
from archive_app.domain.query_tree import positive_words as positive_words
from archive_app.domain.review import REVIEW_KINDS

MAX_QUERY_LENGTH = 1000
MAX_FUZZY = 2
# Parentheses, NOT and -, one inside another: real queries nest two or three deep; a thousand
# would exhaust Python's stack (in this parser and in every later pass over the query).
MAX_NESTING = 20
# Wildcard (word*) and fuzzy (word~) terms each search the whole list of indexed words: 150
# of them took minutes and most of a gigabyte.
MAX_PATTERNS = 10


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # word, phrase, open, close, or, and, not, minus, field
    text: str
    position: int
    suffix: str = ""  # "*", "~", "~2" after a word; "~5" after a phrase


_WORD_CHARS = re.compile(r"[^\s()\"]+")
_FIELD = re.compile(r"([A-Za-z]+):")
_SUFFIX = re.compile(r"(?:\*|~\d*)$")


def _tokenise(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char.isspace():
            position += 1
        elif char in "()":
            tokens.append(_Token("open" if char == "(" else "close", char, position))
            position += 1
        elif char == '"':
            end = text.find('"', position + 1)
            if end < 0:
                raise QueryError("a quote is not closed", text, position)
            slop = re.match(r"~(\d+)", text[end + 1 :])
            suffix = slop.group(0) if slop else ""
            tokens.append(_Token("phrase", text[position + 1 : end], position, suffix))
            position = end + 1 + len(suffix)
        elif char == "-" and position + 1 < len(text) and not text[position + 1].isspace():
            tokens.append(_Token("minus", "-", position))
            position += 1
        else:
            field = _FIELD.match(text, position)
            after = position + len(field.group(0)) if field else 0
            if (
                field
                and field.group(1).lower() in FIELDS
                and (after >= len(text) or text[after].isspace())
            ):
                raise QueryError(
                    f"{field.group(1).lower()}: needs a value after it", text, position
                )
            if (
                field
                and position + len(field.group(0)) < len(text)
                and not text[position + len(field.group(0))].isspace()
            ):
                name = field.group(1)
                if name.lower() in ("http", "https"):  # a pasted address is words, not a field
                    match = _WORD_CHARS.match(text, position)
                    assert match is not None
                    tokens.append(_Token("word", match.group(0), position))
                    position = match.end()
                    continue
                tokens.append(_Token("field", name.lower(), position))
                position += len(field.group(0))
                continue
            match = _WORD_CHARS.match(text, position)
            assert match is not None
            word = match.group(0)
            keyword = {"OR": "or", "AND": "and", "NOT": "not"}.get(word)
            if keyword:
                tokens.append(_Token(keyword, word, position))
            else:
                marker = _SUFFIX.search(word)
                tokens.append(
                    _Token(
                        "word",
                        word[: marker.start()] if marker else word,
                        position,
                        marker.group(0) if marker else "",
                    )
                )
            position = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenise(text)
        self.index = 0
        self.depth = 0
        patterns = [t for t in self.tokens if t.kind == "word" and t.suffix]
        if len(patterns) > MAX_PATTERNS:
            raise self.error(
                f"too many wildcard and fuzzy terms ({len(patterns):,}; at most "
                f"{MAX_PATTERNS}): each one searches every word in the library",
                patterns[MAX_PATTERNS].position,
            )

    def deeper(self, token: _Token) -> None:
        """Enter one more level of parentheses or negation, refusing absurd depths."""
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise self.error(
                f"the query nests more than {MAX_NESTING} levels deep (parentheses, NOT or -)",
                token.position,
            )

    def error(self, message: str, position: int | None = None) -> QueryError:
        if position is None:
            position = (
                self.tokens[self.index].position
                if self.index < len(self.tokens)
                else len(self.text)
            )
        return QueryError(message, self.text, position)

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> Node:
        if not self.tokens:
            raise QueryError("type something to search for", self.text, 0)
        node = self.parse_or()
        token = self.peek()
        if token is not None:
            if token.kind == "close":
                raise self.error("a closing parenthesis has no opening one")
            raise self.error(f"unexpected {token.text!r}")
        return node

    def parse_or(self) -> Node:
        operands = [self.parse_and()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            if self.peek() is None or self.peek().kind in ("close", "or"):  # type: ignore[union-attr]
                raise self.error("OR needs something after it", token.position)
            operands.append(self.parse_and())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def parse_and(self) -> Node:
        operands: list[Node] = []
        while (token := self.peek()) is not None and token.kind not in ("close", "or"):
            if token.kind == "and":
                self.take()
                continue
            operands.append(self.parse_unary())
        if not operands:
            raise self.error("something is missing here")
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def parse_unary(self) -> Node:
        token = self.peek()
        assert token is not None
        if token.kind in ("not", "minus"):
            self.take()
            following = self.peek()
            if following is None or following.kind in ("close", "or", "and"):
                raise self.error(f"{token.text} needs a word after it", token.position)
            self.deeper(token)
            node = Not(self.parse_unary())
            self.depth -= 1
            return node
        return self.parse_primary()

    def parse_primary(self) -> Node:
        token = self.take()
        if token.kind == "open":
            if self.peek() is None or self.peek().kind == "close":  # type: ignore[union-attr]
                raise self.error("empty parentheses", token.position)
            self.deeper(token)
            node = self.parse_or()
            closing = self.peek()
            if closing is None or closing.kind != "close":
                raise self.error("a parenthesis is not closed", token.position)
            self.take()
            self.depth -= 1
            return node
        if token.kind == "field":
            return self.parse_field(token)
        if token.kind == "phrase":
            return self.phrase(token, None)
        if token.kind == "word":
            return self.word(token, None)
        if token.kind == "close":
            raise self.error("a closing parenthesis has no opening one", token.position)
        raise self.error(f"unexpected {token.text!r}", token.position)

    def phrase(self, token: _Token, field: str | None) -> Node:
        words = tuple(w for w in re.split(r"\s+", token.text.strip()) if w)
        if not words:
            raise self.error("the quotes hold no words", token.position)
        slop = int(token.suffix[1:] or 0) if token.suffix else 0
        if len(words) == 1 and not slop:
            return Word(words[0], field)
        return Phrase(words, field, slop)

    def word(self, token: _Token, field: str | None) -> Node:
        text = token.text
        if token.suffix == "*":
            if not text:
                raise self.error(
                    "a lone * would match every word; add letters before it", token.position
                )
            if len(text) < 2:
                raise self.error("put at least two letters before *", token.position)
            return Word(text, field, "prefix")
        if token.suffix.startswith("~"):
            distance = int(token.suffix[1:] or 1)
            if not 1 <= distance <= MAX_FUZZY:
                raise self.error(
                    f"fuzzy matching allows 1 or 2 edits, not {distance}",
                    token.position + len(text),
                )
            if len(text) < 3:
                raise self.error(
                    "fuzzy matching needs a word of three letters or more", token.position
                )
            return Word(text, field, "fuzzy", distance)
        if not any(ch.isalnum() for ch in text):
            raise self.error(f"{text!r} has no letters or digits to search for", token.position)
        return Word(text, field)

    def parse_field(self, token: _Token) -> Node:
        name = token.text
        if name not in FIELDS:
            known = ", ".join(f"{f}:" for f in FIELDS)
            raise self.error(f"unknown field {name}: (known fields: {known})", token.position)
        value = self.peek()
        if value is None or value.kind not in ("word", "phrase", "open"):
            raise self.error(f"{name}: needs a value after it", token.position)
        if name in ("date", "before", "after"):
            self.take()
            return parse_date_value(name, value.text + value.suffix, self.text, value.position)
        if name in VALUE_FIELDS:
            self.take()
            if value.kind == "open":
                raise self.error(f"{name}: takes one value", value.position)
            text = value.text.strip().lower()
            if name == "review" and text not in (REVIEW_ANY, *REVIEW_KINDS):
                kinds = ", ".join((REVIEW_ANY, *REVIEW_KINDS))
                raise self.error(
                    f"review:{text} is not a kind of review flag (choose {kinds})", value.position
                )
            return Value(name, text)
        field = name
        if value.kind == "open":  # title:(a OR b) applies the field inside
            node = self.parse_primary()
            return _with_field(node, field)
        self.take()
        return self.phrase(value, field) if value.kind == "phrase" else self.word(value, field)


def _with_field(node: Node, field: str) -> Node:
    if isinstance(node, Word):
        return Word(node.text, node.field or field, node.kind, node.distance)
    if isinstance(node, Phrase):
        return Phrase(node.words, node.field or field, node.slop)
    if isinstance(node, Not):
        return Not(_with_field(node.operand, field))
    if isinstance(node, And):
        return And(tuple(_with_field(n, field) for n in node.operands))
    if isinstance(node, Or):
        return Or(tuple(_with_field(n, field) for n in node.operands))
    return node


_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _period(text: str, query: str, position: int) -> tuple[date, date]:
    """The first and last day a date of 4, 7 or 10 characters names."""
    match = _DATE.match(text)
    if match is None:
        raise QueryError(
            f"{text!r} is not a date (write 2024, 2024-05 or 2024-05-17)", query, position
        )
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        exact = date(year, month, day)
    except ValueError:
        raise QueryError(f"{text} is not a real date", query, position) from None
    return exact, exact


def parse_date_value(field: str, text: str, query: str, position: int) -> DateRange:
    """date:2024, date:2024-05..2024-06, date:>2024-01-01, before:2024-01-01, after:…"""
    if field in ("before", "after"):
        first, last = _period(text, query, position)
        return (
            DateRange(None, first - timedelta(days=1))
            if field == "before"
            else DateRange(last + timedelta(days=1), None)
        )
    if ".." in text:
        left, right = text.split("..", 1)
        start = _period(left, query, position)[0] if left else None
        end = _period(right, query, position + len(left) + 2)[1] if right else None
        if start and end and start > end:
            raise QueryError(f"the range {text} ends before it starts", query, position)
        return DateRange(start, end)
    for operator in (">=", "<=", ">", "<"):
        if text.startswith(operator):
            first, last = _period(text[len(operator) :], query, position + len(operator))
            return {
                ">=": DateRange(first, None),
                ">": DateRange(last + timedelta(days=1), None),
                "<=": DateRange(None, last),
                "<": DateRange(None, first - timedelta(days=1)),
            }[operator]
    first, last = _period(text, query, position)
    return DateRange(first, last)


def parse(text: str) -> Node:
    """Parse a query; raises QueryError with the position of the mistake."""
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            f"the query is {len(text):,} characters long; the limit is {MAX_QUERY_LENGTH:,}",
            text[:MAX_QUERY_LENGTH],
            MAX_QUERY_LENGTH,
        )
    return _Parser(text).parse()
