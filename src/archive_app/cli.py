"""The `archive-app` command: headless commands over the Archive facade, and the window."""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from archive_app import APP_NAME, __version__
from archive_app.cli_catalogue import add_catalogue_commands
from archive_app.core.archive import SORT_ORDERS, Archive
from archive_app.core.diskspace import is_disk_full
from archive_app.core.errors import ArchiveError
from archive_app.core.library import ENV_VAR
from archive_app.core.printable import printable
from archive_app.core.progress import Progress
from archive_app.core.report_csv import write_report_csv
from archive_app.exports.citations import STYLES, cite
from archive_app.exports.csv_table import COLUMNS as CSV_COLUMNS
from archive_app.exports.csv_table import DEFAULT_COLUMNS, parse_columns
from archive_app.exports.errors import ExportError
from archive_app.exports.formats import FORMATS, ExportOptions
from archive_app.exports.run import export as run_export
from archive_app.ingest.normalise.identify import preload as preload_language_model
from archive_app.ingest.readers.columns import parse_mapping
from archive_app.textout import (
    atomic_output,
    leftovers_line,
    print_facets,
    print_report,
    print_search,
    print_show,
)

log = logging.getLogger("archive_app")

Command = Callable[[argparse.Namespace], int]


def _open(args: argparse.Namespace, *, write: bool) -> Archive:
    archive = Archive.open(args.library, readonly=not write)
    if not write:
        return archive
    try:
        if archive.lock_note:
            print(f"archive-app: note: {archive.lock_note}", file=sys.stderr)
        command = getattr(args, "run", None)
        if archive.index_needs_rebuild and command is not cmd_reindex:
            damage = archive.index_damage
            print(f"the search index is damaged ({damage}): rebuilding it from the catalogue "
                  "first…" if damage else "the search index is missing, unreadable or from "
                  "another version of Arsip: rebuilding it first…", file=sys.stderr)
            archive.reindex(processes=min(2, os.cpu_count() or 1))
        elif command not in (cmd_import, cmd_reindex):  # import says it in its report
            leftovers = archive.catch_up_index()
            if leftovers:
                print(f"archive-app: {leftovers_line(leftovers)}", file=sys.stderr)
    except BaseException:
        archive.close()
        raise
    return archive


def cmd_import(args: argparse.Namespace) -> int:
    columns = parse_mapping(args.map) if args.map else None
    # a one-shot process: the language model loads while the library opens and files are read
    preload_language_model()
    with _open(args, write=True) as archive:
        progress = _stderr_progress(args)
        report = archive.import_paths(args.paths, progress=progress, columns=columns)
    if args.report_csv:
        with atomic_output(Path(args.report_csv)) as stream:
            rows = write_report_csv(report, stream)
        print(f"wrote {rows:,} report rows to {printable(args.report_csv)}", file=sys.stderr)
    if args.json:
        print(json.dumps(dataclasses.asdict(report), ensure_ascii=False, indent=2))
    else:
        print_report(report, sys.stdout, verbose=args.verbose)
    if report.stopped:  # the report above says what was stored; this line why the rest was not
        print(f"archive-app: {report.stopped}", file=sys.stderr)
        return 1
    return 1 if report.failed and not (report.added or report.updated or report.duplicates) else 0


