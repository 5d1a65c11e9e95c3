"""Print the table of fault cases that `make test-faults` recorded: case, outcome, nothing lost."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    path = Path(argv[1] if len(argv) > 1 else "bench-results/faults.jsonl")
    if not path.is_file():
        print(f"no fault cases were recorded ({path} is missing)")
        return 1
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    width = max([len("case"), *(len(r["case"]) for r in rows)])
    out_width = max([len("outcome"), *(len(r["outcome"]) for r in rows)])
    print(f"{'case':<{width}}  {'outcome':<{out_width}}  nothing lost")
    print("-" * (width + out_width + 16))
    for row in rows:
        lost = "yes" if row["nothing_lost"] else "NO"
        print(f"{row['case']:<{width}}  {row['outcome']:<{out_width}}  {lost}")
    bad = sum(1 for r in rows if not r["nothing_lost"])
    print(f"\n{len(rows)} cases, {len(rows) - bad} with nothing lost")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
