"""The export formats by name: what each writes (a text file, a binary file or a folder)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from archive_app.domain.model import ArticleDetail
from archive_app.domain.record_json import TextSink
from archive_app.exports import csv_table
from archive_app.exports.bibtex import write_bibtex
from archive_app.exports.csl_json import write_csl_json
from archive_app.exports.dublin_core import write_oai_dc
from archive_app.exports.html_folder import FileFinder, file_finder, write_html_folder
from archive_app.exports.jsonld import write_jsonld
from archive_app.exports.originals_zip import write_originals_zip
from archive_app.exports.ris import write_ris


class ExportSource(Protocol):
    """What an export reads: the Archive facade satisfies it."""

    @property
    def path(self) -> Path: ...

    def article_ids(self, sort: str = ...) -> list[int]: ...

    def articles(self, ids: Sequence[int]) -> Iterator[ArticleDetail]: ...

    def export_jsonl(self, stream: TextSink, ids: Sequence[int] | None = ...) -> int: ...


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Choices some formats take (CSV's columns and byte-order mark)."""

    columns: tuple[str, ...] = csv_table.DEFAULT_COLUMNS
    bom: bool = False


@dataclass(slots=True)
class ExportJob:
    """One export in progress: which articles, from where, with what options."""

    source: ExportSource
    ids: list[int] | None  # None: every article, oldest import first (as `jsonl` always did)
    options: ExportOptions = field(default_factory=ExportOptions)
    problems: list[str] = field(default_factory=list)

    @property
    def library(self) -> Path:
        return self.source.path

    @property
    def files(self) -> FileFinder:
        """Where the originals and photos are read: the Archive's library_file (which
        fetches a team library's into this desktop's cache), else the library's folder."""
        finder: FileFinder | None = getattr(self.source, "library_file", None)
        return finder if finder is not None else file_finder(self.source.path)

    def chosen_ids(self) -> list[int]:
        return self.ids if self.ids is not None else self.source.article_ids("added")[::-1]

    def details(self) -> Iterator[ArticleDetail]:
        return self.source.articles(self.chosen_ids())


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """A format's name, what it produces, and its writer (returning the article count)."""

    name: str
    kind: str  # "text", "binary" or "folder"
    suffix: str
    summary: str
    text: Callable[[TextSink, ExportJob], int] | None = None
    binary: Callable[[IO[bytes], ExportJob], int] | None = None
    folder: Callable[[Path, ExportJob], int] | None = None


def _text(
    name: str, suffix: str, summary: str, write: Callable[[TextSink, ExportJob], int]
) -> ExportFormat:
    return ExportFormat(name, "text", suffix, summary, text=write)


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        # through the facade, so the core's own JSON Lines record stays the one definition of it
        _text(
            "jsonl",
            ".jsonl",
            "catalogue records, one JSON object per line",
            lambda s, job: job.source.export_jsonl(s, job.ids),
        ),
        _text(
            "csv",
            ".csv",
            "a spreadsheet table, one row per article",
            lambda s, job: csv_table.write_csv(
                s, job.details(), job.options.columns, bom=job.options.bom
            ),
        ),
        _text(
            "csl-json",
            ".json",
            "CSL-JSON for Zotero, Pandoc and CSL processors",
            lambda s, job: write_csl_json(s, job.details()),
        ),
        _text(
            "ris", ".ris", "RIS references (TY  - NEWS)", lambda s, job: write_ris(s, job.details())
        ),
        _text(
            "bibtex",
            ".bib",
            "BibTeX/biblatex entries",
            lambda s, job: write_bibtex(s, job.details()),
        ),
        _text(
            "oai-dc",
            ".xml",
            "Dublin Core (oai_dc) records in an OAI-PMH ListRecords document",
            lambda s, job: write_oai_dc(s, job.details()),
        ),
        _text(
            "jsonld",
            ".jsonld",
            "schema.org NewsArticle JSON-LD",
            lambda s, job: write_jsonld(s, job.details()),
        ),
        ExportFormat(
            "html",
            "folder",
            "",
            "a folder of HTML pages with photos, readable offline",
            folder=lambda p, job: write_html_folder(p, job.details(), job.files, job.problems),
        ),
        ExportFormat(
            "originals-zip",
            "binary",
            ".zip",
            "a ZIP of the original files with a SHA-256 manifest",
            binary=lambda s, job: write_originals_zip(s, job.details(), job.files, job.problems),
        ),
    )
}
