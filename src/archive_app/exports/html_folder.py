"""A self-contained HTML folder: a page per article with its photos, and sortable indexes."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from archive_app.domain.model import ArticleDetail, Photo
from archive_app.exports import html_pages


def library_file(library: Path, relative: str | None) -> Path | None:
    """A file the catalogue names relative to the library, if it is there and inside it
    (a path that climbs out of the library is never followed)."""
    if not relative:
        return None
    root = library.resolve()
    path = (root / relative).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


FileFinder = Callable[[str | None], Path | None]
"""The file on this disk of a path the catalogue names (Archive.library_file: a team
library's is fetched into this desktop's cache), or None."""


def file_finder(library: Path | FileFinder) -> FileFinder:
    """How to find a library's files: in its folder, or as the archive finds them."""
    return partial(library_file, library) if isinstance(library, Path) else library


def _copy_photo(photo: Photo, library: FileFinder, folder: Path) -> str | None:
    """Copy an archived photo into folder/media/ (once) and return its page-relative path."""
    source = library(photo.media_path)
    if source is None:
        return None
    target = folder / "media" / source.name  # content-addressed: one name per photo
    if not target.exists():
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(source, target)
    return f"media/{source.name}"


def write_html_folder(
    folder: Path,
    details: Iterable[ArticleDetail],
    library: Path | FileFinder,
    problems: list[str],
) -> int:
    """Fill `folder` with article-<id>.html pages, media/ and index pages; a photo whose
    file is missing from the library is shown without its picture and added to `problems`."""
    rows: list[html_pages.IndexRow] = []
    find = file_finder(library)
    for detail in details:
        images = []
        for photo in detail.record.photos:
            image = _copy_photo(photo, find, folder)
            if image is None and photo.media_path:
                problems.append(
                    f"article {detail.id}: the photo {photo.media_path} is missing from the library"
                )
            images.append(image)
        page = f"article-{detail.id}.html"
        (folder / page).write_text(html_pages.article_page(detail, images), encoding="utf-8")
        rows.append(html_pages.index_row(detail, page))
    for order in html_pages.ORDERS:
        (folder / order).write_text(html_pages.index_page(rows, order), encoding="utf-8")
    return len(rows)
