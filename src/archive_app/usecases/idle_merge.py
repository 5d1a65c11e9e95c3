"""Merging the index's segments when the library is idle, on a thread of its own."""

from __future__ import annotations

import logging
import threading
import time

from archive_app.search.index import FullTextIndex
from archive_app.usecases.opening import WriteLane

log = logging.getLogger(__name__)
# seconds without a write before merging starts: a merge holds the writer lane (a big one for
# a minute or two), so it waits for a real pause in the edits and imports it would delay
IDLE_SECONDS = 30.0


class IdleMerger:
    """Merges as the tiered policy says (merging.py), one merge a step, once nothing was
    written for `idle` seconds: what imports and followed changes left unmerged to stay
    quick. `poke()` after each write; each step waits for the pause to last again."""

    def __init__(self, index: FullTextIndex, lane: WriteLane, idle: float = IDLE_SECONDS) -> None:
        self._index = index
        self._lane = lane
        self._idle = idle
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._written = time.monotonic()
        self._writes = 1  # counted so a step that found nothing to merge cannot hide a write
        self._checked = 0
        self._thread: threading.Thread | None = None
        self.merges = 0  # steps that merged (tests and logs read it)

    def poke(self) -> None:
        """Something was written: merge once the pause after it has lasted."""
        self._written = time.monotonic()
        self._writes += 1
        self._wake.set()

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="arsip-idle-merge", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop, waiting for a merge in progress (one step) to end."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            if self._checked == self._writes:  # nothing written since the index was tidy
                self._wake.wait()
                self._wake.clear()
                continue
            quiet = time.monotonic() - self._written
            if quiet < self._idle:
                self._stop.wait(self._idle - quiet)
                continue
            writes = self._writes
            try:
                merged = self.step()
            except Exception:  # a full disk, a damaged index: the next writer's repair sees it
                log.exception("merging the index's segments while idle failed")
                merged = False
            if not merged:
                self._checked = writes

    def step(self) -> bool:
        """One merge now, if one is due; whether one was made."""
        with self._lane:
            if self._stop.is_set():
                return False
            batch = self._index.batch()
            if not batch.merge_due():
                batch.cancel()
                return False
            started = time.perf_counter()
            batch.commit(tidy=True)
        self.merges += 1
        log.info("merged index segments while idle in %.1f s", time.perf_counter() - started)
        return True
