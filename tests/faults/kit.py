"""Kill a real `archive-app` at a chosen moment, and look at what it left behind.

The moment is chosen by watching what anyone could see from outside (the catalogue's article
count, its import batch, the index folder, the processes started), never by a hook inside
Arsip. Processes are looked up in /proc (Linux), by pid and start time.
"""

from __future__ import annotations

import fcntl
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from archive_app.storage.processes import ProcessId, start_time

WAIT_SECONDS = 300.0  # how long a moment may take to come on a busy machine
POLL = 0.005

_TEXT = (
    "banjir gempa pemilu presiden menteri sekolah harga beras pasar jalan tol kereta "
    "bandara pelabuhan hutan sungai desa kota warga petani nelayan guru dokter rumah "
    "sakit vaksin listrik air bersih sampah laut pantai gunung api hujan kemarau "
    "flood election minister school market harbour river village farmer"
)
WORDS = tuple(_TEXT.split())


def needs_proc() -> None:
    if not Path("/proc/self/stat").is_file():
        pytest.skip("needs /proc to follow processes by pid and start time (Linux)")


def write_corpus(folder: Path, articles: int, files: int, first: int = 0) -> list[Path]:
    """`files` JSON Lines files of synthetic articles (distinct URLs and texts), the same on
    every run; article i says `nomor<i>` in its body, so a search can find each."""
    folder.mkdir(parents=True, exist_ok=True)
    per = max(1, articles // files)
    paths: list[Path] = []
    for number in range(files):
        path = folder / f"part-{number:03d}.jsonl"
        with path.open("w", encoding="utf-8") as stream:
            for i in range(first + number * per, first + (number + 1) * per):
                rng = random.Random(i)
                body = "\n".join(
                    " ".join(rng.choice(WORDS) for _ in range(40)) + f" nomor{i}." for _ in range(4)
                )
                stream.write(
                    json.dumps(
                        {
                            "title": f"Berita {i} " + " ".join(rng.choice(WORDS) for _ in range(5)),
                            "url": f"https://example.test/berita/{i}",
                            "published": f"2024-05-{1 + i % 28:02d} 10:00",
                            "content": body,
                            "language": "id",
                        }
                    )
                    + "\n"
                )
        paths.append(path)
    return paths


def command(library: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "archive_app", "--library", str(library), *args]


def run(library: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run a command to its end (no kill): its exit code and output."""
    return subprocess.run(
        command(library, *args), capture_output=True, text=True, timeout=timeout, env=_env()
    )


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1", "QT_QPA_PLATFORM": "offscreen"}


@dataclass
class Running:
    """An `archive-app` command running in a process group of its own."""

    library: Path
    process: subprocess.Popen[str]
    stderr_path: Path
    seen: dict[int, ProcessId] = field(default_factory=dict)  # every process of it met so far

    @property
    def pid(self) -> int:
        return self.process.pid

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def look(self) -> list[ProcessId]:
        """Its processes now (itself and everything it started), remembered for `leftovers`."""
        found = [
            ProcessId(pid, started)
            for pid in (self.pid, *descendants(self.pid))
            if (started := start_time(pid)) is not None
        ]
        for one in found:
            self.seen.setdefault(one.pid, one)
        return found

    def wait_for(
        self, moment: Callable[[], bool], what: str, timeout: float = WAIT_SECONDS
    ) -> None:
        """Poll until `moment()` is true; fail if the command ended first."""
        deadline = time.monotonic() + timeout
        while True:
            self.look()
            if moment():
                return
            if self.process.poll() is not None:
                raise AssertionError(
                    f"the command ended (code {self.process.returncode}) "
                    f"before {what}:\n{self.stderr()[-2000:]}"
                )
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"{what} did not come within {timeout:.0f} s")
            time.sleep(POLL)

    def kill(self, group: bool = True) -> None:
        """kill -9 of its process group (or of the command's own process only)."""
        self.look()
        try:
            if group:
                os.killpg(self.pid, signal.SIGKILL)
            else:
                os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=60)

    def leftovers(self, grace: float = 20.0) -> list[ProcessId]:
        """The processes it started that are still alive `grace` seconds after the kill."""
        deadline = time.monotonic() + grace
        while True:
            alive = [p for p in self.seen.values() if p.alive()]
            if not alive or time.monotonic() > deadline:
                return alive
            time.sleep(0.05)


def start(library: Path, *args: str, workdir: Path) -> Running:
    """Start `archive-app --library LIBRARY ARGS…` in a new process group."""
    workdir.mkdir(parents=True, exist_ok=True)
    stderr_path = workdir / f"stderr-{time.monotonic_ns()}.txt"
    with stderr_path.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            command(library, *args),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            text=True,
            start_new_session=True,
            env=_env(),
        )
    running = Running(library, process, stderr_path)
    running.look()
    return running


def descendants(pid: int) -> list[int]:
    """Every live process whose parent chain leads to `pid` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
        except OSError:
            continue
        parent = int(stat[stat.rfind(")") + 2 :].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found: list[int] = []
    todo = list(children.get(pid, []))
    while todo:
        child = todo.pop()
        found.append(child)
        todo.extend(children.get(child, []))
    return found


# -- what a library holds, seen from outside -------------------------------------------------


def _query(library: Path, sql: str) -> list[tuple[Any, ...]]:
    catalogue = library / "catalogue.sqlite"
    if not catalogue.is_file():
        return []
    try:
        with sqlite3.connect(f"file:{catalogue}?mode=ro", uri=True, timeout=5) as db:
            return db.execute(sql).fetchall()
    except sqlite3.OperationalError:  # not created yet, or being migrated
        return []


def articles_in_catalogue(library: Path) -> int:
    rows = _query(library, "SELECT count(*) FROM articles")
    return int(rows[0][0]) if rows else 0


def batches(library: Path) -> list[tuple[int, str | None]]:
    """Import batches, oldest first: (id, status)."""
    return [(int(r[0]), r[1]) for r in _query(library, "SELECT id, status FROM import_batches")]


def index_files(library: Path) -> set[str]:
    folder = library / "index"
    try:
        return {p.name for p in folder.iterdir()}
    except OSError:
        return set()


def lock_is_free(library: Path) -> bool:
    """Whether a writer could take library.lock now."""
    path = library / "library.lock"
    if not path.exists():
        return True
    with path.open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return True


def check(library: Path) -> dict[str, Any]:
    result = run(library, "check", "--json")
    assert result.returncode in (0, 1), result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def search_total(library: Path, query: str) -> int:
    result = run(library, "search", query, "--json", "--limit", "1")
    assert result.returncode == 0, result.stderr
    return int(json.loads(result.stdout)["total"])


# What legitimately differs between a library imported in one go and one whose import was
# killed and run again (or whose file was imported twice): the times things were stored (every
# "imported_at", "created_at" and "modified_at": the provenance's import time, each version's and
# the article's creation time, the article's last change) and the provenance rows of kind
# "duplicate" (the re-run met the stored files again, a clean import did not). Nothing else: ids,
# order, titles, texts, dates, versions, files and their hashes, locators, rules must be equal.
VARYING_KEYS = frozenset({"imported_at", "created_at", "modified_at"})


def _without_varying(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_varying(v) for k, v in value.items() if k not in VARYING_KEYS}
    if isinstance(value, list):
        return [
            _without_varying(v)
            for v in value
            if not (isinstance(v, dict) and v.get("kind") == "duplicate")
        ]
    return value


def exported(library: Path) -> list[dict[str, Any]]:
    """The library's JSON Lines export, without what legitimately varies (VARYING_KEYS)."""
    result = run(library, "export", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return [_without_varying(row) for row in rows]


def stray_files(library: Path) -> list[str]:
    """Files no complete write would leave: temporary originals and photos, a rebuild's staging
    folder, index segment files no table of contents names."""
    found = [str(p.relative_to(library)) for p in library.rglob(".incoming-*")]
    found += [name for name in ("index.rebuild", "index.old") if (library / name).exists()]
    index = library / "index"
    if index.is_dir():
        from whoosh.index import TOC, open_dir

        named = {s.segment_id() for s in TOC.read(open_dir(str(index)).storage, "MAIN").segments}
        for path in index.iterdir():
            stem = path.name.split(".")[0]
            if path.name.startswith("MAIN_") and stem not in named | {"MAIN_WRITELOCK"}:
                found.append(str(path.relative_to(library)))
    return found


def unreferenced_originals(library: Path) -> list[str]:
    """Files in originals/ that no catalogue row names (written, never committed)."""
    named = {row[0] for row in _query(library, "SELECT path FROM originals")}
    on_disk = {
        str(p.relative_to(library)) for p in (library / "originals").rglob("*") if p.is_file()
    }
    return sorted(on_disk - named)
