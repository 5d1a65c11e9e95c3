"""Write catalogue rows: sites, people, originals, batches, articles and their versions.

Same-story links and saved searches have modules of their own (same_story, saved_searches)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from archive_app.db.field_access import write_field
from archive_app.db.models import (
    Article,
    ArticlePerson,
    ArticleVersion,
    ImportBatch,
    MediaFile,
    Original,
    Person,
    PersonAlias,
    Photo,
    ProvenanceRow,
    RelatedLink,
    Site,
)
from archive_app.db.sort_key import sort_date
from archive_app.db.upsert import create_committed, get_or_create_committed
from archive_app.domain.model import CatalogueRecord, PersonRole
from archive_app.domain.review import answered, flags_to_json
from archive_app.domain.serial import record_to_dict


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record was read: the original file and the place in it."""

    sha256: str
    file_name: str
    locator: str
    format: str
    extractor: str
    batch_id: int | None
    member: str | None = None


def person_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def distinct_credits(people: Iterable[PersonRole]) -> Iterator[tuple[int, PersonRole, str]]:
    """Each credit's position, the credit and its person key, a person credited twice in one
    role kept once (the first): the unique (article, person, role) constraint."""
    seen: set[tuple[str, str]] = set()
    for position, credit in enumerate(people):
        key = person_key(credit.name)
        if (key, credit.role) not in seen:
            seen.add((key, credit.role))
            yield position, credit, key


# Statements run once per imported file, built once and run on the connection: through the
# ORM a lookup or an insert cost more than the rest of storing a small page dump.
# "unless the library has it": ON CONFLICT DO NOTHING, which each dialect's own insert says
_REGISTER_ORIGINAL = {
    # RETURNING says whether the row was inserted: psycopg's rowcount for such an insert is
    # not 0 when the row was there, so on PostgreSQL every original looked new
    "sqlite": sqlite.insert(Original).on_conflict_do_nothing().returning(Original.sha256),
    "postgresql": postgresql.insert(Original).on_conflict_do_nothing().returning(Original.sha256),
}
_ARTICLE_BY_URL = select(Article.id).where(Article.url_key == bindparam("key")).limit(1)
_ARTICLE_BY_TEXT = (
    select(ArticleVersion.article_id)
    .where(ArticleVersion.content_hash.in_(bindparam("hashes", expanding=True)))
    .limit(1)
)


_VERSION_WITH_TEXT = (
    select(ArticleVersion.id)
    .where(ArticleVersion.article_id == bindparam("article"))
    .where(ArticleVersion.content_hash.in_(bindparam("hashes", expanding=True)))
    .order_by(ArticleVersion.number)
    .limit(1)
)
_PLACE_KNOWN = (
    select(ProvenanceRow.id)
    .where(ProvenanceRow.article_id == bindparam("article"))
    .where(ProvenanceRow.original_sha256 == bindparam("sha256"))
    .where(ProvenanceRow.locator == bindparam("locator"))
    .where(func.coalesce(ProvenanceRow.member, "") == bindparam("member"))
    .limit(1)
)


def place_known(
    session: Session, article_id: int, sha256: str, member: str | None, locator: str
) -> bool:
    """Whether the article is already recorded at this place (file, member, locator)."""
    return (
        session.connection()
        .execute(
            _PLACE_KNOWN,
            {"article": article_id, "sha256": sha256, "member": member or "", "locator": locator},
        )
        .scalar()
        is not None
    )


def article_with_url(session: Session, key: str) -> int | None:
    """The article stored under this URL key, if any."""
    found: int | None = session.connection().execute(_ARTICLE_BY_URL, {"key": key}).scalar()
    return found


def article_with_text(session: Session, hashes: Iterable[str]) -> int | None:
    """The article one of whose texts has one of these content hashes, if any."""
    found: int | None = (
        session.connection().execute(_ARTICLE_BY_TEXT, {"hashes": list(hashes)}).scalar()
    )
    return found


