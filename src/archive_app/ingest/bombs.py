"""Limits against decompression bombs, shared by gzip files, web archives and zip members.

Bytes are counted as they are produced, so a bomb is refused after a few megabytes of work
rather than after filling memory.
"""

from __future__ import annotations

# Far beyond any real article export; stops a bomb from filling memory.
MAX_UNPACKED = 2 * 1024**3
# Deflate can reach about 1,000:1 on crafted input; real text and tables stay well under 100:1.
MAX_RATIO = 200
# Small payloads may compress absurdly well (a file of spaces) and still harm nobody.
RATIO_FLOOR = 16 * 1024**2


def size_text(count: int) -> str:
    """A byte count as a person reads it: "1.5 GB", "640.0 KB", "12 bytes"."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if count >= scale:
            return f"{count / scale:,.1f} {unit}"
    return f"{count:,} bytes"


def inflation_problem(kind: str, produced: int, consumed: int) -> str | None:
    """Why unpacking must stop, having produced `produced` bytes from the first `consumed`
    compressed ones; None while it looks like a real file. `kind` names it ("gzip")."""
    if produced > MAX_UNPACKED:
        return (
            f"{kind} bomb refused: it unpacks to more than {size_text(MAX_UNPACKED)}, "
            "beyond any real article export"
        )
    if produced > RATIO_FLOOR and produced > MAX_RATIO * max(consumed, 1):
        return (
            f"{kind} bomb refused: it would unpack to more than {MAX_RATIO} times its "
            f"compressed size ({size_text(produced)} from the first "
            f"{size_text(consumed)}), beyond any real file"
        )
    return None
