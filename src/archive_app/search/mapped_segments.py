"""Read compound Whoosh segments in place from their memory map instead of copying each part."""

from __future__ import annotations

import io
from typing import Any

from whoosh.filedb import structfile

# Whoosh maps each compound segment file, then wraps every part it opens in a BufferFile whose
# BytesIO copies that part into private memory: at 100,000 articles a searcher held about
# 330 MB this way. Random reads already slice the map; only the sequential reader needs a
# file object, so this one reads from the mapped view in place. Whoosh has no hook for it,
# hence the swap of the class its compound storage names (by patches.install_patches()).


class _MappedReader(io.RawIOBase):
    """A seekable read-only file over a memoryview, without a copy."""

    def __init__(self, view: memoryview) -> None:
        super().__init__()
        self._view = view
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = max(0, min(len(buffer), len(self._view) - self._position))
        buffer[:size] = self._view[self._position : self._position + size]
        self._position += size
        return size

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: len(self._view)}
        self._position = base[whence] + offset
        return self._position

    def tell(self) -> int:
        return self._position


class MappedBufferFile(structfile.BufferFile):  # type: ignore[misc]
    """Whoosh's BufferFile, reading its part of the map in place."""

    def __init__(self, buf: memoryview, name: str | None = None, onclose: Any = None) -> None:
        self._buf = buf
        self._name = name
        self.onclose = onclose
        self.file = _MappedReader(buf)
        self.is_real = False
        self.is_closed = False
