"""The index schema and its version; a changed schema means the index is rebuilt."""

from __future__ import annotations

from whoosh.fields import DATETIME, ID, STORED, TEXT, Schema

from archive_app.search.analysis import text_analyzer

SCHEMA_VERSION = 1
# Query field names people type -> index fields.
FIELD_ALIASES = {
    "person": "people", "people": "people", "author": "people", "reporter": "people",
    "editor": "people", "photographer": "people", "place": "place", "site": "site",
    "title": "title", "body": "body", "caption": "caption", "lang": "lang", "date": "date",
}
DEFAULT_FIELDS = ("title", "body", "people", "place", "caption")


def build_schema() -> Schema:
    analyzer = text_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        version=STORED(),
        title=TEXT(analyzer=analyzer, field_boost=2.0, phrase=True),
        body=TEXT(analyzer=analyzer, phrase=True),
        people=TEXT(analyzer=analyzer, phrase=True),
        place=TEXT(analyzer=analyzer, phrase=True),
        caption=TEXT(analyzer=analyzer, phrase=True),
        site=ID(),
        lang=ID(),
        date=DATETIME(),
    )
