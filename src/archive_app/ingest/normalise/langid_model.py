"""Load py3langid's model, from a decompressed copy in the user's cache when one is there."""

from __future__ import annotations

import contextlib
import logging
import mmap
import os
import time
from importlib import metadata
from pathlib import Path
from typing import IO, Any

import numpy as np
from numpy.lib import format as npy
from py3langid import modelio
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from archive_app.storage.atomic import atomic_path

log = logging.getLogger(__name__)

# The model ships LZMA-compressed (13 MB); decompressing it takes about 0.5 s, paid by every
# import process before its first text the stopword profile cannot decide. A plain copy
# (68 MB) is mapped into memory instead of read: a process reads only the pages of the
# features its texts meet, and loading costs a few milliseconds, not 0.2 s of copying.
# py3langid offers no such cache, hence this module.
CACHE_ENV = "ARSIP_CACHE_DIR"
STALE_AFTER_S = 600  # a write takes about a second
# The copy holds these arrays one after another, each in NumPy's .npy format.
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "row", "output")
_HEADERS = {(1, 0): npy.read_array_header_1_0, (2, 0): npy.read_array_header_2_0}


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
    return cache_dir() / f"py3langid-{version}-{model.stat().st_size}.npy"


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
    arrays = (
        np.asarray(ptc),
        np.asarray(pc),
        np.asarray(classes),
        np.frombuffer(nextmove, dtype=f"u{nextmove.itemsize}"),
        np.frombuffer(row, dtype=f"u{row.itemsize}"),
        np.asarray(output, dtype=np.int64),
    )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_copies(target)
        with atomic_path(target) as temp, open(temp, "wb") as stream:
            for values in arrays:
                np.save(stream, values, allow_pickle=False)
    except OSError as error:  # a read-only or full home only costs the next process 0.5 s
        log.debug("the language model's copy was not kept at %s: %s", target, error)


def _remove_stale_copies(target: Path) -> None:
    # a process killed while writing the copy leaves its half-written temporary behind
    # (68 MB), so the next writer removes those old enough not to be another process's write
    # in progress, and the copy in the format before this one (an .npz, read whole)
    cutoff = time.time() - STALE_AFTER_S
    with contextlib.suppress(OSError):
        target.with_suffix(".npz").unlink(missing_ok=True)
    for temp in target.parent.glob(f".{target.name}.*.part"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()


def _read_copy(path: Path) -> tuple[Any, ...] | None:
    """The model's arrays as views of the mapped copy (None when it is damaged); the mapping
    lives as long as the arrays do."""
    try:
        with open(path, "rb") as stream:
            mapped = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
            parts = [_mapped_array(stream, mapped) for _ in _ARRAYS]
            if stream.tell() != len(mapped):
                raise ValueError("the copy has bytes after its last array")
    except (OSError, ValueError, TypeError) as error:  # damaged: read the shipped model
        log.debug("the language model's copy at %s is unreadable: %s", path, error)
        return None
    ptc, pc, classes, nextmove, row, output = parts
    # the walk over a text's bytes indexes these one number at a time: a memoryview gives
    # plain ints (as py3langid's own array.array does), a NumPy array slow NumPy scalars
    return ptc, pc, classes.tolist(), _ints(nextmove), _ints(row), _ints(output)


def _ints(values: np.ndarray[Any, Any]) -> memoryview:
    # in the machine's own format: memoryview indexes no explicit byte order ("=q")
    return values.data.cast("B").cast(values.dtype.char)


def _mapped_array(stream: IO[bytes], mapped: mmap.mmap) -> np.ndarray[Any, Any]:
    """The .npy array at the stream's position, as a read-only view of `mapped`; the stream
    moves past it."""
    version = npy.read_magic(stream)
    if version not in _HEADERS:  # np.save writes 1.0, or 2.0 for a header over 64 KiB
        raise ValueError(f"the copy holds an array in .npy format {version}")
    shape, fortran, dtype = _HEADERS[version](stream)
    if fortran or dtype.hasobject or not dtype.isnative:
        raise ValueError("the copy holds an array the model never has")
    count = int(np.prod(shape, dtype=np.int64))
    offset = stream.tell()
    values = np.frombuffer(mapped, dtype=dtype, count=count, offset=offset).reshape(shape)
    stream.seek(offset + values.nbytes)
    return values
