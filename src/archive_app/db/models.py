"""SQLAlchemy 2 typed models of the catalogue; the migrations in db/migrations create them."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from archive_app.db.sort_key import title_key

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Site(Base):
    """A publication, by its domain (lower case, no www)."""

    __tablename__ = "sites"
    id: Mapped[int] = mapped_column(primary_key=True)
    domain: Mapped[str] = mapped_column(String(255), unique=True)
    name: Mapped[str | None] = mapped_column(String(255))


class Person(Base):
    """A person credited on articles; `key` folds case and spacing so spellings meet."""

    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    key: Mapped[str] = mapped_column(String(255), unique=True)


class Original(Base):
    """An imported file kept byte for byte under originals/, named by its SHA-256."""

    __tablename__ = "originals"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    ext: Mapped[str] = mapped_column(String(32))
    path: Mapped[str] = mapped_column(String(255))
    first_imported_at: Mapped[str] = mapped_column(String(40))


class MediaFile(Base):
    """A photo file kept under media/, content-addressed, shared by every article using it."""

    __tablename__ = "media_files"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    path: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str | None] = mapped_column(String(64))
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    # IPTC, XMP and EXIF read from the file (the article's own caption and credit win; both kept)
    metadata_: Mapped[dict[str, Any] | None] = mapped_column("metadata", JSON)
    thumbnail: Mapped[str | None] = mapped_column(String(255))


class ImportBatch(Base):
    """One run of the importer: when, on what, and how it ended."""

    __tablename__ = "import_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[str] = mapped_column(String(40))
    finished_at: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16), default="running")
    paths: Mapped[list[Any]] = mapped_column(default=list)
    added: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)


class Article(Base):
    """The current catalogue record of an article; older texts live in article_versions."""

    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"))
    url: Mapped[str | None] = mapped_column(Text)
    url_key: Mapped[str | None] = mapped_column(Text, index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    # the title folded (case, accents) to sort by: set with every title (see _keep_title_key)
    title_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    language: Mapped[str | None] = mapped_column(String(16))
    published: Mapped[str | None] = mapped_column(String(40))
    published_raw: Mapped[str | None] = mapped_column(Text)
    updated: Mapped[str | None] = mapped_column(String(40))
    updated_raw: Mapped[str | None] = mapped_column(Text)
    # UTC instant (or the date alone) used to sort by date across time zones
    sort_date: Mapped[str | None] = mapped_column(String(40), index=True)
    dateline_place: Mapped[str | None] = mapped_column(String(255))
    body: Mapped[list[Any]] = mapped_column(default=list)
    signoff: Mapped[list[Any]] = mapped_column(default=list)
    agency: Mapped[str | None] = mapped_column(String(255))
    keywords: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    note: Mapped[str | None] = mapped_column(Text)
    subtitle: Mapped[str | None] = mapped_column(Text)
    # when a web archive captured the page (not a publication date)
    captured: Mapped[str | None] = mapped_column(String(40))
    # the source's own identifier of the item (a wire guid): new texts of it become versions
    source_id: Mapped[str | None] = mapped_column(Text, index=True)
    # fields a librarian edited, with their values: they win over any newer imported text
    overrides: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")
    # unused since schema 0006 (same stories are found by shared sentences)
    simhash: Mapped[int | None] = mapped_column(BigInteger)
    rules: Mapped[dict[str, Any]] = mapped_column(default=dict)
    warnings: Mapped[list[Any]] = mapped_column(default=list)
    # review flags [{"kind", "message"}]: what the importer was unsure of
    review: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    # bumped on every change; the index stores it so drift can be seen
    version: Mapped[int] = mapped_column(Integer, default=1)
    # counts updates of the row: an update prepared against an older count is refused
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012 (ClassVar upsets mypy)
    created_at: Mapped[str] = mapped_column(String(40))
    modified_at: Mapped[str] = mapped_column(String(40))

    site: Mapped[Site | None] = relationship()
    credits: Mapped[list[ArticlePerson]] = relationship(
        cascade="all, delete-orphan", order_by="ArticlePerson.position"
    )
    photos: Mapped[list[Photo]] = relationship(
        cascade="all, delete-orphan", order_by="Photo.position"
    )
    related: Mapped[list[RelatedLink]] = relationship(
        cascade="all, delete-orphan", order_by="RelatedLink.position"
    )
    versions: Mapped[list[ArticleVersion]] = relationship(
        cascade="all, delete-orphan", order_by="ArticleVersion.number"
    )
    provenance: Mapped[list[ProvenanceRow]] = relationship(
        cascade="all, delete-orphan", order_by="ProvenanceRow.id"
    )

    @validates("title")
    def _keep_title_key(self, _name: str, title: str) -> str:
        self.title_key = title_key(title)
        return title


class ArticlePerson(Base):
    """A person's role on an article (one row per role)."""

    __tablename__ = "article_people"
    __table_args__ = (UniqueConstraint("article_id", "person_id", "role"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer, default=0)
    # the spelling the article printed, kept when the person is merged with another spelling
    credited_name: Mapped[str | None] = mapped_column(String(255))
    person: Mapped[Person] = relationship()


class Photo(Base):
    """A photo of an article with its caption and credit, and its archived file if any."""

    __tablename__ = "photos"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    caption: Mapped[str | None] = mapped_column(Text)
    credit: Mapped[str | None] = mapped_column(Text)
    photographer: Mapped[str | None] = mapped_column(String(255))
    agency: Mapped[str | None] = mapped_column(String(255))
    source_url: Mapped[str | None] = mapped_column(Text)
    media_sha256: Mapped[str | None] = mapped_column(ForeignKey("media_files.sha256"))
    rule: Mapped[str | None] = mapped_column(String(64))
    # the body paragraph the photo stood after in the source (0-based); None: not placed
    paragraph: Mapped[int | None] = mapped_column(Integer)
    media: Mapped[MediaFile | None] = relationship()


class RelatedLink(Base):
    """A "read also" link printed in an article."""

    __tablename__ = "related_links"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)


