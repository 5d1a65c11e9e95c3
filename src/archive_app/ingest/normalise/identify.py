"""Name a text's language with py3langid (97 languages, its model shipped in the wheel)."""

from __future__ import annotations

import logging
import threading
from typing import Any

log = logging.getLogger(__name__)

_loading = threading.Lock()
_loaded: list[Any] = []


def _identifier() -> Any:
    # loaded on first use (py3langid's import with NumPy's, 0.15 s, and a mapping of the
    # cached copy; 0.5 s more the first time), never at import nor ahead: many imports never
    # need it, as the stopword profile or the script decides most texts
    with _loading:
        if not _loaded:
            from archive_app.ingest.normalise.langid_model import load_identifier

            log.debug("loading the py3langid model")
            _loaded.append(load_identifier())
        return _loaded[0]


def identify(text: str) -> list[tuple[str, float]]:
    """Every language the model knows, likeliest first, with its probability; empty when the
    text is empty. Callers choose among the languages they allow (see language.py), after
    checking that the text is not plainly in another one: a model restricted beforehand
    names one of its few languages for any text, isiZulu as Indonesian."""
    if not text.strip():
        return []
    return [(lang, float(p)) for lang, p in _identifier().rank(text)]
