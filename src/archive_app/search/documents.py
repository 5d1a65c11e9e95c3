"""One article as the Whoosh fields it is indexed with: prepared terms, filters, facet columns."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from archive_app.domain.model import IndexDocument
from archive_app.domain.query import REVIEW_ANY
from archive_app.search.analysis import fold, index_terms
from archive_app.search.columns import FACET_SEPARATOR
from archive_app.search.schema import ROLE_FIELDS


def _moment(value: str | None) -> datetime | None:
    """The article's date as printed (ISO 8601), or None when undated or unreadable."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _day(moment: datetime | None) -> int:
    """The day the article printed (its own wall clock) as YYYYMMDD; 0 when undated."""
    if moment is None:
        return 0
    return moment.year * 10000 + moment.month * 100 + moment.day


def _instant(moment: datetime | None) -> int:
    """Seconds since 1970 in UTC, for sorting across time zones; 0 when undated."""
    if moment is None:
        return 0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def document_fields(doc: IndexDocument) -> dict[str, Any]:
    """The Whoosh fields of one article: prepared terms, filters and facet columns.

    Empty fields are left out (Whoosh skips None), which saves a pass per field per article.
    """
    language = doc.language
    title = index_terms([doc.title], language)
    names = list(dict.fromkeys(p.name for p in doc.people))
    captions = index_terms(doc.captions, language) if doc.captions else []
    moment = _moment(doc.date)
    fields: dict[str, Any] = {
        "id": str(doc.id),
        "version": doc.version,
        # the headline counts twice in the combined field: that is its weight above the body
        "text": title + title + index_terms(doc.body, language) + captions,
        "title": title,
        "caption": captions or None,
        "people": index_terms([*names, *(a.name for a in doc.aliases)], None, stem=False) or None,
        "place": index_terms([doc.place, doc.place_group or ""], None, stem=False)
        if doc.place
        else None,
        "day": _day(moment),
        "when": _instant(moment),
        "dated": 1 if doc.date else 0,
        "title_sort": fold(doc.title)[:120].encode("utf-8"),
        "place_facet": (doc.place_group or doc.place or "").encode("utf-8"),
        "people_facet": FACET_SEPARATOR.join(names).encode("utf-8"),
        "tag_facet": FACET_SEPARATOR.join(doc.tags).encode("utf-8"),
        "site": doc.site,
        "lang": language,
        "tag": ",".join(doc.tags) or None,
        "review": ",".join((*doc.review, REVIEW_ANY)) if doc.review else None,
        "review_facet": FACET_SEPARATOR.join(doc.review).encode("utf-8"),
    }
    for role in ROLE_FIELDS:
        credited = [p.name for p in (*doc.people, *doc.aliases) if p.role == role]
        fields[role] = index_terms(credited, None, stem=False) if credited else None
    return fields
