"""The key that sorts catalogue dates across time zones, shared by the writers of rows."""

from __future__ import annotations

from datetime import UTC, datetime


def sort_date(value: str | None) -> str | None:
    """A key that sorts dates across time zones: UTC for instants, the day for bare dates."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return value
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