def cmd_search(args: argparse.Namespace) -> int:
    with _open(args, write=False) as archive:
        page = archive.search(args.query, limit=args.limit, offset=args.offset, sort=args.sort)
        counts = archive.counts(args.query) if args.facets or not page.total_exact else None
    total = counts.total if counts is not None else page.total
    if args.json:
        payload: dict[str, object] = {
            "total": total,
            "hits": [
                {"id": h.id, "title": h.title, "published": h.published, "site": h.site,
                 "score": round(h.score, 4), "snippets": list(h.snippets)}
                for h in page.hits
            ],
        }
        if page.suggestion:
            payload["did_you_mean"] = page.suggestion
        if args.facets and counts is not None:
            payload["facets"] = {k: dict(v) for k, v in counts.facets.items()}
            payload["months"] = dict(counts.months)
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print_search(page, sys.stdout, offset=args.offset, total=total)
        if args.facets and counts is not None:
            print_facets(counts, sys.stdout)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args, write=False) as archive:
        if args.json:
            print(json.dumps(archive.record(args.id), ensure_ascii=False, indent=2))
        else:
            print_show(archive.article(args.id), sys.stdout)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.columns and args.format != "csv":
        raise ExportError("--columns applies to --format csv only")
    options = ExportOptions(columns=parse_columns(args.columns) if args.columns
                            else DEFAULT_COLUMNS, bom=args.bom)
    output = Path(args.output).expanduser() if args.output else None
    with _open(args, write=False) as archive:
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
                raise ExportError(f"the collection {args.collection!r} is empty; "
                                  "nothing was written")
        result = run_export(archive, args.format, ids=ids, output=output, stdout=sys.stdout,
                            options=options)
    for problem in result.problems:
        print(f"archive-app: warning: {problem}", file=sys.stderr)
    if result.target is not None:
        noun = "article" if result.articles == 1 else "articles"
        print(f"exported {result.articles} {noun} to {result.target}", file=sys.stderr)
    return 1 if result.problems else 0


def cmd_cite(args: argparse.Namespace) -> int:
    with _open(args, write=False) as archive:
        print(cite(archive.article(args.id), args.style, html=args.html))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with _open(args, write=False) as archive:
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


def cmd_check(args: argparse.Namespace) -> int:
    with _open(args, write=False) as archive:
        report = archive.check()
        fixity = archive.fixity() if args.fixity and not report.catalogue_error else None
        if fixity is not None:
            report.missing_originals = sorted(set(report.missing_originals) | set(fixity.missing))
            report.advice = archive.check_advice(report, fixity)
    ok = report.ok and (fixity is None or fixity.ok)
    if args.json:
        payload = dataclasses.asdict(report) | {"ok": ok}
        if fixity is not None:
            payload["fixity"] = dataclasses.asdict(fixity)
        print(json.dumps(payload, indent=2))
        return 0 if ok else 1
    if report.catalogue_error:
        print(f"the catalogue is damaged: SQLite reports '{report.catalogue_error}'")
    else:
        print(f"{report.articles:,} articles in the catalogue, {report.indexed:,} in the index")
    if fixity is not None:
        print(f"fixity: {fixity.checked:,} files re-hashed, {len(fixity.changed):,} changed, "
              f"{len(fixity.missing):,} missing")
        for path in fixity.changed:
            print(f"  changed: {path}")
    problems = (
        ("missing from the index", report.missing_from_index),
        ("stale in the index (an older version is indexed)", report.stale_in_index),
        ("in the index but not in the catalogue", report.orphaned_in_index),
        ("originals missing from originals/", report.missing_originals),
        ("temporary files left by interrupted work", report.leftovers),
    )
    for label, items in problems:
        if items:
            shown = ", ".join(str(i) for i in items[:20]) + (" …" if len(items) > 20 else "")
            print(f"{len(items):,} {label}: {shown}")
    if report.index_error:
        print(f"index problem: {report.index_error}")
    print(f"newest automatic backup: {report.automatic_backup or 'none yet'}")
    if ok:
        print("OK: the catalogue, the index and the originals agree")
    for line in report.advice:
        print(f"to do: {line}", file=sys.stderr)
    return 0 if ok else 1


