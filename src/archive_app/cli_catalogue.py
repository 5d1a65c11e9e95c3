"""CLI commands for cataloguing: edit, bulk changes, undo/redo, history, tags, collections,
people and places, backup, restore — each with --json and a one-line error."""

from __future__ import annotations

import argparse
import dataclasses
import json
from typing import Any

from archive_app.domain.errors import ArchiveError
from archive_app.usecases.archive import Archive
from archive_app.usecases.fields import EDITABLE_FIELDS, REVIEW_FIELD

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


def _open(args: argparse.Namespace, write: bool = True) -> Archive:
    from archive_app.cli import _open as open_library  # one place decides about old indexes

    return open_library(args, write=write)


def _emit(args: argparse.Namespace, payload: Any, text: str) -> int:
    if getattr(args, "json", False):
        if dataclasses.is_dataclass(payload) and not isinstance(payload, type):
            payload = dataclasses.asdict(payload)
        print(json.dumps(payload, ensure_ascii=False, indent=2, default=list))
    else:
        print(text)
    return 0


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


def _ids(text: str) -> list[int]:
    try:
        return [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise ArchiveError(f"{text!r} is not a list of article ids such as 1,2,3") from None


def _select(archive: Archive, args: argparse.Namespace) -> list[int]:
    if args.ids:
        return _ids(args.ids)
    if args.query:
        return archive.matching_ids(args.query)
    raise ArchiveError("choose the articles with --ids or --query")


def cmd_edit(args: argparse.Namespace) -> int:
    changes = dict(_parse_assignment(a) for a in args.set)
    with _open(args) as archive:
        info = archive.edit(args.id, changes)
    return _emit(args, info, f"change {info.id}: {info.description}")


def cmd_bulk(args: argparse.Namespace) -> int:
    argument: Any = args.value
    if args.field == "people":
        name, _, role = args.value.partition(":")
        argument = {"name": name.strip(), "role": (role.strip() or "author")}
        if args.verb == "remove" and not role:
            argument["role"] = None
    with _open(args) as archive:
        ids = _select(archive, args)
        info = archive.bulk(ids, args.verb, args.field, argument)
    return _emit(
        args, info, f"change {info.id}: {info.description} ({len(info.articles)} articles changed)"
    )


def cmd_replace(args: argparse.Namespace) -> int:
    with _open(args) as archive:
        ids = _select(archive, args)
        previews = archive.preview_replace(ids, args.field, args.find, args.replace, args.regex)
        if not args.apply:
            if args.json:
                return _emit(args, [dataclasses.asdict(p) for p in previews], "")
            for preview in previews:
                print(f"article {preview.article_id}:\n  - {preview.old}\n  + {preview.new}")
            print(f"{len(previews)} articles would change; add --apply to change them")
            return 0
        if not previews:
            return _emit(args, {"changed": 0}, "nothing to replace")
        info = archive.apply_replace(previews, args.find, args.replace)
    return _emit(args, info, f"change {info.id}: {info.description}")


def cmd_undo(args: argparse.Namespace) -> int:
    with _open(args) as archive:
        info = archive.redo() if args.command == "redo" else archive.undo()
    if info is None:
        return _emit(args, None, f"nothing to {args.command}")
    return _emit(args, info, info.description)


def cmd_history(args: argparse.Namespace) -> int:
    with _open(args, write=False) as archive:
        items = archive.history(args.id)
    if args.json:
        return _emit(args, [dataclasses.asdict(i) for i in items], "")
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
    with _open(args, write=args.action != "list") as archive:
        if args.action == "list":
            rows = archive.collections()
            return _emit(
                args,
                [dataclasses.asdict(r) for r in rows],
                "\n".join(f"{r.path} ({r.articles})" for r in rows) or "no collections",
            )
        if args.action == "create":
            if not args.path.strip():
                raise ArchiveError("collection create needs a collection path")
            return _emit(
                args, {"path": archive.create_collection(args.path)}, f"created {args.path}"
            )
        if not args.path.strip():
            raise ArchiveError(f"collection {args.action} needs a collection path")
        ids = _ids(args.ids)
        verb = "add" if args.action == "add" else "remove"
        info = archive.bulk(ids, verb, "collections", args.path)
    return _emit(args, info, info.description)


def cmd_people(args: argparse.Namespace) -> int:
    with _open(args, write=args.action != "list") as archive:
        if args.action == "list":
            people = archive.people()
            lines = [
                f"{p.name} — {', '.join(f'{r} {n}' for r, n in sorted(p.roles.items()))}"
                + (f" (also: {', '.join(p.aliases)})" if p.aliases else "")
                + (f" [sign-off {', '.join(p.signoff_codes)}]" if p.signoff_codes else "")
                for p in people
            ]
            return _emit(args, [dataclasses.asdict(p) for p in people], "\n".join(lines))
        wanted = {"merge": 2, "split": 1, "signoff": 1}[args.action]
        if len(args.names) != wanted:
            raise ArchiveError(f"people {args.action} takes {wanted} name(s)")
        if args.action == "merge":
            info = archive.merge_people(args.names[0], args.names[1])
        elif args.action == "split":
            info = archive.split_person(args.names[0])
        else:
            if not (args.site and args.code):
                raise ArchiveError("people signoff needs --site and --code")
            info = archive.attach_signoff(args.site, args.code, args.names[0])
    return _emit(args, info, info.description)


def cmd_place(args: argparse.Namespace) -> int:
    with _open(args, write=args.action == "alias") as archive:
        if args.action == "list":
            rows = archive.places()
            return _emit(
                args,
                [{"place": p, "articles": n, "spellings": list(s)} for p, n, s in rows],
                "\n".join(f"{p} ({n}): {', '.join(s)}" for p, n, s in rows),
            )
        if not (args.spelling and args.place):
            raise ArchiveError("place alias takes SPELLING PLACE")
        info = archive.add_place_alias(args.spelling, args.place)
    return _emit(args, info, info.description)


def cmd_backup(args: argparse.Namespace) -> int:
    with _open(args, write=False) as archive:
        info = archive.backup(args.file)
    return _emit(
        args,
        info,
        f"backed up {info.articles:,} articles and {info.files:,} files "
        f"({info.bytes / 1e6:,.1f} MB) to {info.path}",
    )


def cmd_restore(args: argparse.Namespace) -> int:
    count = Archive.restore(args.file, args.folder)
    return _emit(
        args,
        {"articles": count, "library": args.folder},
        f"restored {count:,} articles into {args.folder}",
    )


def _json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def _selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ids", help="articles by id: 1,2,3")
    parser.add_argument("--query", help="every article a search matches")


def add_catalogue_commands(sub: Any, run_key: str = "run") -> None:
    """Add the cataloguing sub-commands to the CLI's sub-parser collection."""
    p = sub.add_parser("edit", help="edit fields of one article")
    p.add_argument("id", type=int)
    p.add_argument(
        "--set",
        action="append",
        required=True,
        metavar="FIELD=VALUE",
        help="repeatable; list fields take JSON or comma-separated values",
    )
    _json(p)
    p.set_defaults(**{run_key: cmd_edit})

    p = sub.add_parser("bulk", help="change many articles as one undo step")
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
    _json(p)
    p.set_defaults(**{run_key: cmd_bulk})

    p = sub.add_parser("replace", help="find and replace within a field, previewed first")
    p.add_argument("field", choices=["title", "body", "dateline_place", "note", "agency"])
    p.add_argument("find")
    p.add_argument("replace")
    p.add_argument("--regex", action="store_true", help="FIND is a regular expression")
    p.add_argument("--apply", action="store_true", help="make the change (else only preview)")
    _selection(p)
    _json(p)
    p.set_defaults(**{run_key: cmd_replace})

    for name, text in (("undo", "undo the last change"), ("redo", "redo what undo undid")):
        p = sub.add_parser(name, help=text)
        _json(p)
        p.set_defaults(**{run_key: cmd_undo})

    p = sub.add_parser("history", help="every change made to an article")
    p.add_argument("id", type=int)
    _json(p)
    p.set_defaults(**{run_key: cmd_history})

    p = sub.add_parser("collection", help="list, create, or add articles to collections")
    p.add_argument("action", choices=["list", "create", "add", "remove"])
    p.add_argument("path", nargs="?", default="", help='"Parent/Child"')
    p.add_argument("--ids", default="", help="for add and remove: 1,2,3")
    _json(p)
    p.set_defaults(**{run_key: cmd_collection})

    p = sub.add_parser("people", help="the people authority: list, merge, split, sign-off")
    p.add_argument("action", choices=["list", "merge", "split", "signoff"])
    p.add_argument("names", nargs="*", help="merge KEEP OTHER; split SPELLING; signoff NAME")
    p.add_argument("--site", help="for signoff: the site, e.g. jpnn.com")
    p.add_argument("--code", help="for signoff: the code, e.g. chi")
    _json(p)
    p.set_defaults(**{run_key: cmd_people})

    p = sub.add_parser("place", help="places: list them, or group a spelling under a place")
    p.add_argument("action", choices=["list", "alias"])
    p.add_argument("spelling", nargs="?", default="")
    p.add_argument("place", nargs="?", default="")
    _json(p)
    p.set_defaults(**{run_key: cmd_place})

    p = sub.add_parser("backup", help="back the library up into one file")
    p.add_argument("file")
    _json(p)
    p.set_defaults(**{run_key: cmd_backup})

    p = sub.add_parser("restore", help="restore a backup into a new folder")
    p.add_argument("file")
    p.add_argument("folder")
    _json(p)
    p.set_defaults(**{run_key: cmd_restore})
