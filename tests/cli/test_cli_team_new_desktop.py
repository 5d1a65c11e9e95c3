"""The command line on a new desktop of a team library: its first search answers from the team
catalogue's full-text search and says so, then builds this desktop's index; no reindex asked."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import OnDesktop


def test_a_new_desktops_first_search_answers_from_the_catalogue_and_builds_the_index(
    migrated_postgres: str,
    tmp_path: Path,
    on_desktop: OnDesktop,
    seed_file: Path,
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    at = ("--library", migrated_postgres)
    code, _, err = on_desktop(one, *at, "import", str(seed_file))
    assert code == 0, err

    code, out, err = on_desktop(two, *at, "search", "menggaungkan", "--json")
    assert code == 0, err
    answer = json.loads(out)
    assert answer["total"] == 1 and answer["from_catalogue"] is True, out
    assert "answered by the team catalogue's full-text search" in err
    assert "indexed 1 articles" in err

    # the index is built: the next search answers from it, without a word about the catalogue
    code, out, err = on_desktop(two, *at, "search", "menggaungkan", "--json")
    assert code == 0, err
    answer = json.loads(out)
    assert answer["total"] == 1 and "from_catalogue" not in answer, out
    assert err == ""
    code, out, err = on_desktop(two, *at, "stats", "--json")
    assert code == 0 and json.loads(out)["indexed"] == 1, out + err
