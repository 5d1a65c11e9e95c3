"""Parse what a person typed into a Whoosh query, answering mistakes with a pointed message."""

from __future__ import annotations

import re

from whoosh import qparser
from whoosh.fields import Schema
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh.query import NullQuery, Query

from archive_app.core.errors import QueryError
from archive_app.search.schema import DEFAULT_FIELDS, FIELD_ALIASES

MAX_QUERY = 2000
_FIELD = re.compile(r"(?<![\w\"])([A-Za-z_]+):(?=\S)")


def _check(text: str) -> None:
    if len(text) > MAX_QUERY:
        raise QueryError(
            f"the query is {len(text)} characters long; the limit is {MAX_QUERY}", text, MAX_QUERY
        )
    if text.count('"') % 2:
        raise QueryError("a quote is not closed", text, text.rfind('"'))
    depth = 0
    for position, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                raise QueryError("a closing parenthesis has no opening one", text, position)
    if depth:
        raise QueryError("a parenthesis is not closed", text, text.rfind("("))
    for match in _FIELD.finditer(text):
        if "://" in text[match.start() : match.end() + 2]:
            continue
        name = match.group(1).lower()
        if name not in FIELD_ALIASES:
            known = ", ".join(sorted(FIELD_ALIASES))
            raise QueryError(f"unknown field {name}: (known fields: {known})", text, match.start())


def parse_query(text: str, schema: Schema) -> Query:
    """A Whoosh query in which every word must match, over title, body, people, place, caption."""
    text = text.strip()
    _check(text)
    if not text:
        raise QueryError("type something to search for", text, 0)
    parser = qparser.MultifieldParser(list(DEFAULT_FIELDS), schema, group=qparser.AndGroup)
    parser.add_plugin(
        qparser.FieldAliasPlugin(
            {field: [alias for alias, f in FIELD_ALIASES.items() if f == field and alias != field]
             for field in set(FIELD_ALIASES.values())}
        )
    )
    parser.add_plugin(DateParserPlugin(free=False))
    lowered = _FIELD.sub(lambda m: m.group(1).lower() + ":", text)
    query = parser.parse(lowered)
    if query is NullQuery or isinstance(query, type(NullQuery)):
        raise QueryError("the query has no words to search for", text, 0)
    return query
