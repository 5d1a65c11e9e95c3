"""Argument types the commands share: lists of article ids ("1,2,5-9", "1 2 3") and counts."""

from __future__ import annotations

import argparse
import re

from archive_app.domain.errors import ArchiveError

_SEPARATORS = re.compile(r"[,\s]+")
_RANGE = re.compile(r"(\d+)-(\d+)")


def parse_ids(text: str) -> list[int]:
    """Article ids separated by commas or spaces, "5-9" standing for 5 to 9, in the order given.

    Repeats are kept (a command may count them) and an empty text gives no ids; raises an
    ArchiveError naming the first part that is neither an id nor a range of ids.
    """
    ids: list[int] = []
    for part in _SEPARATORS.split(text.strip()):
        if not part:
            continue
        try:
            ids.append(int(part))
            continue
        except ValueError:
            pass
        match = _RANGE.fullmatch(part)
        if match is None or int(match[1]) > int(match[2]):
            raise ArchiveError(
                f"{part!r} is not an article id: give article ids separated by commas "
                "or spaces, e.g. 1,2,5-9"
            )
        ids.extend(range(int(match[1]), int(match[2]) + 1))
    return ids


def id_list(text: str) -> list[int]:
    """`parse_ids` as an argparse type: at least one id, each once (a usage error otherwise)."""
    try:
        ids = parse_ids(text)
    except ArchiveError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if not ids:
        raise argparse.ArgumentTypeError("give at least one article id")
    return list(dict.fromkeys(ids))


def _positive(text: str) -> int:
    """A whole number of 1 or more."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


# argparse names the type in its message for "--limit x" ("invalid _positive value: 'x'"):
# the function keeps the name it has always had there
positive = _positive


def json_option(parser: argparse.ArgumentParser) -> None:
    """The --json switch of the commands that print their result either way."""
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
