"""Turn parsed query objects into a Whoosh query, cheap date filters and phrase checks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from whoosh import query as wq

from archive_app.domain.errors import QueryError
from archive_app.domain.query import And, DateRange, Node, Not, Or, Phrase, Value, Word
from archive_app.search.analysis import (
    STOPWORDS,
    fold,
    is_pair_indexed,
    pair,
    query_forms,
    words,
)
from archive_app.search.phrases import PhraseChecked, Verifier

# query field -> index field
INDEX_FIELD = {
    None: "text",
    "body": "text",
    "title": "title",
    "caption": "caption",
    "person": "people",
    "author": "author",
    "reporter": "reporter",
    "editor": "editor",
    "photographer": "photographer",
    "contributor": "contributor",
    "place": "place",
}
STEMMED_FIELDS = frozenset({"text", "title", "caption"})
MAX_EXPANSION = 2000  # words a prefix or fuzzy term may stand for before we ask for more letters
# words all the prefix and fuzzy terms of one query may stand for together: each is a posting
# list to merge, and a search (and its counts) reads every one of them
MAX_TOTAL_EXPANSION = 5000


@dataclass(slots=True)
class Compiled:
    """A Whoosh query, the day ranges that filter it, and the phrases it checks."""

    query: wq.Query
    day_ranges: list[tuple[int, int]] = field(default_factory=list)
    verifiers: list[Verifier] = field(default_factory=list)
    highlight_forms: set[str] = field(default_factory=set)
    highlight_phrases: list[tuple[str, ...]] = field(default_factory=list)
    plain_words: list[str] = field(default_factory=list)

    @property
    def browse_only(self) -> bool:
        return isinstance(self.query, wq.Every)


def day_number(value: date) -> int:
    return value.year * 10000 + value.month * 100 + value.day


def _day_bounds(node: DateRange) -> tuple[int, int]:
    start = day_number(node.start) if node.start else 1
    end = day_number(node.end) if node.end else 99991231
    return start, end


class _Compiler:
    def __init__(self, reader: object | None) -> None:
        self.reader = reader
        self.out = Compiled(wq.Every())
        self.expanded = 0  # words the query's prefix and fuzzy terms stand for so far

    def _count_terms(self, index_field: str, terms: Iterable[object]) -> None:
        count = 0
        for count, _term in enumerate(terms, start=1):
            if count > MAX_EXPANSION:
                raise QueryError(
                    f"that pattern matches more than {MAX_EXPANSION:,} different words in "
                    f"{index_field}; add letters to narrow it",
                    "",
                    None,
                )
        self.expanded += count
        if self.expanded > MAX_TOTAL_EXPANSION:
            raise QueryError(
                "the wildcard and fuzzy terms of the query together match more than "
                f"{MAX_TOTAL_EXPANSION:,} different words; use fewer of them or add letters",
                "",
                None,
            )

    def word(self, node: Word, required: bool) -> wq.Query | None:
        index_field = INDEX_FIELD[node.field]
        tokens = words(node.text)
        if not tokens:
            raise QueryError(f"{node.text!r} has no letters or digits to search for", "", None)
        if node.kind == "prefix":
            prefix = fold(node.text).rstrip("*")
            if self.reader is not None:
                self._count_terms(index_field, self.reader.expand_prefix(index_field, prefix))  # type: ignore[attr-defined]
            self.out.highlight_forms.add(prefix + "*")
            return wq.Prefix(index_field, prefix)
        if node.kind == "fuzzy":
            if self.reader is not None:
                self._count_terms(
                    index_field,
                    self.reader.terms_within(  # type: ignore[attr-defined]
                        index_field, tokens[0], node.distance, prefix=1
                    ),
                )
            self.out.highlight_forms.add(tokens[0])
            return wq.FuzzyTerm(index_field, tokens[0], maxdist=node.distance, prefixlength=1)
        if len(tokens) > 1:  # "liputan6.com", "K-Pop": one typed word, several index words
            return self.phrase(Phrase(tuple(tokens), node.field), required)
        surface = tokens[0]
        forms = query_forms(surface) if index_field in STEMMED_FIELDS else {surface}
        self.out.highlight_forms.update(forms)
        if node.field is None:
            self.out.plain_words.append(surface)
        terms = [wq.Term(index_field, form) for form in sorted(forms)]
        return terms[0] if len(terms) == 1 else wq.Or(terms)

    def phrase(self, node: Phrase, required: bool) -> wq.Query:
        index_field = INDEX_FIELD[node.field]
        tokens = tuple(t for w in node.words for t in words(w))
        if not tokens:
            raise QueryError("the quotes hold no words", "", None)
        if len(tokens) == 1:
            return self.word(Word(tokens[0], node.field), required) or wq.NullQuery
        self.out.highlight_phrases.append(tokens)
        if node.slop:
            parts = [self.word(Word(t, node.field), required) for t in tokens]
            if required:
                self.out.verifiers.append(Verifier(index_field, tokens, node.slop))
            return wq.And([p for p in parts if p is not None])
        # pairs of common words are terms; other words are looked up as they are spelled
        terms: list[wq.Query] = []
        paired: set[int] = set()
        for i, (first, second) in enumerate(pairwise(tokens)):
            if is_pair_indexed(first, second):
                terms.append(wq.Term(index_field, pair(first, second)))
                paired.update((i, i + 1))
        terms.extend(wq.Term(index_field, t) for i, t in enumerate(tokens) if i not in paired)
        exact_by_terms = len(tokens) == 2 and len(paired) == 2
        if not exact_by_terms and required:
            # the terms find every article holding the phrase's words; the check of their places
            # keeps only those that hold it in order (outside a required clause, the terms alone
            # decide)
            self.out.verifiers.append(Verifier(index_field, tokens, 0))
        unique = list(dict.fromkeys(terms))
        return unique[0] if len(unique) == 1 else wq.And(unique)

    def value(self, node: Value) -> wq.Query:
        if node.field == "site" and "." not in node.value:
            return wq.Prefix("site", node.value + ".")  # site:detik finds detik.com
        return wq.Term(node.field, node.value.removeprefix("www."))

    def node(self, node: Node, required: bool) -> wq.Query | None:
        if isinstance(node, Word):
            return self.word(node, required)
        if isinstance(node, Phrase):
            return self.phrase(node, required)
        if isinstance(node, Value):
            return self.value(node)
        if isinstance(node, DateRange):
            start, end = _day_bounds(node)
            return wq.NumericRange("day", start, end)
        if isinstance(node, Not):
            inner = self.node(node.operand, False)
            return wq.AndNot(wq.Every(), inner) if inner is not None else None
        if isinstance(node, Or):
            # the same term twice only costs twice: "ba* OR ba*" is "ba*"
            parts = [
                p for n in dict.fromkeys(node.operands) if (p := self.node(n, False)) is not None
            ]
            return parts[0] if len(parts) == 1 else wq.Or(parts)
        return self.conjunction(node, required)

    def conjunction(self, node: And, required: bool) -> wq.Query:
        positives: list[wq.Query] = []
        negatives: list[wq.Query] = []
        operands = list(dict.fromkeys(node.operands))  # "ba* ba*" is "ba*"
        plain = [
            n for n in operands if isinstance(n, Word) and n.field is None and n.kind == "word"
        ]
        # stopwords rank nothing and match almost everything: drop them beside real words
        if len(plain) < len(operands) or any(fold(w.text) not in STOPWORDS for w in plain):
            operands = [
                n
                for n in operands
                if not (
                    isinstance(n, Word)
                    and n.field is None
                    and n.kind == "word"
                    and fold(n.text) in STOPWORDS
                )
            ]
        for operand in operands:
            if isinstance(operand, DateRange) and required:
                self.out.day_ranges.append(_day_bounds(operand))
            elif isinstance(operand, Not):
                inner = self.node(operand.operand, False)
                if inner is not None:
                    negatives.append(inner)
            else:
                compiled = self.node(operand, required)
                if compiled is not None:
                    positives.append(compiled)
        base: wq.Query = (
            wq.And(positives) if len(positives) > 1 else (positives[0] if positives else wq.Every())
        )
        if negatives:
            excluded = negatives[0] if len(negatives) == 1 else wq.Or(negatives)
            return wq.AndNot(base, excluded)
        return base


def compile_query(node: Node, reader: object | None = None) -> Compiled:
    """A Whoosh query for `node`; top-level dates become day filters, not range queries, and
    required phrases are checked on the index's word places."""
    compiler = _Compiler(reader)
    top = node if isinstance(node, And) else And((node,))
    query = compiler.conjunction(top, True)
    if compiler.out.verifiers:
        # the terms find every article holding the phrases' words; the places of the words
        # keep those that hold them in order
        query = PhraseChecked(query, tuple(compiler.out.verifiers))
    compiler.out.query = query
    return compiler.out
