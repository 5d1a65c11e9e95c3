"""Group the spellings of a place under one name, from Indonesian administrative lists."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

import pycountry

# administrative words printed before a name ("Kota Bogor", "Kabupaten Lebak", "Provinsi Bali")
_PREFIX = re.compile(
    r"^(?:kota|kab(?:upaten)?\.?|provinsi|prov\.?|kec(?:amatan)?\.?|"
    r"city of|regency of)\s+",
    re.IGNORECASE,
)


def place_key(name: str) -> str:
    return " ".join(name.replace("-", " ").split()).casefold()


@cache
def shipped_places() -> dict[str, str]:
    """Every known spelling (folded) -> the name places are grouped under."""
    text = resources.files(__package__).joinpath("tables", "places_id.toml").read_text("utf-8")
    table = tomllib.loads(text)
    renamed: dict[str, str] = table.get("provinces", {})
    mapping: dict[str, str] = {}
    for subdivision in pycountry.subdivisions.get(country_code="ID") or []:  # type: ignore[no-untyped-call]
        if subdivision.type in ("Province", "Capital district", "Special region"):
            name = renamed.get(subdivision.name, subdivision.name)
            mapping[place_key(subdivision.name)] = name
            mapping[place_key(name)] = name
    for cities in table.get("cities", {}).values():
        for city in cities:
            mapping.setdefault(place_key(city), city)
    for spelling, name in table.get("aliases", {}).items():
        mapping[place_key(spelling)] = name
    return mapping


def canonical_place(name: str | None, aliases: dict[str, str] | None = None) -> str | None:
    """The name a place is grouped under: a librarian's alias first, then the shipped lists,
    then the printed name without its administrative prefix, capitalised as a name."""
    if not name or not name.strip():
        return None
    key = place_key(name)
    if aliases and key in aliases:
        return aliases[key]
    shipped = shipped_places()
    if key in shipped:
        return shipped[key]
    bare = _PREFIX.sub("", " ".join(name.split()))
    bare_key = place_key(bare)
    if aliases and bare_key in aliases:
        return aliases[bare_key]
    if bare_key in shipped:
        return shipped[bare_key]
    return bare if not bare.isupper() or len(bare) <= 3 else bare.title()
