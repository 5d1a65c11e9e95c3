"""An import's new articles, queued as plain rows and inserted a chunk at a time (executemany).

Most articles an import meets are new: no row has their URL or text. Built as ORM objects
(an article, its version, provenance, credits, photos and links) and written by the session's
flush, each cost the import process about 2 ms, half of its work. Here each becomes a row of
each table, and `insert` writes every queued row of a table in one executemany, the ids coming
back in order (RETURNING), with the same values and the same ids as the ORM gave them.

Anything else an import does (a new version, a duplicate's provenance, a restored record) goes
through the session as before, after the queue is inserted: so every table's rows keep the
order in which the import met them, and an article met again in the same chunk is a stored row
the session can load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert

from archive_app.db.models import (
    Article,
    ArticlePerson,
    ArticleVersion,
    Photo,
    ProvenanceRow,
    RelatedLink,
)
from archive_app.db.sort_key import sort_date, title_key
from archive_app.db.store import CatalogueWriter, Source, distinct_credits
from archive_app.domain.model import CatalogueRecord
from archive_app.domain.review import flags_to_json
from archive_app.domain.serial import record_to_dict

_ARTICLES = insert(Article.__table__).returning(  # type: ignore[arg-type]
    Article.__table__.c.id, sort_by_parameter_order=True
)
_VERSIONS = insert(ArticleVersion.__table__).returning(  # type: ignore[arg-type]
    ArticleVersion.__table__.c.id, sort_by_parameter_order=True
)
_PROVENANCE = insert(ProvenanceRow.__table__)  # type: ignore[arg-type]
_CREDITS = insert(ArticlePerson.__table__)  # type: ignore[arg-type]
_PHOTOS = insert(Photo.__table__)  # type: ignore[arg-type]
_LINKS = insert(RelatedLink.__table__)  # type: ignore[arg-type]


# people or sites whose ids an import keeps across its transactions (about 150 bytes each)
KEEP_AT_MOST = 100_000


@dataclass(slots=True, eq=False)
class NewArticle:
    """A new article waiting for its insert; `id` is known once the queue is inserted."""

    record: CatalogueRecord
    row: dict[str, Any]
    version: dict[str, Any]
    provenance: dict[str, Any]
    credits: list[dict[str, Any]]
    photos: list[dict[str, Any]]
    links: list[dict[str, Any]]
    id: int | None = None

    @property
    def title(self) -> str:
        return self.record.title

    @property
    def language(self) -> str | None:
        return self.record.language

    @property
    def body(self) -> list[str]:
        return list(self.record.body)


@dataclass(slots=True)
class Lookups:
    """The ids of people and sites an import has met (person key or domain -> id).

    `kept` outlives a transaction: only ids the catalogue has committed go there (`keep`);
    `tentative` holds those met in the open one, dropped with it when it is rolled back.
    """

    kept: dict[str, int] = field(default_factory=dict)
    tentative: dict[str, int] = field(default_factory=dict)

    def get(self, key: str) -> int | None:
        found = self.kept.get(key)
        return found if found is not None else self.tentative.get(key)

    def keep(self) -> None:
        if len(self.kept) + len(self.tentative) > KEEP_AT_MOST:  # an import's memory is bounded
            self.kept.clear()
        self.kept.update(self.tentative)
        self.tentative.clear()


class NewArticles:
    """The queue of new articles of one transaction, and the people and sites they name."""

    def __init__(self, people: Lookups | None = None, sites: Lookups | None = None) -> None:
        self.queued: list[NewArticle] = []
        self.people = people if people is not None else Lookups()
        self.sites = sites if sites is not None else Lookups()

    def add(
        self,
        writer: CatalogueWriter,
        record: CatalogueRecord,
        content_hash: str,
        url_key: str | None,
        source: Source,
    ) -> NewArticle:
        """Queue the rows CatalogueWriter.add_article would add for this record."""
        now = writer.now
        row = {
            "url_key": url_key,
            "version": 1,
            "row_version": 1,
            "created_at": now,
            "modified_at": now,
            "site_id": self._site(writer, record.site),
            "url": record.url,
            "title": record.title,
            "title_key": title_key(record.title),
            "subtitle": record.subtitle,
            "source_id": record.source_id,
            "captured": record.captured,
            "language": record.language,
            "published": record.published,
            "published_raw": record.published_raw,
            "updated": record.updated,
            "updated_raw": record.updated_raw,
            "sort_date": sort_date(record.published or record.updated),
            "dateline_place": record.dateline_place,
            "body": list(record.body),
            "signoff": list(record.signoff),
            "agency": record.agency,
            "keywords": list(record.keywords),
            "rules": dict(record.rules),
            "warnings": list(record.warnings),
            "review": flags_to_json(record.review),
            "content_hash": content_hash,
        }
        version = {
            "number": 1,
            "content_hash": content_hash,
            "record": record_to_dict(record),
            "created_at": now,
        }
        provenance = {
            "batch_id": source.batch_id,
            "original_sha256": source.sha256,
            "file_name": source.file_name,
            "member": source.member,
            "locator": source.locator,
            "format": source.format,
            "extractor": source.extractor,
            "imported_at": now,
            "kind": "import",
        }
        credits = [
            {
                "person_id": self._person(writer, credit.name, key),
                "role": credit.role,
                "position": position,
                "credited_name": credit.name,
            }
            for position, credit, key in distinct_credits(record.people)
        ]
        photos = [
            {
                "position": position,
                "caption": p.caption,
                "credit": p.credit,
                "photographer": p.photographer,
                "agency": p.agency,
                "source_url": p.source_url,
                "rule": p.rule,
                "media_sha256": p.media_sha256,
                "paragraph": p.paragraph,
            }
            for position, p in enumerate(record.photos)
        ]
        links = [
            {"position": position, "title": link.title, "url": link.url}
            for position, link in enumerate(record.related)
        ]
        article = NewArticle(record, row, version, provenance, credits, photos, links)
        self.queued.append(article)
        return article

    def _site(self, writer: CatalogueWriter, domain: str | None) -> int | None:
        if not domain:
            return None
        found = self.sites.get(domain)
        if found is None:
            site = writer.site(domain)
            assert site is not None
            found = self.sites.tentative[domain] = site.id
        return found

    def _person(self, writer: CatalogueWriter, name: str, key: str) -> int:
        found = self.people.get(key)
        if found is None:
            found = self.people.tentative[key] = writer.person(name).id
        return found

    def insert(self, connection: Connection) -> None:
        """Insert every queued article's rows, table by table in the order they were queued."""
        queued, self.queued = self.queued, []
        if not queued:  # an executemany of no rows would insert one row of defaults
            return
        ids = connection.execute(_ARTICLES, [a.row for a in queued]).scalars().all()
        for article, article_id in zip(queued, ids, strict=True):
            article.id = article_id
            own = (article.version, article.provenance, *article.credits, *article.photos)
            for row in (*own, *article.links):
                row["article_id"] = article_id
        versions = connection.execute(_VERSIONS, [a.version for a in queued]).scalars().all()
        for article, version_id in zip(queued, versions, strict=True):
            article.provenance["version_id"] = version_id
        connection.execute(_PROVENANCE, [a.provenance for a in queued])
        for statement, rows in (
            (_CREDITS, [r for a in queued for r in a.credits]),
            (_PHOTOS, [r for a in queued for r in a.photos]),
            (_LINKS, [r for a in queued for r in a.links]),
        ):
            if rows:  # an executemany of no rows would insert one row of defaults
                connection.execute(statement, rows)
        for article in queued:  # only the id and the record are read after the insert
            article.row = article.version = article.provenance = {}
            article.credits = article.photos = article.links = []

    def forget(self) -> None:
        """The open chunk was rolled back: its queue and the ids it met go with it."""
        self.queued = []
        self.people.tentative.clear()
        self.sites.tentative.clear()

    def committed(self) -> None:
        """The transaction committed: the people and sites it met are the catalogue's."""
        self.people.keep()
        self.sites.keep()
