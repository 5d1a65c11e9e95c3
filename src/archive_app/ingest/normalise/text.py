"""Small text helpers shared by the normaliser's stages."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u200b\ufeff]+")
_ANY_SPACE = re.compile(r"\s+")
TERMINAL = ".!?\"”’)]…:;"


def clean_line(line: str) -> str:
    """NFC, no-break and zero-width spaces folded to plain spaces, ends trimmed.

    Runs of spaces inside a line are kept: the gold keeps the source's text verbatim.
    """
    line = unicodedata.normalize("NFC", line)
    return line.replace("\u200b", "").replace("\ufeff", "").replace("\u00a0", " ").strip()


def fold(text: str) -> str:
    """Whitespace folded to single spaces and trimmed (for comparisons, not for storage)."""
    return _ANY_SPACE.sub(" ", _SPACES.sub(" ", text)).strip()


def words(text: str) -> list[str]:
    return fold(text).split(" ") if text.strip() else []


def ends_sentence(text: str) -> bool:
    return bool(text) and text.rstrip()[-1] in TERMINAL


def title_case_place(place: str) -> str:
    """ "BALI" -> "Bali", "PADANG PARIAMAN" -> "Padang Pariaman"; short acronyms stay ("OKI")."""
    place = fold(place).strip(" ,.-–—")
    if place.isupper():
        if len(place) <= 3:
            return place
        return " ".join("-".join(part.capitalize() for part in word.split("-"))
                        for word in place.split(" "))
    return place
