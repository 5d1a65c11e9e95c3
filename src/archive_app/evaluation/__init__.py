"""Score what the app extracts against gold catalogue records, field by field."""

from __future__ import annotations

from archive_app.evaluation.runner import evaluate_gold
from archive_app.evaluation.scoring import FIELDS

__all__ = ["FIELDS", "evaluate_gold"]
