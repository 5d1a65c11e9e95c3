"""The Archive's authority methods: people (merge, split, sign-off codes) as one undo step each."""

from __future__ import annotations

from collections.abc import Callable

from archive_app.db import authority_changes
from archive_app.domain.errors import ArchiveError
from archive_app.domain.model import ChangeInfo, PersonInfo
from archive_app.usecases.library_core import LibraryCore
from archive_app.usecases.undoable_edits import current_user


class AuthorityMixin(LibraryCore):
    """Mixed into Archive."""

    def people(self) -> list[PersonInfo]:
        return authority_changes.people(self._sessions)

    def _authority_change(self, run: Callable[[], ChangeInfo]) -> ChangeInfo:
        self._require_writable()
        with self._write_lane:
            info = run()
            problem = self._index_changes(set(), set(info.articles))
            if problem:
                raise ArchiveError(problem)
            return info

    def merge_people(self, keep: str, other: str) -> ChangeInfo:
        """Fold `other` into `keep`; `other` stays as an alias that searches still find."""
        return self._authority_change(
            lambda: authority_changes.merge_people(self._sessions, current_user(), keep, other)
        )

    def split_person(self, alias: str) -> ChangeInfo:
        """Undo a wrong merge for one spelling: it becomes its own person again."""
        return self._authority_change(
            lambda: authority_changes.split_person(self._sessions, current_user(), alias)
        )

    def attach_signoff(self, site: str, code: str, person: str) -> ChangeInfo:
        """Say who a site's sign-off code stands for; they are credited as editor wherever
        that site's articles carry the code."""
        return self._authority_change(
            lambda: authority_changes.attach_signoff(
                self._sessions, current_user(), site, code, person
            )
        )


class PlacesMixin(LibraryCore):
    """Mixed into Archive: places as an authority that librarians extend."""

    def places(self) -> list[tuple[str, int, tuple[str, ...]]]:
        """(place, articles, spellings grouped under it), the most used first."""
        return authority_changes.places(self._sessions)

    def add_place_alias(self, spelling: str, place: str) -> ChangeInfo:
        """Group a spelling under a place ("Jkt" -> "Jakarta"), as one undo step."""
        if not spelling.strip() or not place.strip():
            raise ArchiveError("both the spelling and the place are needed")
        return self._authority_change(  # type: ignore[attr-defined,no-any-return]
            lambda: authority_changes.add_place_alias(
                self._sessions, current_user(), spelling, place
            )
        )
