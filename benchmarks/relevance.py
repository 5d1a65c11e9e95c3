"""Relevance beside speed: queries whose target article is known, and the rank each engine gives it.

Three kinds, drawn (seeded) from the generated articles: a title phrase (3–4 consecutive words of
the target's title), a person and a place (its byline and dateline, as field queries), and a
word-form paraphrase (2–3 of its title words, one written in another form of the same stem as
PySastrawi or Porter2 stems it: "membangun" asked as "pembangunan", "elections" as "elected").
Each target is the only article its defining words pick out (checked in the FTS5 reference over
the whole corpus), so its rank is a fact, not a tie broken at random.
"""

from __future__ import annotations

import random
import re
import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import fts5_reference as fts5
from articles import Doc
from queries import STOPWORDS, content_words

KINDS = ("title phrase", "person+place", "word form")
TOP = 10  # the share found in the first ten results is the figure reported
DEPTH = 100  # ranks looked at; a target further down counts as not found
PAGE = 20  # Arsip is asked page by page, the first page exactly as the speed run asks it
WORD_FORM_ENGLISH = 3  # every third word-form query is English (the corpus is one tenth English)
_LETTERS = re.compile(r"[^\W\d_]+")
_NUMBER_IN_URL = re.compile(r"/read/(\d+)/")
# Indonesian clitics and particles: "anakku" or "penderitanya" is the same word, not another form
_CLITICS = frozenset(("nya", "ku", "mu", "lah", "kah", "pun", "tah"))

MatchCounter = Callable[[str], int]  # how many articles an FTS5 MATCH expression finds


@dataclass(frozen=True, slots=True)
class Target:
    """One query and the article it is meant to find."""

    kind: str
    lang: str
    number: int  # the target's position in the corpus: its FTS5 rowid
    arsip: str  # what a person types in Arsip
    match: str  # the same words as an FTS5 MATCH expression
    changed: str = ""  # a word form: "membangun -> pembangunan"


