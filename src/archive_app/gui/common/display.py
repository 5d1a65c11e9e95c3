"""Turn catalogue values (ISO dates, roles, language codes) into the texts the window shows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from archive_app.domain.model import PersonRole
from archive_app.domain.review import REVIEW_KINDS
from archive_app.gui.common.i18n import locale, translate

_DATE_ONLY = 10  # "2024-05-17": a day without a time


def parse_moment(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _zone(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def _day(moment: datetime, weekday: bool = True) -> str:
    names = locale()
    day = f"{moment.day} {names.monthName(moment.month)} {moment.year}"
    # Qt counts weekdays from Monday = 1, Python from Monday = 0
    return f"{names.dayName(moment.isoweekday())} {day}" if weekday else day


def short_date(value: str | None) -> str:
    """A results-table date: the article's own wall clock, "2024-05-17 03:50"."""
    moment = parse_moment(value)
    if moment is None:
        return value or ""
    assert value is not None
    return moment.strftime("%Y-%m-%d" if len(value) <= _DATE_ONLY else "%Y-%m-%d %H:%M")


def day_text(value: str | None) -> str:
    """A day in words, "17 May 2024" (a citation's date); the raw text when unreadable."""
    moment = parse_moment(value)
    return _day(moment, weekday=False) if moment is not None else (value or "")


def long_date(value: str | None) -> str:
    """A date as published, with its zone: "Friday 17 May 2024, 03:50 (UTC+07:00)"."""
    moment = parse_moment(value)
    if moment is None:
        return value or ""
    assert value is not None
    if len(value) <= _DATE_ONLY:
        return _day(moment)
    offset = moment.utcoffset()
    # a time without a zone is shown as such: guessing one would misdate the article
    zone = _zone(offset) if offset is not None else translate("Dates", "time zone not given")
    return f"{_day(moment)}, {moment:%H:%M} ({zone})"


def local_date(value: str | None) -> str:
    """The same instant on this computer's clock, or "" when it is the same or unknowable."""
    moment = parse_moment(value)
    if moment is None or value is None or len(value) <= _DATE_ONLY or moment.tzinfo is None:
        return ""
    here = moment.astimezone()
    if here.utcoffset() == moment.utcoffset():
        return ""
    offset = here.utcoffset()
    zone = _zone(offset) if offset is not None else ""
    return f"{_day(here)}, {here:%H:%M} ({zone})"


def month_label(month: str) -> str:
    """ "2024-05" as "May 2024"; a year stays a year."""
    if len(month) == 7 and month[4] == "-" and month[5:].isdigit():
        return f"{locale().monthName(int(month[5:]))} {month[:4]}"
    return month


ROLE_NAMES = {
    "author": lambda: translate("Roles", "author"),
    "reporter": lambda: translate("Roles", "reporter"),
    "editor": lambda: translate("Roles", "editor"),
    "photographer": lambda: translate("Roles", "photographer"),
    "contributor": lambda: translate("Roles", "contributor"),
    "": lambda: translate("Roles", "other role"),
}
ROLE_GROUPS = {
    "author": lambda: translate("Roles", "As author"),
    "reporter": lambda: translate("Roles", "As reporter"),
    "editor": lambda: translate("Roles", "As editor"),
    "photographer": lambda: translate("Roles", "As photographer"),
    "contributor": lambda: translate("Roles", "As contributor"),
    "": lambda: translate("Roles", "Credited otherwise"),
}


def role_name(role: str | None) -> str:
    """A role in the interface language ("editor", "penyunting")."""
    name = ROLE_NAMES.get(role or "")
    return name() if name is not None else (role or "")


def role_group(role: str) -> str:
    group = ROLE_GROUPS.get(role)
    return group() if group is not None else role


def people_line(people: Iterable[PersonRole]) -> str:
    """Everyone credited, each with the role: "Yessy Artada (editor), Yessy Artada (reporter)"."""
    return ", ".join(f"{p.name} ({role_name(p.role)})" if p.role else p.name for p in people)


def language_name(code: str | None) -> str:
    """An article language's name in the interface language."""
    names = {
        "id": translate("Languages", "Indonesian"),
        "en": translate("Languages", "English"),
        "ms": translate("Languages", "Malay"),
        # ISO 639's code for a language the importer could not determine
        "und": translate("Languages", "undetermined"),
    }
    return names.get(code or "", code or translate("Languages", "unknown"))


REVIEW_NAMES = {
    "date": lambda: translate("Review", "Date unread or conflicting"),
    "language": lambda: translate("Review", "Language undetermined"),
    "body": lambda: translate("Review", "No body paragraph left after cleaning"),
    "title": lambda: translate("Review", "Title looks like a section name"),
    "person": lambda: translate("Review", "A person's name looks like an organisation"),
    "photo": lambda: translate("Review", "A photo too small to be a news photo"),
    "encoding": lambda: translate("Review", "Text had bytes that could not be decoded"),
}


REVIEW_SHORT_NAMES = {
    "date": lambda: translate("Review", "Date unread"),
    "language": lambda: translate("Review", "Language unknown"),
    "body": lambda: translate("Review", "No body text"),
    "title": lambda: translate("Review", "Title like a section"),
    "person": lambda: translate("Review", "Person or organisation"),
    "photo": lambda: translate("Review", "Photo too small"),
    "encoding": lambda: translate("Review", "Undecodable text"),
}


def review_short_name(kind: str) -> str:
    """A kind of review flag in a word or two, for the sidebar."""
    name = REVIEW_SHORT_NAMES.get(kind)
    return name() if name is not None else kind.capitalize()


def review_kind_name(kind: str) -> str:
    """What a kind of review flag means, in the interface language."""
    name = REVIEW_NAMES.get(kind)
    # a kind added to the core before the window names it: the core's own words
    return name() if name is not None else REVIEW_KINDS.get(kind, kind).capitalize()


def stamp(value: str | None) -> str:
    """A bookkeeping moment (when something was imported): "2026-11-26 05:17 UTC"."""
    moment = parse_moment(value)
    if moment is None:
        return value or ""
    offset = moment.utcoffset()
    if offset is None:
        return f"{moment:%Y-%m-%d %H:%M}"
    zone = "UTC" if not offset else _zone(offset)
    return f"{moment:%Y-%m-%d %H:%M} {zone}"
