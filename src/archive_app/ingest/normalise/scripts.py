"""Which writing system a text's letters are in, and the languages each system is written for."""

from __future__ import annotations

import re

LATIN = "Latin"
# Unicode blocks of the scripts that name a language (or a few) by themselves.
_BLOCKS: dict[str, str] = {
    "Han": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    "Kana": "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f",
    "Hangul": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
    "Thai": "\u0e00-\u0e7f",
    "Lao": "\u0e80-\u0eff",
    "Khmer": "\u1780-\u17ff",
    "Myanmar": "\u1000-\u109f",
    "Arabic": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    "Hebrew": "\u0590-\u05ff",
    "Cyrillic": "\u0400-\u052f",
    "Greek": "\u0370-\u03ff",
    "Armenian": "\u0530-\u058f",
    "Georgian": "\u10a0-\u10ff",
    "Devanagari": "\u0900-\u097f",
    "Bengali": "\u0980-\u09ff",
    "Tamil": "\u0b80-\u0bff",
    "Sinhala": "\u0d80-\u0dff",
}
# The languages written in each script, the most common first. Where there is one, the script
# decides; where there are several, the identifier chooses among them.
LANGUAGES: dict[str, tuple[str, ...]] = {
    "Han": ("zh",),
    "Kana": ("ja",),
    "Hangul": ("ko",),
    "Thai": ("th",),
    "Lao": ("lo",),
    "Khmer": ("km",),
    "Myanmar": ("my",),
    "Arabic": ("ar", "fa", "ur", "ps", "ug"),
    "Hebrew": ("he",),
    "Cyrillic": ("ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg"),
    "Greek": ("el",),
    "Armenian": ("hy",),
    "Georgian": ("ka",),
    "Devanagari": ("hi", "mr", "ne"),
    "Bengali": ("bn",),
    "Tamil": ("ta",),
    "Sinhala": ("si",),
}
# A language's script, for the languages written in another one than Latin.
SCRIPT_OF = {lang: script for script, langs in LANGUAGES.items() for lang in langs}
SCRIPT_OF["ja"] = "Han"  # Japanese mixes kanji and kana; see dominant_script

_ANY_OTHER = re.compile("[" + "".join(_BLOCKS.values()) + "]")
_EACH = {script: re.compile(f"[{block}]") for script, block in _BLOCKS.items()}
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
# Japanese writes kana between its kanji; a Chinese text has none (a tenth is far below the
# share of any Japanese sentence).
_KANA_SHARE = 0.1


def dominant_script(text: str) -> str | None:
    """The script most of `text`'s letters are in ("Latin", "Han", "Kana" for Japanese...);
    None when it has no letters of any of them."""
    if _ANY_OTHER.search(text) is None:  # nearly every text: one scan, no counting
        return LATIN if _LATIN_LETTER.search(text) else None
    counts = {script: len(pattern.findall(text)) for script, pattern in _EACH.items()}
    kana, han = counts.pop("Kana"), counts.pop("Han")
    counts["Kana" if kana > _KANA_SHARE * (kana + han) else "Han"] = kana + han
    counts[LATIN] = len(_LATIN_LETTER.findall(text))
    best = max(counts, key=lambda script: counts[script])
    return best if counts[best] else None


def script_of(language: str) -> str:
    """The script a language is written in (Latin unless listed)."""
    return SCRIPT_OF.get(language, LATIN)
