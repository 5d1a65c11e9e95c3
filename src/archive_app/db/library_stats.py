"""What a library holds: counts for its statistics and the paths of its stored files."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive_app.db.models import (
    Article,
    ArticleVersion,
    ImportBatch,
    MediaFile,
    Original,
    Person,
    ProvenanceRow,
    Site,
)
from archive_app.db.models import Photo as PhotoRow
from archive_app.domain.model import LibraryStats


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
    return LibraryStats(  # frozen: built in one go
        path=str(path),
        articles=session.scalar(select(func.count(Article.id))) or 0,
        versions=session.scalar(select(func.count(ArticleVersion.id))) or 0,
        sites=session.scalar(select(func.count(Site.id))) or 0,
        people=session.scalar(select(func.count(Person.id))) or 0,
        photos=session.scalar(select(func.count(PhotoRow.id))) or 0,
        originals=session.scalar(select(func.count(Original.sha256))) or 0,
        batches=session.scalar(select(func.count(ImportBatch.id))) or 0,
        by_site=by_site,
        by_language=by_language,
    )
