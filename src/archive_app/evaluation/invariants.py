"""Checks that need no gold: count catalogue records that break what any good record keeps.

Run over a library's JSON Lines export (`make check-corpus` imports all of ../shared/corpus):
control characters in a field, promo and navigation labels left in bodies, a date printed but
not read, a language that contradicts the text's script, one title shared by many pages of a
site, photos too small to be news photos. The counts go down as the rules improve.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

KINDS: dict[str, str] = {
    "control-characters": "a field holds a control character",
    "labels-in-body": "a promo or navigation label is left in the body",
    "date-not-read": "the source printed a date but none was read",
    "language-vs-script": "the language contradicts the script of the text",
    "shared-title": "one title is shared by many pages of a site",
    "tiny-photo": "a photo under 100 px is stored as a news photo",
}
# "many pages": this many articles of one site under one title
SHARED_TITLE_PAGES = 3
SMALL_PHOTO_PX = 100
EXAMPLES = 3

# every C0 and C1 control, tabs and line breaks included: a catalogue field is one line, and a
# body is a list of paragraphs
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# what is kept as the file or the librarian gave it: what a photo file says about itself
# (its embedded metadata), a note, history
_AS_GIVEN = re.compile(r"^(archive\.media|archive\.history|note|archive\.note)|\.embedded\.")
# labels a page or scraper leaves that are never the article's own words
_LABELS = re.compile(
    r"\bbaca juga\b|\blaporan wartawan\b|\bsimak (?:juga|selengkapnya|video|berita|breaking)|"
    r"\badvertisement\b|\bscroll to continue\b|\bbaca selengkapnya\b|"
    r"\bhalaman \d+ dari \d+\b|\bà lire aussi\b|\banzeige\b|\bsign up for (?:our|the) "
    r"newsletter\b|\bread more:",
    re.IGNORECASE,
)
# the scripts a language is written in (what unicodedata names a letter's script by)
_SCRIPTS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        (
            "id",
            "ms",
            "en",
            "de",
            "fr",
            "es",
            "pt",
            "it",
            "nl",
            "da",
            "no",
            "nb",
            "sv",
            "fi",
            "jv",
            "su",
            "tl",
            "vi",
            "tr",
            "pl",
        ),
        frozenset({"LATIN"}),
    ),
    "ja": frozenset({"CJK"}),
    "zh": frozenset({"CJK"}),
    "ko": frozenset({"HANGUL", "CJK"}),
    "th": frozenset({"THAI"}),
    "ar": frozenset({"ARABIC"}),
    "ru": frozenset({"CYRILLIC"}),
}


@dataclass(slots=True)
class Violations:
    """Per kind: how many records break it, and a few examples (id, what)."""

    records: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, example: str) -> None:
        self.counts[kind] += 1
        shown = self.examples.setdefault(kind, [])
        if len(shown) < EXAMPLES:
            shown.append(example)


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(inner, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for number, inner in enumerate(value):
            yield from _strings(inner, f"{path}[{number}]")


# Japanese kana count with the ideographs they are written beside
_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK"}


def dominant_script(text: str) -> str | None:
    """The script most letters of the text are written in (LATIN, CJK, THAI...), if any."""
    scripts: Counter[str] = Counter()
    for char in text[:4000]:
        if char.isalpha():
            name = unicodedata.name(char, "")
            script = name.split(" ", 1)[0] if name else "UNKNOWN"
            scripts[_FAMILY.get(script, script)] += 1
    if not scripts:
        return None
    script, count = scripts.most_common(1)[0]
    return script if count * 2 > sum(scripts.values()) else None


def _photo_size(library: Path | None, media_path: str | None) -> tuple[int, int] | None:
    if library is None or not media_path:
        return None
    try:
        with Image.open(library / media_path) as image:
            return image.size
    except (OSError, UnidentifiedImageError):
        return None


def check_records(records: Iterable[dict[str, Any]], library: Path | None = None) -> Violations:
    """Count the violations in export records (JSON Lines objects); `library` is the folder
    whose media/ holds the archived photos, to measure them."""
    found = Violations()
    titles: dict[tuple[str, str], list[int]] = {}
    for record in records:
        found.records += 1
        ident = f"article {record.get('id')}"
        bad = next(
            (
                (where, text)
                for where, text in _strings(record)
                if _CONTROL.search(text) and not _AS_GIVEN.search(where)
            ),
            None,
        )
        if bad is not None:
            where, text = bad
            found.add("control-characters", f"{ident} {where}: {text[:60]!r}")
        body = record.get("body") or []
        label = next((m for p in body for m in [_LABELS.search(p)] if m), None)
        if label is not None:
            found.add("labels-in-body", f"{ident}: {label.group(0)!r}")
        raw = (record.get("archive") or {}).get("record", {}).get("published_raw")
        if raw and not record.get("published") and not record.get("updated"):
            found.add("date-not-read", f"{ident}: {raw!r}")
        language = record.get("language")
        script = dominant_script(" ".join([record.get("title") or "", *body]))
        expected = _SCRIPTS.get(language or "")
        if expected is not None and script is not None and script not in expected:
            found.add("language-vs-script", f"{ident}: language {language}, text in {script}")
        if record.get("title") and record.get("site"):
            titles.setdefault((record["site"], record["title"]), []).append(int(record["id"]))
        for photo in record.get("photos") or []:
            size = _photo_size(library, photo.get("media_path"))
            if size is not None and min(size) < SMALL_PHOTO_PX:
                found.add(
                    "tiny-photo", f"{ident}: {photo.get('media_path')} is {size[0]} x {size[1]} px"
                )
    for (site, title), ids in sorted(titles.items()):
        if len(ids) >= SHARED_TITLE_PAGES:
            for article_id in ids:
                found.add(
                    "shared-title",
                    f"article {article_id}: {site} {title[:50]!r} ({len(ids)} pages)",
                )
    for kind in KINDS:
        found.counts.setdefault(kind, 0)
    return found
