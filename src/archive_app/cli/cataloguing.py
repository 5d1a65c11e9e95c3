"""Cataloguing commands: edit, bulk changes, find and replace, undo/redo, history, collections."""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from archive_app.cli.arguments import json_option, parse_ids
from archive_app.cli.library import open_library
from archive_app.cli.textout import emit
from archive_app.domain.conflicts import ConflictError
from archive_app.domain.errors import ArchiveError
from archive_app.usecases.field_rules import EDITABLE_FIELDS, REVIEW_FIELD

if TYPE_CHECKING:
    from archive_app.usecases.archive import Archive

LIST_FIELDS = (
    "people",
    "related",
    "photos",
    "tags",
    "collections",
    "signoff",
    "keywords",
    "body",
    REVIEW_FIELD,
)


def _parse_assignment(text: str) -> tuple[str, Any]:
    """FIELD=VALUE; list fields take JSON ("people=[{...}]") or comma-separated text."""
    field, sep, value = text.partition("=")
    field = field.strip()
    if not sep:
        raise ArchiveError(f"write FIELD=VALUE, not {text!r}")
    if field not in (*EDITABLE_FIELDS, REVIEW_FIELD):
        raise ArchiveError(
            f"{field}: is not a field that can be edited "
            f"({', '.join((*EDITABLE_FIELDS, REVIEW_FIELD))})"
        )
    if field in LIST_FIELDS:
        stripped = value.strip()
        if stripped.startswith("["):
            try:
                return field, json.loads(stripped)
            except json.JSONDecodeError as error:
                raise ArchiveError(f"{field}: the value is not valid JSON ({error.msg})") from None
        return field, [v.strip() for v in stripped.split(",") if v.strip()]
    return field, value if value.strip() else None


def _select(archive: Archive, args: argparse.Namespace) -> list[int]:
    if args.ids:
        return parse_ids(args.ids)
    if args.query:
        return archive.matching_ids(args.query)
    raise ArchiveError("choose the articles with --ids or --query")


