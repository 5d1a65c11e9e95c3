"""The last step of every import: no stored string carries a control character.

Wire formats frame their stories with SOH/STX/ETX, old feeds keep tabs and form feeds, and text
decoded as Latin-1 when it was Windows-1252 carries C1 codes (U+0080-U+009F) where quotes and
dashes belonged. None of that is text a librarian can see or search for. Every string in a
catalogue record — title, body paragraphs, people, related links, photo captions and credits,
keywords, raw date strings, the rules and warnings — is cleaned here, whatever reader made it:
C1 codes become the Windows-1252 characters they stood for (what browsers do, via ftfy), line
breaks and tabs become a space (no field holds line breaks: paragraphs are list items), and
every other C0 or C1 control character is removed.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

from ftfy.fixes import fix_c1_controls

# C0 controls, DEL and C1 controls: the characters Unicode gives the category Cc
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# controls that separate words (str.split treats them as spaces): a space keeps words apart
_SPACING = re.compile(r"\s*[\t\n\r\x0b\x0c\x1c-\x1f\x85]+\s*")
_T = TypeVar("_T")
# field types that hold no string to search
_PLAIN = frozenset({str, type(None), int, float, bool})


def clean_text(text: str) -> str:
    """The text without control characters (unchanged, and cheap, when it has none)."""
    if CONTROL.search(text) is None:
        return text
    # a NEL (U+0085) is Windows-1252's "…" far more often than a line break in news text
    text = fix_c1_controls(text)
    text = _SPACING.sub(" ", text)
    return CONTROL.sub("", text).strip()


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_clean(v) for v in value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return sanitise(value)
    return value


def _has_control(value: Any) -> bool:
    """Whether any string in the value, however deeply nested, holds a control character (the
    common answer is no: finding that out without rebuilding anything keeps imports fast)."""
    kind = type(value)
    # exact types first: this runs on every field of every record, isinstance chains cost
    if kind is str:
        return CONTROL.search(value) is not None
    if value is None:
        return False
    if kind is list or kind is tuple:
        try:  # a list of strings (a body's paragraphs) is searched in one pass
            return CONTROL.search("".join(value)) is not None
        except TypeError:
            return any(map(_has_control, value))
    if kind is dict:
        return _has_control(list(value)) or _has_control(list(value.values()))
    names = getattr(kind, "__dataclass_fields__", None)
    if names is not None:
        fields = [getattr(value, name) for name in names]
        # its text fields in one pass; a character class never matches across a seam
        texts = "".join([field for field in fields if type(field) is str])
        if CONTROL.search(texts) is not None:
            return True
        return any(_has_control(field) for field in fields if type(field) not in _PLAIN)
    # subclasses (a StrEnum, a NamedTuple) take the slower way
    if isinstance(value, str):
        return CONTROL.search(value) is not None
    if isinstance(value, list | tuple):
        return any(map(_has_control, value))
    if isinstance(value, dict):
        return any(_has_control(k) or _has_control(v) for k, v in value.items())
    return False


def sanitise(item: _T) -> _T:
    """A dataclass (a catalogue record, a person, a photo…) with every string in it, however
    deeply nested, cleaned; mutable ones are cleaned in place, frozen ones are copied."""
    if not dataclasses.is_dataclass(item) or isinstance(item, type) or not _has_control(item):
        return item
    changes = {}
    for spec in dataclasses.fields(item):
        old = getattr(item, spec.name)
        new = _clean(old)
        if new != old:
            changes[spec.name] = new
    if not changes:
        return item
    params = getattr(type(item), "__dataclass_params__", None)
    if params is not None and params.frozen:
        return dataclasses.replace(item, **changes)
    for name, new in changes.items():
        setattr(item, name, new)
    return item
