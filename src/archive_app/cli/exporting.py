"""Commands that take articles out of the library: `export` and `cite`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archive_app.cli.arguments import id_list
from archive_app.cli.library import open_library
from archive_app.domain.errors import ExportError
from archive_app.exports.citations import STYLES, cite
from archive_app.exports.csv_table import COLUMNS as CSV_COLUMNS
from archive_app.exports.csv_table import DEFAULT_COLUMNS, parse_columns
from archive_app.exports.formats import FORMATS, ExportOptions


def cmd_export(args: argparse.Namespace) -> int:
    # imported here: the writers' storage layer only when an export runs
    from archive_app.exports.run import export as run_export

    if args.columns and args.format != "csv":
        raise ExportError("--columns applies to --format csv only")
    options = ExportOptions(
        columns=parse_columns(args.columns) if args.columns else DEFAULT_COLUMNS, bom=args.bom
    )
    output = Path(args.output).expanduser() if args.output else None
    with open_library(args, write=False) as archive:
        ids: list[int] | None = None
        if args.ids is not None:
            found = {s.id for s in archive.summaries(args.ids)}
            missing = [str(i) for i in args.ids if i not in found]
            if missing:
                raise ExportError(f"no article with id {', '.join(missing)}; nothing was written")
            ids = args.ids
        elif args.query is not None:
            ids = archive.matching_ids(args.query)
            if not ids:
                raise ExportError(f"no articles match {args.query!r}; nothing was written")
        elif args.collection is not None:
            ids = archive.collection_ids(args.collection)
            if not ids:
                raise ExportError(
                    f"the collection {args.collection!r} is empty; nothing was written"
                )
        result = run_export(
            archive, args.format, ids=ids, output=output, stdout=sys.stdout, options=options
        )
    for problem in result.problems:
        print(f"archive-app: warning: {problem}", file=sys.stderr)
    if result.target is not None:
        noun = "article" if result.articles == 1 else "articles"
        print(f"exported {result.articles} {noun} to {result.target}", file=sys.stderr)
    return 1 if result.problems else 0


def cmd_cite(args: argparse.Namespace) -> int:
    with open_library(args, write=False) as archive:
        print(cite(archive.article(args.id), args.style, html=args.html))
    return 0


def add_export(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=list(FORMATS),
        default="jsonl",
        help="; ".join(f"{f.name}: {f.summary}" for f in FORMATS.values()),
    )
    p.add_argument(
        "--output",
        metavar="FILE_OR_FOLDER",
        help="write there (it appears only when complete) instead of standard "
        "output; html and originals-zip need it",
    )
    chosen = p.add_mutually_exclusive_group()
    chosen.add_argument("--ids", type=id_list, metavar="1,2,3", help="only these articles")
    chosen.add_argument("--query", metavar="QUERY", help="only the articles QUERY matches")
    chosen.add_argument(
        "--collection",
        metavar="PATH",
        help="only the articles in this collection (not its sub-collections)",
    )
    p.add_argument(
        "--columns",
        metavar="NAMES",
        help=f"CSV columns, comma-separated (default {','.join(DEFAULT_COLUMNS)}; "
        f"also {', '.join(c for c in CSV_COLUMNS if c not in DEFAULT_COLUMNS)})",
    )
    p.add_argument(
        "--bom", action="store_true", help="start the CSV with a byte-order mark (for Excel)"
    )
    p.set_defaults(run=cmd_export)


def add_cite(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=int)
    p.add_argument("--style", choices=list(STYLES), default="apa")
    p.add_argument("--html", action="store_true", help="HTML with the publication in <i>")
    p.set_defaults(run=cmd_cite)
