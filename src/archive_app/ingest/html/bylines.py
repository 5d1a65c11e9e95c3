"""People in a page's byline: the outlet, agency, desk, job title or credential written beside
a name is not a person. An agency becomes the record's agency; the site's own name goes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from archive_app.ingest.html.page_rules import page_rules
from archive_app.ingest.normalise.people import looks_like_name
from archive_app.ingest.normalise.sites import domain_from_url
from archive_app.ingest.normalise.text import fold

_LETTERS = re.compile(r"[^\w]+")
_WORDS = re.compile(r"[\w'’.-]+")
# what a byline box puts before its lead-in: "| BY: Ilana Muhlstein"
_OPENING = " |:-–—•·*"
# a site's own name is matched from this length on ("CNN" is; "TV" is not)
_MIN_SITE_CHARS = 3


@dataclass(slots=True)
class Byline:
    """The people a byline names, the agency named beside them, and every name it showed
    (people, outlets, desks) as written, to know the byline again in the text."""

    people: list[str] = field(default_factory=list)
    agency: str | None = None
    seen: list[str] = field(default_factory=list)


def _key(text: str) -> str:
    """Letters and digits only, lower-cased: "Business Insider" -> "businessinsider"."""
    return _LETTERS.sub("", text.lower())


def site_keys(names: list[str | None], url: str | None) -> list[str]:
    """The site's own names (og:site_name, the publisher's name, the address's host name) as
    keys; "The Telegraph" also as "telegraph"."""
    keys: list[str] = []
    for name in names:  # keys themselves pass through unchanged
        if name:
            keys.append(_key(name))
            if name.lower().startswith("the "):
                keys.append(_key(name[4:]))
    domain = domain_from_url(url)
    if domain:
        keys.append(_key(domain.split(".")[0]))  # "futurism.com" -> "futurism"
    return [k for k in dict.fromkeys(keys) if len(k) >= _MIN_SITE_CHARS]


def site_account(url: str | None) -> bool:
    """An author page that is the site's own account ("/author/admin/"), not a person's."""
    if not url:
        return False
    last = [p for p in urlsplit(url).path.lower().split("/") if p][-1:]
    return bool(last) and last[0] in page_rules().bylines.not_a_person


@cache
def _lead_in() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in page_rules().bylines.lead_ins)
    return re.compile(rf"^(?:{words})\b\s*:?\s*", re.IGNORECASE)


@cache
def _agency_words() -> re.Pattern[str]:
    names = "|".join(re.escape(a) for a in page_rules().bylines.agencies)
    return re.compile(rf"(?<!\w)(?:{names})(?!\w)", re.IGNORECASE)


def strip_lead_in(text: str) -> str:
    """A byline without what opens it: "| BY: A" -> "A", "Analysis by A" -> "A"."""
    text = fold(text).lstrip(_OPENING)
    for _ in range(2):
        text = _lead_in().sub("", text).lstrip(_OPENING)
    return text


def _agency_named(text: str) -> tuple[str, int] | None:
    """The agency a part of a byline names, as the table writes it, and where it starts."""
    match = _agency_words().search(text)
    if match is None:
        return None
    found = match.group(0).lower()
    return next(a for a in page_rules().bylines.agencies if a.lower() == found), match.start()


def _unglue(name: str) -> tuple[str, str | None]:
    """A name without a word glued to its end ("ERIC TUCKERAssociated Press", "Jeff Foust
    Monday"), and the agency when that word was one."""
    rules = page_rules().bylines
    for word in (*rules.agencies, *rules.glued):
        if len(name) > len(word) + 2 and name.endswith(word) and name[-len(word) - 1].isalpha():
            agency = word if word in rules.agencies else None
            return name[: -len(word)].strip(), agency
    return name, None


def organisation(name: str, sites: list[str]) -> bool:
    """A desk, a title, an outlet or the site itself rather than a person."""
    words = {w.lower().strip(".") for w in _WORDS.findall(name)}
    words |= {part for w in words for part in w.split("-")}  # "MM-Redaktion"
    if words & page_rules().bylines.not_a_person or name.lower().startswith("the "):
        return True
    # the site's name, its first words ("CNN Business", "Telegraph Sport"), or a one-word brand
    # inside it ("Beachbody" of The Beachbody Blog); a person's name inside a site's ("John
    # Smith" of johnsmithblog) stays a person
    parts = [_key(w) for w in name.split()]
    heads = {"".join(parts[:n]) for n in range(1, len(parts) + 1)}
    return any(
        site in heads or (len(parts) == 1 and len(parts[0]) >= 5 and parts[0] in site)
        for site in sites
    )


def byline_people(names: list[str], sites: list[str]) -> Byline:
    """The people among a byline's names, and the agency written beside them."""
    rules = page_rules().bylines
    found = Byline()
    for raw in names:
        name, glued_agency = _unglue(strip_lead_in(raw))
        found.seen.append(name)
        found.agency = found.agency or glued_agency
        # "Finian Cunningham. Sputnik International": an outlet after a full stop
        head, dot, tail = name.rpartition(". ")
        if dot and len(head.split()) >= 2 and organisation(tail, sites):
            name = head
        name = name.strip(" .,;")
        if not name or name.lower().strip(".") in rules.credentials:
            continue
        named = _agency_named(name)
        agency = named[0] if named else None
        if named is not None and _key(named[0]) != _key(name):
            # "Tom Davies Associated Press Published …": the person before the agency
            before = name[: named[1]].strip(" ,;-–")
            if len(before.split()) >= 2 and all(w[:1].isupper() for w in before.split()):
                found.agency = found.agency or named[0]
                name, agency = before, None
        if organisation(name, sites) or (agency is not None and _key(agency) == _key(name)):
            if agency is not None and not any(_key(agency).startswith(s) for s in sites):
                found.agency = found.agency or agency
            continue
        if name not in found.people:
            found.people.append(name)
    return found


# A byline printed as the text's first lines: at most this many words ("5:45 AM PST
# 11/19/2019 by Patrick Shanley"), and at most this many words beside a known name ("Daniel
# Aragón Córdoba": the name and the place the reporter writes from).
_BYLINE_MAX_WORDS = 14
_BESIDE_NAME_WORDS = 3
_LINES_LOOKED_AT = 3
_BOLD_PARAGRAPHS = "//p[count(*) = 1][strong or b]"
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")


def _bold_names(tree: HtmlElement) -> set[str]:
    """Paragraphs that are nothing but a name in bold (<p><strong>Mohloai Mpesi</strong></p>):
    how some sites print the byline at the head of the text."""
    found = set()
    for paragraph in tree.xpath(_BOLD_PARAGRAPHS):
        text = fold(paragraph.text_content())
        words = text.split()
        if (
            not fold(paragraph.text or "")
            and 2 <= len(words) <= 4
            and all(_NAME_WORD.match(w) for w in words)
            and not {w.lower() for w in words} & page_rules().bylines.not_a_person
        ):
            found.add(text)
    return found


def _names_line(line: str) -> list[str] | None:
    """The names of a line that opens with a byline's lead-in ("By A and B", "Par Les Echos"),
    or None when the line is not one."""
    rest = strip_lead_in(line)
    if rest == fold(line).lstrip(_OPENING) or not rest:
        return None
    parts = [
        p.strip(" .")
        for p in re.split(
            r"\s*(?:,|;|\||\s&\s|\band\b|\bdan\b|\bund\b|"
            r"\bet\b)\s*",
            rest,
        )
        if p.strip(" .")
    ]
    if parts and all(looks_like_name(p) for p in parts):
        return parts
    return None


def _names_a_known_byline(line: str, seen: list[str]) -> bool:
    """A short line built on a name the page's byline showed: the name itself, the name and
    the reporter's place, or a time and "by" the name."""
    text = strip_lead_in(line)
    for name in seen:
        if len(name) < 3:
            continue
        if _key(text) == _key(name):
            return True
        around = text.split(name, 1)
        if len(around) == 2:
            before, after = around
            if not before.strip() and len(after.split()) <= _BESIDE_NAME_WORDS:
                return True
            if re.search(r"\bby\s*$", before, re.IGNORECASE) and not after.strip():
                return True
    return False


def byline_lines(
    lines: list[str], tree: HtmlElement, seen: list[str]
) -> tuple[list[str], list[str]]:
    """The text without the byline printed at its head, and the names that byline gives."""
    bold = _bold_names(tree)
    kept: list[str] = []
    names: list[str] = []
    for index, line in enumerate(lines):
        if index >= _LINES_LOOKED_AT or len(line.split()) > _BYLINE_MAX_WORDS:
            kept.extend(lines[index:])
            break
        if _names_a_known_byline(line, seen):
            continue
        from_line = _names_line(line)
        if from_line is None and index == 0 and fold(line) in bold:
            from_line = [fold(line)]
        if from_line is not None:
            names.extend(from_line)
            continue
        kept.append(line)
    return kept, names
