"""A change refused because another desktop changed the article since it was prepared."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from archive_app.domain.errors import ArchiveError


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """One field as it stands now (theirs) and as the refused change would have set it (yours)."""

    field: str
    theirs: Any
    yours: Any


@dataclass(frozen=True, slots=True)
class Conflict:
    """An article changed meanwhile: the row version the change was prepared against, the one
    it has now, and the fields of the change whose stored value is not the one it would write
    (empty when someone else changed only other fields)."""

    article_id: int
    title: str
    expected_version: int | None
    current_version: int | None  # None: the article was deleted meanwhile
    fields: tuple[FieldConflict, ...]

    def lines(self) -> list[str]:
        """One line per field, naming the article and the field."""
        where = (
            f"article {self.article_id} ({self.title})"
            if self.title
            else (f"article {self.article_id}")
        )
        if self.current_version is None:
            return [f"{where} was deleted by someone else; nothing was changed"]
        if not self.fields:
            return [
                f"{where} was changed by someone else (version {self.expected_version} -> "
                f"{self.current_version}); nothing was changed"
            ]
        if self.expected_version is None:  # undo: these very fields were changed since
            return [
                f"{where}: {f.field} was changed by someone else since: theirs {f.theirs!r}, "
                f"yours {f.yours!r}"
                for f in self.fields
            ]
        # an edit prepared at an older version: the article changed, maybe in other fields
        return [
            f"{where} was changed by someone else since version {self.expected_version} "
            f"(now {self.current_version}): {f.field}: theirs {f.theirs!r}, yours {f.yours!r}"
            for f in self.fields
        ]


class ConflictError(ArchiveError):
    """A change set refused as a whole: nothing of it was written."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        super().__init__("\n".join(line for c in self.conflicts for line in c.lines()))
