"""The README documents every command and option a person can type."""

from __future__ import annotations

import argparse

from tests.conftest import REPO

from archive_app.cli import build_parser


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser(every_command=True)  # each command's options, not only the chosen one's
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_readme_shows_the_two_commands_first() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = readme[readme.index("```sh") : readme.index("```", readme.index("```sh") + 5)]
    assert "make run" in first_block and "make test" in first_block


def test_every_command_and_option_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, sub in _subcommands().items():
        assert (
            f"archive-app [--library PATH] {name}" in readme
            or f"archive-app {name} " in readme
            or f"[{name}]" in readme
        ), name
        for action in sub._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in readme, f"{name} {option}"
