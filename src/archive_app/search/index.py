"""The Whoosh index on disk: write documents, search them, count facets, rebuild it."""

from __future__ import annotations

import json
import logging
import shutil
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

from whoosh import index as whoosh_index
from whoosh import sorting
from whoosh.searching import Searcher

from archive_app.domain.errors import ArchiveError
from archive_app.domain.model import IndexDocument
from archive_app.domain.query import REVIEW_ANY, Node
from archive_app.search.analysis import fold, index_terms
from archive_app.search.columns import FACET_SEPARATOR, Columns
from archive_app.search.compile import Compiled, compile_query, verify
from archive_app.search.mapped_segments import install as install_mapped_segments
from archive_app.search.merging import small_segments_only
from archive_app.search.schema import ROLE_FIELDS, SCHEMA_VERSION, build_schema
from archive_app.search.segment_writer import segment_writer
from archive_app.search.snippets import snippets
from archive_app.search.suggest import suggest
from archive_app.search.workers import multiprocess_writer

install_mapped_segments()

log = logging.getLogger(__name__)
STAMP = "arsip-index.json"
# present while the index may lack something the catalogue committed (a write failed): the next
# writer to open the library compares the two and catches up
BEHIND = "arsip-behind"
SORTS: dict[str, Any] = {
    # dated articles first either way, then by instant
    "newest": sorting.MultiFacet(
        [sorting.FieldFacet("dated", reverse=True), sorting.FieldFacet("when", reverse=True)]
    ),
    "oldest": sorting.MultiFacet(
        [sorting.FieldFacet("dated", reverse=True), sorting.FieldFacet("when")]
    ),
    "title": sorting.FieldFacet("title_sort"),
}
FACET_LIMIT = 30
# (article ids, fields) -> field name -> text, for the articles whose text a phrase check or a
# snippet needs
TextsFor = Callable[[list[int], frozenset[str]], dict[int, dict[str, str]]]
SNIPPET_FIELDS = frozenset({"text"})


class IndexUnavailable(ArchiveError):
    """The index cannot be searched until it is rebuilt."""


@dataclass(frozen=True, slots=True)
class RawHit:
    id: int
    score: float
    snippets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RawPage:
    total: int
    exact: bool
    hits: tuple[RawHit, ...]
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class RawCounts:
    total: int
    facets: dict[str, list[tuple[str, int]]]
    months: list[tuple[str, int]]


def _day(value: str | None) -> int:
    """The day the article printed (its own wall clock) as YYYYMMDD; 0 when undated."""
    if not value:
        return 0
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return 0
    return moment.year * 10000 + moment.month * 100 + moment.day


def _instant(value: str | None) -> int:
    """Seconds since 1970 in UTC, for sorting across time zones; 0 when undated."""
    if not value:
        return 0
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return 0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def document_fields(doc: IndexDocument) -> dict[str, Any]:
    """The Whoosh fields of one article: prepared terms, filters and facet columns.

    Empty fields are left out (Whoosh skips None), which saves a pass per field per article.
    """
    language = doc.language
    title = index_terms([doc.title], language)
    names = list(dict.fromkeys(p.name for p in doc.people))
    captions = index_terms(doc.captions, language) if doc.captions else []
    fields: dict[str, Any] = {
        "id": str(doc.id),
        "version": doc.version,
        # the headline counts twice in the combined field: that is its weight above the body
        "text": title + title + index_terms(doc.body, language) + captions,
        "title": title,
        "caption": captions or None,
        "people": index_terms([*names, *(a.name for a in doc.aliases)], None, stem=False) or None,
        "place": index_terms([doc.place, doc.place_group or ""], None, stem=False)
        if doc.place
        else None,
        "day": _day(doc.date),
        "when": _instant(doc.date),
        "dated": 1 if doc.date else 0,
        "title_sort": fold(doc.title)[:120].encode("utf-8"),
        "place_facet": (doc.place_group or doc.place or "").encode("utf-8"),
        "people_facet": FACET_SEPARATOR.join(names).encode("utf-8"),
        "tag_facet": FACET_SEPARATOR.join(doc.tags).encode("utf-8"),
        "site": doc.site,
        "lang": language,
        "tag": ",".join(doc.tags) or None,
        "review": ",".join((*doc.review, REVIEW_ANY)) if doc.review else None,
        "review_facet": FACET_SEPARATOR.join(doc.review).encode("utf-8"),
    }
    for role in ROLE_FIELDS:
        credited = [p.name for p in (*doc.people, *doc.aliases) if p.role == role]
        fields[role] = index_terms(credited, None, stem=False) if credited else None
    return fields


