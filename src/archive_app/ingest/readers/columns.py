"""Map the column names of tabular exports (English and Indonesian) to catalogue fields."""

from __future__ import annotations

import re

# canonical field -> names seen in exports, compared after lower-casing and folding
# spaces, hyphens and dots to underscores
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "judul", "headline", "judul_berita", "heading", "hl1"),
    "body": ("content", "isi_berita", "isi", "body", "text", "article", "articlebody",
             "article_body", "konten", "berita", "full_text", "fulltext", "isi_artikel",
             "artikel", "story"),
    "date": ("tanggal_publikasi", "tanggal", "date", "published", "published_at", "publish_date",
             "pubdate", "pub_date", "datetime", "date_published", "datepublished", "waktu_terbit",
             "tanggal_terbit", "created_at"),
    "time": ("time", "jam", "waktu", "publish_time", "pukul"),
    "updated": ("updated", "updated_at", "modified", "date_modified", "datemodified",
                "diperbarui"),
    "author": ("author", "authors", "penulis", "byline", "creator", "writer"),
    "editor": ("editor", "redaktur", "penyunting"),
    "reporter": ("reporter", "wartawan", "pewarta", "jurnalis"),
    "photographer": ("photographer", "fotografer", "pewarta_foto", "photo_credit"),
    "caption": ("caption", "keterangan_foto", "photo_caption", "image_caption"),
    "credit": ("credit", "kredit_foto", "image_credit"),
    "image": ("image", "image_url", "gambar", "foto", "photo_url", "og_image"),
    "keywords": ("keywords", "tags", "tag", "kata_kunci", "topik", "topics"),
    "url": ("url", "link", "tautan", "permalink", "source_url", "canonical_url", "article_url"),
    "site": ("sumber", "source", "site", "media", "publisher", "domain", "portal", "outlet"),
    "language": ("language", "lang", "bahasa"),
    "category": ("category", "kategori", "section", "rubrik", "kanal"),
}
_LOOKUP = {alias: field for field, names in ALIASES.items() for alias in names}


def canonical(name: str) -> str:
    return re.sub(r"[\s\-.]+", "_", name.strip().lower().lstrip("\ufeff"))


def map_columns(names: list[str]) -> dict[str, str]:
    """Source column name -> catalogue field, first match per field wins."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        field = _LOOKUP.get(canonical(name))
        if field and field not in taken:
            mapping[name] = field
            taken.add(field)
    return mapping


def expected_body_names() -> str:
    return ", ".join(ALIASES["body"][:6])
