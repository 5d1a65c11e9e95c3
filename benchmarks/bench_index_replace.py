"""CPU a listening team desktop spends per commit that replaces articles in its index.

    python benchmarks/bench_index_replace.py [--articles 3000] [--edits 150] [--out FILE]

Builds an index of ARTICLES generated articles in commits of 500 (a followed import's), then
commits EDITS edits one at a time as the follower does (quick commits, the small segments
merged once FOLLOW_MERGE_AT gathered), then followed imports of 500 articles that replace
articles already there. Prints the CPU milliseconds (this process's user+sys,
time.process_time) per edit commit and per 500-article commit, and the load average beside
them: a busy machine changes wall time, much less CPU time. Run it on two trees (PYTHONPATH)
to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from archive_app.domain.model import IndexDocument
from archive_app.search.index import FullTextIndex
from archive_app.usecases.team_follow import FOLLOW_COMMIT, FOLLOW_MERGE_AT

TEXT = (
    "banjir merendam sepuluh desa gresik warga mengungsi balai setelah hujan deras melanda "
    "malam hari pemerintah daerah mengirim bantuan jakarta presiden menteri sungai jembatan "
    "putus jalan raya polisi korban selamat rumah sakit pasar harga beras naik turun kota "
    "sekolah guru murid ujian nasional partai pemilu suara rakyat dewan anggaran proyek"
)
WORDS = TEXT.split()


def _doc(rng: random.Random, article_id: int, version: int) -> IndexDocument:
    body = tuple(
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 60)))
        for _ in range(rng.randint(4, 8))
    )
    return IndexDocument(
        article_id,
        version,
        " ".join(rng.choice(WORDS) for _ in range(6)),
        body,
        (),
        "example.com",
        "Jakarta",
        "2024-05-01",
        "id",
        tags=(f"a{article_id}v{version}",),
    )


def _commit(index: FullTextIndex, docs: list[IndexDocument]) -> float:
    """One follower's commit of these documents (merging the small segments once they
    gathered, as it does); the CPU seconds it took."""
    start = time.process_time()
    batch = index.batch()
    batch.add(docs)
    batch.commit(quick=True)
    batch = index.batch()
    if batch.small_segments() >= FOLLOW_MERGE_AT:
        batch.commit()
    else:
        batch.cancel()
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--edits", type=int, default=150)
    parser.add_argument("--imports", type=int, default=3, help="followed imports of 500")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rng = random.Random(14)
    versions = dict.fromkeys(range(1, args.articles + 1), 1)
    with tempfile.TemporaryDirectory() as folder:
        index = FullTextIndex(Path(folder) / "index")
        for first in range(1, args.articles + 1, FOLLOW_COMMIT):
            ids = range(first, min(first + FOLLOW_COMMIT, args.articles + 1))
            index.write([_doc(rng, i, 1) for i in ids], new_ids=frozenset(ids))
        edits = []
        for _ in range(args.edits):
            article_id = rng.randint(1, args.articles)
            versions[article_id] += 1
            edits.append(_commit(index, [_doc(rng, article_id, versions[article_id])]))
        imports = []
        for _ in range(args.imports):
            ids = rng.sample(sorted(versions), FOLLOW_COMMIT)
            docs = []
            for article_id in ids:
                versions[article_id] += 1
                docs.append(_doc(rng, article_id, versions[article_id]))
            imports.append(_commit(index, docs))
        held = index.doc_count()
        index.close()
    if held != len(versions):
        print(f"the index holds {held} articles, not {len(versions)}", file=sys.stderr)
        return 1
    figures = {
        "articles": args.articles,
        "edit_commit_cpu_ms": {
            "n": len(edits),
            "median": round(statistics.median(edits) * 1000, 1),
            "mean": round(statistics.fmean(edits) * 1000, 1),
        },
        "import_commit_cpu_ms": {
            "n": len(imports),
            "median": round(statistics.median(imports) * 1000, 1),
        },
        "load": list(os.getloadavg()),
    }
    print(json.dumps(figures, indent=1))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
