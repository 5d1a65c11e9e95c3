"""Write a local report of an unexpected failure: where it failed, the versions, no article text."""

from __future__ import annotations

import logging
import os
import platform
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from types import TracebackType

import platformdirs

import archive_app

log = logging.getLogger(__name__)

KEEP_REPORTS = 20  # the newest reports kept in a folder; older ones are removed
MESSAGE_LIMIT = 160  # characters of a (redacted) exception message written
CHAIN_LIMIT = 5  # causes and contexts followed from the exception raised
# Quoted text in a message is most often a value (a title, a sentence of the body): none of
# it is written. A run of five or more plain words reads as prose, which may be article text.
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'|“[^”]*”|‘[^’]*’|«[^»]*»|`[^`]*`")
_PROSE = re.compile(r"(?:[^\W\d_][\w’'-]*[,.;:!?]?\s+){4,}[^\W\d_][\w’'-]*[,.;:!?]?")
# what a report is asked about the versions of: the name shown, the distribution
_DISTRIBUTIONS = (("Whoosh", "whoosh-reloaded"), ("SQLAlchemy", "sqlalchemy"))


def redacted(message: str) -> str:
    """An exception message with anything quoted or long taken out, said as what was there."""
    text = _QUOTED.sub(lambda m: f"[quoted text, {len(m.group()) - 2} characters]", message)
    text = _PROSE.sub(lambda m: f"[text, {len(m.group().split())} words]", text)
    text = " ".join(text.split())  # a message over several lines is one line here
    if len(text) > MESSAGE_LIMIT:
        text = f"{text[:MESSAGE_LIMIT]}… [{len(text) - MESSAGE_LIMIT} characters more]"
    return text


def versions(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Arsip's, Python's, the libraries' and the system's versions (`extra`: Qt's, from the
    window, which is the only part that may load Qt)."""
    found = {
        "Arsip": archive_app.__version__,
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
    }
    found.update(extra or {})
    for name, distribution in _DISTRIBUTIONS:
        try:
            found[name] = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    found["OS"] = platform.platform()
    return found


def describe(error: BaseException) -> list[str]:
    """The exception, its causes and contexts: type, redacted message and frames (file, line,
    function) only; no source line, no local value, no argument."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(seen) < CHAIN_LIMIT:
        seen.add(id(current))
        kind = type(current)
        lines.append(f"{kind.__module__}.{kind.__qualname__}: {redacted(str(current))}")
        lines.append("Traceback, oldest call first (file, line, function):")
        lines += [f"  {where}" for where in frames(current.__traceback__)]
        if current.__cause__ is not None:
            lines += ["", "It was caused by:"]
        elif current.__context__ is not None and not current.__suppress_context__:
            lines += ["", "It happened while handling:"]
        else:
            break
        current = current.__cause__ or current.__context__
    return lines


def frames(trace: TracebackType | None) -> Iterable[str]:
    while trace is not None:
        code = trace.tb_frame.f_code
        yield f'File "{code.co_filename}", line {trace.tb_lineno}, in {code.co_name}'
        trace = trace.tb_next


def report_folder(library: Path | None) -> Path:
    """The library's logs/crashes/ folder, else the user's state folder (no library, or one
    that cannot be written)."""
    if library is not None and os.access(library, os.W_OK):
        return library / "logs" / "crashes"
    return platformdirs.user_state_path("Arsip", appauthor=False) / "crashes"


def write_report(
    error: BaseException,
    doing: str,
    library: Path | None,
    extra_versions: Mapping[str, str] | None = None,
    notes: Iterable[str] = (),
) -> Path:
    """Write the report of `error` (what the person was doing, the library, the versions, the
    traceback) and return its path; raises OSError when no folder could take it."""
    now = datetime.now(UTC)
    lines = [
        "Arsip: report of an unexpected failure",
        "Written on this computer only; nothing was sent anywhere. It holds no article text:",
        "values, quoted text and the lines of code are left out on purpose.",
        "",
        f"When: {now.isoformat(timespec='seconds')}",
        f"Doing: {doing}",
        f"Library: {library if library is not None else 'none open'}",
        "",
        "Versions:",
        *(f"  {name}: {version}" for name, version in versions(extra_versions).items()),
        "",
        *describe(error),
    ]
    messages = [redacted(note) for note in notes]
    if messages:
        lines += ["", "Last messages from Qt:", *(f"  {m}" for m in messages)]
    name = f"crash-{now.strftime('%Y%m%dT%H%M%SZ')}-{os.getpid()}.txt"
    errors: list[OSError] = []
    for folder in dict.fromkeys((report_folder(library), report_folder(None))):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = _unused(folder / name)
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        except OSError as problem:  # a full or read-only disk: the next folder
            errors.append(problem)
            continue
        _keep_newest(folder)
        log.error("unexpected failure while %s: report written to %s", doing, target)
        return target
    raise errors[-1]


def _unused(path: Path) -> Path:
    """`path`, or the same name numbered when two failures came within one second."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def _keep_newest(folder: Path) -> None:
    reports = sorted(folder.glob("crash-*.txt"), key=lambda p: p.name, reverse=True)
    for old in reports[KEEP_REPORTS:]:
        try:
            old.unlink()
        except OSError as problem:  # kept, and tried again after the next failure
            log.warning("cannot remove the old report %s: %s", old, problem)
