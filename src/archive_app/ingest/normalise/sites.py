"""Name the publication: its registrable domain from a URL, a site column or a dateline."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise
from urllib.parse import urlsplit

import tldextract

from archive_app.domain.site_rules import rules


@cache
def _extractor() -> tldextract.TLDExtract:
    # The public-suffix snapshot bundled with tldextract: no network, no cache files.
    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=())


# an import meets the same few hosts on every row: the suffix-list walk is done once a host
@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str | None:
    """ "news.republika.co.id" -> "republika.co.id"; None when it is not a domain."""
    host = host.strip().lower().rstrip(".")
    if not host or " " in host:
        return None
    parts = _extractor()(host)
    if not parts.suffix or not parts.domain:
        return None
    return f"{parts.domain}.{parts.suffix}"


def domain_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url.strip()).hostname
    return registrable_domain(host) if host else None


def domain_from_name(name: str | None) -> str | None:
    """A site column or dateline name ("Liputan6.com", "KOMPAS.com", "detikcom") as a domain."""
    if not name:
        return None
    name = name.strip()
    known = rules().alias_map().get(name.lower())
    if known:
        return known
    if "." in name:
        host = urlsplit(name).hostname if "//" in name else name.split("/")[0]
        return registrable_domain(host or "")
    return None


_NAME_PARTS = re.compile(r"[^0-9a-z]+")
# Extensions a table file's name may end with: "detik.csv", "kompas.jsonl.gz".
_EXTENSIONS = {"csv", "tsv", "txt", "json", "jsonl", "ndjson", "gz", "zip", "xlsx"}


@cache
def _site_labels() -> dict[str, str]:
    """Every site's lower-cased names, aliases and bare domain label ("merdeka") -> domain."""
    labels = dict(rules().alias_map())
    for domain in rules().sites:
        labels.setdefault(domain.split(".")[0], domain)
    return labels


def domain_from_file_name(name: str | None) -> str | None:
    """The site a table file is named after ("detik.csv", "berita_kompas.jsonl",
    "cnn_indonesia.csv"); None when the name names no known site, or more than one."""
    if not name:
        return None
    words = [w for w in _NAME_PARTS.split(name.rsplit("/", 1)[-1].lower()) if w]
    while words and words[-1] in _EXTENSIONS:
        words.pop()
    labels = _site_labels()
    candidates = {*words, "".join(words), " ".join(words)}
    # two words joined, both ways: "cnn_indonesia" may name "cnnindonesia" or "cnn indonesia"
    for first, second in pairwise(words):
        candidates.update((first + second, f"{first} {second}"))
    found = {labels[c] for c in candidates if c in labels}
    return found.pop() if len(found) == 1 else None


@cache
def _suffix_pattern(domain: str) -> re.Pattern[str]:
    """ " - Kompas.com", " | Republika Online": the site's names as a title suffix."""
    site = rules().site(domain)
    names = {domain, domain.split(".")[0]}
    if site is not None:
        names.update(a for a in (*site.aliases, site.name or "") if a)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"\s+[-|–—:]\s+(?:" + alternatives + r")\s*$", re.IGNORECASE)


def strip_site_suffix(title: str, domain: str | None) -> tuple[str, bool]:
    """Remove a " - Kompas.com" / " | Republika Online" suffix naming the site, and the page
    furniture a scraped title carries after the headline (" Halaman all")."""
    stripped = _suffix_pattern(domain).sub("", title) if domain else title
    for pattern in rules().title_suffixes:
        stripped = pattern.sub("", stripped)
    stripped = stripped.strip()
    if stripped != title and stripped:
        return stripped, True
    return title, False
