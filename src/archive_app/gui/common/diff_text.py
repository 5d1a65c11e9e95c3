"""Mark what a change alters: the words taken out of the old value and put into the new one."""

from __future__ import annotations

from difflib import SequenceMatcher
from html import escape


def marked_pair(old: str, new: str) -> tuple[str, str]:
    """(old, new) as escaped HTML: removed words in <s>, added words in <b>."""
    before, after = old.split(" "), new.split(" ")
    old_parts: list[str] = []
    new_parts: list[str] = []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        gone = escape(" ".join(before[a1:a2]))
        added = escape(" ".join(after[b1:b2]))
        if op == "equal":
            old_parts.append(gone)
            new_parts.append(added)
            continue
        if gone:
            old_parts.append(f"<s>{gone}</s>")
        if added:
            new_parts.append(f"<b>{added}</b>")
    return " ".join(old_parts), " ".join(new_parts)


def marked_items(old: list[str], new: list[str], empty: str) -> tuple[str, str]:
    """Lists (tags, people…) item by item: items taken out in <s>, items put in in <b>;
    `empty` (not marked) stands for a list with nothing in it."""

    def join(items: list[str], others: list[str], tag: str) -> str:
        if not items:
            return escape(empty)
        return ", ".join(escape(i) if i in others else f"<{tag}>{escape(i)}</{tag}>" for i in items)

    return join(old, new, "s"), join(new, old, "b")
