"""Searching a team catalogue with PostgreSQL's own full-text search (schema 0013's vectors)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    and_,
    case,
    cast,
    exists,
    func,
    literal,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import REGCONFIG
from sqlalchemy.orm import Session
from sqlalchemy.sql import column

from archive_app.db.models import Article, ArticlePerson, ArticleTag, Person, Site, Tag
from archive_app.domain.query_tree import (
    And,
    DateRange,
    Node,
    Not,
    Or,
    Phrase,
    Value,
    Word,
    positive_words,
)

# the objects schema 0013 adds outside the models (only PostgreSQL has them): a comparison of
# the models with a migrated catalogue leaves them out
SERVER_SIDE = frozenset({"search_vector", "ix_articles_search_vector"})
CONFIGS = ("indonesian", "english")
# a word's weights in the vector (0013): title A, subtitle B, body D
FIELD_WEIGHTS = {"title": "AB", "body": "D"}
_START, _STOP = "\x02", "\x03"  # ts_headline's marks, made HTML after escaping the text
_HEADLINE = f"StartSel={_START}, StopSel={_STOP}, MaxFragments=2, MaxWords=30, MinWords=12"
_vector: ColumnElement[object] = column("search_vector")


@dataclass(frozen=True, slots=True)
class CatalogueHit:
    id: int
    score: float
    snippets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CataloguePage:
    """A page of the catalogue's answer; `unanswered` names the parts of the query it could not
    apply (each one left out, so the answer may hold more than the index would find)."""

    total: int
    hits: tuple[CatalogueHit, ...]
    unanswered: tuple[str, ...]


def _is_indonesian() -> ColumnElement[bool]:
    # the same choice as arsip_fts_config(language) in the vector
    return func.arsip_fts_config(Article.language) == cast(literal("indonesian"), REGCONFIG)


def _quoted(word: str) -> str:
    """A word as one quoted tsquery operand: the configuration's parser still splits and stems
    it; quotes and backslashes in it are escaped, so no input is read as an operator."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _tsquery_text(node: Word | Phrase) -> str:
    weights = FIELD_WEIGHTS.get(node.field or "", "")
    if isinstance(node, Word):
        prefix = "*" if node.kind == "prefix" else ""
        suffix = f":{prefix}{weights}" if prefix or weights else ""
        return _quoted(node.text) + suffix
    suffix = f":{weights}" if weights else ""
    joiner = " <-> " if node.slop == 0 else " & "  # "…"~N: all the words, anywhere
    return joiner.join(_quoted(word) + suffix for word in node.words)


def _tsquery(config: str, node: Word | Phrase) -> ColumnElement[object]:
    return func.to_tsquery(cast(literal(config), REGCONFIG), literal(_tsquery_text(node)))


def _matches(node: Word | Phrase) -> ColumnElement[bool]:
    """The article's vector holds the word or phrase, read with its language's configuration;
    a word the configuration drops (a stop word such as 'the', 'yang') asks nothing."""
    per_config = []
    for config, chosen in zip(CONFIGS, (_is_indonesian(), not_(_is_indonesian())), strict=True):
        query = _tsquery(config, node)
        per_config.append(and_(chosen, or_(func.numnode(query) == 0, _vector.op("@@")(query))))
    return or_(*per_config)


