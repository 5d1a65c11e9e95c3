"""The facade's checking part: the library's integrity, fixity and index kept in step."""

from __future__ import annotations

from archive_app.db import library_stats
from archive_app.domain.model import CheckReport, IndexStatus
from archive_app.domain.progress import CancelToken, ProgressCallback, ignore_progress
from archive_app.storage.library_folder import LibraryLayout
from archive_app.usecases.advice import advice
from archive_app.usecases.backup import FixityReport
from archive_app.usecases.library_core import LibraryCore
from archive_app.usecases.library_files import LibraryFiles
from archive_app.usecases.trust import check_library


class TrustMixin(LibraryCore):
    """Checks of the catalogue against the index and the originals, and the index's upkeep:
    repair, catch-up and rebuild, each on the writer lane."""

    layout: LibraryLayout
    files: LibraryFiles

    @property
    def index_status(self) -> IndexStatus:
        return self._upkeep.status

    def repair_index(self, cancel: CancelToken | None = None) -> int:
        """Index what the catalogue holds and the index lacks, on the writer lane like every
        long job; until it finishes, `index_status` says "indexing N of M, results may be
        incomplete". Cancelled, it stops at its next commit, and the next writer to open the
        library completes it. Failures are logged, not raised. The articles indexed."""
        if not self.index_writable:
            return 0
        with self._write_lane:
            return self._upkeep.repair(cancel)

    def catch_up_index(self) -> int:
        """Index what the catalogue committed and the index lacks (an import or edit was
        killed, or the disk filled before the index was written); the articles indexed.

        Costs a count when nothing says the index lags: the last writer closed the library,
        no index write failed since, and the two hold as many articles.
        """
        self._require_index_writable()
        with self._write_lane:
            return self._upkeep.catch_up()

    def check(self) -> CheckReport:
        """SQLite's full integrity check of the catalogue, then the catalogue against the index
        and the originals folder; leftovers of interrupted work are counted, and each kind of
        problem gets its advice."""
        return check_library(self.layout, self._upkeep.compare)

    def check_advice(self, report: CheckReport, fixity: FixityReport | None = None) -> list[str]:
        """The advice for a check together with a fixity check."""
        return advice(self.layout, report, fixity)

    def reindex(
        self,
        progress: ProgressCallback = ignore_progress,
        cancel: CancelToken | None = None,
        processes: int = 1,
    ) -> int:
        """Rebuild the whole index from the catalogue; the old index serves until the swap.

        `processes` > 1 indexes in worker processes: the CLI uses the machine's cores; the
        window, which has threads of its own, keeps one.
        """
        self._require_index_writable()
        with self._write_lane:
            return self._upkeep.reindex(progress, cancel, processes)

    def fixity(self) -> FixityReport:
        """Re-hash every original and archived photo; report changed or missing files (a
        team library's in its catalogue, streamed chunk by chunk)."""
        with self._sessions() as session:
            named = library_stats.original_paths(session) + library_stats.media_paths(session)
        return self.files.fixity(named)
