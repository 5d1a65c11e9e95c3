"""The articles an import's next arrivals name by URL key or text, looked up a window at a time.

Deduplicating asked the catalogue twice per article (its URL key, its text's hash): on a team
catalogue each is a round trip to the server. An import reads WINDOW articles ahead and asks
once for all their keys and once for all their hashes; each article's own look-up is then
answered from those. Only a key or hash that occurs once in the window is answered so: one
that occurs twice may be stored by the first article before the second looks it up, and is
asked for at that time as before. What the open chunk has stored but not flushed (the import's
`seen` maps) is excluded too: those maps answer for it first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import TypeVar

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from archive_app.db.models import Article, ArticleVersion
from archive_app.db.store import article_with_text, article_with_url

WINDOW = 100  # articles read ahead: one file's worth of page dumps, a slice of a table
Item = TypeVar("Item")
# an article's URL key (or None) and the hashes of the texts it is known by
Keys = tuple[str | None, Collection[str]]

_BY_URLS = select(Article.url_key, Article.id).where(
    Article.url_key.in_(bindparam("keys", expanding=True))
)
_BY_TEXTS = select(ArticleVersion.content_hash, ArticleVersion.article_id).where(
    ArticleVersion.content_hash.in_(bindparam("hashes", expanding=True))
)


class KnownArticles:
    """Answers an import's per-article look-ups from one query per window of arrivals."""

    def __init__(self) -> None:
        self._urls: dict[str, int | None] = {}
        self._texts: dict[str, int | None] = {}

    def ahead(
        self,
        session: Session,
        items: Iterable[Item],
        keys: Callable[[Item], Keys],
        seen: tuple[Mapping[str, object], Mapping[str, object]],
    ) -> Iterator[Item]:
        """The items, each window of them looked up before the first is given; `seen`: the
        open chunk's URL keys and text hashes stored but maybe not flushed."""
        window: list[Item] = []
        for item in items:
            window.append(item)
            if len(window) >= WINDOW:
                self._look_up(session, [keys(i) for i in window], seen)
                yield from window
                window = []
        if window:
            self._look_up(session, [keys(i) for i in window], seen)
            yield from window

    def _look_up(
        self,
        session: Session,
        window: list[Keys],
        seen: tuple[Mapping[str, object], Mapping[str, object]],
    ) -> None:
        urls = Counter(key for key, _hashes in window if key)
        texts = Counter(h for _key, hashes in window for h in set(hashes))
        self._urls = {k: None for k, n in urls.items() if n == 1 and k not in seen[0]}
        self._texts = {h: None for h, n in texts.items() if n == 1 and h not in seen[1]}
        connection = session.connection()
        if self._urls:
            for key, article in connection.execute(_BY_URLS, {"keys": list(self._urls)}):
                self._urls[str(key)] = article
        if self._texts:
            for digest, article in connection.execute(_BY_TEXTS, {"hashes": list(self._texts)}):
                self._texts[digest] = article

    def article_with_url(self, session: Session, key: str) -> int | None:
        """The article stored under this URL key, if any (store.article_with_url)."""
        if key in self._urls:
            return self._urls.pop(key)
        return article_with_url(session, key)

    def article_with_text(self, session: Session, hashes: Collection[str]) -> int | None:
        """The article one of whose texts has one of these hashes (store.article_with_text)."""
        if hashes and all(h in self._texts for h in hashes):
            answers = [self._texts.pop(h) for h in hashes]
            return next((a for a in answers if a is not None), None)
        return article_with_text(session, hashes)
