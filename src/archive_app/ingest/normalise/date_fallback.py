"""Dates the hand-written reader does not know, read by dateparser before a date is given up."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from functools import cache
from typing import Any

from archive_app.ingest.normalise.date_tables import zone_table
from archive_app.ingest.normalise.dates import UPDATE_MARKERS, ParsedDate

log = logging.getLogger(__name__)

RULE = "date:dateparser"
# Whose month and day names dateparser may read: Indonesian, Malay and English always, and
# the article's own language when it is one Arsip catalogues (dateparser knows them all).
ALWAYS = ("id", "ms", "en")
KNOWN = frozenset(("id", "ms", "en", "de", "es", "fr", "nl", "sv", "da", "fi", "it", "pt"))
_SETTINGS: dict[str, Any] = {
    # absolute dates only: "kemarin" (yesterday) and "2 jam yang lalu" need the day they were
    # written, which an archived string does not carry; a bare number may be an id, not a time
    "PARSERS": ["absolute-time"],
    # a day, a month and a year, all printed: "18 Juni" names no year and is no date
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    # nothing taken from the machine: neither its locale's date order nor its time zone (a
    # string without a zone comes back without one, and the record's default applies)
    "PREFER_LOCALE_DATE_ORDER": False,
    "PREFER_DAY_OF_MONTH": "first",
    "PREFER_DATES_FROM": "past",
}
# "00:00" or "0.00" printed: a midnight time, not a date without one
_MIDNIGHT = re.compile(r"(?<!\d)0?0[:.]00(?!\d)")


@cache
def _parser(languages: tuple[str, ...], day_first: bool) -> Any:
    # imported here: dateparser takes a third of a second to import and few strings need it
    from dateparser.date import DateDataParser

    settings = {**_SETTINGS, "DATE_ORDER": "DMY" if day_first else "MDY"}
    return DateDataParser(languages=list(languages), settings=settings)


def _offset(moment: datetime) -> str | None:
    """The moment's zone as "+07:00"; an abbreviation that names several zones (IST) is read
    as Arsip's zone table settles it, not as dateparser's."""
    name = moment.tzname()
    if name in zone_table():
        return zone_table()[name]
    offset = moment.utcoffset()
    if offset is None:
        return None
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def parse_fallback(
    text: str, *, default_offset: str | None, day_first: bool = True, language: str | None = None
) -> ParsedDate | None:
    """The date `text` names, read by dateparser, or None when it names none for certain."""
    raw = text.strip()
    text = " ".join(raw.split())
    if not text:
        return None
    languages = tuple(dict.fromkeys((*([language] if language in KNOWN else []), *ALWAYS)))
    try:
        found = _parser(languages, day_first).get_date_data(text)
    except (ValueError, TypeError, OverflowError) as error:  # dateparser's own failures
        log.debug("dateparser could not read %r: %s", text, error)
        return None
    moment = found.date_obj if found is not None else None
    if not isinstance(moment, datetime):
        return None
    is_update = bool(UPDATE_MARKERS.search(text))
    if moment.time() == datetime.min.time() and not _MIDNIGHT.search(text):
        return ParsedDate(moment.date().isoformat(), raw, RULE, is_update)
    offset = _offset(moment) if moment.tzinfo is not None else default_offset
    value = moment.replace(tzinfo=None, microsecond=0).isoformat()
    return ParsedDate(value + (offset or ""), raw, RULE, is_update)
