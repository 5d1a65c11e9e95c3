"""Read articles into domain dataclasses (summaries, details, versions, provenance).

ORM objects never leave db/. The index feed, library statistics, places and saved searches
have modules of their own (index_feed, library_stats, places, saved_searches)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from archive_app.db.article_people import in_chunks, people_by_article
from archive_app.db.field_access import read_field
from archive_app.db.models import (
    Article,
    ArticlePerson,
    ArticleTag,
    ArticleVersion,
    Original,
    ProvenanceRow,
    SameStory,
    Site,
    Tag,
)
from archive_app.db.models import Photo as PhotoRow
from archive_app.domain.errors import ArticleNotFoundError
from archive_app.domain.model import (
    ArticleDetail,
    ArticleSummary,
    CatalogueRecord,
    PersonRole,
    Photo,
    Provenance,
    RelatedLink,
)
from archive_app.domain.review import flags_from_json
from archive_app.domain.serial import record_from_dict

SORTS: dict[str, tuple[Any, ...]] = {
    "newest": (Article.sort_date.desc().nulls_last(), Article.id.desc()),
    "oldest": (Article.sort_date.asc().nulls_last(), Article.id.asc()),
    "title": (Article.title_key, Article.id),  # ix_articles_title_key gives this order
    "added": (Article.id.desc(),),
}


def summaries(session: Session, ids: Sequence[int]) -> dict[int, ArticleSummary]:
    """Row fields for the given articles, keyed by id (unknown ids are absent)."""
    found: dict[int, ArticleSummary] = {}
    for chunk in in_chunks(ids):
        people = people_by_article(session, chunk)
        rows = session.execute(
            select(
                Article.id,
                Article.title,
                Article.published,
                Article.updated,
                Site.domain,
                Article.dateline_place,
                Article.language,
            )
            .outerjoin(Site, Site.id == Article.site_id)
            .where(Article.id.in_(chunk))
        )
        for article_id, title, published, updated, site, place, language in rows:
            names = tuple(dict.fromkeys(p.name for p in people.get(article_id, [])))
            found[article_id] = ArticleSummary(
                article_id, title, published or updated, site, place, names, language
            )
    return found


def _embedded(metadata: dict[str, Any]) -> dict[str, str | None]:
    """The credit fields the importer summarised from the file's IPTC, XMP and EXIF."""
    summary = metadata.get("summary")
    return dict(summary) if isinstance(summary, dict) else {}


def _record(article: Article) -> CatalogueRecord:
    return CatalogueRecord(
        title=article.title,
        subtitle=article.subtitle,
        site=article.site.domain if article.site else None,
        url=article.url,
        source_id=article.source_id,
        captured=article.captured,
        language=article.language,
        published=article.published,
        published_raw=article.published_raw,
        updated=article.updated,
        updated_raw=article.updated_raw,
        dateline_place=article.dateline_place,
        people=[PersonRole(c.person.name, c.role) for c in article.credits],
        signoff=list(article.signoff),
        related=[RelatedLink(r.title, r.url) for r in article.related],
        photos=[
            Photo(
                caption=p.caption,
                credit=p.credit,
                photographer=p.photographer,
                agency=p.agency,
                source_url=p.source_url,
                media_path=p.media.path if p.media else None,
                media_size=p.media.size if p.media else None,
                rule=p.rule,
                media_sha256=p.media_sha256,
                embedded=_embedded(p.media.metadata_) if p.media and p.media.metadata_ else None,
                paragraph=p.paragraph,
            )
            for p in article.photos
        ],
        body=list(article.body),
        agency=article.agency,
        keywords=list(article.keywords or []),
        rules=dict(article.rules),
        warnings=list(article.warnings),
        review=flags_from_json(article.review),
    )


def _provenance(
    row: ProvenanceRow, original_path: str | None = None, version: int | None = None
) -> Provenance:
    """One place an article was seen; the path and version number come from the row's
    relations unless the caller read them in its own query."""
    if original_path is None:
        original_path = row.original.path
        version = row.version.number if row.version is not None else None
    return Provenance(
        file=row.file_name,
        sha256=row.original_sha256,
        locator=row.locator,
        format=row.format,
        imported_at=row.imported_at,
        batch_id=row.batch_id,
        member=row.member,
        original_path=original_path,
        extractor=row.extractor,
        kind=row.kind,
        version=version,
    )


def _tags(session: Session, article_id: int) -> list[str]:
    return list(
        session.scalars(
            select(Tag.name)
            .join(ArticleTag, ArticleTag.tag_id == Tag.id)
            .where(ArticleTag.article_id == article_id)
            .order_by(Tag.name)
        )
    )


