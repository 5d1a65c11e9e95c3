"""One article as the Whoosh fields it is indexed with: terms and word places, filters, facets."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from archive_app.domain.model import IndexDocument
from archive_app.domain.query import REVIEW_ANY
from archive_app.search.analysis import fold, positioned_terms
from archive_app.search.columns import FACET_SEPARATOR
from archive_app.search.fields import Positioned
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


def _positioned(texts: list[str], *, stem: bool = False) -> Positioned | None:
    """Terms and word places of a field of names (people, places): not stemmed by default."""
    positions: defaultdict[str, list[int]] = defaultdict(list)
    terms, _end = positioned_terms(texts, None, stem=stem, positions=positions)
    return Positioned(terms, positions) if terms else None


def _text_fields(doc: IndexDocument) -> tuple[Positioned, Positioned, Positioned | None]:
    """The combined text field (headline twice, body, captions), the headline and the captions.

    A word's places in the combined field are those of the article read once through: the
    headline, the body, the captions, as a phrase is read (the second headline has none)."""
    language = doc.language
    positions: defaultdict[str, list[int]] = defaultdict(list)
    title, after_title = positioned_terms([doc.title], language, positions=positions)
    title_positions = {word: list(places) for word, places in positions.items()}
    body, after_body = positioned_terms(doc.body, language, positions=positions, start=after_title)
    captions: list[str] = []
    caption_positions: dict[str, list[int]] = {}
    if doc.captions:
        captions, _end = positioned_terms(
            doc.captions, language, positions=positions, start=after_body
        )
        caption_positions = {
            word: [p - after_body for p in places[bisect_left(places, after_body) :]]
            for word, places in positions.items()
            if places[-1] >= after_body
        }
    text = Positioned(title + title + body + captions, positions)
    return (
        text,
        Positioned(title, title_positions),
        Positioned(captions, caption_positions) if captions else None,
    )


def document_fields(doc: IndexDocument) -> dict[str, Any]:
    """The Whoosh fields of one article: prepared terms with their places, filters and facet
    columns.

    Empty fields are left out (Whoosh skips None), which saves a pass per field per article.
    """
    language = doc.language
    names = list(dict.fromkeys(p.name for p in doc.people))
    text, title, captions = _text_fields(doc)
    moment = _moment(doc.date)
    fields: dict[str, Any] = {
        "id": str(doc.id),
        "version": doc.version,
        # the headline counts twice in the combined field: that is its weight above the body
        "text": text,
        "title": title,
        "caption": captions,
        "people": _positioned([*names, *(a.name for a in doc.aliases)]),
        "place": _positioned([doc.place, doc.place_group or ""]) if doc.place else None,
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
        fields[role] = _positioned(credited) if credited else None
    return fields
