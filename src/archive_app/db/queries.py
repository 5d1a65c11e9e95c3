"""Read the catalogue into the core's dataclasses; ORM objects never leave this module."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from archive_app.db.editing import read_field
from archive_app.db.models import (
    Article,
    ArticlePerson,
    ArticleTag,
    ArticleVersion,
    ImportBatch,
    MediaFile,
    Original,
    Person,
    PersonAlias,
    PlaceAlias,
    ProvenanceRow,
    SameStory,
    SavedSearch,
    Site,
    Tag,
)
from archive_app.db.models import Photo as PhotoRow
from archive_app.domain.errors import ArticleNotFoundError
from archive_app.domain.model import (
    ArticleDetail,
    ArticleSummary,
    CatalogueRecord,
    IndexDocument,
    LibraryStats,
    PersonRole,
    Photo,
    Provenance,
    RelatedLink,
)
from archive_app.domain.model import SavedSearch as SavedSearchInfo
from archive_app.domain.places import canonical_place
from archive_app.domain.review import flags_from_json
from archive_app.domain.serial import record_from_dict

_CHUNK = 500
SORTS: dict[str, tuple[Any, ...]] = {
    "newest": (Article.sort_date.desc().nulls_last(), Article.id.desc()),
    "oldest": (Article.sort_date.asc().nulls_last(), Article.id.asc()),
    "title": (Article.title.collate("NOCASE"), Article.id),
    "added": (Article.id.desc(),),
}


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _people_by_article(session: Session, ids: Sequence[int]) -> dict[int, list[PersonRole]]:
    people: dict[int, list[PersonRole]] = {i: [] for i in ids}
    rows = session.execute(
        select(ArticlePerson.article_id, Person.name, ArticlePerson.role)
        .join(Person, Person.id == ArticlePerson.person_id)
        .where(ArticlePerson.article_id.in_(ids))
        .order_by(ArticlePerson.article_id, ArticlePerson.position)
    )
    for article_id, name, role in rows:
        people[article_id].append(PersonRole(name, role))
    return people


def summaries(session: Session, ids: Sequence[int]) -> dict[int, ArticleSummary]:
    """Row fields for the given articles, keyed by id (unknown ids are absent)."""
    found: dict[int, ArticleSummary] = {}
    for chunk in _chunks(ids):
        people = _people_by_article(session, chunk)
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


def _provenance(row: ProvenanceRow) -> Provenance:
    return Provenance(
        file=row.file_name,
        sha256=row.original_sha256,
        locator=row.locator,
        format=row.format,
        imported_at=row.imported_at,
        batch_id=row.batch_id,
        member=row.member,
        original_path=row.original.path,
        extractor=row.extractor,
        kind=row.kind,
        version=row.version.number if row.version is not None else None,
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
        tags=_tags(session, article.id),
        provenance=[_provenance(p) for p in article.provenance],
        version=article.version,
        versions=len(article.versions),
        created_at=article.created_at,
        modified_at=article.modified_at,
        source=_provenance(current[-1]) if current else None,
        same_story=_same_story(session, article.id),
        note=article.note,
        collections=read_field(session, article, "collections"),
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
    for chunk in _chunks(ids):
        rows = session.scalars(select(Article).where(Article.id.in_(chunk)).options(*_DETAIL_LOAD))
        by_id = {a.id: a for a in rows}
        for article_id in chunk:
            if article_id in by_id:
                yield _detail(session, by_id[article_id])


def article_ids(session: Session, sort: str = "newest") -> list[int]:
    return list(session.scalars(select(Article.id).order_by(*SORTS.get(sort, SORTS["newest"]))))


def count(session: Session) -> int:
    return session.scalar(select(func.count(Article.id))) or 0


def versions(session: Session) -> dict[int, int]:
    """Every article id and its version number (what the index must hold)."""
    return {row[0]: row[1] for row in session.execute(select(Article.id, Article.version))}


def _tags_by_article(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    tags: dict[int, list[str]] = {}
    for article_id, name in session.execute(
        select(ArticleTag.article_id, Tag.name)
        .join(Tag, Tag.id == ArticleTag.tag_id)
        .where(ArticleTag.article_id.in_(ids))
    ):
        tags.setdefault(article_id, []).append(name)
    return tags


def place_aliases(session: Session) -> dict[str, str]:
    """Librarians' place spellings (folded) -> the place they belong to."""
    return {key: place for key, place in session.execute(select(PlaceAlias.key, PlaceAlias.place))}