def _same_story(session: Session, article_id: int) -> list[int]:
    rows = session.execute(
        select(SameStory.article_id, SameStory.other_id).where(
            or_(SameStory.article_id == article_id, SameStory.other_id == article_id)
        )
    )
    return sorted({b if a == article_id else a for a, b in rows})


def _detail(session: Session, article: Article) -> ArticleDetail:
    return detail_from(
        article,
        _tags(session, article.id),
        read_field(session, article, "collections"),
        _same_story(session, article.id),
    )


def detail_from(
    article: Article, tags: list[str], collections: list[str], same_story: list[int]
) -> ArticleDetail:
    """The article's details, its tags, collections and same-story links read already (one
    article here, a chunk of them at a time in the lossless export)."""
    current = [
        p
        for p in article.provenance
        if p.kind == "import"
        and p.version is not None
        and p.version.content_hash == article.content_hash
    ]
    return ArticleDetail(
        id=article.id,
        record=_record(article),
        tags=tags,
        provenance=[_provenance(p) for p in article.provenance],
        version=article.version,
        versions=len(article.versions),
        created_at=article.created_at,
        modified_at=article.modified_at,
        source=_provenance(current[-1]) if current else None,
        same_story=same_story,
        note=article.note,
        collections=collections,
        row_version=article.row_version,
    )


_DETAIL_LOAD = (
    selectinload(Article.site),
    selectinload(Article.credits).selectinload(ArticlePerson.person),
    selectinload(Article.photos).selectinload(PhotoRow.media),
    selectinload(Article.related),
    selectinload(Article.provenance).selectinload(ProvenanceRow.original),
    selectinload(Article.provenance)
    .selectinload(ProvenanceRow.version)
    .load_only(ArticleVersion.number, ArticleVersion.content_hash),
    selectinload(Article.versions).load_only(ArticleVersion.number),
)


def detail(session: Session, article_id: int) -> ArticleDetail:
    article = session.scalar(select(Article).where(Article.id == article_id).options(*_DETAIL_LOAD))
    if article is None:
        raise ArticleNotFoundError(f"there is no article {article_id} in this library")
    return _detail(session, article)


def details(session: Session, ids: Sequence[int]) -> Iterator[ArticleDetail]:
    """Full records for many articles, loaded a chunk at a time, in the order of `ids`."""
    for chunk in in_chunks(ids):
        rows = session.scalars(select(Article).where(Article.id.in_(chunk)).options(*_DETAIL_LOAD))
        by_id = {a.id: a for a in rows}
        for article_id in chunk:
            if article_id in by_id:
                yield _detail(session, by_id[article_id])


def article_ids(session: Session, sort: str = "newest", limit: int | None = None) -> list[int]:
    """Every article's id in `sort` order, or only the first `limit` of them (the index on
    the sort key gives those without reading the rest)."""
    ordered = select(Article.id).order_by(*SORTS.get(sort, SORTS["newest"]))
    return list(session.scalars(ordered if limit is None else ordered.limit(limit)))


def count(session: Session) -> int:
    return session.scalar(select(func.count(Article.id))) or 0


def has_articles(session: Session) -> bool:
    """Whether the library holds any article: one row looked up, not all of them counted."""
    return session.scalar(select(Article.id).limit(1)) is not None


def versions(session: Session) -> dict[int, int]:
    """Every article id and its version number (what the index must hold)."""
    return {row[0]: row[1] for row in session.execute(select(Article.id, Article.version))}


def bodies(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """Body text of the given articles (for snippets)."""
    rows = session.execute(select(Article.id, Article.body).where(Article.id.in_(ids)))
    return {article_id: "\n\n".join(body) for article_id, body in rows}


def version_record(session: Session, article_id: int, number: int) -> CatalogueRecord:
    """The catalogue record one version of an article was imported with (before any edit)."""
    stored = session.scalar(
        select(ArticleVersion.record).where(
            ArticleVersion.article_id == article_id, ArticleVersion.number == number
        )
    )
    if stored is None:
        raise ArticleNotFoundError(f"article {article_id} has no version {number}")
    return record_from_dict(stored)


def occurrences(session: Session) -> Iterator[tuple[int, Provenance]]:
    """Every place any article was seen, as (article id, provenance), in the order recorded."""
    rows = session.execute(
        select(ProvenanceRow, ArticleVersion.number, Original.path)
        .outerjoin(ArticleVersion, ArticleVersion.id == ProvenanceRow.version_id)
        .join(Original, Original.sha256 == ProvenanceRow.original_sha256)
        .order_by(ProvenanceRow.id)
        .execution_options(yield_per=2000)
    )
    for row, number, path in rows:
        yield row.article_id, _provenance(row, path, number)