@dataclass(slots=True)
class Ranked:
    """Where each engine ranked a target (1-based; None: not within DEPTH)."""

    target: Target
    arsip_rank: int | None = None
    fts5_rank: int | None = None
    arsip_error: str | None = None

    def record(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(data.pop("target"))
        return data


def _quoted(text: str) -> str:
    return '"' + text + '"'


class WordForms:
    """Every word of the articles (used in two or more) grouped by its stem, per language."""

    def __init__(self, docs: Sequence[Doc]) -> None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
        from whoosh.lang.porter2 import stem as english_stem

        indonesian = StemmerFactory().create_stemmer().delegatedStemmer
        stemmers: dict[str, Callable[[str], str]] = {
            "id": lambda word: str(indonesian.stem(word)) or word,
            "en": lambda word: str(english_stem(word)),
        }
        used: dict[str, Counter[str]] = defaultdict(Counter)
        for doc in docs:
            used[doc.lang].update(set(content_words(f"{doc.title} {doc.body}")))
        self.stem_of: dict[str, dict[str, str]] = {}
        self.family: dict[str, dict[str, list[str]]] = {}
        for lang, counts in used.items():
            stem = stemmers.get(lang, stemmers["id"])
            self.stem_of[lang] = {w: stem(w) for w, n in sorted(counts.items()) if n >= 2}
            families: dict[str, list[str]] = defaultdict(list)
            for word, stemmed in self.stem_of[lang].items():
                families[stemmed].append(word)
            self.family[lang] = dict(families)

    def others(self, lang: str, word: str, avoid: set[str]) -> list[str]:
        """Other forms of `word`'s stem found in the articles, none of them in `avoid` nor the
        same word with a clitic put on or taken off."""
        stemmed = self.stem_of.get(lang, {}).get(word)
        if stemmed is None:
            return []
        return [
            w
            for w in self.family[lang][stemmed]
            if w != word and w not in avoid and not (lang == "id" and _clitic_apart(w, word))
        ]


def _bare(word: str) -> str:
    for clitic in _CLITICS:
        if word.endswith(clitic) and len(word) - len(clitic) >= 3:
            return word[: -len(clitic)]
    return word


def _clitic_apart(one: str, other: str) -> bool:
    """Whether two words differ only by clitics at the end ("anak", "anakku", "anaknya")."""
    short, long = sorted((one, other), key=len)
    return (long.startswith(short) and long[len(short) :] in _CLITICS) or _bare(one) == _bare(other)


# Each maker returns the query and the FTS5 expression that must pick out the target alone.
Made = tuple[Target, str] | None


def title_phrase(doc: Doc, rng: random.Random, _forms: WordForms) -> Made:
    tokens = doc.title.split()
    size = rng.choice((3, 4))
    starts = [
        i
        for i in range(len(tokens) - size + 1)
        if all(_LETTERS.fullmatch(t) for t in tokens[i : i + size])
        and tokens[i].lower() not in STOPWORDS
        and tokens[i + size - 1].lower() not in STOPWORDS
    ]
    if not starts:
        return None
    start = rng.choice(starts)
    phrase = _quoted(" ".join(t.lower() for t in tokens[start : start + size]))
    target = Target("title phrase", doc.lang, doc.number, phrase, f"{{title body}} : {phrase}")
    return target, f"{{title}} : {phrase}"


def person_place(doc: Doc, rng: random.Random, _forms: WordForms) -> Made:
    name = rng.choice(doc.people)
    if not name or not doc.place or '"' in name + doc.place:
        return None
    place = _quoted(doc.place) if " " in doc.place else doc.place
    match = f"{{people}} : {_quoted(name)} AND {{place}} : {_quoted(doc.place)}"
    return Target(
        "person+place", doc.lang, doc.number, f"person:{_quoted(name)} place:{place}", match
    ), match


def word_form(doc: Doc, rng: random.Random, forms: WordForms) -> Made:
    words = list(dict.fromkeys(content_words(doc.title)))
    in_title = {w.lower() for w in _LETTERS.findall(doc.title)}
    changeable = [w for w in words if forms.others(doc.lang, w, in_title)]
    if len(words) < 2 or not changeable:
        return None
    changed = rng.choice(changeable)
    size = min(len(words), rng.choice((2, 3)))
    kept = set(rng.sample([w for w in words if w != changed], size - 1))
    chosen = [w for w in words if w == changed or w in kept]  # in the title's order
    other = rng.choice(forms.others(doc.lang, changed, in_title))
    asked = [other if w == changed else w for w in chosen]
    target = Target(
        "word form",
        doc.lang,
        doc.number,
        " ".join(asked),
        "{title body} : (" + " ".join(_quoted(w) for w in asked) + ")",
        f"{changed} -> {other}",
    )
    return target, "{title} : (" + " ".join(_quoted(w) for w in chosen) + ")"


MAKERS: dict[str, Callable[[Doc, random.Random, WordForms], Made]] = {
    "title phrase": title_phrase,
    "person+place": person_place,
    "word form": word_form,
}


def fts5_counter(connection: sqlite3.Connection) -> MatchCounter:
    """Counts matches in the FTS5 reference, which holds the whole corpus."""

    def count(match: str) -> int:
        row = connection.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (match,))
        return int(row.fetchone()[0])

    return count


def make_targets(
    docs: Sequence[Doc], total: int, seed: int, count_matches: MatchCounter
) -> list[Target]:
    """`total` targets split evenly over the kinds; the same docs and seed give the same ones."""
    rng = random.Random(f"arsip-bench-relevance:{seed}")
    forms = WordForms(docs)
    by_lang: dict[str, list[Doc]] = defaultdict(list)
    for doc in docs:
        by_lang[doc.lang].append(doc)
    made: list[Target] = []
    for position, kind in enumerate(KINDS):
        quota = total // len(KINDS) + (position < total % len(KINDS))
        found: list[Target] = []
        seen: set[tuple[int, str]] = set()
        for _attempt in range(quota * 100):
            if len(found) == quota:
                break
            pool: Sequence[Doc] = docs
            if kind == "word form":  # a fixed share of English, the rest Indonesian
                lang = "en" if len(found) % WORD_FORM_ENGLISH == 2 else "id"
                pool = by_lang[lang] or docs
            made_one = MAKERS[kind](rng.choice(pool), rng, forms)
            if made_one is None:
                continue
            target, defining = made_one
            if (target.number, target.arsip) in seen or count_matches(defining) != 1:
                continue
            seen.add((target.number, target.arsip))
            found.append(target)
        made.extend(found)
    return made


