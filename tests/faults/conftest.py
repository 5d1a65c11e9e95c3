"""Fault cases: each records one row (case, outcome, nothing lost) for `make test-faults`."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

# `make test-faults` names this file; the table is printed from it after the run
TABLE_ENV = "ARSIP_FAULT_TABLE"

FaultRecorder = Callable[[str, str, bool], None]


@pytest.fixture
def fault_case(request: pytest.FixtureRequest) -> FaultRecorder:
    """Call as `fault_case(case, outcome, nothing_lost)` once a case has run and been checked;
    the row goes into the table `make test-faults` prints (nothing is written otherwise)."""

    def record(case: str, outcome: str, nothing_lost: bool) -> None:
        target = os.environ.get(TABLE_ENV)
        if not target:
            return
        row = {
            "case": case,
            "outcome": outcome,
            "nothing_lost": nothing_lost,
            "test": request.node.nodeid,
        }
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as stream:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")

    return record