def index_documents(session: Session, ids: Iterable[int]) -> Iterator[IndexDocument]:
    """Index documents for the given articles, built a chunk at a time."""
    id_list = list(ids)
    place_names = place_aliases(session)
    for chunk in _chunks(id_list):
        people = _people_by_article(session, chunk)
        tags = _tags_by_article(session, chunk)
        aliases: dict[int, list[PersonRole]] = {}
        for article_id, alias, role in session.execute(
            select(ArticlePerson.article_id, PersonAlias.name, ArticlePerson.role)
            .join(PersonAlias, PersonAlias.person_id == ArticlePerson.person_id)
            .where(ArticlePerson.article_id.in_(chunk))
        ):
            aliases.setdefault(article_id, []).append(PersonRole(alias, role))
        captions: dict[int, list[str]] = {}
        for article_id, caption, credit in session.execute(
            select(PhotoRow.article_id, PhotoRow.caption, PhotoRow.credit)
            .where(PhotoRow.article_id.in_(chunk))
            .order_by(PhotoRow.position)
        ):
            captions.setdefault(article_id, []).extend(t for t in (caption, credit) if t)
        rows = session.execute(
            select(
                Article.id,
                Article.version,
                Article.title,
                Article.body,
                Site.domain,
                Article.dateline_place,
                Article.published,
                Article.updated,
                Article.language,
                Article.review,
            )
            .outerjoin(Site, Site.id == Article.site_id)
            .where(Article.id.in_(chunk))
        )
        for (
            article_id,
            version,
            title,
            body,
            site,
            place,
            published,
            updated,
            language,
            review,
        ) in rows:
            yield IndexDocument(
                id=article_id,
                version=version,
                title=title,
                body=tuple(body),
                people=tuple(people.get(article_id, [])),
                site=site,
                place=place,
                date=published or updated,
                language=language,
                captions=tuple(captions.get(article_id, [])),
                tags=tuple(tags.get(article_id, [])),
                aliases=tuple(dict.fromkeys(aliases.get(article_id, []))),
                place_group=canonical_place(place, place_names),
                review=tuple(dict.fromkeys(f.kind for f in flags_from_json(review))),
            )


PEOPLE_FIELDS = frozenset({"people", "author", "reporter", "editor", "photographer", "contributor"})


def field_texts(
    session: Session, ids: Sequence[int], fields: frozenset[str] = frozenset({"text"})
) -> dict[int, dict[str, str]]:
    """The text of the given searchable fields of the given articles, to check phrases and to
    make snippets. Only what `fields` needs is read: checking a phrase in thousands of
    candidates must not load their people, tags and versions."""
    texts: dict[int, dict[str, str]] = {}
    captions: dict[int, list[str]] = {}
    if fields & {"text", "caption"}:
        for chunk in _chunks(ids):
            for article_id, caption, credit in session.execute(
                select(PhotoRow.article_id, PhotoRow.caption, PhotoRow.credit)
                .where(PhotoRow.article_id.in_(chunk))
                .order_by(PhotoRow.position)
            ):
                captions.setdefault(article_id, []).extend(t for t in (caption, credit) if t)
    for chunk in _chunks(ids):
        for article_id, title, body, place in session.execute(
            select(Article.id, Article.title, Article.body, Article.dateline_place).where(
                Article.id.in_(chunk)
            )
        ):
            shown = captions.get(article_id, [])
            texts[article_id] = {
                "text": "\n".join((title, *body, *shown)),
                "title": title,
                "body": "\n".join(body),
                "caption": "\n".join(shown),
                "place": place or "",
            }
    if fields & PEOPLE_FIELDS:
        for doc in index_documents(session, list(texts)):
            credited = (*doc.people, *doc.aliases)
            texts[doc.id]["people"] = "\n".join(p.name for p in credited)
            for role in PEOPLE_FIELDS - {"people"}:
                texts[doc.id][role] = "\n".join(p.name for p in credited if p.role == role)
    return texts