class ArticleVersion(Base):
    """One text of an article as imported; the newest is the article's current record."""

    __tablename__ = "article_versions"
    __table_args__ = (UniqueConstraint("article_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    record: Mapped[dict[str, Any]] = mapped_column()
    created_at: Mapped[str] = mapped_column(String(40))


class ProvenanceRow(Base):
    """Where a version came from: original file, member path, locator, format, batch."""

    __tablename__ = "provenance"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    version_id: Mapped[int | None] = mapped_column(
        ForeignKey("article_versions.id", ondelete="CASCADE")
    )
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))
    original_sha256: Mapped[str] = mapped_column(ForeignKey("originals.sha256"), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    member: Mapped[str | None] = mapped_column(Text)
    locator: Mapped[str] = mapped_column(String(255))
    format: Mapped[str] = mapped_column(String(32))
    extractor: Mapped[str | None] = mapped_column(String(64))
    imported_at: Mapped[str] = mapped_column(String(40))
    # "import": this file gave the version; "duplicate": the same article seen again here
    kind: Mapped[str] = mapped_column(String(16), default="import", server_default="import")
    original: Mapped[Original] = relationship()
    version: Mapped[ArticleVersion | None] = relationship()


class StorySentence(Base):
    """A sentence of an article, by hash: articles sharing many sentences tell one story."""

    __tablename__ = "story_sentences"
    hash: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SameStory(Base):
    """Two articles that tell the same story (syndicated copies), with their similarity."""

    __tablename__ = "same_story"
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    other_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    similarity: Mapped[float] = mapped_column(Float)


class ChangeSet(Base):
    """One undoable step: an edit, a bulk change, a merge… with who made it and when."""

    __tablename__ = "change_sets"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[str] = mapped_column(String(40))
    undone: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # effects outside articles (an alias added, a code attached) to revert on undo
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")
    entries: Mapped[list[HistoryEntry]] = relationship(
        cascade="all, delete-orphan", order_by="HistoryEntry.id"
    )


class HistoryEntry(Base):
    """One field of one article changed: the old and the new value."""

    __tablename__ = "history"
    id: Mapped[int] = mapped_column(primary_key=True)
    change_id: Mapped[int] = mapped_column(
        ForeignKey("change_sets.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    field: Mapped[str] = mapped_column(String(64))
    old: Mapped[Any] = mapped_column(JSON, nullable=True)
    new: Mapped[Any] = mapped_column(JSON, nullable=True)


class Collection(Base):
    """A librarian's collection; collections nest."""

    __tablename__ = "collections"
    __table_args__ = (UniqueConstraint("parent_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"))
    created_at: Mapped[str] = mapped_column(String(40))


class ArticleCollection(Base):
    __tablename__ = "article_collections"
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    collection_id: Mapped[int] = mapped_column(
        ForeignKey("collections.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class PersonAlias(Base):
    """Another spelling of a person, kept after a merge so searches find both."""

    __tablename__ = "person_aliases"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(255))
    key: Mapped[str] = mapped_column(String(255), unique=True)


class SignoffCode(Base):
    """Who a site's sign-off code stands for ("chi" at jpnn.com), as a librarian knows it."""

    __tablename__ = "signoff_codes"
    __table_args__ = (UniqueConstraint("site_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    code: Mapped[str] = mapped_column(String(32))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))


class PlaceAlias(Base):
    """A spelling of a place a librarian (or the shipped list) maps to one name."""

    __tablename__ = "place_aliases"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    place: Mapped[str] = mapped_column(String(255))


class Tag(Base):
    """A librarian's subject tag (added by schema revision 0002)."""

    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)


class ArticleTag(Base):
    """Which articles carry which tag."""

    __tablename__ = "article_tags"
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SavedSearch(Base):
    """A named query with its sort order (added by schema revision 0002)."""

    __tablename__ = "saved_searches"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    query: Mapped[str] = mapped_column(Text)
    sort: Mapped[str] = mapped_column(String(32), default="relevance")
    created_at: Mapped[str] = mapped_column(String(40))


Index("ix_article_people_article", ArticlePerson.article_id)
Index("ix_articles_site", Article.site_id)
Index("ix_articles_title_key", Article.title_key, Article.id)  # the title sort, no sorting
# what the importer takes for the same article, unique for desktops importing at once (0010)
for _name, _column, _rows in (
    ("uq_articles_url_key", Article.url_key, Article.url_key.is_not(None)),
    ("uq_articles_text_without_url", Article.content_hash, Article.url_key.is_(None)),
    ("uq_collections_top_name", Collection.name, Collection.parent_id.is_(None)),
):
    Index(_name, _column, unique=True, sqlite_where=_rows, postgresql_where=_rows)
