"""Load py3langid's model, from a decompressed copy in the user's cache when one is there."""

from __future__ import annotations

import contextlib
import logging
import os
import time
from array import array
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
from py3langid import modelio
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from archive_app.storage.atomic import atomic_path

log = logging.getLogger(__name__)

# The model ships LZMA-compressed (13 MB); decompressing it takes about 0.5 s, paid by every
# import process before its first text the stopword profile cannot decide. A plain copy
# (68 MB) loads in about 0.05 s. py3langid offers no such cache, hence this module.
CACHE_ENV = "ARSIP_CACHE_DIR"
STALE_AFTER_S = 600  # a write takes about a second


def cache_dir() -> Path:
    """Where Arsip keeps rebuildable copies: $ARSIP_CACHE_DIR, else the XDG cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "arsip"


def _cache_file(model: Path) -> Path:
    # named by the py3langid release and the model file's size, so an upgrade never reads
    # a copy of another model
    version = metadata.version("py3langid")
    return cache_dir() / f"py3langid-{version}-{model.stat().st_size}.npz"


def load_identifier() -> Any:
    """The identifier with normalised probabilities, as py3langid builds it from its file."""
    model = MODEL_DIR / MODEL_FILE
    cached = _cache_file(model)
    parts = _read_copy(cached) if cached.is_file() else None
    if parts is None:
        parts = modelio.load_model(model)
        _write_copy(cached, parts)
    ptc, pc, classes, nextmove, row, output = parts
    return LanguageIdentifier(
        np.asarray(ptc), np.asarray(pc), classes, nextmove, output, norm_probs=True, tk_row=row
    )


def _write_copy(target: Path, parts: tuple[Any, ...]) -> None:
    ptc, pc, classes, nextmove, row, output = parts
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_copies(target)
        with atomic_path(target) as temp, open(temp, "wb") as stream:
            np.savez(
                stream,
                ptc=ptc,
                pc=pc,
                classes=np.asarray(classes),
                nextmove=np.frombuffer(nextmove, dtype=f"u{nextmove.itemsize}"),
                row=np.frombuffer(row, dtype=f"u{row.itemsize}"),
                output=np.asarray(output, dtype=np.int64),
            )
    except OSError as error:  # a read-only or full home only costs the next process 0.5 s
        log.debug("the language model's copy was not kept at %s: %s", target, error)


def _remove_stale_copies(target: Path) -> None:
    # the copy is written on the import's language thread, a daemon: a process that ends
    # first leaves its half-written temporary behind (64 MB), so the next writer removes
    # those old enough not to be another process's write in progress
    cutoff = time.time() - STALE_AFTER_S
    for temp in target.parent.glob(f".{target.name}.*.part"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()


def _read_copy(path: Path) -> tuple[Any, ...] | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            return (
                data["ptc"],
                data["pc"],
                data["classes"].tolist(),
                _as_array(data["nextmove"]),
                _as_array(data["row"]),
                data["output"].tolist(),
            )
    except (OSError, ValueError, KeyError) as error:  # damaged: read the shipped model
        log.debug("the language model's copy at %s is unreadable: %s", path, error)
        return None


def _as_array(values: np.ndarray[Any, Any]) -> array[int]:
    code = {2: "H", 4: "I", 8: "Q"}[values.dtype.itemsize]
    return array(code, values.tobytes())
