"""Plain dataclasses that cross layers: catalogue records, summaries, search pages, reports."""

from __future__ import annotations

from dataclasses import dataclass, field

# the import report's home is import_report; named here too for its many callers
from archive_app.domain.import_report import ImportItem as ImportItem
from archive_app.domain.import_report import ImportReport as ImportReport
from archive_app.domain.review import ReviewFlag

ROLES = ("author", "reporter", "editor", "photographer", "contributor")


@dataclass(frozen=True, slots=True)
class PersonRole:
    """One person credited on an article in one role."""

    name: str
    role: str


@dataclass(frozen=True, slots=True)
class Photo:
    """A photo of an article: its caption and credit, and the archived file when there is one."""

    caption: str | None
    credit: str | None
    photographer: str | None = None
    agency: str | None = None
    source_url: str | None = None
    media_path: str | None = None
    media_size: int | None = None
    rule: str | None = None
    media_sha256: str | None = None
    # what the file itself says (IPTC, XMP, EXIF), kept beside the article's own credit
    embedded: dict[str, str | None] | None = None
    # the 0-based index of the body paragraph the photo stood after in the source page;
    # None when the source did not say (the reader shows such photos after the text)
    paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """A "read also" link printed in the article: its title, and its address when known."""

    title: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class CatalogueRecord:
    """What the normaliser makes of one article: every catalogue field and the rule behind it."""

    title: str = ""
    subtitle: str | None = None
    site: str | None = None
    url: str | None = None
    # the source's own identifier (a wire item's guid) and a web archive's capture time
    source_id: str | None = None
    captured: str | None = None
    language: str | None = None
    published: str | None = None
    published_raw: str | None = None
    updated: str | None = None
    updated_raw: str | None = None
    dateline_place: str | None = None
    people: list[PersonRole] = field(default_factory=list)
    signoff: list[str] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    agency: str | None = None
    # subject words the source gives (keyword lines, wire topics and places, meta keywords)
    keywords: list[str] = field(default_factory=list)
    # field name -> id of the rule that produced it, so a librarian can see where a value came from
    rules: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # what the rules were unsure of, for a librarian to check ("Needs review")
    review: list[ReviewFlag] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an article version came from: the original file, the place in it, the batch."""

    file: str
    sha256: str
    locator: str
    format: str
    imported_at: str
    batch_id: int | None = None
    member: str | None = None
    original_path: str | None = None
    extractor: str | None = None
    # "import": the file gave this version; "duplicate": the same article seen again there;
    # "revisit": a web archive's later capture of it
    kind: str = "import"
    # the number of the version whose text was found there
    version: int | None = None


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What a results row shows about an article."""

    id: int
    title: str
    published: str | None
    site: str | None
    dateline_place: str | None
    people: tuple[str, ...]
    language: str | None


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """Everything the reader and the exports need about one article."""

    id: int
    record: CatalogueRecord
    tags: list[str]
    provenance: list[Provenance]
    version: int
    versions: int
    created_at: str
    modified_at: str
    # where the text shown (the current version) came from
    source: Provenance | None = None
    # articles telling the same story (near-identical text, e.g. syndicated from a wire)
    same_story: list[int] = field(default_factory=list)
    note: str | None = None
    collections: list[str] = field(default_factory=list)
    # the catalogue row's version: an edit prepared from this detail passes it back, and is
    # refused if another desktop changed the article meanwhile
    row_version: int = 0


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the article's row fields, its relevance and highlighted snippets."""

    id: int
    score: float
    title: str
    published: str | None
    site: str | None
    snippets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SearchPage:
    """A page of search results and the number of matching articles.

    `total` is exact when `total_exact`; otherwise it is an estimate and `Archive.counts` gives
    the exact figure (the window shows the page at once and fills the counts in after).
    """

    query: str
    total: int
    hits: tuple[SearchHit, ...]
    total_exact: bool = True
    suggestion: str | None = None
    sort: str = "relevance"
    # answered by the team catalogue's full-text search while this desktop's index is built:
    # how far the build is (articles indexed, of how many), and the parts of the query that
    # search could not apply (left out, so it may find more than the index will)
    from_catalogue: bool = False
    index_built: tuple[int, int] = (0, 0)
    unanswered: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchCounts:
    """Counts over a whole result set: the exact total, facets and hits per month."""

    query: str
    total: int
    facets: dict[str, list[tuple[str, int]]]
    months: list[tuple[str, int]]


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """A query a person named and keeps, with its sort order."""

    name: str
    query: str
    sort: str
    created_at: str


