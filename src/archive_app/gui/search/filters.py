"""Filters a person clicks (a site, a year, a person, a date range) as query clauses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from archive_app.gui.common.display import language_name, month_label
from archive_app.gui.common.i18n import translate

# facet name (as the core counts it) -> the field its filter searches
FACET_FIELDS = {
    "site": "site",
    "year": "date",
    "month": "date",
    "place": "place",
    "person": "person",
    "language": "lang",
    "tag": "tag",
}
_QUOTED = ("place", "person", "tag")  # values with spaces: quoted as a phrase
# a collection is not a query field: its articles are listed by the catalogue, then the
# query and the other filters narrow them (search_controller does it)
COLLECTION = "collection"


@dataclass(frozen=True, slots=True)
class Filter:
    """One active filter: `field` is a query field, `value` as the query language writes it."""

    field: str
    value: str

    @classmethod
    def from_facet(cls, facet: str, value: str) -> Filter:
        return cls(FACET_FIELDS.get(facet, facet), value)

    @classmethod
    def from_clause(cls, clause: str) -> Filter | None:
        """Read back a clause saved in the settings ("site:jpnn.com", 'person:"A B"')."""
        field, sep, value = clause.partition(":")
        if not sep or not value or field not in set(FACET_FIELDS.values()):
            return None
        return cls(field, value.strip('"'))

    @property
    def clause(self) -> str:
        """The query-language clause combined with the typed query through `within`."""
        value = self.value.replace('"', "")
        if self.field in _QUOTED:
            return f'{self.field}:"{value}"'
        return f"{self.field}:{value}"

    @property
    def label(self) -> str:
        """What the chip says: "Site: jpnn.com", "Date: May 2024 – June 2024"."""
        if self.field == "date":
            first, _sep, last = self.value.partition("..")
            shown = month_label(first) + (f" – {month_label(last)}" if last else "")
            return translate("Filters", "Date: {value}").format(value=shown)
        if self.field == COLLECTION:
            return translate("Filters", "Collection: {value}").format(value=self.value)
        if self.field == "lang":
            return translate("Filters", "Language: {value}").format(value=language_name(self.value))
        template = {
            "site": translate("Filters", "Site: {value}"),
            "place": translate("Filters", "Place: {value}"),
            "person": translate("Filters", "Person: {value}"),
            "tag": translate("Filters", "Tag: {value}"),
        }.get(self.field, "{value}")
        return template.format(value=self.value)


class FilterSet:
    """The active filters, in the order they were chosen; at most one date and one collection."""

    def __init__(self, filters: list[Filter] | None = None) -> None:
        self._filters: list[Filter] = list(filters or [])

    def __iter__(self) -> Iterator[Filter]:
        return iter(self._filters)

    def __len__(self) -> int:
        return len(self._filters)

    def __contains__(self, item: object) -> bool:
        return item in self._filters

    def toggle(self, chosen: Filter) -> bool:
        """Add the filter, or remove it when it is already on; True when it is now on."""
        if chosen in self._filters:
            self._filters.remove(chosen)
            return False
        if chosen.field in ("date", COLLECTION):  # a second one would replace, not narrow
            self._filters = [f for f in self._filters if f.field != chosen.field]
        self._filters.append(chosen)
        return True

    def set_date(self, value: str) -> None:
        """Filter by one date range (replacing any other date filter)."""
        self._filters = [f for f in self._filters if f.field != "date"]
        self._filters.append(Filter("date", value))

    def remove(self, chosen: Filter) -> None:
        if chosen in self._filters:
            self._filters.remove(chosen)

    def clear(self) -> None:
        self._filters.clear()

    def clauses(self) -> tuple[str, ...]:
        """The query-language clauses (a collection filter is not one of them)."""
        return tuple(f.clause for f in self._filters if f.field != COLLECTION)

    @property
    def collection(self) -> str | None:
        """The collection the results are limited to, if one is chosen."""
        return next((f.value for f in self._filters if f.field == COLLECTION), None)
