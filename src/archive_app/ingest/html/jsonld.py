"""The page's JSON-LD (schema.org) objects, flattened, and the article among them."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

log = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "scholarlyarticle",
        "techarticle",
        "report",
        "advertisercontentarticle",
        "satiricalarticle",
        "medicalscholarlyarticle",
        "posting",
    }
)
# Control characters that some sites leave raw inside JSON strings.
_CONTROL = re.compile(r"[\x00-\x1f]")


def _types(obj: dict[str, Any]) -> set[str]:
    """An object's @type values, lower-cased, without their schema.org prefix."""
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower().rsplit("/", 1)[-1] for k in kinds if k}


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON value, depth first."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from _walk(child)
    elif isinstance(value, list):
        for child in value:
            yield from _walk(child)


def _load(text: str) -> Any:
    """A JSON-LD block's data, or None when it cannot be read."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return json.loads(_CONTROL.sub(" ", text))
    except ValueError as error:
        log.debug("unreadable JSON-LD block skipped: %s", error)
        return None


def objects(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON object in the page's ld+json blocks, nested ones included."""
    found: list[dict[str, Any]] = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        data = _load(script.text or "")
        if data is not None:
            found.extend(_walk(data))
    return found


def articles(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The objects typed as an article (NewsArticle, BlogPosting …)."""
    return [obj for obj in found if _types(obj) & ARTICLE_TYPES]


def is_type(obj: dict[str, Any], *names: str) -> bool:
    """Whether the object has one of the named @types."""
    return bool(_types(obj) & {n.lower() for n in names})


def text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value: a string, the first of a list, or a name/url."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        for item in value:
            found = text_of(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        for key in ("name", "@value", "url", "@id"):
            if isinstance(value.get(key), str) and value[key].strip():
                return str(value[key]).strip()
    return None


def resolve(value: Any, found: list[dict[str, Any]]) -> Any:
    """A value, or the object its bare {"@id": …} reference names elsewhere in the graph."""
    if isinstance(value, list):
        return [resolve(item, found) for item in value]
    if isinstance(value, dict) and set(value) == {"@id"}:
        target = value["@id"]
        return next((obj for obj in found if obj.get("@id") == target and len(obj) > 1), value)
    return value