def rank_of(ids: Sequence[int], wanted: int) -> int | None:
    """1-based position of `wanted` in `ids`, None when absent."""
    try:
        return ids.index(wanted) + 1
    except ValueError:
        return None


def fts5_rank(connection: sqlite3.Connection, target: Target, depth: int = DEPTH) -> int | None:
    """The target's rank under FTS5's bm25 (title weighted as on the speed run's first page)."""
    rows = connection.execute(
        f"SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY {fts5.RANK} LIMIT ?",
        (target.match, depth),
    )
    return rank_of([row[0] for row in rows], target.number)


def arsip_rank(archive: Any, query: str, article_id: int, depth: int = DEPTH) -> int | None:
    """The article's rank in Arsip's relevance order, asked page by page through the facade's
    search: the first page exactly as the speed run asks it, later pages only if needed."""
    for offset in range(0, depth, PAGE):
        page = archive.search(query, limit=PAGE, offset=offset)
        ids = [hit.id for hit in page.hits]
        found = rank_of(ids, article_id)
        if found is not None:
            return offset + found
        if len(ids) < PAGE:
            return None
    return None


def article_ids(archive: Any, numbers: Sequence[int]) -> dict[int, int]:
    """Corpus position -> Arsip's article id, read from the URLs the generator wrote. An import
    of the corpus in order gives id == position; that is checked, and any article otherwise
    found by a walk over the whole catalogue."""

    def positions(ids: Sequence[int]) -> dict[int, int]:
        found: dict[int, int] = {}
        for detail in archive.articles(list(ids)):
            match = _NUMBER_IN_URL.search(detail.record.url or "")
            if match:
                found[int(match.group(1))] = detail.id
        return found

    found = {n: i for n, i in positions(numbers).items() if n == i}
    missing = set(numbers) - set(found)
    if missing:
        every = archive.article_ids()
        for start in range(0, len(every), 1000):
            chunk = positions(every[start : start + 1000])
            found.update({n: i for n, i in chunk.items() if n in missing})
    return found


def rank_all(
    archive: Any, connection: sqlite3.Connection, targets: Sequence[Target]
) -> list[Ranked]:
    ids = article_ids(archive, sorted({t.number for t in targets}))
    results: list[Ranked] = []
    for target in targets:
        ranked = Ranked(target, fts5_rank=fts5_rank(connection, target))
        try:
            ranked.arsip_rank = arsip_rank(archive, target.arsip, ids[target.number])
        except Exception as error:  # a failing query is a finding to report
            ranked.arsip_error = f"{type(error).__name__}: {error}"
        results.append(ranked)
    return results


def _median_rank(ranks: list[int | None]) -> int | None:
    """The median rank, a target not found counting as below every found one (None then)."""
    if not ranks:
        return None
    middle = statistics.median_low([r if r is not None else DEPTH + 1 for r in ranks])
    return None if middle > DEPTH else middle


def _group(rows: list[Ranked]) -> dict[str, Any]:
    n = len(rows)
    arsip = [r.arsip_rank for r in rows]
    fts = [r.fts5_rank for r in rows]

    def share(ranks: list[int | None]) -> float | None:
        return sum(1 for r in ranks if r is not None and r <= TOP) / n if n else None

    return {
        "queries": n,
        "arsip_top10": share(arsip),
        "fts5_top10": share(fts),
        "arsip_found": sum(1 for r in arsip if r is not None) / n if n else None,
        "fts5_found": sum(1 for r in fts if r is not None) / n if n else None,
        "arsip_median_rank": _median_rank(arsip),
        "fts5_median_rank": _median_rank(fts),
        "arsip_errors": sum(1 for r in rows if r.arsip_error),
    }


def summarise(results: Sequence[Ranked]) -> dict[str, dict[str, Any]]:
    """Figures per kind, the word forms per language too, and over all queries."""
    groups: dict[str, list[Ranked]] = {kind: [] for kind in KINDS}
    for lang in ("id", "en"):
        groups[f"word form ({lang})"] = []
    for ranked in results:
        groups[ranked.target.kind].append(ranked)
        if ranked.target.kind == "word form":
            groups.setdefault(f"word form ({ranked.target.lang})", []).append(ranked)
    groups["all"] = list(results)
    return {name: _group(rows) for name, rows in groups.items()}
