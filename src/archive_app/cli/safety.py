"""Commands that keep the library safe: `check`, `reindex`, `repair`, `backup` and `restore`."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from archive_app.cli.arguments import json_option
from archive_app.cli.library import open_library, processes
from archive_app.cli.textout import emit, stderr_progress


def cmd_check(args: argparse.Namespace) -> int:
    with open_library(args, write=False) as archive:
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
        print(
            f"fixity: {fixity.checked:,} files re-hashed, {len(fixity.changed):,} changed, "
            f"{len(fixity.missing):,} missing"
        )
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


def cmd_reindex(args: argparse.Namespace) -> int:
    # the rebuild is this command's own work, and it indexes any leftovers with the rest
    with open_library(
        args, write=True, mend_index=False, catch_up=False, index_only=True
    ) as archive:
        count = archive.reindex(progress=stderr_progress(args), processes=processes())
    print(f"reindexed {count:,} articles")
    return 0


def cmd_repair(args: argparse.Namespace) -> int:
    from archive_app.usecases.archive import Archive  # here: the parser loads none of the core

    report = Archive.repair(args.library, from_backup=args.from_backup, processes=processes())
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
                uncounted = (
                    f" and {table.uncounted:,} unreadable stretches of pages whose "
                    "rows could not be counted"
                    if table.uncounted
                    else ""
                )
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
        print(
            f"{len(report.incomplete_articles):,} articles were left out because their "
            "versions or provenance were lost:"
        )
        for article_id, title in report.incomplete_articles[:20]:
            print(f"  {article_id} {title[:70]}")
    if report.unclaimed_originals:
        print(f"{len(report.unclaimed_originals):,} originals are no longer named by any record:")
        for path in report.unclaimed_originals[:20]:
            print(f"  {Path(report.library) / path}")
    if report.lost_articles or report.incomplete_articles or report.unclaimed_originals:
        print(
            "to bring lost articles back, import the files you imported before again: what "
            "the library still holds is recognised and skipped",
            file=sys.stderr,
        )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with open_library(args, write=False) as archive:
        info = archive.backup(args.file)
    return emit(
        args,
        info,
        f"backed up {info.articles:,} articles and {info.files:,} files "
        f"({info.bytes / 1e6:,.1f} MB) to {info.path}",
    )


def cmd_restore(args: argparse.Namespace) -> int:
    from archive_app.usecases.archive import Archive  # here: the parser loads none of the core

    count = Archive.restore(args.file, args.folder)
    return emit(
        args,
        {"articles": count, "library": args.folder},
        f"restored {count:,} articles into {args.folder}",
    )


def add_check(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--fixity",
        action="store_true",
        help="also re-hash every original and photo against its SHA-256",
    )
    p.set_defaults(run=cmd_check)


def add_reindex(p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=cmd_reindex)


def add_repair(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--from-backup",
        metavar="FILE",
        help="replace the catalogue with this automatic backup "
        "(<library>/backups/catalogue-*.sqlite) instead of salvaging it",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_repair)


def add_backup(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")
    json_option(p)
    p.set_defaults(run=cmd_backup)


def add_restore(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")
    p.add_argument("folder")
    json_option(p)
    p.set_defaults(run=cmd_restore)
