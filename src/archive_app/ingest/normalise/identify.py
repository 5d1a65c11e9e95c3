"""Name a text's language with py3langid (97 languages, its model shipped in the wheel)."""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

log = logging.getLogger(__name__)


@cache
def _identifier() -> Any:
    # loaded on first use (about 3 s: the model is decompressed), never at import: most texts
    # are decided by the stopword profile or their script and never need it
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    log.debug("loading the py3langid model")
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> list[tuple[str, float]]:
    """Every language the model knows, likeliest first, with its probability; empty when the
    text is empty. Callers choose among the languages they allow (see language.py), after
    checking that the text is not plainly in another one: a model restricted beforehand
    names one of its few languages for any text, isiZulu as Indonesian."""
    if not text.strip():
        return []
    return [(lang, float(p)) for lang, p in _identifier().rank(text)]
