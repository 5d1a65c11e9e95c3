"""Read publication and update dates in Indonesian and English forms into ISO 8601."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3, "mrt": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "agst": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
DAYS = (
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)
ZONES = {
    "wib": "+07:00", "wita": "+08:00", "wit": "+09:00",
    "utc": "+00:00", "gmt": "+00:00", "z": "+00:00",
    "est": "-05:00", "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00",
    "pst": "-08:00", "pdt": "-07:00", "cet": "+01:00", "cest": "+02:00", "bst": "+01:00",
    "jst": "+09:00", "sgt": "+08:00", "myt": "+08:00",
}
UPDATE_MARKERS = re.compile(
    r"\b(diperbarui|diupdate|update[d]?|pembaruan|terakhir diubah|last updated|modified|"
    r"revised|diubah)\b",
    re.IGNORECASE,
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = "|".join(re.escape(d) for d in DAYS)
_ZONE = (r"(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|"
         + "|".join(sorted(ZONES, key=len, reverse=True)) + r"|[+-]\d{2}:?\d{2}")
_TIME = (
    r"(?:(?:pukul|jam|at|pkl\.?)\s+)?(?P<hh>[01]?\d|2[0-3])[:.](?P<mm>[0-5]\d)"
    r"(?:[:.](?P<ss>[0-5]\d)(?:\.\d+)?)?\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<zone>" + _ZONE + r")?"
    r"(?![\w:])"
)
_SEP = r"\s*(?:[,|/–—-]|\s)\s*(?:[,|/–—-]\s*)?"

# Each pattern is a rule id and a regex; the first that matches a string wins.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (rule, re.compile(rx, re.IGNORECASE))
    for rule, rx in (
        ("date:iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2})"
         r"(?::(?P<ss>\d{2})(?:\.\d+)?)?\s*(?P<zone>Z|[+-]\d{2}:?\d{2})?)?(?![\d])"),
        ("date:day-month-year",
         r"\b(?P<d>\d{1,2})\s*[-\s.]?\s*(?P<mon>" + _MONTH + r")\.?[-\s,.]*\s*(?P<y>\d{4})\b"
         r"(?:" + _SEP + _TIME + r")?"),
        ("date:month-day-year",
         r"\b(?P<mon>" + _MONTH + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b"
         r"(?:" + _SEP + _TIME + r")?"),
        ("date:numeric",
         r"(?<![\d/])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/])"
         r"(?:" + _SEP + _TIME + r")?"),
    )
)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from text: ISO value, the original string, the rule, and whether it is an
    update time ("Diperbarui …") rather than the publication time."""

    value: str
    raw: str
    rule: str
    is_update: bool = False


class DateProblem(ValueError):
    """A string looked like a date but names an impossible one (e.g. 31 February)."""


def _offset(zone: str | None, default: str | None) -> str | None:
    if not zone:
        return default
    zone = re.sub(r"\s+", "", zone).lower()
    if zone in ZONES:
        return ZONES[zone]
    named = re.fullmatch(r"(?:gmt|utc)([+-])(\d{1,2})(?::?(\d{2}))?", zone)
    if named:
        return f"{named[1]}{int(named[2]):02d}:{named[3] or '00'}"
    if re.fullmatch(r"[+-]\d{4}", zone):
        return f"{zone[:3]}:{zone[3:]}"
    return zone


def _tz(offset: str) -> timezone:
    sign = -1 if offset.startswith("-") else 1
    hours, minutes = offset[1:].split(":")
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


def _year(text: str) -> int:
    year = int(text)
    return year + (2000 if year < 70 else 1900) if year < 100 else year


