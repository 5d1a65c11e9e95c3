"""Present an evaluation: the per-field and per-site tables, the worst records, and JSON."""

from __future__ import annotations

import json
from typing import Any

from archive_app.evaluation.metrics import norm
from archive_app.evaluation.runner import TARGETS, Evaluation
from archive_app.evaluation.scoring import FIELDS, SCALARS, RecordScore, items, record_fields

# Column heads of the per-site table, short enough for a 120-column terminal
_SHORT = {
    "published": "pub",
    "updated": "upd",
    "dateline_place": "place",
    "language": "lang",
    "captions": "capt",
    "paragraphs": "paras",
}
_MEASURE = {
    "people": "set F1",
    "signoff": "set F1",
    "related": "set F1",
    "captions": "set F1",
    "body": "token F1",
    "paragraphs": "share exact",
}


def _clip(text: object, width: int = 90) -> str:
    shown = str(text)
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def field_table(evaluation: Evaluation) -> list[str]:
    """One row per field: the score, the target and whether it is met."""
    lines = [f"{'field':<16}{'measure':<13}{'score':>7}{'target':>8}", "-" * 50]
    for name in FIELDS:
        score = evaluation.overall.scores.get(name, 0.0)
        target = TARGETS.get(name)
        mark = "" if target is None else ("ok" if score >= target else "BELOW")
        shown_target = f"{target:.2f}" if target is not None else "-"
        measure = _MEASURE.get(name, "exact")
        lines.append(f"{name:<16}{measure:<13}{score:>7.3f}{shown_target:>8}  {mark}".rstrip())
    return lines


def site_table(evaluation: Evaluation) -> list[str]:
    """One row per site, one column per field."""
    header = f"{'site':<18}{'n':>4}" + "".join(f"{_SHORT.get(n, n)[:7]:>8}" for n in FIELDS)
    lines = [header, "-" * len(header)]
    for site, group in [*evaluation.sites.items(), ("ALL", evaluation.overall)]:
        cells = "".join(f"{group.scores.get(n, 0.0):>8.3f}" for n in FIELDS)
        lines.append(f"{site[:18]:<18}{group.records:>4}{cells}")
    return lines


def record_diff(scored: RecordScore, body_lines: int = 3) -> list[str]:
    """What differs in one record: expected and extracted values of each imperfect field."""
    joined = scored.joined
    lines = [f"{joined.gold.label}  (mean {scored.mean:.3f}, {joined.gold.site})"]
    if joined.record is None:
        return [*lines, f"    no record: {joined.problem}"]
    gold, got = joined.gold.fields, record_fields(joined.record)
    for name in FIELDS:
        if scored.scores.get(name, 1.0) >= 1.0 or name == "paragraphs":
            continue
        if name in SCALARS:
            lines.append(f"    {name}: gold {gold.get(name)!r} | got {got[name]!r}")
        elif name == "body":
            lines.extend(_body_diff(gold.get("body") or [], got["body"], scored, body_lines))
        else:
            want, have = items(name, gold.get(name)), items(name, got[name])
            missing = [i for i in want if i not in have]
            extra = [i for i in have if i not in want]
            lines.append(
                f"    {name} ({scored.scores[name]:.2f}): missing {_clip(missing, 120)}"
                f" | extra {_clip(extra, 120)}"
            )
    return lines


def _body_diff(gold: list[str], got: list[str], scored: RecordScore, limit: int) -> list[str]:
    have = {norm(p) for p in got}
    want = {norm(p) for p in gold}
    missing = [p for p in gold if norm(p) not in have]
    extra = [p for p in got if norm(p) not in want]
    lines = [
        f"    body: token F1 {scored.scores['body']:.3f}, paragraphs "
        f"{scored.paragraphs_found}/{scored.paragraphs_gold}"
    ]
    lines += [f"      - {_clip(p)}" for p in missing[:limit]]
    lines += [f"      + {_clip(p)}" for p in extra[:limit]]
    return lines


def text_report(evaluation: Evaluation, worst: int = 5) -> str:
    """The report a person reads at a terminal."""
    n = len(evaluation.records)
    lines = [
        f"Gold: {evaluation.gold_path} ({n} records, "
        f"{n - len(evaluation.unmatched)} joined to an extracted record)",
        "",
    ]
    lines += field_table(evaluation)
    lines += ["", "Per site:"]
    lines += site_table(evaluation)
    ranked = sorted((r for r in evaluation.records if r.mean < 1.0), key=lambda r: r.mean)
    if ranked and worst:
        lines += ["", f"Worst records (up to {worst}):"]
        for scored in ranked[:worst]:
            lines += record_diff(scored)
    elif not ranked:
        lines += ["", "Every record matches its gold record exactly."]
    return "\n".join(lines)


def json_report(evaluation: Evaluation) -> dict[str, Any]:
    """The same evaluation as plain data (for --json and for scripts)."""
    return {
        "gold": evaluation.gold_path,
        "records": len(evaluation.records),
        "unmatched": [
            {"file": r.joined.gold.file, "key": r.joined.gold.key, "problem": r.joined.problem}
            for r in evaluation.unmatched
        ],
        "targets": TARGETS,
        "overall": evaluation.overall.scores,
        "sites": {
            site: {"records": group.records, **group.scores}
            for site, group in evaluation.sites.items()
        },
        "per_record": [
            {
                "file": r.joined.gold.file,
                "key": r.joined.gold.key,
                "locator": r.joined.locator,
                "site": r.joined.gold.site,
                "mean": r.mean,
                "scores": r.scores,
                "paragraphs": [r.paragraphs_found, r.paragraphs_gold],
            }
            for r in evaluation.records
        ],
    }


def dumps(evaluation: Evaluation) -> str:
    return json.dumps(json_report(evaluation), ensure_ascii=False, indent=2)
