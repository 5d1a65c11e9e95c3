"""People and their roles: author columns, credit lines, bylines and closing credits."""

from __future__ import annotations

import re
from functools import cache

from archive_app.domain.model import PersonRole
from archive_app.domain.site_rules import SiteRules, rules
from archive_app.ingest.normalise.text import fold

_SPLIT = re.compile(r"\s*(?:,|;|\n|\s&\s|\sdan\s|\sand\s)\s*", re.IGNORECASE)
_ROLE_JOIN = re.compile(r"\s*(?:&|/|\bdan\b|\band\b|,)\s*", re.IGNORECASE)
_LABEL_LINE = re.compile(r"^(?P<label>[A-Za-z][A-Za-z &/]{1,40}?)\s*:\s*(?P<names>\S.{0,160})$")
_REPORT = re.compile(
    r"^Laporan\s+(?P<kind>\w+)\s+(?P<outlet>[\w.-]+(?:\s+[\w.-]+){0,3}?)\s*,\s*(?P<name>.+?)\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|oleh)\s+(?P<names>[A-Z][^\n]{1,100}?)\s*$", re.IGNORECASE)
_BY_PREFIX = re.compile(r"^\s*(?:by|oleh)\s+", re.IGNORECASE)
# "(Angkasa Yudhistira)" or "(Tribunnews.com/Danang Triatmojo)" alone at the end of a story
_CLOSING_NAME = re.compile(r"^\(\s*(?P<name>[^()/]{3,60}?)\s*\)\.?$")
_CLOSING_OUTLET = re.compile(
    r"^\(\s*(?P<outlet>[\w-]+(?:\.[a-z]{2,}){1,2})\s*/\s*(?P<name>[^()/]{3,60}?)\s*\)\.?$",
    re.IGNORECASE,
)
# "Natasha Oktalia, Jurnalis": a name and its role, as a page's byline box prints them
_NAME_ROLE = re.compile(r"^(?P<name>[A-Z][^,:|]{2,60}?)\s*,\s*(?P<label>[A-Za-z]+)$")
# Separators between the credits and the date of a byline box ("A | Editor: B · Kamis …")
SEPARATORS = re.compile(r"\s*[|·•]\s*")
# "Tribunnews.com/Ilham Rian Pratama" in an author column: the outlet, then the name
_OUTLET_SLASH = re.compile(r"^\s*[\w-]+(?:\.[a-z]{2,}){1,2}\s*/\s*", re.IGNORECASE)
# A "Name - desk" byline is short.
_BYLINE_MAX = 90
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3}|bin|binti|van|de|al|el|von|der)$")


def looks_like_name(text: str, min_words: int = 1) -> bool:
    """One to six words, capitalised like a person's name, without digits or URLs."""
    parts = fold(text).split(" ")
    if not min_words <= len(parts) <= 6 or any(ch.isdigit() for ch in text) or "://" in text:
        return False
    return parts[0][:1].isupper() and all(_NAME_TOKEN.match(p) for p in parts)


@cache
def _outlet_tail() -> re.Pattern[str]:
    """A wire or outlet named after a byline: "Janie Gabbett, Reuters"."""
    general = rules()
    names = {
        *general.byline_outlets,
        *(a for s in general.sites.values() for a in (*s.aliases, s.name or "") if a),
    }
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        r"\s*,\s*(?:" + alternatives + r"|[\w-]+\.(?:com|co\.id|id|net|org)"
        r"(?:\.\w+)?)\s*$",
        re.IGNORECASE,
    )


@cache
def _desk_pattern() -> re.Pattern[str]:
    # " - detikFinance", " | Kompas.com": the desk or outlet that filed the story
    desks = "|".join(rules().desks)
    return re.compile(r"\s*[-–|]\s*(?:" + desks + r")\s*$", re.IGNORECASE)


