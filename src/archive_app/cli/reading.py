"""Commands that read the library: `search`, `show` and `stats`."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import TYPE_CHECKING

from archive_app.cli.arguments import positive
from archive_app.cli.library import open_library, processes
from archive_app.cli.textout import print_facets, print_search, print_show, stderr_progress
from archive_app.usecases.sort_orders import SORT_ORDERS

if TYPE_CHECKING:
    from archive_app.domain.model import SearchPage


def cmd_search(args: argparse.Namespace) -> int:
    with open_library(args, write=False) as archive:
        page = archive.search(args.query, limit=args.limit, offset=args.offset, sort=args.sort)
        counts = archive.counts(args.query) if args.facets or not page.total_exact else None
    total = counts.total if counts is not None else page.total
    if args.json:
        payload: dict[str, object] = {
            "total": total,
            "hits": [
                {
                    "id": h.id,
                    "title": h.title,
                    "published": h.published,
                    "site": h.site,
                    "score": round(h.score, 4),
                    "snippets": list(h.snippets),
                }
                for h in page.hits
            ],
        }
        if page.suggestion:
            payload["did_you_mean"] = page.suggestion
        if page.from_catalogue:
            payload["from_catalogue"] = True
            payload["unanswered"] = list(page.unanswered)
        if args.facets and counts is not None:
            payload["facets"] = {k: dict(v) for k, v in counts.facets.items()}
            payload["months"] = dict(counts.months)
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print_search(page, sys.stdout, offset=args.offset, total=total)
        if args.facets and counts is not None:
            print_facets(counts, sys.stdout)
    if page.from_catalogue:
        _build_index(args, page)
    return 0


def _build_index(args: argparse.Namespace, page: SearchPage) -> None:
    """A new desktop answered from the team catalogue: say so, then build this desktop's index
    now, so the next search answers from it without anyone running reindex."""
    from archive_app.domain.errors import LibraryLockedError

    left_out = "".join(f"; {what}" for what in page.unanswered)
    print(
        "archive-app: answered by the team catalogue's full-text search while this desktop's "
        f"index is built{left_out}",
        file=sys.stderr,
    )
    try:
        with open_library(
            args, write=True, mend_index=False, catch_up=False, index_only=True
        ) as archive:
            _done, total = page.index_built
            print(
                f"archive-app: building this desktop's index of {total:,} articles…",
                file=sys.stderr,
            )
            count = archive.reindex(progress=stderr_progress(args), processes=processes())
            print(
                f"archive-app: indexed {count:,} articles; searches answer from it", file=sys.stderr
            )
    except LibraryLockedError:
        # the window (or another command) holds this desktop's part: it builds the index
        print("archive-app: the window open on this library builds the index", file=sys.stderr)


def cmd_show(args: argparse.Namespace) -> int:
    with open_library(args, write=False) as archive:
        if args.json:
            # the row version an edit of what is shown passes back (edit --expect-version),
            # read before the record: a change between them is refused, never overwritten
            version = archive.article(args.id).row_version
            shown = {**archive.record(args.id), "row_version": version}
            print(json.dumps(shown, ensure_ascii=False, indent=2))
        else:
            print_show(archive.article(args.id), sys.stdout)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with open_library(args, write=False) as archive:
        stats = archive.stats()
    if args.json:
        print(json.dumps(dataclasses.asdict(stats), ensure_ascii=False, indent=2))
        return 0
    print(f"Library        {stats.path}")
    print(f"Articles       {stats.articles:,} ({stats.versions:,} versions)")
    print(f"Indexed        {stats.indexed:,}")
    print(f"Sites          {stats.sites:,}")
    print(f"People         {stats.people:,}")
    print(f"Photos         {stats.photos:,}")
    print(f"Originals      {stats.originals:,} files")
    print(f"Imports        {stats.batches:,}")
    print(f"On disk        {stats.bytes_on_disk / 1e6:,.1f} MB")
    print(f"Schema         revision {stats.schema_revision}")
    for title, counts in (("By site", stats.by_site), ("By language", stats.by_language)):
        print(title)
        for name, n in list(counts.items())[:15]:
            print(f"  {name:<28} {n:>8,}")
    return 0


def add_search(p: argparse.ArgumentParser) -> None:
    p.add_argument("query")
    p.add_argument("--limit", type=positive, default=10)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--sort", choices=SORT_ORDERS, default="relevance")
    p.add_argument("--facets", action="store_true", help="also count sites, years, people…")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_search)


def add_show(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_show)


def add_stats(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_stats)
