"""Page furniture that is not article text: ads, "scroll to continue", promo trailers."""

from __future__ import annotations

from archive_app.ingest.normalise.tables import SiteRules, rules
from archive_app.ingest.normalise.text import fold


def is_noise(line: str, site: SiteRules | None = None) -> bool:
    """True for a whole line of page furniture, by the general and the site's tables."""
    general = rules()
    folded = fold(line)
    lowered = folded.lower().rstrip(" .:")
    if lowered in general.noise_lines:
        return True
    if site is not None and any(folded.lower() == t.lower() for t in site.trailers):
        return True
    return any(p.match(folded) for p in general.noise_patterns)


def strip_glued_tail(paragraph: str) -> str:
    """Cut promo text a scraper glued onto the end of a paragraph."""
    for pattern in rules().glued_tails:
        paragraph = pattern.sub("", paragraph)
    return paragraph.rstrip()
