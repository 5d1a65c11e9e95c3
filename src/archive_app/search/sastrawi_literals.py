"""Sastrawi's regular expressions looked up once, and its words cut without becoming patterns.

Sastrawi tries some 80 prefix rules on a new word, each `re.match(pattern, word)` with a
fixed pattern: `re` finds the compiled pattern in its cache at every call, which cost as
much as the matching. Here Sastrawi's modules see a `re` whose `match` keeps the compiled
patterns in a dictionary of their own. Each removal step also records what it cut off as
`re.sub(result, "", word, count=1)`, where `result` is the word left: a new pattern for
every word, compiled and cached by `re`. A word left by Sastrawi holds only letters, digits
and hyphens (what its normaliser keeps), which a pattern matches literally: the first
occurrence is cut, as `str.replace(result, "", 1)` cuts it. Anything else still goes to
`re`, so every stem stays what Sastrawi makes.
"""

from __future__ import annotations

import re
import sys
from types import ModuleType
from typing import Any

# the pattern characters that match only themselves, as Sastrawi's words are made of
_LITERAL = re.compile(r"[a-z0-9-]+")
# patterns kept compiled, at most (Sastrawi's own are about a hundred)
MAX_PATTERNS = 2_000
_compiled: dict[str, re.Pattern[str]] = {}


def _match(pattern: Any, string: Any, flags: int = 0) -> Any:
    """`re.match`, its pattern compiled once."""
    if flags or not isinstance(pattern, str):
        return re.match(pattern, string, flags)
    found = _compiled.get(pattern)
    if found is None:
        if len(_compiled) >= MAX_PATTERNS:
            return re.match(pattern, string)
        found = _compiled[pattern] = re.compile(pattern)
    return found.match(string)


def _sub(pattern: Any, repl: Any, string: Any, count: int = 0, flags: int = 0) -> Any:
    """`re.sub`, with a literal word cut once done as the string method does it."""
    if (
        count == 1
        and repl == ""
        and not flags
        and isinstance(pattern, str)
        and _LITERAL.fullmatch(pattern)
    ):
        return string.replace(pattern, "", 1)
    return re.sub(pattern, repl, string, count=count, flags=flags)


class _Re(ModuleType):
    """The `re` module as Sastrawi's modules see it: `match` and `sub` above, everything
    else `re`'s own."""

    match = staticmethod(_match)
    sub = staticmethod(_sub)

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


_SHIM = _Re("re")


def install() -> None:
    """Give Sastrawi's modules imported so far the `re` above (once its stemmer is made)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("Sastrawi.") and getattr(module, "re", None) is re:
            module.re = _SHIM  # type: ignore[attr-defined]
