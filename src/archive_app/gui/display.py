"""Turn catalogue values (ISO dates, people with roles) into the short texts the window shows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from archive_app.core.model import PersonRole

_DATE_ONLY = 10  # "2024-05-17": a day without a time


def _parse(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _zone(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def short_date(value: str | None) -> str:
    """A results-table date: the article's own wall clock, "2024-05-17 03:50"."""
    if not value:
        return ""
    moment = _parse(value)
    if moment is None:
        return value
    if len(value) <= _DATE_ONLY:
        return moment.strftime("%Y-%m-%d")
    return moment.strftime("%Y-%m-%d %H:%M")


def long_date(value: str | None) -> str:
    """A reader date as published, with its zone: "Friday 17 May 2024, 03:50 (UTC+07:00)"."""
    if not value:
        return ""
    moment = _parse(value)
    if moment is None:
        return value
    day = f"{moment:%A} {moment.day} {moment:%B %Y}"
    if len(value) <= _DATE_ONLY:
        return day
    offset = moment.utcoffset()
    # a time without a zone is shown as such: guessing one would misdate the article
    zone = _zone(offset) if offset is not None else "time zone not given"
    return f"{day}, {moment:%H:%M} ({zone})"


def people_line(people: Iterable[PersonRole]) -> str:
    """Everyone credited, each with the role: "Yessy Artada (editor), Yessy Artada (reporter)"."""
    return ", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in people)


def stamp(value: str | None) -> str:
    """A bookkeeping moment (when something was imported): "2026-11-26 05:17 UTC"."""
    if not value:
        return ""
    moment = _parse(value)
    if moment is None:
        return value
    offset = moment.utcoffset()
    if offset is None:
        return f"{moment:%Y-%m-%d %H:%M}"
    zone = "UTC" if not offset else _zone(offset)
    return f"{moment:%Y-%m-%d %H:%M} {zone}"


def count_text(count: int, noun: str, plural: str | None = None) -> str:
    """ "1 article", "3,213 articles", "2 matches"."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {plural or noun + 's'}"