@cache
def _desk_sites() -> tuple[tuple[re.Pattern[str], str], ...]:
    found = []
    for site in rules().sites.values():
        names = [re.escape(a) for a in (*site.aliases, site.name or "") if a] + list(site.desks)
        found.append((re.compile(r"(?:" + "|".join(names) + r")", re.IGNORECASE), site.domain))
    return tuple(found)


def desk_domain(text: str) -> str | None:
    """The site whose desk signs a byline: "Vidya Pinandhita - detikHealth" -> detik.com."""
    match = _desk_pattern().search(text.strip())
    if match is None:
        return None
    desk = match.group(0).strip(" -–|")
    return next((domain for pattern, domain in _desk_sites() if pattern.fullmatch(desk)), None)


def _desk_byline(segment: str) -> str | None:
    """ "Vidya Pinandhita - detikHealth": a byline that names the desk, as on a page's head."""
    match = _desk_pattern().search(segment)
    if match is None or match.start() == 0:
        return None
    name = clean_name(segment[: match.start()])
    return name if looks_like_name(name, min_words=2) else None


def clean_name(name: str) -> str:
    name = _desk_pattern().sub("", fold(name))
    return name.strip(" ,.;:-–")


def people_from_author_column(value: str, site: SiteRules | None) -> list[PersonRole]:
    """An author column ("A, B", "X - detikNews", "by A, Reuters", "A\\n\\nB\\n\\nTim Redaksi")
    as authors."""
    general = rules()
    ignored = general.author_labels | (site.ignore_authors if site else frozenset())
    if fold(value).lower() in general.missing_authors:
        return []
    labelled = parse_credit_line(value) if ":" in value else None
    if labelled is not None:
        return labelled[0]  # "Penulis: A | Editor: B" in the column keeps its roles
    value = _OUTLET_SLASH.sub("", value)
    value = _outlet_tail().sub("", _BY_PREFIX.sub("", _desk_pattern().sub("", value.strip())))
    people: list[PersonRole] = []
    for part in _SPLIT.split(value):
        name = clean_name(_BY_PREFIX.sub("", part))
        lowered = name.lower()
        if not name or lowered in ignored or lowered in general.missing_authors:
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


def _names(text: str) -> list[str]:
    names = [clean_name(n) for n in _SPLIT.split(_outlet_tail().sub("", text))]
    return [n for n in names if n]


def _segment(segment: str) -> tuple[list[PersonRole], str] | None:
    named = _NAME_ROLE.match(segment)
    if named and named["label"].lower() in rules().credit_labels:
        name = clean_name(named["name"])
        if looks_like_name(name, min_words=2):
            return [
                PersonRole(name, rules().credit_labels[named["label"].lower()])
            ], "people:name-role"
    match = _LABEL_LINE.match(segment)
    if match:
        roles = roles_for_label(match["label"])
        names = _names(match["names"])
        if roles and names and all(looks_like_name(n) for n in names):
            return [PersonRole(n, r) for r in roles for n in names], "people:credit-line"
        return None
    report = _REPORT.match(segment)
    if report:
        role = rules().report_labels.get(report["kind"].lower())
        name = clean_name(report["name"])
        if role and looks_like_name(name):
            return [PersonRole(name, role)], "people:laporan-wartawan"
        return None
    byline = _BYLINE.match(segment)
    if byline:
        names = _names(byline["names"])
        if names and all(looks_like_name(n, min_words=2) for n in names):
            return [PersonRole(n, "author") for n in names], "people:byline"
        return None
    desk = _desk_byline(segment) if len(segment) <= _BYLINE_MAX else None
    if desk:
        return [PersonRole(desk, "author")], "people:desk-byline"
    return None


@cache
def _written_by() -> re.Pattern[str] | None:
    phrases = rules().written_by
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p) for p in phrases)
    return re.compile(r"^(?i:" + alternatives + r")\s+(?P<name>[^,.()]{3,60}?)\s*(?:[,(]|\.?$)")


