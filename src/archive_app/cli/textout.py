"""How the CLI prints reports, search results, records and progress for a person at a terminal."""

from __future__ import annotations

import argparse
import dataclasses
import html
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any, TextIO

from archive_app.domain.model import ArticleDetail, ImportReport, SearchCounts, SearchPage
from archive_app.domain.progress import Progress

_HIT = re.compile(r"<b[^>]*>(.*?)</b>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def plain_snippet(snippet: str, terminal: bool) -> str:
    """An HTML snippet for the terminal: hits in bold on a terminal, *starred* elsewhere."""
    marked = _HIT.sub(r"\x1b[1m\1\x1b[0m" if terminal else r"*\1*", snippet)
    return html.unescape(_TAG.sub("", marked)).replace("\n", " ")


# files given a line of their own in the report (a folder of a million page dumps gets the
# first ones and a count of the rest; the report file lists every article)
PER_FILE_LINES = 10_000


def print_report(report: ImportReport, out: TextIO, verbose: bool = False) -> None:
    per_file: dict[str, Counter[str]] = {}
    more = 0  # articles (and failed files) of the files past PER_FILE_LINES
    for kind, items in (
        ("added", report.added),
        ("updated", report.updated),
        ("duplicates", report.duplicates),
        ("failed", report.failed),
    ):
        for item in items:
            if item.path in per_file or len(per_file) < PER_FILE_LINES:
                per_file.setdefault(item.path, Counter())[kind] += 1
            else:
                more += 1
    for path, counts in per_file.items():
        parts = ", ".join(
            f"{counts[k]:,} {k}" for k in ("added", "updated", "duplicates", "failed") if counts[k]
        )
        print(f"{path}: {parts}", file=out)
    if more:
        print(f"… and {more:,} articles and files of further files", file=out)
    if report.indexed_leftovers:
        print(leftovers_line(report.indexed_leftovers), file=out)
    state = (
        "stopped after"
        if report.stopped
        else "cancelled after"
        if report.cancelled
        else "finished:"
    )
    print(
        f"\nImport {state} {report.files:,} files in {report.seconds:.1f} s — "
        f"{len(report.added):,} added, {len(report.updated):,} updated (new text for a URL "
        f"already in the library), {len(report.duplicates):,} duplicates, "
        f"{len(report.failed):,} failed",
        file=out,
    )
    if report.updated:
        print("\nUpdated (kept as a new version):", file=out)
        for item in report.updated:
            print(
                f"  {item.path} {item.locator}: article {item.article_id} — {item.message}",
                file=out,
            )
    if report.duplicates:
        print("\nDuplicates (nothing added):", file=out)
        for reason, n in report.duplicates.reasons.most_common():
            print(f"  {n:,} × {reason}", file=out)
        if verbose:
            for item in report.duplicates:
                print(f"  {item.path} {item.locator}: article {item.article_id}", file=out)
    if report.failed:
        print("\nFailed:", file=out)
        for item in report.failed:
            where = f" {item.locator}" if item.locator and item.locator != "file" else ""
            print(f"  {item.path}{where}: {item.message}", file=out)
    if report.warnings:
        print("\nWarnings:", file=out)
        for item in report.warnings:
            where = f" {item.locator}" if item.locator and item.locator != "file" else ""
            print(f"  {item.path}{where}: {item.message}", file=out)
    if report.path:
        print(f"\nEvery article and file of this import is listed in {report.path}", file=out)


def leftovers_line(count: int) -> str:
    """What a writer says when it indexed what an interrupted import left unindexed."""
    noun = "article" if count == 1 else "articles"
    return f"indexed {count:,} {noun} left over from an interrupted import"


def print_search(page: SearchPage, out: TextIO, offset: int = 0, total: int | None = None) -> None:
    terminal = out.isatty()
    total = page.total if total is None else total
    if page.suggestion:
        print(f"did you mean: {page.suggestion}", file=out)
    if not total:
        print(f"no articles match {page.query!r}", file=out)
        return
    last = offset + len(page.hits)
    print(f"{total:,} articles match {page.query!r} (showing {offset + 1}–{last})", file=out)
    for rank, hit in enumerate(page.hits, start=offset + 1):
        print(f"\n{rank:>3}. [{hit.id}] {hit.title}", file=out)
        print(
            f"     {hit.site or 'unknown site'} · {hit.published or 'no date'} · "
            f"score {hit.score:.2f}",
            file=out,
        )
        for snippet in hit.snippets:
            print(f"     … {plain_snippet(snippet, terminal)} …", file=out)


def print_facets(counts: SearchCounts, out: TextIO) -> None:
    for name, values in counts.facets.items():
        if values and name != "month":
            shown = ", ".join(f"{value} ({n:,})" for value, n in values[:10])
            print(f"{name:<9} {shown}", file=out)


def print_show(detail: ArticleDetail, out: TextIO) -> None:
    record = detail.record
    print(record.title, file=out)
    print("=" * min(len(record.title), 100), file=out)
    rows = (
        ("Id", str(detail.id)),
        ("Site", record.site or ""),
        (
            "Published",
            record.published
            or (f"unreadable: {record.published_raw}" if record.published_raw else ""),
        ),
        ("Updated", record.updated or ""),
        ("Dateline", record.dateline_place or ""),
        ("Language", record.language or ""),
        ("URL", record.url or ""),
        ("People", "; ".join(f"{p.name} ({p.role})" for p in record.people)),
        ("Sign-off", "/".join(record.signoff)),
        ("Agency", record.agency or ""),
        ("Tags", ", ".join(detail.tags)),
    )
    for label, value in rows:
        if value:
            print(f"{label:<10} {value}", file=out)
    for photo in record.photos:
        print(f"Photo      {photo.caption or '(no caption)'} — credit: {photo.credit}", file=out)
    if record.review:
        print(
            "\nNeeds review (an edit of the field, or `edit ID --set review=`, clears it):",
            file=out,
        )
        for flag in record.review:
            print(f"  {flag.kind:<9} {flag.message}", file=out)
    print(file=out)
    for paragraph in record.body:
        print(paragraph, file=out)
        print(file=out)
    if record.related:
        print("Related:", file=out)
        for link in record.related:
            print(f"  - {link.title}", file=out)
    if detail.same_story:
        print("Same story: " + ", ".join(f"article {i}" for i in detail.same_story), file=out)
    if detail.source:
        source = detail.source
        print(
            f"\nSource: {source.file} ({source.locator}, {source.format}), sha256 "
            f"{source.sha256[:12]}…, imported {source.imported_at}; "
            f"{detail.versions} version(s)",
            file=out,
        )
    others = [p for p in detail.provenance if p != detail.source]
    if others:
        print("Also found in:", file=out)
        for place in others:
            name = f"{place.file} › {place.member}" if place.member else place.file
            print(
                f"  - {name} ({place.locator}, {place.kind}"
                f"{f', version {place.version}' if place.version else ''})",
                file=out,
            )


def emit(args: argparse.Namespace, payload: Any, text: str) -> int:
    """Print the result as JSON with --json (a dataclass as its fields), else as `text`."""
    if getattr(args, "json", False):
        if dataclasses.is_dataclass(payload) and not isinstance(payload, type):
            payload = dataclasses.asdict(payload)
        print(json.dumps(payload, ensure_ascii=False, indent=2, default=list))
    else:
        print(text)
    return 0


def stderr_progress(args: argparse.Namespace) -> Callable[[Progress], None]:
    """A progress line on standard error, redrawn in place; silent off a terminal or with --json."""
    interactive = sys.stderr.isatty() and not getattr(args, "json", False)

    def show(progress: Progress) -> None:
        if interactive:
            left = progress.seconds_left
            eta = (
                f", about {left / 60:.0f} min left"
                if left and left >= 60
                else (f", about {left:.0f} s left" if left else "")
            )
            print(
                f"\r{progress.phase} {progress.done}/{progress.total} files, "
                f"{progress.articles:,} articles ({progress.articles_per_second:,.0f}/s{eta})  "
                f"{progress.current[-40:]:<40}",
                end="" if progress.phase != "done" else "\n",
                file=sys.stderr,
                flush=True,
            )

    return show
