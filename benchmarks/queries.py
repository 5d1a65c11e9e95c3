"""Query sets drawn from the generated articles (so each has answers), in Arsip and FTS5 form."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from articles import Doc

CLASSES = ("1 word", "2-3 words", "phrase", "field", "word+date", "browse")
TEXT = "{title body}"  # Arsip's plain words search the title and the body (one combined field)
_WORD = re.compile(r"[^\W\d_]+")
# Function words of both languages (a superset of Arsip's own list): Arsip drops them beside
# real words and FTS5 does not, so queries built from them would not compare like with like.
_FUNCTION_WORDS = """
    yang dan di ke dari ini itu untuk dengan pada dalam adalah akan juga tidak ada oleh sebagai
    karena atau bisa telah sudah saat para lebih kata tersebut mereka kami kita ia dia saya anda
    namun tetapi hingga sejak agar bahwa jika maka seperti bagi antara secara yakni yaitu pun lagi
    masih baru belum harus dapat menjadi sangat hanya serta tak nya si sang setelah sebelum kepada
    terhadap tentang ujar katanya ini itu tahun hari satu dua tiga akan lalu kini pula bahkan
    a an and are as at be by for from has have he in is it its of on or that the this to was were
    will with not but they which been their said would there we you also than after mln dlrs pct
    """
STOPWORDS = frozenset(_FUNCTION_WORDS.split())


@dataclass(frozen=True, slots=True)
class BenchQuery:
    """One query: what a person types in Arsip and the same question put to FTS5."""

    cls: str
    kind: str
    arsip: str
    match: str | None  # the FTS5 MATCH expression; None for a metadata-only browse
    where: tuple[str, ...] = ()  # conditions on the metadata table `meta`
    params: tuple[object, ...] = ()


def content_words(text: str) -> list[str]:
    """Lower-cased alphabetic words of four letters or more that are not function words."""
    return [
        w for w in (m.lower() for m in _WORD.findall(text)) if len(w) >= 4 and w not in STOPWORDS
    ]


def _quoted(words: Sequence[str]) -> str:
    return '"' + " ".join(words) + '"'


def _words_match(words: Sequence[str]) -> str:
    return f"{TEXT} : (" + " ".join(_quoted([w]) for w in words) + ")"


def _field_value(value: str) -> str:
    return f'"{value}"' if " " in value else value


def _day(value: date) -> int:
    return value.year * 10000 + value.month * 100 + value.day


def _from_day(day: int) -> date:
    return date(day // 10000, day // 100 % 100, day % 100)


@dataclass(slots=True)
class _Context:
    rng: random.Random
    docs: list[Doc]
    common: list[str]
    medium: list[str]

    def doc(self) -> Doc:
        return self.rng.choice(self.docs)

    def title_word(self, doc: Doc) -> str | None:
        words = list(dict.fromkeys(content_words(doc.title)))
        return self.rng.choice(words) if words else None


def vocabulary(docs: Sequence[Doc]) -> tuple[list[str], list[str]]:
    """Common (in 1–15% of articles) and medium-frequency (0.05–0.5%) content words."""
    frequency: Counter[str] = Counter()
    for doc in docs:
        frequency.update(set(content_words(f"{doc.title} {doc.body}")))
    total = len(docs)
    ranked = sorted(frequency.items(), key=lambda item: (-item[1], item[0]))
    common = [w for w, n in ranked if 0.01 <= n / total <= 0.15]
    medium = [w for w, n in ranked if 0.0005 <= n / total <= 0.005 and n >= 3]
    return common, medium


def one_word(ctx: _Context, index: int) -> BenchQuery | None:
    kind, pool = ("common", ctx.common) if index % 2 == 0 else ("medium", ctx.medium)
    word = ctx.rng.choice(pool)
    return BenchQuery("1 word", kind, word, _words_match([word]))


def title_words(ctx: _Context, index: int) -> BenchQuery | None:
    words = list(dict.fromkeys(content_words(ctx.doc().title)))
    size = 2 + index % 2
    if len(words) < size:
        return None
    chosen = [words[i] for i in sorted(ctx.rng.sample(range(len(words)), size))]
    return BenchQuery("2-3 words", f"{size} words", " ".join(chosen), _words_match(chosen))


def phrase(ctx: _Context, index: int) -> BenchQuery | None:
    sentences = re.split(r"(?<=[.!?])\s+", ctx.doc().body)
    tokens = ctx.rng.choice(sentences).split()
    size = 2 + index % 2
    starts = [
        i
        for i in range(len(tokens) - size + 1)
        if all(_WORD.fullmatch(t) for t in tokens[i : i + size])
        and any(t.lower() not in STOPWORDS for t in tokens[i : i + size])
    ]
    if not starts:
        return None
    start = ctx.rng.choice(starts)
    words = [t.lower() for t in tokens[start : start + size]]
    return BenchQuery("phrase", f"{size} words", _quoted(words), f"{TEXT} : {_quoted(words)}")


def field(ctx: _Context, index: int) -> BenchQuery | None:
    doc = ctx.doc()
    kind = ("person", "site", "place", "title")[index % 4]
    if kind == "person":
        name = ctx.rng.choice(doc.people)
        return BenchQuery("field", kind, f'person:"{name}"', f"{{people}} : {_quoted([name])}")
    word = ctx.title_word(doc)
    if word is None:
        return None
    if kind == "site":
        return BenchQuery(
            "field",
            kind,
            f"site:{doc.site} {word}",
            _words_match([word]),
            ("meta.site = ?",),
            (doc.site,),
        )
    if kind == "place":
        return BenchQuery(
            "field",
            kind,
            f"place:{_field_value(doc.place)} {word}",
            f"{{place}} : {_quoted([doc.place])} AND {_words_match([word])}",
        )
    return BenchQuery("field", kind, f"title:{word}", f"{{title}} : {_quoted([word])}")


def word_date(ctx: _Context, index: int) -> BenchQuery | None:
    doc = ctx.doc()
    word = ctx.title_word(doc)
    if word is None:
        return None
    day = _from_day(doc.day)
    kind = ("year", "month", "range")[index % 3]
    if kind == "year":
        text, first, last = f"{day.year}", date(day.year, 1, 1), date(day.year, 12, 31)
    elif kind == "month":
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        text, first, last = f"{day:%Y-%m}", day.replace(day=1), following - timedelta(days=1)
    else:
        first = day - timedelta(days=ctx.rng.randint(0, 540))
        last = day + timedelta(days=ctx.rng.randint(0, 540))
        text = f"{first:%Y-%m-%d}..{last:%Y-%m-%d}"
    return BenchQuery(
        "word+date",
        kind,
        f"{word} date:{text}",
        _words_match([word]),
        ("meta.day BETWEEN ? AND ?",),
        (_day(first), _day(last)),
    )


_BROWSE_KINDS = ("site", "year", "lang", "month", "site+year", "site+month", "lang+month")


def browse(ctx: _Context, index: int) -> BenchQuery | None:
    doc = ctx.doc()
    kind = _BROWSE_KINDS[index % len(_BROWSE_KINDS)]
    day = _from_day(doc.day)
    parts: list[str] = []
    where: list[str] = []
    params: list[object] = []
    if "site" in kind:
        parts.append(f"site:{doc.site}")
        where.append("meta.site = ?")
        params.append(doc.site)
    if "lang" in kind:
        parts.append(f"lang:{doc.lang}")
        where.append("meta.lang = ?")
        params.append(doc.lang)
    if "year" in kind or "month" in kind:
        parts.append(f"date:{day.year}" if "year" in kind else f"date:{day:%Y-%m}")
        where.append("meta.day / 10000 = ?" if "year" in kind else "meta.day / 100 = ?")
        params.append(day.year if "year" in kind else day.year * 100 + day.month)
    return BenchQuery("browse", kind, " ".join(parts), None, tuple(where), tuple(params))


MAKERS: dict[str, Callable[[_Context, int], BenchQuery | None]] = {
    "1 word": one_word,
    "2-3 words": title_words,
    "phrase": phrase,
    "field": field,
    "word+date": word_date,
    "browse": browse,
}


def _one_class(ctx: _Context, cls: str, count: int) -> list[BenchQuery]:
    """`count` queries of a class, distinct where the class has that many."""
    made: list[BenchQuery] = []
    seen: set[str] = set()
    index = 0
    while len(made) < count:
        query = None
        for attempt in range(40):  # a small subtype (lang:, site:) runs out of new values:
            query = MAKERS[cls](ctx, index + attempt // 10)  # then try the next subtypes
            if query is not None and query.arsip not in seen:
                break
        index += 1
        if query is None:
            continue
        seen.add(query.arsip)
        made.append(query)
    return made


def make_queries(docs: Sequence[Doc], per_class: int, seed: int) -> dict[str, list[BenchQuery]]:
    """Deterministic query sets (the same docs and seed give the same queries)."""
    common, medium = vocabulary(docs)
    ctx = _Context(random.Random(f"arsip-bench-queries:{seed}"), list(docs), common, medium)
    return {cls: _one_class(ctx, cls, per_class) for cls in CLASSES}


def warmup_queries(docs: Sequence[Doc], seed: int) -> list[BenchQuery]:
    """A few queries of every class, drawn apart from the measured ones, to warm caches."""
    sets = make_queries(docs, 2, seed + 1)
    return [q for cls in CLASSES for q in sets[cls]]
