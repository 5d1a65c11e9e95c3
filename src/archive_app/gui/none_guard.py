"""Keep None, True and False alive under PySide6 6.12 on Python 3.11 (a PySide refcount bug).

PySide6 6.12.0 forgets a reference each time it hands None to Python: `QObject().parent()`,
`QModelIndex.data()` for an empty role, a Python model's `data()` returning None. Python 3.12+
makes None immortal, so nothing happens there; on 3.11 None starts with a few thousand references
and the process aborts ("none_dealloc: deallocating None") after a few seconds of scrolling a
table; True and False fare the same. `protect()` measures the drift once and, when it is there,
gives each a margin no session can use up (2**40 references: twelve days at a million lost
references a second). It touches nothing when the bug is absent.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

MARGIN = 1 << 40
_PROBES = 64


def _drifts(value: object, call: Callable[[], object]) -> bool:
    before = sys.getrefcount(value)
    for _ in range(_PROBES):
        call()
    return sys.getrefcount(value) < before - _PROBES // 2


def leaky_singletons() -> list[object]:
    """None, True and False, each one that loses a reference when Qt hands it to Python."""
    if sys.version_info >= (3, 12):
        return []  # immortal there
    probe = QObject()
    # True and False leak on paths a probe cannot reach cheaply (seen as "bool_dealloc" at the
    # end of a long run): where None leaks, they get the same margin
    return [None, True, False] if _drifts(None, probe.parent) else []


def protect() -> bool:
    """Give the leaky singletons their margin; True when it did (once per process)."""
    if getattr(protect, "done", False):
        return False
    protect.done = True  # type: ignore[attr-defined]
    leaky = leaky_singletons()
    for value in leaky:
        # ob_refcnt is the first field of every CPython object: add the margin in one step
        ctypes.c_ssize_t.from_address(id(value)).value += MARGIN
    if leaky:
        log.info("PySide6 drops references to %s here; each was given a margin of %d",
                 leaky, MARGIN)
    return bool(leaky)
