"""Run one export: choose the articles, write the format atomically, report what happened."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from archive_app.domain.errors import ExportError
from archive_app.exports.formats import FORMATS, ExportJob, ExportOptions, ExportSource
from archive_app.storage.atomic import atomic_file, atomic_folder


@dataclass(slots=True)
class ExportResult:
    """How many articles went where, and anything a person must know (changed originals,
    missing photos) although the export was written."""

    format: str
    articles: int
    target: Path | None
    problems: list[str] = field(default_factory=list)


def export(
    source: ExportSource,
    format_name: str,
    *,
    ids: Sequence[int] | None = None,
    output: Path | None = None,
    stdout: TextIO | None = None,
    options: ExportOptions | None = None,
) -> ExportResult:
    """Export `ids` (every article when None) to `output`, or text formats to `stdout`.

    The output appears only when complete; on any failure nothing is left at `output` (an
    earlier file there is kept) and an ExportError carries one line saying why.
    """
    try:
        chosen = FORMATS[format_name]
    except KeyError:
        raise ExportError(
            f"unknown export format {format_name!r} (choose {', '.join(FORMATS)})"
        ) from None
    job = ExportJob(source, list(ids) if ids is not None else None, options or ExportOptions())
    if not job.chosen_ids():
        raise ExportError("there are no articles to export; nothing was written")
    if output is None:
        if chosen.text is None or stdout is None:
            raise ExportError(
                f"--format {format_name} writes "
                f"{'a folder' if chosen.kind == 'folder' else 'a binary file'}; "
                "give --output"
            )
        count = chosen.text(stdout, job)
        return ExportResult(format_name, count, None, job.problems)
    if chosen.folder is not None:
        with atomic_folder(output, library=source.path) as folder:
            count = chosen.folder(folder, job)
    elif chosen.binary is not None:
        with atomic_file(output, binary=True, library=source.path) as stream:
            count = chosen.binary(stream, job)
    else:
        assert chosen.text is not None
        with atomic_file(output, library=source.path) as stream:
            count = chosen.text(stream, job)
    return ExportResult(format_name, count, output, job.problems)
