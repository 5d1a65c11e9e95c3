"""CPU seconds of a team import: the importing process with its indexer, and the PostgreSQL
backends serving it (sampled from pg_stat_activity by application_name, with their wait events).

    python benchmarks/team_cpu.py COMMAND...   runs COMMAND, then prints `CPU <seconds>` on stderr

As a command it wraps one import: its children's user+sys seconds (the import and the indexing
process it waited for). bench_team.py reads that line, and samples the backends with Backends.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
from collections import Counter
from typing import Any

CPU_LINE = "CPU "
TICKS = os.sysconf("SC_CLK_TCK")
EVERY = 0.2  # seconds between samples: a backend's last fifth of a second may be missed


def cpu_seconds(stderr: str) -> float | None:
    """The CPU seconds a wrapped command's stderr ends with, None when it has none."""
    for line in reversed(stderr.splitlines()):
        if line.startswith(CPU_LINE):
            return float(line[len(CPU_LINE) :])
    return None


def _process_cpu(pid: int) -> float | None:
    """user+sys seconds of a running process (any user's: /proc/PID/stat is world-readable)."""
    try:
        with open(f"/proc/{pid}/stat") as stream:
            fields = stream.read().rsplit(")", 1)[1].split()
    except OSError:  # ended meanwhile
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS


class Backends:
    """Samples the server's backends whose application_name starts with `prefix` until stopped:
    the CPU each used (its last sample) and what they waited on, summed per application."""

    def __init__(self, address: str, prefix: str) -> None:
        self._address = address
        self._prefix = prefix
        self._stop = threading.Event()
        self._cpu: dict[int, tuple[str, float]] = {}
        self.waits: Counter[str] = Counter()
        self.samples = 0
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Backends:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import psycopg

        with psycopg.connect(self._address, autocommit=True) as connection:
            while not self._stop.wait(EVERY):
                rows = connection.execute(
                    "SELECT pid, application_name, state, wait_event_type, wait_event "
                    "FROM pg_stat_activity WHERE application_name LIKE %s",
                    (self._prefix + "%",),
                ).fetchall()
                self.samples += 1
                for pid, name, state, kind, event in rows:
                    cpu = _process_cpu(pid)
                    if cpu is not None:
                        self._cpu[pid] = (name, cpu)
                    if state == "active":
                        self.waits[f"{kind}:{event}" if kind else "on CPU"] += 1
                    elif state == "idle in transaction":
                        self.waits["idle in transaction (the desktop working)"] += 1

    def cpu(self) -> dict[str, float]:
        """CPU seconds per application_name, over every backend it had."""
        totals: Counter[str] = Counter()
        for name, seconds in self._cpu.values():
            totals[name] += seconds
        return {name: round(seconds, 2) for name, seconds in sorted(totals.items())}

    def figures(self) -> dict[str, Any]:
        return {"cpu": self.cpu(), "waits": dict(self.waits.most_common()), "samples": self.samples}


def main() -> int:
    returncode = subprocess.run(sys.argv[1:]).returncode
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{CPU_LINE}{used.ru_utime + used.ru_stime:.2f}", file=sys.stderr)
    return returncode


if __name__ == "__main__":
    raise SystemExit(main())
