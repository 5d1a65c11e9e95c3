"""The command line on two desktops of one team library: each command finds what the other
desktop changed since, and check compares this desktop's index with the team catalogue."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.cli.conftest import OnDesktop


def test_a_desktop_finds_the_others_edit_and_checks_clean(
    migrated_postgres: str,
    tmp_path: Path,
    on_desktop: OnDesktop,
    seed_file: Path,
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    at = ("--library", migrated_postgres)
    code, _, err = on_desktop(one, *at, "import", str(seed_file))
    assert code == 0, err
    code, _, err = on_desktop(two, *at, "reindex")
    assert code == 0, err
    code, out, err = on_desktop(two, *at, "search", "Zebrakuda", "--json")
    assert code == 0 and json.loads(out)["total"] == 0, out + err

    code, _, err = on_desktop(one, *at, "edit", "1", "--set", "title=Zebrakuda")
    assert code == 0, err
    code, out, err = on_desktop(two, *at, "search", "Zebrakuda", "--json")
    assert code == 0 and json.loads(out)["total"] == 1, out + err

    # the originals stay on the importing desktop for now (issue 14, item 3): given them,
    # check judges the catalogue and this desktop's own index
    [mine], [theirs] = two.glob("Arsip/Team/*"), one.glob("Arsip/Team/*")
    shutil.copytree(theirs / "originals", mine / "originals", dirs_exist_ok=True)
    code, out, err = on_desktop(two, *at, "check", "--json")
    assert code == 0 and json.loads(out)["ok"] is True, out + err
