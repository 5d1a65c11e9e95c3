"""Per-class latency figures, agreement of totals, targets, and the printed table."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from measure import summary
from queries import CLASSES
from timing import Timed

COUNTS_P95_MS = 1000.0
BUILD_RATE, PEAK_RSS = 400.0, 1 << 30
PAGE_TARGET_CLASSES = ("1 word", "2-3 words", "phrase", "field", "word+date")
MB = 1e6
LARGE = 1_000_000  # from this many articles on, the first page has targets of its own


@dataclass(frozen=True, slots=True)
class PageTargets:
    """The first page's targets at one library size (issue 16): a p95 bound, and either a bound
    on the median or a bound on the median's ratio to FTS5's in the same run."""

    p95_ms: float
    median_ms: float | None = None  # at 1,000,000 articles
    fts5_ratio: float | None = None  # at 100,000: the median within this many times FTS5's
    classes: tuple[str, ...] = PAGE_TARGET_CLASSES

    def checks(self, cls: str, page: dict[str, Any], fts5_page: dict[str, Any]) -> dict[str, Any]:
        """Each target of this class's first page -> (the figure, whether it is met)."""
        if cls not in self.classes or not page["n"]:
            return {}
        found: dict[str, Any] = {}
        if self.median_ms is not None:
            found[f"{cls}: first page median <= {self.median_ms:.0f} ms"] = (
                page["median"],
                page["median"] <= self.median_ms,
            )
        if self.fts5_ratio is not None:
            ratio = _ratio(page["median"], fts5_page["median"])
            found[f"{cls}: first page median <= {self.fts5_ratio:.0f}x FTS5's"] = (
                ratio,
                ratio is not None and ratio <= self.fts5_ratio,
            )
        found[f"{cls}: first page p95 <= {self.p95_ms:.0f} ms"] = (
            page["p95"],
            page["p95"] <= self.p95_ms,
        )
        return found


def page_targets(articles: int) -> PageTargets:
    """The issue's first-page targets for a library of this many articles: at 1,000,000 (and
    over) a median and p95 in ms for every class, browse included; below it a p95 and the
    median within 5x of FTS5's."""
    if articles >= LARGE:
        return PageTargets(p95_ms=250.0, median_ms=60.0, classes=CLASSES)
    return PageTargets(p95_ms=150.0, fts5_ratio=5.0)


def class_figures(results: list[Timed]) -> dict[str, dict[str, Any]]:
    """Latency summaries (ms) and total agreement per query class."""
    figures: dict[str, dict[str, Any]] = {}
    for cls in CLASSES:
        rows = [r for r in results if r.query.cls == cls]
        ok = [r for r in rows if r.arsip_error is None]
        both = [r for r in ok if r.arsip_total is not None and r.fts5_total is not None]
        ratios = [r.arsip_total / r.fts5_total for r in both if r.fts5_total]  # type: ignore[operator]
        figures[cls] = {
            "queries": len(rows),
            "arsip_errors": len(rows) - len(ok),
            "arsip_page_ms": summary([r.arsip_page_s for r in ok if r.arsip_page_s is not None]),
            "arsip_counts_ms": summary(
                [r.arsip_counts_s for r in ok if r.arsip_counts_s is not None]
            ),
            "fts5_page_ms": summary([r.fts5_page_s for r in rows if r.fts5_page_s is not None]),
            "fts5_counts_ms": summary(
                [r.fts5_counts_s for r in rows if r.fts5_counts_s is not None]
            ),
            "totals": {
                "compared": len(both),
                "same": sum(1 for r in both if r.arsip_total == r.fts5_total),
                "arsip_more": sum(1 for r in both if r.arsip_total > r.fts5_total),  # type: ignore[operator]
                "arsip_fewer": sum(1 for r in both if r.arsip_total < r.fts5_total),  # type: ignore[operator]
                "arsip_zero": sum(1 for r in both if r.arsip_total == 0),
                "median_ratio": statistics.median(ratios) if ratios else None,
                "median_arsip_total": statistics.median([r.arsip_total for r in both])
                if both
                else None,
                "median_fts5_total": statistics.median([r.fts5_total for r in both])
                if both
                else None,
            },
        }
    return figures


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def targets(
    figures: dict[str, dict[str, Any]], build: dict[str, Any], articles: int
) -> dict[str, Any]:
    """Each target (the issue's, for a library of `articles`) with the measured figure and
    whether it is met."""
    checks: dict[str, Any] = {}
    wanted = page_targets(articles)
    for cls in CLASSES:
        page, counts = figures[cls]["arsip_page_ms"], figures[cls]["arsip_counts_ms"]
        checks.update(wanted.checks(cls, page, figures[cls]["fts5_page_ms"]))
        if counts["n"]:
            checks[f"{cls}: counts p95 <= 1 s"] = (counts["p95"], counts["p95"] <= COUNTS_P95_MS)
    reindex, imported = build.get("reindex") or {}, build.get("import") or {}
    if reindex.get("articles_per_second"):
        rate = reindex["articles_per_second"]
        checks["index build >= 400 articles/s"] = (rate, rate >= BUILD_RATE)
    for name, step in (("import", imported), ("reindex", reindex)):
        if step.get("peak_rss_bytes"):
            peak = max(step["peak_rss_bytes"], step.get("peak_tree_rss_bytes") or 0)
            checks[f"{name} peak RSS <= 1 GB"] = (peak, peak <= PEAK_RSS)
    return {name: {"value": value, "met": met} for name, (value, met) in checks.items()}


