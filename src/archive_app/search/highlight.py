"""The words and phrases of an article that a query matched, spelled as the article spells them."""

from __future__ import annotations

from collections.abc import Iterable

from archive_app.domain.errors import QueryError
from archive_app.domain.query import And, Node, Or, Phrase, Word
from archive_app.search.analysis import word_spans
from archive_app.search.compile import compile_query
from archive_app.search.snippets import form_matcher


def _wanted(node: Node) -> Node | None:
    """The query without what a hit must not hold (NOT) and without the values and dates that
    are no words of the text (site:, tag:, lang:, review:, date:)."""
    if isinstance(node, Word | Phrase):
        return node
    if isinstance(node, And | Or):
        kept = tuple(part for operand in node.operands if (part := _wanted(operand)) is not None)
        if not kept:
            return None
        return And(kept) if isinstance(node, And) else Or(kept)
    return None


def matched_forms(node: Node, texts: Iterable[str]) -> list[str]:
    """Each word of `texts` the query matched (through its stem, as the index does: "pemilihan"
    matches "memilih" and "pilihan") and each phrase as a whole, spelled as found, once."""
    wanted = _wanted(node)
    if wanted is None:
        return []
    try:
        compiled = compile_query(wanted)
    except QueryError:
        return []
    matches = form_matcher(compiled.highlight_forms)
    found: dict[str, None] = {}
    for text in texts:
        spans = list(word_spans(text))
        folded = [word for _start, _end, word in spans]
        for phrase in compiled.highlight_phrases:
            size = len(phrase)
            for i in range(len(folded) - size + 1):
                if tuple(folded[i : i + size]) == phrase:
                    found[text[spans[i][0] : spans[i + size - 1][1]]] = None
        for start, end, word in spans:
            if matches(word):
                found[text[start:end]] = None
    return list(found)
