"""Load an article for the reader off the GUI thread: its record and photos, then its related links.

Related links are looked up second (a title search each), so the article shows without them
first and its links to articles in this library appear a moment later.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from archive_app.domain.errors import ArchiveError
from archive_app.domain.model import ArticleDetail, RelatedLink, SearchPage
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.photos.decoding import decode_photos
from archive_app.gui.reader.prepared import Reading

log = logging.getLogger(__name__)
_PUNCTUATION = re.compile(r"[^\w]+")


class ArticleSource(Protocol):
    """What the reader needs from the Archive facade."""

    @property
    def path(self) -> Path: ...

    def article(self, article_id: int) -> ArticleDetail: ...

    def highlight_terms(self, query: str, texts: Iterable[str]) -> list[str]: ...

    def search(
        self,
        query: str,
        limit: int = ...,
        offset: int = ...,
        sort: str = ...,
        within: Sequence[str] = ...,
    ) -> SearchPage: ...


def _same_title(a: str, b: str) -> bool:
    return (
        _PUNCTUATION.sub(" ", a).casefold().split() == _PUNCTUATION.sub(" ", b).casefold().split()
    )


def find_related(
    source: ArticleSource, article_id: int, links: Sequence[RelatedLink]
) -> dict[int, int]:
    """Link position -> id of the library article whose title is the link's title."""
    found: dict[int, int] = {}
    for position, link in enumerate(links):
        words = " ".join(_PUNCTUATION.sub(" ", link.title).split())
        if len(words) < 8:  # too short to tell one article from another
            continue
        try:
            page = source.search(f'title:"{words}"', 5)
        except ArchiveError as error:  # a title the query language cannot say: not linked
            log.info("related link %r not looked up: %s", link.title, error)
            continue
        for hit in page.hits:
            if hit.id != article_id and _same_title(hit.title, link.title):
                found[position] = hit.id
                break
    return found


def load_reading(
    source: ArticleSource, article_id: int, terms: tuple[str, ...], query: str = ""
) -> Reading:
    """The article, with `terms` and the words and phrases of it `query` matched to mark."""
    detail = source.article(article_id)
    record = detail.record
    if query.strip():
        texts = (record.title, *record.body, *(p.caption or "" for p in record.photos))
        terms += tuple(source.highlight_terms(query, texts))
    # a team library's photos are in its catalogue: fetched into this desktop's cache (the
    # library's folder here), where the decoder and the photo viewer read them
    fetch = getattr(source, "library_file", None)
    if fetch is not None:
        for photo in record.photos:
            fetch(photo.media_path)
    return Reading(detail, terms, decode_photos(source.path, record.photos))


class ArticleLoader(QObject):
    """Only the newest request is delivered; an older one finishing late is dropped."""

    loaded = Signal(object)  # Reading
    relatedFound = Signal(int, object)  # (article id, {link position: article id})
    failed = Signal(int, object)  # (article id, the exception)

    def __init__(
        self, source: ArticleSource, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._runner = runner
        self._generation = 0

    def open(self, article_id: int, terms: Sequence[str] = (), query: str = "") -> None:
        self._generation += 1
        generation = self._generation
        self._runner.submit(
            partial(load_reading, self._source, article_id, tuple(terms), query),
            partial(self._loaded, generation),
            partial(self._failed, generation, article_id),
        )

    def cancel(self) -> None:
        """Drop whatever is on its way (the list was cleared, the window is closing)."""
        self._generation += 1

    def _loaded(self, generation: int, reading: Reading) -> None:
        if generation != self._generation:
            return
        self.loaded.emit(reading)
        detail = reading.detail
        if detail.record.related:
            self._runner.submit(
                partial(find_related, self._source, detail.id, detail.record.related),
                partial(self._related, generation, detail.id),
            )

    def _related(self, generation: int, article_id: int, found: object) -> None:
        if generation == self._generation and found:
            self.relatedFound.emit(article_id, found)

    def _failed(self, generation: int, article_id: int, error: Exception) -> None:
        if generation == self._generation:
            self.failed.emit(article_id, error)
