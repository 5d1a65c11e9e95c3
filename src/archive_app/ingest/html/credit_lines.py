"""Credit lines closing a page's text ("Additional reporting by A; Editing by B"): people with
their roles, out of the body; an agency credited so ("Additional reporting from PA") is the
record's agency."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive_app.ingest.html.bylines import byline_people
from archive_app.ingest.normalise.people import looks_like_name
from archive_app.ingest.normalise.text import fold

# What each credit says the people did; "writing" is the story's writer.
_ROLES = (
    ("additional reporting", "contributor"),
    ("reporting", "reporter"),
    ("reported", "reporter"),
    ("writing", "author"),
    ("written", "author"),
    ("editing", "editor"),
    ("edited", "editor"),
    ("compiled", "contributor"),
    ("translated", "contributor"),
    ("translation", "contributor"),
)
_ROLE_WORDS = "|".join(re.escape(words) for words, _ in _ROLES)
_CREDIT = re.compile(rf"(?:^|[;,.]?\s+)(?P<role>{_ROLE_WORDS})\s+(?:by|from)\s+", re.IGNORECASE)
# How a credit line is dressed: "(…)", "- – …", "*…*", a closing full stop.
_DRESSING = " \t()[]*_-–—.|"
_NAMES = re.compile(r"\s*(?:,|;|\s&\s|\band\b)\s*", re.IGNORECASE)
# "Gopal Sharma in Kathmandu": where the reporter was
_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'-]*$")
# Credit lines close a story: only its last lines are looked at.
_LAST_LINES = 4
_MAX_WORDS = 60
_MAX_NAME_WORDS = 5
_NOBODY = ("agencies", "staff", "wires", "agences", "agencias")


@dataclass(slots=True)
class Credits:
    """People by role ("contributor", "reporter", "editor", "author"), and an agency."""

    people: dict[str, list[str]] = field(default_factory=dict)
    agency: str | None = None


def _credit_line(line: str, sites: list[str]) -> Credits | None:
    """The credits of a line made of nothing but credits, else None."""
    text = fold(line).strip(_DRESSING)
    if len(text.split()) > _MAX_WORDS:
        return None
    matches = list(_CREDIT.finditer(text))
    if not matches or matches[0].start() != 0:
        return None
    credits = Credits()
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        role = next(r for words, r in _ROLES if words == match["role"].lower())
        names_text = text[match.end() : following.start() if following else len(text)]
        names = [_PLACE.sub("", n).strip(_DRESSING) for n in _NAMES.split(names_text)]
        if any(len(n.split()) > _MAX_NAME_WORDS for n in names):
            return None  # "Reporting by the BBC found that …" is a sentence
        found = byline_people([n for n in names if n], sites)
        if found.agency:
            credits.agency = credits.agency or found.agency
        people = [n for n in found.people if looks_like_name(n, min_words=2)]
        # a credit of nobody the line can name is no credit line ("additional reporting by
        # agencies" is one: of nobody in particular)
        if (
            not people
            and not found.agency
            and any(n.strip() for n in names)
            and not all(n.lower() in _NOBODY for n in names if n)
        ):
            return None
        credits.people.setdefault(role, []).extend(people)
    return credits


def credit_lines(lines: list[str], sites: list[str]) -> tuple[list[str], Credits]:
    """The text without the credit lines among its last lines, and what they credit."""
    credits = Credits()
    kept = list(lines)
    for index in range(len(lines) - 1, max(-1, len(lines) - 1 - _LAST_LINES), -1):
        found = _credit_line(lines[index], sites)
        if found is None:
            continue
        del kept[index]
        credits.agency = credits.agency or found.agency
        for role, people in found.people.items():
            known = credits.people.setdefault(role, [])
            known.extend(p for p in people if p not in known)
    return kept, credits
