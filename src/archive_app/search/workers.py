"""Whoosh's multi-process writer, whose worker processes die with the process that started them.

Whoosh's workers wait on a queue for documents; when their parent was killed they waited for
ever (15 minutes later they were still there, holding the library's lock). Each worker now
calls `die_with_parent()` before it starts. Whoosh has no hook for this, so the writer's
`_new_task` (where it creates a worker) is restated with the worker class swapped.
"""

from __future__ import annotations

from typing import Any

from whoosh.multiproc import MpWriter, SubWriterTask

from archive_app.storage.processes import die_with_parent


class _MortalTask(SubWriterTask):  # type: ignore[misc]
    """A Whoosh worker that ends with its parent."""

    def run(self) -> None:
        die_with_parent()
        super().run()


class MortalMpWriter(MpWriter):  # type: ignore[misc]
    """MpWriter with workers that end with their parent."""

    def _new_task(self) -> Any:
        task = _MortalTask(
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            self.multisegment,
        )
        self.tasks.append(task)
        task.start()
        return task

    def cancel(self) -> None:
        """Whoosh's cancel only tells its own copy of each worker to stop, so the workers
        waited on their queue for ever (and the interpreter for them at exit): end them."""
        try:
            super().cancel()
        finally:
            for task in self.tasks:
                if task.is_alive():
                    task.terminate()
                    task.join(10)


def multiprocess_writer(index: Any, procs: int, **kwargs: Any) -> Any:
    """A writer of `index` spreading documents over `procs` worker processes."""
    return MortalMpWriter(index, procs=procs, **kwargs)