@dataclass(frozen=True, slots=True)
class IndexStatus:
    """Whether the index is being brought up to date with the catalogue, and how far it is."""

    indexing: bool
    done: int
    total: int

    @property
    def message(self) -> str:
        if not self.indexing:
            return ""
        return f"indexing {self.done:,} of {self.total:,}, results may be incomplete"


@dataclass(slots=True)
class CheckReport:
    """How the catalogue, the originals and the index agree."""

    articles: int = 0
    indexed: int = 0
    missing_from_index: list[int] = field(default_factory=list)
    stale_in_index: list[int] = field(default_factory=list)
    orphaned_in_index: list[int] = field(default_factory=list)
    missing_originals: list[str] = field(default_factory=list)
    index_error: str | None = None
    # SQLite's integrity check of catalogue.sqlite: its first complaint, None when sound
    catalogue_error: str | None = None
    # temporary files interrupted work left (removed when a writer next opens the library)
    leftovers: list[str] = field(default_factory=list)
    leftover_bytes: int = 0
    # the newest automatic backup of the catalogue (<library>/backups), if any
    automatic_backup: str | None = None
    # what to do about each kind of problem found, one line each
    advice: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (
            self.catalogue_error
            or self.missing_from_index
            or self.stale_in_index
            or self.orphaned_in_index
            or self.missing_originals
            or self.index_error
        )


@dataclass(frozen=True, slots=True)
class LibraryStats:
    """Counts a person wants to see about a library."""

    path: str
    articles: int = 0
    versions: int = 0
    sites: int = 0
    people: int = 0
    photos: int = 0
    originals: int = 0
    batches: int = 0
    indexed: int = 0
    bytes_on_disk: int = 0
    by_site: dict[str, int] = field(default_factory=dict)
    by_language: dict[str, int] = field(default_factory=dict)
    schema_revision: str = ""


@dataclass(frozen=True, slots=True)
class IndexDocument:
    """What the full-text index holds for one article, built from the catalogue."""

    id: int
    version: int
    title: str
    body: tuple[str, ...]
    people: tuple[PersonRole, ...]
    site: str | None
    place: str | None
    date: str | None
    language: str | None
    captions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    # other spellings of the people credited (merged in the authority), with the role they
    # are credited in: searches find them too
    aliases: tuple[PersonRole, ...] = ()
    # the name the dateline place is grouped under ("DKI Jakarta" -> "Jakarta")
    place_group: str | None = None
    # the kinds of review flag the article carries ("date", "photo"…): `review:` finds them
    review: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChangeInfo:
    """One undoable step that was applied: what it was, who did it, which articles it touched."""

    id: int
    kind: str
    description: str
    user: str
    created_at: str
    articles: list[int]
    # for an undo or redo: the kind of the change it took back or made again ("edit", "merge"…)
    target_kind: str = ""


@dataclass(frozen=True, slots=True)
class HistoryItem:
    """One field of one article as a change left it."""

    change_id: int
    when: str
    user: str
    kind: str
    description: str
    field: str
    old: object
    new: object
    undone: bool


@dataclass(frozen=True, slots=True)
class ReplacePreview:
    """What a find-and-replace would do to one article's field."""

    article_id: int
    field: str
    old: object
    new: object
    # the article's row version when previewed: applying is refused if it has changed since
    row_version: int | None = None


@dataclass(frozen=True, slots=True)
class CollectionInfo:
    """A collection by its path ("Banjir/Jawa Timur") and how many articles it holds."""

    path: str
    articles: int


@dataclass(frozen=True, slots=True)
class PersonInfo:
    """A person in the authority: name, other spellings, roles with counts, articles."""

    id: int
    name: str
    aliases: tuple[str, ...]
    roles: dict[str, int]
    articles: int
    signoff_codes: tuple[str, ...] = ()
