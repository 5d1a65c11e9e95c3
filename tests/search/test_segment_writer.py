"""Arsip's segment writer writes the same index as Whoosh's own, term for term."""

from __future__ import annotations

from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3TermInfo

from archive_app.domain.model import IndexDocument, PersonRole
from archive_app.search.documents import document_fields
from archive_app.search.patches import install_patches
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


_TEXT = (
    "banjir desa warga mengungsi bantuan pemerintah daerah malam hari sungai meluap jalan "
    "the flood reached village people were moved to the hall after heavy rain on tuesday "
    "menggaungkan pembangunan jembatan kabupaten gresik jakarta surabaya di dan yang"
)
_WORDS = _TEXT.split()


def _varied_docs() -> list[IndexDocument]:
    """Documents enough for terms of several blocks (over 128 postings), of varied lengths,
    in two languages, with captions, people and places."""
    docs = []
    for n in range(1, 301):
        words = [_WORDS[(n * 7 + k * k) % len(_WORDS)] for k in range(3 + n % 40)]
        body = (" ".join(words[: len(words) // 2]) + ".", " ".join(words[len(words) // 2 :]))
        docs.append(
            IndexDocument(
                n,
                1,
                f"Judul {_WORDS[n % len(_WORDS)]} {n}",
                body,
                (PersonRole(f"Penulis {n % 5}", "author"),) if n % 3 else (),
                "contoh.id",
                ("Gresik", "Jakarta", None)[n % 3],
                f"2024-01-{1 + n % 28:02d}T08:00:00+07:00" if n % 4 else None,
                "en" if n % 2 else "id",
                (f"Foto {_WORDS[n % 9]} desa",) if n % 5 == 0 else (),
                ("banjir",) if n % 6 == 0 else (),
                review=("date",) if n % 7 == 0 else (),
            )
        )
    return docs


def _terms_and_postings(folder: Path, write: str) -> dict[tuple[str, bytes], tuple[bytes, bytes]]:
    """Each term's entry in the terms file, as stored (its statistics and where its postings
    lie), and its postings as stored."""
    install_patches()  # Whoosh's own writer packs word places as Arsip's does
    folder.mkdir()
    index = whoosh_index.create_in(folder, build_schema())
    writer = segment_writer(index) if write == "arsip" else index.writer()
    for doc in _varied_docs():
        writer.add_document(**document_fields(doc))
    writer.commit()
    with index.reader() as reader:
        terms = reader._terms
        found = {}
        for field, text in reader.all_terms():
            stored = terms._tindex[terms._keycoder(field, text)]
            info = terms.term_info(field, text)
            offset, length = info.extent()
            if isinstance(length, tuple):  # W3TermInfo.from_bytes leaves it unpacked
                (length,) = length
            found[field, text] = (stored, terms._postfile.get(offset, length))
        return found


def test_postings_and_term_entries_are_whoosh_s_byte_for_byte(tmp_path: Path) -> None:
    """The index format: a segment written by Arsip's writer holds the same bytes, term for
    term, as one Whoosh's own writer makes of the same documents."""
    ours = _terms_and_postings(tmp_path / "arsip", "arsip")
    theirs = _terms_and_postings(tmp_path / "whoosh", "whoosh")
    assert ours.keys() == theirs.keys()
    assert ours == theirs
    # terms of more than one block (128 postings) were compared too
    assert any(W3TermInfo.from_bytes(entry).doc_frequency() > 128 for entry, _ in ours.values())
