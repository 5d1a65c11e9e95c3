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
    timezone: str | None = None
    signoff_site: str | None = None
    trailers: tuple[str, ...] = ()
    ignore_authors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GeneralRules:
    """Rules for every site, from tables/general.toml, with its regexes compiled once."""

    default_timezone: dict[str, str]
    credit_labels: dict[str, str]
    missing_authors: frozenset[str]
    author_labels: frozenset[str]
    noise_lines: frozenset[str]
    noise_patterns: tuple[re.Pattern[str], ...]
    glued_tails: tuple[re.Pattern[str], ...]
    related_labels: tuple[str, ...]
    sites: dict[str, SiteRules] = field(default_factory=dict)
    # every lower-cased site alias, name and domain -> its domain
    aliases: dict[str, str] = field(default_factory=dict)

    def site(self, domain: str | None) -> SiteRules | None:
        return self.sites.get(domain) if domain else None

    def alias_map(self) -> dict[str, str]:
        return self.aliases


def _read(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath("tables", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def rules() -> GeneralRules:
    """The rule tables, read once per process."""
    general = _read("general.toml")
    sites = {
        domain: SiteRules(
            domain=domain,
            name=table.get("name"),
            aliases=tuple(table.get("aliases", ())),
            timezone=table.get("timezone"),
            signoff_site=table.get("signoff_site"),
            trailers=tuple(table.get("trailers", ())),
            ignore_authors=tuple(table.get("ignore_authors", ())),
        )
        for domain, table in _read("sites.toml").items()
    }
    noise = general["noise"]
    return GeneralRules(
        default_timezone=dict(general.get("default_timezone", {})),
        credit_labels={k.lower(): v for k, v in general["credit_labels"].items()},
        missing_authors=frozenset(v.lower() for v in general["authors"]["missing"]),
        author_labels=frozenset(v.lower() for v in general["authors"]["labels"]),
        noise_lines=frozenset(v.lower() for v in noise["lines"]),
        noise_patterns=tuple(re.compile(p, re.IGNORECASE) for p in noise["patterns"]),
        glued_tails=tuple(re.compile(p, re.IGNORECASE) for p in noise.get("glued_tails", ())),
        related_labels=tuple(general["related"]["labels"]),
        sites=sites,
        aliases=_alias_map(sites),
    )


def _alias_map(sites: dict[str, SiteRules]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for domain, site in sites.items():
        mapping[domain] = domain
        for alias in (*site.aliases, site.name or ""):
            if alias:
                mapping.setdefault(alias.lower(), domain)
    return mapping
