"""Bylines: the people they name, an organisation standing in for them, or a misused subtitle.

Agencies misuse <byline> (ANSA puts a subtitle there), so a byline names people only when every
part reads like a name: two to five capitalised words, no sentence punctuation, no lower-case
word that is not a name particle, no newspaper or agency word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive_app.domain.site_rules import rules
from archive_app.ingest.wire.vocabulary import (
    BYLINE_OPENERS,
    NAME_JOINERS,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
)

_OPENER = re.compile(r"^(?:" + "|".join(BYLINE_OPENERS) + r")\s+(?=\S)", re.IGNORECASE)
_JOINERS = re.compile(
    r"\s*(?:,|;|\s(?:" + "|".join(re.escape(j) for j in NAME_JOINERS) + r")\s)\s*", re.IGNORECASE
)
_WORD = re.compile(r"[\w'’.-]+")
_SENTENCE = re.compile(r"[.!?:;]\s|[!?]$|\.$")
_CAPITALISED = re.compile(r"^[^\W\d_][\w'’.-]*$")
_MAX_NAME_WORDS = 5


@dataclass(slots=True)
class Byline:
    """What a byline holds: people, an organisation (a newspaper, a wire), or prose."""

    people: list[str] = field(default_factory=list)
    organisation: str | None = None
    prose: str | None = None


def _is_organisation(words: list[str]) -> bool:
    lowered = {w.lower().strip(".,") for w in words}
    return bool(lowered & (ORGANISATION_WORDS | rules().captions.not_a_person))


def _is_name(part: str) -> bool:
    words = part.split()
    if not 2 <= len(words) <= _MAX_NAME_WORDS or any(ch.isdigit() for ch in part):
        return False
    if _is_organisation(words):
        return False
    return all(
        w.lower() in NAME_PARTICLES or (w[:1].isupper() and _CAPITALISED.match(w)) for w in words
    )


def _proper_case(name: str) -> str:
    """ "DOUG MILLS" as "Doug Mills"; names already in mixed case are kept as written."""
    return name.title() if name.isupper() else name


def read_byline(value: str, outlets: tuple[str, ...] = ()) -> Byline:
    """Split a byline ("Von Annett Gehler, dpa", "By A and B", "Wiktor Nummelin/TT")."""
    line = " ".join(value.split()).strip(" ,;-–")
    if not line:
        return Byline()
    line = _OPENER.sub("", line)
    # "Name/AGENCY": the agency after the slash is no person
    if "/" in line and not line.startswith("/"):
        line = line.split("/", 1)[0].strip()
    parts = [p.strip(" .") for p in _JOINERS.split(line) if p.strip(" .")]
    known = {o.lower() for o in outlets}
    parts = [p for p in parts if p.lower() not in known]
    people = [p for p in parts if _is_name(p)]
    if people and len(people) == len([p for p in parts if not _is_organisation(p.split())]):
        organisation = next((p for p in parts if _is_organisation(p.split())), None)
        return Byline([_proper_case(p) for p in people], organisation)
    words = _WORD.findall(line)
    if _is_organisation(words) and all(w[:1].isupper() for w in words):
        return Byline(organisation=line)
    lowered = [w for w in words if w.islower() and w not in NAME_PARTICLES]
    if len(words) >= 3 and (lowered or _SENTENCE.search(line)):
        return Byline(prose=line)
    return Byline()  # codes ("daa/mt/msr") or a lone word: nobody to name
