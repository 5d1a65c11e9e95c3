"""Generate a deterministic synthetic news corpus by recombining real material of ../shared/corpus.

    python benchmarks/generate.py --articles 100000 [--out bench-results/corpus-100000]

Article i depends only on the seed and i (each has its own random generator), so the output is
the same byte for byte on every run and a smaller corpus is a prefix of a larger one.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import random
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from corpus_pools import Language, Pools, load_pools
from formats import WIB, dateline, format_date, slug

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
SEED = 20240517
CHUNK = 10_000  # rows per file: the importer commits a file at a time
ENGLISH_SHARE = 0.10
FIRST_DAY = datetime(2015, 1, 1, tzinfo=WIB)
DAYS = (datetime(2025, 12, 31, tzinfo=WIB) - FIRST_DAY).days + 1


@dataclass(frozen=True, slots=True)
class Material:
    """One language's pools as lists, with cumulative weights for sites and places."""

    titles: list[str]
    sentences: list[str]
    people: list[str]
    sites: list[str]
    site_weights: list[float]
    places: list[str]
    place_weights: list[float]


def _material(lang: Language) -> Material:
    sites = list(lang.sites)
    # places by the square root of their real frequency: Jakarta still leads, but the facet
    # has a long tail instead of one place holding four articles in five
    places = list(lang.places)
    return Material(
        list(lang.titles),
        list(lang.sentences),
        list(lang.people),
        sites,
        list(itertools.accumulate(lang.sites[s] for s in sites)),
        places,
        list(itertools.accumulate(math.sqrt(lang.places[p]) for p in places)),
    )


def recombined_title(rng: random.Random, titles: list[str]) -> str:
    """A real title, half the time with one word swapped for a word of another real title."""
    title = rng.choice(titles)
    if rng.random() < 0.5:
        words = title.split(" ")
        slots = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 4]
        donors = [w for w in rng.choice(titles).split(" ") if w.isalpha() and len(w) >= 4]
        if slots and donors:
            words[rng.choice(slots)] = rng.choice(donors)
            title = " ".join(words)
    return title


def paragraphs(rng: random.Random, sentences: list[str]) -> list[str]:
    """Sentences grouped one to three to a paragraph."""
    grouped: list[str] = []
    start = 0
    while start < len(sentences):
        size = rng.randint(1, 3)
        grouped.append(" ".join(sentences[start : start + size]))
        start += size
    return grouped


def article(seed: int, number: int, pools: dict[str, Material]) -> dict[str, str]:
    """Article `number` (1-based) as a row with the column names Arsip's importer maps."""
    rng = random.Random(f"arsip-bench:{seed}:{number}")
    lang = "en" if rng.random() < ENGLISH_SHARE else "id"
    pool = pools[lang]
    title = recombined_title(rng, pool.titles)
    body = paragraphs(rng, rng.sample(pool.sentences, rng.randint(4, 14)))
    people = rng.sample(pool.people, rng.choice((1, 1, 2)))
    site = rng.choices(pool.sites, cum_weights=pool.site_weights)[0]
    place = rng.choices(pool.places, cum_weights=pool.place_weights)[0]
    moment = FIRST_DAY + timedelta(days=rng.randrange(DAYS), minutes=rng.randrange(24 * 60))
    body[0] = dateline(site, place, lang, moment) + body[0]
    row = {
        "judul": title,
        "isi_berita": "\n\n".join(body),
        "author": ", ".join(people),
        "tanggal_publikasi": format_date(moment, indonesian=lang == "id" and rng.random() < 0.5),
        "url": f"https://www.{site}/read/{number}/{slug(title)}",
        "sumber": site,
    }
    if lang == "en":
        row["language"] = "en"
    return row


def _write_chunk(path: Path, rows: list[dict[str, str]]) -> None:
    temporary = path.with_suffix(".tmp")
    with (
        temporary.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as stream,
    ):
        # mtime=0 and no file name in the gzip header: byte-identical output on every run
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
    temporary.replace(path)


def generate(articles: int, out: Path, corpus: Path, seed: int = SEED) -> float:
    """Write `articles` rows as part-0001.jsonl.gz … under `out`; returns the seconds taken."""
    started = time.perf_counter()
    raw_pools: Pools = load_pools(corpus)
    pools = {"id": _material(raw_pools.id), "en": _material(raw_pools.en)}
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("part-*.jsonl.gz"):
        stale.unlink()
    for part, first in enumerate(range(1, articles + 1, CHUNK), start=1):
        last = min(first + CHUNK, articles + 1)
        rows = [article(seed, number, pools) for number in range(first, last)]
        _write_chunk(out / f"part-{part:04d}.jsonl.gz", rows)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--out", type=Path, help="default: bench-results/corpus-<N>")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus} is not a folder (the shared corpus is needed)")
    out = args.out or REPO / "bench-results" / f"corpus-{args.articles}"
    seconds = generate(args.articles, out, args.corpus, args.seed)
    print(
        f"generated {args.articles:,} articles in {seconds:.1f} s "
        f"({args.articles / seconds:,.0f} articles/s) into {out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
