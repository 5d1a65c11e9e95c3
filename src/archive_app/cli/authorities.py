"""Authority commands: `people` (list, merge, split, sign-off codes) and `place` (spellings)."""

from __future__ import annotations

import argparse
import dataclasses

from archive_app.cli.arguments import json_option
from archive_app.cli.library import open_library
from archive_app.cli.textout import emit
from archive_app.domain.errors import ArchiveError


def cmd_people(args: argparse.Namespace) -> int:
    with open_library(args, write=args.action != "list") as archive:
        if args.action == "list":
            people = archive.people()
            lines = [
                f"{p.name} — {', '.join(f'{r} {n}' for r, n in sorted(p.roles.items()))}"
                + (f" (also: {', '.join(p.aliases)})" if p.aliases else "")
                + (f" [sign-off {', '.join(p.signoff_codes)}]" if p.signoff_codes else "")
                for p in people
            ]
            return emit(args, [dataclasses.asdict(p) for p in people], "\n".join(lines))
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
    return emit(args, info, info.description)


def cmd_place(args: argparse.Namespace) -> int:
    with open_library(args, write=args.action == "alias") as archive:
        if args.action == "list":
            rows = archive.places()
            return emit(
                args,
                [{"place": p, "articles": n, "spellings": list(s)} for p, n, s in rows],
                "\n".join(f"{p} ({n}): {', '.join(s)}" for p, n, s in rows),
            )
        if not (args.spelling and args.place):
            raise ArchiveError("place alias takes SPELLING PLACE")
        info = archive.add_place_alias(args.spelling, args.place)
    return emit(args, info, info.description)


def add_people(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=["list", "merge", "split", "signoff"])
    p.add_argument("names", nargs="*", help="merge KEEP OTHER; split SPELLING; signoff NAME")
    p.add_argument("--site", help="for signoff: the site, e.g. jpnn.com")
    p.add_argument("--code", help="for signoff: the code, e.g. chi")
    json_option(p)
    p.set_defaults(run=cmd_people)


def add_place(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=["list", "alias"])
    p.add_argument("spelling", nargs="?", default="")
    p.add_argument("place", nargs="?", default="")
    json_option(p)
    p.set_defaults(run=cmd_place)
