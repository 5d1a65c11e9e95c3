"""Timestamps as Arsip stores them: ISO 8601 in UTC with seconds."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
