"""Load the rule tables (site habits and general rules) that the normaliser reads as data."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class SiteRules:
    """One site's habits, from tables/sites.toml."""

    domain: str
    name: str | None = None
    aliases: tuple[str, ...] = ()
    desks: tuple[str, ...] = ()
    timezone: str | None = None
    signoff_site: str | None = None
    trailers: frozenset[str] = frozenset()
    ignore_authors: frozenset[str] = frozenset()
    closing_name_role: str | None = None


@dataclass(frozen=True, slots=True)
class CaptionRules:
    """How photo credits are written, from the [captions] table of general.toml."""

    labels: tuple[str, ...]
    agencies: tuple[str, ...]
    glued_prefixes: frozenset[str]
    not_a_person: frozenset[str]
    min_name_words: int


@dataclass(frozen=True, slots=True)
class GeneralRules:
    """Rules for every site, from tables/general.toml, with its regexes compiled once."""

    default_timezone: dict[str, str]
    credit_labels: dict[str, str]
    report_labels: dict[str, str]
    missing_authors: frozenset[str]
    author_labels: frozenset[str]
    byline_outlets: tuple[str, ...]
    closing_name_role: str
    closing_name_languages: frozenset[str]
    closing_outlet_role: str
    written_by: tuple[str, ...]
    written_by_role: str
    noise_lines: frozenset[str]
    noise_patterns: tuple[re.Pattern[str], ...]
    glued_tails: tuple[str, ...]
    related_labels: tuple[str, ...]
    related_colon_only: tuple[str, ...]
    camel_words: frozenset[str]
    captions: CaptionRules
    agency_labels: tuple[str, ...]
    title_suffixes: tuple[re.Pattern[str], ...]
    # words that mark a name taken for a person as an organisation's
    organisation_words: frozenset[str] = frozenset()
    team_words: frozenset[str] = frozenset()
    # words of section and rubric names, and the words that join them
    section_words: frozenset[str] = frozenset()
    section_joiners: frozenset[str] = frozenset()
    # furniture inside a line (split there): anywhere, and only after a finished sentence
    inline_markers: tuple[str, ...] = ()
    inline_after_sentence: tuple[str, ...] = ()
    # promotions recognised only among an article's last lines
    closing_patterns: tuple[re.Pattern[str], ...] = ()
    # pairs in parentheses that are units or asides, never sign-offs ("km/jam")
    signoff_not_codes: frozenset[str] = frozenset()
    # month names a wire dateline's date may use besides those of the date reader
    dateline_months: tuple[str, ...] = ()
    sites: dict[str, SiteRules] = field(default_factory=dict)
    # every lower-cased site alias, name and domain -> its domain
    aliases: dict[str, str] = field(default_factory=dict)
    # desk names that may follow an author (" - detikFinance"), from every site's table
    desks: tuple[str, ...] = ()

    def site(self, domain: str | None) -> SiteRules | None:
        return self.sites.get(domain) if domain else None

    def alias_map(self) -> dict[str, str]:
        return self.aliases


def _read(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath("tables", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _lower(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def _site(domain: str, table: dict[str, Any]) -> SiteRules:
    return SiteRules(
        domain=domain,
        name=table.get("name"),
        aliases=tuple(table.get("aliases", ())),
        desks=tuple(table.get("desks", ())),
        timezone=table.get("timezone"),
        signoff_site=table.get("signoff_site"),
        trailers=_lower(table.get("trailers")),
        ignore_authors=_lower(table.get("ignore_authors")),
        closing_name_role=table.get("closing_name_role"),
    )


@cache
def rules() -> GeneralRules:
    """The rule tables, read once per process."""
    general = _read("general.toml")
    sites = {domain: _site(domain, table) for domain, table in _read("sites.toml").items()}
    noise = general["noise"]
    captions = general["captions"]
    desks = [re.escape(a) for s in sites.values() for a in (*s.aliases, s.name or "") if a]
    desks += [d for s in sites.values() for d in s.desks]
    return GeneralRules(
        default_timezone=dict(general.get("default_timezone", {})),
        credit_labels={k.lower(): v for k, v in general["credit_labels"].items()},
        report_labels={k.lower(): v for k, v in general["report_labels"].items()},
        missing_authors=_lower(general["authors"]["missing"]),
        author_labels=_lower(general["authors"]["labels"]),
        byline_outlets=tuple(general["authors"].get("outlets", ())),
        closing_name_role=general["closing"]["name_role"],
        closing_name_languages=frozenset(general["closing"].get("name_languages", ())),
        closing_outlet_role=general["closing"]["outlet_name_role"],
        written_by=tuple(
            sorted(_lower(general["closing"].get("written_by")), key=len, reverse=True)
        ),
        written_by_role=general["closing"].get("written_by_role", "contributor"),
        noise_lines=_lower(noise["lines"]),
        noise_patterns=tuple(re.compile(p, re.IGNORECASE) for p in noise["patterns"]),
        glued_tails=tuple(noise.get("glued_tails", ())),
        related_labels=tuple(general["related"]["labels"]),
        related_colon_only=tuple(general["related"].get("colon_only", ())),
        camel_words=frozenset(general["related"].get("camel_words", ())),
        captions=CaptionRules(
            labels=tuple(captions["labels"]),
            agencies=tuple(captions["agencies"]),
            glued_prefixes=_lower(captions["glued_prefixes"]),
            not_a_person=_lower(captions["not_a_person"]),
            min_name_words=int(captions.get("min_name_words", 2)),
        ),
        agency_labels=tuple(general["agency"]["labels"]),
        title_suffixes=tuple(
            re.compile(p, re.IGNORECASE) for p in general.get("titles", {}).get("suffixes", ())
        ),
        organisation_words=_lower(general.get("people", {}).get("organisation_words")),
        team_words=_lower(general.get("people", {}).get("team_words")),
        section_words=_lower(general.get("titles", {}).get("sections")),
        section_joiners=_lower(general.get("titles", {}).get("section_joiners")),
        inline_markers=tuple(noise.get("inline", ())),
        inline_after_sentence=tuple(noise.get("inline_after_sentence", ())),
        closing_patterns=tuple(re.compile(p, re.IGNORECASE) for p in noise.get("closing", ())),
        signoff_not_codes=_lower(general.get("signoff", {}).get("not_codes")),
        dateline_months=tuple(m.lower() for m in general.get("datelines", {}).get("months", ())),
        sites=sites,
        aliases=_alias_map(sites),
        desks=tuple(sorted(set(desks), key=len, reverse=True)),
    )


def _alias_map(sites: dict[str, SiteRules]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for domain, site in sites.items():
        mapping[domain] = domain
        for alias in (*site.aliases, site.name or ""):
            if alias:
                mapping.setdefault(alias.lower(), domain)
    return mapping
