"""Arsip's colours: the light, dark and high-contrast palettes the look is filled from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Colours:
    """The named colours the stylesheet (@name) and the reader's HTML are written with."""

    name: str
    paper: str
    surface: str
    surface_alt: str
    panel: str
    border: str
    border_strong: str
    text: str
    muted: str
    faint: str
    heading: str
    accent: str
    accent_soft: str
    accent_hover: str
    on_accent: str
    selection: str
    hit: str
    hit_current: str
    found: str
    error: str
    error_bg: str
    placeholder: str
    chip: str
    bar: str
    bar_selected: str
    notice: str  # the edge of the reader's "Needs review" box
    notice_bg: str
    selected_text: str  # text on the selection colour
    focus: str  # the outline of the control that has the keyboard focus


LIGHT = Colours(
    name="light",
    paper="#f7f5f0",
    surface="#ffffff",
    surface_alt="#faf7f1",
    panel="#efebe3",
    border="#ddd8cd",
    border_strong="#c8c3b8",
    text="#1f2a2a",
    muted="#5b6b6b",
    faint="#6b7777",
    heading="#16302f",
    accent="#2f5d62",
    accent_soft="#5e8b7e",
    accent_hover="#3a6f75",
    on_accent="#ffffff",
    selection="#d5e6e3",
    hit="#fbe3a1",
    hit_current="#f4b860",
    found="#cfe3f5",
    error="#b3261e",
    error_bg="#fff8f7",
    placeholder="#eeeae2",
    chip="#e1ece9",
    bar="#9dbfb7",
    bar_selected="#2f5d62",
    notice="#c9a04a",
    notice_bg="#fbf4e4",
    selected_text="#1f2a2a",
    focus="#1c6dd0",
)
DARK = Colours(
    name="dark",
    paper="#1c2020",
    surface="#242a2a",
    surface_alt="#283030",
    panel="#2c3333",
    border="#3b4444",
    border_strong="#4d5858",
    text="#e3e6e1",
    muted="#aab4b1",
    faint="#8e9a97",
    heading="#f0f2ee",
    accent="#86bdb4",
    accent_soft="#6fa298",
    accent_hover="#9bcbc3",
    on_accent="#10201e",
    selection="#35534f",
    hit="#6e5716",
    hit_current="#a8671b",
    found="#2d4a66",
    error="#f2b8b5",
    error_bg="#3b2424",
    placeholder="#303838",
    chip="#33504b",
    bar="#5d8c83",
    bar_selected="#a9d8cf",
    notice="#a8843a",
    notice_bg="#302b20",
    selected_text="#e3e6e1",
    focus="#8cc4ff",
)

# High contrast (WCAG AAA, 7:1 and more for text): pure black and white, no tints that carry
# meaning alone, strong borders, and a focus outline no other colour uses.
CONTRAST = Colours(
    name="contrast",
    paper="#ffffff",
    surface="#ffffff",
    surface_alt="#f2f2f2",
    panel="#ffffff",
    border="#000000",
    border_strong="#000000",
    text="#000000",
    muted="#000000",
    faint="#1a1a1a",
    heading="#000000",
    accent="#00008b",
    accent_soft="#00008b",
    accent_hover="#000060",
    on_accent="#ffffff",
    selection="#00008b",
    hit="#ffe600",
    hit_current="#ff9d00",
    found="#9fd3ff",
    error="#a00000",
    error_bg="#ffffff",
    placeholder="#ffffff",
    chip="#ffffff",
    bar="#000000",
    bar_selected="#00008b",
    notice="#000000",
    notice_bg="#ffffff",
    selected_text="#ffffff",
    focus="#d40000",
)
CONTRAST_DARK = Colours(
    name="contrast-dark",
    paper="#000000",
    surface="#000000",
    surface_alt="#141414",
    panel="#000000",
    border="#ffffff",
    border_strong="#ffffff",
    text="#ffffff",
    muted="#ffffff",
    faint="#e6e6e6",
    heading="#ffffff",
    accent="#ffff00",
    accent_soft="#ffff00",
    accent_hover="#ffff80",
    on_accent="#000000",
    selection="#ffff00",
    hit="#7a4d00",
    hit_current="#b35c00",
    found="#003d80",
    error="#ff8080",
    error_bg="#000000",
    placeholder="#000000",
    chip="#000000",
    bar="#ffffff",
    bar_selected="#ffff00",
    notice="#ffffff",
    notice_bg="#000000",
    selected_text="#000000",
    focus="#00ffff",
)
THEMES = {"light": LIGHT, "dark": DARK, "contrast": CONTRAST, "contrast-dark": CONTRAST_DARK}
