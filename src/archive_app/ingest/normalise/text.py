"""Small text helpers shared by the normaliser's stages."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Zero-width characters that str.split() does not count as spaces but scrapers leave between
# words; fold() treats them as spaces.
_INVISIBLE = str.maketrans({"\u200b": " ", "\ufeff": " "})
TERMINAL = '.!?"”’)]…:;'


def clean_line(line: str) -> str:
    """NFC, no-break and zero-width spaces folded to plain spaces, ends trimmed.

    Runs of spaces inside a line are kept: the gold keeps the source's text verbatim.
    """
    line = unicodedata.normalize("NFC", line)
    return line.replace("\u200b", "").replace("\ufeff", "").replace("\u00a0", " ").strip()


# The stages fold the same lines over and over (each rule asks of a line); a line is folded
# once per article.
@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Whitespace folded to single spaces and trimmed (for comparisons, not for storage)."""
    # str.split() already splits on every Unicode space (no-break, figure, narrow no-break)
    # and is several times faster than a regular-expression substitution.
    if "\u200b" in text or "\ufeff" in text:
        text = text.translate(_INVISIBLE)
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return fold(text).split(" ") if text.strip() else []


def ends_sentence(text: str) -> bool:
    return bool(text) and text.rstrip()[-1] in TERMINAL


def title_case_place(place: str) -> str:
    """ "BALI" -> "Bali", "PADANG PARIAMAN" -> "Padang Pariaman"; short acronyms stay ("OKI")."""
    place = fold(place).strip(" ,-–—")
    if place.endswith(".") and not re.search(r"(?:^|[\s.])\w\.$", place):
        place = place[:-1]  # "JAKARTA." loses its full stop, "Washington D.C." keeps it
    if place.isupper():
        if len(place) <= 3:
            return place
        return " ".join(_title_word(word) for word in place.split(" "))
    return place


def _title_word(word: str) -> str:
    if "." in word.rstrip("."):
        return word  # initials such as "D.C." stay as written
    # "FRANKFURT/MAIN", "BADEN-BADEN": every part of a joined name is capitalised
    return "/".join("-".join(p.capitalize() for p in part.split("-")) for part in word.split("/"))


# Readers render a table as one line a row with " | " between the cells (wire statistics,
# agate, a page's table); a cell is a few words, while prose runs on.
_CELL = " | "
_CELL_WORDS = 10
# A text with this many table rows is a statistics item (agate), set line by line.
STATISTICS_ROWS = 3


def is_table_row(line: str) -> bool:
    """Whether a line is a table row: "USA | USD | 1,1411 | 1,1415", "| a | b |"."""
    text = line.strip()
    if "|" not in text:
        return False
    if text.startswith("|") or text.endswith("|"):
        return text.count("|") >= 2  # a row as a page's table prints it, pipes at both ends
    cells = text.split(_CELL)
    return len(cells) >= 2 and all(len(cell.split()) <= _CELL_WORDS for cell in cells)


def is_statistics(lines: list[str]) -> bool:
    """Whether a text is a statistics item: several of its lines are table rows."""
    # the bar test first: most texts have none, and this runs over every line of every text
    return sum(1 for line in lines if "|" in line and is_table_row(line)) >= STATISTICS_ROWS
