"""The name use cases give the catalogue's session factory, so they need not import SQLAlchemy."""

from __future__ import annotations

from typing import TypeAlias

from sqlalchemy.orm import Session, sessionmaker

Sessions: TypeAlias = sessionmaker[Session]
