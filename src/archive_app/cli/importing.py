"""The `import` command: bring files and folders into the library and report what happened."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import TextIO, cast

from archive_app.cli.library import open_library
from archive_app.cli.textout import print_report, stderr_progress
from archive_app.domain.import_report import ImportReport
from archive_app.domain.printable import printable


def cmd_import(args: argparse.Namespace) -> int:
    # imported here: the parser of every command loads none of the core
    from archive_app.ingest.readers.columns import parse_mapping
    from archive_app.storage.atomic import atomic_stream
    from archive_app.usecases.report_csv import write_report_csv

    columns = parse_mapping(args.map) if args.map else None
    with open_library(args, write=True, catch_up=False) as archive:  # the report tells it
        progress = stderr_progress(args)
        report = archive.import_paths(args.paths, progress=progress, columns=columns)
    if args.report_csv:
        with atomic_stream(Path(args.report_csv).expanduser()) as stream:
            rows = write_report_csv(report, cast(TextIO, stream))  # opened in text mode
        print(f"wrote {rows:,} report rows to {printable(args.report_csv)}", file=sys.stderr)
    if args.json:
        write_json(report, sys.stdout)
    else:
        print_report(report, sys.stdout, verbose=args.verbose)
    if report.stopped:  # the report above says what was stored; this line why the rest was not
        print(f"archive-app: {report.stopped}", file=sys.stderr)
        return 1
    return 1 if report.failed and not (report.added or report.updated or report.duplicates) else 0


def write_json(report: ImportReport, out: TextIO) -> None:
    """The report as one JSON object, its items one a line, read back from the report file as
    they are written out (a million of them are never all in memory).

    The object has the report's fields (batch_id, files, the five lists of items, cancelled,
    seconds, indexed_leftovers, stopped), `counts` and `report_file` (where the items are kept).
    """
    out.write("{\n")
    for name in ("batch_id", "files"):
        out.write(f'  "{name}": {json.dumps(getattr(report, name))},\n')
    for kind, items in report.kinds():
        out.write(f'  "{kind}": [')
        separator = "\n"
        for item in items:
            out.write(separator + "    " + json.dumps(dataclasses.asdict(item), ensure_ascii=False))
            separator = ",\n"
        out.write("\n  ],\n" if separator != "\n" else "],\n")
    tail = {
        "cancelled": report.cancelled,
        "seconds": report.seconds,
        "indexed_leftovers": report.indexed_leftovers,
        "stopped": report.stopped,
        "counts": report.counts(),
        "report_file": report.path,
    }
    out.write(
        ",\n".join(
            f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in tail.items()
        )
    )
    out.write("\n}\n")


def add_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("-v", "--verbose", action="store_true", help="list every duplicate too")
    p.add_argument("--report-csv", metavar="FILE", help="also save the report as CSV")
    p.add_argument(
        "--map",
        action="append",
        metavar="FIELD=COLUMN",
        help="read a table's COLUMN as FIELD (title, body, date, author, url…)",
    )
    p.set_defaults(run=cmd_import)
