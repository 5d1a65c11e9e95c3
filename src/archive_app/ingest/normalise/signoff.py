"""Closing sign-offs such as "(chi/jpnn)" or "(Dio/Ysl)": the editors' codes, in order."""

from __future__ import annotations

import re
from functools import cache

from archive_app.domain.site_rules import rules
from archive_app.ingest.normalise.date_tables import MONTHS

# Initials separated by "/", in parentheses, at the very end of the text: lower case
# ("(riar/dry)") or title case ("(Dio/Ysl)"). Upper-case "(ANTARA)" or "(AP/AFP)" is an
# agency credit, not a sign-off, so it is left alone; a title-cased code is short (initials):
# "(Arief/detikcom)" under a photo is the photographer's credit.
_CODE = r"(?:[a-z][a-z0-9]{1,7}|[A-Z][a-z][a-z0-9]{0,2})"
_CODES = _CODE + r"(?:\s*/\s*" + _CODE + r"){1,3}"
_SIGNOFF = re.compile(r"\s*\((?P<codes>" + _CODES + r")\)\s*\.?\s*$")
# One code alone, "(kha)", is a sign-off only where it cannot be an aside: on a line of its
# own, or after a finished sentence ("… katanya.(kha)").
_SINGLE = re.compile(r"(?:^|(?<=[.!?\"”’]))\s*\((?P<codes>[a-z]{2,5})\)\s*\.?\s*$")
# A sign-off a one-line text runs on into its tag list: "… lanjut Pras. (eva/fca) badan
# komunikasi pemerintah" (the tags are lower-case words, no sentence).
_BEFORE_TAGS = re.compile(
    r"(?:^|(?<=[.!?\"”’]))\s*\((?P<codes>" + _CODES + r")\)"
    r"(?=\s+[a-z0-9][a-z0-9 ,/'-]{0,250}$)"
)


@cache
def _months() -> frozenset[str]:
    return frozenset(MONTHS)


def _codes(found: str) -> list[str] | None:
    """The codes of a sign-off; None for a unit or an aside that only looks like one: the
    pairs of the [signoff] table ("(km/jam)"), month names only ("(August/July)")."""
    codes = [code.strip() for code in found.split("/")]
    lowered = [code.lower() for code in codes]
    if "/".join(lowered) in rules().signoff_not_codes:
        return None
    if all(code in _months() for code in lowered):
        return None
    return codes


def split_signoff(paragraph: str) -> tuple[str, list[str]] | None:
    """(text without the sign-off, codes) when `paragraph` ends with one, else None."""
    if not paragraph.endswith((")", ").", ") ")):
        return None
    match = _SIGNOFF.search(paragraph) or _SINGLE.search(paragraph)
    if match is None:
        return None
    codes = _codes(match["codes"])
    if codes is None:
        return None
    return paragraph[: match.start()].rstrip(), codes


def split_before_tags(line: str) -> list[str]:
    """A line whose sign-off is followed by a tag list, as the text with its sign-off and the
    tags (which the trailer then drops); other lines unchanged."""
    if "(" not in line[-300:]:
        return [line]
    start = max(0, len(line) - 300)
    match = _BEFORE_TAGS.search(line, start)
    if match is None or _codes(match["codes"]) is None:
        return [line]
    return [line[: match.end()].strip(), line[match.end() :].strip()]
