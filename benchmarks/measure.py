"""Wall time and peak memory of a subprocess (and its children), and latency statistics."""

from __future__ import annotations

import math
import os
import statistics
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True, slots=True)
class Run:
    """How a measured command went."""

    command: list[str]
    returncode: int
    seconds: float
    cpu_seconds: float
    peak_rss_bytes: int  # ru_maxrss of the process (from wait4): exact, but one process only
    peak_tree_rss_bytes: int  # the process and all its descendants, sampled every 0.2 s
    rss_timeline: list[tuple[float, int]]  # (seconds, MB) every 10 s: shows memory growing
    stdout: str
    stderr_tail: str


def status_kb(field: str) -> int:
    """A field of this process's /proc/self/status in kB (VmRSS, RssAnon, RssFile), 0 if absent."""
    with open("/proc/self/status") as stream:
        for line in stream:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _descendants(pid: int) -> list[int]:
    found = [pid]
    for current in found:  # grows while we walk: a breadth-first walk of /proc children
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as stream:
                    found.extend(int(child) for child in stream.read().split())
        except OSError:
            continue  # the process ended between two reads
    return found


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and its descendants now (0 once it has ended)."""
    total = 0
    for member in _descendants(pid):
        try:
            with open(f"/proc/{member}/statm") as stream:
                total += int(stream.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


class _TreeSampler(threading.Thread):
    """Samples the RSS of a process tree until stopped; ru_maxrss alone would miss worker
    processes of a multi-process indexer (it reports the largest process, not the sum)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.timeline: list[tuple[float, int]] = []
        self.done = threading.Event()

    def run(self) -> None:
        started = time.perf_counter()
        while not self.done.wait(0.2):
            rss = tree_rss(self.pid)
            self.peak = max(self.peak, rss)
            elapsed = time.perf_counter() - started
            if rss and elapsed >= 10 * len(self.timeline):
                self.timeline.append((round(elapsed), rss >> 20))


def run_measured(command: list[str], log: Path) -> Run:
    """Run `command` to the end; stdout is returned, stderr goes to `log`."""
    with log.open("wb") as errors, open(log.with_suffix(".out"), "wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=errors)
        sampler = _TreeSampler(process.pid)
        sampler.start()
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        sampler.done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4 already
    stdout = log.with_suffix(".out").read_text(encoding="utf-8", errors="replace")
    tail = log.read_text(encoding="utf-8", errors="replace")[-4000:]
    return Run(
        command,
        process.returncode,
        seconds,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss * 1024,
        sampler.peak,
        sampler.timeline,
        stdout,
        tail,
    )


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (p95 of 200 values is the 190th smallest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summary(values: Sequence[float]) -> dict[str, float | int | None]:
    """Median, p95, mean and max in milliseconds of a list of seconds."""
    if not values:
        return {"n": 0, "median": None, "p95": None, "mean": None, "max": None}
    ms = [v * 1000 for v in values]
    return {
        "n": len(ms),
        "median": statistics.median(ms),
        "p95": percentile(ms, 0.95),
        "mean": statistics.fmean(ms),
        "max": max(ms),
    }