def bodies(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """Body text of the given articles (for snippets)."""
    rows = session.execute(select(Article.id, Article.body).where(Article.id.in_(ids)))
    return {article_id: "\n\n".join(body) for article_id, body in rows}


def original_paths(session: Session) -> list[str]:
    return list(session.scalars(select(Original.path)))


def provenance_original_paths(session: Session) -> set[str]:
    """The originals some provenance row names (an original no row names lost its articles)."""
    return set(
        session.scalars(
            select(Original.path).join(
                ProvenanceRow, ProvenanceRow.original_sha256 == Original.sha256
            )
        )
    )


def media_paths(session: Session) -> list[str]:
    """Archived photo files (not their thumbnails, which are derived and rebuildable)."""
    return list(session.scalars(select(MediaFile.path)))


def stats(session: Session, path: Path) -> LibraryStats:
    by_site = {
        domain or "(unknown)": n
        for domain, n in session.execute(
            select(Site.domain, func.count(Article.id))
            .select_from(Article)
            .outerjoin(Site, Site.id == Article.site_id)
            .group_by(Site.domain)
            .order_by(func.count(Article.id).desc())
        )
    }
    by_language = {
        language or "(unknown)": n
        for language, n in session.execute(
            select(Article.language, func.count(Article.id))
            .group_by(Article.language)
            .order_by(func.count(Article.id).desc())
        )
    }
    return LibraryStats(
        path=str(path),
        articles=count(session),
        versions=session.scalar(select(func.count(ArticleVersion.id))) or 0,
        sites=session.scalar(select(func.count(Site.id))) or 0,
        people=session.scalar(select(func.count(Person.id))) or 0,
        photos=session.scalar(select(func.count(PhotoRow.id))) or 0,
        originals=session.scalar(select(func.count(Original.sha256))) or 0,
        batches=session.scalar(select(func.count(ImportBatch.id))) or 0,
        by_site=by_site,
        by_language=by_language,
    )


def saved_searches(session: Session) -> list[SavedSearchInfo]:
    return [
        SavedSearchInfo(row.name, row.query, row.sort, row.created_at)
        for row in session.scalars(select(SavedSearch).order_by(SavedSearch.name))
    ]


def places(session: Session, aliases: dict[str, str]) -> list[tuple[str, int, tuple[str, ...]]]:
    """Each place with its article count and the spellings grouped under it."""
    groups: dict[str, tuple[int, set[str]]] = {}
    for printed, count in session.execute(
        select(Article.dateline_place, func.count())
        .where(Article.dateline_place.is_not(None))
        .group_by(Article.dateline_place)
    ):
        if printed is None:
            continue
        name = canonical_place(printed, aliases) or printed
        total, spellings = groups.get(name, (0, set()))
        groups[name] = (total + count, spellings | {printed})
    return sorted(
        ((name, n, tuple(sorted(s))) for name, (n, s) in groups.items()),
        key=lambda row: (-row[1], row[0]),
    )


def articles_with_place(session: Session, key: str) -> list[int]:
    from archive_app.domain.places import place_key

    found = []
    for article_id, printed in session.execute(
        select(Article.id, Article.dateline_place).where(Article.dateline_place.is_not(None))
    ):
        if printed and (
            place_key(printed) == key or place_key(canonical_place(printed) or "") == key
        ):
            found.append(article_id)
    return found


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
        yield (
            row.article_id,
            Provenance(
                file=row.file_name,
                sha256=row.original_sha256,
                locator=row.locator,
                format=row.format,
                imported_at=row.imported_at,
                batch_id=row.batch_id,
                member=row.member,
                original_path=path,
                extractor=row.extractor,
                kind=row.kind,
                version=number,
            ),
        )
