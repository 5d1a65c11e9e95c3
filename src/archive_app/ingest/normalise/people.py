"""People and their roles: author columns, credit lines, bylines and photo credits."""

from __future__ import annotations

import re

from archive_app.core.model import PersonRole
from archive_app.ingest.normalise.tables import SiteRules, rules
from archive_app.ingest.normalise.text import fold

# " - detikFinance", " -detikNews": the desk that filed the story, not part of the name.
_DESK = re.compile(r"\s*[-–|]\s*(detik\w*|kompas\.com|tribun\w*|cnn\s*indonesia)\s*$", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\n|\s&\s|\sdan\s|\sand\s)\s*", re.IGNORECASE)
_ROLE_JOIN = re.compile(r"\s*(?:&|/|\bdan\b|\band\b|,)\s*", re.IGNORECASE)
_LABEL_LINE = re.compile(r"^(?P<label>[A-Za-z][A-Za-z &/]{1,40}?)\s*:\s*(?P<names>\S.{0,120})$")
_REPORT = re.compile(
    r"^Laporan\s+(?:Wartawan|Reporter|Koresponden)\s+(?P<outlet>[\w.]+)\s*,\s*(?P<name>.+?)\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|oleh)\s+(?P<names>[A-Z][^\n]{1,100}?)\s*$", re.IGNORECASE)
# An outlet or wire named after a byline: "Janie Gabbett, Reuters"
_OUTLET_TAIL = re.compile(
    r"\s*,\s*(reuters|ap|afp|antara|associated press|bloomberg|dpa|xinhua|[\w]+\.(com|co\.id|id))"
    r"\s*$",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3}|bin|binti|van|de|al|el)$")


def looks_like_name(text: str) -> bool:
    """Two to six words, capitalised like a person's name, without digits or URLs."""
    parts = fold(text).split(" ")
    if not 1 <= len(parts) <= 6 or any(ch.isdigit() for ch in text) or "://" in text:
        return False
    return parts[0][:1].isupper() and all(_NAME_TOKEN.match(p) for p in parts)


def clean_name(name: str) -> str:
    name = _DESK.sub("", fold(name))
    return name.strip(" ,.;:-–")


def people_from_author_column(value: str, site: SiteRules | None) -> list[PersonRole]:
    """An author column ("A, B", "X - detikNews", "A\\n\\nB\\n\\nTim Redaksi") as authors."""
    general = rules()
    ignored = general.author_labels | {a.lower() for a in (site.ignore_authors if site else ())}
    if fold(value).lower() in general.missing_authors:
        return []
    value = _DESK.sub("", value.strip())
    people: list[PersonRole] = []
    for part in _SPLIT.split(value):
        name = clean_name(part)
        if not name or name.lower() in ignored or name.lower() in general.missing_authors:
            continue
        person = PersonRole(name, "author")
        if person not in people:
            people.append(person)
    return people


def roles_for_label(label: str) -> list[str]:
    """ "Redaktur & Reporter" -> ["editor", "reporter"]; [] when a part is not a credit label."""
    labels = rules().credit_labels
    whole = fold(label).lower()
    if whole in labels:
        return [labels[whole]]
    roles: list[str] = []
    for part in _ROLE_JOIN.split(whole):
        if part not in labels:
            return []
        roles.append(labels[part])
    return roles


def parse_credit_line(line: str) -> tuple[list[PersonRole], str] | None:
    """People credited by a line such as "Redaktur & Reporter : Yessy Artada", with the rule id.

    A line of several credits separated by "|" ("Penulis: A | Editor: B") gives them all.
    """
    text = fold(line)
    found: list[PersonRole] = []
    rule = ""
    for segment in (s.strip() for s in text.split("|")):
        match = _LABEL_LINE.match(segment)
        if match:
            roles = roles_for_label(match["label"])
            names = [clean_name(n) for n in _SPLIT.split(match["names"])]
            if not roles or not names or not all(looks_like_name(n) for n in names if n):
                return None
            found.extend(PersonRole(n, r) for r in roles for n in names if n)
            rule = "people:credit-line"
            continue
        report = _REPORT.match(segment)
        if report and looks_like_name(clean_name(report["name"])):
            found.append(PersonRole(clean_name(report["name"]), "reporter"))
            rule = "people:laporan-wartawan"
            continue
        byline = _BYLINE.match(segment)
        if byline:
            names_text = _OUTLET_TAIL.sub("", byline["names"])
            names = [clean_name(n) for n in _SPLIT.split(names_text)]
            if names and all(looks_like_name(n) for n in names if n):
                found.extend(PersonRole(n, "author") for n in names if n)
                rule = "people:byline"
                continue
        return None
    return (found, rule) if found else None


def merge_people(*groups: list[PersonRole]) -> list[PersonRole]:
    """Join lists of credits, keeping the first occurrence of each (name, role)."""
    merged: list[PersonRole] = []
    seen: set[tuple[str, str]] = set()
    for group in groups:
        for person in group:
            key = (person.name.casefold(), person.role)
            if key not in seen:
                seen.add(key)
                merged.append(person)
    return merged
