"""argparse's subcommands, each one's arguments added (its module imported) only when chosen."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # generic only to the type checker
    _Base = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    _Base = argparse._SubParsersAction


class Subcommands(_Base):
    """The commands' parsers, named with their help line at once, filled in by
    `archive_app.cli.<module>.<function>(parser)` when the command is parsed.

    argparse has no lazy subcommands of its own; this is the one step it lacks: its own
    action, once the parser is complete, does the parsing.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unfilled: dict[str, str] = {}  # command -> "module:function" not yet run

    def add_command(self, name: str, help_line: str, where: str) -> None:
        """List `name` with its help line; `where` ("module:function") adds its arguments."""
        self.add_parser(name, help=help_line)
        self.unfilled[name] = where

    def fill(self, name: str) -> None:
        """Add the command's arguments to its parser (once), importing its module."""
        where = self.unfilled.pop(name, None)
        if where is None:
            return
        module, function = where.split(":")
        add: Callable[[argparse.ArgumentParser], None] = getattr(
            importlib.import_module(f"archive_app.cli.{module}"), function
        )
        add(self.choices[name])

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        if isinstance(values, list) and values:
            self.fill(values[0])
        super().__call__(parser, namespace, values, option_string)