def _ms(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def _x(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}x"


def latency_table(figures: dict[str, dict[str, Any]], articles: int) -> list[str]:
    wanted = page_targets(articles)
    lines = [
        f"{'':<11}{'Arsip first page':>17}{'Arsip counts':>17}{'FTS5 page':>17}"
        f"{'FTS5 counts':>17}{'Arsip/FTS5 med.':>17}  target",
        f"{'class':<11}" + f"{'median':>9}{'p95':>8}" * 4 + f"{'page':>9}{'counts':>8}",
    ]
    for cls in CLASSES:
        f = figures[cls]
        cells = [f["arsip_page_ms"], f["arsip_counts_ms"], f["fts5_page_ms"], f["fts5_counts_ms"]]
        row = f"{cls:<11}" + "".join(f"{_ms(c['median']):>9}{_ms(c['p95']):>8}" for c in cells)
        row += f"{_x(_ratio(cells[0]['median'], cells[2]['median'])):>9}"
        row += f"{_x(_ratio(cells[1]['median'], cells[3]['median'])):>8}"
        lines.append(row + "  " + _verdict(cls, f, wanted))
    wanted_text = (
        f"median <= {wanted.median_ms:.0f} ms"
        if wanted.median_ms is not None
        else f"median <= {wanted.fts5_ratio:.0f}x FTS5's"
    )
    lines.append(
        f"targets at {articles:,} articles: first page {wanted_text} and p95 <= "
        f"{wanted.p95_ms:.0f} ms ({', '.join(wanted.classes)}); counts p95 <= "
        f"{COUNTS_P95_MS / 1000:.0f} s"
    )
    return lines


def _verdict(cls: str, f: dict[str, Any], wanted: PageTargets) -> str:
    page, counts = f["arsip_page_ms"], f["arsip_counts_ms"]
    if not page["n"]:
        return f"all {f['queries']} queries failed"
    parts = []
    checks = wanted.checks(cls, page, f["fts5_page_ms"])
    if checks:
        missed = [name.split(": ", 1)[1] for name, (_value, met) in checks.items() if not met]
        parts.append("page MISSED (" + "; ".join(missed) + ")" if missed else "page ok")
    parts.append("counts ok" if counts["n"] and counts["p95"] <= COUNTS_P95_MS else "counts MISSED")
    if f["arsip_errors"]:
        parts.append(f"{f['arsip_errors']} errors")
    return ", ".join(parts)


def totals_table(figures: dict[str, dict[str, Any]]) -> list[str]:
    lines = [
        f"{'totals':<11}{'same':>7}{'Arsip more':>12}{'fewer':>7}{'Arsip 0':>9}"
        f"{'median Arsip':>14}{'median FTS5':>13}"
    ]
    for cls in CLASSES:
        t = figures[cls]["totals"]
        n = t["compared"] or 1
        lines.append(
            f"{cls:<11}{t['same'] / n:>7.0%}{t['arsip_more'] / n:>12.0%}"
            f"{t['arsip_fewer'] / n:>7.0%}"
            f"{t['arsip_zero']:>9}{_ms(t['median_arsip_total']):>14}"
            f"{_ms(t['median_fts5_total']):>13}"
        )
    return lines


def build_lines(build: dict[str, Any]) -> list[str]:
    lines = []
    gen = build.get("generation") or {}
    if gen.get("seconds"):
        lines.append(f"generation  {gen['articles']:,} articles in {gen['seconds']:.1f} s")
    imp = build.get("import") or {}
    if imp.get("seconds"):
        lines.append(
            f"import      {imp['added']:,} added, {imp['duplicates']:,} duplicates, "
            f"{imp['failed']:,} failed in {imp['seconds']:,.0f} s (CPU {imp['cpu_seconds']:,.0f} s)"
            f" = {imp['articles_per_second']:,.0f} articles/s (incl. indexing); peak RSS "
            f"{imp['peak_rss_bytes'] / MB:,.0f} MB, process tree "
            f"{imp['peak_tree_rss_bytes'] / MB:,.0f} MB [<= 1 GB]; index "
            f"{imp['index_bytes'] / MB:,.0f} MB"
        )
    rei = build.get("reindex") or {}
    if rei.get("seconds"):
        lines.append(
            f"reindex     {rei['articles']:,} articles in {rei['seconds']:,.0f} s (CPU "
            f"{rei['cpu_seconds']:,.0f} s) = {rei['articles_per_second']:,.0f} articles/s "
            f"[>= 400]; peak RSS "
            f"{rei['peak_rss_bytes'] / MB:,.0f} MB, process tree "
            f"{rei['peak_tree_rss_bytes'] / MB:,.0f} MB [<= 1 GB]; index "
            f"{rei['index_bytes'] / MB:,.0f} MB on disk"
        )
    fts = build.get("fts5") or {}
    if fts.get("seconds"):
        lines.append(
            f"FTS5 build  {fts['articles']:,} articles in {fts['seconds']:,.1f} s = "
            f"{fts['articles_per_second']:,.0f} articles/s (reading the files, inserting, "
            f"optimize {fts['optimize_seconds']:.1f} s); {fts['bytes'] / MB:,.0f} MB on disk"
        )
    return lines


FOOTNOTE = (
    "FTS5: unicode61 remove_diacritics 2, no stemming, so a word finds only its own form while "
    "Arsip also finds its family (Arsip totals are larger for words). FTS5 counts are the total "
    "with site, language and year facets from one GROUP BY; Arsip's counts also give month, "
    "place, person and tag facets and the month histogram. A browse has no rank: FTS5 lists the "
    "newest. Where Arsip counts fewer: FTS5 lets a phrase run across a paragraph break and "
    'splits "Indonesia\'s" into two words, Arsip does neither. Times in ms; p95 nearest-rank.'
)


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _rank(value: int | None, depth: int) -> str:
    return f">{depth}" if value is None else str(value)


def relevance_table(summary: dict[str, dict[str, Any]], depth: int) -> list[str]:
    """Share of targets in the top 10 on each engine, the lead in points, the median ranks."""
    lines = [
        f"{'relevance':<16}{'queries':>8}{'Arsip top 10':>14}{'FTS5 top 10':>13}"
        f"{'Arsip lead':>12}{'median rank':>13}{'':>6}",
        f"{'':<16}{'':>8}{'':>14}{'':>13}{'':>12}{'Arsip':>13}{'FTS5':>6}",
    ]
    for name, g in summary.items():
        if not g["queries"]:
            continue
        lead = (
            f"{(g['arsip_top10'] - g['fts5_top10']) * 100:+.0f} pts"
            if g["arsip_top10"] is not None and g["fts5_top10"] is not None
            else "-"
        )
        lines.append(
            f"{name:<16}{g['queries']:>8}{_share(g['arsip_top10']):>14}"
            f"{_share(g['fts5_top10']):>13}{lead:>12}"
            f"{_rank(g['arsip_median_rank'], depth):>13}{_rank(g['fts5_median_rank'], depth):>6}"
            + (f"  {g['arsip_errors']} errors" if g["arsip_errors"] else "")
        )
    return lines


RELEVANCE_FOOTNOTE = (
    "Relevance: each query has one known target article, the only one its defining words pick "
    "out in the whole corpus (a title phrase; a byline person and a dateline place as field "
    "queries; title words with one in another form of the same stem, PySastrawi or Porter2). "
    "Same words on both engines, FTS5 ranked by bm25 with the title weighted as above; a target "
    "ranked below {depth} counts as not found."
)
