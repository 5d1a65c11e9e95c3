"""Processes: who is alive (by pid and start time), and child processes that die with their parent.

A process Arsip starts (the indexer of a big import, the workers of `reindex`) must never outlive
it: killed or crashed, the parent would leave them writing the index or holding the library's
lock. Each child calls `die_with_parent()` first: on Linux the kernel kills it with its parent
(prctl PR_SET_PDEATHSIG); everywhere a thread watches multiprocessing's parent sentinel (a pipe
only the parent holds open) and ends the child when it closes.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)
_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>
_ORPHANED = 70  # the exit code of a child whose parent died


@dataclass(frozen=True, slots=True)
class ProcessId:
    """A process as a lock names it: its pid, when it started where the system says (a pid is
    reused once its process ends, the pair is not), and the computer it runs on."""

    pid: int
    started: str | None
    host: str | None = None

    def __str__(self) -> str:
        return (
            f"pid {self.pid}"
            + (f" started {self.started}" if self.started else "")
            + (f" on {self.host}" if self.host else "")
        )

    @classmethod
    def parse(cls, text: str) -> ProcessId | None:
        """Read "pid 123 started 456 on host" (or the older "pid 123"); None for anything
        else."""
        words = text.split()
        if len(words) < 2 or words[0] != "pid" or not words[1].isdigit():
            return None
        named = dict(zip(words[2::2], words[3::2], strict=False))
        return cls(int(words[1]), named.get("started"), named.get("on"))

    @classmethod
    def this_process(cls) -> ProcessId:
        return cls(os.getpid(), start_time(os.getpid()), _host())

    @property
    def here(self) -> bool:
        """Whether it ran on this computer (a library on a shared drive may be open on
        another, whose processes cannot be looked up from here)."""
        return self.host is None or self.host == _host()

    def alive(self) -> bool:
        """Whether this very process still runs (not another that was given its pid since);
        a process on another computer is taken to be alive."""
        if not self.here:
            return True
        if not _exists(self.pid):
            return False
        if self.started is None:
            return True  # nothing to compare: the pid alone says it
        now = start_time(self.pid)
        return now is None or now == self.started


def _host() -> str:
    return socket.gethostname().split()[0] if socket.gethostname().strip() else "localhost"


def start_time(pid: int) -> str | None:
    """When a process started, in clock ticks since boot (field 22 of /proc/<pid>/stat); None
    where there is no /proc or the process is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # the command name (field 2) is in parentheses and may hold spaces: count after it
    fields = stat[stat.rfind(")") + 2 :].split()
    if len(fields) < 20 or fields[0] == "Z":
        return None  # a zombie has ended; only its exit status waits to be collected
    return fields[19]


def _exists(pid: int) -> bool:
    if pid <= 0:
        return False
    if Path("/proc").is_dir():
        try:
            state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        except OSError:
            return False
        return state[state.rfind(")") + 2 :][:1] != "Z"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


def die_with_parent() -> None:
    """Call first in a child process: it ends when the process that started it ends."""
    parent = multiprocessing.parent_process()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
                log.warning(
                    "could not ask to end with the parent process (errno %d)", ctypes.get_errno()
                )
        except (OSError, AttributeError):  # no prctl in this C library: the sentinel does it
            log.warning("could not ask to end with the parent process", exc_info=True)
    if parent is None:
        return
    # the parent may have ended before the request above took effect
    if parent.pid is not None and os.getppid() != parent.pid:
        os._exit(_ORPHANED)
    sentinel = parent.sentinel
    threading.Thread(
        target=_watch, args=(sentinel,), name="arsip-parent-watch", daemon=True
    ).start()


def _watch(sentinel: int) -> None:
    """End this process once the parent's end of the sentinel pipe closes (the parent died)."""
    multiprocessing.connection.wait([sentinel])
    os._exit(_ORPHANED)
