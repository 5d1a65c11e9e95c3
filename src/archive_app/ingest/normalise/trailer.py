"""The end of an article: its sign-off, and the credit, source and promo lines around it."""

from __future__ import annotations

import re
from functools import cache

from archive_app.domain.site_rules import rules
from archive_app.ingest.normalise.draft import Draft
from archive_app.ingest.normalise.noise import is_closing, is_noise
from archive_app.ingest.normalise.people import parse_closing_credit, parse_credit_line
from archive_app.ingest.normalise.related import looks_like_headline
from archive_app.ingest.normalise.signoff import split_signoff
from archive_app.ingest.normalise.text import fold

# How far from the end a sign-off may stand (tags and video titles can follow it).
SIGNOFF_WINDOW = 15
# A line after a sign-off with more words than this, ending as a sentence, is article text.
_CONTENT_WORDS = 12
# A wire's closing tag on a line of its own names the agency: "/ritzau/", "==Kyodo".
_AGENCY_TAG = re.compile(
    r"^(?:/\s*(?P<slashed>[^\W\d_][\w.& -]{1,20}?)\s*/"
    r"|={2,}\s*(?P<marked>[^\W\d_][\w.& -]{1,20}?))\s*$"
)


@cache
def _source_line() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in rules().agency_labels)
    return re.compile(r"^(?:" + labels + r")\s*:\s*(?P<source>[^:/]\S.{0,60})$", re.IGNORECASE)


def credit_line(draft: Draft, line: str, apply: bool = False) -> bool:
    """Whether `line` credits people or names the source agency (read it in when `apply`)."""
    credited = parse_credit_line(line)
    if credited is not None:
        if apply:
            draft.add_credits(*credited, line)
        return True
    source = _source_line().match(fold(line))
    if source is not None:
        if apply:
            draft.set_agency(source["source"].strip(" ."), "agency:source-line")
        return True
    return False


def _closing_line(draft: Draft, line: str, apply: bool = False) -> bool:
    if credit_line(draft, line, apply):
        return True
    tag = _AGENCY_TAG.match(line.strip())
    if tag is not None:
        if apply:
            draft.set_agency(tag["slashed"] or tag["marked"], "agency:closing-tag")
        return True
    closing = parse_closing_credit(line, draft.site_rules, draft.get("language"))
    if closing is not None:
        if apply:
            draft.add_credits(*closing)
        return True
    return False


def read_trailer(draft: Draft, units: list[str]) -> list[str]:
    """Find the sign-off and read the credit and source lines after it (or at the very end);
    what follows a sign-off (tags, video titles) is not article text."""
    end = len(units)
    for index in range(len(units) - 1, max(-1, len(units) - 1 - SIGNOFF_WINDOW), -1):
        if split_signoff(units[index]) is not None:
            if only_furniture(units[index + 1 :]):
                end = index + 1
            break
    trailer, units = units[end:], units[:end]
    # credits and widgets may stand above a sign-off that has a line of its own
    signoff = [units.pop()] if _signoff_alone(units) else []
    while units and (
        _closing_line(draft, units[-1])
        or is_noise(units[-1], draft.site_rules)
        or is_closing(units[-1])
        or _widget_title(units)
    ):
        trailer.insert(0, units.pop())
    for line in trailer:
        _closing_line(draft, line, apply=True)
    return [*units, *signoff]


def _signoff_alone(units: list[str]) -> bool:
    """The last line is a sign-off and nothing else."""
    found = split_signoff(units[-1]) if units else None
    return found is not None and not found[0]


def _widget_title(units: list[str]) -> bool:
    """A video or article widget at the end of the text prints its title twice in a row
    ("Lihat Proses Packing Carica …" twice before the sign-off): drop the pair."""
    if len(units) < 2 or units[-1] != units[-2] or not looks_like_headline(units[-1]):
        return False
    units.pop()  # the first copy goes here, the caller pops the second
    return True


def only_furniture(lines: list[str]) -> bool:
    """Whether what follows a sign-off is only tags, titles and promotions: a whole sentence of
    some length there means the text goes on, and nothing of it may be lost."""
    return not any(
        len(line.split()) > _CONTENT_WORDS and line.rstrip()[-1:] in '.!?"”' for line in lines
    )


def apply_signoff(draft: Draft, body: list[str]) -> list[str]:
    """Record the closing codes ("(chi/jpnn)") and take them off the last paragraph."""
    for index in range(len(body) - 1, max(-1, len(body) - 1 - SIGNOFF_WINDOW), -1):
        found = split_signoff(body[index])
        if found is None:
            continue
        if not only_furniture(body[index + 1 :]):
            return body
        text, codes = found
        draft.set("signoff", codes, "signoff:closing-codes")
        return [*body[:index], text] if text else body[:index]
    return body