def _build(parts: dict[str, str | None], year: int, month: int, day: int,
           default_offset: str | None) -> str:
    try:
        day_value = date(year, month, day)
    except ValueError as error:
        raise DateProblem(f"{day:02d}-{month:02d}-{year} is not a real date") from error
    if parts.get("hh") is None:
        return day_value.isoformat()
    hour = int(parts["hh"] or 0)
    ampm = (parts.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    moment = datetime(year, month, day, hour, int(parts["mm"] or 0), int(parts.get("ss") or 0))
    offset = _offset(parts.get("zone"), default_offset)
    if offset is not None:
        moment = moment.replace(tzinfo=_tz(offset))
    return moment.isoformat()


def _value(rule: str, match: re.Match[str], default_offset: str | None, day_first: bool) -> str:
    parts = match.groupdict()
    if rule == "date:iso":
        year, month, day = int(parts["y"] or 0), int(parts["m"] or 0), int(parts["d"] or 0)
    elif rule == "date:numeric":
        first, second = int(parts["a"] or 0), int(parts["b"] or 0)
        day, month = (first, second) if day_first or second > 12 else (second, first)
        year = _year(parts["y"] or "0")
    else:
        year, day = int(parts["y"] or 0), int(parts["d"] or 0)
        month = MONTHS[(parts["mon"] or "").lower()]
    return _build(parts, year, month, day, default_offset)


def parse_dates(text: str, *, default_offset: str | None = None,
                day_first: bool = True) -> list[ParsedDate]:
    """Every date in `text`, in order; a date after "Diperbarui"/"Updated" is an update time.

    Raises DateProblem when a date names an impossible day (31 February), so that the caller
    can keep the original and warn instead of guessing.
    """
    if not text or not text.strip():
        return []
    spans: list[tuple[int, int, str, re.Match[str]]] = []
    for rule, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if not any(s < match.end() and match.start() < e for s, e, _r, _m in spans):
                spans.append((match.start(), match.end(), rule, match))
    spans.sort(key=lambda span: span[0])
    found: list[ParsedDate] = []
    previous_end = 0
    for start, end, rule, match in spans:
        value = _value(rule, match, default_offset, day_first)
        is_update = bool(UPDATE_MARKERS.search(text, previous_end, start))
        raw = text.strip() if len(spans) == 1 else match.group(0).strip()
        found.append(ParsedDate(value, raw, rule, is_update))
        previous_end = end
    return found


def parse_date(text: str, *, default_offset: str | None = None,
               day_first: bool = True) -> ParsedDate | None:
    """The first date in `text`, or None; raises DateProblem for an impossible date."""
    found = parse_dates(text, default_offset=default_offset, day_first=day_first)
    return found[0] if found else None


def combine_date_time(day_text: str, time_text: str, *, default_offset: str | None,
                      day_first: bool = True) -> list[ParsedDate]:
    """Separate date and time columns read as one moment; the time column wins when the date
    string has none of its own."""
    found = parse_dates(day_text, default_offset=default_offset, day_first=day_first)
    if len(found) != 1 or not time_text.strip() or "T" in found[0].value:
        return found
    joined = f"{day_text.strip()} {time_text.strip()}"
    combined = parse_dates(joined, default_offset=default_offset, day_first=day_first)
    if len(combined) != 1 or "T" not in combined[0].value:
        return found
    parsed = combined[0]
    return [ParsedDate(parsed.value, joined, parsed.rule + "+time-column", found[0].is_update)]


_REST = re.compile(
    r"\b(" + _DAY + r"|" + _ZONE + r"|pukul|jam|published|dipublikasikan|diterbitkan|terbit|"
    r"posted|ditayangkan|tayang)\b",
    re.IGNORECASE,
)


# "Kompas.com - 02/11/2023, 21:34 WIB": a site's name before the date on its page
_SITE_PREFIX = re.compile(r"^\s*[A-Za-z][\w-]*(?:\.[A-Za-z]{2,}){1,2}\s*[-–|,]?\s*")


def is_date_line(line: str) -> bool:
    """A line that is nothing but a date (and a weekday, time, zone, update marker, or the
    site's name before it)."""
    if len(line) > 100:
        return False
    line = _SITE_PREFIX.sub("", line)
    try:
        parsed = parse_date(line)
    except DateProblem:
        return True
    if parsed is None:
        return False
    rest = UPDATE_MARKERS.sub(" ", line)
    for _rule, pattern in PATTERNS:
        rest = pattern.sub(" ", rest)
    rest = _REST.sub(" ", rest)
    return not re.sub(r"[\s,|/:()–—.-]+", "", rest)
