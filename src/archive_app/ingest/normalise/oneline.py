"""Text a scraper ran together: paragraphs joined by commas, furniture inside a line, and
closing furniture glued to the last sentence, split back into lines."""

from __future__ import annotations

import re
from functools import cache

from archive_app.domain.site_rules import SiteRules, rules
from archive_app.ingest.normalise.noise import is_closing, is_noise, is_source_line
from archive_app.ingest.normalise.people import parse_credit_line
from archive_app.ingest.normalise.signoff import split_before_tags

# A scraper that printed a page's list of paragraphs as text joins them with commas: a
# finished sentence, a comma and the next paragraph with no space between (".,Menurut",
# '.,"Kami', "?,“"). Only a text with at least this many such joints, and more joints than
# line breaks, is read that way: elsewhere ".,X" is a typo, not a layout.
# (a pattern that opens with a class of characters: the engine skips ahead to them quickly,
# where one opening with a look-behind tries every position)
_JOINT = re.compile(r"([.!?][\"”]?)\s*,(?=[\"“]?[A-Z0-9])")
_MIN_JOINTS = 2
_JOINT_HINTS = (".,", "?,", "!,", '",', "”,")


@cache
def _label_joint() -> re.Pattern[str]:
    """ ",Reporter: Name,Sumber: Liputan6.com": a credit or source label after a comma."""
    general = rules()
    labels = sorted({*general.credit_labels, *general.agency_labels}, key=len, reverse=True)
    alternatives = "|".join(re.escape(label) for label in labels)
    return re.compile(r"\s*,(?=(?i:" + alternatives + r")\s*:)")


def split_comma_joined(text: str) -> str:
    """A comma-joined text with its paragraphs on lines of their own, the joining commas
    (and the empty items of the list, ",\\n,") gone; any other text unchanged."""
    if not any(hint in text for hint in _JOINT_HINTS):
        return text
    joints = len(_JOINT.findall(text))
    if joints < _MIN_JOINTS or joints < sum(
        1 for line in text.splitlines() if line.strip(" ,\t\u00a0")
    ):
        return text
    split = _label_joint().sub("\n", _JOINT.sub("\\1\n", text))
    # the items' own commas stay ("PT ,\u00a0Tbk"); those joining items to the line breaks go
    return "\n".join(line.strip(" ,\t\u00a0") for line in split.splitlines())


@cache
def _inline_pattern() -> re.Pattern[str] | None:
    general = rules()
    parts = [rf"(?<!\w)(?:{marker})(?!\w)" for marker in general.inline_markers]
    # … and before the next sentence or the end: "Simak selengkapnya di sini yuk..." is the
    # article's own closing line
    parts += [
        rf"(?:(?<=[.!?\"”])|(?<=[.!?\"”] )){re.escape(marker)}[.!:]?"
        rf"(?=\s*(?:$|[A-Z\"“]))"
        for marker in general.inline_after_sentence
    ]
    return re.compile("|".join(parts)) if parts else None


# A line shorter than this holds no marker with text on both sides worth splitting.
_MIN_MARKED = 40
_METACHARACTERS = re.compile(r"[\\()\[\]{}?*+|.^$]")


@cache
def _marker_keys() -> re.Pattern[str] | None:
    """The literal words each marker opens with ("SCROLL TO CONTINUE WITH CONTENT",
    "Halaman "), as one pattern: a line holding none of them is not searched further (the
    markers' pattern, its look-behinds tried at every position of every long line, cost a
    third of the normaliser's time); None when some marker opens with no literal text."""
    general = rules()
    keys = [_METACHARACTERS.split(marker, 1)[0] for marker in general.inline_markers]
    keys += list(general.inline_after_sentence)
    if not all(keys):
        return None
    return re.compile("|".join(re.escape(key) for key in keys))


def split_markers(line: str) -> list[str]:
    """The pieces of a line between the furniture markers a scraper left inside it
    ("… di persidangan. SCROLL TO CONTINUE WITH CONTENT Ayu mengaku …"), markers dropped."""
    pattern = _inline_pattern()
    if pattern is None or len(line) < _MIN_MARKED:
        return [line]
    keys = _marker_keys()
    if keys is not None and keys.search(line) is None:
        return [line]
    pieces: list[str] = []
    previous = 0
    for match in pattern.finditer(line):
        pieces.append(line[previous : match.start()])
        previous = match.end()
    if not previous:
        return [line]
    pieces.append(line[previous:])
    return [piece.strip() for piece in pieces if piece.strip()]


# Where a sentence ends and the next begins, with or without a space: "… kata dia.Simak",
# "… kata dia. Sumber: Bloomberg".
_BOUNDARY = re.compile(r"(?<=[.!?\"”])\s*(?=[A-Z*(\[])")
# How far from a line's end closing furniture is looked for.
_CLOSING_REACH = 600


def _is_furniture(text: str, site: SiteRules | None, glued: bool) -> bool:
    """Closing furniture: a source, a credit, a closing promotion; page furniture of any kind
    only where the scraper glued it on without a space (after a space, "Simak selengkapnya
    berikut ini!" is the article's own last sentence, leading to its photos)."""
    if is_closing(text) or is_source_line(text) or parse_credit_line(text) is not None:
        return True
    return glued and is_noise(text, site)


def split_closing(line: str, site: SiteRules | None = None) -> list[str]:
    """The text's last line with the furniture glued after its last sentence as lines of their
    own ("… kata dia.Simak selengkapnya …", "… kata dia. Sumber: Bloomberg"), and a sign-off
    apart from the tag list run on after it."""
    pieces = split_before_tags(line)
    head = pieces[0]
    start = max(0, len(head) - _CLOSING_REACH)
    for match in _BOUNDARY.finditer(head, start):
        before, rest = head[: match.start()].rstrip(), head[match.end() :].strip()
        glued = match.start() == match.end()
        if before and rest and _is_furniture(rest, site, glued):
            return [before, rest, *pieces[1:]]
    return pieces