def cmd_repair(args: argparse.Namespace) -> int:
    report = Archive.repair(args.library, from_backup=args.from_backup,
                            processes=min(2, os.cpu_count() or 1))
    if args.json:
        tables = [dataclasses.asdict(t) | {"lost": t.lost} for t in report.tables]
        print(json.dumps(dataclasses.asdict(report) | {"tables": tables}, indent=2))
        return 0
    if report.problem:
        print(f"the catalogue was damaged: SQLite reported '{report.problem}'")
    if report.damaged_copy:
        print(f"the damaged catalogue is kept as {report.damaged_copy}")
    if report.source == "salvage":
        print("saved every row that could be read, table by table (saved / lost):")
        for table in report.tables:
            if table.saved or table.lost or table.damaged_stretches:
                uncounted = (f" and {table.uncounted:,} unreadable stretches of pages whose "
                             "rows could not be counted" if table.uncounted else "")
                print(f"  {table.table:<22} {table.saved:>9,} / {table.lost:,}{uncounted}")
    else:
        print(f"went back to the automatic backup {report.source}")
    print(f"{report.articles:,} articles in the repaired catalogue; the index was rebuilt")
    if report.lost_articles:
        shown = ", ".join(str(i) for i in report.lost_articles[:20])
        more = " …" if len(report.lost_articles) > 20 else ""
        print(f"{len(report.lost_articles):,} articles the index knew are lost: {shown}{more}")
    elif not report.index_known:
        print("the old search index could not be read, so lost articles cannot be named")
    if report.incomplete_articles:
        print(f"{len(report.incomplete_articles):,} articles were left out because their "
              "versions or provenance were lost:")
        for article_id, title in report.incomplete_articles[:20]:
            print(f"  {article_id} {title[:70]}")
    if report.unclaimed_originals:
        print(f"{len(report.unclaimed_originals):,} originals are no longer named by any "
              "record:")
        for path in report.unclaimed_originals[:20]:
            print(f"  {Path(report.library) / path}")
    if report.lost_articles or report.incomplete_articles or report.unclaimed_originals:
        print("to bring lost articles back, import the files you imported before again: what "
              "the library still holds is recognised and skipped", file=sys.stderr)
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    with _open(args, write=True) as archive:
        count = archive.reindex(progress=_stderr_progress(args),
                                processes=min(2, os.cpu_count() or 1))
    print(f"reindexed {count:,} articles")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from archive_app.evaluation.report import dumps, text_report
    from archive_app.evaluation.runner import evaluate_gold

    corpus = Path(args.corpus).expanduser() if args.corpus else None
    evaluation = evaluate_gold(Path(args.gold).expanduser(), corpus,
                               in_library=not args.extract_only)
    print(dumps(evaluation) if args.json else text_report(evaluation, worst=args.worst))
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from archive_app.gui.app import run_gui  # Qt is loaded only when the window is wanted

    return int(run_gui(args.library))