def _written_note(line: str) -> tuple[list[PersonRole], str] | None:
    """ "Artikel ini ditulis Raphaella Ade Siallagan, peserta program Magang …": the writer."""
    pattern = _written_by()
    found = pattern.match(fold(line)) if pattern is not None else None
    if found is None:
        return None
    name = clean_name(found["name"])
    if not looks_like_name(name, min_words=2):
        return None
    return [PersonRole(name, rules().written_by_role)], "people:written-by"


def parse_credit_line(line: str) -> tuple[list[PersonRole], str] | None:
    """People credited by a line such as "Redaktur & Reporter : Yessy Artada", with the rule id.

    A line of several credits separated by "|" or "·" ("Penulis: A | Editor: B") gives them
    all.
    """
    if len(line) > 240:
        return None
    if line[:1] in "AaTt" and (written := _written_note(line)) is not None:
        return written
    # Every credit has a label's colon near its start, opens with "Laporan", "By" or "Oleh",
    # or is a short "Name - desk" byline; other lines are article text.
    if (
        ":" not in line[:60]
        and len(line) > _BYLINE_MAX
        and not line[:8].lower().startswith(("laporan", "by ", "oleh "))
    ):
        return None
    found: list[PersonRole] = []
    rule = ""
    for segment in (s.strip() for s in SEPARATORS.split(fold(line))):
        if not segment:
            continue
        credited = _segment(segment)
        if credited is None:
            return None
        found.extend(credited[0])
        rule = credited[1]
    return (found, rule) if found else None


def _personal(name: str) -> bool:
    """A person's name of two to four words, none of them an organisation's word ("Inc")."""
    words = name.split()
    organisation = rules().captions.not_a_person
    return (
        looks_like_name(name, min_words=2)
        and len(words) <= 4
        and not any(w.lower().strip(".,") in organisation for w in words)
    )


def parse_closing_credit(
    line: str, site: SiteRules | None, language: str | None = None
) -> tuple[list[PersonRole], str] | None:
    """A story's closing credit: "(Angkasa Yudhistira)" names its editor (by the general
    table, or the site's), "(Tribunnews.com/Danang Triatmojo)" its outlet's reporter."""
    if not line.startswith("(") or len(line) > 90:
        return None
    text = fold(line)
    general = rules()
    outlet = _CLOSING_OUTLET.match(text)
    if outlet and _personal(outlet["name"]):
        return [
            PersonRole(outlet["name"].strip(), general.closing_outlet_role)
        ], "people:closing-outlet-name"
    named = _CLOSING_NAME.match(text)
    own_role = site.closing_name_role if site else None
    in_language = own_role is not None or language in general.closing_name_languages
    if named and _personal(named["name"]) and in_language:
        role = own_role or general.closing_name_role
        return [PersonRole(named["name"].strip(), role)], "people:closing-name"
    return None


# One word in capitals is a brand or an acronym ("CITILINK", "ANTARA"), not a person's name.
_SHOUTED = re.compile(r"^[A-Z][A-Z0-9&.-]{3,}$")


def looks_like_organisation(name: str) -> bool:
    """Whether a name taken for a person reads as an organisation's: a word of the
    [people] table ("PT", "Humas", "Kementerian"), a site's or an outlet's name, a domain,
    or one word in capitals. A team byline ("Tim Regional") is not flagged."""
    general = rules()
    text = fold(name)
    words = [w.strip(".,()").lower() for w in text.split(" ")]
    if words[0] in general.team_words:
        return False  # "Tim Regional": a team byline counts as its authors (gold/SCHEMA.md)
    if any(w in general.organisation_words for w in words):
        return True
    if text.lower() in general.aliases or text.lower() in _outlets():
        return True
    return bool(
        re.search(r"\w\.(?:com|co\.id|id|net|org)\b", text, re.IGNORECASE) or _SHOUTED.match(text)
    )


@cache
def _outlets() -> frozenset[str]:
    return frozenset(o.lower() for o in rules().byline_outlets)


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