class CatalogueWriter:
    """Adds rows inside the caller's session, remembering sites and people it has looked up."""

    def __init__(self, session: Session, now: str) -> None:
        self.session = session
        self.now = now
        # objects until the session lets them go (release), then their ids
        self._sites: dict[str, Site | int] = {}
        self._people: dict[str, Person | int] = {}
        self._media: set[str] = set()  # photo files registered through this writer

    def release(self) -> None:
        """Keep the ids of what was looked up, not the objects: call after a flush, before
        the session expunges its objects. A later use loads them again by id."""
        self._sites = {k: v if isinstance(v, int) else v.id for k, v in self._sites.items()}
        self._people = {k: v if isinstance(v, int) else v.id for k, v in self._people.items()}

    def remember_people(self, ids: dict[str, int]) -> None:
        """Take the people a caller looked up in bulk (person key -> id): credits naming them
        then ask the catalogue nothing (a batch restored at once, not a query per name)."""
        for key, person_id in ids.items():
            self._people.setdefault(key, person_id)

    def site(self, domain: str | None) -> Site | None:
        if not domain:
            return None
        cached = self._sites.get(domain)
        site = self.session.get(Site, cached) if isinstance(cached, int) else cached
        if site is None:
            site = get_or_create_committed(
                self.session, Site, Site.domain == domain, {"domain": domain}
            )
        self._sites[domain] = site
        return site

    def person(self, name: str) -> Person:
        """The person with this spelling, or the one it was merged into, or a new person."""
        key = person_key(name)
        cached = self._people.get(key)
        person = self.session.get(Person, cached) if isinstance(cached, int) else cached
        if person is None:
            person = self.session.scalar(select(Person).where(Person.key == key))
            if person is None:
                person = self.session.scalar(
                    select(Person)
                    .join(PersonAlias, PersonAlias.person_id == Person.id)
                    .where(PersonAlias.key == key)
                )
            if person is None:
                person = create_committed(
                    self.session,
                    Person,
                    Person.key == key,
                    {"name": " ".join(name.split()), "key": key},
                )
        self._people[key] = person
        return person

    def original(self, sha256: str, size: int, ext: str, path: str) -> bool:
        """Register an original file unless the library already has it; True when it is new."""
        connection = self.session.connection()
        result = connection.execute(
            _REGISTER_ORIGINAL[connection.dialect.name],
            {
                "sha256": sha256,
                "size": size,
                "ext": ext,
                "path": path,
                "first_imported_at": self.now,
            },
        )
        return result.first() is not None

    def _provenance_row(self, source: Source) -> ProvenanceRow:
        """A provenance row for `source`, stamped with this writer's import time."""
        return ProvenanceRow(
            batch_id=source.batch_id,
            original_sha256=source.sha256,
            file_name=source.file_name,
            member=source.member,
            locator=source.locator,
            format=source.format,
            extractor=source.extractor,
            imported_at=self.now,
        )

    def seen_again(
        self, article: Article | int, hashes: set[str], source: Source, kind: str
    ) -> None:
        """Record that an article (an object, or the id of a stored one) was found again at
        `source`: its text, one of `hashes`, came in another file, row or capture. The caller
        makes sure the place is not recorded twice."""
        row = self._provenance_row(source)
        row.kind = kind
        if isinstance(article, Article):
            version = next(
                (v for v in article.versions if v.content_hash in hashes),
                article.versions[-1] if article.versions else None,
            )
            if article.id is not None and (version is None or version.id is not None):
                # a stored article: add the row by ids (loading its whole provenance to append
                # one row cost a query per duplicate)
                row.article_id = article.id
                row.version_id = version.id if version is not None else None
                self.session.add(row)
                return
            row.version = version  # added in this chunk: its rows are not flushed yet
            article.provenance.append(row)
            return
        row.article_id = article
        row.version_id = (
            self.session.connection()
            .execute(_VERSION_WITH_TEXT, {"article": article, "hashes": sorted(hashes)})
            .scalar()
        )
        self.session.add(row)

    def media(
        self,
        sha256: str,
        path: str,
        size: int,
        mime: str,
        width: int,
        height: int,
        metadata: dict[str, object],
        thumbnail: str,
    ) -> None:
        """Register an archived photo file once, however many articles use it."""
        if sha256 in self._media:
            return
        self._media.add(sha256)
        if self.session.get(MediaFile, sha256) is None:
            self.session.add(
                MediaFile(
                    sha256=sha256,
                    path=path,
                    size=size,
                    mime=mime,
                    width=width,
                    height=height,
                    metadata_=metadata,
                    thumbnail=thumbnail,
                )
            )

    def new_batch(self, paths: list[str]) -> ImportBatch:
        batch = ImportBatch(
            started_at=self.now,
            status="running",
            paths=paths,
            added=0,
            duplicates=0,
            updated=0,
            failed=0,
        )
        self.session.add(batch)
        self.session.flush()
        return batch

    def _apply(self, article: Article, record: CatalogueRecord, content_hash: str) -> None:
        """Make `record` the article's current catalogue record."""
        article.site = self.site(record.site)
        article.url = record.url
        article.title = record.title
        article.subtitle = record.subtitle
        article.source_id = record.source_id
        article.captured = record.captured
        article.language = record.language
        article.published, article.published_raw = record.published, record.published_raw
        article.updated, article.updated_raw = record.updated, record.updated_raw
        article.sort_date = sort_date(record.published or record.updated)
        article.dateline_place = record.dateline_place
        article.body = list(record.body)
        article.signoff = list(record.signoff)
        article.agency = record.agency
        article.keywords = list(record.keywords)
        article.rules = dict(record.rules)
        article.warnings = list(record.warnings)
        article.review = flags_to_json(record.review)
        article.content_hash = content_hash
        article.modified_at = self.now
        # the old credits, photos and links go, also when the article itself is not flushed
        # yet (a file that holds two texts of one URL): kept, they would be stored beside the
        # new ones and break the unique (article, person, role) constraint
        article.credits, article.photos, article.related = [], [], []
        if article.id is not None:
            # a stored article's old rows are deleted before the new ones are inserted, or
            # the constraint would see both at once
            self.session.flush()
        for position, credit, key in distinct_credits(record.people):
            credited = ArticlePerson(role=credit.role, position=position, credited_name=credit.name)
            known = self._people.get(key)
            if isinstance(known, int):
                # met before this writer's last release: its id is enough, loading the
                # person again cost a query per person and flush (most of storing the credits)
                credited.person_id = known
            else:
                credited.person = self.person(credit.name)
            article.credits.append(credited)
        article.photos = [
            Photo(
                position=position,
                caption=p.caption,
                credit=p.credit,
                photographer=p.photographer,
                agency=p.agency,
                source_url=p.source_url,
                rule=p.rule,
                media_sha256=p.media_sha256,
                paragraph=p.paragraph,
            )
            for position, p in enumerate(record.photos)
        ]
        article.related = [
            RelatedLink(position=position, title=link.title, url=link.url)
            for position, link in enumerate(record.related)
        ]

    def add_article(
        self, record: CatalogueRecord, content_hash: str, url_key: str | None, source: Source
    ) -> Article:
        article = Article(url_key=url_key, version=1, created_at=self.now)
        self._apply(article, record, content_hash)
        self.session.add(article)
        self._add_version(article, record, content_hash, source, number=1)
        return article

    def add_version(
        self,
        article: Article,
        record: CatalogueRecord,
        content_hash: str,
        source: Source,
        make_current: bool,
    ) -> int:
        number = max((v.number for v in article.versions), default=0) + 1
        self._add_version(article, record, content_hash, source, number)
        if make_current:
            self._apply(article, record, content_hash)
            if article.overrides:
                # a librarian's corrections outlive a newer text of the same article
                for field, value in article.overrides.items():
                    write_field(self.session, self, article, field, value)
                # and the flags those corrections answer stay answered
                article.review = flags_to_json(answered(record.review, set(article.overrides)))
            article.version += 1
        return number

    def _add_version(
        self,
        article: Article,
        record: CatalogueRecord,
        content_hash: str,
        source: Source,
        number: int,
    ) -> None:
        version = ArticleVersion(
            number=number,
            content_hash=content_hash,
            record=record_to_dict(record),
            created_at=self.now,
        )
        article.versions.append(version)
        row = self._provenance_row(source)
        row.version = version
        article.provenance.append(row)


def delete_articles(session: Session, ids: list[int]) -> list[int]:
    """Delete articles (their versions, credits, photos and links go with them)."""
    found = list(session.scalars(select(Article).where(Article.id.in_(ids))))
    for article in found:
        session.delete(article)
    return [a.id for a in found]
