"""Closing sign-offs such as "(chi/jpnn)" or "(riar/dry)": the editors' codes, in order."""

from __future__ import annotations

import re

# Lower-case initials separated by "/", in parentheses, at the very end of the text.
# Upper-case "(ANTARA)" is an agency credit, not a sign-off, so it is left alone.
_CODE = r"[a-z][a-z0-9]{1,7}"
_SIGNOFF = re.compile(
    r"\s*\((?P<codes>" + _CODE + r"(?:\s*/\s*" + _CODE + r"){1,3})\)\s*\.?\s*$"
)
# One code alone, "(kha)", is a sign-off only where it cannot be an aside: on a line of its
# own, or after a finished sentence ("… katanya.(kha)").
_SINGLE = re.compile(r"(?:^|(?<=[.!?\"”’]))\s*\((?P<codes>[a-z]{2,5})\)\s*\.?\s*$")


def split_signoff(paragraph: str) -> tuple[str, list[str]] | None:
    """(text without the sign-off, codes) when `paragraph` ends with one, else None."""
    if not paragraph.endswith((")", ").", ") ")):
        return None
    match = _SIGNOFF.search(paragraph) or _SINGLE.search(paragraph)
    if match is None:
        return None
    codes = [code.strip() for code in match["codes"].split("/")]
    return paragraph[: match.start()].rstrip(), codes
