"""Arsip's segment writer writes the same index as Whoosh's own, term for term."""

from __future__ import annotations

from pathlib import Path

from whoosh import index as whoosh_index

from archive_app.domain.model import IndexDocument
from archive_app.search.documents import document_fields
from archive_app.search.schema import build_schema
from archive_app.search.segment_writer import segment_writer


def _docs() -> list[IndexDocument]:
    bodies = (
        "Banjir merendam sepuluh desa di Gresik.",
        "Warga mengungsi ke balai desa setelah banjir besar melanda pada malam hari.",
        "Pemerintah daerah mengirim bantuan.",
    )
    return [
        IndexDocument(n, 1, f"Judul berita {n}", bodies[: 1 + n % 3], (), None, None, None, "id")
        for n in range(1, 40)
    ]


def _term_stats(folder: Path, write: str) -> dict[tuple[str, bytes], tuple[float, ...]]:
    folder.mkdir()
    index = whoosh_index.create_in(folder, build_schema())
    writer = segment_writer(index) if write == "arsip" else index.writer()
    for doc in _docs():
        writer.add_document(**document_fields(doc))
    writer.commit()
    with index.reader() as reader:
        stats = {}
        for field, text in reader.all_terms():
            info = reader.term_info(field, text)
            stats[field, text] = (
                info.weight(),
                info.doc_frequency(),
                info.min_length(),
                info.max_length(),
            )
        return stats


def test_block_lengths_and_weights_match_whoosh(tmp_path: Path) -> None:
    ours = _term_stats(tmp_path / "arsip", "arsip")
    theirs = _term_stats(tmp_path / "whoosh", "whoosh")
    assert ours == theirs
    assert any(stats[2] != stats[3] for stats in ours.values())  # lengths really vary
