"""Notice when a date column's day disagrees with the day an article's address or opening states."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from archive_app.ingest.normalise.date_tables import MONTHS

# Weekday names (Indonesian, Malay, English) -> date.weekday().
WEEKDAYS = {
    "senin": 0,
    "isnin": 0,
    "monday": 0,
    "selasa": 1,
    "tuesday": 1,
    "rabu": 2,
    "wednesday": 2,
    "kamis": 3,
    "khamis": 3,
    "thursday": 3,
    "jumat": 4,
    "jum'at": 4,
    "jumaat": 4,
    "friday": 4,
    "sabtu": 5,
    "saturday": 5,
    "minggu": 6,
    "ahad": 6,
    "sunday": 6,
}
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# An address's day: "/read/2019/12/27/141856/", "/2024/05/17/", "/20250917-250917155/",
# "/20240517123456-20-1098765/" (a date, perhaps a time, then the rest of an id).
_URL_DAY = re.compile(
    r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?=/|$)"
    r"|/(?P<y2>(?:19|20)\d{2})(?P<m2>[01]\d)(?P<d2>[0-3]\d)(?=\d{0,6}(?:[-_/.]|$))"
)
# An explicit full date that a weekday names, the way newsrooms state the day of a report:
# "pada Senin (21/1/2019)", "Senin, 21 Januari 2019", "Monday, January 21, 2019".
_SENTENCE_DAY = re.compile(
    r"\b(?P<wd>" + _WEEKDAY + r")\s*\(\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\s*\)"
    r"|\b(?P<wd2>" + _WEEKDAY + r"),?\s+(?P<d2>\d{1,2})\s+(?P<mon2>" + _MONTH + r")\.?\s+"
    r"(?P<y2>\d{4})\b"
    r"|\b(?P<wd3>" + _WEEKDAY + r"),?\s+(?P<mon3>" + _MONTH + r")\.?\s+(?P<d3>\d{1,2}),?\s+"
    r"(?P<y3>\d{4})\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# How far the address's day may stand from the column's (see _url_disagrees).
URL_SLACK_DAYS = 2
# How long before the column the opening may name an event (see _opening_disagrees).
OPENING_SLACK_DAYS = 31


def _day(year: str | None, month: int, day: str | None) -> date | None:
    try:
        return date(int(year or 0), month, int(day or 0))
    except ValueError:
        return None


def url_day(url: str | None) -> date | None:
    """The day an article's address carries in its path, if any."""
    if not url:
        return None
    found = _URL_DAY.search(urlsplit(url).path)
    if found is None:
        return None
    if found["y"]:
        return _day(found["y"], int(found["m"]), found["d"])
    return _day(found["y2"], int(found["m2"]), found["d2"])


def opening_day(paragraph: str) -> date | None:
    """The day the opening sentence states with its weekday ("pada Senin (21/1/2019)"); None
    when it states none, or the weekday is not that date's (a typo: no evidence either way)."""
    end = _SENTENCE_END.search(paragraph, 20)
    sentence = paragraph[: end.end() if end else 400]
    found = _SENTENCE_DAY.search(sentence)
    if found is None:
        return None
    if found["wd"]:
        weekday, day = found["wd"], _day(found["y"], int(found["m"]), found["d"])
    elif found["wd2"]:
        weekday, day = found["wd2"], _day(found["y2"], MONTHS[found["mon2"].lower()], found["d2"])
    else:
        weekday, day = found["wd3"], _day(found["y3"], MONTHS[found["mon3"].lower()], found["d3"])
    if day is None or day.weekday() != WEEKDAYS[weekday.lower()]:
        return None
    return day


def _url_disagrees(column: date, stated: date) -> bool:
    """Sites name an address when the story is begun: of 564 dated kompas and okezone
    addresses whose column has a time, 41 carry the day before (one, two days before) and
    none a later day. Beyond that the address and the column name different stories' days."""
    return abs((stated - column).days) > URL_SLACK_DAYS


def _opening_disagrees(column: date, stated: date) -> bool:
    """The day the opening sentence names is most often the reported event's own (the day
    before, a match next Sunday): of 304 such sentences in the corpus, 160 name another day
    than a right column. Only what no event explains counts: the column's day and month
    swapped, the same day in another year, or a day more than a month before the column
    (one of the 304, a 2016 decree named in a 2025 story)."""
    if stated == column:
        return False
    swapped = column.day <= 12 and stated == _day(str(column.year), column.day, str(column.month))
    other_year = (stated.month, stated.day) == (column.month, column.day)
    return swapped or other_year or (column - stated).days > OPENING_SLACK_DAYS


def date_conflict(published: str | None, url: str | None, body: list[str]) -> str | None:
    """A message naming both days when a date column gave only a day ("2019-12-28") and the
    article's address or opening sentence states another; None when they agree, say none, or
    the difference is one that right columns show too."""
    if not published or "T" in published:
        return None
    try:
        column = date.fromisoformat(published)
    except ValueError:
        return None
    stated = url_day(url)
    if stated is not None and _url_disagrees(column, stated):
        return (
            f"the date column says {column.isoformat()} but the address says "
            f"{stated.isoformat()}; published kept as the column says"
        )
    stated = opening_day(body[0]) if body else None
    if stated is not None and _opening_disagrees(column, stated):
        return (
            f"the date column says {column.isoformat()} but the opening sentence names "
            f"{stated.isoformat()}; published kept as the column says"
        )
    return None