class _Compiler:
    """The query tree as a WHERE clause; what cannot be mapped is left out and named."""

    def __init__(self) -> None:
        self.unanswered: list[str] = []

    def clause(self, node: Node) -> ColumnElement[bool] | None:
        if isinstance(node, And):
            kept = [c for c in (self.clause(o) for o in node.operands) if c is not None]
            return and_(*kept) if kept else None
        if isinstance(node, Or):
            parts = [self.clause(o) for o in node.operands]
            if any(p is None for p in parts):  # an unmapped branch could match anything
                return None
            return or_(*(p for p in parts if p is not None))
        if isinstance(node, Not):
            inner = self.clause(node.operand)
            return None if inner is None else not_(inner)
        if isinstance(node, Word | Phrase):
            return self._text(node)
        if isinstance(node, Value):
            return self._value(node)
        return self._dates(node)

    def _text(self, node: Word | Phrase) -> ColumnElement[bool] | None:
        if node.field == "caption":
            return self._leave("captions (caption:) are not in the catalogue's search")
        if node.field in (None, "title", "body"):
            if isinstance(node, Word) and node.kind == "fuzzy":
                self.unanswered.append(f"near spellings ({node.text}~) are found as typed")
            if isinstance(node, Phrase) and node.slop:
                self.unanswered.append('words near each other ("…"~N) are found anywhere')
            return _matches(node)
        words = [node.text] if isinstance(node, Word) else list(node.words)
        name = " ".join(words)
        if node.field == "place":
            return Article.dateline_place.ilike(f"%{_like(name)}%")
        credit = select(ArticlePerson.id).join(Person, Person.id == ArticlePerson.person_id)
        credit = credit.where(
            ArticlePerson.article_id == Article.id, Person.name.ilike(f"%{_like(name)}%")
        )
        if node.field != "person":
            credit = credit.where(ArticlePerson.role == node.field)
        return exists(credit)

    def _value(self, node: Value) -> ColumnElement[bool] | None:
        value = node.value.lower()
        if node.field == "lang":
            return func.lower(Article.language) == value
        if node.field == "site":
            pattern = f"{_like(value)}%" if "." in value else f"{_like(value)}.%"
            site = select(Site.id).where(Site.id == Article.site_id, Site.domain.ilike(pattern))
            return exists(site)
        if node.field == "tag":
            tagged = select(ArticleTag.article_id).join(Tag, Tag.id == ArticleTag.tag_id)
            tagged = tagged.where(
                ArticleTag.article_id == Article.id, func.lower(Tag.name) == value
            )
            return exists(tagged)
        return self._leave(f"{node.field}:{node.value} is not in the catalogue's search")

    def _dates(self, node: DateRange) -> ColumnElement[bool]:
        # the date as printed (its own zone), as the index reads it
        day = func.substr(Article.published, 1, 10)
        parts: list[ColumnElement[bool]] = [Article.published.is_not(None)]
        if node.start is not None:
            parts.append(day >= node.start.isoformat())
        if node.end is not None:
            parts.append(day <= node.end.isoformat())
        return and_(*parts)

    def _leave(self, why: str) -> ColumnElement[bool] | None:
        self.unanswered.append(why)
        return None


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _rank(node: Node) -> ColumnElement[float]:
    """ts_rank_cd of the words and phrases the query asks for, with the article's language."""
    words = [w for w in positive_words(node) if w.field in (None, "title", "body")]
    if not words:
        return cast(literal(0.0), Float)
    ranks = [func.ts_rank_cd(_vector, _any_of(config, words)) for config in CONFIGS]
    return case((_is_indonesian(), ranks[0]), else_=ranks[1])


def _any_of(config: str, words: Sequence[Word | Phrase]) -> ColumnElement[object]:
    query = _tsquery(config, words[0])
    for word in words[1:]:
        query = query.op("||")(_tsquery(config, word))
    return query


_ORDER: dict[str, tuple[ColumnElement[Any], ...]] = {
    "newest": (Article.sort_date.desc().nulls_last(), Article.id.desc()),
    "oldest": (Article.sort_date.asc().nulls_last(), Article.id.asc()),
    "title": (Article.title_key.asc(), Article.id.asc()),
}


def search(
    session: Session, node: Node | None, *, sort: str, limit: int, offset: int
) -> CataloguePage:
    """A page of the articles `node` matches (every article for None), ranked by `sort`
    ("relevance": ts_rank_cd over the weighted vector), with highlighted body snippets."""
    compiler = _Compiler()
    where = compiler.clause(node) if node is not None else None
    condition = where if where is not None else true()
    total = session.scalar(select(func.count()).select_from(Article).where(condition)) or 0
    rank = _rank(node) if node is not None else cast(literal(0.0), Float)
    relevance = (rank.desc(), Article.sort_date.desc().nulls_last(), Article.id.asc())
    order = _ORDER.get(sort, relevance)
    rows = session.execute(
        select(Article.id, rank).where(condition).order_by(*order).limit(limit).offset(offset)
    ).all()
    snippets = _snippets(session, [row[0] for row in rows], node)
    hits = tuple(CatalogueHit(int(i), float(s or 0.0), snippets.get(i, ())) for i, s in rows)
    return CataloguePage(int(total), hits, tuple(dict.fromkeys(compiler.unanswered)))


def matching_ids(session: Session, node: Node | None) -> tuple[list[int], tuple[str, ...]]:
    """Every article `node` matches, newest first, and what of it could not be applied."""
    compiler = _Compiler()
    where = compiler.clause(node) if node is not None else None
    query = select(Article.id).where(where if where is not None else true())
    ids = session.scalars(query.order_by(*_ORDER["newest"])).all()
    return [int(i) for i in ids], tuple(dict.fromkeys(compiler.unanswered))


def _snippets(session: Session, ids: list[int], node: Node | None) -> dict[int, tuple[str, ...]]:
    words = [w for w in positive_words(node) if w.field in (None, "body")] if node else []
    if not ids or not words:
        return {}
    headlines = [
        func.ts_headline(
            cast(literal(config), REGCONFIG),
            func.arsip_body_text(Article.body),
            _any_of(config, words),
            _HEADLINE,
        )
        for config in CONFIGS
    ]
    headline = case((_is_indonesian(), headlines[0]), else_=headlines[1])
    found: dict[int, tuple[str, ...]] = {}
    for article_id, text in session.execute(
        select(Article.id, headline).where(Article.id.in_(ids))
    ):
        if text and _START in text:
            found[int(article_id)] = tuple(_html(part) for part in text.split(" ... "))
    return found


def _html(text: str) -> str:
    """A headline as the index's snippets are: HTML, hits in <b class="hit">."""
    escaped = html.escape(" ".join(text.split()), quote=False)
    return escaped.replace(_START, '<b class="hit">').replace(_STOP, "</b>")