def _stderr_progress(args: argparse.Namespace) -> Callable[[Progress], None]:
    interactive = sys.stderr.isatty() and not getattr(args, "json", False)

    def show(progress: Progress) -> None:
        if interactive:
            left = progress.seconds_left
            eta = f", about {left / 60:.0f} min left" if left and left >= 60 else (
                f", about {left:.0f} s left" if left else "")
            print(
                f"\r{progress.phase} {progress.done}/{progress.total} files, "
                f"{progress.articles:,} articles ({progress.articles_per_second:,.0f}/s{eta})  "
                f"{progress.current[-40:]:<40}",
                end="" if progress.phase != "done" else "\n", file=sys.stderr, flush=True,
            )

    return show


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="archive-app",
        description=f"{APP_NAME}: an offline archive of news articles.",
        epilog=f"The library defaults to the user data folder; {ENV_VAR} or --library choose "
        "another. With no command, the window opens.",
    )
    parser.add_argument("--library", metavar="PATH", help="the library folder to use")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import files or folders")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("-v", "--verbose", action="store_true", help="list every duplicate too")
    p.add_argument("--report-csv", metavar="FILE", help="also save the report as CSV")
    p.add_argument("--map", action="append", metavar="FIELD=COLUMN",
                   help="read a table's COLUMN as FIELD (title, body, date, author, url…)")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("search", help="search the library")
    p.add_argument("query")
    p.add_argument("--limit", type=_positive, default=10)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--sort", choices=SORT_ORDERS, default="relevance")
    p.add_argument("--facets", action="store_true", help="also count sites, years, people…")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("show", help="show one article's catalogue record")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_show)

    p = sub.add_parser("export", help="export articles (all, some, or a search result)")
    p.add_argument("--format", choices=list(FORMATS), default="jsonl",
                   help="; ".join(f"{f.name}: {f.summary}" for f in FORMATS.values()))
    p.add_argument("--output", metavar="FILE_OR_FOLDER",
                   help="write there (it appears only when complete) instead of standard "
                   "output; html and originals-zip need it")
    chosen = p.add_mutually_exclusive_group()
    chosen.add_argument("--ids", type=_id_list, metavar="1,2,3", help="only these articles")
    chosen.add_argument("--query", metavar="QUERY", help="only the articles QUERY matches")
    chosen.add_argument("--collection", metavar="PATH",
                        help="only the articles in this collection (not its sub-collections)")
    p.add_argument("--columns", metavar="NAMES",
                   help=f"CSV columns, comma-separated (default {','.join(DEFAULT_COLUMNS)}; "
                   f"also {', '.join(c for c in CSV_COLUMNS if c not in DEFAULT_COLUMNS)})")
    p.add_argument("--bom", action="store_true",
                   help="start the CSV with a byte-order mark (for Excel)")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("cite", help="print an article's citation (APA or Chicago)")
    p.add_argument("id", type=int)
    p.add_argument("--style", choices=list(STYLES), default="apa")
    p.add_argument("--html", action="store_true", help="HTML with the publication in <i>")
    p.set_defaults(run=cmd_cite)

    for name, func, text in (
        ("stats", cmd_stats, "counts about the library"),
        ("check", cmd_check, "compare the catalogue with the index and the originals"),
        ("reindex", cmd_reindex, "rebuild the search index from the catalogue"),
    ):
        p = sub.add_parser(name, help=text)
        if name != "reindex":
            p.add_argument("--json", action="store_true")
        if name == "check":
            p.add_argument("--fixity", action="store_true",
                           help="also re-hash every original and photo against its SHA-256")
        p.set_defaults(run=func)

    p = sub.add_parser("repair", help="save what a damaged catalogue still holds into a new one, "
                       "or go back to an automatic backup")
    p.add_argument("--from-backup", metavar="FILE",
                   help="replace the catalogue with this automatic backup "
                   "(<library>/backups/catalogue-*.sqlite) instead of salvaging it")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_repair)

    p = sub.add_parser("eval", help="score extraction against a gold file, field by field")
    p.add_argument("gold", metavar="GOLD.json")
    p.add_argument("--corpus", metavar="DIR",
                   help="the corpus folder the gold's source files are in "
                   "(default: the folder beside the gold file's folder)")
    p.add_argument("--worst", type=int, default=5, metavar="N",
                   help="how many of the worst records to show with their differences")
    p.add_argument("--extract-only", action="store_true",
                   help="score each source row's extraction directly, without importing the "
                   "files into a temporary library (faster; repeated rows are not deduplicated)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_eval)

    add_catalogue_commands(sub)

    p = sub.add_parser("gui", help="open the window (the default)")
    p.set_defaults(run=cmd_gui)
    return parser


def _id_list(text: str) -> list[int]:
    try:
        ids = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise argparse.ArgumentTypeError(
            "give article ids separated by commas, e.g. 1,2,3") from None
    if not ids:
        raise argparse.ArgumentTypeError("give at least one article id")
    return list(dict.fromkeys(ids))


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        # a path the file system gave with bytes that are not UTF-8 prints as "\udcff"
        # rather than ending the command with UnicodeEncodeError
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    run: Command = getattr(args, "run", cmd_gui)
    try:
        return run(args)
    except ArchiveError as error:
        print(f"archive-app: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("archive-app: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the promise: a one-line message, never a traceback
        if args.debug:
            raise
        if is_disk_full(error):
            print(f"archive-app: the disk is full ({error}); free some space and try again",
                  file=sys.stderr)
            return 1
        print(f"archive-app: unexpected error: {type(error).__name__}: {error} "
              "(run with --debug for details)", file=sys.stderr)
        return 70
