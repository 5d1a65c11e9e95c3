"""Threads search one index at once, each with its own searcher, while another thread commits:
every answer is right for some commit, never a mix, and a commit is seen on the next search."""

from __future__ import annotations

import threading
from pathlib import Path

from archive_app.domain.model import IndexDocument
from archive_app.domain.query import parse
from archive_app.search.index import FullTextIndex

READERS = 4
FIRST = 120  # articles before the writer starts
BATCH = 30  # articles per commit
COMMITS = 6


def _docs(first: int, count: int) -> list[IndexDocument]:
    return [
        IndexDocument(
            n,
            1,
            f"Banjir melanda desa nomor {n}",
            (f"Warga desa {n} mengungsi karena banjir besar.", "Pemilihan kepala desa ditunda."),
            (),
            "example.id",
            "Gresik",
            f"2024-05-{1 + n % 28:02d}T08:00:00+07:00",
            "id",
        )
        for n in range(first, first + count)
    ]


def _no_texts(ids: list[int], fields: frozenset[str]) -> dict[int, dict[str, str]]:
    return {}


def test_threads_search_their_own_searchers_while_another_commits(tmp_path: Path) -> None:
    index = FullTextIndex(tmp_path / "index")
    index.write(_docs(1, FIRST // 2), new_ids=frozenset(range(1, FIRST // 2 + 1)))
    index.write(_docs(FIRST // 2 + 1, FIRST // 2), new_ids=frozenset(range(61, FIRST + 1)))
    valid = {FIRST + BATCH * k for k in range(COMMITS + 1)}
    final = max(valid)
    node = parse("banjir")
    written = threading.Event()
    problems: list[str] = []
    searchers: dict[str, object] = {}  # kept alive, so their ids differ
    seen_after_commit: dict[str, int] = {}

    def read() -> None:
        name = threading.current_thread().name
        last = 0
        try:
            while True:
                done = written.is_set()
                counts = index.counts(node, _no_texts)
                ids = index.matching_ids(node, _no_texts)
                page = index.search(node, sort="newest", limit=5, offset=0, texts=_no_texts)
                if counts.total not in valid or counts.total < last:
                    problems.append(f"{name}: {counts.total} articles after {last}")
                if sorted(ids) != list(range(1, len(ids) + 1)) or len(ids) not in valid:
                    problems.append(f"{name}: ids {len(ids)} do not match a commit")
                if len(page.hits) != 5 or not {h.id for h in page.hits} <= set(range(1, final + 1)):
                    problems.append(f"{name}: a page of hits not in the index: {page.hits}")
                if sum(n for _day, n in counts.months) != counts.total:
                    problems.append(f"{name}: months count {counts.months}, not {counts.total}")
                last = counts.total
                searchers[name] = index._searchers.current()[0]
                if done:  # the last commit was made before this search began
                    seen_after_commit[name] = counts.total
                    return
        except Exception as error:  # any failure on a thread is a failure of the test
            problems.append(f"{name}: {type(error).__name__}: {error}")

    def write() -> None:
        try:
            for k in range(COMMITS):
                first = FIRST + BATCH * k + 1
                index.write(_docs(first, BATCH), new_ids=frozenset(range(first, first + BATCH)))
        except Exception as error:
            problems.append(f"writer: {type(error).__name__}: {error}")
        finally:
            written.set()

    threads = [threading.Thread(target=read, name=f"reader-{i}") for i in range(READERS)]
    threads.append(threading.Thread(target=write, name="writer"))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    try:
        assert not problems, problems[:5]
        assert all(not thread.is_alive() for thread in threads)
        # each thread saw every commit once it was made, through a searcher of its own
        assert seen_after_commit == {f"reader-{i}": final for i in range(READERS)}
        assert len({id(searcher) for searcher in searchers.values()}) == READERS
    finally:
        index.close()


def test_a_thread_sees_what_another_thread_committed(tmp_path: Path) -> None:
    index = FullTextIndex(tmp_path / "index")
    index.write(_docs(1, 3), new_ids=frozenset({1, 2, 3}))
    node = parse("pemilihan")
    assert index.counts(node, _no_texts).total == 3  # this thread's searcher, opened now
    writer = threading.Thread(target=index.write, args=(_docs(4, 2),))
    writer.start()
    writer.join(60)
    assert index.counts(node, _no_texts).total == 5
    index.delete([1])  # deletions too (a refreshed searcher could miss them)
    assert index.matching_ids(node, _no_texts) == [2, 3, 4, 5]
    index.close()