def _conflicts_reported(
    run: Callable[[argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """A change refused because someone else changed the article: one line per article and
    field (theirs, yours), exit status 1, nothing written."""

    @functools.wraps(run)
    def reporting(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except ConflictError as error:
            for line in str(error).splitlines():
                print(f"archive-app: conflict: {line}", file=sys.stderr)
            return 1

    return reporting


@_conflicts_reported
def cmd_edit(args: argparse.Namespace) -> int:
    changes = dict(_parse_assignment(a) for a in args.set)
    with open_library(args, write=True) as archive:
        info = archive.edit(args.id, changes, expected_version=args.expect_version)
    return emit(args, info, f"change {info.id}: {info.description}")


@_conflicts_reported
def cmd_bulk(args: argparse.Namespace) -> int:
    argument: Any = args.value
    if args.field == "people":
        name, _, role = args.value.partition(":")
        argument = {"name": name.strip(), "role": (role.strip() or "author")}
        if args.verb == "remove" and not role:
            argument["role"] = None
    with open_library(args, write=True) as archive:
        ids = _select(archive, args)
        info = archive.bulk(ids, args.verb, args.field, argument)
    return emit(
        args, info, f"change {info.id}: {info.description} ({len(info.articles)} articles changed)"
    )


@_conflicts_reported
def cmd_replace(args: argparse.Namespace) -> int:
    with open_library(args, write=True) as archive:
        ids = _select(archive, args)
        previews = archive.preview_replace(ids, args.field, args.find, args.replace, args.regex)
        if not args.apply:
            if args.json:
                return emit(args, [dataclasses.asdict(p) for p in previews], "")
            for preview in previews:
                print(f"article {preview.article_id}:\n  - {preview.old}\n  + {preview.new}")
            print(f"{len(previews)} articles would change; add --apply to change them")
            return 0
        if not previews:
            return emit(args, {"changed": 0}, "nothing to replace")
        info = archive.apply_replace(previews, args.find, args.replace)
    return emit(args, info, f"change {info.id}: {info.description}")


@_conflicts_reported
def cmd_undo(args: argparse.Namespace) -> int:
    with open_library(args, write=True) as archive:
        info = archive.redo() if args.command == "redo" else archive.undo()
    if info is None:
        return emit(args, None, f"nothing to {args.command}")
    return emit(args, info, info.description)


def cmd_history(args: argparse.Namespace) -> int:
    with open_library(args, write=False) as archive:
        items = archive.history(args.id)
    if args.json:
        return emit(args, [dataclasses.asdict(i) for i in items], "")
    for item in items:
        state = " (undone)" if item.undone else ""
        print(
            f"{item.when} {item.user} #{item.change_id} {item.field}: {item.old!r} -> "
            f"{item.new!r}{state}"
        )
    if not items:
        print(f"article {args.id} has not been edited")
    return 0


def cmd_collection(args: argparse.Namespace) -> int:
    with open_library(args, write=args.action != "list") as archive:
        if args.action == "list":
            rows = archive.collections()
            return emit(
                args,
                [dataclasses.asdict(r) for r in rows],
                "\n".join(f"{r.path} ({r.articles})" for r in rows) or "no collections",
            )
        if args.action == "create":
            if not args.path.strip():
                raise ArchiveError("collection create needs a collection path")
            return emit(
                args, {"path": archive.create_collection(args.path)}, f"created {args.path}"
            )
        if not args.path.strip():
            raise ArchiveError(f"collection {args.action} needs a collection path")
        ids = parse_ids(args.ids)
        verb = "add" if args.action == "add" else "remove"
        info = archive.bulk(ids, verb, "collections", args.path)
    return emit(args, info, info.description)


def _selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ids", help="articles by id: 1,2,3 or 5-9")
    parser.add_argument("--query", help="every article a search matches")


def add_edit(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=int)
    p.add_argument(
        "--set",
        action="append",
        required=True,
        metavar="FIELD=VALUE",
        help="repeatable; list fields take JSON or comma-separated values",
    )
    p.add_argument(
        "--expect-version",
        type=int,
        metavar="N",
        help="the article's row version the edit was prepared against (show --json: "
        "row_version); refused with the conflicting fields if it has changed since",
    )
    json_option(p)
    p.set_defaults(run=cmd_edit)


def add_bulk(p: argparse.ArgumentParser) -> None:
    p.add_argument("verb", choices=["set", "add", "remove"])
    p.add_argument(
        "field",
        choices=[
            "tags",
            "collections",
            "keywords",
            "people",
            "site",
            "language",
            "dateline_place",
            "agency",
            REVIEW_FIELD,
        ],
    )
    p.add_argument(
        "value",
        help='a tag, a collection path, a site…; people as "Name:role"; '
        "a kind of review flag (or any) to clear",
    )
    _selection(p)
    json_option(p)
    p.set_defaults(run=cmd_bulk)


def add_replace(p: argparse.ArgumentParser) -> None:
    p.add_argument("field", choices=["title", "body", "dateline_place", "note", "agency"])
    p.add_argument("find")
    p.add_argument("replace")
    p.add_argument("--regex", action="store_true", help="FIND is a regular expression")
    p.add_argument("--apply", action="store_true", help="make the change (else only preview)")
    _selection(p)
    json_option(p)
    p.set_defaults(run=cmd_replace)


def add_undo_redo(p: argparse.ArgumentParser) -> None:
    """`undo` and `redo` alike: cmd_undo reads which one was typed."""
    json_option(p)
    p.set_defaults(run=cmd_undo)


def add_history(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=int)
    json_option(p)
    p.set_defaults(run=cmd_history)


def add_collection(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=["list", "create", "add", "remove"])
    p.add_argument("path", nargs="?", default="", help='"Parent/Child"')
    p.add_argument("--ids", default="", help="for add and remove: 1,2,3 or 5-9")
    json_option(p)
    p.set_defaults(run=cmd_collection)
