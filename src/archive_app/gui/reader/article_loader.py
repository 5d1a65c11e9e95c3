"""Load an article for the reader off the GUI thread: its record, then its photos and related links.

The text shows first, with a blank of each photo's size where it will stand; the photos are
decoded meanwhile on another worker (a 12-megapixel JPEG takes longer than laying out the text)
and drawn in place. Related links are looked up last (a title search each), so the article's
links to articles in this library appear a moment later.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from archive_app.domain.errors import ArchiveError
from archive_app.domain.model import ArticleDetail, Photo, RelatedLink, SearchPage
from archive_app.gui.common.tasks import TaskRunner
from archive_app.gui.photos.decoding import (
    cached_photos,
    decode_photos,
    photo_path,
    upright_size,
)
from archive_app.gui.reader.prepared import Box, DecodedImage, Reading, fitted

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
    source: ArticleSource,
    article_id: int,
    terms: tuple[str, ...],
    query: str = "",
    box: Box | None = None,
) -> Reading:
    """The article with its photos decoded (fitted within `box` when given), `terms` and the
    words and phrases of it `query` matched to mark."""
    reading = load_text(source, article_id, terms, query, box)
    reading.images.update(load_photos(source, reading.detail.record.photos, reading.pending, box))
    reading.pending.clear()
    return reading


def load_text(
    source: ArticleSource,
    article_id: int,
    terms: tuple[str, ...],
    query: str = "",
    box: Box | None = None,
) -> Reading:
    """The article with the photos decoded lately (going back to an article) and, `pending`,
    the size each other archived photo will be drawn at (read from its file's header)."""
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
    reading = Reading(detail, terms, cached_photos(source.path, record.photos, box))
    for position, photo in enumerate(record.photos):
        path = photo_path(source.path, photo)
        if path is None or position in reading.images:
            continue
        size = upright_size(path)
        if size is not None:
            reading.pending[position] = fitted(size, box) if box is not None else size
    return reading


def load_photos(
    source: ArticleSource, photos: list[Photo], positions: Collection[int], box: Box | None = None
) -> dict[int, DecodedImage]:
    """The photos at `positions` decoded (a damaged one is left out)."""
    return decode_photos(source.path, photos, box=box, only=positions)


class ArticleLoader(QObject):
    """Only the newest request is delivered; an older one finishing late is dropped."""

    loaded = Signal(object)  # Reading (its `pending` photos come by photosLoaded)
    photosLoaded = Signal(int, object)  # (article id, {photo position: DecodedImage})
    relatedFound = Signal(int, object)  # (article id, {link position: article id})
    failed = Signal(int, object)  # (article id, the exception)

    def __init__(
        self,
        source: ArticleSource,
        runner: TaskRunner,
        parent: QObject | None = None,
        photo_box: Callable[[], Box] | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._runner = runner
        self._generation = 0
        self._photo_box = photo_box  # asked on the GUI thread: the reader's width and zoom

    def open(self, article_id: int, terms: Sequence[str] = (), query: str = "") -> None:
        self._generation += 1
        generation = self._generation
        box = self._photo_box() if self._photo_box is not None else None
        self._runner.submit(
            partial(load_text, self._source, article_id, tuple(terms), query, box),
            partial(self._loaded, generation, box),
            partial(self._failed, generation, article_id),
        )

    def cancel(self) -> None:
        """Drop whatever is on its way (the list was cleared, the window is closing)."""
        self._generation += 1

    def _loaded(self, generation: int, box: Box | None, reading: Reading) -> None:
        if generation != self._generation:
            return
        pending = tuple(reading.pending)
        if pending:  # decoded on a worker while this thread lays the text out
            photos = reading.detail.record.photos
            self._runner.submit(
                partial(load_photos, self._source, photos, pending, box),
                partial(self._photos, generation, reading),
                partial(self._photos_failed, generation, reading),
            )
        self.loaded.emit(reading)
        if not pending:
            self._find_related(generation, reading)

    def _photos(self, generation: int, reading: Reading, images: object) -> None:
        if generation != self._generation:
            return
        assert isinstance(images, dict)
        self.photosLoaded.emit(reading.detail.id, images)
        self._find_related(generation, reading)

    def _photos_failed(self, generation: int, reading: Reading, error: Exception) -> None:
        # the text is on screen: photos that cannot be read leave it there, as "not archived"
        log.error("the photos of article %s failed to load", reading.detail.id, exc_info=error)
        self._photos(generation, reading, {})

    def _find_related(self, generation: int, reading: Reading) -> None:
        # after the photos: the title searches would slow their decoding down
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
