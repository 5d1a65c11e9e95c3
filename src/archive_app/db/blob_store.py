"""A team library's files in its catalogue: written and read back in chunks of about 1 MiB."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    delete,
    func,
    select,
)
from sqlalchemy import insert as plain_insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from archive_app.db.models import Base, MediaFile

CHUNK_SIZE = 1 << 20
"""Bytes per chunk: a round trip per MiB, and never more than one MiB of a file in memory."""


class Blob(Base):
    """One distinct file of a team library, named by its SHA-256 (schema 0012)."""

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    chunks: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class BlobChunk(Base):
    """The bytes of a blob from seq * CHUNK_SIZE on."""

    __tablename__ = "blob_chunks"
    sha256: Mapped[str] = mapped_column(
        String(64), ForeignKey("blobs.sha256", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class BlobMismatch(ValueError):
    """The bytes given for a blob are not the ones its SHA-256 and size name."""


def pieces(data: bytes | memoryview) -> Iterator[bytes]:
    """The bytes in CHUNK_SIZE pieces (one piece copied at a time)."""
    view = memoryview(data)
    for start in range(0, len(view), CHUNK_SIZE):
        yield bytes(view[start : start + CHUNK_SIZE])


def _chunk_count(size: int) -> int:
    return -(-size // CHUNK_SIZE)


def has_blob(session: Session, sha256: str) -> bool:
    return session.scalar(select(Blob.sha256).where(Blob.sha256 == sha256)) is not None


def put_blob(session: Session, sha256: str, size: int, chunks: Iterable[bytes]) -> bool:
    """Store a file in the session's transaction (a rollback takes it away); False, reading
    none of `chunks`, when the catalogue has it already.

    ON CONFLICT DO NOTHING on the blob's row: two desktops storing the same file at once do
    not fail, the second waits for the first's transaction and then writes nothing. The bytes
    are hashed as they go: a file that is not what its name says raises BlobMismatch.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    with session.no_autoflush:  # the import's pending articles stay pending: they flush later
        taken = session.execute(
            insert(Blob)
            .values(sha256=sha256, size=size, chunks=_chunk_count(size))
            .on_conflict_do_nothing()
            .returning(Blob.sha256)
        ).first()
        if taken is None:
            return False
        digest, written, seq = hashlib.sha256(), 0, 0
        for seq, piece in enumerate(_rechunked(chunks)):
            digest.update(piece)
            written += len(piece)
            session.execute(plain_insert(BlobChunk).values(sha256=sha256, seq=seq, data=piece))
        if digest.hexdigest() != sha256 or written != size:
            raise BlobMismatch(
                f"the file stored as {sha256} has SHA-256 {digest.hexdigest()} and "
                f"{written} bytes, not {size}"
            )
    return True


def replace_blob(session: Session, sha256: str, size: int, chunks: Iterable[bytes]) -> None:
    """Store the file again over a damaged blob of that name (in the caller's transaction)."""
    with session.no_autoflush:
        session.execute(delete(BlobChunk).where(BlobChunk.sha256 == sha256))
        session.execute(delete(Blob).where(Blob.sha256 == sha256))
    put_blob(session, sha256, size, chunks)


def _rechunked(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The bytes again in pieces of exactly CHUNK_SIZE (the last shorter), whatever the
    pieces given, so a blob's chunk seq says where its bytes start."""
    pending = bytearray()
    for chunk in chunks:
        pending += chunk
        while len(pending) >= CHUNK_SIZE:
            yield bytes(pending[:CHUNK_SIZE])
            del pending[:CHUNK_SIZE]
    if pending:
        yield bytes(pending)


@dataclass(frozen=True, slots=True)
class BlobInfo:
    sha256: str
    size: int
    chunks: int


def blob_info(session: Session, sha256: str) -> BlobInfo | None:
    row = session.execute(select(Blob.size, Blob.chunks).where(Blob.sha256 == sha256)).first()
    return None if row is None else BlobInfo(sha256, row.size, row.chunks)


def read_chunks(session: Session, info: BlobInfo) -> Iterator[bytes]:
    """The blob's bytes a chunk at a time (one query per chunk: only one chunk is ever held);
    a chunk missing from the catalogue ends the stream early, which the caller's hash sees."""
    for seq in range(info.chunks):
        data = session.scalar(
            select(BlobChunk.data).where(BlobChunk.sha256 == info.sha256, BlobChunk.seq == seq)
        )
        if data is None:
            return
        yield bytes(data)


def stored_chunks(session: Session, sha256: str) -> int:
    """How many chunk rows the blob has."""
    counted = select(func.count()).select_from(BlobChunk).where(BlobChunk.sha256 == sha256)
    return int(session.scalar(counted) or 0)


def verify(session: Session, sha256: str) -> str | None:
    """None when the blob's chunks hash to its name and size; else what is wrong with it
    ("missing" or "changed")."""
    info = blob_info(session, sha256)
    if info is None:
        return "missing"
    digest, size = hashlib.sha256(), 0
    for chunk in read_chunks(session, info):
        digest.update(chunk)
        size += len(chunk)
    if digest.hexdigest() != sha256 or size != info.size:
        return "changed"
    return None


def missing_blobs(session: Session, sha256s: Iterable[str]) -> set[str]:
    """The SHA-256s of `sha256s` with no blob in the catalogue."""
    wanted = set(sha256s)
    present: set[str] = set()
    listed = sorted(wanted)
    for start in range(0, len(listed), 1000):
        batch = listed[start : start + 1000]
        present.update(session.scalars(select(Blob.sha256).where(Blob.sha256.in_(batch))))
    return wanted - present


def photo_of_thumbnail(session: Session, thumbnail: str) -> str | None:
    """The library path of the photo whose thumbnail is `thumbnail` (a thumbnail is derived:
    it is not stored as a blob, each desktop makes its own)."""
    return session.scalar(select(MediaFile.path).where(MediaFile.thumbnail == thumbnail).limit(1))
