"""What the window remembers between runs (geometry, splitters, columns, last query, choices)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

SORTS = ("relevance", "newest", "oldest", "title")
THEMES = ("system", "light", "dark", "contrast", "contrast-dark")
LANGUAGES = ("system", "en", "id")
CITATION_STYLES = ("apa", "chicago", "chicago-note")
ZOOM_DEFAULT = 100
ZOOM_RANGE = (60, 240)
RECENT_LIBRARIES = 8  # how many libraries File ▸ Recent libraries lists


def _store() -> QSettings:
    # an INI file in the user's config folder: readable, and tests point it at a temp folder
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Arsip", "Arsip")


class Settings:
    """Typed access to QSettings; unknown or damaged values fall back to defaults."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else _store()

    def _text(self, key: str, default: str, allowed: tuple[str, ...] = ()) -> str:
        value = self.store.value(key, default)
        text = value if isinstance(value, str) else default
        return text if not allowed or text in allowed else default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def sync(self) -> None:
        self.store.sync()

    # -- window state -------------------------------------------------------------------

    def state(self, name: str) -> QByteArray | None:
        """A saved geometry, splitter or header state by name."""
        return self._bytes(f"window/{name}")

    def set_state(self, name: str, value: QByteArray) -> None:
        self.store.setValue(f"window/{name}", value)

    # -- the last search ----------------------------------------------------------------

    @property
    def last_query(self) -> str:
        return self._text("search/query", "")

    @last_query.setter
    def last_query(self, value: str) -> None:
        self.store.setValue("search/query", value)

    @property
    def last_filters(self) -> list[str]:
        value = self.store.value("search/filters", [])
        if isinstance(value, str):  # QSettings returns a one-item list as a plain string
            return [value] if value else []
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    @last_filters.setter
    def last_filters(self, value: list[str]) -> None:
        self.store.setValue("search/filters", list(value))

    @property
    def sort(self) -> str:
        return self._text("search/sort", "relevance", SORTS)

    @sort.setter
    def sort(self, value: str) -> None:
        self.store.setValue("search/sort", value)

    # -- libraries ----------------------------------------------------------------------

    @property
    def last_library(self) -> str:
        """The library open when the window last closed or switched ("" before any)."""
        return self._text("libraries/last", "")

    @last_library.setter
    def last_library(self, value: str) -> None:
        self.store.setValue("libraries/last", value)

    @property
    def recent_libraries(self) -> list[str]:
        """Libraries opened before, the latest first."""
        value = self.store.value("libraries/recent", [])
        if isinstance(value, str):  # QSettings returns a one-item list as a plain string
            return [value] if value else []
        return [v for v in value if isinstance(v, str) and v] if isinstance(value, list) else []

    def remember_library(self, path: str) -> None:
        """`path` is open now: the one to reopen next time, first in the recent list."""
        recent = [path, *(p for p in self.recent_libraries if p != path)]
        self.store.setValue("libraries/recent", recent[:RECENT_LIBRARIES])
        self.last_library = path
        self.store.sync()

    def forget_library(self, path: str) -> None:
        """Take `path` off the recent list (it moved or vanished, and the person said so)."""
        self.store.setValue("libraries/recent", [p for p in self.recent_libraries if p != path])
        if self.last_library == path:
            self.last_library = ""
        self.store.sync()

    # -- choices ------------------------------------------------------------------------

    @property
    def theme(self) -> str:
        return self._text("look/theme", "system", THEMES)

    @theme.setter
    def theme(self, value: str) -> None:
        self.store.setValue("look/theme", value)

    @property
    def language(self) -> str:
        return self._text("look/language", "system", LANGUAGES)

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("look/language", value)

    @property
    def zoom(self) -> int:
        value = self.store.value("reader/zoom", ZOOM_DEFAULT)
        try:
            zoom = int(str(value))
        except (TypeError, ValueError):
            return ZOOM_DEFAULT
        return min(max(zoom, ZOOM_RANGE[0]), ZOOM_RANGE[1])

    @zoom.setter
    def zoom(self, value: int) -> None:
        self.store.setValue("reader/zoom", value)

    @property
    def citation_style(self) -> str:
        return self._text("reader/citation", "apa", CITATION_STYLES)

    @citation_style.setter
    def citation_style(self, value: str) -> None:
        self.store.setValue("reader/citation", value)

    @property
    def sidebar_by_hand(self) -> bool:
        """The person moved the line between the catalogue and the facets (keep it there)."""
        return str(self.store.value("window/sidebar-by-hand", "false")).lower() == "true"

    @sidebar_by_hand.setter
    def sidebar_by_hand(self, value: bool) -> None:
        self.store.setValue("window/sidebar-by-hand", "true" if value else "false")
