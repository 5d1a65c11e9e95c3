"""Split a photo caption from the credit written into it, in the ways newsrooms write them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive_app.domain.site_rules import rules
from archive_app.ingest.normalise.captions import find_caption, photographer_in
from archive_app.ingest.normalise.people import looks_like_name
from archive_app.ingest.normalise.text import fold

# Labels that open a credit ("Photo: …", "Foto: …", "(Image: …)", "Credit: …").
LABELS = (
    r"(?:Photo(?:graph)?s?|Foto(?:grafía|grafia|grafer)?|Images?(?:\s+credits?)?|Picture|"
    r"Pic|Credits?|Isithombe|"
    r"Crédit(?:\s+photo)?|Bild|Kredit|Sumber(?:\s+foto)?|Source|Photo\s+credit|"
    r"Image\s+credit|Illustration|Ilustrasi|Copyright|©)"
)
_LABEL_ONLY = re.compile(r"^\s*\(?\s*" + LABELS + r"\s*(?::|by\b|oleh\b)?\s*", re.IGNORECASE)
_BY_LABEL = re.compile(
    r"^\s*(?:(?:photo|photograph|picture|image|foto)s?\s+)?(?:by|oleh)\s+", re.IGNORECASE
)
# "… (Image: Getty)" / "… Photo: Reuters" / "… | Credit: AP" at the end of a caption.
_LABELLED_TAIL = re.compile(
    r"[\s|–—-]*\(\s*" + LABELS + r"\s*(?::|\bby\b)\s*(?P<paren>[^()]{2,100}?)\s*\)\s*\.?\s*$"
    r"|(?:^|[\s|–—-]+)" + LABELS + r"\s*(?::|\bby\b)\s*(?P<bare>[^:()]{2,100}?)\s*\)?\s*\.?\s*$",
    re.IGNORECASE,
)
# "… REUTERS/Name", "… AP Photo/Name, File", "… Name/AFP via Getty Images"
_WIRE_TAIL = re.compile(
    r"[\s(–—-]*(?P<credit>(?:REUTERS|Reuters|AP Photo|AP|AFP|EPA(?:-EFE)?|EFE|ANTARA FOTO|"
    r"ANTARA|Xinhua|XINHUA|dpa|Getty Images|Bloomberg|PA)\s*/\s*[^()/\n]{2,60}?)\s*\)?\s*\.?$"
)
# "… (C) Kyodo", "…（Ｃ）共同通信社", "… © Name": a copyright sign and its holder closing a caption.
_COPYRIGHT_TAIL = re.compile(r"\s*(?:©|\(c\)|（Ｃ）|（c）|\(C\))\s*(?P<credit>[^©()（）]{2,60})$")
# "… in La Soledat / Lorenzo Marina": a name after a slash closing the caption.
_SLASH_TAIL = re.compile(r"\s+/\s+(?P<credit>[A-Z][^/()]{2,60})$")
# A short parenthesis glued or spaced at the end: "Raja Ampat(Auriga Nusantara)", "… (AP)".
_PAREN_TAIL = re.compile(r"\s*\((?P<credit>[^()]{2,70})\)\s*\.?\s*$")
# What a trailing parenthesis says when it is not a credit.
_NOT_CREDIT = re.compile(
    r"^(?:l|r|c|left|right|center|centre|top|bottom|above|below|front|back|inset|file|"
    r"pictured|kiri|kanan|tengah|atas|bawah|ki-ka|ka-ki|ilustrasi|illustration|"
    r"from )\b|^\d|\b(?:to|ke|dan|and)\s+(?:right|left|kanan|kiri)\b",
    re.IGNORECASE,
)
_CREDIT_MAX_WORDS = 9
# A credit its label announces may be longer ("Photo: Frank van Beek / UN Photo / ICJ-CIJ.
# Courtesy of the ICJ").
_LABELLED_MAX_WORDS = 16
# Japanese papers: "…（潟沼義樹撮影）" (taken by) and "…＝ＡＰ" (an agency after an equals sign).
_JAPANESE_TAKEN = re.compile(r"[（(](?P<credit>[^（）()]{1,20}?)撮影[）)]\s*$")
_JAPANESE_AGENCY = re.compile(r"＝(?P<credit>[^＝、。\d０-９（）()]{1,12})\s*$")


@dataclass(frozen=True, slots=True)
class Split:
    """A caption without its credit, the credit, who took the photo, and the rule used."""

    caption: str | None
    credit: str | None
    photographer: str | None = None
    agency: str | None = None
    rule: str = "photo:caption"


def clean_credit(text: str | None) -> str | None:
    """A credit without its label, brackets and trailing punctuation ("(Foto: X)" -> "X")."""
    if not text:
        return None
    credit = fold(text).strip()
    for _ in range(2):
        if credit.startswith("(") and credit.endswith(")"):
            credit = credit[1:-1].strip()
        credit = _LABEL_ONLY.sub("", credit, count=1).strip()
        credit = _BY_LABEL.sub("", credit, count=1).strip()
    credit = credit.strip(" .,;:|–—-").strip()
    return credit or None


def _plausible_credit(credit: str, most: int = _CREDIT_MAX_WORDS) -> bool:
    """Short enough to be a credit, and not a question or an exclamation."""
    words = credit.split()
    return 0 < len(words) <= most and not credit.endswith(("?", "!"))


def _glued_paren(caption: str) -> tuple[str, str] | None:
    """A trailing parenthesis that names a source: capitalised, short, not a position."""
    match = _PAREN_TAIL.search(caption)
    if match is None or match.start() == 0:
        return None
    credit = fold(match["credit"])
    if _NOT_CREDIT.search(credit) or not _plausible_credit(credit):
        return None
    if not (credit[:1].isupper() or credit[:1] in "@©"):
        return None
    return caption[: match.start()].rstrip(), credit


def _not_a_person() -> frozenset[str]:
    """Words that mark a credit as an organisation or a source (the normaliser's table)."""
    return rules().captions.not_a_person


def people_in(credit: str | None) -> tuple[str | None, str | None]:
    """(photographer, agency) a credit names, when it names a person."""
    if not credit:
        return None, None
    photographer, agency = photographer_in(credit)
    if photographer is None and "/" not in credit and " via " not in credit:
        bare = re.sub(r"\s+for\s+.+$", "", credit)  # "Tara Atkinson for Rest of World"
        words = {w.lower() for w in re.findall(r"[\w']+", bare)}
        if looks_like_name(bare, min_words=2) and not words & _not_a_person():
            photographer = bare if not bare.isupper() else bare.title()
    return photographer, agency


def split_caption(text: str | None) -> Split:
    """Separate the credit written into a caption's text, when it carries one."""
    caption = fold(text or "")
    if not caption:
        return Split(None, None)
    found = _LABELLED_TAIL.search(caption)
    if found is not None:
        credit = clean_credit(found["paren"] or found["bare"])
        rest = caption[: found.start()].rstrip(" |–—-")
        if credit and _plausible_credit(credit, _LABELLED_MAX_WORDS):
            return _split(rest, credit, "photo:caption-label")
    if caption.endswith((")", ").")):
        glued = _glued_paren(caption)
        if glued is not None:
            wire = _WIRE_TAIL.search(glued[1])
            # a bare name in brackets may be a person or an organisation ("(Auriga
            # Nusantara)"): only an "AGENCY/Name" credit says who took the photo
            return _split(
                glued[0],
                wire["credit"] if wire else glued[1],
                "photo:caption-paren",
                people="/" in glued[1],
            )
    wire = _WIRE_TAIL.search(caption)
    if wire is not None and wire.start() > 0:
        return _split(caption[: wire.start()], wire["credit"], "photo:caption-wire")
    for pattern in (_COPYRIGHT_TAIL, _JAPANESE_TAKEN, _JAPANESE_AGENCY):
        japanese = pattern.search(caption)
        if japanese is not None and japanese.start() > 0:
            return _split(caption[: japanese.start()], japanese["credit"], "photo:caption-tail")
    slash = _SLASH_TAIL.search(caption)
    if slash is not None and len(slash["credit"].split()) <= 6 and slash.start() > 0:
        return _split(caption[: slash.start()], slash["credit"], "photo:caption-slash")
    general = find_caption(caption)
    if general is not None:
        return Split(
            general.caption,
            general.credit,
            general.photographer,
            general.agency,
            "photo:" + general.rule,
        )
    return Split(caption, None)


def _split(caption: str, credit: str, rule: str, people: bool = True) -> Split:
    """A Split with the credit cleaned and, when asked, the people it names."""
    credit = clean_credit(credit) or credit
    photographer, agency = people_in(credit) if people else (None, None)
    return Split(fold(caption).rstrip(" |–—-") or None, credit, photographer, agency, rule)
