"""Where an <img> points: its real address among lazy-loading attributes, and its bytes
when a saved page keeps the file beside it."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from archive_app.ingest.context import ReadContext, relative_reference

# Lazy-loading scripts keep the real address in one of these; `src` is often a placeholder.
_SOURCE_ATTRIBUTES = (
    "src",
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-full-src",
    "data-hi-res-src",
    "data-lazy",
    "data-url",
    "data-srcset",
    "srcset",
    "data-flickity-lazyload-srcset",
    "data-flickity-lazyload",
)


def _first_of_srcset(value: str) -> str:
    """The first address of a srcset value."""
    return value.split(",")[0].strip().split(" ")[0]


def _placeholder(ref: str) -> bool:
    """A lazy-loading placeholder rather than the picture."""
    lowered = ref.lower()
    return (
        lowered.startswith(("data:", "about:", "javascript:"))
        or lowered.endswith(".svg")
        or "placeholder" in lowered
        or "blank." in lowered
        or "spacer." in lowered
    )


def references(img: HtmlElement) -> list[str]:
    """Every address the image names, the likeliest real one first."""
    found: list[str] = []
    nodes = [img]
    picture = img.getparent()
    if picture is not None and picture.tag == "picture":
        nodes += list(picture.iter("source"))
    for node in nodes:
        for attr in _SOURCE_ATTRIBUTES:
            value = (node.get(attr) or "").strip()
            if not value:
                continue
            ref = _first_of_srcset(value) if "srcset" in attr or "," in value else value
            if ref and not _placeholder(ref) and ref not in found:
                found.append(ref)
    return found


def absolute(ref: str, base: str | None) -> str:
    """A reference as the live site meant it: joined with the page's address when relative."""
    if urlsplit(ref).scheme or not base:
        return ref
    return urljoin(base, ref)


def _saved_file(context: ReadContext) -> bool:
    """Whether the page is a saved file (on disk or in a zip) rather than a web capture,
    whose member is the address it was captured from."""
    return not (context.member or "").startswith(("http://", "https://"))


def locate(
    refs: list[str], base: str | None, context: ReadContext
) -> tuple[str | None, bytes | None]:
    """The photo's address and, when the page's source keeps the file, its bytes.

    The context's resolver looks in the browser's "_files" folder, the same zip or the same
    web archive; it never reaches the network. A relative reference that a saved page's folder
    resolves stays as written, naming that file; other relative references are joined with
    the page's address, as the live site meant them.
    """
    for ref in refs:
        data = context.resolve(ref)
        if data:
            local = relative_reference(ref) is not None and _saved_file(context)
            return (ref if local else absolute(ref, base)), data
    if not refs:
        return None, None
    return absolute(refs[0], base), None


def same_picture(a: str | None, b: str | None) -> bool:
    """Whether two addresses name the same picture (sizes and crops of one file count)."""
    if not a or not b:
        return False
    if a == b:
        return True
    stem_a = urlsplit(a).path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    stem_b = urlsplit(b).path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return len(stem_a) >= 8 and stem_a == stem_b