def _open_checked(folder: Path, readonly: bool) -> tuple[Any, str | None]:
    """The index in `folder`, or None and what is wrong with it. A segment file gone (a
    cleaning tool, a copy cut short) would otherwise fail every search and every write."""
    try:
        opened = whoosh_index.open_dir(str(folder), readonly=readonly)
        present = set(opened.storage.list())
        missing = sorted(
            name
            for name in (
                segment.make_filename(".seg")
                for segment in opened._segments()
                if segment.is_compound()
            )
            if name not in present
        )
        missing += sorted(
            segment.segment_id()
            for segment in opened._segments()
            if not segment.is_compound() and not segment.list_files(opened.storage)
        )
    except Exception as error:  # a table of contents Whoosh cannot read
        return None, f"it cannot be read: {error}"
    if missing:
        opened.close()
        shown = ", ".join(missing[:3]) + (" …" if len(missing) > 3 else "")
        return None, f"a part of it is missing: {shown}"
    return opened, None


class FullTextIndex:
    """One index folder; searchers are shared, refreshed after writes, and carry columns."""

    def __init__(self, folder: Path, *, readonly: bool = False) -> None:
        self.folder = folder
        self.readonly = readonly
        self._lock = threading.Lock()
        self._searcher: Searcher | None = None
        self._columns: Columns | None = None
        self._written = False  # set after our own commits: Searcher.refresh() can miss deletions
        self.recreated = False  # True when an old index was replaced by an empty one on open
        # what is wrong with the index found on open ("a part of it is missing: …"), if anything
        self.damage: str | None = None
        self._index = self._open_or_create()

    @property
    def stale_schema(self) -> bool:
        """True when the index was built with another schema and must be rebuilt."""
        try:
            stamp = json.loads((self.folder / STAMP).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return True
        return bool(stamp.get("schema") != SCHEMA_VERSION)

    @property
    def missing(self) -> bool:
        """True when the folder holds no index at all (deleted, or never written)."""
        return not (self.folder.is_dir() and whoosh_index.exists_in(str(self.folder)))

    def _open_or_create(self) -> Any:
        exists = whoosh_index.exists_in(str(self.folder))
        if exists and not self.stale_schema:
            opened, self.damage = _open_checked(self.folder, self.readonly)
            if opened is not None and (self.readonly or self._readable(opened)):
                return opened
            if opened is not None:  # a writer found a segment it cannot read
                opened.close()
                self.damage = "a part of it cannot be read"
            log.warning("the search index in %s is damaged: %s", self.folder, self.damage)
        if self.readonly:
            return None  # searches say the index must be rebuilt; check() reports it
        # an index from another schema, a damaged one (a segment file gone) or none at all
        # starts empty and must be refilled (nothing to refill in a new library)
        self.recreated = True
        return self._create(self.folder)

    @staticmethod
    def _readable(opened: Any) -> bool:
        """Every segment the index lists can be opened (a writer checks this on opening)."""
        try:
            opened.reader().close()
        except (OSError, ValueError, KeyError) as error:
            log.warning("the index cannot be read (%s): it is rebuilt", error)
            return False
        return True

    @staticmethod
    def _create(folder: Path) -> Any:
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        created = whoosh_index.create_in(str(folder), build_schema())
        (folder / STAMP).write_text(json.dumps({"schema": SCHEMA_VERSION}), encoding="utf-8")
        return created

    @property
    def behind(self) -> bool:
        """Whether a write failed since the index last caught up with the catalogue."""
        return (self.folder / BEHIND).exists()

    def mark_behind(self) -> None:
        """Remember that a write failed, so the next writer to open the library catches up."""
        mark_behind(self.folder)

    def caught_up(self) -> None:
        """The index holds what the catalogue does again."""
        (self.folder / BEHIND).unlink(missing_ok=True)

    def close(self) -> None:
        with self._lock:
            self._searcher = None
            self._columns = None
            if self._index is not None:
                self._index.close()

    def _current(self) -> tuple[Searcher, Columns]:
        with self._lock:
            if self._searcher is None or self._written:
                # the old searcher is not closed here: a search on another thread may still be
                # reading it; it closes its files when the last reference goes
                self._searcher = self._index.searcher()
                self._written = False
                self._columns = None
            else:
                try:
                    fresh = self._searcher.refresh()  # picks up other processes' commits
                except TypeError:  # Whoosh cannot refresh a searcher of an empty index
                    fresh = self._index.searcher()
                if fresh is not self._searcher:
                    self._searcher, self._columns = fresh, None
            if self._columns is None:
                self._columns = Columns(self._searcher)
            return self._searcher, self._columns

    # -- writing -------------------------------------------------------------------------

    def write(self, docs: Iterable[IndexDocument], new_ids: frozenset[int] = frozenset()) -> int:
        """Add or replace documents in one commit; ids in `new_ids` skip the delete lookup."""
        batch = self.batch()
        try:
            count = batch.add(docs, new_ids)
        except BaseException:
            batch.cancel()
            raise
        batch.commit()
        return count

    def batch(self, leave: frozenset[str] = frozenset()) -> IndexBatch:
        """A writer kept open over several additions, committed once (one segment); its
        commit merges no segment whose id is in `leave`."""
        return IndexBatch(self, leave)

    def segment_ids(self) -> frozenset[str]:
        """The ids of the index's segments as last committed."""
        return frozenset(segment.segment_id() for segment in self._index._segments())

    def changed_elsewhere(self) -> None:
        """Another process wrote this index: open a new searcher next time."""
        self._written = True

    def delete(self, ids: Iterable[int]) -> None:
        writer = self._index.writer()
        try:
            for article_id in ids:
                writer.delete_by_term("id", str(article_id))
            writer.commit(mergetype=small_segments_only)
        except BaseException:
            _abandon(writer)
            self.mark_behind()
            raise
        self._written = True

    def rebuild(
        self,
        docs: Iterable[IndexDocument],
        progress: Callable[[int], None] | None = None,
        processes: int = 1,
    ) -> int:
        """Build a fresh index beside this one, then swap it in: no half-built index is seen.

        With `processes` > 1, Whoosh writes segments in that many worker processes (one
        segment each, not merged): only for callers without threads of their own, since the
        workers are forked.
        """
        staging = self.folder.with_name(self.folder.name + ".rebuild")
        fresh = self._create(staging)
        if processes > 1:
            writer = multiprocess_writer(fresh, processes, limitmb=192, multisegment=True)
        else:
            writer = fresh.writer(limitmb=192)
        count = 0
        try:
            for doc in docs:
                writer.add_document(**document_fields(doc))
                count += 1
                if progress is not None and count % 500 == 0:
                    progress(count)
            writer.commit()
        except BaseException:  # the old index is left as it was, and nothing half built
            _abandon(writer)
            fresh.close()
            shutil.rmtree(staging, ignore_errors=True)
            raise
        fresh.close()
        self.close()
        retired = self.folder.with_name(self.folder.name + ".old")
        shutil.rmtree(retired, ignore_errors=True)
        if self.folder.exists():
            self.folder.rename(retired)
        staging.rename(self.folder)
        shutil.rmtree(retired, ignore_errors=True)
        self._index = whoosh_index.open_dir(str(self.folder))
        self._written = True
        self.damage = None
        return count

    # -- what it holds ---------------------------------------------------------------------

    def versions(self) -> dict[int, int]:
        """Every article id the index holds and the version it was indexed at."""
        if self._index is None:
            return {}
        searcher, _columns = self._current()
        return {int(f["id"]): int(f.get("version", 0)) for f in searcher.all_stored_fields()}

    def doc_count(self) -> int:
        return 0 if self._index is None else int(self._index.doc_count())

    def warm(self) -> None:
        """Load the facet columns now, so the first counts after a change come quickly."""
        if self._index is not None:
            self._current()[1].warm()

    # -- searching -----------------------------------------------------------------------

    def _prepare(self, node: Node) -> tuple[Searcher, Columns, Compiled, set[int] | None]:
        searcher, columns = self._current()
        compiled = compile_query(node, searcher.reader())
        allowed: set[int] | None = None
        for first, last in compiled.day_ranges:
            days = columns.docs_between(first, last)
            allowed = days if allowed is None else allowed & days
        return searcher, columns, compiled, allowed

    def _unavailable(self) -> NoReturn:
        """A read-only library whose index is missing or from another version cannot answer;
        saying so beats an empty result that looks like "no articles match"."""
        if self.damage:
            raise IndexUnavailable(
                f"the search index in {self.folder} is damaged ({self.damage}); run "
                "`archive-app reindex` to rebuild it from the catalogue"
            )
        what = "is missing" if self.missing else "was built by another version of Arsip"
        raise IndexUnavailable(
            f"the search index in {self.folder} {what}; run `archive-app reindex` (or open the "
            "library in the window) to rebuild it"
        )

    def search(
        self,
        node: Node,
        *,
        sort: str,
        limit: int,
        offset: int,
        texts: TextsFor,
        query_text: str = "",
    ) -> RawPage:
        """A page of hits, best first (or by date or title), with snippets for that page only.

        The total is exact when it costs nothing extra; `counts` gives it exactly otherwise.
        """
        if self._index is None:
            compile_query(node)  # still report mistakes in the query
            self._unavailable()
        searcher, columns, compiled, allowed = self._prepare(node)
        if compiled.browse_only and sort == "relevance":
            sort = "newest"
        sortedby = SORTS.get(sort)
        wanted = offset + limit
        want_more = wanted * 3 if compiled.verifiers else wanted
        checked: dict[int, bool] = {}  # phrase checks already made, kept across wider passes
        fields = frozenset(v.field for v in compiled.verifiers)
        while True:
            results = searcher.search(
                compiled.query, limit=want_more, filter=allowed, sortedby=sortedby
            )
            ids = [columns.article_ids[hit.docnum] for hit in results]
            scores = [0.0 if sortedby else float(hit.score or 0.0) for hit in results]
            if not compiled.verifiers:
                break
            unchecked = [i for i in ids if i not in checked]
            if unchecked:
                fetched = texts(unchecked, fields)
                for article_id in unchecked:
                    checked[article_id] = all(
                        verify(v, fetched.get(article_id, {}).get(v.field, ""))
                        for v in compiled.verifiers
                    )
            kept = [i for i, article_id in enumerate(ids) if checked[article_id]]
            exhausted = len(ids) < want_more
            if len(kept) >= wanted or exhausted:
                ids, scores = [ids[i] for i in kept], [scores[i] for i in kept]
                break
            want_more *= 4
        page_ids = ids[offset:wanted]
        page_texts = texts(page_ids, SNIPPET_FIELDS) if page_ids else {}
        hits = tuple(
            RawHit(
                article_id,
                score,
                snippets(
                    page_texts.get(article_id, {}).get("text", ""),
                    compiled.highlight_forms,
                    compiled.highlight_phrases,
                ),
            )
            for article_id, score in zip(page_ids, scores[offset:wanted], strict=False)
        )
        if compiled.verifiers:
            # every candidate was checked only when fewer than asked for came back
            exact = len(ids) < wanted
            total = len(ids)
        else:
            exact = results.has_exact_length()
            total = len(results) if exact else results.estimated_length()
        suggestion = None
        if total <= 3 and compiled.plain_words and query_text:
            suggestion = suggest(searcher.reader(), query_text, compiled.plain_words)
        return RawPage(total, exact, hits, suggestion)

    def _matching_docnums(self, node: Node, texts: TextsFor) -> tuple[Columns, list[int]]:
        """Every matching document number (unranked), phrases checked on the text."""
        searcher, columns, compiled, allowed = self._prepare(node)
        docnums = [
            d for d in searcher.docs_for_query(compiled.query) if allowed is None or d in allowed
        ]
        if compiled.verifiers:
            fields = frozenset(v.field for v in compiled.verifiers)
            kept: list[int] = []
            for start in range(0, len(docnums), 1000):
                chunk = docnums[start : start + 1000]
                chunk_texts = texts([columns.article_ids[d] for d in chunk], fields)
                kept.extend(
                    d
                    for d in chunk
                    if all(
                        verify(v, chunk_texts.get(columns.article_ids[d], {}).get(v.field, ""))
                        for v in compiled.verifiers
                    )
                )
            docnums = kept
        return columns, docnums

    def matching_ids(self, node: Node, texts: TextsFor) -> list[int]:
        """Every matching article id (unranked), phrases verified on the text."""
        if self._index is None:
            self._unavailable()
        columns, docnums = self._matching_docnums(node, texts)
        return [columns.article_ids[d] for d in docnums]

    def counts(self, node: Node, texts: TextsFor) -> RawCounts:
        """The exact total and facet counts over the whole result set, and hits per month."""
        if self._index is None:
            self._unavailable()
        columns, docnums = self._matching_docnums(node, texts)
        facets: dict[str, Counter[str]] = {
            name: Counter()
            for name in ("site", "year", "month", "place", "person", "language", "tag", "review")
        }
        months: Counter[str] = Counter()
        sites, languages, places = columns.sites, columns.languages, columns.places
        people, tags, days = columns.people, columns.tags, columns.days
        reviews = columns.reviews
        for d in docnums:
            facets["site"][sites[d]] += 1
            facets["language"][languages[d]] += 1
            if places[d]:
                facets["place"][places[d]] += 1
            for person in people[d]:
                facets["person"][person] += 1
            for tag in tags[d]:
                facets["tag"][tag] += 1
            for kind in reviews[d]:
                facets["review"][kind] += 1
            day = days[d]
            if day:
                month = f"{day // 10000:04d}-{day // 100 % 100:02d}"
                months[month] += 1
                facets["year"][month[:4]] += 1
        facets["month"] = months
        return RawCounts(
            len(docnums),
            {
                name: [(k, n) for k, n in counter.most_common(FACET_LIMIT) if k]
                for name, counter in facets.items()
            },
            sorted(months.items()),
        )


class IndexBatch:
    """Documents added over time through one Whoosh writer, made visible by one commit."""

    def __init__(self, index: FullTextIndex, leave: frozenset[str] = frozenset()) -> None:
        self._owner = index
        self._leave = leave
        # Whoosh spills its postings to a sorted run on disk past this many MB (pickling each
        # posting); at 128 a commit of 3,000 articles spilled and took twice as long
        self._writer = segment_writer(index._index, limitmb=384)
        self.pending = 0  # documents added since the writer opened
        self._ids: set[int] = set()

    def holds_any(self, docs: Iterable[IndexDocument]) -> bool:
        """Whether any of these articles was added through this writer already: Whoosh cannot
        replace a document its own uncommitted writer holds, so commit before adding them."""
        return any(doc.id in self._ids for doc in docs)

    def add(self, docs: Iterable[IndexDocument], new_ids: frozenset[int] = frozenset()) -> int:
        """Add or replace documents; ids in `new_ids` skip the delete lookup."""
        count = 0
        for doc in docs:
            if doc.id in new_ids:
                self._writer.add_document(**document_fields(doc))
            else:
                self._writer.update_document(**document_fields(doc))
            self._ids.add(doc.id)
            count += 1
        self.pending += count
        return count

    def commit(self) -> None:
        try:
            self._writer.commit(mergetype=partial(small_segments_only, leave=self._leave))
        except BaseException:  # a full disk, a kill: what was added is not in the index
            _abandon(self._writer)
            self._owner.mark_behind()
            raise
        self._owner._written = True

    def cancel(self) -> None:
        _abandon(self._writer)


def _abandon(writer: Any) -> None:
    """Give up a Whoosh writer, releasing the index's write lock even after a failed commit,
    and remove the segment files it had begun (no table of contents names them)."""
    try:
        writer.cancel()
    except Exception:
        try:
            writer._finish()  # what cancel ends with: the lock and the temporary files
        except Exception:
            log.warning("could not release the index's write lock", exc_info=True)
    try:
        segment = writer.newsegment.segment_id()
        toc = whoosh_index.TOC.read(writer.storage, writer.indexname)
        if segment in {s.segment_id() for s in toc.segments}:
            return  # it failed after its commit was made: the segment is the index's now
        begun = f"{segment}."  # its files: MAIN_<id>.trm, .pst…
        for name in list(writer.storage.list()):
            if name.startswith(begun):
                writer.storage.delete_file(name)
    except Exception:  # another kind of writer, an unreadable index, files still open
        log.debug("could not remove an abandoned segment's files", exc_info=True)


def mark_behind(folder: Path) -> None:
    """Note that the index in `folder` may lack what the catalogue committed (a write failed,
    a writer was killed): the next writer to open the library compares the two."""
    try:
        if folder.is_dir():
            (folder / BEHIND).touch()
    except OSError as error:  # a full disk may refuse even this: the counts then differ
        log.info("could not note that the index is behind (%s)", error)


def recover_interrupted_rebuild(folder: Path) -> None:
    """A rebuild killed part-way leaves its staging folder (removed: half built), or, killed
    between its two renames, the old index under another name (put back). Only a writer
    holding the library's lock may call this."""
    staging = folder.with_name(folder.name + ".rebuild")
    retired = folder.with_name(folder.name + ".old")
    if not folder.exists() and retired.is_dir():
        retired.rename(folder)
    for leftover in (staging, retired):
        if leftover.exists():
            log.info("removing %s, left by an interrupted rebuild of the index", leftover)
            shutil.rmtree(leftover, ignore_errors=True)
