"""Map the column names of tabular exports (English and Indonesian) to catalogue fields."""

from __future__ import annotations

import re

from archive_app.domain.errors import ReadError

# canonical field -> names seen in exports, compared after lower-casing and folding
# spaces, hyphens and dots to underscores
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "judul", "headline", "judul_berita", "heading", "hl1"),
    "body": (
        "content",
        "isi_berita",
        "isi",
        "body",
        "text",
        "article",
        "articlebody",
        "article_body",
        "konten",
        "berita",
        "full_text",
        "fulltext",
        "isi_artikel",
        "artikel",
        "story",
    ),
    "date": (
        "tanggal_publikasi",
        "tanggal",
        "date",
        "published",
        "published_at",
        "publish_date",
        "pubdate",
        "pub_date",
        "datetime",
        "date_published",
        "datepublished",
        "waktu_terbit",
        "tanggal_terbit",
        "created_at",
    ),
    "time": ("time", "jam", "waktu", "publish_time", "pukul"),
    "updated": ("updated", "updated_at", "modified", "date_modified", "datemodified", "diperbarui"),
    "author": ("author", "authors", "penulis", "byline", "creator", "writer"),
    "editor": ("editor", "redaktur", "penyunting"),
    "reporter": ("reporter", "wartawan", "pewarta", "jurnalis"),
    "photographer": ("photographer", "fotografer", "pewarta_foto", "photo_credit"),
    "caption": (
        "caption",
        "keterangan_foto",
        "photo_caption",
        "image_caption",
        "captions",
        "keterangan_gambar",
        "caption_foto",
        "foto_caption",
        "image_description",
    ),
    "credit": (
        "credit",
        "kredit_foto",
        "image_credit",
        "credits",
        "kredit",
        "credit_foto",
        "foto_credit",
        "sumber_foto",
    ),
    "image": (
        "image",
        "image_url",
        "gambar",
        "foto",
        "photo_url",
        "og_image",
        "img",
        "img_url",
        "img_src",
        "image_src",
        "thumbnail",
        "thumbnail_url",
        "thumb",
        "url_gambar",
        "url_foto",
        "link_gambar",
        "link_foto",
        "featured_image",
        "main_image",
        "lead_image",
        "top_image",
    ),
    # photos as HTML fragments, lists or addresses (a cell of any photo column may hold any)
    "photo": (
        "photo",
        "photos",
        "images",
        "pictures",
        "picture",
        "gambar_berita",
        "foto_berita",
        "foto_utama",
        "gambar_utama",
        "image_html",
        "photo_html",
        "figure",
        "media_html",
    ),
    "keywords": ("keywords", "tags", "tag", "kata_kunci", "topik", "topics"),
    "url": ("url", "link", "tautan", "permalink", "source_url", "canonical_url", "article_url"),
    "site": ("sumber", "source", "site", "media", "publisher", "domain", "portal", "outlet"),
    "language": ("language", "lang", "bahasa"),
    "category": ("category", "kategori", "section", "rubrik", "kanal"),
}
_LOOKUP = {alias: field for field, names in ALIASES.items() for alias in names}


def canonical(name: str) -> str:
    return re.sub(r"[\s\-.]+", "_", name.strip().lower().lstrip("\ufeff"))


def map_columns(names: list[str], explicit: dict[str, str] | None = None) -> dict[str, str]:
    """Source column name -> catalogue field, first match per field wins.

    `explicit` (catalogue field -> source column, from the person importing) comes first, for
    exports whose column names no table knows.
    """
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    by_canonical = {canonical(name): name for name in names}
    for field, column in (explicit or {}).items():
        source: str | None = column if column in names else by_canonical.get(canonical(column))
        if source is None:
            raise ReadError(
                f"the mapping names a column {column!r} the file does not have "
                f"(its columns are: {', '.join(names)})"
            )
        mapping[source] = field
        taken.add(field)
    for name in names:
        if name in mapping:
            continue
        found = _LOOKUP.get(canonical(name))
        if found and found not in taken:
            mapping[name] = found
            taken.add(found)
    return mapping


FIELDS = tuple(ALIASES)


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """ "title=headline" items as {field: column}; ReadError names a field that does not exist."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        field, column = field.strip().lower(), column.strip()
        if not sep or not column:
            raise ReadError(f"write the mapping as FIELD=COLUMN, not {pair!r}")
        if field not in ALIASES:
            raise ReadError(f"{field!r} is not a field to map (fields: {', '.join(FIELDS)})")
        mapping[field] = column
    return mapping


def expected_body_names() -> str:
    return ", ".join(ALIASES["body"][:6])
