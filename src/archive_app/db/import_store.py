"""Store one imported article in the open chunk: a new article, a new version, or a duplicate."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from archive_app.db.dedupe_decision import Verdict, decide
from archive_app.db.import_unit import ChunkRows, FileOutcome, ImportUnit
from archive_app.db.known_articles import KnownArticles
from archive_app.db.lossless import load_article
from archive_app.db.models import Article
from archive_app.db.new_articles import NewArticle
from archive_app.db.sort_key import sort_date
from archive_app.db.store import Source, place_known
from archive_app.domain.model import CatalogueRecord, ImportItem


@dataclass(slots=True)
class Arrival:
    """One article read from a file, as the importer hands it over."""

    record: CatalogueRecord
    key: str | None  # its URL key (or "id:<guid>")
    digest: str  # the hash of its text
    where: str  # how the report names its place in the file
    display: str  # the file, as the report names it
    origin: Source
    revisit: bool  # a web archive's revisit record
    restore: dict[str, Any] | None  # an Arsip export's state of the article
    warnings: list[str]  # the article's warnings so far; photo warnings join them
    known: KnownArticles | None = None  # its URL and text looked up with the next ones


_CATALOGUE = KnownArticles()  # knows nothing ahead: asks the catalogue for each article


def _is_newer(record: CatalogueRecord, article: Article) -> bool:
    """Whether a new text of an article should become the one shown (newest date wins)."""
    new = sort_date(record.updated or record.published)
    current = sort_date(article.updated or article.published)
    return new is None or current is None or new >= current


def store_item(
    unit: ImportUnit,
    chunk: ChunkRows,
    outcome: FileOutcome,
    item: Arrival,
    register: Callable[[], None],
    archive_photos: Callable[[], CatalogueRecord],
    restored_changes: dict[int, int],
) -> bool:
    """Add the item as an article or a new version; False when it is a duplicate."""
    session, writer, pending = unit.session, unit.writer, chunk.pending
    record, key, digest, where, display = (
        item.record,
        item.key,
        item.digest,
        item.where,
        item.display,
    )
    with session.no_autoflush:
        article = _resolve(unit, pending.seen_urls.get(key)) if key else None
        if article is None and key:
            article = _resolve(unit, (item.known or _CATALOGUE).article_with_url(session, key))
        if item.revisit:
            return _revisit(unit, chunk, outcome, item, article, register)
        if article is not None:
            texts = frozenset(v.content_hash for v in article.versions)
            if decide(texts, digest, text_known=False) is Verdict.DUPLICATE:
                register()
                _seen_again(unit, chunk, article, {digest}, item.origin, "duplicate")
                _duplicate(
                    chunk,
                    outcome,
                    article,
                    ImportItem(
                        display,
                        where,
                        article.id,
                        record.title,
                        "same URL and text as an article already in the library",
                    ),
                )
                return False
            register()
            record = archive_photos()  # the record with its archived photos
            unit.flush_new()  # the new version's rows come after those met before it
            number = writer.add_version(
                article, record, digest, item.origin, make_current=_is_newer(record, article)
            )
            pending.updated.append(
                (
                    outcome,
                    article,
                    where,
                    f"URL already in the library with different text: kept as version {number}",
                )
            )
            if key:
                pending.seen_urls[key] = article
            pending.seen_hashes[digest] = article
            return True
        # a restored record is known by the texts it was imported with, not its edits
        hashes = (
            {v["content_hash"] for v in item.restore["versions"]}
            if (item.restore is not None)
            else {digest}
        )
        twin = next((pending.seen_hashes[h] for h in hashes if h in pending.seen_hashes), None)
        if isinstance(twin, NewArticle):  # met earlier in this chunk: stored now, known by id
            unit.flush_new()
            twin = twin.id
        twin_id = (
            twin
            if isinstance(twin, int)
            else twin.id
            if twin is not None
            else (item.known or _CATALOGUE).article_with_text(session, hashes)
        )
        known = twin is not None or twin_id is not None
        if decide(None, digest, text_known=known) is Verdict.DUPLICATE:
            register()
            _seen_again(
                unit, chunk, twin if twin is not None else twin_id, hashes, item.origin, "duplicate"
            )
            _duplicate(
                chunk,
                outcome,
                twin,
                ImportItem(
                    display,
                    where,
                    twin_id,
                    record.title,
                    "same text as an article already in the library",
                ),
            )
            return False
        register()
        new: Article | NewArticle
        if item.restore is not None:
            unit.flush_new()
            new = load_article(
                session,
                writer,
                record,
                item.restore,
                key,
                item.origin.batch_id,
                restored_changes,
            )
        else:
            record = archive_photos()  # the record with its archived photos
            new = unit.new.add(writer, record, digest, key, item.origin)
    if key:
        pending.seen_urls[key] = new
    for restored_hash in hashes:
        pending.seen_hashes[restored_hash] = new
    pending.added.append((outcome, new, where, record.title, list(item.warnings)))
    return True


def _seen_again(
    unit: ImportUnit,
    chunk: ChunkRows,
    article: Article | int | None,
    hashes: set[str],
    origin: Source,
    kind: str,
) -> None:
    """Keep the place where an article was found again in its provenance (once a place):
    a librarian tracing row 61 of a file finds the article it duplicated."""
    if article is None:
        return
    article_id = article if isinstance(article, int) else article.id
    marker = (
        article_id if article_id is not None else -id(article),
        origin.sha256,
        origin.member or "",
        origin.locator,
    )
    if marker in chunk.pending.places:
        return
    chunk.pending.places.add(marker)
    unit.flush_new()  # the provenance row comes after the rows met before it
    if article_id is not None and place_known(
        unit.session, article_id, origin.sha256, origin.member, origin.locator
    ):
        return
    unit.writer.seen_again(article, hashes, origin, kind)


def _revisit(
    unit: ImportUnit,
    chunk: ChunkRows,
    outcome: FileOutcome,
    item: Arrival,
    article: Article | None,
    register: Callable[[], None],
) -> bool:
    """A web archive's revisit record: another capture of an article already archived."""
    where, url = item.where, item.record.url or ""
    if article is None:
        outcome.failed.append(
            ImportItem(
                item.display,
                where,
                message=(
                    f"a revisit record of {url}: the capture it repeats is not in the library "
                    "(import the web archive that holds it first)"
                ),
            )
        )
        return False
    register()
    _seen_again(unit, chunk, article, {article.content_hash}, item.origin, "revisit")
    when = f", captured {item.record.captured}" if item.record.captured else ""
    _duplicate(
        chunk,
        outcome,
        article,
        ImportItem(
            item.display,
            where,
            article.id,
            article.title,
            f"another capture of an article already in the library (revisit record{when})",
        ),
    )
    return False


def _duplicate(
    chunk: ChunkRows, outcome: FileOutcome, article: Article | int | None, item: ImportItem
) -> None:
    """Report a duplicate with the id of the article it repeats (known at the next flush when
    that article came earlier in the same chunk)."""
    if isinstance(article, Article) and article.id is None:
        chunk.pending.duplicates.append((outcome, article, item))
    else:
        outcome.duplicates.append(item)


def _resolve(unit: ImportUnit, seen: Article | NewArticle | int | None) -> Article | None:
    """An article met earlier in this file, loaded again if the session has let it go (or
    never held it: a new article queued for its insert is inserted first)."""
    if isinstance(seen, NewArticle):
        unit.flush_new()
        seen = seen.id
    if isinstance(seen, int):
        return unit.session.get(Article, seen)
    return seen
