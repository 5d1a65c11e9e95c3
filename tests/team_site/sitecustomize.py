"""A child of a `pytest --backend postgresql` run turns new library folders into team catalogues."""

import os
import sys

if os.environ.get("ARSIP_TEST_TEAM_PORT"):
    # the repository root, for the tests package (this folder is tests/team_site)
    sys.path.append(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    from tests.team_folders import install_in_child

    install_in_child()
