"""Wire timestamps ("20190723T202119+0900", "2022-07-11 18:33", "2010-02-10 ") as ISO 8601."""

from __future__ import annotations

import re

_STAMP = re.compile(
    r"^(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):?(?P<M>\d{2})(?::?(?P<S>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<zone>Z|[+-]\d{2}:?\d{2})?$"
)


def iso_date(value: str) -> str:
    """The timestamp in ISO 8601 with its offset kept; other text is returned trimmed, for the
    normaliser's date reader to try."""
    value = value.strip()
    match = _STAMP.match(value)
    if match is None:
        return value
    day = f"{match['y']}-{match['m']}-{match['d']}"
    if match["H"] is None:
        return day
    stamp = f"{day}T{match['H']}:{match['M']}:{match['S'] or '00'}"
    zone = match["zone"]
    if zone is None:
        return stamp
    if zone == "Z":
        return f"{stamp}Z"
    digits = zone.replace(":", "")
    return f"{stamp}{digits[:3]}:{digits[3:]}"
