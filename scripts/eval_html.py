"""Score the saved-page reader: body text on the article-extraction benchmark, photo captions and
credits on fundus's expected output, and "is it an article?" on every corpus page.

    .venv/bin/python scripts/eval_html.py [--corpus DIR] [--output FILE] [--jobs N]

Body: the benchmark's own scoring (scrapinghub/article-extraction-benchmark evaluate.py): each
text is cut into \\w+ tokens, compared as bags of 4-token shingles; a page's TP/FP/FN are
normalised to sum to 1, precision and recall are averaged over pages, and F1 is the harmonic
mean of those two means. Scored twice: the reader's text (what the extractor and its cleaning
hand over) and the stored body (after the shared normaliser).

Photos: an expected image's caption is matched when a photo the reader found has the same
caption word for word (\\w+ tokens, case-folded; spacing and punctuation ignored). Its credit
(fundus "authors") is matched when the photo paired with it (same caption, else the same
picture by address) has a credit of exactly the same words as the expected authors together.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive_app.domain.errors import ReadError
from archive_app.ingest.extract import extract_file
from archive_app.ingest.html.images import same_picture

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
_TOKEN = re.compile(r"\w+", re.UNICODE)
TARGET_F1 = 0.965
TARGET_PHOTOS = 0.90


# --- the benchmark's scoring ------------------------------------------------------------------


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """4-token shingles with their counts, as the benchmark builds them."""
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def shingle_tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """TP, FP and FN over 4-token shingles, normalised so that every page weighs the same."""
    expected, found = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in expected.keys() | found.keys():
        tp += min(expected[key], found[key])
        fp += max(0, found[key] - expected[key])
        fn += max(0, expected[key] - found[key])
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    """The benchmark's per-page precision."""
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    """The benchmark's per-page recall."""
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def benchmark_metrics(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision and recall over pages, and F1 from the two means."""
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return {
        "f1": 2 * precision * recall / (precision + recall),
        "precision": precision,
        "recall": recall,
    }


# --- reading pages ----------------------------------------------------------------------------


@dataclass(slots=True)
class Read:
    """What the reader made of one page."""

    path: str
    failure: str | None = None
    text: str = ""
    body: str = ""
    photos: list[dict[str, Any]] | None = None
    seconds: float = 0.0


def read_page(path: Path) -> Read:
    """Read one page through the whole path (detect, read, normalise), timing it."""
    started = time.perf_counter()
    result = Read(str(path))
    try:
        extracted = extract_file(path.name, path.read_bytes(), path)
        items = list(extracted.items)
    except ReadError as error:
        result.failure = str(error)
        return result
    if not items or items[0].record is None:
        result.failure = items[0].failure if items else "nothing read"
    else:
        record = items[0].record
        result.body = "\n".join(record.body)
        result.photos = [
            {"caption": p.caption, "credit": p.credit, "url": p.source_url} for p in record.photos
        ]
    result.seconds = time.perf_counter() - started
    return result


def raw_text(path: Path) -> str:
    """The reader's own text for a page, before the normaliser."""
    from archive_app.ingest.detect import detect
    from archive_app.ingest.raw import RawArticle
    from archive_app.ingest.readers.html_page import read_html

    detected = detect(path.name, path.read_bytes())
    for item in read_html(detected.payload):
        return item.text if isinstance(item, RawArticle) else ""
    return ""


def _read_both(path: Path) -> tuple[Read, str]:
    """The stored record and the reader's own text of one page."""
    return read_page(path), raw_text(path)


# --- body ------------------------------------------------------------------------------------


def eval_benchmark(root: Path, pool: ProcessPoolExecutor) -> dict[str, Any]:
    """Body scores on the article-extraction benchmark."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)
    paths = [root / "html" / f"{key}.html.gz" for key in keys]
    started = time.perf_counter()
    results = list(pool.map(_read_both, paths, chunksize=4))
    elapsed = time.perf_counter() - started
    stored = [
        shingle_tp_fp_fn(truth[k].get("articleBody", ""), r.body)
        for k, (r, _) in zip(keys, results, strict=True)
    ]
    reader = [
        shingle_tp_fp_fn(truth[k].get("articleBody", ""), text)
        for k, (_, text) in zip(keys, results, strict=True)
    ]
    rejected = [Path(r.path).name for r, _ in results if r.failure]
    return {
        "pages": len(keys),
        "stored_body": benchmark_metrics(stored),
        "reader_text": benchmark_metrics(reader),
        "rejected": rejected,
        "seconds_per_page": statistics.mean(r.seconds for r, _ in results),
        "wall_seconds": elapsed,
    }


# --- photos ----------------------------------------------------------------------------------


def words(text: str | None) -> list[str]:
    """Case-folded \\w+ tokens: how captions and credits are compared."""
    return [t.casefold() for t in _TOKEN.findall(text or "")]


def fundus_pages(root: Path) -> Iterable[tuple[str, str, Path, dict[str, Any]]]:
    """(country, publisher, page, expected) for every fundus page: a publisher's pages in date
    order go with its expected entries in the file's order (V1, V1_1, V2 …)."""
    for expected_file in sorted(root.glob("*/*.json")):
        country, publisher = expected_file.parent.name, expected_file.stem
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        pages = sorted(expected_file.parent.glob(f"{publisher}_*.html.gz"))
        for page, entry in zip(pages, expected.values(), strict=True):
            yield country, publisher, page, entry


def _pair(image: dict[str, Any], photos: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The found photo an expected image goes with: same caption, else the same picture."""
    caption = words(image.get("caption"))
    if caption:
        for photo in photos:
            if words(photo["caption"]) == caption:
                return photo
    urls = [v.get("url") for v in image.get("versions") or []]
    for photo in photos:
        if any(same_picture(photo["url"], url) for url in urls):
            return photo
    return None


def match_images(expected: list[dict[str, Any]], photos: list[dict[str, Any]]) -> Counter[str]:
    """Expected captions and credits, and how many were matched."""
    counts: Counter[str] = Counter()
    for image in expected:
        paired = _pair(image, photos)
        if words(image.get("caption")):
            counts["captions"] += 1
            if paired is not None and words(paired["caption"]) == words(image["caption"]):
                counts["captions_matched"] += 1
        authors = [a for a in image.get("authors") or [] if a.strip()]
        if authors:
            counts["credits"] += 1
            if paired is not None and words(paired["credit"]) == words(" ".join(authors)):
                counts["credits_matched"] += 1
    return counts


def eval_fundus(root: Path, pool: ProcessPoolExecutor, verbose: bool) -> dict[str, Any]:
    """Caption and credit match rates on fundus, overall, by country and by publisher."""
    entries = list(fundus_pages(root))
    results = list(pool.map(read_page, [page for _, _, page, _ in entries], chunksize=2))
    by_country: dict[str, Counter[str]] = defaultdict(Counter)
    by_publisher: dict[str, Counter[str]] = defaultdict(Counter)
    rejected = []
    for (country, publisher, page, entry), result in zip(entries, results, strict=True):
        if result.failure:
            rejected.append(f"{page.name}: {result.failure}")
        counts = match_images(entry.get("images") or [], result.photos or [])
        by_country[country].update(counts)
        by_publisher[f"{country}/{publisher}"].update(counts)
        if verbose:
            _show_misses(page, entry.get("images") or [], result.photos or [])
    total: Counter[str] = sum(by_country.values(), Counter())
    return {
        "pages": len(entries),
        "rejected": rejected,
        "overall": _rates(total),
        "countries": {k: _rates(v) for k, v in sorted(by_country.items())},
        "publishers": {k: _rates(v) for k, v in sorted(by_publisher.items())},
    }


def _show_misses(page: Path, expected: list[dict[str, Any]], photos: list[dict[str, Any]]) -> None:
    """List unmatched expected photos and what was found instead, on stderr."""
    for image in expected:
        paired = _pair(image, photos)
        authors = " ".join(a for a in image.get("authors") or [] if a.strip())
        caption_ok = not words(image.get("caption")) or (
            paired is not None and words(paired["caption"]) == words(image["caption"])
        )
        credit_ok = not authors or (
            paired is not None and words(paired["credit"]) == words(authors)
        )
        if not (caption_ok and credit_ok):
            print(
                f"MISS {page.name}: want {image.get('caption')!r} / {authors!r}; got "
                f"{(paired or {}).get('caption')!r} / {(paired or {}).get('credit')!r}",
                file=sys.stderr,
            )
    if any(True for _ in expected):
        found = [(p["caption"], p["credit"]) for p in photos]
        print(f"     found in {page.name}: {found}", file=sys.stderr)


def _rates(counts: Counter[str]) -> dict[str, Any]:
    """Counts and rates of one group of pages."""

    def rate(part: str, whole: str) -> float | None:
        return counts[part] / counts[whole] if counts[whole] else None

    return {
        "captions": counts["captions"],
        "captions_matched": counts["captions_matched"],
        "caption_rate": rate("captions_matched", "captions"),
        "credits": counts["credits"],
        "credits_matched": counts["credits_matched"],
        "credit_rate": rate("credits_matched", "credits"),
    }


# --- articles and lists ----------------------------------------------------------------------


def eval_pages(folder: Path, pool: ProcessPoolExecutor) -> dict[str, Any]:
    """What became of each html_id page: imported, or the reason it was not."""
    paths = sorted(folder.glob("*.html"))
    results = list(pool.map(read_page, paths))
    return {Path(r.path).name: (r.failure or "imported") for r in results}


# --- printing --------------------------------------------------------------------------------


def _percent(value: float | None) -> str:
    """A rate as a percentage, or a dash."""
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def print_report(report: dict[str, Any]) -> None:
    """Print the figures as tables."""
    bench = report["benchmark"]
    print(
        "Article-extraction benchmark "
        f"({bench['pages']} pages, {bench['seconds_per_page'] * 1000:.0f} ms a page):"
    )
    for name in ("reader_text", "stored_body"):
        m = bench[name]
        print(
            f"  {name:<12} F1 {m['f1']:.4f}  precision {m['precision']:.4f}  "
            f"recall {m['recall']:.4f}   (target F1 >= {TARGET_F1})"
        )
    print(f"  wrongly rejected as not an article: {len(bench['rejected'])} {bench['rejected']}")
    fundus = report["fundus"]
    print(f"\nfundus captions and credits ({fundus['pages']} pages):")
    print(f"  {'':<28} {'captions':>16} {'credits':>16}")
    rows = [("overall", fundus["overall"])]
    rows += [(f"[{k}]", v) for k, v in fundus["countries"].items()]
    rows += [(f"  {k}", v) for k, v in fundus["publishers"].items()]
    for name, r in rows:
        print(
            f"  {name:<28} {r['captions_matched']:>4}/{r['captions']:<4} "
            f"{_percent(r['caption_rate'])} {r['credits_matched']:>4}/{r['credits']:<4} "
            f"{_percent(r['credit_rate'])}"
        )
    print(f"  wrongly rejected as not an article: {len(fundus['rejected'])} {fundus['rejected']}")
    print("\nhtml_id pages:")
    for name, outcome in report["html_id"].items():
        print(f"  {name}: {outcome}")


def main(argv: list[str] | None = None) -> int:
    """Run all three evaluations, print them and write them as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--output", type=Path, default=REPO / "bench-results" / "eval-html.json")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--misses", action="store_true", help="list unmatched photos on stderr")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"needs the shared corpus at {args.corpus}", file=sys.stderr)
        return 2
    truth = args.corpus / "html_truth"
    with ProcessPoolExecutor(args.jobs) as pool:
        report = {
            "benchmark": eval_benchmark(truth / "article-extraction-benchmark", pool),
            "fundus": eval_fundus(truth / "fundus", pool, args.misses),
            "html_id": eval_pages(args.corpus / "html_id", pool),
        }
    print_report(report)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwritten to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
