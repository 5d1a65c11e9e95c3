"""Real titles, sentences, people, places and sites read from ../shared/corpus for the generator."""

from __future__ import annotations

import csv
import gzip
import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from formats import title_case

# Lines that are page furniture, not prose ("Baca Juga", ads, video prompts).
_NOISE = re.compile(
    r"^(?:baca juga|advertisement|scroll to continue|lihat juga|simak|saksikan|"
    r"ikuti|tonton|video|foto:|sumber:|editor:|penulis:|reporter:|klik|"
    r"disclaimer|download|unduh|pastikan kamu sudah|shutterstock|"
    r"artikel ini)",
    re.IGNORECASE,
)
# Fixed-width lookbehinds: a sentence ends at . ! ? (optionally closing a quote) before a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“]?[A-Z])|(?<=[.!?][\"”])\s+(?=[A-Z])")
_SIGN_OFF = re.compile(r"\s*\([a-z]{2,6}(?:/[a-z]{2,6})+\)\s*$")
_BRANDS = re.compile(
    r"\.com|\.co\b|KOMPAS|REPUBLIKA|TEMPO|Liputan6|detik|http|www\.|@|\(credit", re.IGNORECASE
)
# Datelines that name a place, as the real sites write them.
_PLACE_DATELINES = (
    re.compile(r"^Liputan6\.com, (?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) ?-"),
    re.compile(r"^TEMPO\.CO, ?(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) ?-"),
    re.compile(r"^REPUBLIKA\.CO\.ID, (?P<place>[A-Z]+(?: [A-Z]+){0,2}) ?-"),
    re.compile(r"^(?P<place>[A-Z]{3,}(?: [A-Z]{2,}){0,2}), KOMPAS\.com ?-"),
    re.compile(r"^(?P<place>[A-Z]{3,}(?: [A-Z]{2,}){0,2}) ?[-–]"),
    re.compile(r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) - "),
)
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z'’.-]*|bin|binti|al|van|de)$")
_DESK = re.compile(r"\s+-\s*\S+$")  # "Rangga Rahadiansyah -detikOto": the desk, not the name
_REUTERS_STORY = re.compile(r"<REUTERS.*?</REUTERS>", re.DOTALL)


@dataclass(slots=True)
class Language:
    """The material of one language: distinct items (in first-seen order) and their counts."""

    titles: dict[str, None] = field(default_factory=dict)
    sentences: dict[str, None] = field(default_factory=dict)
    people: dict[str, None] = field(default_factory=dict)
    places: Counter[str] = field(default_factory=Counter)
    sites: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True)
class Pools:
    """Indonesian and English material."""

    id: Language
    en: Language


def registrable(host: str) -> str:
    """ "hot.detik.com" -> "detik.com", "news.republika.co.id" -> "republika.co.id"."""
    labels = host.lower().removeprefix("www.").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in {"co", "or", "ac", "go"} else 2
    return ".".join(labels[-keep:])


def _balanced(sentence: str) -> bool:
    """Quotes opened and closed in the sentence itself (not a half of a quoted speech)."""
    return sentence.count('"') % 2 == 0 and sentence.count("“") == sentence.count("”")


def sentences_of(text: str) -> Iterator[str]:
    """Clean prose sentences of a paragraph; furniture, links and fragments are dropped."""
    for sentence in _SENTENCE_END.split(_SIGN_OFF.sub("", text.strip())):
        sentence = " ".join(sentence.split())
        if not 40 <= len(sentence) <= 350 or len(sentence.split()) < 6:
            continue
        if _NOISE.match(sentence) or _BRANDS.search(sentence) or not _balanced(sentence):
            continue
        if sentence[-1] in ".!?" and (sentence[0].isupper() or sentence[0] == "“"):
            yield sentence


def split_place(body: str) -> tuple[str | None, str]:
    """The place a real dateline names and the body after it
    ("Liputan6.com, Banyuwangi - Di umur…" -> "Banyuwangi", "Di umur…")."""
    for pattern in _PLACE_DATELINES:
        match = pattern.match(body)
        if match:
            return title_case(match.group("place")), body[match.end() :].lstrip(" -–")
    return None, body


def people_of(value: str) -> Iterator[str]:
    """Person names in an author column: desks, teams and outlets are left out."""
    for part in re.split(r"\s*(?:,|;|\n|\s&\s|\sdan\s)\s*", value or ""):
        name = " ".join(_DESK.sub("", part.strip()).split())
        if name.isupper():
            name = title_case(name)
        words = name.split(" ")
        if (
            2 <= len(words) <= 5
            and all(_NAME_WORD.match(w) for w in words)
            and (words[0] not in {"Tim", "Redaksi", "Admin", "Tidak"})
        ):  # "Tidak Ditemukan"
            yield name


def _add_article(
    lang: Language, title: str, paragraphs: Iterable[str], author: str, site: str
) -> None:
    title = " ".join(title.split())
    if len(title.split()) >= 3 and '"' not in title:
        lang.titles[title] = None
    for paragraph in paragraphs:
        for sentence in sentences_of(paragraph):
            lang.sentences[sentence] = None
    for name in people_of(author):
        lang.people[name] = None
    lang.sites[site] += 1


def read_id_json(folder: Path, lang: Language) -> None:
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            for line in stream:
                row = json.loads(line)
                place, body = split_place(row.get("isi_berita") or "")
                if place:
                    lang.places[place] += 1
                _add_article(
                    lang,
                    row.get("judul") or "",
                    body.split("\n"),
                    row.get("author") or "",
                    registrable(row.get("sumber") or ""),
                )


def read_id_csv(folder: Path, lang: Language) -> None:
    csv.field_size_limit(1 << 30)
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                # scrapers broke these bodies around every link: rejoin the lines into prose
                place, body = split_place(" ".join((row.get("content") or "").split()))
                if place:
                    lang.places[place] += 1
                _add_article(
                    lang,
                    row.get("title") or "",
                    [body],
                    row.get("author") or "",
                    registrable(row.get("source") or ""),
                )


def _tag(story: str, name: str) -> str:
    match = re.search(rf"<{name}>(.*?)</{name}>", story, re.DOTALL)
    return html.unescape(re.sub(r"&#\d+;", "", match.group(1))) if match else ""


def read_reuters(folder: Path, lang: Language) -> None:
    for path in sorted(folder.glob("*.sgm")):
        text = path.read_text(encoding="latin-1")
        for story in _REUTERS_STORY.findall(text):
            body = re.sub(r"\s*Reuters?\s*$", "", _tag(story, "BODY").strip())
            dateline = _tag(story, "DATELINE").strip()
            place = re.match(r"([A-Z][A-Z .'-]+?),", dateline)
            if place:
                lang.places[title_case(place.group(1))] += 1
            author = re.sub(r"(?i)^\s*by\s+|,\s*Reuters?\s*$", "", _tag(story, "AUTHOR").strip())
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s{3,}", body)]
            _add_article(lang, _tag(story, "TITLE"), paragraphs, author, "reuters.com")


def load_pools(corpus: Path) -> Pools:
    """Everything the generator recombines, in a fixed order (files sorted, no sets)."""
    pools = Pools(Language(), Language())
    read_id_json(corpus / "id_json", pools.id)
    read_id_csv(corpus / "id_csv", pools.id)
    read_reuters(corpus / "en_text" / "reuters21578", pools.en)
    for lang in (pools.id, pools.en):
        for place in [p for p in lang.places if "," in p or " - " in p]:
            del lang.places[place]
    return pools
