"""The index schema and its version; a changed schema means the index is rebuilt."""

from __future__ import annotations

from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, Schema

from archive_app.search.fields import PreparedTerms

SCHEMA_VERSION = 9  # 8: review flags (review:date, review:any); 9: word places for phrases
ROLE_FIELDS = ("author", "reporter", "editor", "photographer", "contributor")
# Text-like fields hold prepared terms (surface, stem, pairs) and the places of the words as
# written, on which phrases are checked.
TERM_FIELDS = ("text", "title", "caption", "people", "place", *ROLE_FIELDS)


def _terms(boost: float = 1.0) -> PreparedTerms:
    return PreparedTerms(field_boost=boost)


def build_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        version=STORED(),
        # the headline, body and captions in one field: one lookup per word, title repeated
        text=_terms(),
        title=_terms(),
        caption=_terms(),
        people=_terms(),
        place=_terms(),
        **{role: _terms() for role in ROLE_FIELDS},
        site=ID(sortable=True),
        lang=ID(sortable=True),
        tag=KEYWORD(lowercase=True, commas=True, scorable=False),
        # the kinds of review flag, and "any" when there is one: review:date, review:any
        review=KEYWORD(commas=True, scorable=False),
        # local publication day as YYYYMMDD (0 when undated): date filters, sorting, histogram
        day=NUMERIC(int, bits=32, sortable=True, signed=False, default=0),
        # the instant in UTC seconds (a bare date counts from its midnight): sorting by date
        when=NUMERIC(int, bits=64, sortable=True, default=0),
        dated=NUMERIC(int, bits=8, sortable=True, default=0),  # undated articles sort last
        # columns read whole for facets and sorting, never searched
        title_sort=COLUMN(VarBytesColumn()),
        place_facet=COLUMN(VarBytesColumn()),
        people_facet=COLUMN(VarBytesColumn()),
        tag_facet=COLUMN(VarBytesColumn()),
        review_facet=COLUMN(VarBytesColumn()),
    )
