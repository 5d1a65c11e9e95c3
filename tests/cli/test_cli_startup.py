"""`archive-app` starts without loading what the command typed does not use: `--version` and
`--help` load none of the core (a second of CPU a person waits through at every start), and a
command loads its own module, not every other command's."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archive_app.cli import build_parser
from archive_app.cli.app import COMMANDS
from archive_app.cli.subcommands import Subcommands
from archive_app.resources import resource
from archive_app.usecases.archive import Archive

# what only the library, the index, the readers or the window need: each costs a start-up
# of --version or --help tenths of a second
HEAVY = (
    "sqlalchemy",
    "whoosh",
    "alembic",
    "trafilatura",
    "dateparser",
    "lxml",
    "py3langid",
    "PIL",
    "PySide6",
    "platformdirs",
    "archive_app.usecases.archive",
    "archive_app.db",
    "archive_app.search",
    "archive_app.ingest",
    "archive_app.exports",
)
# what an import needs and a search does not: the readers, the normaliser, the window
NOT_FOR_SEARCH = ("trafilatura", "dateparser", "lxml", "py3langid", "PySide6")


# `archive-app ARGV` as the installed command runs it, then the modules it loaded: written
# at exit, so a command that ends with SystemExit (--version, --help) reports them too
PROBE = """
import atexit, json, sys
atexit.register(lambda: print(LOADED + json.dumps(sorted(sys.modules)), file=sys.stderr))
from archive_app.launcher import main
raise SystemExit(main(sys.argv[1:]))
"""
LOADED = "modules loaded: "


def run_loading(*argv: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """`archive-app ARGV` in a fresh interpreter, and the modules it had loaded at its end."""
    run = subprocess.run(
        [sys.executable, "-c", f"LOADED = {LOADED!r}\n{PROBE}", *argv],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        check=False,
    )
    lines = [line for line in run.stderr.splitlines() if line.startswith(LOADED)]
    assert lines, run.stderr[-2000:]
    loaded: list[str] = json.loads(lines[-1].removeprefix(LOADED))
    return run, loaded


def within(loaded: list[str], names: tuple[str, ...]) -> list[str]:
    """The loaded modules that are one of `names` or inside one of them."""
    return [m for m in loaded if any(m == n or m.startswith(n + ".") for n in names)]


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_load_none_of_the_core(option: str) -> None:
    run, loaded = run_loading(option)
    assert run.returncode == 0, run.stderr[-2000:]
    # what the person asked for is still printed
    assert run.stdout.startswith("archive-app " if option == "--version" else "usage: ")
    if option == "--help":
        assert all(f"    {name} " in run.stdout for name, _help, _where in COMMANDS)
    heavy = within(loaded, HEAVY)
    assert not heavy, f"archive-app {option} loads {heavy[:12]}"
    commands = within(loaded, ("archive_app.cli",))
    assert "archive_app.cli.importing" not in commands, commands


def test_a_commands_help_and_its_usage_errors_load_none_of_the_core() -> None:
    # every command's parser at once, in a fresh interpreter: what `archive-app import --help`
    # or a mistyped option costs is the parser alone, not the library's machinery
    probe = (
        "import json, sys\n"
        "from archive_app.cli import build_parser\n"
        "build_parser(every_command=True)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    # `export --help` names the export formats, so exports/ may load; the rest may not
    heavy = within(json.loads(run.stdout), tuple(n for n in HEAVY if n != "archive_app.exports"))
    assert not heavy, f"the commands' parsers load {heavy[:12]}"
    run, loaded = run_loading("import", "--help")
    assert run.returncode == 0 and "--report-csv" in run.stdout, run.stderr[-2000:]
    assert not within(loaded, HEAVY), within(loaded, HEAVY)[:12]


@pytest.fixture(scope="module")
def samples_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    library = tmp_path_factory.mktemp("startup") / "library"
    with Archive.open(library) as archive:
        report = archive.import_paths(sorted(resource("samples").glob("*.jsonl")))
        assert report.added and not report.failed, report
    return library


def test_a_search_loads_its_command_and_not_the_import_machinery(samples_library: Path) -> None:
    run, loaded = run_loading("--library", str(samples_library), "search", "banjir", "--limit", "1")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "articles match 'banjir'" in run.stdout or "article matches" in run.stdout, run.stdout
    assert not within(loaded, NOT_FOR_SEARCH), within(loaded, NOT_FOR_SEARCH)
    commands = set(within(loaded, ("archive_app.cli",)))
    assert "archive_app.cli.reading" in commands
    others = {"importing", "exporting", "cataloguing", "safety", "team", "desktop", "selftest"}
    assert not commands & {f"archive_app.cli.{name}" for name in others}, sorted(commands)


def test_each_command_takes_its_own_options_when_chosen() -> None:
    # one parser for several commands, as a long-lived caller (the manual's test) uses it
    parser = build_parser()
    exported = parser.parse_args(["export", "--format", "csv", "--ids", "3,1-2"])
    assert (exported.format, exported.ids) == ("csv", [3, 1, 2])
    assert exported.run.__name__ == "cmd_export"
    undone = parser.parse_args(["redo", "--json"])
    assert (undone.command, undone.json, undone.run.__name__) == ("redo", True, "cmd_undo")
    assert parser.parse_args(["team", "status"]).run.__name__ == "cmd_team_status"
    with pytest.raises(SystemExit):  # a command's own check still answers a wrong value
        parser.parse_args(["search", "banjir", "--sort", "sideways"])


def test_every_listed_command_has_its_arguments() -> None:
    parser = build_parser(every_command=True)
    sub = next(a for a in parser._actions if isinstance(a, Subcommands))
    assert list(sub.choices) == [name for name, _help, _where in COMMANDS]
    for name, command in sub.choices.items():
        nested = [a for a in command._actions if isinstance(a, argparse._SubParsersAction)]
        # team and desktop run their own subcommands (team status, desktop install...)
        parsers = [p for a in nested for p in a.choices.values()] if nested else [command]
        runs = [p.get_default("run") for p in parsers]
        assert all(callable(run) for run in runs), f"{name} runs nothing"
