"""Photo captions and credits in text ("… Foto: Dok. Honda", "ANTARA FOTO/…", "(Foto: …)")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from archive_app.domain.site_rules import rules
from archive_app.ingest.normalise.people import looks_like_name
from archive_app.ingest.normalise.text import fold, is_table_row

# The credit label as it opens a credit after a caption: capitalised, so that "sesi foto"
# inside a sentence is never taken for one.
_FOTO = r"(?:Foto|FOTO|Photo|PHOTO|Fotografer|FOTOGRAFER)"
_WORD = re.compile(r"[\w']+")
_DOMAIN_LIKE = re.compile(r"\w\.\w")
# Where a credit glued in front of its caption ends: "Dok. Jasa MargaRazia truk …",
# "KOMPAS.com/FERI ADITYOHarley-Davidson …"
# ("iQube", "iPhone": a lower-case letter opening a word is no word's end)
_GLUE = re.compile(r"(?<=[^\s/][a-z.)])(?=[A-Z][a-z]{2})|(?<=[A-Z]{2})(?=[A-Z][a-z]{2})")
_TRAILING_LABEL = re.compile(r"\s*\b(?:Foto|FOTO|Photo|PHOTO)\s*:?\s*$")
_NOT_IN_CREDIT = (":", "#", "@", "://", "(", '"', "“")
_CREDIT_WORDS_MAX = 8
_GLUED_CREDIT_WORDS_MAX = 6


@dataclass(frozen=True, slots=True)
class CaptionCredit:
    """A caption (None for a credit-only line), its credit, and who took the photo if named."""

    caption: str | None
    credit: str
    photographer: str | None
    agency: str | None
    rule: str


# Credits stand at the end of a caption line: the tail patterns are tried on the line's last
# characters only, which keeps long article paragraphs cheap to test.
_TAIL = 160


@dataclass(frozen=True, slots=True)
class _Rule:
    """One way of writing a credit: its id, its pattern, and whether it is sought in the tail
    (the caption is then what precedes the match) or matched against the whole line."""

    rule: str
    pattern: re.Pattern[str]
    tail: bool
    caption_required: bool = False


@cache
def _patterns() -> tuple[_Rule, ...]:
    table = rules().captions
    labels = "|".join(re.escape(x) for x in sorted(table.labels, key=len, reverse=True))
    agencies = "|".join(re.escape(x) for x in sorted(table.agencies, key=len, reverse=True))
    outlet = r"(?:" + agencies + r"|[A-Za-z][\w-]*\.(?:com|co\.id|id|net|co))"
    prefixes = "|".join(re.escape(x) for x in sorted(table.glued_prefixes, key=len, reverse=True))
    return (
        # detik repeats the caption after "Foto:": keep the first copy and its "(Name/outlet)"
        _Rule(
            "caption:paren-credit-repeated",
            re.compile(
                r"^(?P<caption>.+?)\s*\((?P<credit>[^()]{2,60}/[^()]{2,40})\)\.?\s*"
                + _FOTO
                + r"\s*:.*$"
            ),
            tail=False,
        ),
        _Rule(
            "caption:paren-label",
            re.compile(
                r"\s*\(\s*(?i:" + labels + r")\s*(?::|(?i:by))?\s*(?P<credit>[^()]{2,80}?)\s*\)"
                r"\s*\.?$"
            ),
            tail=True,
        ),
        # no colon after the slash: "Quelle: Reuters/oraise Stand: 16:34 Uhr" is a table's
        # source line, not a photo's credit
        _Rule(
            "caption:agency-slash",
            re.compile(
                r"[\s(–-]*(?P<credit>(?:" + agencies + r")\s*/\s*[^()\n:]{2,60}?)\s*\)?\s*\.?$"
            ),
            tail=True,
        ),
        _Rule(
            "caption:paren-credit-tail",
            re.compile(
                r"\s*\((?P<credit>(?:" + outlet + r")\s*/\s*[^()]{2,60}|"
                r"(?i:(?:" + prefixes + r"|tangkapan layar|screenshot)\b)[^()]{0,60})\)\.?$"
            ),
            tail=True,
            caption_required=True,
        ),
        # "… Foto: Dok. Honda"; without the colon only before a source word ("Foto dok
        # Kominfo"), as "Dalam Foto Ini …" is a sentence, not a credit
        _Rule(
            "caption:foto-suffix",
            re.compile(
                r"\s+" + _FOTO + r"(?:\s*:\s*|\s+(?=(?i:" + prefixes + r"|" + agencies + r")\b))"
                r"(?P<credit>\S[^:]{1,60}?)\s*\.?$"
            ),
            tail=True,
            caption_required=True,
        ),
        _Rule(
            "caption:label-only",
            re.compile(
                r"^\(?\s*(?:" + _FOTO + r"|(?i:" + labels + r"))\s*:\s*(?P<credit>\S.{1,80}?)\s*\)?"
                r"\s*\.?$"
            ),
            tail=False,
        ),
    )


def _worth_trying(rule: str, text: str, tail: str) -> bool:
    """Cheap tests that rule out a pattern before its regular expression runs."""
    if rule in ("caption:paren-label", "caption:paren-credit-tail"):
        return text.endswith((")", ")."))
    if rule == "caption:agency-slash":
        return "/" in tail
    if rule == "caption:foto-suffix":
        return any(label in tail for label in ("Foto", "FOTO", "Photo", "PHOTO"))
    if rule == "caption:paren-credit-repeated":
        return "/" in text and any(label in text for label in ("Foto", "FOTO", "Photo", "PHOTO"))
    return len(text) <= 120


def _match(rule: _Rule, text: str) -> tuple[str | None, str] | None:
    """(caption, credit) when the rule's pattern matches the line."""
    if not rule.tail:
        match = rule.pattern.match(text)
        return (match.groupdict().get("caption"), match["credit"]) if match else None
    offset = max(0, len(text) - _TAIL)
    match = rule.pattern.search(text, offset)
    if match is None:
        return None
    return text[: match.start()], match["credit"]


