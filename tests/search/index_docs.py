"""Small index documents and a feed of pickled ones, for the index-writing tests."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from pathlib import Path

from archive_app.domain.model import IndexDocument
from archive_app.search.background import Feed


def index_doc(article_id: int, word: str = "banjir") -> IndexDocument:
    """An Indonesian article whose one paragraph holds `word` and its id."""
    return IndexDocument(
        article_id,
        1,
        f"Judul {article_id}",
        (f"{word} nomor {article_id}",),
        (),
        None,
        None,
        None,
        "id",
    )


def pickled_feed(path: str) -> Feed:
    """A feed of the documents pickled at `path` (spawned processes import it by name)."""
    docs = {doc.id: doc for doc in pickle.loads(Path(path).read_bytes())}

    def read(ids: Sequence[int]) -> list[IndexDocument]:
        return [docs[i] for i in ids if i in docs]

    return read
