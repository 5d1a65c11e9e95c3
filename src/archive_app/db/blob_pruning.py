"""Originals and photos no article uses any more, taken out of a team catalogue with their blobs."""

from __future__ import annotations

from dataclasses import dataclass, field
from time import monotonic, sleep

from sqlalchemy import text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from archive_app.domain.errors import ArchiveError

# An original is in use while a provenance row names it (an article's version came from it, or
# the same article was seen again in it). A photo file is in use while an article's photo shows
# it, or a stored version of an article names it (an older text's photos stay with that text).
# Anything else was left by a deleted article or a photo a newer version no longer has.
_UNUSED_ORIGINALS = text(
    "SELECT o.sha256, o.path FROM originals o "
    "WHERE NOT EXISTS (SELECT 1 FROM provenance p WHERE p.original_sha256 = o.sha256)"
)
_UNUSED_MEDIA = text(
    "SELECT m.sha256, m.path, m.thumbnail FROM media_files m "
    "WHERE NOT EXISTS (SELECT 1 FROM photos p WHERE p.media_sha256 = m.sha256)"
)
# one pass over the versions' records, made only when some photo file is unused
_MEDIA_IN_VERSIONS = text(
    "SELECT DISTINCT photo->>'media_sha256' FROM article_versions v, "
    "json_array_elements(CASE WHEN json_typeof(v.record->'photos') = 'array' "
    "THEN v.record->'photos' ELSE '[]'::json END) AS photo "
    "WHERE photo->>'media_sha256' IS NOT NULL"
)
# the blobs no original or photo file names once those given go (a JPEG imported as a file
# is both: its blob stays while either row does); blobs no row ever named go too
_UNNAMED_BLOBS = text(
    "SELECT b.sha256, b.size FROM blobs b "
    "WHERE NOT EXISTS (SELECT 1 FROM originals o WHERE o.sha256 = b.sha256 "
    "AND NOT o.sha256 = ANY(CAST(:originals AS text[]))) "
    "AND NOT EXISTS (SELECT 1 FROM media_files m WHERE m.sha256 = b.sha256 "
    "AND NOT m.sha256 = ANY(CAST(:media AS text[])))"
)
_DELETE_ORIGINALS = text("DELETE FROM originals WHERE sha256 = ANY(CAST(:gone AS text[])) ")
_DELETE_MEDIA = text("DELETE FROM media_files WHERE sha256 = ANY(CAST(:gone AS text[]))")
_DELETE_BLOBS = text("DELETE FROM blobs WHERE sha256 = ANY(CAST(:gone AS text[]))")  # chunks too
_ONE_PRUNER = text("SELECT pg_try_advisory_xact_lock(4707761152494658626)")  # 'ARSIBLOB'
# Every transaction that adds a use of a file writes to one of these tables before it relies on
# the file being there (an import registers the original and stores the blob with INSERT ...
# ON CONFLICT, which is how it learns they exist, then adds provenance and photo rows; a push
# writes its articles first), and holds that ROW EXCLUSIVE lock until it ends. SHARE conflicts
# with it: holding these, no transaction in flight has written there, and none can until the
# prune commits, so what the prune finds unused stays unused. NOWAIT: the prune never waits
# holding a lock (it tries again from nothing), so it cannot deadlock with an import.
_FREEZE = text(
    "LOCK TABLE articles, provenance, photos, originals, media_files, blobs IN SHARE MODE NOWAIT"
)
_LOCK_NOT_AVAILABLE = "55P03"
TRIES_FOR = 60.0  # seconds a busy team library is tried for before the prune gives up


@dataclass(slots=True)
class UnusedFiles:
    """What a prune found (and, when `removed`, took out of the catalogue)."""

    originals: list[str] = field(default_factory=list)  # library paths
    photos: list[str] = field(default_factory=list)
    thumbnails: list[str] = field(default_factory=list)  # derived, in each desktop's cache
    blobs: int = 0  # blob rows that go
    bytes: int = 0  # their size
    removed: bool = False
    # the SHA-256s of the original rows, photo file rows and blobs that go
    gone: tuple[list[str], list[str], list[str]] = field(default_factory=lambda: ([], [], []))

    @property
    def files(self) -> int:
        return len(self.originals) + len(self.photos)


def find_unused(session: Session) -> UnusedFiles:
    """The originals, photo files and blobs no article uses; nothing is changed."""
    try:
        return _find(session)
    except SQLAlchemyError as error:  # said in the use cases' terms: they speak no SQLAlchemy
        raise ArchiveError(f"the team catalogue could not be read ({_reason(error)})") from error
    finally:
        session.rollback()


def prune_unused(session: Session, tries_for: float = TRIES_FOR) -> UnusedFiles:
    """Delete the originals, photo files and blobs no article uses, safely beside other
    desktops importing and editing at once (see _FREEZE), and commit. A busy library is tried
    again, from nothing, until `tries_for` seconds have passed; then it says so."""
    deadline = monotonic() + tries_for
    pause = 0.05
    while True:
        try:
            if not session.scalar(_ONE_PRUNER):
                raise ArchiveError(
                    "another desktop is removing unused files from this team library now: "
                    "nothing was removed here"
                )
            session.execute(_FREEZE)
            found = _find(session)
            originals, media, blobs = found.gone
            session.execute(_DELETE_ORIGINALS, {"gone": originals})
            session.execute(_DELETE_MEDIA, {"gone": media})
            session.execute(_DELETE_BLOBS, {"gone": blobs})
            session.commit()
        except OperationalError as error:
            session.rollback()
            if getattr(error.orig, "sqlstate", None) != _LOCK_NOT_AVAILABLE:
                raise ArchiveError(f"no unused file was removed ({error.orig})") from error
            if monotonic() + pause > deadline:
                raise ArchiveError(
                    f"the team library was busy with imports and edits for {tries_for:.0f} s: "
                    "no unused file was removed (try again when it is quieter)"
                ) from error
            sleep(pause)
            pause = min(pause * 2, 1.0)
            continue
        except SQLAlchemyError as error:
            session.rollback()
            raise ArchiveError(f"no unused file was removed ({_reason(error)})") from error
        except BaseException:
            session.rollback()
            raise
        found.removed = True
        return found


def _find(session: Session) -> UnusedFiles:
    originals = list(session.execute(_UNUSED_ORIGINALS))
    media = list(session.execute(_UNUSED_MEDIA))
    if media:
        named = set(session.scalars(_MEDIA_IN_VERSIONS))
        media = [row for row in media if row.sha256 not in named]
    original_shas = [row.sha256 for row in originals]
    media_shas = [row.sha256 for row in media]
    blobs = list(session.execute(_UNNAMED_BLOBS, {"originals": original_shas, "media": media_shas}))
    return UnusedFiles(
        originals=sorted(row.path for row in originals),
        photos=sorted(row.path for row in media),
        thumbnails=sorted(row.thumbnail for row in media if row.thumbnail),
        blobs=len(blobs),
        bytes=sum(int(row.size) for row in blobs),
        gone=(original_shas, media_shas, [row.sha256 for row in blobs]),
    )


def _reason(error: SQLAlchemyError) -> str:
    """The server's first line, without SQLAlchemy's statement and link."""
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]