def _is_credit_word(word: str) -> bool:
    return word.lower() in rules().captions.not_a_person


def photographer_in(credit: str) -> tuple[str | None, str | None]:
    """(photographer, agency) named by a credit: "ANTARA FOTO/Aprillio Akbar" gives both,
    "Anggi Muliawati/detikcom" the photographer, "Dok. Honda" neither."""
    table = rules().captions
    parts = [fold(p) for p in credit.split("/") if p.strip()]
    agency = parts[0] if len(parts) > 1 and parts[0] in table.agencies else None
    for part in parts:
        if part in table.agencies:
            continue
        words = _WORD.findall(part)
        if any(_is_credit_word(w) for w in words) or _DOMAIN_LIKE.search(part):
            continue
        if looks_like_name(part, min_words=table.min_name_words):
            return part, agency
    return None, agency


@cache
def _outlet_slash() -> re.Pattern[str]:
    agencies = "|".join(
        re.escape(x) for x in sorted(rules().captions.agencies, key=len, reverse=True)
    )
    return re.compile(r"^(?:" + agencies + r"|[A-Za-z][\w-]*\.(?:com|co\.id|id|net|co))\s*/\s*\S")


def _credit_first(credit: str) -> bool:
    """Whether text glued in front of a caption reads as its credit: an outlet and a name
    ("KOMPAS.com/Gilang"), a source word ("Dok. Jasa Marga", "freepik"), or a short name
    written in capitals ("iQoo India")."""
    words = credit.split()
    if not 1 <= len(words) <= _GLUED_CREDIT_WORDS_MAX or any(m in credit for m in _NOT_IN_CREDIT):
        return False
    if _outlet_slash().match(credit):
        return True
    prefixes = rules().captions.glued_prefixes
    first = words[0].lower()
    if first in prefixes or first.rstrip(".") in prefixes:
        return True
    return (
        len(words) <= 3
        and "/" not in credit
        and all(w[:1].isupper() or any(c.isupper() for c in w[1:]) for w in words)
    )


def _glued_credit(text: str) -> CaptionCredit | None:
    """ "KOMPAS.com/Ruly KurniawanProduk terbaru …": a credit glued in front of its caption."""
    if not text or text.endswith((".", "!", "?", ":", '"', "”")) or len(text.split()) > 40:
        return None
    for match in _GLUE.finditer(text, 0, 90):
        credit, caption = text[: match.start()].strip(), text[match.start() :].strip()
        if len(caption.split()) < 2 or not _credit_first(credit):
            continue
        photographer, agency = photographer_in(credit) if "/" in credit else (None, None)
        return CaptionCredit(caption, credit, photographer, agency, "caption:credit-glued-before")
    return None


def find_caption(line: str) -> CaptionCredit | None:
    """The caption and credit a line carries, or None when it carries no photo credit."""
    text = line.strip()
    if len(text) > 900 or ("|" in text and is_table_row(text)):
        return None  # a table's cells ("Tschech.Rep. | CZK | …") are no caption and credit
    if _outlet_slash().match(text) and (glued := _glued_credit(text)) is not None:
        return glued
    tail = text[-_TAIL:]
    for rule in _patterns():
        if not _worth_trying(rule.rule, text, tail):
            continue
        found = _match(rule, text)
        if found is None:
            continue
        credit = fold(found[1]).rstrip(" .")
        if credit.startswith("(") and credit.endswith(")"):
            credit = credit[1:-1].strip()
        if len(credit.split(" ")) > _CREDIT_WORDS_MAX:
            continue
        caption = _TRAILING_LABEL.sub("", fold(found[0] or "")).rstrip(" -–") or None
        if rule.caption_required and caption is None:
            continue
        photographer, agency = photographer_in(credit)
        return CaptionCredit(caption, credit, photographer, agency, rule.rule)
    return _glued_credit(text)
