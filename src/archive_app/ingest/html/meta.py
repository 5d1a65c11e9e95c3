"""The page's <meta> tags and <link rel> targets, read once into lookups."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml.html import HtmlElement


@dataclass(slots=True)
class MetaTags:
    """Meta contents by lower-cased property/name/itemprop (every value, in page order),
    and link targets by rel."""

    values: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)

    def first(self, *names: str) -> str | None:
        """The first non-empty content among the names, in the order the names are given."""
        for name in names:
            for value in self.values.get(name, ()):
                if value.strip():
                    return value.strip()
        return None

    def all(self, *names: str) -> list[str]:
        """Every non-empty content among the names."""
        return [v.strip() for n in names for v in self.values.get(n, ()) if v.strip()]


def read_meta(tree: HtmlElement) -> MetaTags:
    """Collect every <meta> and <link rel> of the page (head and body: saved pages move them)."""
    tags = MetaTags()
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                tags.values.setdefault(key.strip().lower(), []).append(content)
    for link in tree.iter("link"):
        href = (link.get("href") or "").strip()
        for rel in (link.get("rel") or "").lower().split():
            if href and rel not in tags.links:
                tags.links[rel] = href
    return tags
