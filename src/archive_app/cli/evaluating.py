"""The `eval` command: score extraction against a gold file, field by field."""

from __future__ import annotations

import argparse
from pathlib import Path


def cmd_eval(args: argparse.Namespace) -> int:
    from archive_app.evaluation.report import dumps, text_report
    from archive_app.evaluation.runner import evaluate_gold

    corpus = Path(args.corpus).expanduser() if args.corpus else None
    evaluation = evaluate_gold(
        Path(args.gold).expanduser(), corpus, in_library=not args.extract_only
    )
    print(dumps(evaluation) if args.json else text_report(evaluation, worst=args.worst))
    return 0


def add_eval(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold", metavar="GOLD.json")
    p.add_argument(
        "--corpus",
        metavar="DIR",
        help="the corpus folder the gold's source files are in "
        "(default: the folder beside the gold file's folder)",
    )
    p.add_argument(
        "--worst",
        type=int,
        default=5,
        metavar="N",
        help="how many of the worst records to show with their differences",
    )
    p.add_argument(
        "--extract-only",
        action="store_true",
        help="score each source row's extraction directly, without importing the "
        "files into a temporary library (faster; repeated rows are not deduplicated)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_eval)
