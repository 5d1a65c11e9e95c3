"""Load tables/pages.toml: what saved pages say about themselves, read once per process."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from archive_app import domain


@dataclass(frozen=True, slots=True)
class SitePageRules:
    """How the site's own pages (home, privacy, contact, login, forum, lists) show themselves;
    each table maps a word to the kind of page it names ("a privacy page")."""

    schema_types: dict[str, str]
    paths: dict[str, str]
    list_paths: dict[str, str]
    home_paths: frozenset[str]
    story_keys: frozenset[str]
    list_keys: frozenset[str]
    max_list_words: int
    titles: dict[str, str]
    forum_generators: frozenset[str]
    short_words: int


@dataclass(frozen=True, slots=True)
class BylineRules:
    """What stands beside people's names in a byline: agencies (as written), and lower-cased
    words of desks and titles, credentials, lead-ins and glued words."""

    agencies: tuple[str, ...]
    not_a_person: frozenset[str]
    credentials: frozenset[str]
    lead_ins: tuple[str, ...]
    glued: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PhotoRules:
    """Words of furniture pictures' addresses, and of institutions named as credits."""

    always_furniture: tuple[str, ...]
    static_furniture: tuple[str, ...]
    institutions: frozenset[str]


@dataclass(frozen=True, slots=True)
class PageRules:
    """Every table of pages.toml."""

    site_pages: SitePageRules
    bylines: BylineRules
    photos: PhotoRules


def _lower_keys(table: dict[str, Any]) -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in table.items()}


@cache
def page_rules() -> PageRules:
    """The tables, read once."""
    text = resources.files(domain).joinpath("tables", "pages.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    site = data["site_pages"]
    return PageRules(
        site_pages=SitePageRules(
            schema_types=_lower_keys(site["schema_types"]),
            paths=_lower_keys(site["paths"]),
            list_paths=_lower_keys(site["list_paths"]),
            home_paths=frozenset(site["home"]["paths"]),
            story_keys=frozenset(k.lower() for k in site["home"]["story_keys"]),
            list_keys=frozenset(k.lower() for k in site["home"]["list_keys"]),
            max_list_words=int(site["home"].get("max_list_words", 3)),
            titles=_lower_keys(site["titles"]),
            forum_generators=frozenset(n.lower() for n in site["forum_generators"]["names"]),
            short_words=int(site["short"]["words"]),
        ),
        bylines=_bylines(data["bylines"]),
        photos=PhotoRules(
            always_furniture=tuple(w.lower() for w in data["photos"]["always_furniture"]),
            static_furniture=tuple(w.lower() for w in data["photos"]["static_furniture"]),
            institutions=frozenset(w.lower() for w in data["photos"]["institutions"]),
        ),
    )


def _bylines(table: dict[str, Any]) -> BylineRules:
    # longest first, so "Associated Press" is tried before "AP" and "analysis by" before "by"
    return BylineRules(
        agencies=tuple(sorted(table["agencies"], key=len, reverse=True)),
        not_a_person=frozenset(w.lower() for w in table["not_a_person"]),
        credentials=frozenset(w.lower() for w in table["credentials"]),
        lead_ins=tuple(sorted((w.lower() for w in table["lead_ins"]), key=len, reverse=True)),
        glued=tuple(table["glued"]),
    )
